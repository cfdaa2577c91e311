"""Parsing `when` values and building the timeline of dated claims."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from factcheck.analysis.timeline import events
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


def test_events_are_ordered_and_marked_disputed() -> None:
    claims = pd.DataFrame(
        {
            "claim_id": ["C0001", "C0002", "C0003", "C0004"],
            "claim": ["a", "b", "c", "d"],
            "when": ["2025-09-02", None, "2019-06", "2018-03/2019-01"],
            "verdict": ["supported", "supported", "refuted", "partly_supported"],
        }
    )
    table = events(claims)
    assert table["claim_id"].tolist() == ["C0004", "C0003", "C0001"]
    assert table["disputed"].tolist() == [True, True, False]
    assert table["start"].tolist() == [
        pd.Timestamp("2018-03-01"),
        pd.Timestamp("2019-06-01"),
        pd.Timestamp("2025-09-02"),
    ]
    assert table["end"].iloc[0] == pd.Timestamp("2019-01-31")
