"""checks/loading.py: which files the engine reads and which the reader reads, and the rows
either way numbered as a spreadsheet numbers them."""

from __future__ import annotations

import mmap
import random
from pathlib import Path

import pytest

from conftest import REPO
from factcheck.checks.engines.base import Engine
from factcheck.checks.engines.duckdb import DuckDBEngine
from factcheck.checks.loading import load_table
from factcheck.model.tables import spec_named
from factcheck.storage.folders import LocalFolder

SOURCES = spec_named("sources")


@pytest.fixture
def engine() -> Engine:
    return DuckDBEngine()


def _sources(directory: Path, body: bytes) -> Path:
    (directory / "sources.csv").write_bytes(body)
    return directory


def _rows(engine: Engine) -> list[tuple[object, object]]:
    found = engine.query("SELECT _row, source_id FROM sources ORDER BY _row")
    return [(row["_row"], row["source_id"]) for row in found]


def test_rows_are_spreadsheet_rows_and_a_quoted_line_break_stays_in_its_cell(
    tmp_path: Path, engine: Engine
) -> None:
    header = (REPO / "sources.csv").read_bytes().split(b"\n", 1)[0]
    body = header + b'\nA,a,,person,,,"one\nline"\nB,b,,person,,,two\n'
    columns, problems = load_table(engine, LocalFolder(_sources(tmp_path, body)), SOURCES)
    assert columns is not None
    assert [p.rule for p in problems] == []
    assert _rows(engine) == [(2, "A"), (3, "B")]


def test_an_empty_line_between_records_keeps_its_row_number(tmp_path: Path, engine: Engine) -> None:
    header = (REPO / "sources.csv").read_bytes().split(b"\n", 1)[0]
    body = header + b"\nA,a,,person,,,one\n\nB,b,,person,,,two\n\n\n"
    load_table(engine, LocalFolder(_sources(tmp_path, body)), SOURCES)
    assert _rows(engine) == [(2, "A"), (3, None), (4, "B")]


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        (b"", "csv.empty"),
        (b"source_id\x00\n", "file.binary"),
        (b"source_id,name\n\xff\n", "file.utf8"),
    ],
)
def test_what_the_engine_cannot_read_is_said_by_the_reader(
    tmp_path: Path, engine: Engine, body: bytes, rule: str
) -> None:
    columns, problems = load_table(engine, LocalFolder(_sources(tmp_path, body)), SOURCES)
    assert columns is None
    assert [p.rule for p in problems] == [rule]


def test_a_file_the_engine_reads_is_never_read_again_by_the_slower_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a mistake after the engine's read (in the dialect notice, say) must not be hidden by
    # loading the file again through Python, which holds it whole in memory
    def refuse(*args: object) -> None:
        raise AssertionError("the bundled tables are read by the engine")

    monkeypatch.setattr("factcheck.checks.loading._load_by_reader", refuse)
    engine = DuckDBEngine()
    for table in ("articles", "sources", "claims", "evidence"):
        columns, problems = load_table(engine, LocalFolder(REPO), spec_named(table))
        assert columns == spec_named(table).columns
        assert problems == []


def test_an_empty_line_inside_is_found_across_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.checks import loading
    from factcheck.storage import dialect

    pieces = [b"a", b",", b"\n", b"\r\n", b"\n\n", b"\r", b"zz"]
    chance = random.Random(26)
    for width in (1, 2, 3, 5):
        monkeypatch.setattr(dialect, "WINDOW", width)
        for _ in range(300):
            data = b"x" + b"".join(chance.choices(pieces, k=chance.randint(0, 10)))
            path = tmp_path / "t.csv"
            path.write_bytes(data)
            whole = loading._EMPTY_LINE_INSIDE.search(data) is not None
            with (
                path.open("rb") as handle,
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped,
            ):
                assert loading._empty_line_inside(mapped, 0) == whole, data
