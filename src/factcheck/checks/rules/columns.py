"""The column rules of the pandera models, as queries an engine runs.

The models stay the schema of record: this module reads each model's columns and checks and
writes the SQL that finds their failures, as pandera's own backends implement its checks per
data library. pandera's built-in checks (required, unique, a pattern, a vocabulary, a length)
become SQL here; a check the model declares with its SQL (`model.sql`) runs as that SQL; a
check written as a Python function runs in the engine as that very function (`functions`).
A check that compares rows with one another (no duplicate claims, say) is SQL the model
declares over the whole table, run here as that SQL. A rule that looks at one row at a time
carries a `Scan`, so the runner checks a table's rules of that kind in one pass, the
Python cell and row checks among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factcheck.checks.rules.base import ROW, Query, Scan, breaks, name
from factcheck.model.rule_ids import (
    CELL_RULES,
    column_rule_id,
    reported_column,
    table_rule_id,
    unknown_column_rule_id,
)
from factcheck.model.sql import CANDIDATES, CELL, FAILING, SQL, TABLE, one_of
from factcheck.model.tables import TableSpec


def rule_id(spec: TableSpec, column: str, check_name: str) -> str:
    """The rule id a column's check reports under (`model.rule_ids`)."""
    return column_rule_id(spec.name, column, check_name)


def function_name(spec: TableSpec, column: str | None, check_name: str) -> str:
    """The SQL name a model's Python check is registered under in an engine."""
    where = f"{spec.name}_{column or 'row'}_{check_name}"
    return "fc_" + "".join(c if c.isalnum() else "_" for c in where)


def column_queries(spec: TableSpec) -> Iterator[Query]:
    """A query for every rule of every column of the table's model."""
    table = name(spec.name)
    for column_name, column in spec.schema.columns.items():
        cell = name(column_name)
        if not column.nullable:
            yield _query(spec, column_name, "not_nullable", f"{cell} IS NULL", True)
        if column.unique:
            yield _unique(spec, column_name)
        for check in column.checks:
            yield _column_check(spec, column_name, check, table)


def _query(
    spec: TableSpec,
    column: str,
    check_name: str,
    failing: str,
    row_by_row: bool,
    fields: dict[str, str] | None = None,
    screened: bool = False,
) -> Query:
    """A rule failing where `failing` holds; `row_by_row` when that reads the row alone,
    so that the rule joins its table's one pass (a check of distinct values runs alone)."""
    return Query(
        rule_id(spec, column, check_name),
        (spec.name,),
        f"SELECT {ROW}, {name(column)} AS value FROM {name(spec.name)} WHERE {failing}",
        fields or {},
        Scan(spec.name, failing, column, screened) if row_by_row else None,
    )


def _column_check(spec: TableSpec, column: str, check: Any, table: str) -> Query:
    cell = name(column)
    statistics = check.statistics
    row_by_row = True
    if check.name == "str_matches":
        failing = breaks(cell, statistics["pattern"])
    elif check.name == "isin":
        failing = f"{cell} NOT IN {one_of(statistics['allowed_values'])}"
    elif check.name == "str_length":
        failing = f"length({cell}) > {statistics['max_value']}"
    elif SQL in statistics:
        failing = (
            f"{cell} IS NOT NULL AND NOT coalesce({statistics[SQL].replace(CELL, cell)}, true)"
        )
    else:  # a Python check: run once per distinct value, which cells repeat
        row_by_row = False
        function = function_name(spec, column, str(check.name))
        distinct = f"SELECT DISTINCT {cell} AS v FROM {table} WHERE {cell} IS NOT NULL"
        failing = f"{cell} IN (SELECT v FROM ({distinct}) AS d WHERE NOT {function}(v))"
    fields = schema_fields(spec, column, check)
    return _query(spec, column, str(check.name), failing, row_by_row, fields)


def _fails(cell: str, passes: str) -> str:
    """SQL: a present cell fails a check whose SQL (naming the cell `{cell}`) passes it."""
    return f"{cell} IS NOT NULL AND NOT coalesce({passes.replace(CELL, cell)}, true)"


