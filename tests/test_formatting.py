"""`factcheck format`: canonical files, never a changed cell, nothing written when invalid."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import REPO, TABLE_FILES, get_cell, read_rows, set_cell
from factcheck.cli import main
from test_reader import spreadsheet_save


def digest(directory: Path) -> dict[str, str]:
    return {
        name: hashlib.sha256((directory / name).read_bytes()).hexdigest() for name in TABLE_FILES
    }


def test_spreadsheet_saved_files_come_back_byte_for_byte(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = digest(dataset)
    for name in TABLE_FILES:
        spreadsheet_save(dataset / name)
    assert main(["validate", "--dir", str(dataset)]) == 0
    out = capsys.readouterr().out
    assert out.count(": notice: is not in the canonical CSV dialect") == 4
    assert "(a byte-order mark, CRLF line endings, empty lines at the end, quotes around " in out
    capsys.readouterr()
    assert main(["format", "--dir", str(dataset), "--check"]) == 1
    assert digest(dataset) != original  # --check wrote nothing
    checked = capsys.readouterr().out.splitlines()
    assert checked[0].startswith(
        f"{dataset}/articles.csv: would be rewritten in the canonical CSV dialect (a byte-order "
    )
    assert checked[0].endswith(": run `factcheck format` (`format --check` writes nothing) "
                               "[format.check]")  # fmt: skip
    assert checked[-1] == "4 problems in 4 files"
    assert main(["format", "--dir", str(dataset), "--check", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    files = [problem["file"] for problem in report["problems"]]
    assert files == [f"{dataset}/{name}" for name in sorted(TABLE_FILES)]  # sorted, as promised
    assert main(["format", "--dir", str(dataset)]) == 0
    assert digest(dataset) == original
    assert capsys.readouterr().out.count("rewrote ") == 4


def test_format_is_idempotent_and_reorders_rows_without_changing_cells(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = read_rows(dataset / "claims.csv")
    shuffled = [rows[0], *rows[1:][::-1]]
    (dataset / "claims.csv").write_text(
        "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in shuffled) + "\n",
        encoding="utf-8",
    )
    assert main(["format", "--dir", str(dataset)]) == 0
    assert read_rows(dataset / "claims.csv") == rows
    assert (dataset / "claims.csv").read_bytes() == (REPO / "claims.csv").read_bytes()
    capsys.readouterr()
    assert main(["format", "--dir", str(dataset)]) == 0
    assert capsys.readouterr().out == "all files are already in the canonical dialect\n"


def test_invalid_data_is_refused_and_nothing_is_written(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spreadsheet_save(dataset / "sources.csv")
    set_cell(dataset, "claims.csv", 6, "verdict", "maybe")
    before = digest(dataset)
    assert main(["format", "--dir", str(dataset)]) == 1
    err = capsys.readouterr().err
    assert "claims.csv, row 6, column verdict: 'maybe'" in err
    assert "factcheck format: nothing written; fix the problems first" in err
    assert digest(dataset) == before


def test_unreadable_data_is_refused_with_exit_2(dataset: Path) -> None:
    (dataset / "evidence.csv").unlink()
    assert main(["format", "--dir", str(dataset)]) == 2


# What spreadsheets write: booleans in capitals, dates in their short format ---------------

CAPITALS_NOTICE = (
    "sources.csv: notice: is not in the canonical CSV dialect (booleans not in lower case "
    "(TRUE, as spreadsheets write them)); `factcheck format` rewrites it without changing what "
    "any cell says [csv.canonical]"
)


def test_booleans_in_any_case_validate_with_a_notice_and_come_back_lower_case(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = digest(dataset)
    for row, spelled in ((3, str.upper), (4, str.title)):
        old = get_cell(dataset, "sources.csv", row, "state_controlled")
        set_cell(dataset, "sources.csv", row, "state_controlled", spelled(old))
    assert main(["validate", "--dir", str(dataset)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"{dataset}/{CAPITALS_NOTICE}"
    assert main(["format", "--dir", str(dataset)]) == 0
    assert capsys.readouterr().out == (
        f"rewrote {dataset}/sources.csv (booleans not in lower case (TRUE, as spreadsheets "
        "write them))\n"
    )
    assert digest(dataset) == original


def test_a_short_date_is_converted_only_in_the_order_the_user_gives(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = digest(dataset)
    assert get_cell(dataset, "claims.csv", 7, "reviewed_on") == "2026-11-29"
    set_cell(dataset, "claims.csv", 7, "reviewed_on", "11/29/2026")
    changed = digest(dataset)
    assert main(["format", "--dir", str(dataset)]) == 1  # no order given: nothing guessed
    assert "[claims.reviewed_on.short_date]" in capsys.readouterr().err
    assert main(["format", "--dir", str(dataset), "--date-order", "dmy"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{dataset}/claims.csv, row 7, column reviewed_on: '11/29/2026' is no date read in the "
        "order dmy, "
        "or its year has two digits: write it by hand as YYYY-MM-DD; `factcheck format "
        "--date-order dmy` converts no date until every one can be [claims.reviewed_on.date_order]"
    )
    assert digest(dataset) == changed
    assert main(["format", "--dir", str(dataset), "--date-order", "mdy"]) == 0
    assert capsys.readouterr().out == (
        f"rewrote {dataset}/claims.csv (dates in a spreadsheet's short format, now YYYY-MM-DD)\n"
    )
    assert digest(dataset) == original


def test_day_first_dates_with_dots_come_back_in_every_date_column(dataset: Path) -> None:
    original = digest(dataset)
    set_cell(dataset, "articles.csv", 2, "published_on", "02.09.2025")
    set_cell(dataset, "claims.csv", 3, "when", "2.9.2025")
    set_cell(dataset, "evidence.csv", 2, "published_on", "03/09/2025")
    assert main(["format", "--dir", str(dataset), "--date-order", "dmy"]) == 0
    assert digest(dataset) == original


def test_a_converted_date_that_breaks_another_rule_is_refused(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(dataset, "claims.csv", 7, "reviewed_on", "1/2/2025")  # before its article
    changed = digest(dataset)
    assert main(["format", "--dir", str(dataset), "--date-order", "mdy"]) == 1
    err = capsys.readouterr().err
    assert "'2025-01-02' must not be before its article's publication date" in err
    assert (
        "factcheck format: these are the problems of the dates as converted (--date-order mdy), "
        "not of the cells as saved\n"
    ) in err
    assert digest(dataset) == changed


def test_a_two_digit_year_is_reported_and_never_converted(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(dataset, "claims.csv", 7, "reviewed_on", "11/29/26")  # as Calc saves it
    changed = digest(dataset)
    assert main(["validate", "--dir", str(dataset)]) == 1
    assert "'11/29/26' is a date as a spreadsheet saves it" in capsys.readouterr().out
    assert main(["format", "--dir", str(dataset), "--date-order", "mdy"]) == 1
    assert "[claims.reviewed_on.date_order]" in capsys.readouterr().err
    assert digest(dataset) == changed
