"""Rows of a table read into pandas: as dicts of their cells, and what counts as a missing cell."""

from __future__ import annotations

from typing import Any

import pandas as pd


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of `frame` as dicts keyed by column name.

    Built from whole columns, which is several times faster than `to_dict("records")` on
    pandas' Arrow-backed strings; missing cells come back as None or NaN as pandas holds them.
    """
    columns = [str(name) for name in frame.columns]
    values = [frame[name].tolist() for name in frame.columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def is_missing(value: Any) -> bool:
    """Whether a cell read from a frame is missing: None, NaN or pandas' NA."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))
