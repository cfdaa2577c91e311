"""The canonical CSV dialect of the dataset's files, and rewriting files into it.

Canonical means: UTF-8 without a byte-order mark; a header row with the schema's columns in
the schema's order; RFC 4180 quoting, only where a cell needs it (a comma, a quote, a line
break); `\\n` line endings, including after the last row and nowhere else; rows in order of
their primary key, compared naturally so C10000 follows C9999. Spreadsheets write other
dialects (a BOM, CRLF, every field quoted, trailing empty lines); those still validate, and
`factcheck format` brings them back without changing a single cell.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck.frames import is_missing
from factcheck.schemas import TableSpec

BOM = b"\xef\xbb\xbf"
_DIGITS = re.compile(r"(\d+)")


def natural_key(value: Any) -> tuple[Any, ...]:
    """Sort key that orders the digit runs of an id by number: C9999 before C10000."""
    text = "" if is_missing(value) else str(value)
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))


def ordered(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """The table as text in canonical order: schema columns first, rows by primary key, every
    missing cell ''."""
    columns = spec.columns + [c for c in frame.columns if c not in spec.columns]
    table = frame[columns].astype("str").fillna("")
    return table.iloc[_natural_order(table[spec.key])].reset_index(drop=True)


def _natural_order(keys: pd.Series) -> list[int]:
    """Positions that sort `keys` naturally, stably. Ids made of a prefix and a number, as
    every id here is, sort by both at once; anything else falls back to `natural_key`."""
    keys = keys.reset_index(drop=True)
    parts = keys.str.extract(r"^(\D*)(\d+)$")
    if parts.notna().all().all() and len(keys):
        numbers = parts[1].astype("int64")
        frame = pd.DataFrame({"prefix": parts[0], "number": numbers, "text": keys})
        return list(frame.sort_values(["prefix", "number", "text"], kind="stable").index)
    return sorted(range(len(keys)), key=lambda i: natural_key(keys.iat[i]))


def rows(spec: TableSpec, frame: pd.DataFrame) -> list[list[str]]:
    """The table's cells as text in canonical column and row order; a missing cell is ''."""
    table = ordered(spec, frame)
    return [list(table.columns), *table.to_numpy().tolist()]


def render(table: list[list[str]]) -> bytes:
    """Rows as canonical CSV bytes."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(table)
    return buffer.getvalue().encode("utf-8")


def canonical(spec: TableSpec, frame: pd.DataFrame) -> bytes:
    text = ordered(spec, frame).to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def differences(data: bytes, spec: TableSpec, frame: pd.DataFrame) -> list[str]:
    """How a file's bytes depart from the canonical dialect, in words; empty if they do not."""
    wanted = canonical(spec, frame)
    if data == wanted:
        return []
    found = []
    if data.startswith(BOM):
        found.append("a byte-order mark")
    if b"\r\n" in data:
        found.append("CRLF line endings")
    text = data.removeprefix(BOM).decode("utf-8", errors="replace").replace("\r\n", "\n")
    if text.endswith("\n\n"):
        found.append("empty lines at the end")
    header = next(csv.reader(io.StringIO(text)), [])
    if header != rows(spec, frame)[0]:
        found.append("columns out of order")
    keys = (
        frame[spec.key].astype("str") if spec.key in frame.columns else pd.Series([], dtype="str")
    )
    if _natural_order(keys) != list(range(len(keys))):
        found.append("rows out of order")
    if text.count('"') > wanted.decode("utf-8").count('"'):
        found.append("quotes around cells that need none")
    return found or ["other formatting"]


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: a reader sees the old file or the new one."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
