"""Problems of an imported workbook are where its editor sees them: the workbook, the
sheet, the row and the column's letter; a column of notes beside a table is named so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factcheck.cli import main


@pytest.fixture
def workbook(dataset: Path, tmp_path: Path) -> Path:
    path = tmp_path / "dataset.xlsx"
    assert main(["export", "xlsx", "--dir", str(dataset), "-o", str(path)]) == 0
    return path


def test_a_cell_is_named_by_sheet_row_and_column_letter(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = load_workbook(workbook)
    sheet = book["claims"]
    header = [c.value for c in sheet[1]]
    assert header.index("verdict") == 12  # the 13th column: M
    sheet.cell(row=6, column=13).value = "maybe"
    book.save(workbook)
    capsys.readouterr()
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{workbook}, sheet claims, row 6, column M (verdict): 'maybe' must be one of: "
        "supported, partly_supported, refuted, not_enough_evidence, not_checkable "
        "[claims.verdict.allowed]"
    )
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset), "--format", "json"]) == 1
    [record] = json.loads(capsys.readouterr().out)["problems"]
    assert (record["file"], record["sheet"], record["column"]) == (
        str(workbook),
        "claims",
        "M (verdict)",
    )


def test_notes_beside_a_table_are_named_by_their_column_letter(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = load_workbook(workbook)
    sheet = book["claims"]
    last = sheet.max_column
    sheet.cell(row=3, column=last + 2).value = "check this one again"  # a column left empty
    book.save(workbook)
    capsys.readouterr()
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 2
    letter = sheet.cell(row=1, column=last + 2).column_letter
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{workbook}, sheet claims, column {letter}: holds data under an empty header cell: "
        "name the column, or move what it holds (a note, say) to a sheet of its own "
        "[xlsx.header.blank]"
    )
