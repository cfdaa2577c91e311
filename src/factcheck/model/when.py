"""When a claim's event took place: the `when` column's notation.

A claim's `when` is a calendar date of year, month or day precision (`2023`, `2019-06`,
`2025-09-02`) or an interval of two such dates joined by `/` (`2018-03/2019-01`), the level-0
subset of ISO 8601-2 (EDTF). `parse_when` turns it into the first and last day it covers; the
schema uses the same function to validate the column.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISIONS = ("year", "month", "day")  # coarsest first


@dataclass(frozen=True)
class Period:
    """The days a `when` value covers, first and last included, and its finest precision."""

    start: date
    end: date
    precision: str  # one of PRECISIONS


def parse_when(value: str) -> Period:
    """Parse `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `A/B`; a ValueError for anything else."""
    parts = value.split("/")
    if len(parts) > 2:
        raise ValueError(f"{value!r} has more than one '/'")
    first, last = (_bounds(part) for part in (parts[0], parts[-1]))
    if last[1] < first[0]:
        raise ValueError(f"{value!r} ends before it starts")
    precision = min((first[2], last[2]), key=PRECISIONS.index)
    return Period(first[0], last[1], precision)


def _bounds(text: str) -> tuple[date, date, str]:
    match = _DATE.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    if day is None:
        last_day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        return date(year, month, 1), date(year, month, last_day), "month"
    return date(year, month, day), date(year, month, day), "day"
