"""pandera's own validation, read back as our rules: what a model's `validate` found, as the
rule ids and spreadsheet rows `factcheck validate` reports.

A model is a pandera `DataFrameModel`, so a notebook validates a table as pandera users do:

    frame = pd.read_csv("claims.csv", dtype=str, keep_default_na=False, na_values=[""])
    try:
        ClaimTable.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        print(failures("claims", errors))

pandera runs every check of the model, each as the engines run it (a check written in SQL
through DuckDB, a Python one as the same function), and names its failures by check and
column; `failures` turns them into `Failure`s. The rules that read several tables or the
article texts are not the models' and only `factcheck validate` runs them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from factcheck.model.rule_ids import (
    CELL_RULES,
    UNKNOWN_COLUMN,
    column_rule_id,
    reported_column,
    table_rule_id,
    unknown_column_rule_id,
)
from factcheck.model.tables import FIRST_DATA_ROW

MISSING_COLUMN = "column_in_dataframe"  # pandera's name for a column the frame lacks
MISSING_COLUMN_RULE = "csv.header.missing"  # and the reader's rule for it
TABLE_LEVEL = (UNKNOWN_COLUMN, MISSING_COLUMN)  # failures of the table, not of rows


@dataclass(frozen=True, order=True)
class Failure:
    """A rule a table breaks: where (the spreadsheet row, the header being row 1; None for
    the table as a whole) and at which column."""

    rule: str
    row: int | None
    column: str | None


class NotReadable(ValueError):
    """pandera's report cannot be read as rules at spreadsheet rows: the frame was not read
    as docs/python.md says (every cell text, the index the rows' positions), or a check could
    not run for another cause than a missing column."""


def failures(table: str, errors: Any) -> list[Failure]:
    """Each rule pandera's `SchemaErrors` (from `validate(frame, lazy=True)`) reports for
    `table`, once per row and column, in order. The frame's index must be its rows'
    positions, as `pd.read_csv` gives it; a check that could not run because a column it
    reads is missing says nothing more than the missing column does."""
    index = errors.data.index
    if not index.equals(pd.RangeIndex(len(index))):
        raise NotReadable("the frame's index must be its rows' positions 0, 1, 2, …")
    missing = any(_name(error) == MISSING_COLUMN for error in errors.schema_errors)
    found = {
        failure
        for error in errors.schema_errors
        if not _unrun(error, missing)
        for failure in _read(table, error)
    }
    return sorted(found, key=lambda f: (f.row or 0, f.rule, f.column or ""))


def _name(error: Any) -> str:
    return error.check if isinstance(error.check, str) else str(error.check.name)


def _unrun(error: Any, missing: bool) -> bool:
    """Whether the error says a check could not run at all, rather than where it failed;
    a check that reads a missing column cannot."""
    if isinstance(error.failure_cases, pd.DataFrame) or _name(error) in TABLE_LEVEL:
        return False
    if missing and error.reason_code.name == "CHECK_ERROR":
        return True
    raise NotReadable(
        f"pandera could not run {_name(error)} ({error.reason_code.name}): "
        f"{error.failure_cases}; read every cell as text (dtype=str)"
    )


def _read(table: str, error: Any) -> Iterator[Failure]:
    check = _name(error)
    cases = error.failure_cases
    if check == UNKNOWN_COLUMN:
        yield Failure(unknown_column_rule_id(table), None, str(cases))
    elif check == MISSING_COLUMN:
        yield Failure(MISSING_COLUMN_RULE, None, str(cases))
    elif error.schema.__class__.__name__ == "Column":
        column = str(error.schema.name)
        for row in _rows(cases):
            yield Failure(column_rule_id(table, column, check), row, column)
    elif check in CELL_RULES:  # one case per failing row: its failing cells by column
        for row, cells in zip(_rows(cases, unique=False), cases["failure_case"], strict=True):
            for column in cells:
                yield Failure(column_rule_id(table, str(column), check), row, str(column))
    else:
        column = reported_column(check)
        for row in _rows(cases):
            yield Failure(table_rule_id(table, check), row, column)


def _rows(cases: pd.DataFrame, unique: bool = True) -> list[int]:
    """The spreadsheet rows of a check's failure cases (a check on whole rows lists each
    row once per column)."""
    positions = [int(i) for i in cases["index"]]
    if unique:
        positions = list(dict.fromkeys(positions))
    return [position + FIRST_DATA_ROW for position in positions]
