"""Reading the dataset's CSV files as text, the way a spreadsheet wrote them.

Every cell is read as a string and only an empty cell counts as missing, so "None", "NA"
or "null" stay text. A UTF-8 byte-order mark and CRLF line endings are accepted, as Excel
writes them, and empty lines after the last record are ignored; an empty line between
records is kept as a row, so row numbers stay those a spreadsheet shows. Anything that
stops a file from being read as a table is reported as a fatal problem, never raised.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from factcheck.problems import Problem, Severity
from factcheck.schemas import TableSpec

FIRST_DATA_ROW = 2  # the header is spreadsheet row 1


def read_table(directory: Path, spec: TableSpec) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The table's cells as strings, or None and the fatal problems that prevent reading it."""
    text, problem = read_text(directory / spec.file, spec.file, what="CSV file")
    if problem is not None:
        return None, [problem]
    assert text is not None
    header_problems = _check_header(text, spec)
    if header_problems:
        return None, header_problems
    try:
        return parse(text), []
    except (pd.errors.ParserError, csv.Error, ValueError) as error:
        detail = " ".join(str(error).split())
        return None, [
            _fatal(spec.file, "csv.well_formed", f"is not a well-formed CSV file: {detail}")
        ]


def parse(text: str) -> pd.DataFrame:
    """CSV text as a frame of strings, only empty cells missing, trailing empty rows dropped."""
    frame = pd.read_csv(
        io.StringIO(text),
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        skip_blank_lines=False,
    )
    return _drop_trailing_empty_rows(frame)


def read_text(path: Path, name: str, what: str) -> tuple[str | None, Problem | None]:
    """A file's text decoded as UTF-8 (a byte-order mark dropped), or the fatal problem."""
    try:
        if not path.exists():
            return None, _fatal(name, "file.exists", f"is missing: the dataset needs this {what}")
        if path.is_dir():
            return None, _fatal(name, "file.exists", f"is a directory, not a {what}")
        data = path.read_bytes()
    except OSError as error:  # unreadable, or a name the file system refuses (too long)
        return None, _fatal(name, "file.readable", f"cannot be read: {error.strerror}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        return None, _fatal(
            name,
            "file.utf8",
            f"is not UTF-8 text (byte 0x{byte:02X} at position {error.start}); "
            "save it as UTF-8 (in Excel: 'CSV UTF-8')",
        )
    if "\x00" in text:
        return None, _fatal(name, "file.utf8", f"contains NUL bytes: it is binary, not a {what}")
    return text, None


def _check_header(text: str, spec: TableSpec) -> list[Problem]:
    if not text.strip():
        return [_fatal(spec.file, "csv.header", "is empty: it needs at least the header row")]
    try:
        header = next(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        return [_fatal(spec.file, "csv.well_formed", f"is not a well-formed CSV file: {error}")]
    problems = [
        _fatal(spec.file, "csv.header", "appears more than once in the header row", column=name)
        for name in sorted({n for n in header if header.count(n) > 1})
    ]
    problems += [
        _fatal(spec.file, "csv.header", "is missing from the header row", column=name)
        for name in spec.columns
        if name not in header
    ]
    return problems


def _drop_trailing_empty_rows(frame: pd.DataFrame) -> pd.DataFrame:
    filled = frame.notna().any(axis=1).to_list()
    while filled and not filled[-1]:
        filled.pop()
    return frame.iloc[: len(filled)]


def _fatal(file: str, rule: str, message: str, column: str | None = None) -> Problem:
    return Problem(file, None, column, None, rule, message, severity=Severity.FATAL)
