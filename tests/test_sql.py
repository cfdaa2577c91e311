"""model/sql.py: Python's regular expressions as the engines run them, and SQL checks run by
pandera on a pandas frame."""

from __future__ import annotations

import re

import duckdb
import pandas as pd
import pytest

from factcheck.model import notation
from factcheck.model.cells import EDGE_SPACE, HTTP_URL_PATTERN, ISO_DATE
from factcheck.model.schemas import CLAIM_ID
from factcheck.model.sql import literal, passes_on_frame, sql_pattern

SAMPLES = [
    "",
    "C0001",
    "C0001\n",
    "C0001\n\n",
    " C0001",
    "2025-09-02",
    "2025-09-02\n",
    "https://example.org/a?b#c",
    "https://exa mple.org",
    "https://example.org/\u00a0x",
    "http://[::1]:80/",
    "HTTPS://EXAMPLE.ORG",
    "KCNA > YONHAP + KP-BROADCASTER",
    "KCNA >  YONHAP",
    "said > citing",
    "\u2003",
    "a\u3000",
    "\x1c",
    "é",
]


@pytest.mark.parametrize(
    "pattern", [HTTP_URL_PATTERN, ISO_DATE, CLAIM_ID, EDGE_SPACE, notation.ATTRIBUTION]
)
def test_duckdb_finds_what_python_finds(pattern: str) -> None:
    """regexp_matches searches, as re.search does (and re.match, for patterns with ^)."""
    translated = literal(sql_pattern(pattern))
    with duckdb.connect() as connection:
        for sample in SAMPLES:
            found = connection.execute(
                f"SELECT regexp_matches(?, {translated})", [sample]
            ).fetchone()
            assert found is not None
            assert found[0] == (re.search(pattern, sample) is not None), (pattern, sample)


def test_white_space_inside_and_outside_a_class() -> None:
    assert sql_pattern(r"[^\s/]") == "[^" + sql_pattern(r"\s")[1:-1] + "/]"
    assert sql_pattern(r"a\Sb").startswith("a[^")
    with pytest.raises(ValueError, match="cannot be translated"):
        sql_pattern(r"[\S]")


def test_a_bracket_first_in_a_class_is_a_character() -> None:
    assert sql_pattern(r"[]\s]") == "[]" + sql_pattern(r"\s")[1:-1] + "]"


def test_an_sql_check_runs_on_a_pandas_frame_and_null_passes() -> None:
    frame = pd.DataFrame({"a": ["1", "5", None], "b": ["2", "3", "4"]}, index=[10, 11, 12])
    passed = passes_on_frame(frame, "TRY_CAST(a AS INTEGER) < TRY_CAST(b AS INTEGER)")
    assert passed.to_dict() == {10: True, 11: False, 12: True}
