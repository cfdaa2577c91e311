"""model/spreadsheets.py: what a spreadsheet writes for a boolean or a date, and what it means."""

from __future__ import annotations

import pytest

from factcheck.model.spreadsheets import (
    DateOrder,
    canonical_boolean,
    is_short_date,
    is_short_month,
    iso_date,
)


@pytest.mark.parametrize("cell", ["TRUE", "True", "tRuE", "true"])
def test_a_boolean_in_any_case_is_written_in_lower_case(cell: str) -> None:
    assert canonical_boolean(cell) == "true"


@pytest.mark.parametrize(
    ("cell", "short"),
    [
        ("9/2/2025", True),
        ("02/09/2025", True),
        ("02.09.2025", True),
        ("2-9-2025", True),
        ("2025-09-02", False),  # ISO
        ("09/02/25", True),  # LibreOffice's default: a two-digit year
        ("9/2/2025\n", True),  # `$` before a final line break, as in every engine's SQL
        ("02/09.2025", False),  # two separators
        ("123/2/2025", False),
        ("9/2/2025 12:00", False),
    ],
)
def test_short_dates_are_day_and_month_then_a_four_digit_year(cell: str, short: bool) -> None:
    assert is_short_date(cell) is short


@pytest.mark.parametrize(
    ("cell", "order", "iso"),
    [
        ("9/2/2025", DateOrder.MDY, "2025-09-02"),
        ("9/2/2025", DateOrder.DMY, "2025-02-09"),
        ("02.09.2025", DateOrder.DMY, "2025-09-02"),
        ("11/29/2026", DateOrder.MDY, "2026-11-29"),
        ("11/29/2026", DateOrder.DMY, None),  # no 29th month
        ("2/29/2025", DateOrder.MDY, None),  # 2025 is no leap year
        ("2/29/2024", DateOrder.MDY, "2024-02-29"),
        ("2025-09-02", DateOrder.MDY, None),  # not a short date at all
        ("09/02/25", DateOrder.DMY, None),  # which century, the cell does not say
    ],
)
def test_a_short_date_reads_as_iso_only_when_it_is_a_date_in_that_order(
    cell: str, order: DateOrder, iso: str | None
) -> None:
    assert iso_date(cell, order) == iso


@pytest.mark.parametrize(
    ("cell", "month"),
    [
        ("Jun-19", True),
        ("Sep-25", True),
        ("2019-06", False),
        ("June-19", False),
        ("Jun-2019", False),
    ],
)
def test_a_month_as_excel_writes_it_back_is_told_apart(cell: str, month: bool) -> None:
    assert is_short_month(cell) is month
