"""What a rule is when an engine runs it: one SQL query whose rows are its problems.

A query is written once, in DuckDB's SQL, over the tables an engine holds (`articles`,
`sources`, `claims`, `evidence`, each with `_row`, and the texts' tables `texts`,
`paragraphs` and `sentences`). Each row it returns is one problem: `_row` (the spreadsheet
row, or NULL), `value` (the cell shown, or NULL), and the fields the rule's message names.
A query may also return `_file` and `_column` where the problem is not at the rule's own
table and column (a sentence of an article's text, say).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from factcheck.model.sql import literal, matches, name, sql_pattern
from factcheck.model.tables import spec_named


@dataclass(frozen=True)
class Scan:
    """A rule that looks at one row at a time, in SQL alone: the row fails where `failing`
    holds, and its problem shows the cell of `column`. The runner checks every such rule
    of a table in one pass over it (`run.run_queries`), not one query each."""

    table: str
    failing: str
    column: str


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


def breaks(column: str, pattern: str) -> str:
    """SQL: the cell is present and does not match `pattern`."""
    return f"({column} IS NOT NULL AND NOT {matches(column, pattern)})"


__all__ = ["Query", "Scan", "breaks", "literal", "matches", "name", "sql_pattern"]