def _unique(spec: TableSpec, column: str) -> Query:
    cell, table = name(column), name(spec.name)
    shared = (
        f"SELECT {cell} AS value, 'rows ' || string_agg(CAST({ROW} AS VARCHAR), ', ' "
        f"ORDER BY {ROW}) AS rows FROM {table} WHERE {cell} IS NOT NULL "
        f"GROUP BY {cell} HAVING count(*) > 1"
    )
    return Query(
        rule_id(spec, column, "field_uniqueness"),
        (spec.name,),
        f"SELECT t.{ROW}, s.value, s.rows FROM {table} AS t JOIN ({shared}) AS s "
        f"ON t.{cell} = s.value",
    )


def table_queries(spec: TableSpec) -> Iterator[Query]:
    """A query for every check of the model on whole rows: the cell rules once per column,
    the others once, reported at the column their name starts with."""
    columns = list(spec.schema.columns)
    for check in spec.schema.checks:
        check_name = str(check.name)
        if check_name in CELL_RULES:
            passes = check.statistics.get(SQL) or _python_cell_rule(spec, check)
            for column in columns:
                failing = _fails(name(column), passes)
                yield _query(spec, column, check_name, failing, True, screened=True)
        elif FAILING in check.statistics:
            yield _table_check(spec, check_name, check.statistics[FAILING], columns)
        else:
            yield _row_check(spec, check, columns)


def _python_cell_rule(spec: TableSpec, check: Any) -> str:
    """SQL calling a cell rule written in Python, only on the cells its `candidates` SQL
    says could fail (say, those that are not ASCII): most cells never reach Python."""
    call = f"{function_name(spec, None, str(check.name))}({CELL})"
    candidates = check.statistics.get(CANDIDATES)
    return call if candidates is None else f"CASE WHEN {candidates} THEN {call} ELSE true END"


def _row_check(spec: TableSpec, check: Any, columns: list[str]) -> Query:
    check_name = str(check.name)
    column = reported_column(check_name)
    passes = check.statistics.get(SQL)
    if passes is None:
        cells = "struct_pack(" + ", ".join(f"{name(c)} := {name(c)}" for c in columns) + ")"
        passes = f"{function_name(spec, None, check_name)}({cells})"
    failing = f"NOT ({_everything_empty(columns)}) AND NOT coalesce({passes}, true)"
    return Query(
        table_rule_id(spec.name, check_name),
        (spec.name,),
        f"SELECT {ROW}, {name(column)} AS value FROM {name(spec.name)} WHERE {failing}",
        scan=Scan(spec.name, failing, column),
    )


def _everything_empty(columns: list[str]) -> str:
    """SQL: a row whose every cell is empty (a blank line), which pandera passes on every
    check of whole rows."""
    return " AND ".join(f"{name(c)} IS NULL" for c in columns)


def _table_check(spec: TableSpec, check_name: str, failing: str, columns: list[str]) -> Query:
    """A check comparing rows: the rows the model's SQL selects, over the whole table."""
    table = name(spec.name)
    return Query(
        table_rule_id(spec.name, check_name),
        (spec.name,),
        f"SELECT {ROW}, {name(reported_column(check_name))} AS value FROM {table} "
        f"WHERE NOT ({_everything_empty(columns)}) "
        f"AND {ROW} IN ({failing.replace(TABLE, table)})",
    )


def schema_rule_ids(spec: TableSpec) -> list[str]:
    """Every rule id the table's schema can report."""
    ids = [unknown_column_rule_id(spec.name)]
    for column_name, column in spec.schema.columns.items():
        if not column.nullable:
            ids.append(f"{spec.name}.{column_name}.required")
        if column.unique:
            ids.append(f"{spec.name}.{column_name}.unique")
        ids += [rule_id(spec, column_name, str(check.name)) for check in column.checks]
    for check in spec.schema.checks:
        if check.name in CELL_RULES:
            ids += [f"{spec.name}.{column}.{check.name}" for column in spec.columns]
        else:
            ids.append(table_rule_id(spec.name, str(check.name)))
    return ids


def schema_fields(spec: TableSpec, column: str, check: Any) -> dict[str, str]:
    """What a column's check fills into its rule's requirement: the pattern in words, the
    allowed values, the longest length. The data dictionary shows the same words."""
    if check is None:
        return {}
    if check.name == "str_matches":
        return {"format": str(spec.schema.columns[column].metadata["format"])}
    if "allowed_values" in check.statistics:
        return {"allowed": ", ".join(check.statistics["allowed_values"])}
    if check.name == "str_length":
        return {"max_value": str(check.statistics["max_value"])}
    return {}
