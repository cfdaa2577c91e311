"""Rows as records: every cell kept, and missing cells told apart from text."""

from __future__ import annotations

import pandas as pd

from factcheck.storage.records import is_missing, records


def test_records_keep_every_cell_and_missing_ones() -> None:
    frame = pd.DataFrame({"a": ["x", None], "b": ["1", "2"]}, dtype="str")
    rows = records(frame)
    assert rows[0] == {"a": "x", "b": "1"}
    assert is_missing(rows[1]["a"])
    assert rows[1]["b"] == "2"
