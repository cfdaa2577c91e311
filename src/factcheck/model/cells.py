"""What a single cell may hold: the patterns the schemas' SQL checks are written with, and
the checks that need Python, as vectorised predicates over a column of cells.

Each predicate takes a column's cells as an Arrow array of text and returns, for every cell,
whether it passes (an empty cell passes every cell rule). Arrow, not pandas: an engine hands
its batches over as Arrow without a copy, and Arrow's kernels test a million cells at once;
pandera's checks convert their Series (`schemas.python_rule`). A value repeated across rows
is tested once (`by_distinct`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from factcheck.model import notation, segment
from factcheck.model.spreadsheets import is_short_date, is_short_month
from factcheck.model.sql import normalized_by_duckdb, sql_pattern
from factcheck.model.when import parse_when

# The identifiers' patterns, and what the models' columns of them say in words.
CLAIM_ID = r"^C(?:[0-9]{4}|[1-9][0-9]{4,})$"
EVIDENCE_ID = r"^E(?:[0-9]{4}|[1-9][0-9]{4,})$"
ARTICLE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_ID = rf"^{notation.SOURCE_ID}$"
SOURCE_ID_WORDS = "upper-case letters and digits in words joined by single hyphens, e.g. KCNA"
# How the description of a source added before anyone described it begins: a new publisher
# (`add-article`) or a source an article names (`factcheck draft`). A notice asks for a real
# one (`sources.description.described`) while it still begins so.
TO_BE_DESCRIBED = "To be described:"


def placeholder_description(what: str) -> str:
    """The description of a source nobody has described yet: the placeholder, then `what`
    (where it was found)."""
    return f"{TO_BE_DESCRIBED} {what}"


CLAIM_ID_WORDS = "C followed by four digits (C0001), or by a larger number without leading zeros"
CLAIM_IDS = r"^C(?:[0-9]{4}|[1-9][0-9]{4,})(?: C(?:[0-9]{4}|[1-9][0-9]{4,}))*$"
CLAIM_IDS_WORDS = "claim ids separated by single spaces, e.g. C0019 C0010"
SHA256 = r"^[0-9a-f]{64}$"
NON_NEGATIVE_INTEGER = r"^(?:0|[1-9][0-9]*)$"

ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# C0 controls other than tab, line feed and carriage return (one_line refuses those), and DEL.
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
LINE_BREAKS_AND_TABS = r"[\r\n\t]"
EDGE_SPACE = r"\s"  # white space, as str.strip() removes it from either end of a cell
# OWASP's list of characters that make a spreadsheet treat a cell as a formula or command.
FORMULA_START = r"[=+\-@\t\r]"

# Code points a cell may hold anywhere without breaking a cell rule: printable ASCII and
# blocks of other scripts whose every character is in NFC whatever surrounds it (none starts
# or continues a composition; tests/test_cells.py proves it with `unicodedata`). A cell of
# them with no white space or formula start at an edge passes every cell rule, which lets the
# validator test each cell once, and each rule only on the rows that test flags.
QUIET_RANGES = (
    (0x20, 0x7E),  # printable ASCII
    (0xA0, 0x17F),  # Latin-1 and Latin Extended-A, precomposed
    (0x2010, 0x2027),  # dashes, curly quotes, bullets, ellipsis
    (0x2030, 0x205E),  # per mille to four-dot punctuation
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables (the conjoining jamo are not quiet)
)
_EDGE_POINTS = (0x20, 0xA0)  # the white space among the quiet code points
_FORMULA_POINTS = tuple(map(ord, "=+-@"))


def _class(excluded: tuple[int, ...]) -> str:
    """A character class of the quiet code points but `excluded`, in the `\\x{...}` form
    both RE2 and Java's regular expressions read."""
    parts = []
    for low, high in QUIET_RANGES:
        cuts = sorted(p for p in excluded if low <= p <= high)
        for start, end in zip(
            [low, *(c + 1 for c in cuts)], [*(c - 1 for c in cuts), high], strict=True
        ):
            if start < end:
                parts.append(f"\\x{{{start:X}}}-\\x{{{end:X}}}")
            elif start == end:
                parts.append(f"\\x{{{start:X}}}")
    return "[" + "".join(parts) + "]"


def clean_cell() -> str:
    """A pattern (for SQL engines) that a cell matches only when it is quiet text that
    neither starts nor ends with white space nor starts like a formula: such a cell passes
    every cell rule (`trimmed`, `one_line`, `printable`, `nfc`, `formula_safe`)."""
    first = _class(_EDGE_POINTS + _FORMULA_POINTS)
    return f"^{first}(?:{_class(())}*{_class(_EDGE_POINTS)})?\\z"


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


def by_distinct(values: pa.Array, test: Callable[[str], bool]) -> pa.Array:
    """`test` applied once per distinct value and spread back over the cells: dates, URLs and
    intervals repeat, so a million cells often hold a few hundred values."""
    failing = [v for v in pc.unique(values.drop_null()).to_pylist() if not test(v)]
    return pc.invert(pc.is_in(values, value_set=pa.array(failing, values.type)))


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


def one_to_three_sentences(values: pa.Array) -> pa.Array:
    """Whether each cell is one to three sentences. A cell that ends like a sentence and has
    at most two sentence boundaries passes at once (abbreviations only remove boundaries),
    found by Arrow's kernels; only the others are segmented, in Python."""
    ends = pc.match_substring_regex(values, sql_pattern(segment.SENTENCE_END))
    boundaries = pc.count_substring_regex(values, sql_pattern(segment.COUNTED_BOUNDARY))
    quick = pc.fill_null(pc.and_(ends, pc.less_equal(boundaries, 2)), False)
    result = quick.to_numpy(zero_copy_only=False).copy()
    for position in np.flatnonzero(~result):
        value = values[int(position)].as_py()
        result[position] = isinstance(value, str) and 1 <= len(segment.sentences(value)) <= 3
    return pa.array(result, pa.bool_())


def date_or_interval(values: pa.Array) -> pa.Array:
    """Whether each cell is a date or an interval (`is_date_or_interval`); what a spreadsheet
    wrote in its short formats passes here, as it is `short_date`'s or `short_month`'s."""

    def passes(cell: str) -> bool:
        return is_short_date(cell) or is_short_month(cell) or is_date_or_interval(cell)

    return by_distinct(values, passes)


def nfc_normalize(value: str) -> str:
    """A text in NFC by DuckDB's `nfc_normalize`, with DuckDB's Unicode tables rather than
    this Python's (which differ by Python version): what an engine without that function
    calls in its place (`engines.spark_sql`), so that every engine gives one verdict."""
    return value if value.isascii() else normalized_by_duckdb(value)
