"""The validation plan: the models' rules as the validator runs them, written from the models.

`build_plan` reads the pandera models (`model.schemas`) and writes down what validation
needs of them: each table's columns (in order, with their types, patterns, format words and
allowed values), key and references, the queries its column and table rules run as
(`rules.columns`, serialised field by field, so that a change there needs only a
regeneration), and the Python functions those queries call, by `module:qualname`.
`python -m factcheck.checks.plan` writes it to `model/plan.json`; validation reads that file
(`queries`, `rules.functions`) and never imports pandera. A test regenerates the plan and
requires the committed file to be the same.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import json
import sys
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from factcheck.checks.rules.base import Query
from factcheck.model import planned
from factcheck.model.tables import TABLES, TableSpec


def queries(spec: TableSpec) -> list[Query]:
    """The queries of the table's column and table rules, as the plan holds them."""
    return [_decode(Query, query) for query in planned.table(spec.name)["queries"]]


def function(reference: str) -> Callable[..., Any]:
    """The function a plan names as `module:qualname`."""
    module, qualname = reference.split(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return typing.cast(Callable[..., Any], found)


def build_plan() -> dict[str, Any]:
    """The plan, from the models."""
    from factcheck.checks.rules.columns import column_queries, table_queries

    tables = {}
    for spec in TABLES:
        made = [*column_queries(spec), *table_queries(spec)]
        tables[spec.name] = {
            "model": spec.model_name,
            "file": spec.file,
            "key": spec.key,
            "references": dict(spec.references),
            "columns": _columns(spec),
            "queries": [_encode(query) for query in made],
            "functions": _functions(spec),
        }
    return {"generated_by": planned.REGENERATE, "tables": tables}


def render() -> str:
    """The plan as the committed file holds it."""
    return json.dumps(build_plan(), indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def _columns(spec: TableSpec) -> list[dict[str, Any]]:
    from factcheck.model.schemas import allowed_values

    columns = []
    for column_name, column in spec.schema.columns.items():
        patterns = [c.statistics["pattern"] for c in column.checks if c.name == "str_matches"]
        columns.append(
            {
                "name": column_name,
                "dtype": column.metadata["dtype"],
                "nullable": column.nullable,
                "unique": column.unique,
                "pattern": str(patterns[0]) if patterns else None,
                "format": column.metadata.get("format"),
                "allowed": allowed_values(column),
                "checks": [str(check.name) for check in column.checks],
            }
        )
    return columns


def _functions(spec: TableSpec) -> list[dict[str, Any]]:
    """The Python functions the table's queries call: `name`, its `module:qualname`, and
    `fields`, the columns it is given as a frame (None: a column's cells), or `text` for a
    function of one text giving text."""
    from factcheck.checks.rules.columns import function_name
    from factcheck.model.rule_ids import BUILTIN_RULES, CELL_RULES
    from factcheck.model.sql import FAILING, FUNCTIONS, PYTHON, SQL

    found: list[dict[str, Any]] = []
    schema = spec.schema
    for column_name, column in schema.columns.items():
        for check in column.checks:
            if check.name not in BUILTIN_RULES and SQL not in check.statistics:
                name = function_name(spec, column_name, str(check.name))
                found.append(_function(name, _reference(check, PYTHON), None))
    for check in schema.checks:
        check_name = str(check.name)
        if FAILING in check.statistics:
            for text_name, text_function in check.statistics[FUNCTIONS].items():
                found.append({"name": text_name, "function": _named(text_function), "text": True})
        elif SQL not in check.statistics:
            fields = None if check_name in CELL_RULES else list(schema.columns)
            name = function_name(spec, None, check_name)
            found.append(_function(name, _reference(check, PYTHON), fields))
    return found


def _function(name: str, reference: str, fields: list[str] | None) -> dict[str, Any]:
    return {"name": name, "function": reference, "fields": fields}


def _reference(check: Any, statistic: str) -> str:
    """The `module:qualname` of a model's Python check (`schemas.python_rule`)."""
    if statistic not in check.statistics:
        raise ValueError(f"{check.name}: a Python check must name its function (python_rule)")
    return str(check.statistics[statistic])


def _named(function: Callable[..., Any]) -> str:
    """A module-level function as `module:qualname`."""
    return f"{function.__module__}:{function.__qualname__}"


def _encode(value: Any) -> Any:
    """A query as JSON: a dataclass field by field, a tuple as a list."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _encode(item) for key, item in value.items()}
    return value


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    """A dataclass's field types, resolved once: resolving them per query took longer
    than reading the plan."""
    return typing.get_type_hints(kind)


def _decode(kind: Any, value: Any) -> Any:
    """JSON as an instance of `kind` (a dataclass, a tuple, or a type union with None)."""
    if value is None:
        return None
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        return kind(**{name: _decode(hints[name], item) for name, item in value.items()})
    origin = typing.get_origin(kind)
    if origin is tuple:
        (item_kind, *_) = typing.get_args(kind)
        return tuple(_decode(item_kind, item) for item in value)
    if origin is typing.Union or type(kind).__name__ == "UnionType":
        (present,) = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decode(present, value)
    return value


def main(argv: list[str] | None = None) -> int:
    """Write the plan from the models: `python -m factcheck.checks.plan [FILE]`."""
    arguments = sys.argv[1:] if argv is None else argv
    target = Path(arguments[0]) if arguments else planned.PLAN_FILE
    target.write_text(render(), encoding="utf-8", newline="\n")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
