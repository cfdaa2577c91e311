"""What a rule is when an engine runs it: one SQL query whose rows are its problems.

A query is written once, in DuckDB's SQL, over the tables an engine holds (`articles`,
`sources`, `claims`, `evidence`, each with `_row`, and the texts' tables `texts`,
`paragraphs` and `sentences`). Each row it returns is one problem: `_row` (the spreadsheet
row, or NULL), `value` (the cell shown, or NULL), and the fields the rule's message names.
A query may also return `_file` and `_column` where the problem is not at the rule's own
table and column (a sentence of an article's text, say).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from factcheck.model.cells import ISO_DATE, clean_cell
from factcheck.model.sql import ROW, literal, matches, name, sql_pattern
from factcheck.model.tables import spec_named


@dataclass(frozen=True)
class Scan:
    """A rule that looks at one row at a time (in SQL, or calling a Python check on the
    row's cells): the row fails where `failing` holds, and its problem shows the cell of
    `column`. The runner checks every such rule of a table in one pass over it
    (`run.run_queries`), not one query each: a Python cell check of every column joins
    that pass rather than sending a query per column (on Spark, a job per column)."""

    table: str
    failing: str
    column: str
    # whether the rule can fail only on a row its table's `screen` flags: the runner tests
    # the screen first, and the rule only on the rows it flags
    screened: bool = False


@dataclass(frozen=True)
class Query:
    """A rule's registry id, the tables it reads, and the SQL that finds its problems."""

    id: str
    needs: tuple[str, ...]
    sql: str
    fields: Mapping[str, str] = field(default_factory=dict)  # fixed parts of its message
    scan: Scan | None = None  # what the query finds, for one pass over its table

    @property
    def file(self) -> str:
        return spec_named(self.id.split(".")[0]).file

    @property
    def column(self) -> str:
        return self.id.split(".")[1]


def first_rows(table: str) -> str:
    """SQL: the rows of `table` a lookup by its primary key finds: the first row with each
    key, where a broken table repeats one."""
    key, rows = name(spec_named(table).key), name(table)
    return (
        f"(SELECT * FROM {rows} WHERE {ROW} IN "
        f"(SELECT min({ROW}) FROM {rows} WHERE {key} IS NOT NULL GROUP BY {key}))"
    )


def of(alias: str, column: str) -> str:
    """SQL: a column of the table joined as `alias`."""
    return f"{alias}.{name(column)}"


def values_in(members: Iterable[str]) -> str:
    """SQL: a vocabulary's values as the list of an IN, in a stable order."""
    return ", ".join(literal(value) for value in sorted(members))


def earlier(early: str, late: str) -> str:
    """SQL: both cells are ISO dates and `early` is before `late`: such dates compare as
    text, and a malformed date is its column rule's problem, not this one's."""
    return f"{matches(early, ISO_DATE)} AND {matches(late, ISO_DATE)} AND {early} < {late}"


def screen(table: str) -> str:
    """SQL true of a row of `table` whose cells pass every cell rule, by one pattern per
    cell (`cells.clean_cell`) rather than one per rule and cell: a clean row costs one test.
    A row it does not hold for is tested rule by rule, with the same messages."""
    clean = clean_cell()
    columns = spec_named(table).columns
    return " AND ".join(f"({name(c)} IS NULL OR {matches(name(c), clean)})" for c in columns)


def breaks(column: str, pattern: str) -> str:
    """SQL: the cell is present and does not match `pattern`."""
    return f"({column} IS NOT NULL AND NOT {matches(column, pattern)})"


__all__ = [
    "ROW",
    "Query",
    "Scan",
    "breaks",
    "earlier",
    "first_rows",
    "literal",
    "matches",
    "name",
    "of",
    "screen",
    "sql_pattern",
    "values_in",
]
