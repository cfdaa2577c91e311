"""checks/engines/duckdb.py: cells as text, NULL only for an empty cell, Python run in SQL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from factcheck.checks.engines.duckdb import DuckDBEngine


def test_cells_round_trip_as_text_and_empty_cells_are_missing(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b'a,b\nNA,""\nNone,\n')
    engine = DuckDBEngine()
    engine.load_csv("t", path, ["a", "b"])
    assert engine.query("SELECT _row, a, b FROM t ORDER BY _row") == [
        {"_row": 2, "a": "NA", "b": None},
        {"_row": 3, "a": "None", "b": None},
    ]
    frame = engine.frame("t")
    assert frame["a"].tolist() == ["NA", "None"]
    assert frame["b"].isna().all()
    engine.close()


def _filled(outcome: pa.Array) -> pa.Array:
    return pc.fill_null(outcome, False)  # an empty cell fails these, not passes by default


def _lengths(rows: pa.RecordBatch, *columns: str) -> list[pa.Array]:
    return [pc.utf8_length(rows.column(c)) for c in columns]


def test_python_functions_run_on_cells_rows_and_text() -> None:
    engine = DuckDBEngine()
    engine.load_frame("t", pd.DataFrame({"a": ["x", None, "yy"], "b": ["1", "2", None]}))
    engine.register("short", lambda cells: _filled(pc.less(pc.utf8_length(cells), 2)), None)
    engine.register("same", lambda rows: _filled(pc.equal(*_lengths(rows, "a", "b"))), ["a", "b"])
    engine.register_text("shout", str.upper)
    found = engine.query(
        "SELECT _row, short(a) AS short, same(struct_pack(a := a, b := b)) AS same, "
        "shout(a) AS loud FROM t ORDER BY _row"
    )
    assert [(r["short"], r["same"], r["loud"]) for r in found] == [
        (True, True, "X"),
        (False, False, None),
        (False, False, "YY"),
    ]
    engine.close()
