"""Every reference from one table to another resolves."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.context import Context
from factcheck.checks.rules.base import RULES, Check, DatasetRule
from factcheck.model.tables import TABLES, TableSpec, spec_named
from factcheck.problems import Problem


def _an(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _reference(spec: TableSpec, column: str, target: TableSpec) -> Check:
    pattern = spec.pattern(column)

    def check(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
        frame = ctx.tables[spec.name]
        values = frame[column]
        well_formed = values.notna() if pattern is None else ctx.valid(spec.name, column, pattern)
        missing = well_formed & (ctx.index(target.name).positions(values) < 0)
        yield from self.at(frame, missing)

    return check


for _spec in TABLES:
    for _column, _target in _spec.references.items():
        RULES.append(
            DatasetRule(
                f"{_spec.name}.{_column}.exists",
                needs=(_spec.name, _target),
                check=_reference(_spec, _column, spec_named(_target)),
                fields={"a_key": _an(spec_named(_target).key), "target": f"{_target}.csv"},
            )
        )
