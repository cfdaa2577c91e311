"""The package's version, stated here once.

hatchling reads `__version__` from this file when it builds the package (pyproject.toml's
`[tool.hatch.version]`); `factcheck --version`, the reports' tool version, the dataset's card
and what it generates read it here too, so a checkout whose version was just raised says the
new one everywhere before it is installed again. It imports nothing, so any module may use it.
"""

__version__ = "0.1.0"
