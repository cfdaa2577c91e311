"""Apache Spark: the rules' SQL run on a cluster, or in local mode on one machine.

The queries are written in DuckDB's SQL and translated into Spark's (`spark_sql`). Tables
are read with Spark's CSV reader, every column as text, failing on a malformed row (the
dataset's own reader then says why); `_row` numbers the rows in file order. The models'
Python checks run as pandas UDFs in Spark's Python workers.

Starting Spark takes seconds, so one SparkContext serves every engine of a process; each
engine has a session of its own (its views, functions and settings), which `close` drops.
Spark needs a Java runtime (17 or later): `java` on the PATH, or `JAVA_HOME`. The dataset's
folder may be local or at any URI Spark reads (`hadoop`).
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import reduce
from operator import or_
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from factcheck.checks.engines.base import Engine, EngineError, EngineUnavailable, Function
from factcheck.checks.engines.hadoop import HadoopFolder
from factcheck.checks.engines.spark_sql import quoted, spark_sql
from factcheck.checks.engines.spark_tuning import launch_settings, sql_settings
from factcheck.model.sql import ROW
from factcheck.model.tables import FIRST_DATA_ROW
from factcheck.storage.folders import Folder, LocalFolder, is_remote

try:
    from py4j.protocol import Py4JError  # type: ignore[import-untyped, unused-ignore]
    from pyspark.errors import PySparkException
    from pyspark.sql import DataFrame, SparkSession, functions
    from pyspark.sql.pandas.functions import pandas_udf
    from pyspark.sql.types import BooleanType, StringType, StructField, StructType
except ImportError as error:  # pragma: no cover - depends on what is installed
    raise ImportError(
        "the spark engine needs pyspark 4: pip install 'factcheck-dataset[spark]'"
    ) from error

JAVA_MISSING = (
    "the spark engine needs a Java runtime, 17 or later (on Debian or Ubuntu: apt-get install "
    "openjdk-17-jre-headless): put `java` on the PATH or set JAVA_HOME"
)
REPLACED = "\ufffd"  # what Spark's CSV reader reads for bytes that are not UTF-8
# Spark's errors: those of its SQL, and those of its JVM (a failed job, say).
_SPARK_ERRORS = (PySparkException, Py4JError)
# Log4j's settings for Spark's JVM: errors only, no banner on every start.
_LOG4J = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
"""


