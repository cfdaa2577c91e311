"""Every reference from one table to another resolves."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.rules.base import ROW, Query, matches, name
from factcheck.model.tables import TABLES, TableSpec, spec_named


def _an(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _reference(spec: TableSpec, column: str, target: TableSpec) -> Query:
    pattern = spec.pattern(column)
    cell = name(column)
    well_formed = f"{cell} IS NOT NULL" if pattern is None else matches(cell, pattern)
    return Query(
        f"{spec.name}.{column}.exists",
        (spec.name, target.name),
        f"SELECT {ROW}, {cell} AS value FROM {name(spec.name)} WHERE {well_formed} AND "
        f"{cell} NOT IN (SELECT {name(target.key)} FROM {name(target.name)} "
        f"WHERE {name(target.key)} IS NOT NULL)",
        {"a_key": _an(target.key), "target": target.file},
    )


def queries() -> Iterator[Query]:
    for spec in TABLES:
        for column, target in spec.references.items():
            yield _reference(spec, column, spec_named(target))
