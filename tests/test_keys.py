"""Row and membership helpers over pandas' Arrow-backed strings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from factcheck.checks import keys
from factcheck.checks.keys import is_in


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


@pytest.mark.parametrize("collide", [False, True])
def test_key_index_finds_the_first_of_equal_keys(
    collide: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Confirmed against the keys themselves, so even hashes that all collide find right."""
    if collide:
        monkeypatch.setattr(keys, "row_hashes", lambda v: np.zeros(len(v), np.uint64))
    index = keys.KeyIndex(pd.Series(["a", "b", None, "a", "c"], dtype="str"))
    values = pd.Series(["c", "a", "zz", None, "b"], dtype="str", index=[5, 6, 7, 8, 9])
    assert index.positions(values).tolist() == [4, 0, -1, -1, 1]
    column = pd.Series(["x1", "x2", "x3", "x4", "x5"], dtype="category")
    taken = index.take(column, values)
    assert taken.index.tolist() == [5, 6, 7, 8, 9]
    assert taken.tolist()[:2] == ["x5", "x1"]
    assert taken.isna().tolist()[2:4] == [True, True]


def test_repeated_hashes_are_every_position_of_a_repeat() -> None:
    hashes = np.array([5, 1, 5, 2, 1, 9], dtype=np.uint64)
    assert keys.repeated(hashes).tolist() == [0, 1, 2, 4]
    assert keys.repeated(np.empty(0, np.uint64)).tolist() == []


def test_spilled_hashes_find_the_rows_that_repeat_across_additions(tmp_path: Path) -> None:
    spilled = keys.SpilledHashes(tmp_path / "hashes")
    top = np.uint64(2**63)  # the same low bits in another bucket is no repeat
    spilled.add(np.array([7, 3, top + np.uint64(7)], dtype=np.uint64), first_row=0)
    spilled.add(np.array([9, 7], dtype=np.uint64), first_row=3)
    spilled.add(np.array([], dtype=np.uint64), first_row=5)
    spilled.add(np.array([top + np.uint64(7)], dtype=np.uint64), first_row=5)
    assert spilled.repeated_rows().tolist() == [0, 2, 4, 5]
