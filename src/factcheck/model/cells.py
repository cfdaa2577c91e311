"""What a single cell may hold: the patterns the schemas' SQL checks are written with, and
the checks that need Python, as vectorised predicates over a column of cells.

Each predicate returns, for every cell, whether it passes (an empty cell passes every cell
rule). A value repeated across rows is tested once (`by_distinct`).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd

from factcheck.model import notation, segment
from factcheck.model.spreadsheets import is_short_date, is_short_month
from factcheck.model.when import parse_when

# The identifiers' patterns, and what the models' columns of them say in words.
CLAIM_ID = r"^C(?:[0-9]{4}|[1-9][0-9]{4,})$"
EVIDENCE_ID = r"^E(?:[0-9]{4}|[1-9][0-9]{4,})$"
ARTICLE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_ID = rf"^{notation.SOURCE_ID}$"
SOURCE_ID_WORDS = "upper-case letters and digits in words joined by single hyphens, e.g. KCNA"
CLAIM_ID_WORDS = "C followed by four digits (C0001), or by a larger number without leading zeros"
SHA256 = r"^[0-9a-f]{64}$"
NON_NEGATIVE_INTEGER = r"^(?:0|[1-9][0-9]*)$"

ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# C0 controls other than tab, line feed and carriage return (one_line refuses those), and DEL.
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
LINE_BREAKS_AND_TABS = r"[\r\n\t]"
EDGE_SPACE = r"\s"  # white space, as str.strip() removes it from either end of a cell
# OWASP's list of characters that make a spreadsheet treat a cell as a formula or command.
FORMULA_START = r"[=+\-@\t\r]"


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


# The host of an address (group 1), which names the site that shows the page: one site, one
# publisher. A leading "www." is not part of the site's name (`evidence.publisher.one_per_host`).
URL_HOST = r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)"


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


def date_or_interval(values: pd.Series) -> pd.Series:
    """Whether each cell is a date or an interval (`is_date_or_interval`); what a spreadsheet
    wrote in its short formats passes here, as it is `short_date`'s or `short_month`'s."""

    def passes(cell: str) -> bool:
        return is_short_date(cell) or is_short_month(cell) or is_date_or_interval(cell)

    return by_distinct(values, passes)


def nfc_normalize(value: str) -> str:
    """A text in NFC, as DuckDB's `nfc_normalize` gives it: what an engine without that
    function calls in its place (`engines.spark_sql`)."""
    return value if value.isascii() else unicodedata.normalize("NFC", value)
