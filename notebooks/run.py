"""Re-run the analysis notebook: regenerate notebooks/analysis.ipynb, outputs included, from
its source analysis.py. This is the one way to run it, from the repository's root:

    .venv/bin/pip install -q -c requirements.lock -e ".[notebook]"
    .venv/bin/python notebooks/run.py

analysis.py (jupytext percent format) is the notebook's source, reviewed as code;
analysis.ipynb is generated from it and committed with its outputs so the figures show on a
code host. The run also writes the figure docs/analysis.md shows to docs/figures/. Timings
are not recorded, and cells are numbered rather than given random ids, so a run on unchanged
data reproduces the same file byte for byte.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# What the run and the notebook import beyond factcheck itself: the `notebook` extra.
NEEDED = ("jupytext", "nbclient", "ipykernel", "matplotlib", "networkx")


def missing(modules: tuple[str, ...] = NEEDED) -> list[str]:
    """The modules of `modules` this environment cannot import."""
    return [name for name in modules if importlib.util.find_spec(name) is None]


def main() -> None:
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(HERE / "analysis.py")
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number:02d}"  # jupytext draws random ids; these keep diffs quiet
    os.environ["FACTCHECK_FIGURES"] = str(HERE.parent / "docs" / "figures")
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(HERE)}},
    )
    client.execute()
    jupytext.write(notebook, HERE / "analysis.ipynb")


if __name__ == "__main__":
    absent = missing()
    if absent:
        # a kernel missing matplotlib fails halfway with a traceback; say what to do instead
        sys.exit(
            f"notebooks/run.py: {', '.join(absent)} not installed; install the notebook "
            'extra first: .venv/bin/pip install -c requirements.lock -e ".[notebook]"'
        )
    main()
