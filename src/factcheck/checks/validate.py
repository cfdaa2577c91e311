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
from factcheck.checks.rules import run_rules
from factcheck.checks.table import check_table, dialect_notice
from factcheck.model.tables import TABLES
from factcheck.problems import Problem
from factcheck.storage.reader import read_table


@dataclass
class Checked:
    """The outcome of one validation run: what was found, and the tables as read."""

    problems: list[Problem]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    context: Context | None = None
    total: int = 0  # problems found, notices aside, including those beyond the limit


# Tables that grow with the dataset, read in blocks when they are large; the others hold a
# row per article or source and are always read whole.
STREAMED = ("claims", "evidence")
AUTO_BLOCKS = 256 * 2**20  # read in blocks when the streamed tables pass this many bytes
BLOCK_SIZE = 16 * 2**20


def check_dataset(
    directory: str | Path = ".", limit: int | None = None, block_size: int | None = 0
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
        return Checked([registry.problem("dataset.directory", str(root))])
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
    return Checked(found.problems(), tables, context, found.errors)


def _streamed_bytes(root: Path) -> int:
    sizes = [root / f"{name}.csv" for name in STREAMED]
    return sum(p.stat().st_size for p in sizes if p.is_file())
