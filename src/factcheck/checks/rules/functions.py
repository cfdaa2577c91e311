"""The models' Python checks, registered in an engine under the names the queries call.

A check a model writes as a Python function is not written again in SQL: the engine calls
the function itself on batches of cells, so the model stays the one definition. A column
check gets the column's cells, a cell rule one column at a time, a check on whole rows the
row's cells as a frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from factcheck.checks.engines.base import Engine
from factcheck.checks.rules.claims import PYTHON_REPR
from factcheck.checks.rules.columns import function_name
from factcheck.model.rule_ids import BUILTIN_RULES
from factcheck.model.schemas import CELL_RULES
from factcheck.model.sql import FAILING, FUNCTIONS, SQL
from factcheck.model.tables import TABLES, TableSpec


def register_checks(engine: Engine) -> None:
    """Register every Python check of every model in `engine`, the Python functions the
    models' SQL calls (a source name's key), and those the dataset rules call (a cue
    written as Python writes it). The rules call these only on the few cells a message
    quotes, or on sources' names."""
    for spec in TABLES:
        _register_table(engine, spec)
    engine.register_text(PYTHON_REPR, repr)


def _register_table(engine: Engine, spec: TableSpec) -> None:
    for column_name, column in spec.schema.columns.items():
        for check in column.checks:
            if check.name not in BUILTIN_RULES and SQL not in check.statistics:
                name = function_name(spec, column_name, str(check.name))
                engine.register(name, _on_column(check._check_fn), None)
    columns = list(spec.schema.columns)
    for check in spec.schema.checks:
        check_name = str(check.name)
        if FAILING in check.statistics:  # the engine runs its SQL, with the functions it calls
            for text_name, text_function in check.statistics[FUNCTIONS].items():
                engine.register_text(text_name, text_function)
        elif SQL in check.statistics:
            continue  # the engine runs its SQL
        elif check_name in CELL_RULES:
            engine.register(function_name(spec, None, check_name), _on_cells(check._check_fn), None)
        else:
            function = _on_rows(check._check_fn)
            engine.register(function_name(spec, None, check_name), function, columns)


def _on_column(check: Callable[[pd.Series], Any]) -> Callable[[pd.Series], pd.Series]:
    def run(cells: pd.Series) -> pd.Series:
        return _passed(check(cells), len(cells))

    return run


def _on_cells(check: Callable[[pd.DataFrame], Any]) -> Callable[[pd.Series], pd.Series]:
    def run(cells: pd.Series) -> pd.Series:
        outcome = check(cells.to_frame("cell"))
        if isinstance(outcome, pd.DataFrame):
            return outcome["cell"].astype(bool)
        return _passed(outcome, len(cells))

    return run


def _on_rows(check: Callable[[pd.DataFrame], Any]) -> Callable[[pd.DataFrame], pd.Series]:
    def run(frame: pd.DataFrame) -> pd.Series:
        return _passed(check(frame), len(frame))

    return run


def _passed(outcome: Any, length: int) -> pd.Series:
    """A check's outcome as one boolean per cell: a check may answer True for all at once."""
    if isinstance(outcome, pd.Series):
        return outcome.fillna(True).astype(bool).reset_index(drop=True)
    return pd.Series([bool(outcome)] * length)
