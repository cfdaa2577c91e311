"""Checking a dataset directory: every table against its schema, then the dataset rules.

`check_dataset` never raises for bad data and never writes: it reads each file once, runs
every check lazily, and returns every problem it found together with the tables it could
read, so the loader can build on the same run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck import registry
from factcheck.checks.blockwise import check_in_blocks
from factcheck.checks.collector import Collector
from factcheck.checks.context import Context
from factcheck.checks.engines import make_engine
from factcheck.checks.engines.base import Engine
from factcheck.checks.loading import dialect_notice, load_table
from factcheck.checks.queries import dataset_queries
from factcheck.checks.queries.columns import column_queries, table_queries
from factcheck.checks.queries.functions import register_checks
from factcheck.checks.queries.run import run_queries
from factcheck.checks.rules import run_rules
from factcheck.checks.table import check_table
from factcheck.checks.texts import load_texts
from factcheck.model.tables import TABLES, TableSpec
from factcheck.problems import Problem
from factcheck.storage.reader import read_table


@dataclass
class Checked:
    """The outcome of one validation run: what was found, and the tables as read."""

    problems: list[Problem]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    context: Context | None = None
    total: int = 0  # problems found, notices aside, including those beyond the limit
    texts: dict[str, str] = field(default_factory=dict)  # readable article texts, by id


# Tables that grow with the dataset, read in blocks when they are large; the others hold a
# row per article or source and are always read whole.
STREAMED = ("claims", "evidence")
AUTO_BLOCKS = 256 * 2**20  # read in blocks when the streamed tables pass this many bytes
BLOCK_SIZE = 16 * 2**20


def check_dataset(
    directory: str | Path = ".",
    limit: int | None = None,
    block_size: int | None = 0,
    engine: str | Engine = "pandas",
    keep_tables: bool = True,
) -> Checked:
    """Check every table and every dataset rule; report the problems sorted by place.

    With a `limit`, only the first `limit` problems of each rule are listed, followed by a
    notice of how many more each rule found. With a `block_size` in bytes, claims and
    evidence are read and checked that much at a time, so memory stays flat however many
    rows they hold, and the result's tables leave them out (0, the default: read whole;
    None: in blocks of `BLOCK_SIZE` once they pass `AUTO_BLOCKS`, as the CLI does). The
    problems found are the same either way.
    """
    root = Path(directory)
    if not root.is_dir():
        if isinstance(engine, Engine):
            engine.close()  # it was made for this run
        return Checked([registry.problem("dataset.directory", str(root))])
    if engine != "pandas":
        chosen = make_engine(engine) if isinstance(engine, str) else engine
        return check_on_engine(root, chosen, limit, keep_tables)
    if block_size is None:
        block_size = BLOCK_SIZE if _streamed_bytes(root) > AUTO_BLOCKS else 0
    found = Collector(limit)
    tables: dict[str, pd.DataFrame] = {}
    for spec in TABLES:
        if block_size and spec.name in STREAMED:
            continue
        frame, data, read_problems = read_table(root, spec)
        found.extend(read_problems)
        if frame is not None:
            assert data is not None
            tables[spec.name] = frame
            found.extend(check_table(spec, frame, found))
            found.extend(dialect_notice(spec, data, frame))
    context = Context(root, tables)
    if block_size:
        check_in_blocks(context, found, block_size)
    else:
        found.extend(run_rules(context))
    texts = {}
    if "articles" in tables:
        for article_id in tables["articles"]["article_id"].dropna().unique().tolist():
            text = context.article_text(article_id)
            if text is not None:
                texts[article_id] = text
    return Checked(found.problems(), tables, context, found.errors, texts)


def check_on_engine(
    root: Path, engine: Engine, limit: int | None = None, keep_tables: bool = True
) -> Checked:
    """Every rule run by `engine` on the dataset in `root`; the tables read back into
    pandas only if `keep_tables`."""
    found = Collector(limit)
    loaded: list[TableSpec] = []
    try:
        for spec in TABLES:
            header, problems = load_table(engine, root, spec)
            found.extend(problems)
            if header is not None:
                loaded.append(spec)
        names = {spec.name for spec in loaded}
        texts = load_texts(engine, root, "claims" in names) if "articles" in names else {}
        register_checks(engine)
        queries = [q for spec in loaded for q in (*column_queries(spec), *table_queries(spec))]
        queries += [q for q in dataset_queries() if set(q.needs) <= names]
        run_queries(engine, queries, found)
        tables = {spec.name: engine.frame(spec.name) for spec in loaded} if keep_tables else {}
    finally:
        engine.close()
    return Checked(found.problems(), tables, None, found.errors, texts)


def _streamed_bytes(root: Path) -> int:
    sizes = [root / f"{name}.csv" for name in STREAMED]
    return sum(p.stat().st_size for p in sizes if p.is_file())
