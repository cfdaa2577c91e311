"""Reading the dataset's CSV files as text, the way a spreadsheet wrote them.

Every cell is read as a string and only an empty cell counts as missing, so "None", "NA"
or "null" stay text. A UTF-8 byte-order mark and CRLF line endings are accepted, as Excel
writes them, and empty lines after the last record are ignored; an empty line between
records is kept as a row, so row numbers stay those a spreadsheet shows. Anything that
stops a file from being read as a table is reported as a fatal problem, never raised.

Validation and every command read through the same functions here: a table or a draft with
`read_table` or `read_cells`, an article's text with `read_article`. A command that read a
file its own way would disagree with validation about what the file holds.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from factcheck import registry
from factcheck.model.tables import TableSpec
from factcheck.problems import Problem

BOM = b"\xef\xbb\xbf"
_NOT_SPACE = re.compile(rb"\S")
MALFORMED = (pd.errors.ParserError, csv.Error, ValueError)  # what pandas raises on bad CSV
ARTICLE_TEXT = "article text"


def read_table(
    path: Path, spec: TableSpec
) -> tuple[pd.DataFrame | None, bytes | None, list[Problem]]:
    """The table's cells as strings from its file at `path` (in the dataset's folder, or a
    local copy of a remote one), or None and the fatal problems that prevent reading it; and
    the file's bytes where it could be read, so the dialect check need not read again."""
    return _read_csv(path, spec.file, spec.columns)


def read_cells(
    path: Path, name: str, columns: Sequence[str]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """A CSV file's cells as text, every empty cell '', checked as `read_table` checks a table:
    what the commands that rewrite data (merge, add-article, draft, evaluate) start from. A
    file that cannot be read gives the fatal problems validate would report, under `name`,
    never an exception; `columns` are those the header must hold."""
    frame, _, problems = _read_csv(path, name, columns)
    return (None if frame is None else frame.fillna("")), problems


def read_tables(
    directory: Path, specs: Iterable[TableSpec]
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The dataset's tables `specs` name, by name, as `read_cells` reads them; one that cannot
    be read is left out and its fatal problems returned. A `directory` that is not there is
    one problem, as `check_dataset` reports it, not one per table."""
    if not directory.is_dir():
        return {}, [registry.problem("dataset.directory", str(directory))]
    tables, problems = {}, []
    for spec in specs:
        frame, found = read_cells(directory / spec.file, spec.file, spec.columns)
        problems += found
        if frame is not None:
            tables[spec.name] = frame
    return tables, problems


def _read_csv(
    path: Path, name: str, columns: Sequence[str]
) -> tuple[pd.DataFrame | None, bytes | None, list[Problem]]:
    """The one checked way a whole CSV file is read: every table, draft and staged copy.

    pandas parses the bytes themselves: handing it decoded text makes it copy the text into
    a StringIO and encode it back, three copies of a large file at once."""
    data, problem = read_bytes(path, name, what="CSV file")
    if problem is None:
        assert data is not None
        problem = _check_utf8(data, name, what="CSV file")
    if problem is not None:
        return None, None, [problem]
    assert data is not None
    header_problems = check_header(data, name, columns)
    if header_problems:
        return None, data, header_problems
    try:
        return parse(data), data, []
    except MALFORMED as error:
        return None, data, [_malformed(name, error)]


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
    if not isinstance(frame.index, pd.RangeIndex):
        # every row has more fields than the header: pandas would quietly take the first
        # as an index and shift every cell; say it as it says one row with a field too many
        raise pd.errors.ParserError(
            f"Error tokenizing data. C error: Expected {len(frame.columns)} fields in line 2, "
            f"saw {len(frame.columns) + frame.index.nlevels}"
        )
    return _drop_trailing_empty_rows(frame)


def unopenable(path: Path, name: str, what: str) -> Problem | None:
    try:
        if not path.exists():
            return registry.problem("file.exists", name, what=what)
        if path.is_dir():
            return registry.problem("file.is_file", name, what=what)
    except OSError as error:
        return registry.problem("file.readable", name, error=error.strerror)
    return None


def read_bytes(path: Path, name: str, what: str) -> tuple[bytes | None, Problem | None]:
    """A file's bytes, or the fatal problem: missing, a directory, or unreadable."""
    problem = unopenable(path, name, what)
    if problem is not None:
        return None, problem
    try:
        return path.read_bytes(), None
    except OSError as error:  # unreadable, or a name the file system refuses (too long)
        return None, registry.problem("file.readable", name, error=error.strerror)


def read_article(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """An article's text as validation reads it, or the fatal problem: every command that
    drafts from an article uses this, so its spans count the characters validation counts."""
    data, problem = read_bytes(path, name, what=ARTICLE_TEXT)
    if data is None:
        return None, problem
    return article_text(data, name)


def article_text(data: bytes, name: str) -> tuple[str | None, Problem | None]:
    """An article's bytes as its text: UTF-8, a byte-order mark dropped (as Notepad and Excel
    save it), as validation decodes it; or why they are not text."""
    return decode(data, name, what=ARTICLE_TEXT)


def decode(data: bytes, name: str, what: str) -> tuple[str | None, Problem | None]:
    """Bytes as UTF-8 text (a byte-order mark dropped), or why they are not text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        position = error.start
        return None, registry.problem("file.utf8", name, byte=byte, position=position)
    if "\x00" in text:
        return None, registry.problem("file.binary", name, what=what)
    return text, None


def _check_utf8(data: bytes, name: str, what: str) -> Problem | None:
    """Why bytes are not UTF-8 text, if they are not; the decoded text is not kept."""
    return decode(data, name, what)[1]


def check_header(data: bytes, name: str, columns: Sequence[str]) -> list[Problem]:
    start = len(BOM) if data.startswith(BOM) else 0
    if _NOT_SPACE.search(data, start) is None:
        return [registry.problem("csv.empty", name)]
    try:
        header = next(csv.reader(_lines(data, start)))
    except csv.Error as error:
        return [registry.problem("csv.well_formed", name, error=error)]
    problems = [  # a column without a name, by its place: a spreadsheet's stray column
        registry.problem("csv.header.blank", name, column=str(place))
        for place, column in enumerate(header, start=1)
        if not column.strip()
    ]
    problems += [
        registry.problem("csv.header.repeated", name, column=column)
        for column in sorted({n for n in header if header.count(n) > 1 and n.strip()})
    ]
    missing = [column for column in columns if column not in header]
    if missing and len(header) == 1:
        delimited = _other_delimiter(header[0], columns)
        if delimited:
            words, why = delimited
            return [registry.problem("csv.delimiter", name, delimiter=words, why=why)]
    problems += [registry.problem("csv.header.missing", name, column=column) for column in missing]
    return problems


# Other delimiters spreadsheets save with: (in words, why a spreadsheet wrote it).
_DELIMITERS = {
    ";": ("semicolons", "as spreadsheets save CSV where the comma is the decimal separator"),
    "\t": ("tabs", "as spreadsheets save tab-delimited or Unicode text"),
}


def _other_delimiter(line: str, columns: Sequence[str]) -> tuple[str, str] | None:
    """The delimiter, in words, and why a spreadsheet wrote it, if splitting a one-field
    header by it gives at least two of the expected columns (a column may be missing too)."""
    for delimiter, words in _DELIMITERS.items():
        names = set(next(csv.reader([line], delimiter=delimiter)))
        if len(names & set(columns)) >= min(2, len(columns)):
            return words
    return None


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


def _malformed(name: str, error: Exception) -> Problem:
    return registry.problem("csv.well_formed", name, error=" ".join(str(error).split()))