def java_found() -> bool:
    """Whether a Java runtime is there for Spark to start: JAVA_HOME's, or one on the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        return (Path(home) / "bin" / "java").is_file()
    return shutil.which("java") is not None


class SparkEngine(Engine):
    """A Spark session of its own on the process's SparkContext, started at the first use."""

    name = "spark"

    def __init__(
        self,
        master: str = "local[*]",
        shuffle_partitions: int | None = None,
        settings: Mapping[str, str] | None = None,
        threads: int = 4,
    ) -> None:
        """A session on Spark at `master`; `settings` are Spark SQL settings over those
        chosen for the data's size (`spark_tuning`), as is `shuffle_partitions`; `threads`
        is how many queries are sent to Spark at once. `started_in` is how long this engine
        waited for Spark to start: 0 once a previous engine of the process has started it."""
        before = time.perf_counter()
        context = _context_session(master)
        self.started_in = time.perf_counter() - before
        self.spark = context.newSession()
        # the user's own settings win over the sizes' (spark-defaults.conf, --conf)
        configured = {key for key, _ in context.sparkContext.getConf().getAll()}
        self._cores = context.sparkContext.defaultParallelism
        self._chosen = dict(settings or {})
        if shuffle_partitions is not None:
            self._chosen["spark.sql.shuffle.partitions"] = str(shuffle_partitions)
        self._configured = configured - set(self._chosen)
        self._rows = 0
        self._tune()
        self._views: list[str] = []
        self._cached: list[DataFrame] = []
        self.threads = threads

    def _tune(self) -> None:
        """Spark SQL's settings for the rows loaded so far (the queries run after loading)."""
        sized = sql_settings(self._rows, self._cores)
        for key, value in {**sized, **self._chosen}.items():
            if key not in self._configured:
                self.spark.conf.set(key, value)

    def folder(self, location: str) -> Folder:
        """A local folder, or one at any URI Spark's file systems read (HDFS, object
        storage), read with Spark's own configuration and credentials."""
        return HadoopFolder(location, self.spark) if is_remote(location) else LocalFolder(location)

    def load_csv(self, table: str, path: str | Path, columns: Sequence[str]) -> None:
        # a local path named as a URI: on a cluster a bare path is the default file system's
        source = str(path) if is_remote(str(path)) else Path(path).resolve().as_uri()
        schema = StructType([StructField(c, StringType()) for c in columns])
        reader = (
            self.spark.read.schema(schema)
            .option("header", True)
            .option("multiLine", True)  # a quoted cell may hold line breaks
            .option("quote", '"')
            .option("escape", '"')
            .option("mode", "FAILFAST")  # a row with too many or too few cells is an error
            .option("nullValue", "")  # an empty cell, quoted or not, is NULL
            .option("emptyValue", "")
            .option("ignoreLeadingWhiteSpace", False)
            .option("ignoreTrailingWhiteSpace", False)
            .option("encoding", "UTF-8")
        )
        try:
            frame, rows, cached = _numbered(reader.csv(source))
            self._cached.append(cached)
            replaced = frame.where(
                reduce(or_, [frame[quoted(c)].contains(REPLACED) for c in columns])
            )
            suspect = bool(replaced.limit(1).count())
        except _SPARK_ERRORS as error:
            raise EngineError(str(error)) from error
        if suspect:
            # Spark's reader puts U+FFFD for bytes that are not UTF-8, and says nothing; the
            # dataset's reader says where they are, or reads the cell if it holds U+FFFD
            raise EngineError(f"{path}: U+FFFD in a cell: maybe bytes that are not UTF-8")
        self._keep(table, frame, rows)

    def load_frame(self, table: str, frame: pd.DataFrame) -> None:
        data = pa.Table.from_pandas(frame.astype("str").where(frame.notna()), preserve_index=False)
        data = data.cast(pa.schema([(name, pa.string()) for name in frame.columns]))
        rows = pa.array(range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(frame)), pa.int64())
        self.load_records(
            table, data.add_column(0, ROW, rows) if ROW not in frame.columns else data
        )

    def load_records(self, table: str, records: pa.Table) -> None:
        """Load rows derived in Python (article texts, their sentences) as they are."""
        self._keep(table, self.spark.createDataFrame(records), records.num_rows)

    def _keep(self, table: str, frame: DataFrame, rows: int) -> None:
        frame.createOrReplaceTempView(table)
        if table not in self._views:
            self._views.append(table)
        self._rows += rows
        self._tune()

    def query(self, sql: str) -> list[dict[str, Any]]:
        try:
            rows = self.spark.sql(spark_sql(sql)).collect()
        except _SPARK_ERRORS as error:
            raise EngineError(f"{error}\nin: {spark_sql(sql)}") from error
        return [row.asDict() for row in rows]

    def query_all(self, statements: Sequence[str]) -> list[list[dict[str, Any]]]:
        """Several queries at once, from threads of this process: a small query's time is
        mostly Spark scheduling its stages, which queries side by side share (measured in
        local[2]: the bundled dataset validated in 14 s with 4 threads, 19 s with one)."""
        for sql in statements:
            spark_sql(sql)  # translated here: sqlglot's deep recursion stays in this thread
        with ThreadPoolExecutor(self.threads) as pool:
            return list(pool.map(self.query, statements))

    def column(self, table: str, column: str) -> pa.Array:
        data = self.spark.table(quoted(table)).orderBy(ROW).select(quoted(column)).toArrow()
        return data.column(0).combine_chunks().cast(pa.string())

    def frame(self, table: str) -> pd.DataFrame:
        # through Arrow, as DuckDB's engine does: pyspark's `toPandas` passes pandas 3 a
        # deprecated argument
        data = self.spark.table(quoted(table)).orderBy(ROW).drop(ROW).toArrow()
        found: pd.DataFrame = data.to_pandas()
        return found.astype("str").where(found.notna())

    def register(self, name: str, function: Function, fields: Sequence[str] | None) -> None:
        if fields is None:

            def cells(column: pd.Series) -> pd.Series:
                return _booleans(function(_text(column)))

            self.spark.udf.register(name, pandas_udf(cells, BooleanType()))  # type: ignore[call-overload, unused-ignore]
            return
        names = list(fields)

        def rows(struct: pd.DataFrame) -> pd.Series:
            columns = [_text(struct[f]) for f in names]
            return _booleans(function(pa.RecordBatch.from_arrays(columns, names=names)))

        self.spark.udf.register(name, pandas_udf(rows, BooleanType()))  # type: ignore[call-overload, unused-ignore]

    def register_text(self, name: str, function: Callable[[str], str]) -> None:
        """Make `function`, from a cell's text to text, callable in SQL as `name(cell)`; NULL
        stays NULL. It runs row by row, for the few cells a message quotes."""

        def cells(column: pd.Series) -> pd.Series:
            texts = _text(column).to_pylist()
            return pd.Series([None if t is None else function(t) for t in texts], dtype=object)

        self.spark.udf.register(name, pandas_udf(cells, StringType()))  # type: ignore[call-overload, unused-ignore]

    def close(self) -> None:
        """Drop the views and the tables' cached rows; Spark itself runs on, for the next
        engine of the process."""
        for view in self._views:
            self.spark.catalog.dropTempView(view)
        self._views.clear()
        for cached in self._cached:
            cached.unpersist()
        self._cached.clear()


