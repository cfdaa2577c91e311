"""Checking a dataset directory: every table against its schema, then the dataset rules.

`check_dataset` never raises for bad data and never writes: it loads each table into an
engine once, runs every rule there as a query, and returns every problem it found together
with the tables and texts it could read, so the loader can build on the same run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck import registry
from factcheck.checks import plan
from factcheck.checks.collector import Collector
from factcheck.checks.engines import make_engine
from factcheck.checks.engines.base import Engine
from factcheck.checks.loading import load_table
from factcheck.checks.rules import dataset_queries
from factcheck.checks.rules.functions import register_checks
from factcheck.checks.rules.run import run_queries
from factcheck.checks.texts import load_texts
from factcheck.model.tables import TABLES, TableSpec
from factcheck.problems import Problem
from factcheck.storage.folders import Folder


@dataclass
class Checked:
    """The outcome of one validation run: what was found, and the tables as read."""

    problems: list[Problem]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    total: int = 0  # problems found, notices aside, including those beyond the limit
    texts: dict[str, str] = field(default_factory=dict)  # readable article texts, by id


def check_dataset(
    directory: str | Path = ".",
    limit: int | None = None,
    engine: str | Engine = "duckdb",
    keep_tables: bool = True,
    processes: int = 1,
) -> Checked:
    """Check every table and every dataset rule on `engine` (a name of `ENGINES`, or one
    made for this run, which is closed after it); report the problems sorted by place.

    `directory` is a local folder, or a URI of one for an engine that reads remote files
    (Spark: `hdfs://`, `s3a://`); an engine that cannot read it, or cannot start, raises
    `EngineUnavailable`. With a `limit`, only the first `limit` problems of each rule are listed,
    followed by a notice of how many more each rule found. With `keep_tables`, the tables
    come back as pandas frames of text, for the loader. With `processes` above 1, a large
    dataset's article texts are segmented in that many processes (spawned: a script that
    asks for them guards its own code with `if __name__ == "__main__"`)."""
    chosen = make_engine(engine) if isinstance(engine, str) else engine
    try:
        folder = chosen.folder(str(directory))
        if not folder.is_dir():
            return Checked([registry.problem("dataset.directory", folder.location)])
        return _check(folder, chosen, Collector(limit), keep_tables, processes)
    finally:
        chosen.close()


def _check(
    folder: Folder, engine: Engine, found: Collector, keep_tables: bool, processes: int
) -> Checked:
    loaded: list[TableSpec] = []
    for spec in TABLES:
        header, problems = load_table(engine, folder, spec)
        found.extend(problems)
        if header is not None:
            loaded.append(spec)
    names = {spec.name for spec in loaded}
    texts = (
        load_texts(engine, folder, "claims" in names, keep_tables, processes)
        if "articles" in names
        else {}
    )
    register_checks(engine)
    queries = [query for spec in loaded for query in plan.queries(spec)]
    queries += [q for q in dataset_queries() if set(q.needs) <= names]
    run_queries(engine, queries, found)
    tables = {spec.name: engine.frame(spec.name) for spec in loaded} if keep_tables else {}
    return Checked(found.problems(), tables, found.errors, texts)
