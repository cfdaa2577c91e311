"""The models' Python checks, registered in an engine under the names the queries call.

A check a model writes as a Python function is not written again in SQL: the engine calls
the function itself on batches of cells, so the model stays the one definition. The plan
(`checks.plan`) names each function by `module:qualname`, so registering them imports
neither pandera nor the models. A column check gets the column's cells, a cell rule one
column at a time, a check on whole rows the row's cells as a record batch: Arrow, as the
engines hold them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from factcheck.checks.engines.base import Engine
from factcheck.checks.plan import function
from factcheck.checks.rules.claims import PYTHON_REPR
from factcheck.model import planned
from factcheck.model.cells import nfc_normalize
from factcheck.model.sql import NFC_NORMALIZE
from factcheck.model.tables import TABLES


def register_checks(engine: Engine) -> None:
    """Register every Python check of every model in `engine`, the Python functions the
    models' SQL calls (a source name's key), and those the dataset rules call (a cue
    written as Python writes it). The rules call these only on the few cells a message
    quotes, or on sources' names. An engine without DuckDB's `nfc_normalize` calls
    Python's under another name (`engines.spark_sql`)."""
    for spec in TABLES:
        for declared in planned.table(spec.name)["functions"]:
            found = function(declared["function"])
            if declared.get("text"):
                engine.register_text(declared["name"], found)
            elif declared["fields"] is None:
                engine.register(declared["name"], _on_column(found), None)
            else:
                engine.register(declared["name"], _on_rows(found), declared["fields"])
    engine.register_text(PYTHON_REPR, repr)
    engine.register_text(NFC_NORMALIZE, nfc_normalize)


def _on_column(check: Callable[[pa.Array], Any]) -> Callable[[pa.Array], pa.Array]:
    def run(cells: pa.Array) -> pa.Array:
        return _passed(check(cells), len(cells))

    return run


def _on_rows(check: Callable[[pa.RecordBatch], Any]) -> Callable[[pa.RecordBatch], pa.Array]:
    def run(rows: pa.RecordBatch) -> pa.Array:
        return _passed(check(rows), rows.num_rows)

    return run


def _passed(outcome: Any, length: int) -> pa.Array:
    """A check's outcome as one boolean per cell, a null passing: a check may answer True
    for all at once."""
    if isinstance(outcome, (pa.Array, pa.ChunkedArray)):
        return pc.fill_null(outcome, True)
    return pa.array([bool(outcome)] * length, pa.bool_())
