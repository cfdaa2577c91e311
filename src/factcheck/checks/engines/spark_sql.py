"""DuckDB's SQL, in which the rules are written, translated into Spark's.

sqlglot translates the queries; what it translates wrongly or not at all for our queries is
rewritten here first, each construct where it is handled (`_rewrite`): Java's regular
expressions' line ends, DuckDB's numbered unnest, and as-of joins.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import sqlglot
from sqlglot import exp

from factcheck.model.sql import NFC_NORMALIZE

# DuckDB's functions Spark lacks, and the Python function registered in their place
# (`rules.functions`).
_IN_PYTHON = {"nfc_normalize": NFC_NORMALIZE}


def quoted(name: str) -> str:
    """A name as Spark's SQL quotes it."""
    return "`" + name.replace("`", "``") + "`"


@cache
def spark_sql(sql: str) -> str:
    """A query in DuckDB's SQL as Spark runs it (each translated once per process)."""
    with _deep_recursion():
        tree = sqlglot.parse_one(sql, read="duckdb")
        return _rewrite(tree).sql(dialect="spark")


@contextmanager
def _deep_recursion(limit: int = 20_000) -> Iterator[None]:
    """sqlglot parses and writes nested calls recursively: a name key folds case with a few
    hundred nested `replace` calls (`queries.sources`), deeper than Python's default limit."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def _rewrite(tree: exp.Expr) -> exp.Expr:
    """What sqlglot does not translate for Spark, made Spark's before it writes the rest."""
    tree = tree.transform(_unix_lines).transform(_in_python)
    for select in list(tree.find_all(exp.Select)):
        _numbered_unnest(select)
    for join in list(tree.find_all(exp.Join)):
        if join.args.get("method", "").upper() == "ASOF":
            _asof(join)
    return tree


def _in_python(node: exp.Expr) -> exp.Expr:
    """A call of a function Spark lacks, as a call of the Python function in its place."""
    if isinstance(node, exp.Anonymous) and str(node.this).lower() in _IN_PYTHON:
        return exp.Anonymous(this=_IN_PYTHON[str(node.this).lower()], expressions=node.expressions)
    return node


# The expressions whose second argument is a regular expression.
_REGEX_NODES = (exp.RegexpLike, exp.RegexpExtract, exp.RegexpReplace, exp.RegexpSplit)


def _unix_lines(node: exp.Expr) -> exp.Expr:
    """Java's `$` also matches before a final \\r, \\u0085, \\u2028 or \\u2029, and `.` stops
    at them: UNIX_LINES (`(?d)`) makes \\n the only line break, as in RE2 and Python."""
    if isinstance(node, _REGEX_NODES):
        pattern = node.args.get("expression")
        if isinstance(pattern, exp.Literal) and pattern.is_string:
            node.set("expression", exp.Literal.string("(?d)" + pattern.this))
    return node


def _numbered_unnest(select: exp.Select) -> None:
    """DuckDB's `unnest(list) AS item, generate_subscripts(list, 1) AS ordinal` gives each
    element and its place in the list; Spark has no `generate_subscripts` and one generator
    per SELECT: `inline` of the elements paired with their places does both."""
    items = {_unnested(e): e for e in select.expressions if _unnested(e) is not None}
    for column in list(select.expressions):
        call = column.this if isinstance(column, exp.Alias) else None
        if not isinstance(call, exp.Anonymous) or call.name.lower() != "generate_subscripts":
            continue
        listed = call.expressions[0].sql(dialect="spark")
        if listed not in items:
            raise ValueError(f"generate_subscripts without its unnest: {select.sql()}")
        item = items.pop(listed)
        pairs = sqlglot.parse_one(
            f"INLINE(TRANSFORM({listed}, (_fc_x, _fc_i) -> "
            f"STRUCT(_fc_x AS {quoted(item.alias)}, _fc_i + 1 AS {quoted(column.alias)})))",
            read="spark",
        )
        item.replace(pairs)
        column.pop()


def _unnested(column: exp.Expr) -> str | None:
    """The list a SELECT column `unnest(list) AS name` unnests, as Spark writes it."""
    if isinstance(column, exp.Alias) and isinstance(column.this, exp.Explode | exp.Unnest):
        return str(column.this.this.sql(dialect="spark"))
    return None


def _asof(join: exp.Join) -> None:
    """Spark has no as-of join. `l ASOF LEFT JOIN r ON keys AND l.x >= r.y` pairs each left
    row with the right row of greatest `y` not past `x` (before `x`, with `>`): a left join
    on the same condition, with each right row bounded by the next `y` of its keys, pairs
    it with that one only."""
    conditions = list(join.args["on"].flatten()) if join.args.get("on") else []
    right = join.this.alias_or_name
    bounds = [_bound(c, right) for c in conditions]
    found = [b for b in bounds if b is not None]
    if len(found) != 1:
        raise ValueError(f"unsupported as-of join: {join.sql()}")
    later, start, strict = found[0]
    keys = [
        side
        for c in conditions
        if isinstance(c, exp.EQ)
        for side in (c.this, c.expression)
        if _of(side, right)
    ]
    partition = ", ".join(quoted(k.name) for k in keys)
    ranges = sqlglot.parse_one(
        f"(SELECT *, LEAD({quoted(start.name)}) OVER (PARTITION BY {partition} "
        f"ORDER BY {quoted(start.name)}) AS _fc_next FROM {join.this.sql(dialect='spark')})",
        read="spark",
    )
    join.set(
        "this",
        exp.Subquery(this=ranges.unnest(), alias=exp.TableAlias(this=exp.to_identifier(right))),
    )
    below = "<=" if strict else "<"
    before_next = sqlglot.parse_one(
        f"({right}._fc_next IS NULL OR {later.sql(dialect='spark')} {below} {right}._fc_next)",
        read="spark",
    )
    join.set("on", exp.and_(join.args["on"], before_next))
    join.set("method", None)


def _bound(condition: exp.Expr, right: str) -> tuple[exp.Expr, exp.Column, bool] | None:
    """An as-of join's inequality as (the left side's value, the right side's column,
    whether strict): `x >= r.y`, `x > r.y`, or the same written `r.y <= x`, `r.y < x`."""
    if isinstance(condition, exp.GTE | exp.GT) and _of(condition.expression, right):
        later, start = condition.this, condition.expression
    elif isinstance(condition, exp.LTE | exp.LT) and _of(condition.this, right):
        later, start = condition.expression, condition.this
    else:
        return None
    assert isinstance(start, exp.Column)
    return later, start, isinstance(condition, exp.GT | exp.LT)


def _of(column: exp.Expr, table: str) -> bool:
    return isinstance(column, exp.Column) and column.table == table
