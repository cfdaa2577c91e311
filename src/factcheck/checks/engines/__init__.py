"""The engines that run the rules: each loads the tables and runs the rules' SQL.

An engine is chosen by name (`ENGINES`): `duckdb`, embedded and the default, needs no server
and no configuration; `spark` runs the same SQL on a Spark cluster, or in local mode, and
reads the dataset from any URI Spark's file systems read (`hadoop`). Every
engine reports the same problems for the same files: a differential test holds them to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.checks.engines.base import Engine

ENGINES = ("duckdb", "spark")  # by name, the default first


def make_engine(name: str, master: str | None = None) -> Engine:
    """The engine called `name`, one of `ENGINES`; `master` is Spark's. Each is imported
    only when chosen: Spark's client takes seconds to load."""
    if name == "duckdb":
        from factcheck.checks.engines.duckdb import DuckDBEngine

        return DuckDBEngine()
    if name == "spark":
        from factcheck.checks.engines.spark import SparkEngine

        return SparkEngine(master) if master else SparkEngine()
    raise ValueError(f"no engine named {name!r}; choose one of: {', '.join(ENGINES)}")
