"""The quiet code points and the clean-cell pattern the validator screens rows with: a cell
the pattern clears must pass every cell rule, or a screened row would hide a problem."""

from __future__ import annotations

import random
import re
import unicodedata

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import segment
from factcheck.model.cells import (
    QUIET_RANGES,
    by_distinct,
    clean_cell,
    date_or_interval,
    nfc_normalize,
    one_to_three_sentences,
)
from factcheck.model.sql import literal, sql_pattern


def _composed_with() -> set[str]:
    """Every character that a canonical composition takes as its second part: after another
    character, it may combine with it, so a text holding it may not be in NFC."""
    seconds = set()
    for point in range(0x110000):
        parts = unicodedata.decomposition(chr(point)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    return seconds


def test_every_quiet_code_point_is_in_nfc_whatever_surrounds_it() -> None:
    seconds = _composed_with()
    for low, high in QUIET_RANGES:
        for point in range(low, high + 1):
            char = chr(point)
            assert unicodedata.normalize("NFC", char) == char, hex(point)
            assert unicodedata.combining(char) == 0, hex(point)
            assert char not in seconds, hex(point)
            assert unicodedata.category(char) not in ("Cc", "Cs", "Co", "Cn"), hex(point)


def _cell_rules_pass(cell: str) -> bool:
    """The cell rules, as their messages state them: no white space at either end, one line,
    printable, NFC, not starting like a formula."""
    return (
        cell == cell.strip()
        and not any(c in cell for c in "\r\n\t")
        and not any(ord(c) < 0x20 or ord(c) == 0x7F for c in cell)
        and unicodedata.is_normalized("NFC", cell)
        and not cell.startswith(("=", "+", "-", "@"))
    )


def _cleared(cells: list[str]) -> list[bool]:
    """Which of `cells` DuckDB finds clean with the pattern the validator uses."""
    pattern = literal(sql_pattern(clean_cell()))
    connection = duckdb.connect()
    connection.execute("CREATE TABLE cells (i INTEGER, c VARCHAR)")
    connection.executemany("INSERT INTO cells VALUES (?, ?)", list(enumerate(cells)))
    found = connection.execute(
        f"SELECT coalesce(regexp_matches(c, {pattern}), false) FROM cells ORDER BY i"
    ).fetchall()
    return [bool(row[0]) for row in found]


def test_a_cell_the_pattern_clears_passes_every_cell_rule() -> None:
    # quiet letters mixed with what breaks each rule: edge spaces, line breaks, controls,
    # formula starts, combining marks and other characters that compose or decompose
    alphabet = [
        *"ab Z9é가中—’=+-@",
        "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "\xa0", "\u0301", "\u1161", "\u11a8",
        "\u2000", "\u2028", "\u3000", "\uf900", "\u0344", "\x85", "\u00ad",
    ]  # fmt: skip
    chance = random.Random(26)
    cells = ["".join(chance.choices(alphabet, k=chance.randint(1, 6))) for _ in range(20_000)]
    cells += ["a", "é", "abc", " a", "a ", "=1", "e\u0301", "가\u11a8", "a\nb", "\ufb01"]
    cleared = _cleared(cells)
    wrongly = [
        c for c, clean in zip(cells, cleared, strict=True) if clean and not _cell_rules_pass(c)
    ]
    assert wrongly == []
    assert sum(cleared) > 1_000  # the pattern clears ordinary text, or it saves nothing


def test_the_nfc_stand_in_follows_duckdb_not_this_pythons_unicode_tables() -> None:
    # marks added in Unicode 15 (U+10EFD): DuckDB's tables know they reorder, Python 3.11's
    # do not; Spark calls the stand-in, so both engines must give DuckDB's verdict
    connection = duckdb.connect()
    for text in ["a\U00010efd\u0301", "e\u0301", "\u1100\u1161", "é", "plain", "\uf900"]:
        (duckdb_nfc,) = connection.execute("SELECT nfc_normalize(?)", [text]).fetchall()[0]
        assert nfc_normalize(text) == duckdb_nfc, ascii(text)


# Texts made of what sentence boundaries are made of: end punctuation, closers, openers,
# Python's and ASCII white space, upper and lower case, digits, an abbreviation.
_SENTENCE_PARTS = [
    *".!?\"'”’)]([“‘",
    *" \n\t\u00a0\u2028\u3000",
    *"Aa1z",
    "Mr",
    "e.g",
]
_sentence_texts = st.lists(st.sampled_from(_SENTENCE_PARTS), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_sentence_texts, min_size=1, max_size=8))
def test_arrow_counts_boundaries_as_pythons_pattern_does(texts: list[str]) -> None:
    found = pc.count_substring_regex(
        pa.array(texts, pa.string()), sql_pattern(segment.COUNTED_BOUNDARY)
    ).to_pylist()
    assert found == [len(re.findall(segment.BOUNDARY, text)) for text in texts]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.none(), _sentence_texts), min_size=1, max_size=8))
def test_one_to_three_sentences_is_the_segmenters_count(cells: list[str | None]) -> None:
    expected = [c is not None and 1 <= len(segment.sentences(c)) <= 3 for c in cells]
    assert one_to_three_sentences(pa.array(cells, pa.string())).to_pylist() == expected


def test_a_value_repeated_is_tested_once_and_an_empty_cell_passes() -> None:
    tested: list[str] = []

    def short(value: str) -> bool:
        tested.append(value)
        return len(value) < 3

    cells = pa.array(["ab", "abcd", None, "ab", "abcd"], pa.string())
    assert by_distinct(cells, short).to_pylist() == [True, False, True, True, False]
    assert sorted(tested) == ["ab", "abcd"]
    assert date_or_interval(pa.array(["2025-09-01", "2025-13-01", None])).to_pylist() == [
        True,
        False,
        True,
    ]
