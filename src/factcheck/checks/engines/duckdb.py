"""DuckDB, the default engine: embedded, no server, no configuration.

Tables are loaded with DuckDB's own CSV reader, every column as text, in strict mode (a row
with too many or too few fields is an error, never padded). Rows keep the file's order, so a
table's `rowid` is its data row and `_row` the spreadsheet row. Past `memory_limit`, DuckDB
spills to a temporary directory rather than running out of memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from factcheck.checks.engines.base import ROW, Engine, EngineError, Function
from factcheck.storage.reader import FIRST_DATA_ROW


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class DuckDBEngine(Engine):
    """An in-process DuckDB database that lives as long as the engine."""

    name = "duckdb"

    def __init__(self, memory_limit: str | None = None, threads: int | None = None) -> None:
        self._spill = tempfile.TemporaryDirectory(prefix="factcheck-duckdb-")
        self.connection = duckdb.connect(":memory:")
        self.connection.execute(f"SET temp_directory = {_literal(self._spill.name)}")
        self.connection.execute("SET preserve_insertion_order = true")  # rowid is file order
        if memory_limit is not None:
            self.connection.execute(f"SET memory_limit = {_literal(memory_limit)}")
        if threads is not None:
            self.connection.execute(f"SET threads = {int(threads)}")

    def load_csv(self, table: str, path: Path, columns: Sequence[str]) -> None:
        types = ", ".join(f"{_literal(c)}: 'VARCHAR'" for c in columns)
        source = (
            f"read_csv({_literal(str(path))}, header = true, auto_detect = false, "
            f"columns = {{{types}}}, delim = ',', quote = '\"', escape = '\"', "
            "strict_mode = true, encoding = 'utf-8')"
        )
        try:
            self.connection.execute(f"CREATE OR REPLACE TABLE {_quoted(table)} AS FROM {source}")
        except duckdb.Error as error:
            raise EngineError(str(error)) from error
        self._number_rows(table)

    def _number_rows(self, table: str) -> None:
        name = _quoted(table)
        self.connection.execute(
            f"CREATE OR REPLACE TABLE {name} AS "
            f"SELECT rowid + {FIRST_DATA_ROW} AS {ROW}, * FROM {name}"
        )

    def load_frame(self, table: str, frame: pd.DataFrame) -> None:
        data = pa.Table.from_pandas(frame.astype("str").where(frame.notna()), preserve_index=False)
        data = data.cast(pa.schema([(name, pa.string()) for name in frame.columns]))
        rows = pa.array(range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(frame)), pa.int64())
        data = data.add_column(0, ROW, rows) if ROW not in frame.columns else data
        self.connection.register("_incoming", data)
        try:
            self.connection.execute(
                f"CREATE OR REPLACE TABLE {_quoted(table)} AS FROM _incoming ORDER BY {ROW}"
            )
        finally:
            self.connection.unregister("_incoming")

    def load_records(self, table: str, records: pa.Table) -> None:
        """Load rows derived in Python (article texts, their sentences) as they are."""
        self.connection.register("_incoming", records)
        try:
            self.connection.execute(f"CREATE OR REPLACE TABLE {_quoted(table)} AS FROM _incoming")
        finally:
            self.connection.unregister("_incoming")

    def query(self, sql: str) -> list[dict[str, Any]]:
        result = self.connection.execute(sql)
        names = [d[0] for d in result.description or []]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def column(self, table: str, column: str) -> pd.Series:
        found = self.connection.sql(
            f"SELECT {_quoted(column)} FROM {_quoted(table)} ORDER BY {ROW}"
        ).to_arrow_table()
        return pd.Series(found.column(0).to_pandas(), dtype="str")

    def frame(self, table: str) -> pd.DataFrame:
        found = self.connection.sql(f"FROM {_quoted(table)} ORDER BY {ROW}").to_arrow_table()
        result = found.drop_columns([ROW]).to_pandas()
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
                columns = cells.flatten()
                frame = pd.DataFrame({f: _text(c) for f, c in zip(fields, columns, strict=True)})
                return _booleans(function(frame))

        self.connection.create_function(
            name,
            batch,
            arguments,  # type: ignore[arg-type]
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
        self._spill.cleanup()


def _text(cells: pa.Array) -> pd.Series:
    return pd.Series(cells.to_pandas(), dtype="str")


def _booleans(passed: pd.Series) -> pa.Array:
    return pa.array(passed.to_numpy(dtype=bool))
