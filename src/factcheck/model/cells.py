"""What a single cell may hold, as vectorised predicates over a column of cells.

The schemas' checks call these; each returns, for every cell, whether it passes (an empty
cell passes every cell rule). They are tuned for a million cells: a value repeated across
rows is tested once (`by_distinct`), and the rules about a cell's first or last byte read
pandas' Arrow buffers directly (`utf8`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd

from factcheck.model import segment, utf8
from factcheck.model.when import parse_when

ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# C0 controls other than tab, line feed and carriage return (one_line refuses those), and DEL.
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
LINE_BREAKS_AND_TABS = r"[\r\n\t]"
# OWASP's list of characters that make a spreadsheet treat a cell as a formula or command.
FORMULA_START = r"[=+\-@\t\r]"
FORMULA_BYTES = b"=+-@\t\r"  # the same characters, as the first byte of a cell's UTF-8


@functools.cache
def countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, read from pycountry's data on first use (it is slow to load,
    and most commands never need it)."""
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


@functools.cache
def languages() -> frozenset[str]:
    """ISO 639-1 codes, read from pycountry's data on first use."""
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def by_distinct(values: pd.Series, test: Callable[[str], bool]) -> pd.Series:
    """`test` applied once per distinct value and spread back over the cells: dates, URLs and
    intervals repeat, so a million cells often hold a few hundred values."""
    outcome = {value: test(value) for value in values.dropna().unique()}
    return values.map(outcome).fillna(True).astype(bool)


def _is_calendar_date(value: str) -> bool:
    try:
        return bool(re.match(ISO_DATE, value)) and pd.Timestamp(value).isoformat()[:10] == value
    except ValueError:
        return False


def is_real_date(values: pd.Series) -> pd.Series:
    """Whether each cell is a calendar date written YYYY-MM-DD (2025-02-30 is not)."""
    return by_distinct(values, _is_calendar_date)


def is_date_or_interval(value: str) -> bool:
    """Whether `value` is a date of year, month or day precision, or an ordered interval."""
    try:
        parse_when(value)
    except ValueError:
        return False
    return True


# An absolute http(s) address: a scheme, an optional user, a host, an optional port, then a
# path, query or fragment; no white space anywhere. It agrees with urllib's reading of what
# has a host (tests compare the two), and runs as one vectorised pass.
HTTP_URL_PATTERN = (
    r"^(?i:https?)://(?:[^\s/?#@]*@)?(?:\[[0-9A-Fa-f:.]+\]|[^\s/?#@:\[\]]+)(?::[0-9]*)?"
    r"(?:[/?#]\S*)?$"
)


def is_http_url(values: pd.Series) -> pd.Series:
    """Whether each cell is an absolute http(s) address with a host and no spaces."""
    return values.str.match(HTTP_URL_PATTERN).fillna(True).astype(bool)


def one_to_three_sentences(values: pd.Series) -> pd.Series:
    """Whether each cell is one to three sentences. A cell that ends like a sentence and has
    at most two sentence boundaries passes at once (abbreviations only remove boundaries);
    only the others are segmented."""
    quick = values.str.contains(segment.SENTENCE_END, regex=True) & (
        values.str.count(segment.BOUNDARY) <= 2
    )
    result = quick.fillna(False).astype(bool).to_numpy(copy=True)
    for position in np.flatnonzero(~result):
        value = values.iat[int(position)]
        result[position] = isinstance(value, str) and 1 <= len(segment.sentences(value)) <= 3
    return pd.Series(result, index=values.index)


def cellwise(frame: pd.DataFrame, ok: Callable[[pd.Series], pd.Series]) -> pd.DataFrame | bool:
    """`ok` applied to every cell; an empty cell passes every cell rule.

    The columns are stacked into one long column so that `ok` runs once per table, not once
    per column. When every cell passes, the answer is a plain True: pandera then skips
    collecting failure cases from a table of booleans, which on a small file costs more
    than the check itself."""
    if frame.empty:
        return True
    columns = [frame.iloc[:, i].fillna("") for i in range(frame.shape[1])]
    stacked = pd.concat(columns, ignore_index=True)
    passed = ok(stacked).to_numpy(dtype=bool)
    if passed.all():
        return True
    by_column = passed.reshape(len(frame.columns), len(frame)).T
    return pd.DataFrame(by_column, index=frame.index, columns=frame.columns)


def lacking(control: str) -> Callable[[pd.Series], pd.Series]:
    """A cell rule: no cell contains a character of `control`, a class of ASCII control
    characters. When no cell holds any control byte at all, every cell passes at once."""

    def ok(values: pd.Series) -> pd.Series:
        if utf8.has_control_bytes(values) is False:
            return pd.Series(True, index=values.index)
        return ~values.str.contains(control, regex=True)

    return ok


def starts_safely(values: pd.Series) -> pd.Series:
    """Whether each cell starts with none of the formula characters, read off its first
    byte (each of them is one byte in UTF-8, and no other character starts with it)."""
    edges = utf8.edge_bytes(values)
    if edges is None:
        return ~values.str.match(FORMULA_START).astype(bool)
    return pd.Series(~np.isin(edges[0], list(FORMULA_BYTES)), index=values.index)


def is_trimmed(values: pd.Series) -> pd.Series:
    """Whether each cell neither begins nor ends with white space. A cell whose first and
    last bytes are visible ASCII passes at once; only the others are stripped to compare."""
    edges = utf8.edge_bytes(values)
    if edges is None:
        return values.str.strip() == values

    def unsure(byte: np.ndarray) -> np.ndarray:
        return (byte >= 0) & ((byte < 0x21) | (byte >= 0x7F))

    doubtful = unsure(edges[0]) | unsure(edges[1])
    result = ~doubtful
    if doubtful.any():
        subset = values[doubtful]
        result[doubtful] = (subset.str.strip() == subset).to_numpy(dtype=bool)
    return pd.Series(result, index=values.index)


def is_nfc(values: pd.Series) -> pd.Series:
    """Whether each cell is in NFC; ASCII cells always are, so only the others are looked at."""
    result = values.str.isascii().astype(bool).to_numpy(copy=True)
    for position in np.flatnonzero(~result):
        result[position] = unicodedata.is_normalized("NFC", str(values.iat[int(position)]))
    return pd.Series(result, index=values.index)
