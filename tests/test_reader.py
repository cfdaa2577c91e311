"""Files that cannot be read as tables: exit 2 with a clear message, never a traceback."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from conftest import lines, problems_in, read_rows, set_cell, write_rows
from factcheck.checks.validate import check_dataset
from factcheck.cli import main
from factcheck.problems import ExitCode, exit_code


def validate(directory: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["validate", "--dir", str(directory)])
    out = capsys.readouterr().out.splitlines()
    return code, [line.removeprefix(f"{directory}/") for line in out]  # files under --dir


def test_missing_file(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (dataset / "claims.csv").unlink()
    code, out = validate(dataset, capsys)
    assert code == ExitCode.CANNOT_RUN
    assert out == [
        "claims.csv: is missing: the dataset needs this CSV file [file.exists]",
        "1 problem in 1 file",
    ]


def test_empty_file(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (dataset / "sources.csv").write_bytes(b"")
    code, out = validate(dataset, capsys)
    assert code == ExitCode.CANNOT_RUN
    assert out[0] == "sources.csv: is empty: it needs at least the header row [csv.empty]"


def test_missing_column_is_fatal_but_other_files_are_still_checked(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = read_rows(dataset / "claims.csv")
    drop = rows[0].index("quote")
    write_rows(dataset / "claims.csv", [r[:drop] + r[drop + 1 :] for r in rows])
    set_cell(dataset, "sources.csv", 3, "kind", "wire")
    code, out = validate(dataset, capsys)
    assert code == ExitCode.CANNOT_RUN
    assert out == [
        "claims.csv, column quote: is missing from the header row [csv.header.missing]",
        "sources.csv, row 3, column kind: 'wire' must be one of: publisher, news_agency, "
        "state_news_agency, state_broadcaster, state_media, government_officials, person, "
        "organization [sources.kind.allowed]",
        "2 problems in 2 files",
    ]


def test_duplicated_column(dataset: Path, read_mode: str) -> None:
    rows = read_rows(dataset / "sources.csv")
    write_rows(dataset / "sources.csv", [[*r, r[1]] for r in rows])
    assert lines(problems_in(dataset, read_mode)) == [
        "sources.csv, column name: appears more than once in the header row [csv.header.repeated]"
    ]


def test_columns_without_a_name_are_named_by_their_place(dataset: Path, read_mode: str) -> None:
    """A spreadsheet's stray columns: said as such, not as a repeated or unknown column."""
    rows = read_rows(dataset / "sources.csv")
    write_rows(dataset / "sources.csv", [[*r, "", ""] for r in rows])
    width = len(rows[0])
    assert lines(problems_in(dataset, read_mode)) == [
        f"sources.csv, column {place}: has no name in the header row (the column's place is "
        "given): name the column, or delete it if it holds nothing [csv.header.blank]"
        for place in (width + 1, width + 2)
    ]


@pytest.mark.parametrize(
    ("delimiter", "words"),
    [
        (";", "semicolons, as spreadsheets save CSV where the comma is the decimal separator"),
        ("\t", "tabs, as spreadsheets save tab-delimited or Unicode text"),
    ],
)
@pytest.mark.parametrize("drop_column", [False, True])
def test_a_file_saved_with_another_delimiter_says_so(
    dataset: Path, read_mode: str, delimiter: str, words: str, drop_column: bool
) -> None:
    rows = read_rows(dataset / "evidence.csv")
    if drop_column:  # a column lost too: the delimiter is still what to fix first
        rows = [row[:-1] for row in rows]
    with (dataset / "evidence.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    assert lines(problems_in(dataset, read_mode)) == [
        f"evidence.csv: separates its fields with {words}: save it again as CSV with a comma as "
        "the field delimiter (Excel: 'CSV UTF-8 (Comma delimited)'; LibreOffice: Save As, 'Edit "
        "filter settings', Field delimiter ',') [csv.delimiter]"
    ]


def test_directory_where_a_file_should_be(dataset: Path, read_mode: str) -> None:
    (dataset / "articles.csv").unlink()
    (dataset / "articles.csv").mkdir()
    assert lines(problems_in(dataset, read_mode)) == [
        "articles.csv: is a directory, not a CSV file [file.is_file]"
    ]


def test_unreadable_file(dataset: Path, monkeypatch: pytest.MonkeyPatch, read_mode: str) -> None:
    """A file the system refuses to read (tests run as root, so permissions cannot show it)."""
    real_read, real_open = Path.read_bytes, Path.open

    def refuse(path: Path) -> None:
        if path.name == "sources.csv":
            raise PermissionError(13, "Permission denied", str(path))

    def read(path: Path) -> bytes:
        refuse(path)
        return real_read(path)

    def open_(path: Path, *args: Any, **kwargs: Any) -> Any:
        refuse(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read)
    monkeypatch.setattr(Path, "open", open_)
    assert lines(problems_in(dataset, read_mode)) == [
        "sources.csv: cannot be read: Permission denied [file.readable]"
    ]


def test_not_utf8(dataset: Path, read_mode: str) -> None:
    path = dataset / "sources.csv"
    path.write_bytes(path.read_text(encoding="utf-8").replace("’", "'").encode("utf-16"))
    found = problems_in(dataset, read_mode)
    assert lines(found) == [
        "sources.csv: is not UTF-8 text (byte 0xFF at position 0); save it as UTF-8 "
        "(in Excel: 'CSV UTF-8') [file.utf8]"
    ]
    assert exit_code(found) == ExitCode.CANNOT_RUN


