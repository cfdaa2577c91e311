"""Running rules' queries on an engine and turning their rows into located problems."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factcheck import registry
from factcheck.checks.collector import Collector
from factcheck.checks.engines.base import ROW, Engine
from factcheck.checks.rules.base import Query
from factcheck.problems import Problem

_PLACE = (ROW, "value", "_file", "_column", "_order")


def run_queries(engine: Engine, queries: Iterable[Query], found: Collector) -> None:
    """Every query's problems into `found`: at most as many as the collector still lists for
    the rule, the first by row, the rest only counted."""
    for query in queries:
        wanted = found.room(query.id)
        if wanted is None:
            rows = engine.query(query.sql)
        else:
            rows = engine.query(
                f"SELECT * FROM ({query.sql}) AS found {_order(query)} LIMIT {wanted}"
            )
        rows.sort(key=_place)
        for row in rows:
            found.add(problem(query, row))
        if wanted is not None and len(rows) == wanted:
            found.count_more(query.id, query.file, _count(engine, query) - wanted)


def _order(query: Query) -> str:
    """SQL: the order problems are listed in, and kept in under a limit: by file, row, and
    the query's own `_order` where one row holds several (the sentences of a line)."""
    columns = [
        c for c in ("_file", ROW, "_order") if c == ROW or re.search(rf"\bAS {c}\b", query.sql)
    ]
    return "ORDER BY " + ", ".join(f"{c} NULLS FIRST" for c in columns)


def _place(row: dict[str, Any]) -> tuple[str, int, int]:
    return (str(row.get("_file") or ""), int(row.get(ROW) or 0), int(row.get("_order") or 0))


def _count(engine: Engine, query: Query) -> int:
    return int(engine.query(f"SELECT count(*) AS n FROM ({query.sql}) AS found")[0]["n"])


def problem(query: Query, row: dict[str, object]) -> Problem:
    """The problem one row of a query stands for."""
    fields = {k: v for k, v in row.items() if k not in _PLACE}
    at = row.get(ROW)
    value = row.get("value")
    return registry.problem(
        query.id,
        str(row.get("_file") or query.file),
        None if at is None else int(str(at)),
        _column(row, query),
        None if value is None else str(value),
        **query.fields,
        **fields,
    )


def _column(row: dict[str, object], query: Query) -> str | None:
    if "_column" not in row:
        return query.column
    column = row["_column"]
    return None if column is None else str(column)
