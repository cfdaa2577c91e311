"""What a dataset rule is, and the list every rule module registers its rules in.

A rule's id, message and severity are declared in `factcheck.registry`; here a rule is that
id with the tables it needs and the function that finds its problems in a `Context`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from factcheck import registry
from factcheck.checks.context import Context
from factcheck.problems import Problem
from factcheck.storage.reader import FIRST_DATA_ROW
from factcheck.storage.records import is_missing

Check = Callable[["DatasetRule", Context], Iterable[Problem]]


@dataclass(frozen=True)
class DatasetRule:
    """A dataset rule: its registry id, the tables it reads, the function that checks it,
    and the parts of its message fixed when it is made (a reference's target)."""

    id: str
    needs: tuple[str, ...]
    check: Check
    fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.id.split('.')[0]}.csv"

    @property
    def column(self) -> str:
        return self.id.split(".")[1]

    @property
    def requirement(self) -> str:
        return registry.requirement(self.id, **self.fields)

    def problem(self, index: Any, value: Any, **found: Any) -> Problem:
        """A problem at the spreadsheet row of a table's row `index`."""
        shown = None if is_missing(value) else str(value)
        row = int(index) + FIRST_DATA_ROW
        return registry.problem(self.id, self.file, row, self.column, shown, **self.fields, **found)

    def at(self, frame: pd.DataFrame, failing: pd.Series) -> Iterator[Problem]:
        """A problem for every row where `failing` holds, showing this rule's column."""
        for index in failing[failing].index:
            yield self.problem(index, frame.at[index, self.column])


RULES: list[DatasetRule] = []


def dataset_rule(rule_id: str, needs: tuple[str, ...]) -> Callable[[Check], Check]:
    """Register a dataset rule; the decorated function yields its problems."""

    def register(check: Check) -> Check:
        RULES.append(DatasetRule(rule_id, needs, check))
        return check

    return register
