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
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from factcheck.problems import Problem, Severity
from factcheck.schemas import TableSpec

FIRST_DATA_ROW = 2  # the header is spreadsheet row 1
BOM = b"\xef\xbb\xbf"
_NOT_SPACE = re.compile(rb"\S")


def read_table(
    directory: Path, spec: TableSpec
) -> tuple[pd.DataFrame | None, bytes | None, list[Problem]]:
    """The table's cells as strings, or None and the fatal problems that prevent reading it;
    and the file's bytes where it could be read, so the dialect check need not read again.

    pandas parses the bytes themselves: handing it decoded text makes it copy the text into
    a StringIO and encode it back, three copies of a large file at once."""
    data, problem = read_bytes(directory / spec.file, spec.file, what="CSV file")
    if problem is None:
        assert data is not None
        problem = _check_utf8(data, spec.file, what="CSV file")
    if problem is not None:
        return None, None, [problem]
    assert data is not None
    header_problems = _check_header(data, spec)
    if header_problems:
        return None, data, header_problems
    try:
        return parse(data), data, []
    except (pd.errors.ParserError, csv.Error, ValueError) as error:
        detail = " ".join(str(error).split())
        return (
            None,
            data,
            [_fatal(spec.file, "csv.well_formed", f"is not a well-formed CSV file: {detail}")],
        )


def parse(text: str | bytes) -> pd.DataFrame:
    """CSV text (or its UTF-8 bytes) as a frame of strings, only empty cells missing,
    trailing empty rows dropped."""
    source = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text)
    frame = pd.read_csv(
        source,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        skip_blank_lines=False,
        encoding="utf-8-sig",
    )
    return _drop_trailing_empty_rows(frame)


def read_bytes(path: Path, name: str, what: str) -> tuple[bytes | None, Problem | None]:
    """A file's bytes, or the fatal problem: missing, a directory, or unreadable."""
    try:
        if not path.exists():
            return None, _fatal(name, "file.exists", f"is missing: the dataset needs this {what}")
        if path.is_dir():
            return None, _fatal(name, "file.exists", f"is a directory, not a {what}")
        return path.read_bytes(), None
    except OSError as error:  # unreadable, or a name the file system refuses (too long)
        return None, _fatal(name, "file.readable", f"cannot be read: {error.strerror}")


def read_text(path: Path, name: str, what: str) -> tuple[str | None, Problem | None]:
    """A file's text decoded as UTF-8 (a byte-order mark dropped), or the fatal problem."""
    data, problem = read_bytes(path, name, what)
    if problem is not None:
        return None, problem
    assert data is not None
    return decode(data, name, what)


def decode(data: bytes, name: str, what: str) -> tuple[str | None, Problem | None]:
    """Bytes as UTF-8 text (a byte-order mark dropped), or why they are not text."""
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


def _check_utf8(data: bytes, name: str, what: str) -> Problem | None:
    """Why bytes are not UTF-8 text, if they are not; the decoded text is not kept."""
    return decode(data, name, what)[1]


def _check_header(data: bytes, spec: TableSpec) -> list[Problem]:
    start = len(BOM) if data.startswith(BOM) else 0
    if _NOT_SPACE.search(data, start) is None:
        return [_fatal(spec.file, "csv.header", "is empty: it needs at least the header row")]
    try:
        header = next(csv.reader(_lines(data, start)))
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


def _lines(data: bytes, start: int) -> Iterator[str]:
    """The file's lines from `start` as text, decoded one at a time: the header needs only
    the first (or a few, if a quoted name holds a line break)."""
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        yield data[start:end].decode("utf-8")
        start = end


def _drop_trailing_empty_rows(frame: pd.DataFrame) -> pd.DataFrame:
    filled = frame.notna().any(axis=1).to_list()
    while filled and not filled[-1]:
        filled.pop()
    return frame.iloc[: len(filled)]


def _fatal(file: str, rule: str, message: str, column: str | None = None) -> Problem:
    return Problem(file, None, column, None, rule, message, severity=Severity.FATAL)