def _numbered(frame: DataFrame) -> tuple[DataFrame, int, DataFrame]:
    """`frame` with `_row` first, from the rows' order in the file; its number of rows; and
    the cached rows it reads, read now, so that a malformed row fails the load rather than a
    query, and the queries never read the file again.

    `monotonically_increasing_id` numbers rows in order within a partition (the low 33
    bits) and gives each partition a block of numbers of its own (the high bits): adding
    the rows of the partitions before it makes the numbers contiguous. All in the JVM: a
    Python function over the rows (`zipWithIndex`) pickled every row through Python."""
    ided = frame.select(functions.monotonically_increasing_id().alias(_ID), "*").cache()
    partition = functions.shiftright(functions.col(_ID), 33)
    try:
        counts = {p: n for p, n in ided.groupBy(partition).count().collect()}
    except _SPARK_ERRORS:
        ided.unpersist()
        raise
    starts, total = [], 0
    for number in range(max(counts, default=-1) + 1):
        starts.append(total)
        total += counts.get(number, 0)
    start = functions.lit(0)
    if len(starts) > 1:
        start = functions.get(functions.array(*map(functions.lit, starts)), partition.cast("int"))
    within = functions.col(_ID).bitwiseAND((1 << 33) - 1)
    row = (within + start + FIRST_DATA_ROW).alias(ROW)
    return ided.select(row, *(functions.col(quoted(c)) for c in frame.columns)), total, ided


_ID = "_fc_id"


def _text(cells: pd.Series) -> pa.Array:
    """Cells as the checks get them on every engine: Arrow text, null for NULL (Spark's
    pandas UDFs hand over pandas)."""
    return pa.array(cells.to_numpy(dtype=object), pa.string(), from_pandas=True)


def _booleans(passed: pa.Array) -> pd.Series:
    """A check's outcome as Spark's booleans, every row answered (a null passes)."""
    return pd.Series(pc.fill_null(passed, True).to_numpy(zero_copy_only=False), dtype=bool)


# The session --------------------------------------------------------------------------


_started: dict[str, SparkSession] = {}


def _context_session(master: str) -> SparkSession:
    """The process's Spark session, started on first use (one SparkContext per process)."""
    if master in _started:
        return _started[master]
    if _started:
        running = next(iter(_started))
        raise EngineUnavailable(f"Spark already runs on {running} in this process, not {master}")
    if not java_found():
        raise EngineUnavailable(JAVA_MISSING)
    if master.startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        # Spark starts its Python workers as `python3` from the PATH unless told: local
        # workers must run this interpreter, which has factcheck and pyspark
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = SparkSession.builder
    for key, value in launch_settings(master).items():
        builder = builder.config(key, value)
    session = (
        builder.master(master)
        .appName("factcheck")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_log4j()}")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    # pyspark logs every failed query's error as JSON besides raising it; we raise it
    logging.getLogger("SQLQueryContextLogger").setLevel(logging.CRITICAL)
    _started[master] = session
    return session


def _log4j() -> str:
    """A file with `_LOG4J`, for the JVM to read as it starts."""
    directory = tempfile.mkdtemp(prefix="factcheck-spark-")
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    path = Path(directory) / "log4j2.properties"
    path.write_text(_LOG4J, encoding="utf-8")
    return path.as_uri()
