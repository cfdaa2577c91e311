"""What an engine does for the rules: hold tables and run SQL over them.

Every table an engine holds has the CSV file's columns as text (an empty cell is NULL) and
`_row`, the row's number in a spreadsheet (the header is row 1). Rules are written once, in
DuckDB's SQL; an engine with another dialect translates them (see `spark`).
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from factcheck.storage.folders import Folder, LocalFolder, is_remote


class EngineError(Exception):
    """The engine could not read a file the way the dataset needs it read."""


class EngineUnavailable(EngineError):
    """The engine cannot start, or cannot read the folder it was given: nothing to do with
    the data, and nothing validation can report as a problem of it."""


# A check the rules call by name in SQL, run by the engine on batches of rows: given a
# column's cells (an Arrow array of text) or several columns' (an Arrow record batch),
# whether each row passes (an Arrow array of booleans).
Function = Callable[[Any], pa.Array]


@dataclass(frozen=True)
class Appending:
    """Where the pieces of tables being loaded go: `add(table, records)`."""

    add: Callable[[str, pa.Table], None]


class Engine(ABC):
    """Tables by name, and SQL over them."""

    name: str

    def folder(self, location: str) -> Folder:
        """The dataset's folder at `location`, read as this engine reads files: a local
        path; an engine that reads remote files takes their URIs too."""
        if is_remote(location):
            raise EngineUnavailable(
                f"{location}: the {self.name} engine reads folders on this machine; "
                "validate a remote folder with --engine spark"
            )
        return LocalFolder(location)

    @abstractmethod
    def load_csv(self, table: str, path: str | Path, columns: Sequence[str]) -> None:
        """Load a CSV file whose header holds `columns`, every cell as text; raise
        `EngineError` when the engine cannot read it (the reader then says why). `path` is
        what the engine's folder gives as the file's `uri`."""

    @abstractmethod
    def load_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Load a frame of text cells (its index is the data row, from 0)."""

    @abstractmethod
    def load_records(self, table: str, records: pa.Table) -> None:
        """Load rows derived in Python (article texts, their sentences) as they are."""

    @contextlib.contextmanager
    def appending(self, schemas: Mapping[str, pa.Schema]) -> Iterator[Appending]:
        """Tables of `schemas`, loaded a piece at a time as `load_records` loads them whole;
        each exists afterwards, empty if no piece came. This default gathers the pieces and
        loads each table once at the end; an engine that can add rows streams them."""
        pieces: dict[str, list[pa.Table]] = {table: [] for table in schemas}
        yield Appending(lambda table, records: pieces[table].append(records))
        for table, schema in schemas.items():
            self.load_records(table, pa.concat_tables(pieces[table] or [schema.empty_table()]))

    @abstractmethod
    def query(self, sql: str) -> list[dict[str, Any]]:
        """The rows of a query, as dictionaries; NULL is None."""

    def query_all(self, statements: Sequence[str]) -> list[list[dict[str, Any]]]:
        """The rows of each of `statements`, which do not depend on one another: an engine
        that runs queries side by side runs them so."""
        return [self.query(sql) for sql in statements]

    @abstractmethod
    def column(self, table: str, column: str) -> pa.Array:
        """One column of a loaded table, in row order, as Arrow text (null where empty)."""

    def column_chunks(self, table: str, column: str) -> Iterator[pa.Array]:
        """One column of a loaded table, in row order, a chunk at a time (as `column`):
        an engine that can stream a large table never hands it to Python whole."""
        yield self.column(table, column)

    @abstractmethod
    def frame(self, table: str) -> pd.DataFrame:
        """A loaded table as a frame of text cells, indexed from 0, without `_row`."""

    @abstractmethod
    def register(self, name: str, function: Function, fields: Sequence[str] | None) -> None:
        """Make `function` callable in SQL: as `name(cell)` on one column's cells when
        `fields` is None, else as `name(struct_pack(field := cell, ...))` on a row's
        `fields`, which it gets as a record batch. It returns whether each row passes; a
        null passes, as an SQL check's NULL does."""

    @abstractmethod
    def register_text(self, name: str, function: Callable[[str], str]) -> None:
        """Make `function`, from a cell's text to text, callable in SQL as `name(cell)`; NULL
        stays NULL. It runs cell by cell: for the few cells a message quotes."""

    def close(self) -> None:  # noqa: B027 - an engine without resources needs no closing
        """Release what the engine holds."""
