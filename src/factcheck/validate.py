"""Checking a dataset directory: every table against its schema, then the dataset rules.

`check_dataset` never raises for bad data and never writes: it reads each file once, runs
every check lazily, and returns every problem it found together with the tables it could
read, so the loader can build on the same run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from factcheck import dialect
from factcheck import problems as report
from factcheck.frames import records
from factcheck.problems import Problem, Severity
from factcheck.read import FIRST_DATA_ROW, read_table
from factcheck.rules import Context, run_rules
from factcheck.schemas import TABLES, TableSpec

# pandera's names for its built-in checks, and ours for the rule each enforces.
BUILTIN_RULES = {
    "not_nullable": "required",
    "field_uniqueness": "unique",
    "str_matches": "format",
    "isin": "allowed",
}


@dataclass
class Checked:
    """The outcome of one validation run: what was found, and the tables as read."""

    problems: list[Problem]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    context: Context | None = None


def check_dataset(directory: str | Path = ".") -> Checked:
    """Check every table and every dataset rule; report all problems, sorted by place."""
    root = Path(directory)
    if not root.is_dir():
        message = "is not a directory: give the folder that holds the dataset's CSV files"
        return Checked(
            [
                Problem(
                    str(root),
                    None,
                    None,
                    None,
                    "dataset.directory",
                    message,
                    severity=Severity.FATAL,
                )
            ]
        )
    found: list[Problem] = []
    tables: dict[str, pd.DataFrame] = {}
    for spec in TABLES:
        frame, read_problems = read_table(root, spec)
        found += read_problems
        if frame is not None:
            tables[spec.name] = frame
            found += check_table(spec, frame)
            found += dialect_notice(root, spec, frame)
    context = Context(root, tables)
    found += run_rules(context)
    return Checked(report.sort(found), tables, context)


def dialect_notice(root: Path, spec: TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """A notice, not an error, when a readable file is not in the canonical CSV dialect."""
    found = dialect.differences((root / spec.file).read_bytes(), spec, frame)
    if not found:
        return []
    message = (
        f"is not in the canonical CSV dialect ({', '.join(found)}); "
        "`factcheck format` rewrites it without changing a cell"
    )
    return [Problem(spec.file, None, None, None, "csv.canonical", message, Severity.NOTICE)]


def schema_rule_ids(spec: TableSpec) -> list[str]:
    """Every rule id the table's schema can report."""
    ids = [f"{spec.name}.columns.known"]
    for name, column in spec.schema.columns.items():
        if not column.nullable:
            ids.append(f"{spec.name}.{name}.required")
        if column.unique:
            ids.append(f"{spec.name}.{name}.unique")
        ids += [f"{spec.name}.{name}.{BUILTIN_RULES.get(c.name, c.name)}" for c in column.checks]
    ids += [f"{spec.name}.{check.name}" for check in spec.schema.checks]
    return ids


def check_table(spec: TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """The problems of one table against its schema, each located by row and column."""
    try:
        spec.model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return list(_problems(spec, frame, errors.failure_cases))
    return []


def _problems(spec: TableSpec, frame: pd.DataFrame, failures: pd.DataFrame) -> Iterator[Problem]:
    seen: set[tuple[str, int | None]] = set()
    for failure in records(failures):
        problem = _problem(spec, frame, failure)
        key = (problem.rule, problem.row)
        if key not in seen:  # whole-row checks fail once per column; report them once
            seen.add(key)
            yield problem


def _problem(spec: TableSpec, frame: pd.DataFrame, failure: dict[str, Any]) -> Problem:
    index = failure["index"]
    row = None if pd.isna(index) else int(index) + FIRST_DATA_ROW
    check_name = str(failure["check"])
    if failure["schema_context"] == "DataFrameSchema":
        if check_name in ("column_in_schema", "column_in_dataframe"):
            return _column_problem(spec, str(failure["failure_case"]), check_name)
        check = spec.schema.checks[int(failure["check_number"])]
        column, rule = str(check.name).split(".", 1)
        value = None if row is None else frame.at[index, column]
        return _at(spec, row, column, value, f"{column}.{rule}", str(check.error))
    column = str(failure["column"])
    value = failure["failure_case"]
    if pd.isna(failure["check_number"]):
        base = check_name
        check = None
    else:
        check = spec.schema.columns[column].checks[int(failure["check_number"])]
        base = str(check.name)
    rule = BUILTIN_RULES.get(base, base)
    message = _builtin_message(spec, frame, column, rule, value, check)
    return _at(spec, row, column, value, f"{column}.{rule}", message)


def _builtin_message(
    spec: TableSpec, frame: pd.DataFrame, column: str, rule: str, value: Any, check: Any
) -> str:
    if rule == "required":
        return "must not be empty"
    if rule == "unique":
        rows = [int(i) + FIRST_DATA_ROW for i in frame.index[frame[column] == value]]
        return f"must be unique, but rows {', '.join(map(str, rows))} share this value"
    if rule == "format":
        return f"must be {spec.schema.columns[column].metadata['format']}"
    if rule == "allowed":
        return f"must be one of: {', '.join(check.statistics['allowed_values'])}"
    return str(check.error) if check is not None and check.error else rule


def _column_problem(spec: TableSpec, column: str, check_name: str) -> Problem:
    if check_name == "column_in_schema":
        expected = ", ".join(spec.columns)
        message = f"is not a column of {spec.file}; its columns are: {expected}"
        return Problem(spec.file, None, column, None, f"{spec.name}.columns.known", message)
    return Problem(
        spec.file, None, column, None, "csv.header", "is missing", severity=Severity.FATAL
    )


def _at(
    spec: TableSpec, row: int | None, column: str, value: Any, rule: str, message: str
) -> Problem:
    shown = None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return Problem(spec.file, row, column, shown, f"{spec.name}.{rule}", message)
