"""Reading DataFrame rows as plain dicts, typed for the code that walks them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


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


def is_in(values: pd.Series, allowed: pd.Series | Iterable[str]) -> pd.Series:
    """`values.isin(allowed)`, with missing cells False, computed by pyarrow.

    pandas 3 turns `allowed` into Arrow scalars one at a time, which at a million keys costs
    seconds; pyarrow's hash lookup takes milliseconds."""
    if not isinstance(allowed, pd.Series):
        allowed = pd.Series(list(allowed), dtype="str")
    found = pc.is_in(_arrow(values), value_set=_arrow(allowed), skip_nulls=True)
    return pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False), index=values.index)


def _arrow(values: pd.Series) -> pa.Array:
    """A column's cells as one Arrow string array, without copying pandas' own strings;
    cells that are not text become missing."""
    if not isinstance(values.dtype, pd.StringDtype):
        values = values.where(values.map(lambda v: isinstance(v, str)), None).astype("str")
    return pa.array(values, from_pandas=True).cast(pa.large_string())
