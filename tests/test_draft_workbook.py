"""A draft reviewed in the workbook an editor already uses: `draft --xlsx` writes it with
the export's drop-downs, `merge` reads it back, and nothing is mangled on the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from conftest import read_rows
from factcheck.cli import main
from factcheck.drafting.files import Status
from factcheck.model.vocabularies import (
    AttributionCheck,
    Certainty,
    ClaimType,
    SourceKind,
    Verdict,
)

ARTICLES = Path(__file__).parent / "articles"
NEW_ID = "2026-02-03-flood-schools"


def drafted(dataset: Path) -> Path:
    assert main(["add-article", NEW_ID, str(ARTICLES / "local-flood.txt"),
                 "--published-on", "2026-02-03", "--publisher-source", "Coastal Courier",
                 "--dir", str(dataset)]) == 0  # fmt: skip
    assert main(["draft", NEW_ID, "--xlsx", "--dir", str(dataset)]) == 0
    return dataset / "drafts" / f"{NEW_ID}.xlsx"


def drop_downs(sheet: object) -> dict[str, str]:
    header = [cell.value for cell in sheet[1]]  # type: ignore[index]
    found = {}
    for validation in sheet.data_validations.dataValidation:  # type: ignore[attr-defined]
        column = str(validation.sqref).split(":")[0].rstrip("0123456789")
        found[header[ord(column) - ord("A")]] = validation.formula1
    return found


def test_the_draft_workbook_has_the_exports_drop_downs_and_typed_cells(dataset: Path) -> None:
    path = drafted(dataset)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["claims", "sources"]
    claims, sources = workbook["claims"], workbook["sources"]
    listed = {
        "status": Status,
        "claim_type": ClaimType,
        "certainty": Certainty,
        "verdict": Verdict,
        "attribution_check": AttributionCheck,
    }
    assert drop_downs(claims) == {
        name: '"' + ",".join(vocabulary.values()) + '"' for name, vocabulary in listed.items()
    }
    assert drop_downs(sources)["kind"] == '"' + ",".join(SourceKind.values()) + '"'
    row = [cell.value for cell in claims[2]]
    header = [cell.value for cell in claims[1]]
    assert row[header.index("claim_id")] == "C0058"  # an id stays text
    assert isinstance(row[header.index("span_start")], int)  # an offset is a number
    assert claims.freeze_panes == "A2"


def set_cells(path: Path, sheet: str, row: int, **values: object) -> None:
    workbook = load_workbook(path)
    header = [cell.value for cell in workbook[sheet][1]]
    for column, value in values.items():
        workbook[sheet].cell(row, header.index(column) + 1, value)
    workbook.save(path)


def test_a_reviewed_workbook_merges_in_steps_and_keeps_the_rest(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted(dataset)
    claim = "Schools in Vila Nova stay closed on Friday 6 February 2026 after 007 road floods."
    set_cells(path, "claims", 2, status="accepted", claim=claim, when="2026-02")
    set_cells(path, "claims", 3, status="accepted", claim='=HYPERLINK("x")')  # a formula
    capsys.readouterr()
    assert main(["merge", str(path), "--dir", str(dataset)]) == 1
    err = capsys.readouterr().err
    assert f"{path}, sheet claims, row 3, column claim: '=HYPERLINK(\"x\")' must not begin" in err
    set_cells(path, "claims", 3, status="draft")
    before = load_workbook(path)["claims"].max_row
    assert main(["merge", str(path), "--dir", str(dataset)]) == 0
    assert "merged 1 claims" in capsys.readouterr().out
    merged = read_rows(dataset / "claims.csv")[-1]
    header = read_rows(dataset / "claims.csv")[0]
    assert merged[header.index("claim")] == claim  # leading zeros and all, as typed
    assert merged[header.index("when")] == "2026-02"  # not made a date
    assert merged[header.index("claim_id")] == "C0058"
    # the rest stays in the workbook, still with its drop-downs, for the next step
    after = load_workbook(path)
    assert after["claims"].max_row == before - 1
    assert "status" in drop_downs(after["claims"])
    assert main(["draft", NEW_ID, "--xlsx", "--dir", str(dataset)]) == 0  # again: still reads


def test_a_note_beside_the_table_is_reported_by_its_column_not_a_crash(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted(dataset)
    workbook = load_workbook(path)
    sheet = workbook["claims"]
    sheet.cell(2, sheet.max_column + 2, "ask the desk about this one")  # a column apart
    workbook.save(path)
    letter = get_column_letter(sheet.max_column)
    for command in (["draft", NEW_ID, "--xlsx"], ["merge", str(path)]):
        capsys.readouterr()
        assert main([*command, "--dir", str(dataset)]) != 0
        err = capsys.readouterr().err
        assert f"{path}, sheet claims, column {letter}: has no name in the header row" in err
        assert "internal error" not in err


def test_a_workbook_asked_for_under_a_csv_name_is_refused(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafted(dataset)
    target = dataset / "review.csv"
    capsys.readouterr()
    assert main(["draft", NEW_ID, "--xlsx", "-o", str(target), "--dir", str(dataset)]) == 2
    assert f"--xlsx writes a workbook: name it FILE.xlsx, not {target}" in capsys.readouterr().err
    assert not target.exists()
