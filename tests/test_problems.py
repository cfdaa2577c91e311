"""Problems: how they are located, rendered and turned into an exit code."""

from __future__ import annotations

from factcheck.problems import (
    ExitCode,
    Problem,
    Severity,
    exit_code,
    render_text,
    sort,
)

CELL = Problem("claims.csv", 6, "claim_type", "fact", "claims.claim_type.allowed", "must be one")
FILE = Problem("sources.csv", None, None, None, "file.exists", "is missing", Severity.FATAL)
NOTE = Problem("claims.csv", None, None, None, "csv.canonical", "uses CRLF", Severity.NOTICE)
LINE = Problem(
    "articles/a.txt", 5, None, "Some sentence.", "articles.sentence.covered", "uncovered"
)


def test_locations_name_file_row_and_column() -> None:
    assert (
        CELL.to_text()
        == "claims.csv, row 6, column claim_type: 'fact' must be one [claims.claim_type.allowed]"
    )
    assert FILE.to_text() == "sources.csv: is missing [file.exists]"
    assert (
        LINE.to_text()
        == "articles/a.txt, line 5: 'Some sentence.' uncovered [articles.sentence.covered]"
    )


def test_long_values_are_shortened_in_text_but_kept_whole_in_json() -> None:
    long = Problem("claims.csv", 2, "claim", "x" * 200, "r", "m")
    assert "x" * 79 + "…'" in long.to_text()
    assert "x" * 81 not in long.to_text()
    assert long.to_record()["value"] == "x" * 200


def test_exit_codes() -> None:
    assert exit_code([]) == ExitCode.VALID == 0
    assert exit_code([CELL]) == ExitCode.INVALID == 1
    assert exit_code([CELL, FILE]) == ExitCode.CANNOT_RUN == 2


def test_rendering_summarises() -> None:
    assert render_text([]) == "valid: no problems found"
    assert render_text(sort([FILE, CELL])).splitlines() == [
        CELL.to_text(),
        FILE.to_text(),
        "2 problems in 2 files",
    ]


def test_sorting_is_by_file_row_column() -> None:
    later = Problem("claims.csv", 10, "quote", None, "r", "m")
    assert sort([later, FILE, CELL]) == [CELL, later, FILE]


def test_notices_are_shown_but_do_not_fail() -> None:
    assert exit_code([NOTE]) == ExitCode.VALID
    assert exit_code([NOTE, CELL]) == ExitCode.INVALID
    assert render_text([NOTE]).splitlines() == [
        "claims.csv: notice: uses CRLF [csv.canonical]",
        "valid: no problems found (1 notice)",
    ]
    assert render_text([CELL, NOTE]).splitlines()[-1] == "1 problem in 1 file (1 notice)"
