"""DuckDB, the default engine: embedded, no server, no configuration.

Tables are loaded with DuckDB's own CSV reader, every column as text, in strict mode (a row
with too many or too few fields is an error, never padded). Rows keep the file's order, so a
table's `rowid` is its data row and `_row` the spreadsheet row. Past `memory_limit`, DuckDB
spills to a temporary directory rather than running out of memory.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from factcheck.checks.engines.base import Appending, Engine, EngineError, Function
from factcheck.model.sql import ROW, literal, name
from factcheck.model.tables import FIRST_DATA_ROW


def _stored(table: str) -> str:
    """The name a table's rows are stored under; `table` itself is the view with `_row`."""
    return name(f"{table}_cells")


# What DuckDB may hold in memory before it pages tables and intermediates out to disk: a
# million claims (541 MB of CSV) then validate in 1.3 GiB, where DuckDB's own default (80%
# of the machine's memory) let the same run reach 4.4 GiB.
MEMORY_LIMIT = "1GB"
CHUNK_ROWS = 1 << 20  # the most rows a column is streamed to Python by (DuckDB sends fewer)


class DuckDBEngine(Engine):
    """An in-process DuckDB database that lives as long as the engine."""

    name = "duckdb"

    def __init__(self, memory_limit: str | None = MEMORY_LIMIT, threads: int | None = None) -> None:
        spill = tempfile.mkdtemp(prefix="factcheck-duckdb-")
        # removed with the engine, closed or not (a run cut short by an error, say)
        self._cleanup = weakref.finalize(self, shutil.rmtree, spill, ignore_errors=True)
        # a database file, not memory: past `memory_limit` its tables are paged out to disk
        self.connection = duckdb.connect(str(Path(spill) / "dataset.duckdb"))
        self.connection.execute(f"SET temp_directory = {literal(spill)}")
        self.connection.execute("SET preserve_insertion_order = true")  # rowid is file order
        if memory_limit is not None:
            self.connection.execute(f"SET memory_limit = {literal(memory_limit)}")
        if threads is not None:
            self.connection.execute(f"SET threads = {int(threads)}")

    def load_csv(self, table: str, path: str | Path, columns: Sequence[str]) -> None:
        types = ", ".join(f"{literal(c)}: 'VARCHAR'" for c in columns)
        source = (
            f"read_csv({literal(str(path))}, header = true, auto_detect = false, "
            f"columns = {{{types}}}, delim = ',', quote = '\"', escape = '\"', "
            "strict_mode = true, encoding = 'utf-8')"
        )
        try:
            self.connection.execute(f"CREATE OR REPLACE TABLE {_stored(table)} AS FROM {source}")
        except duckdb.Error as error:
            raise EngineError(str(error)) from error
        self._number_rows(table)

    def _number_rows(self, table: str) -> None:
        """`table` as a view of its stored rows with `_row`: the rows keep the file's order
        (`preserve_insertion_order`), so `rowid` is the data row, and no copy is made."""
        self.connection.execute(
            f"CREATE OR REPLACE VIEW {name(table)} AS "
            f"SELECT rowid + {FIRST_DATA_ROW} AS {ROW}, * FROM {_stored(table)}"
        )

    def load_frame(self, table: str, frame: pd.DataFrame) -> None:
        data = pa.Table.from_pandas(frame.astype("str").where(frame.notna()), preserve_index=False)
        data = data.cast(pa.schema([(column, pa.string()) for column in frame.columns]))
        self._create(_stored(table), data)
        self._number_rows(table)

    def load_records(self, table: str, records: pa.Table) -> None:
        """Load rows derived in Python (article texts, their sentences) as they are."""
        self._create(name(table), records)

    @contextlib.contextmanager
    def appending(self, schemas: Mapping[str, pa.Schema]) -> Iterator[Appending]:
        """Each piece inserted as it comes, so the tables never wait in Python whole."""
        for table, schema in schemas.items():
            self._create(name(table), schema.empty_table())
        yield Appending(lambda table, records: self._insert(name(table), records))

    def _insert(self, table: str, data: pa.Table) -> None:
        self._from_arrow(f"INSERT INTO {table} FROM _incoming", data)

    def _create(self, table: str, data: pa.Table) -> None:
        """A table (its SQL name) made from Arrow data."""
        self._from_arrow(f"CREATE OR REPLACE TABLE {table} AS FROM _incoming", data)

    def _from_arrow(self, statement: str, data: pa.Table) -> None:
        """Run `statement`, which reads Arrow data as `_incoming`."""
        self.connection.register("_incoming", data)
        try:
            self.connection.execute(statement)
        finally:
            self.connection.unregister("_incoming")

    def query(self, sql: str) -> list[dict[str, Any]]:
        result = self.connection.execute(sql)
        names = [d[0] for d in result.description or []]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def column(self, table: str, column: str) -> pa.Array:
        found = self.connection.sql(
            f"SELECT {name(column)} FROM {name(table)} ORDER BY {ROW}"
        ).to_arrow_table()
        return _text(found.column(0))

    def column_chunks(self, table: str, column: str) -> Iterator[pa.Array]:
        # the stored rows are in file order: read as they lie, with no sort by `_row`
        found = self.connection.sql(f"SELECT {name(column)} FROM {_stored(table)}")
        for batch in found.to_arrow_reader(CHUNK_ROWS):
            yield _text(batch.column(0))

    def frame(self, table: str) -> pd.DataFrame:
        found = self.connection.sql(f"FROM {name(table)} ORDER BY {ROW}").to_arrow_table()
        result: pd.DataFrame = found.drop_columns([ROW]).to_pandas()
        return result.astype("str").where(result.notna())

    def register(self, name: str, function: Function, fields: Sequence[str] | None) -> None:
        text = duckdb.sqltype("VARCHAR")
        if fields is None:
            arguments = [text]

            def batch(cells: pa.Array) -> pa.Array:
                return _booleans(function(_text(cells)))
        else:
            arguments = [duckdb.struct_type({field: text for field in fields})]

            def batch(cells: pa.Array) -> pa.Array:
                columns = [_text(c) for c in cells.flatten()]
                return _booleans(function(pa.RecordBatch.from_arrays(columns, names=fields)))

        self.connection.create_function(  # type: ignore[call-overload]
            name,
            batch,
            arguments,
            duckdb.sqltype("BOOLEAN"),
            type="arrow",
            null_handling="special",
            side_effects=False,
        )

    def register_text(self, name: str, function: Callable[[str], str]) -> None:
        text = duckdb.sqltype("VARCHAR")
        self.connection.create_function(name, function, [text], text, side_effects=False)

    def close(self) -> None:
        self.connection.close()
        self._cleanup()


def _text(cells: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Cells as one Arrow array of text: DuckDB may hand over large strings, or chunks."""
    if isinstance(cells, pa.ChunkedArray):
        cells = cells.combine_chunks()
    return cells.cast(pa.string())


def _booleans(passed: pa.Array) -> pa.Array:
    """A check's outcome as DuckDB's booleans, every row answered (a null passes)."""
    return pc.fill_null(passed, True).cast(pa.bool_())
