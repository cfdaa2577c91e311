"""Running rules' queries on an engine and turning their rows into located problems."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factcheck import registry
from factcheck.checks.collector import Collector
from factcheck.checks.engines.base import Engine
from factcheck.checks.rules.base import ROW, Query, Scan, name, screen
from factcheck.problems import Problem

_PLACE = (ROW, "value", "_file", "_column", "_order")


def run_queries(engine: Engine, queries: Iterable[Query], found: Collector) -> None:
    """Every query's problems into `found`: at most as many as the collector still lists for
    the rule, the first by row, the rest only counted. The rules that look at one row at a
    time run together, in one pass over their table; all the queries are sent to the engine
    at once (no two share a rule, so what each may list is known before any runs)."""
    singles: list[Query] = []
    scans: dict[str, list[Query]] = {}
    for query in queries:
        if query.scan is not None:
            scans.setdefault(query.scan.table, []).append(query)
        else:
            singles.append(query)
    ids = [q.id for q in singles] + [q.id for together in scans.values() for q in together]
    assert len(set(ids)) == len(ids), "two queries of one rule: their limits would overlap"
    wanted = [found.room(query.id) for query in singles]
    statements = [_limited(q, n) for q, n in zip(singles, wanted, strict=True)]
    statements += [_scan(table, together) for table, together in scans.items()]
    results = engine.query_all(statements)
    for query, limit, rows in zip(singles, wanted, results, strict=False):
        _add(engine, query, limit, rows, found)
    for together, rows in zip(scans.values(), results[len(singles) :], strict=True):
        _add_scan(together, rows, found)


def _limited(query: Query, wanted: int | None) -> str:
    if wanted is None:
        return query.sql
    return f"SELECT * FROM ({query.sql}) AS found {_order(query)} LIMIT {wanted}"


def _add(
    engine: Engine, query: Query, wanted: int | None, rows: list[dict[str, Any]], found: Collector
) -> None:
    rows.sort(key=_place)
    for row in rows:
        found.add(problem(query, row))
    if wanted is not None and len(rows) == wanted:
        found.count_more(query.id, query.file, _count(engine, query) - wanted)


def _scan(table: str, queries: list[Query]) -> str:
    """The rows of `table` that fail any of `queries`, in one pass: for each, which rules
    it fails (a list holding the failed rules' positions, NULL for the others) and the
    cells they show."""
    scans = [q.scan for q in queries if q.scan is not None]
    failed = ", ".join(f"CASE WHEN {s.failing} THEN {i} END" for i, s in enumerate(scans))
    cells = ", ".join(name(c) for c in _columns(queries))
    return (
        f"SELECT {ROW}, [{failed}] AS failed, [{cells}] AS cells FROM {_suspects(table, scans)} "
        f"WHERE {' OR '.join(f'({s.failing})' for s in scans)} ORDER BY {ROW}"
    )


def _suspects(table: str, scans: list[Scan]) -> str:
    """SQL: the rows of `table` that could fail one of `scans`: those its screen flags, and
    those an unscreened rule fails. Only these are tested rule by rule."""
    if not any(s.screened for s in scans):
        return name(table)
    could = [f"NOT ({screen(table)})", *(f"({s.failing})" for s in scans if not s.screened)]
    return f"(SELECT * FROM {name(table)} WHERE {' OR '.join(could)}) AS suspects"


def _columns(queries: list[Query]) -> list[str]:
    return list(dict.fromkeys(q.scan.column for q in queries if q.scan is not None))


def _add_scan(queries: list[Query], rows: list[dict[str, Any]], found: Collector) -> None:
    columns = _columns(queries)
    for row in rows:
        for at in (i for i in row["failed"] if i is not None):
            query = queries[at]
            assert query.scan is not None  # a scan's queries all have one
            if found.room(query.id) == 0:
                found.count_more(query.id, query.file, 1)
                continue
            value = row["cells"][columns.index(query.scan.column)]
            found.add(problem(query, {ROW: row[ROW], "value": value}))


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
