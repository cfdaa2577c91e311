"""The spreadsheet round trip: export, edit, import; nothing lost, nothing dangerous."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from conftest import TABLE_FILES, read_rows
from factcheck.cli import main
from factcheck.dataset import DatasetUnreadable
from factcheck.edits.xlsx_import import WorkbookUnreadable, import_workbook
from factcheck.exports.base import Source
from factcheck.exports.xlsx import WorkbookFormat, write_sheet
from factcheck.model.tables import TABLES


def digest(directory: Path) -> dict[str, str]:
    return {n: hashlib.sha256((directory / n).read_bytes()).hexdigest() for n in TABLE_FILES}


@pytest.fixture
def workbook(dataset: Path, tmp_path: Path) -> Path:
    path = tmp_path / "dataset.xlsx"
    assert main(["export", "xlsx", "--dir", str(dataset), "-o", str(path)]) == 0
    return path


def test_export_then_import_reproduces_the_files_byte_for_byte(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(dataset)
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 0
    assert digest(dataset) == before
    assert "no changes: the workbook matches the CSV files" in capsys.readouterr().out


def test_an_edit_lands_and_nothing_else_changes(dataset: Path, workbook: Path) -> None:
    before = {name: read_rows(dataset / name) for name in TABLE_FILES}
    book = load_workbook(workbook)
    sheet = book["claims"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=6, column=header.index("verdict_rationale") + 1)
    cell.value = "Kim's trips abroad are few: this is a new rationale."
    book.save(workbook)
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 0
    after = {name: read_rows(dataset / name) for name in TABLE_FILES}
    changed = [
        (name, r, c)
        for name in TABLE_FILES
        for r, (old, new) in enumerate(zip(before[name], after[name], strict=True), start=1)
        for c, (a, b) in enumerate(zip(old, new, strict=True))
        if a != b
    ]
    assert changed == [("claims.csv", 6, header.index("verdict_rationale"))]


def test_an_invalid_edit_is_refused_with_its_location(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(dataset)
    book = load_workbook(workbook)
    sheet = book["claims"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=6, column=header.index("verdict") + 1).value = "maybe"
    sheet.cell(row=9, column=header.index("claim") + 1).value = '=HYPERLINK("http://x")'
    book.save(workbook)
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "sheet claims, row 6, column M (verdict): 'maybe' must be one of: supported, " in err
    assert (
        "sheet claims, row 9, column F (claim): '=HYPERLINK(\"http://x\")' must not begin "
        "with =, +, -, @, a tab or a carriage return, which a spreadsheet would run as a formula "
        "[claims.claim.formula_safe]" in err
    )
    assert err.endswith(
        "\nfactcheck import xlsx: nothing written; fix the workbook and import it again\n"
    )
    assert digest(dataset) == before


def test_sorting_a_sheet_changes_nothing(dataset: Path, workbook: Path) -> None:
    before = digest(dataset)
    book = load_workbook(workbook)
    sheet = book["evidence"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    for r, values in enumerate(sorted(rows, key=lambda v: str(v[4])), start=2):
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c).value = value
    book.save(workbook)
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 0
    assert digest(dataset) == before


def test_cells_are_typed_and_the_sheets_are_set_up_for_editing(workbook: Path) -> None:
    book = load_workbook(workbook)
    assert book.sheetnames == [spec.name for spec in TABLES] + ["columns"]
    claims = book["claims"]
    header = [c.value for c in claims[1]]
    assert claims.freeze_panes == "A2"
    assert all(c.font.bold for c in claims[1])
    first = {name: claims.cell(row=2, column=i + 1) for i, name in enumerate(header)}
    assert (first["claim_id"].value, first["claim_id"].data_type) == ("C0001", "s")
    assert first["claim_id"].number_format == "@"
    assert (first["span_start"].value, first["span_start"].number_format) == (0, "0")
    reviewed = first["reviewed_on"]
    assert reviewed.is_date
    assert reviewed.value.date() == dt.date(2026, 11, 29)
    lists = {
        str(v.sqref).split(":")[0].rstrip("0123456789"): v.formula1
        for v in claims.data_validations.dataValidation
    }
    letter = {name: claims.cell(row=1, column=i + 1).column_letter for i, name in enumerate(header)}
    assert lists[letter["verdict"]] == (
        '"supported,partly_supported,refuted,not_enough_evidence,not_checkable"'
    )
    assert set(lists) == {
        letter[n] for n in ("claim_type", "certainty", "verdict", "attribution_check")
    }
    assert 10 <= claims.column_dimensions[letter["claim"]].width <= 60
    columns = [[c.value for c in row] for row in book["columns"].iter_rows()]
    assert columns[0] == ["table", "column", "dtype", "required", "rules", "description"]
    assert columns[[r[:2] for r in columns].index(["claims", "span_start"])][:4] == [
        "claims",
        "span_start",
        "Int64",
        "yes",
    ]


def test_text_that_looks_like_a_formula_is_written_as_text() -> None:
    sheet = Workbook().active
    claims = next(spec for spec in TABLES if spec.name == "claims")
    header = claims.columns
    row = ["=1+1" if name == "claim" else "" for name in header]
    row[header.index("span_start")], row[header.index("span_end")] = "1", "2"
    write_sheet(sheet, claims, [header, row])
    cell = sheet.cell(row=2, column=header.index("claim") + 1)
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_a_workbook_without_a_table_sheet_is_refused(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = load_workbook(workbook)
    del book["sources"]
    book.save(workbook)
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{workbook}: has no sheet named sources; expected one per table [xlsx.sheets]"
    )


def test_a_file_that_is_not_a_workbook_is_refused(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "notes.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    assert main(["import", "xlsx", str(fake), "--dir", str(dataset)]) == 2
    assert "cannot be read as a workbook" in capsys.readouterr().err
    assert main(["import", "xlsx", str(tmp_path / "none.xlsx"), "--dir", str(dataset)]) == 2


@pytest.mark.parametrize("name", ["notes.xlsx", "notes.csv"])
def test_import_says_when_a_file_is_no_workbook(dataset: Path, tmp_path: Path, name: str) -> None:
    """Whatever openpyxl raises for it (a file that is no zip, a name it does not open), the
    import raises one error that says so, and writes nothing."""
    fake = tmp_path / name
    fake.write_text("claim_id\nC0001\n", encoding="utf-8")
    before = digest(dataset)
    said = f"^{re.escape(str(fake))} cannot be read as a workbook: "
    with pytest.raises(WorkbookUnreadable, match=said):
        import_workbook(fake, dataset)
    assert digest(dataset) == before


def test_export_refuses_invalid_data(dataset: Path, tmp_path: Path) -> None:
    (dataset / "claims.csv").write_text("claim_id\n", encoding="utf-8")
    assert main(["export", "xlsx", "--dir", str(dataset), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(DatasetUnreadable, match=r"claims\.csv"):
        WorkbookFormat().render(Source(dataset))


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


def edit_claims(workbook: Path, cells: dict[tuple[int, int], str]) -> None:
    """Set cells of the claims sheet, by row and column number, as an editor would."""
    book = load_workbook(workbook)
    sheet = book["claims"]
    for (row, column), value in cells.items():
        sheet.cell(row=row, column=column).value = value
    book.save(workbook)


def letter(column: int) -> str:
    return str(get_column_letter(column))


def test_notes_beside_a_table_are_named_by_their_column_letter(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    width = len(read_rows(dataset / "claims.csv")[0])
    edit_claims(workbook, {(3, width + 2): "check this one again"})  # a column left empty
    capsys.readouterr()
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 1  # as when named
    said = capsys.readouterr().err.splitlines()
    for line, place in zip(said, (width + 1, width + 2), strict=False):  # empty, then the note's
        assert line == (
            f"{workbook}, sheet claims, column {letter(place)}: has no name in the header row: "
            "name the column, or move what it holds (a note, say) to a sheet of its own "
            "[xlsx.header.blank]"
        )
    assert said[2] == "2 problems in 1 file"


def test_a_named_column_the_table_lacks_is_named_by_sheet_and_letter(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = len(read_rows(dataset / "claims.csv")[0]) + 1
    edit_claims(workbook, {(1, notes): "notes", (3, notes): "check this one again"})
    capsys.readouterr()
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(
        f"{workbook}, sheet claims, column {letter(notes)} (notes): is not a column of "
        "the claims table; its columns are: claim_id, "
    )
    assert first.endswith("[claims.columns.known]")


def test_every_problem_of_a_workbook_with_unnamed_columns_is_reported_at_once(
    dataset: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty column before a named note, and a broken verdict: one run says all three."""
    header = read_rows(dataset / "claims.csv")[0]
    empty, notes, verdict = len(header) + 1, len(header) + 2, header.index("verdict") + 1
    edited = {(1, notes): "notes", (3, notes): "check this one again", (6, verdict): "bogus"}
    edit_claims(workbook, edited)
    before = {name: (dataset / name).read_bytes() for name in ("claims.csv", "sources.csv")}
    capsys.readouterr()
    assert main(["import", "xlsx", str(workbook), "--dir", str(dataset)]) == 1
    said = capsys.readouterr().err.splitlines()
    rules = sorted(line.rsplit(" [", 1)[-1] for line in said if line.endswith("]"))
    assert rules == ["claims.columns.known]", "claims.verdict.allowed]", "xlsx.header.blank]"]
    assert any(f"column {letter(empty)}: has no name" in line for line in said)
    assert any(f"column {letter(notes)} (notes): is not a column" in line for line in said)
    assert any(f"row 6, column {letter(verdict)} (verdict)" in line for line in said)
    assert before == {name: (dataset / name).read_bytes() for name in before}  # nothing written
