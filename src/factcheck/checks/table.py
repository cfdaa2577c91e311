"""Checking one table read from its file: against its pandera schema, and its CSV dialect.

pandera reports failures as a frame of failure cases; each becomes a located problem (file,
spreadsheet row, column, value, rule). Whole-row checks fail once per column and are
reported once; a rule already past the run's limit is only counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa

from factcheck import registry
from factcheck.checks.collector import Collector
from factcheck.model.schemas import CELL_RULES
from factcheck.model.tables import TableSpec
from factcheck.problems import Problem
from factcheck.storage.reader import FIRST_DATA_ROW
from factcheck.storage.records import is_missing, records

# pandera's names for its built-in checks, and ours for the rule each enforces.
BUILTIN_RULES = {
    "not_nullable": "required",
    "field_uniqueness": "unique",
    "str_matches": "format",
    "isin": "allowed",
    "str_length": "length",
}


def schema_rule_ids(spec: TableSpec) -> list[str]:
    """Every rule id the table's schema can report."""
    ids = [f"{spec.name}.columns.known"]
    for name, column in spec.schema.columns.items():
        if not column.nullable:
            ids.append(f"{spec.name}.{name}.required")
        if column.unique:
            ids.append(f"{spec.name}.{name}.unique")
        ids += [rule_id(spec, name, str(check.name)) for check in column.checks]
    for check in spec.schema.checks:
        if check.name in CELL_RULES:
            ids += [f"{spec.name}.{name}.{check.name}" for name in spec.columns]
        else:
            ids.append(f"{spec.name}.{check.name}")
    return ids


def rule_id(spec: TableSpec, column: str, check_name: str) -> str:
    """The rule id a column's check reports under: pandera's built-in checks (and the
    required and unique properties it checks without a check object) by our names."""
    return f"{spec.name}.{column}.{BUILTIN_RULES.get(check_name, check_name)}"


def schema_fields(spec: TableSpec, column: str, check: Any) -> dict[str, str]:
    """What a column's check fills into its rule's requirement: the pattern in words, the
    allowed values, the longest length. The data dictionary shows the same words."""
    if check is None:
        return {}
    if check.name == "str_matches":
        return {"format": str(spec.schema.columns[column].metadata["format"])}
    if check.name == "isin":
        return {"allowed": ", ".join(check.statistics["allowed_values"])}
    if check.name == "str_length":
        return {"max_value": str(check.statistics["max_value"])}
    return {}


def check_table(
    spec: TableSpec,
    frame: pd.DataFrame,
    collector: Collector | None = None,
    schema: pa.DataFrameSchema | None = None,
) -> Iterator[Problem]:
    """The problems of one table against its schema (or a variant of it, such as the
    `row_schema` a block is held to), each located by row and column.

    Given the run's collector, a rule already past its limit is only counted: its problems
    are not built, which matters when a column holds a million bad cells."""
    schema = spec.schema if schema is None else schema
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        yield from _problems(_Checking(spec, schema), frame, errors.failure_cases, collector)


@dataclass(frozen=True)
class _Checking:
    """A table's spec with the schema its frame was checked against."""

    spec: TableSpec
    schema: pa.DataFrameSchema

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def file(self) -> str:
        return self.spec.file

    @property
    def columns(self) -> list[str]:
        return self.spec.columns


def _problems(
    spec: _Checking,
    frame: pd.DataFrame,
    failures: pd.DataFrame,
    collector: Collector | None,
) -> Iterator[Problem]:
    seen: set[tuple[str, int | None, str | None]] = set()
    for failure in records(failures):
        for problem in _located(spec, frame, failure, collector):
            # a whole-row check names one column however many fail; unknown columns, each
            # its own, have no row, and are told apart by their column
            key = (problem.rule, problem.row, problem.column)
            if key not in seen:
                seen.add(key)
                yield problem


def _located(
    spec: _Checking,
    frame: pd.DataFrame,
    failure: dict[str, Any],
    collector: Collector | None,
) -> list[Problem]:
    """The problems one pandera failure case stands for: a whole-table cell rule reports its
    failing cells as a {column: value} mapping, one problem each."""
    rule = _rule_of(spec, failure)
    if rule is not None and collector is not None and not collector.wants(rule):
        collector.counts[rule] += 1  # counted, not built
        collector.files.setdefault(rule, spec.file)
        return []
    if failure["schema_context"] == "DataFrameSchema" and isinstance(failure["failure_case"], dict):
        check = spec.schema.checks[int(failure["check_number"])]
        row = int(failure["index"]) + FIRST_DATA_ROW
        return [
            _at(spec, row, column, value, f"{spec.name}.{column}.{check.name}")
            for column, value in failure["failure_case"].items()
        ]
    return [_problem(spec, frame, failure)]


def _rule_of(spec: _Checking, failure: dict[str, Any]) -> str | None:
    """The rule id a column check's failure will be reported under, when it is cheap to
    know before building the problem; None for the rest (they are few)."""
    if failure["schema_context"] != "Column" or pd.isna(failure["check_number"]):
        return None
    column = str(failure["column"])
    check = spec.schema.columns[column].checks[int(failure["check_number"])]
    return rule_id(spec.spec, column, str(check.name))


def _problem(spec: _Checking, frame: pd.DataFrame, failure: dict[str, Any]) -> Problem:
    index = failure["index"]
    row = None if pd.isna(index) else int(index) + FIRST_DATA_ROW
    check_name = str(failure["check"])
    if failure["schema_context"] == "DataFrameSchema":
        if check_name in ("column_in_schema", "column_in_dataframe"):
            return _column_problem(spec, str(failure["failure_case"]), check_name)
        check = spec.schema.checks[int(failure["check_number"])]
        column = str(check.name).split(".", 1)[0]
        value = None if row is None else frame.at[index, column]
        return _at(spec, row, column, value, f"{spec.name}.{check.name}")
    column = str(failure["column"])
    value = failure["failure_case"]
    check = (
        None
        if pd.isna(failure["check_number"])
        else spec.schema.columns[column].checks[int(failure["check_number"])]
    )
    rule = rule_id(spec.spec, column, check_name if check is None else str(check.name))
    fields = schema_fields(spec.spec, column, check)
    if rule.endswith(".unique"):
        rows = [int(i) + FIRST_DATA_ROW for i in frame.index[frame[column] == value]]
        fields["rows"] = "rows " + ", ".join(map(str, rows))
    return _at(spec, row, column, value, rule, **fields)


def _column_problem(spec: _Checking, column: str, check_name: str) -> Problem:
    if check_name == "column_in_schema":
        columns = ", ".join(spec.columns)
        return registry.problem(
            f"{spec.name}.columns.known", spec.file, column=column, table=spec.file, columns=columns
        )
    return registry.problem("csv.header.missing", spec.file, column=column)


def _at(
    spec: _Checking, row: int | None, column: str, value: Any, rule: str, **fields: str
) -> Problem:
    shown = None if is_missing(value) else str(value)
    return registry.problem(rule, spec.file, row, column, shown, **fields)
