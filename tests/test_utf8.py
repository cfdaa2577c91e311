"""Cell rules read from Arrow's UTF-8 buffers must agree with the same rules asked of every
cell as text, whatever the cells hold and however the column is chunked or sliced."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.model import utf8
from factcheck.model.cells import (
    CONTROL_CHARACTERS,
    FORMULA_BYTES,
    FORMULA_START,
    LINE_BREAKS_AND_TABS,
    is_trimmed,
    lacking,
    starts_safely,
)

# Characters chosen to sit on every edge the fast paths look at: ASCII controls, white
# space inside and outside ASCII, formula starts, and multi-byte letters.
EDGY = st.sampled_from(
    [*'\t\n\r\x0b\x0c\x1c\x1f\x7f\x00 =+-@aZ.,"', "\u00a0", "\u0085", "\u2028", "é", "語", "😀"]
)
CELL = st.text(alphabet=st.one_of(EDGY, st.characters(codec="utf-8")), max_size=8)
COLUMNS = st.lists(st.lists(CELL, max_size=6), min_size=1, max_size=4)


def column(parts: list[list[str]], skip: int) -> pd.Series:
    """Cells in several Arrow chunks (one per part), then sliced, as pandas builds them."""
    series = pd.concat([pd.Series(p, dtype="str") for p in parts], ignore_index=True)
    return series.iloc[skip:].reset_index(drop=True)


def slow(values: pd.Series, ok: object) -> list[bool]:
    return [bool(ok(v)) for v in values.astype(object)]  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(COLUMNS, st.integers(0, 3))
@example([["a\x7f", "b"]], 0)  # DEL is a control character but not below 0x20
@example([["x", " "], ["\u00a0y"]], 1)
def test_fast_cell_rules_agree_with_asking_each_cell(parts: list[list[str]], skip: int) -> None:
    values = column(parts, skip)
    assert is_trimmed(values).tolist() == slow(values, lambda v: v.strip() == v)
    assert starts_safely(values).tolist() == slow(values, lambda v: not re.match(FORMULA_START, v))
    for pattern in (CONTROL_CHARACTERS, LINE_BREAKS_AND_TABS):
        expected = slow(values, lambda v, p=pattern: not re.search(p, v))
        assert lacking(pattern)(values).tolist() == expected


def test_columns_not_laid_out_as_arrow_text_are_asked_cell_by_cell() -> None:
    assert utf8.edge_bytes(pd.Series(["a", None], dtype="str")) is None
    assert utf8.has_control_bytes(pd.Series(["a"], dtype=object)) is None
    values = pd.Series([" a", "b", "=c"], dtype=object)
    assert is_trimmed(values).tolist() == [False, True, True]
    assert starts_safely(values).tolist() == [True, True, False]


def test_edge_bytes_of_empty_and_multibyte_cells() -> None:
    edges = utf8.edge_bytes(pd.Series(["", "é", "ab"], dtype="str"))
    assert edges is not None
    assert edges[0].tolist() == [-1, 0xC3, ord("a")]
    assert edges[1].tolist() == [-1, 0xA9, ord("b")]


def test_formula_bytes_are_the_formula_characters() -> None:
    starts = {chr(c) for c in range(0x3000) if re.match(FORMULA_START, chr(c))}
    assert starts == set(FORMULA_BYTES.decode("ascii"))
