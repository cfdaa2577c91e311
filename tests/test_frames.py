"""Row and membership helpers over pandas' Arrow-backed strings."""

from __future__ import annotations

import pandas as pd
import pytest

from factcheck.frames import is_in, is_missing, records


@pytest.mark.parametrize(
    ("cells", "allowed", "expected"),
    [
        (["C0001", "C0002", None], ["C0002"], [False, True, False]),
        (["a", "b"], pd.Series(["b", "a", "a"], dtype="str"), [True, True]),
        (["a"], [], [False]),
        ([], ["a"], []),
        (["", "x"], [""], [True, False]),
    ],
)
def test_is_in_agrees_with_pandas(cells: list, allowed: list, expected: list[bool]) -> None:
    values = pd.Series(cells, dtype="str", index=range(10, 10 + len(cells)))
    found = is_in(values, allowed)
    assert found.tolist() == expected
    assert found.index.equals(values.index)
    assert found.tolist() == values.isin(allowed).fillna(False).astype(bool).tolist()


def test_is_in_treats_cells_that_are_not_text_as_absent() -> None:
    values = pd.Series([1, None, "1", float("nan")], dtype=object)
    assert is_in(values, ["1"]).tolist() == [False, False, True, False]


def test_records_keep_every_cell_and_missing_ones() -> None:
    frame = pd.DataFrame({"a": ["x", None], "b": ["1", "2"]}, dtype="str")
    rows = records(frame)
    assert rows[0] == {"a": "x", "b": "1"}
    assert is_missing(rows[1]["a"])
    assert rows[1]["b"] == "2"
