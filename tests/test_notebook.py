"""The analysis notebook runs top to bottom, matches its source, and its committed outputs
are current: every text output the run produces is the one committed."""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO, load_script, read_rows

NOTEBOOKS = REPO / "notebooks"
TEXT_OUTPUTS = ("text/markdown", "text/plain")


def committed() -> Any:
    return nbformat.read(NOTEBOOKS / "analysis.ipynb", as_version=4)


def sources(notebook: Any) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source.strip()) for cell in notebook.cells]


def text_outputs(notebook: Any) -> list[list[str]]:
    return [
        [
            "".join(output["data"][kind])
            for output in cell.get("outputs", [])
            for kind in TEXT_OUTPUTS
            if "data" in output and kind in output["data"] and "image/png" not in output["data"]
        ]
        for cell in notebook.cells
    ]


def test_the_notebook_is_its_source_paired_by_jupytext() -> None:
    paired = jupytext.read(NOTEBOOKS / "analysis.py")
    assert sources(committed()) == sources(paired), "run: python notebooks/run.py"


def test_committed_notebook_shows_every_answer_with_its_figures() -> None:
    notebook = committed()
    headings = [c.source for c in notebook.cells if c.cell_type == "markdown"]
    for number, question in enumerate(
        [
            "Whose voice",
            "What kinds of claims",
            "What holds",
            "How does information travel",
            "When",
            "Is the article fully covered",
        ],
        start=1,
    ):
        assert any(f"## {number}. {question}" in h for h in headings)
    outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 8  # two for question 3, one for each other question and its shares


@pytest.fixture(scope="module")
def executed() -> Any:
    notebook = copy.deepcopy(committed())
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    return notebook


def test_the_run_draws_every_figure_and_states_the_dataset_numbers(executed: Any) -> None:
    """The fixture already fails on a cell error; this checks what the run shows: its eight
    figures (the output comparison below skips images) and numbers counted here straight from
    the CSV files, so a computation that drifts from the data fails even if committed with it.
    """
    outputs = [o for c in executed.cells for o in c.get("outputs", [])]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 8
    shown = "\n".join(
        "".join(o["data"]["text/markdown"]) for o in outputs if "text/markdown" in o.get("data", {})
    )
    article = read_rows(REPO / "articles.csv")
    header, first = article[0], article[1]
    rows = read_rows(REPO / "claims.csv")
    claims = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    claims = [c for c in claims if c["article_id"] == first[header.index("article_id")]]
    publisher = first[header.index("publisher_source_id")]
    own = sum(c["attribution"] == publisher for c in claims) / len(claims)
    voices = len({c["attribution"] for c in claims})
    assert f"{len(claims)} claims from {voices} voices" in shown
    assert f"own voice for {own:.0%} of the claims" in shown
    verdicts = Counter(c["verdict"] for c in claims)
    checkable = len(claims) - verdicts["not_checkable"]
    assert (
        f"Of {checkable} checkable claims, {verdicts['supported']} are supported, "
        f"{verdicts['partly_supported']} partly supported, {verdicts['refuted']} refuted "
        f"and {verdicts['not_enough_evidence']} without enough evidence"
    ) in shown


def test_committed_outputs_are_current(executed: Any) -> None:
    assert text_outputs(executed) == text_outputs(committed()), "run: python notebooks/run.py"


def run_script() -> Any:
    return load_script(NOTEBOOKS / "run.py", "notebook_run")


def test_run_names_what_is_missing_before_it_starts() -> None:
    """Without the `notebook` extra the run stops at once, saying what to install, instead
    of failing in the kernel's first cell (`ModuleNotFoundError: matplotlib`)."""
    assert run_script().missing(("json", "no_such_module_here")) == ["no_such_module_here"]
    assert run_script().missing() == []  # the test extra includes the notebook extra


def test_one_documented_way_to_run_it() -> None:
    """The notebook's header and notebooks/README.md point at the same command, and the
    README's install line installs the extra the run needs."""
    header = jupytext.read(NOTEBOOKS / "analysis.py").cells[0].source
    guide = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
    install = '.venv/bin/pip install -q -c requirements.lock -e ".[notebook]"'
    for text in (header, guide):
        assert "notebooks/run.py" in text
        assert "jupytext --execute" not in text
    assert f"{install}\n    .venv/bin/python notebooks/run.py" in guide
    assert install.replace(" -q", "") in (NOTEBOOKS / "run.py").read_text(encoding="utf-8")
