"""Parsing `when` values: dates of year, month or day precision, and intervals."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.model.when import Period, parse_when


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("2023", Period(date(2023, 1, 1), date(2023, 12, 31), "year")),
        ("2024-02", Period(date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("2025-09-02", Period(date(2025, 9, 2), date(2025, 9, 2), "day")),
        ("2018-03/2019-01", Period(date(2018, 3, 1), date(2019, 1, 31), "month")),
        ("2019-06/2019-06-20", Period(date(2019, 6, 1), date(2019, 6, 20), "month")),
        ("2018/2019-06-30", Period(date(2018, 1, 1), date(2019, 6, 30), "year")),
    ],
)
def test_parse_when(value: str, period: Period) -> None:
    assert parse_when(value) == period


@pytest.mark.parametrize(
    "value",
    [
        "",
        "25",
        "2025-9-2",
        "2025-02-30",
        "2025-13",
        "2020/2019",
        "2019/2020/2021",
        "2019-06 ",
        "June 2019",
        "2019-06-20T10:00",
    ],
)
def test_malformed_when_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match=r"YYYY|ends before|more than one|range|must be"):
        parse_when(value)
