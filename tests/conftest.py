"""Fixtures: a private copy of the committed dataset that a test may break."""

from __future__ import annotations

import csv
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from factcheck.checks.validate import check_dataset
from factcheck.problems import Problem

REPO = Path(__file__).resolve().parents[1]
# No test drafts with a model a developer installed (`factcheck drafter train`): the
# installed model is looked for in a folder of this process's that nothing writes to.
os.environ["FACTCHECK_DRAFTER_MODEL"] = str(
    Path(tempfile.gettempdir()) / f"factcheck-tests-{os.getpid()}" / "drafter.model"
)
TABLE_FILES = ("articles.csv", "sources.csv", "claims.csv", "evidence.csv")
ARTICLE_ID = "2025-09-02-kim-jong-un-train-beijing"
ARTICLE_FILE = f"articles/{ARTICLE_ID}.txt"


# The test files that drive a system program, by the marker that says which; every one of
# them is slow too. `pytest -m "not slow"` is the loop a developer runs between edits.
SYSTEM_PROGRAMS = {
    "test_spark.py": "spark",
    "test_hadoop.py": "spark",
    "test_spark_cluster.py": "spark",
    "test_site_browser.py": "browser",
    "test_site_axe.py": "browser",
    "test_office.py": "office",
    "test_notebook.py": "notebook",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        marker = SYSTEM_PROGRAMS.get(item.path.name)
        if marker is not None:
            item.add_marker(marker)
            item.add_marker("slow")
    # Spark's tests first: two of them take minutes, and a worker that started one last
    # would keep the whole run waiting while the other idles (and steals nothing more)
    items.sort(key=lambda item: SYSTEM_PROGRAMS.get(item.path.name) != "spark")


def chromium_or_skip(tests: str) -> str:
    """The Chromium on the PATH, or the calling test module skipped, saying how to get one."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip(
            f"the {tests} need Chromium (on Debian or Ubuntu: apt-get install chromium) on the "
            "PATH; Playwright drives it without downloading a browser",
            allow_module_level=True,
        )
    return found


def load_script(path: Path, name: str) -> ModuleType:
    """A script that is not in a package (docs/hooks.py, notebooks/run.py), as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_dataset(target: Path) -> Path:
    """A copy of the committed dataset's tables and texts at `target`, a new directory."""
    target.mkdir(parents=True)
    for name in TABLE_FILES:
        shutil.copyfile(REPO / name, target / name)
    shutil.copytree(REPO / "articles", target / "articles")
    return target


@pytest.fixture(scope="session")
def data() -> Any:
    """The bundled dataset as `load_dataset` gives it, loaded once per test process: a test
    reads it and never changes it."""
    import factcheck

    return factcheck.load_dataset(REPO)


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """What DuckDB finds for each named fixture, validated once per run: under xdist, in a
    folder the run's workers share (see catalogue.py)."""
    from catalogue import Catalogue

    base = tmp_path_factory.getbasetemp()
    return Catalogue((base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "found")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A copy of the committed dataset in a temporary directory."""
    return copy_dataset(tmp_path / "dataset")


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(directory: Path, file: str, row: int, column: str, value: str) -> str:
    """Set one cell, addressed as in a spreadsheet (the header is row 1); return the old value."""
    rows = read_rows(directory / file)
    index = rows[0].index(column)
    old = rows[row - 1][index]
    rows[row - 1][index] = value
    write_rows(directory / file, rows)
    return old


def await_check(directory: Path, row: int) -> None:
    """Make claims.csv's `row` await its fact-check, as a merged draft does: its review cells
    empty, and the article's assessment too, which waits for every claim's check."""
    for column in ("verdict", "verdict_rationale", "attribution_check", "reviewed_on"):
        set_cell(directory, "claims.csv", row, column, "")
    for column in ("rating", "assessment", "key_findings", "reviewed_by", "reviewed_on"):
        set_cell(directory, "articles.csv", 2, column, "")


# Sources a second article might bring: ids that sort before, between and after the
# bundled ones, so `factcheck format` (which keeps sources.csv in id order) moves every row.
NEW_SOURCES = {
    "AFP": ("Agence France-Presse", "news_agency"),
    "BBC-NEWS": ("BBC News", "publisher"),
    "KCNA-WATCH": ("KCNA Watch", "organization"),
    "NK-NEWS": ("NK News", "publisher"),
    "REUTERS": ("Reuters", "news_agency"),
    "XINHUA": ("Xinhua News Agency", "state_news_agency"),
}


def with_new_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """A sources table's id, name and kind, with `NEW_SOURCES` added, in source_id order."""
    new = pd.DataFrame(
        [(sid, name, kind) for sid, (name, kind) in NEW_SOURCES.items()],
        columns=["source_id", "name", "kind"],
    )
    table = pd.concat([sources[["source_id", "name", "kind"]].astype(str), new])
    return table.sort_values("source_id", ignore_index=True)


def get_cell(directory: Path, file: str, row: int, column: str) -> str:
    rows = read_rows(directory / file)
    return rows[row - 1][rows[0].index(column)]


# What the tests' Spark JVM is started with: its just-in-time compiler's first tier only,
# and the serial collector. The tests validate copies of a 57-claim dataset in one
# short-lived JVM, where optimising compilation and parallel collection cost more CPU than
# they save (measured on this 2-core machine: a warm validation of the bundled dataset took
# 7.3 s and 12 s of CPU, against 12.5 s and 24 s). The JVM's options change no result;
# a long run on large data is better served by the JVM's defaults, which the engine keeps.
TEST_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=512m"


@pytest.fixture(scope="module")
def spark_jvm() -> Iterator[None]:
    """`TEST_JVM_OPTIONS` for a Spark JVM started in this module's tests (one JVM serves a
    test process, so the first module to start Spark decides), unless JAVA_TOOL_OPTIONS
    is set already."""
    before = os.environ.get("JAVA_TOOL_OPTIONS")
    os.environ.setdefault("JAVA_TOOL_OPTIONS", TEST_JVM_OPTIONS)
    yield
    if before is None:
        os.environ.pop("JAVA_TOOL_OPTIONS", None)


# The engines every rule fixture runs on. Spark's start takes seconds and each of its
# validations many more, so tests/test_spark.py runs the fixtures there, packed together.
READ_MODES: dict[str, dict[str, Any]] = {"duckdb": {"engine": "duckdb"}}


@pytest.fixture(params=list(READ_MODES))
def read_mode(request: pytest.FixtureRequest) -> str:
    """The engine a test validates on (a key of `READ_MODES`)."""
    return str(request.param)


def problems_in(directory: Path, mode: str = "duckdb") -> list[Problem]:
    """The problems that fail validation; notices (say, a file left in another CSV dialect
    after an edit reorders its rows) are tested on their own."""
    checked = check_dataset(directory, **READ_MODES[mode])
    return [p for p in checked.problems if not p.notice]


def lines(problems: list[Problem]) -> list[str]:
    return [p.to_text() for p in problems]


def validate_cli(
    directory: Path, capsys: pytest.CaptureFixture[str], mode: str = "duckdb"
) -> tuple[int, list[str]]:
    """Run `factcheck validate --dir DIR` in-process: its exit code and its problem lines; in
    another engine, what it would print validating there."""
    from factcheck.cli import DEFAULT_LIMIT, main
    from factcheck.problems import exit_code, render_text

    if mode != "duckdb":
        checked = check_dataset(directory, limit=DEFAULT_LIMIT, **READ_MODES[mode])
        print(render_text(checked.problems, checked.total))
        code = int(exit_code(checked.problems))
    else:
        code = main(["validate", "--dir", str(directory)])
    # the command line names each file under --dir as given: the lines name them in the dataset
    printed = [line.removeprefix(f"{directory}/") for line in capsys.readouterr().out.splitlines()]
    return code, [line for line in printed[:-1] if ": notice: " not in line]  # then a summary


def rule_of(line: str) -> str:
    """The rule id a printed problem line ends with, in brackets."""
    return line.rsplit(" [", 1)[1].rstrip("]")