def test_latin1_file_names_the_byte(dataset: Path, read_mode: str) -> None:
    path = dataset / "claims.csv"
    path.write_bytes(path.read_text(encoding="utf-8").replace("’", "\u00e9").encode("latin-1"))
    assert lines(problems_in(dataset, read_mode))[0].startswith(
        "claims.csv: is not UTF-8 text (byte 0xE9 at position "
    )


def test_binary_file(dataset: Path, read_mode: str) -> None:
    (dataset / "claims.csv").write_bytes(b"claim_id\x00\x01\x02")
    assert lines(problems_in(dataset, read_mode)) == [
        "claims.csv: contains NUL bytes: it is binary, not a CSV file [file.binary]"
    ]


def test_row_with_too_many_fields(dataset: Path, read_mode: str) -> None:
    path = dataset / "sources.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[2] += ",extra"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert lines(problems_in(dataset, read_mode)) == [
        "sources.csv: is not a well-formed CSV file: Error tokenizing data. C error: Expected 7 "
        "fields in line 3, saw 8 [csv.well_formed]"
    ]


def test_unbalanced_quote(dataset: Path, read_mode: str) -> None:
    path = dataset / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8") + '"AFP,unterminated\n', encoding="utf-8")
    found = problems_in(dataset, read_mode)
    assert [p.rule for p in found] == ["csv.well_formed"]
    assert found[0].fatal


def test_not_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = validate(tmp_path / "nowhere", capsys)
    assert code == ExitCode.CANNOT_RUN
    assert out[0] == (
        f"{tmp_path / 'nowhere'}: is not a directory: give the folder that holds the dataset's "
        "CSV files [dataset.directory]"
    )


def spreadsheet_save(path: Path) -> None:
    """Save as Excel does: byte-order mark, CRLF, every field quoted, a trailing empty line."""
    rows = read_rows(path)
    body = "\r\n".join(",".join('"' + c.replace('"', '""') + '"' for c in r) for r in rows)
    path.write_bytes(b"\xef\xbb\xbf" + (body + "\r\n\r\n").encode("utf-8"))


def test_spreadsheet_saved_files_validate_like_the_originals(dataset: Path, read_mode: str) -> None:
    for name in ("articles.csv", "sources.csv", "claims.csv"):
        spreadsheet_save(dataset / name)
    assert problems_in(dataset, read_mode) == []


def test_spreadsheet_saved_files_report_the_same_problems(dataset: Path, read_mode: str) -> None:
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")
    set_cell(dataset, "claims.csv", 9, "quote", "Russian president Vladimir Putin")
    before = problems_in(dataset, read_mode)
    spreadsheet_save(dataset / "claims.csv")
    assert problems_in(dataset, read_mode) == before
    assert len(before) == 2


def test_text_that_looks_like_missing_stays_text(dataset: Path, read_mode: str) -> None:
    for column in ("claim", "certainty_cue"):
        set_cell(dataset, "claims.csv", 6, column, "None")
    set_cell(dataset, "sources.csv", 3, "description", "NA")
    found = problems_in(dataset, read_mode)
    assert [p.rule for p in found] == [
        "claims.certainty_cue.iff_not_asserted",
        "claims.certainty_cue.in_paragraph",
    ]


def test_blank_line_between_records_keeps_row_numbers(dataset: Path, read_mode: str) -> None:
    rows = read_rows(dataset / "sources.csv")
    write_rows(dataset / "sources.csv", [*rows[:3], [], *rows[3:]])
    set_cell(dataset, "sources.csv", 6, "kind", "wire")
    found = lines(problems_in(dataset, read_mode))
    assert (
        "sources.csv, row 4, column source_id: must not be empty [sources.source_id.required]"
        in found
    )
    assert any(line.startswith("sources.csv, row 6, column kind: 'wire'") for line in found)


def test_a_row_with_too_many_fields_is_placed_by_its_line(dataset: Path) -> None:
    rows = read_rows(dataset / "claims.csv")
    rows[40].append("extra")
    write_rows(dataset / "claims.csv", rows)
    found = lines(check_dataset(dataset).problems)
    assert any("line 41" in line for line in found)


def test_not_utf8_is_placed_by_its_byte(dataset: Path) -> None:
    data = (dataset / "evidence.csv").read_bytes()
    at = len(data) - 100
    (dataset / "evidence.csv").write_bytes(data[:at] + b"\xe9" + data[at + 1 :])
    found = lines(check_dataset(dataset).problems)
    assert any(f"at position {at}" in line for line in found)


def test_every_row_with_a_field_too_many_is_not_read_as_shifted_cells(
    dataset: Path, read_mode: str
) -> None:
    """pandas would take the extra first field as an index and shift every cell left."""
    path = dataset / "sources.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([text[0]] + [f"{t},extra" for t in text[1:]]) + "\n", "utf-8")
    assert lines(problems_in(dataset, read_mode)) == [
        "sources.csv: is not a well-formed CSV file: Error tokenizing data. C error: Expected 7 "
        "fields in line 2, saw 8 [csv.well_formed]"
    ]


def test_a_quote_left_open_is_placed(dataset: Path) -> None:
    data = (dataset / "claims.csv").read_bytes()
    opened = data.rfind(b',"', 0, len(data) * 3 // 4) + 2  # a file cut inside a quoted cell
    (dataset / "claims.csv").write_bytes(data[:opened] + b"cut here")
    found = lines(check_dataset(dataset).problems)
    assert any("EOF inside string starting at row" in line for line in found)
