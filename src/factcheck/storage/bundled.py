"""Where the dataset this package was released with is: the folder `load_dataset()` reads.

A wheel carries the dataset's files inside the package, as `factcheck/data/` (the build hook,
hatch_build.py, puts them there). A checkout, and an editable install of one, has no such
folder: the files are at the repository's root, two folders above the package in its `src`
layout, and are read there, so there is only ever one copy of the data.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.model.tables import TABLES

_PACKAGE = Path(__file__).resolve().parents[1]
INSTALLED = _PACKAGE / "data"  # the wheel's copy; pyproject.toml's `into` names the same place


def bundled_path() -> Path:
    """The folder holding the dataset released with this package, as an absolute path.

    Returns:
        `factcheck/data/` inside the installed package when a wheel put it there; otherwise,
        in a checkout or an editable install, the repository's root, if it holds the tables.
        A build that left the data out gets the package's `data/` folder although it is not
        there, so that loading it says which folder is missing.
    """
    return locate(_PACKAGE)


def locate(package: Path) -> Path:
    """Where the dataset is for the package folder `package` (see `bundled_path`)."""
    installed = package / "data"
    checkout = package.parents[1]
    if not installed.is_dir() and package.parent.name == "src" and _holds_tables(checkout):
        return checkout
    return installed


def _holds_tables(folder: Path) -> bool:
    return all((folder / spec.file).is_file() for spec in TABLES)
