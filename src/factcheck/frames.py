"""Reading DataFrame rows as plain dicts, typed for the code that walks them."""

from __future__ import annotations

from typing import Any, cast

import pandas as pd


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of `frame` as dicts keyed by column name (pandas' stubs type the values as a
    union of every scalar, which no caller can use)."""
    return cast(list[dict[str, Any]], frame.to_dict("records"))


def is_missing(value: Any) -> bool:
    """Whether a cell read from a frame is missing: None, NaN or pandas' NA."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))
