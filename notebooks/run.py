"""Regenerate notebooks/analysis.ipynb, outputs included, from its source analysis.py.

    .venv/bin/python notebooks/run.py

analysis.py (jupytext percent format) is the notebook's source, reviewed as code;
analysis.ipynb is generated from it and committed with its outputs so the figures show on a
code host. The run also writes the README's figure to docs/figures/. Timings are not recorded,
and cells are numbered rather than given random ids, so a run on unchanged data reproduces the
same file byte for byte.
"""

from __future__ import annotations

import os
from pathlib import Path

import jupytext
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent


def main() -> None:
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
    main()
