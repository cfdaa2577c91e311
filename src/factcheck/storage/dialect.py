"""The canonical CSV dialect of the dataset's files, and rewriting files into it.

Canonical means: UTF-8 without a byte-order mark; a header row with the schema's columns in
the schema's order; RFC 4180 quoting, only where a cell needs it (a comma, a quote, a line
break); `\\n` line endings, including after the last row and nowhere else; rows in order of
their primary key, compared naturally so C10000 follows C9999. Spreadsheets write other
dialects (a BOM, CRLF, every field quoted, trailing empty lines); those still validate, and
`factcheck format` brings them back without changing a single cell, but for the case of a
boolean (`TRUE` is `true`, `model.spreadsheets`).
"""

from __future__ import annotations

import csv
import io
import mmap
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from factcheck.model.spreadsheets import canonical_boolean
from factcheck.model.tables import TableSpec
from factcheck.storage.reader import BOM
from factcheck.storage.records import is_missing

_DIGITS = re.compile(r"(\d+)")


def natural_key(value: Any) -> tuple[Any, ...]:
    """Sort key that orders the digit runs of an id by number: C9999 before C10000."""
    text = "" if is_missing(value) else str(value)
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))


def ordered(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """The table as text in canonical order: schema columns first, rows by primary key, every
    missing cell '', booleans in lower case."""
    columns = spec.columns + [c for c in frame.columns if c not in spec.columns]
    table = frame[columns].astype("str").fillna("")
    for column in spec.typed("boolean"):  # TRUE, as spreadsheets write it, is true
        table[column] = table[column].map(canonical_boolean)
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


Rows = list[list[str]]  # a header, then each row's cells as text ('' for an empty cell)
Cells: TypeAlias = pa.Array | pa.ChunkedArray | Sequence[Any]  # an engine's cells, or a frame's
Buffer = bytes | mmap.mmap  # a file's bytes, read or mapped


def cell_rows(frame: pd.DataFrame, columns: Sequence[str], extra: bool = False) -> Rows:
    """A frame as rows of text in `columns`' order ('' where a cell is missing or the frame
    lacks the column), with the frame's other columns after them if `extra`."""
    names = [*columns, *(c for c in frame.columns if extra and c not in columns)]
    cells = frame.reindex(columns=names).fillna("").astype(str)
    return [names, *cells.to_numpy().tolist()]


def rows(spec: TableSpec, frame: pd.DataFrame) -> Rows:
    """The table's cells as text in canonical column and row order; a missing cell is ''."""
    table = ordered(spec, frame)
    return cell_rows(table, list(table.columns))


def render(table: Rows) -> bytes:
    """Rows as canonical CSV bytes."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(table)
    return buffer.getvalue().encode("utf-8")


def canonical(spec: TableSpec, frame: pd.DataFrame) -> bytes:
    text = ordered(spec, frame).to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def differences(data: Buffer, spec: TableSpec, frame: pd.DataFrame) -> list[str]:
    """How a file's bytes depart from the canonical dialect, in words; empty if they do not.

    It reads the bytes rather than rendering the canonical file to compare: a parsed file
    with no byte-order mark, LF endings, one final line break, the schema's columns, rows in
    key order and quotes only around cells that need them is byte for byte what `canonical`
    writes (a test holds the two to agreement). `data` may be a memory map of a large file:
    it is searched, never copied whole. `frame` needs only the header's columns, the key
    column and the boolean columns."""
    booleans = {c: frame[c].tolist() for c in spec.typed("boolean") if c in frame.columns}
    in_order = is_in_order(frame[spec.key].astype("str").tolist())
    return departures(data, spec, [str(c) for c in frame.columns], booleans, in_order)


def departures(
    data: Buffer, spec: TableSpec, header: list[str], booleans: Mapping[str, Cells], in_order: bool
) -> list[str]:
    """`differences` of a file whose header holds `header`, given its boolean columns and
    whether its rows are in key order (`chunks_in_order` finds that for a file too large to
    read its keys at once)."""
    found = []
    start = 0
    if data[: len(BOM)] == BOM:
        found.append("a byte-order mark")
        start = len(BOM)
    if find(data, b"\r", start) >= 0:
        found.append("CRLF line endings" if find(data, b"\r\n", start) >= 0 else "CR line endings")
    tail = bytes(data[max(start, len(data) - 4) :]).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if tail.endswith(b"\n\n"):
        found.append("empty lines at the end")
    elif not tail.endswith(b"\n"):
        found.append("no line break after the last row")
    if _header(data, start) != spec.columns + [c for c in header if c not in spec.columns]:
        found.append("columns out of order")
    if not in_order:
        found.append("rows out of order")
    if _booleans_not_lower_case(booleans):
        found.append("booleans not in lower case (TRUE, as spreadsheets write them)")
    if find(data, b'"', start) >= 0 and _needless_quotes(data, start):
        found.append("quotes around cells that need none")
    return found


def _booleans_not_lower_case(booleans: Mapping[str, Cells]) -> bool:
    return any(
        canonical_boolean(cell) != cell
        for column in booleans.values()
        for cell in _listed(column)
        if isinstance(cell, str)
    )


def _listed(cells: Cells) -> list[Any]:
    """Cells as a list: an Arrow array's nulls are None."""
    return cells.to_pylist() if isinstance(cells, pa.Array | pa.ChunkedArray) else list(cells)


def _header(data: Buffer, start: int) -> list[str]:
    """The names in the first line (a name holding a line break is not canonical anyway)."""
    ends = (find(data, b"\n", start), find(data, b"\r", start))
    end = min((i for i in ends if i >= 0), default=len(data))
    try:
        return next(csv.reader([bytes(data[start:end]).decode("utf-8", errors="replace")]), [])
    except csv.Error:
        return []


# A quoted cell: it opens where a field starts and closes where one ends.
_QUOTED = re.compile(rb'(?<![^,\n])"((?:[^"]|"")*)"(?![^,\r\n])')
_NEEDS_QUOTES = re.compile(rb'[,"\r\n]')


def _needless_quotes(data: Buffer, start: int) -> bool:
    """Whether any cell is quoted without needing it, or a quote stands outside a quoted
    cell (which the canonical writer would quote and double). One regex pass collects the
    quoted cells; the checks on them run in C."""
    inside = 0
    for cell in quoted_cells(data, start):
        if not _NEEDS_QUOTES.search(cell):
            return True
        inside += 2 + cell.count(b'"')
    return _count(data, b'"', start) > inside


# How much of a mapped file a scan keeps resident: the pages behind it are given back, or a
# scan of a 3 GB file would count 3 GB of it as the process's memory.
WINDOW = 1 << 26


def quoted_cells(data: Buffer, start: int = 0) -> Iterator[bytes]:
    """The contents of the quoted cells from `start`, found a window at a time: each window
    starts just after a closing quote (or where no quote was), so never inside a cell, and a
    match is kept only if the window showed what follows it."""
    at, width = start, WINDOW
    while at < len(data):
        end = min(len(data), at + width)
        last = None
        for match in _QUOTED.finditer(data, at, end):
            if match.end() == end and end < len(data):
                break  # what follows the closing quote is beyond the window
            last = match.end()
            yield match.group(1)
        if last is not None:
            at, width = last, WINDOW
        elif end == len(data) or data.find(b'"', at, end) < 0:
            at, width = end, WINDOW
        else:
            width *= 2  # a quoted cell runs past the window: look further from the same place
        release(data, at)


def find(data: Buffer, sub: bytes, start: int = 0) -> int:
    """`data.find(sub, start)`, a window at a time, giving back each window's pages."""
    at = start
    while at < len(data):
        end = min(len(data), at + WINDOW + len(sub) - 1)
        found = data.find(sub, at, end)
        if found >= 0:
            return found
        at += WINDOW
        release(data, at)
    return -1


def release(data: Buffer, upto: int) -> None:
    """Give back the resident pages of a mapped file before `upto` (a scan reads each once;
    reading them again maps them again)."""
    if isinstance(data, mmap.mmap):
        whole = upto - upto % mmap.PAGESIZE
        if whole > 0:
            data.madvise(mmap.MADV_DONTNEED, 0, whole)


def _count(data: Buffer, byte: bytes, start: int) -> int:
    """How many times `byte` occurs from `start`, a slice at a time: a memory map has no
    `count`, and a copy of a large file would double the memory it takes."""
    total = 0
    for at in range(start, len(data), WINDOW):
        total += bytes(data[at : at + WINDOW]).count(byte)
        release(data, at + WINDOW)
    return total


def is_in_order(keys: Cells) -> bool:
    """Whether keys are already in natural order: the order `_natural_order` sorts them in
    (ids of a prefix and a number by both, then by text; if any key is not such an id, every
    key by `natural_key`)."""
    return chunks_in_order([keys])


@dataclass
class _Order:
    """What the keys read so far say about their order, under each of the two orderings
    `_natural_order` may use: which one applies is known only once every key is read."""

    all_ids: bool = True
    by_id: bool = True  # no pair out of order by (prefix, number, text)
    by_key: bool = True  # no pair out of order by `natural_key`
    last: Any = None
    started: bool = False


def chunks_in_order(chunks: Iterable[Cells]) -> bool:
    """`is_in_order` of keys read a chunk at a time (a large file's keys are never held at
    once): each pair of neighbours is compared, a chunk's first key with the last before it,
    under both orderings, vectorised where both keys are ids."""
    order = _Order()
    for chunk in chunks:
        keys = _key_text(chunk)
        if not len(keys):
            continue
        if order.started:
            keys = pa.concat_arrays([order.last, keys])
        _compare_neighbours(keys, order)
        order.last, order.started = keys[-1:], True
    return order.by_id if order.all_ids else order.by_key


def _key_text(chunk: Cells) -> pa.Array:
    """Keys as one Arrow array of text, null where missing: an engine's as they come."""
    if isinstance(chunk, pa.ChunkedArray):
        chunk = chunk.combine_chunks()
    if isinstance(chunk, pa.Array):
        return chunk.cast(pa.string())
    return pa.array([None if is_missing(key) else str(key) for key in chunk], pa.string())


def _compare_neighbours(text: pa.Array, order: _Order) -> None:
    """Compare each key with the next, in Arrow's compute kernels (a million keys take a
    fraction of a second); a pair where either key is no id is compared in Python."""
    parts = pc.extract_regex(text, r"^(?P<prefix>\D*)(?P<digits>\d+)$")
    ids = pc.fill_null(pc.is_valid(parts), False)
    order.all_ids = order.all_ids and pc.all(ids).as_py() is not False
    prefix = pc.struct_field(parts, "prefix")
    value = pc.utf8_ltrim(pc.struct_field(parts, "digits"), "0")  # a number, without its zeros
    size = pc.utf8_length(value)
    a, b = slice(0, len(text) - 1), slice(1, len(text))

    def both(compare: Any, column: pa.Array) -> pa.Array:
        return compare(column[a], column[b])

    number_less = pc.or_(both(pc.less, size), pc.and_(both(pc.equal, size), both(pc.less, value)))
    number_same = pc.and_(both(pc.equal, size), both(pc.equal, value))
    same_prefix = both(pc.equal, prefix)
    head_less = pc.or_(both(pc.less, prefix), pc.and_(same_prefix, number_less))
    head_same = pc.and_(same_prefix, number_same)
    pairs = pc.and_(ids[a], ids[b])
    if order.all_ids:  # only then is (prefix, number, text) the order that applies
        by_id = pc.or_(head_less, pc.and_(head_same, both(pc.less_equal, text)))
        order.by_id = order.by_id and _holds(by_id, pairs)
    if order.by_key:
        others = np.flatnonzero(~pairs.to_numpy(zero_copy_only=False))
        order.by_key = _holds(pc.or_(head_less, head_same), pairs) and all(
            natural_key(text[i].as_py()) <= natural_key(text[i + 1].as_py()) for i in others
        )


def _holds(outcome: pa.Array, where: pa.Array) -> bool:
    """Whether `outcome` is true at every place `where` is."""
    return pc.all(pc.filter(outcome, where)).as_py() is not False


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: a reader sees the old file or the new one.
    The file keeps its permissions, or a new one gets those any new file gets here (the
    temporary file's own, owner-only, would lock out a web server or a colleague)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _permissions(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _permissions(path: Path) -> int:
    """The mode a file at `path` keeps or, if new, is created with under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)  # reading the umask means setting it: set it back at once
        return 0o666 & ~mask
