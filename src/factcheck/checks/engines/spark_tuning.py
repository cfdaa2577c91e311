"""How Spark is set up for the data it validates, measured with benchmarks/spark.py.

Two kinds of settings: the JVM's, fixed when Spark starts (the driver's memory in local mode,
where the driver is the only executor), and Spark SQL's, set on each engine's session once
its tables are loaded and their size known. What the user configured (spark-defaults.conf,
`PYSPARK_SUBMIT_ARGS`, an engine's own `settings`) is never overridden.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# Below this many rows in all tables together, each query is over in a fraction of a second:
# compiling its stages to Java and re-planning it as it runs take longer than running it
# (measured: the bundled dataset took 60% longer with both on), and one partition per
# shuffle spares the scheduler empty tasks.
SMALL_ROWS = 200_000
SMALL_DATA = {
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.adaptive.enabled": "false",
    "spark.sql.shuffle.partitions": "1",
}
# Past it, each query reads millions of rows: generated code and adaptive execution (which
# joins a small table by broadcast and merges small shuffle partitions) pay back. Shuffles
# start with a partition per `ROWS_PER_PARTITION` rows, at least two per core, and adaptive
# execution merges those that come out small.
LARGE_DATA = {
    "spark.sql.codegen.wholeStage": "true",
    "spark.sql.adaptive.enabled": "true",
    "spark.sql.adaptive.coalescePartitions.enabled": "true",
}
ROWS_PER_PARTITION = 250_000
ALWAYS = {"spark.sql.execution.arrow.pyspark.enabled": "true"}  # frames in and out as Arrow

# The driver's heap in local mode: Spark's default, 1 GiB, runs out at a million claims
# (measured: java.lang.OutOfMemoryError after 7 minutes); a quarter of the machine's memory,
# within these bounds, leaves the rest to the Python workers and the page cache. No more
# than 4 GiB: a JVM fills the heap it may have before it collects (two test processes with
# 6 GiB each held 5 GiB each for a few thousand rows); a million claims validate in 4 GiB.
MIN_DRIVER_GIB = 1
MAX_DRIVER_GIB = 4


def sql_settings(rows: int, cores: int) -> dict[str, str]:
    """Spark SQL's settings for tables of `rows` rows in all on `cores` cores."""
    if rows < SMALL_ROWS:
        return {**ALWAYS, **SMALL_DATA}
    partitions = max(2 * cores, -(-rows // ROWS_PER_PARTITION))
    return {**ALWAYS, **LARGE_DATA, "spark.sql.shuffle.partitions": str(partitions)}


def launch_settings(master: str) -> dict[str, str]:
    """Settings for the JVM as it starts: the driver's memory in local mode, unless the user
    set it where Spark reads it."""
    if not master.startswith("local") or _configured("spark.driver.memory", "--driver-memory"):
        return {}
    gib = min(MAX_DRIVER_GIB, max(MIN_DRIVER_GIB, _memory_bytes() // 4 // 2**30))
    return {"spark.driver.memory": f"{gib}g"}


def _memory_bytes() -> int:
    """The machine's physical memory (Linux and macOS name it alike)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not a POSIX system: Spark's default
        return 4 * 2**30


def _configured(key: str, flag: str) -> bool:
    """Whether `key` is set in spark-defaults.conf or `flag` in PYSPARK_SUBMIT_ARGS."""
    if flag in os.environ.get("PYSPARK_SUBMIT_ARGS", "") or key in os.environ.get(
        "PYSPARK_SUBMIT_ARGS", ""
    ):
        return True
    folder = os.environ.get("SPARK_CONF_DIR") or (
        os.path.join(os.environ["SPARK_HOME"], "conf") if "SPARK_HOME" in os.environ else None
    )
    defaults = Path(folder) / "spark-defaults.conf" if folder else None
    if defaults is None or not defaults.is_file():
        return False
    text = defaults.read_text(encoding="utf-8", errors="replace")
    return re.search(rf"^\s*{re.escape(key)}\s", text, re.MULTILINE) is not None
