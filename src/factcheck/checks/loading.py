"""Loading the dataset's tables into an engine, with the reader's fatal problems.

The engine's own CSV reader reads each file. Before it does, a pass over the file's bytes at
the speed of `memchr` finds what the engine would read differently from a spreadsheet: a NUL
byte, and an empty line between records (a spreadsheet shows it as an empty row, with a
number, where the engine would skip it). Such a file, and any file the engine refuses, is
read by `storage.reader` instead: it says exactly why a file cannot be read, and gives the
rows a spreadsheet shows. A remote file's bytes are checked in a local copy (`Folder.local`),
while the engine reads the file itself where it is.
"""

from __future__ import annotations

import csv
import io
import mmap
import re
from pathlib import Path

import pandas as pd

from factcheck import registry
from factcheck.checks.engines.base import Engine, EngineError
from factcheck.model.tables import TableSpec
from factcheck.problems import Problem
from factcheck.storage import dialect, reader
from factcheck.storage.folders import Folder

_EMPTY_LINE_INSIDE = re.compile(rb"\n(?:\r?\n)+[^\r\n]")
_HEAD = 1 << 16  # the header is read from this many bytes at the start


def load_table(
    engine: Engine, folder: Folder, spec: TableSpec
) -> tuple[list[str] | None, list[Problem]]:
    """Load `spec`'s file into `engine` as table `spec.name`: the header's columns, and the
    problems of the reading (fatal ones mean the table was not loaded: columns None)."""
    problem = folder.unopenable(spec.file, what="CSV file")
    if problem is not None:
        return None, [problem]
    try:
        with folder.local(spec.file) as path:
            return _load(engine, folder.uri(spec.file), path, spec)
    except OSError as error:  # a remote file that could not be copied here
        return None, [registry.problem("file.readable", spec.file, error=error.strerror)]


def _load(
    engine: Engine, uri: str, path: Path, spec: TableSpec
) -> tuple[list[str] | None, list[Problem]]:
    """Load the file the engine reads at `uri`, whose bytes are at `path` on this machine."""
    try:
        if _needs_reader(path):
            return _load_by_reader(engine, path, spec)
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
        if reader.check_header(head, spec.file, spec.columns):
            # the reader says why, and in its order: a byte that is not UTF-8 first
            return _load_by_reader(engine, path, spec)
        header = _header(head)
        engine.load_csv(spec.name, uri, header)
    except (OSError, ValueError, EngineError, csv.Error):
        return _load_by_reader(engine, path, spec)  # it says why, or reads what we could not
    # outside the fallback: a mistake here must show, not load the file a slower way
    return header, _unknown_columns(spec, header) + _engine_notice(engine, path, spec, header)


def _header(head: bytes) -> list[str]:
    """The names in the header row (the reader has checked it can be read)."""
    start = len(reader.BOM) if head.startswith(reader.BOM) else 0
    text = head[start:].decode("utf-8", errors="replace")
    return next(csv.reader(io.StringIO(text)))


def _needs_reader(path: Path) -> bool:
    """Whether the engine would read the file's rows otherwise than a spreadsheet shows
    them: NUL bytes, an empty line between records, or line breaks that are CR alone; an
    empty file has nothing for the engine to read."""
    if path.stat().st_size == 0:
        return True
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if dialect.find(data, b"\x00") >= 0:
            return True
        if dialect.find(data, b"\n") < 0 and dialect.find(data, b"\r") >= 0:
            return True
        # the first empty line found at memchr speed; only from there does a regex look
        # whether a record follows it (empty lines at the end are no rows)
        found = [
            at for at in (dialect.find(data, b"\n\n"), dialect.find(data, b"\n\r\n")) if at >= 0
        ]
        return bool(found) and _empty_line_inside(data, min(found))


def _empty_line_inside(data: mmap.mmap, start: int) -> bool:
    """Whether an empty line from `start` has a record after it, a window at a time; the
    windows overlap by a few bytes, so a match across two is whole in one of them (the end of
    a run of empty lines and the record after it is a match too)."""
    for at in range(start, len(data), dialect.WINDOW):
        if _EMPTY_LINE_INSIDE.search(data, at, min(len(data), at + dialect.WINDOW + 4)):
            return True
        dialect.release(data, at + dialect.WINDOW)
    return False


def _load_by_reader(
    engine: Engine, path: Path, spec: TableSpec
) -> tuple[list[str] | None, list[Problem]]:
    frame, data, found = reader.read_table(path, spec)
    if frame is None:
        return None, found
    assert data is not None  # read
    engine.load_frame(spec.name, frame)
    header = [str(c) for c in frame.columns]
    return header, _unknown_columns(spec, header) + dialect_notice(spec, data, frame)


def dialect_notice(spec: TableSpec, data: dialect.Buffer, frame: pd.DataFrame) -> list[Problem]:
    """A notice, not an error, when a readable file is not in the canonical CSV dialect."""
    return dialect_problems(spec, dialect.differences(data, spec, frame))


def dialect_problems(spec: TableSpec, found: list[str]) -> list[Problem]:
    if not found:
        return []
    return [registry.problem("csv.canonical", spec.file, departures=", ".join(found))]


def _engine_notice(engine: Engine, path: Path, spec: TableSpec, header: list[str]) -> list[Problem]:
    """The dialect notice of a file the engine read: its bytes mapped, its keys streamed
    from the engine a chunk at a time and its booleans read (a few sources), so a large
    file is never held in Python."""
    in_order = dialect.chunks_in_order(engine.column_chunks(spec.name, spec.key))
    booleans = {c: engine.column(spec.name, c) for c in spec.typed("boolean") if c in header}
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return dialect_problems(spec, dialect.departures(data, spec, header, booleans, in_order))


def _unknown_columns(spec: TableSpec, header: list[str]) -> list[Problem]:
    """pandera's strict model: a column the model does not know is a problem of its own."""
    columns = ", ".join(spec.columns)
    return [
        registry.problem(
            f"{spec.name}.columns.known", spec.file, column=name, table=spec.name, columns=columns
        )
        for name in header
        if name not in spec.columns
    ]
