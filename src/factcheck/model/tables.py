"""The dataset's tables: each CSV file with its pandera model, primary key and references."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandera.pandas as pa

from factcheck.model.schemas import (
    ArticleTable,
    ClaimTable,
    EvidenceTable,
    SourceTable,
    TableModel,
)


@dataclass(frozen=True)
class TableSpec:
    """A table of the dataset: its name, its file and its model."""

    name: str
    model: type[TableModel]
    key: str  # the primary key: unique, and the canonical row order
    # column -> the table whose primary key it must name
    references: Mapping[str, str] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def schema(self) -> pa.DataFrameSchema:
        return self.model.to_schema()

    @property
    def columns(self) -> list[str]:
        return list(self.schema.columns)

    def typed(self, dtype: str) -> list[str]:
        """The columns the loader reads as `dtype` ("boolean", "date", ...)."""
        return [n for n, c in self.schema.columns.items() if c.metadata["dtype"] == dtype]

    def pattern(self, column: str) -> str | None:
        """The regular expression a column's cells must match, if it has one."""
        for check in self.schema.columns[column].checks:
            if check.name == "str_matches":
                return str(check.statistics["pattern"])
        return None


TABLES: tuple[TableSpec, ...] = (
    TableSpec("articles", ArticleTable, "article_id", {"publisher_source_id": "sources"}),
    TableSpec("sources", SourceTable, "source_id"),
    TableSpec("claims", ClaimTable, "claim_id", {"article_id": "articles"}),
    TableSpec("evidence", EvidenceTable, "evidence_id", {"claim_id": "claims"}),
)


def spec_named(name: str) -> TableSpec:
    """The table called `name`."""
    return next(spec for spec in TABLES if spec.name == name)


FIRST_DATA_ROW = 2  # a table's first row in a spreadsheet: the header is row 1
ARTICLES_DIR = "articles"  # where each article's text is stored, as <article_id>.txt


def article_path(article_id: str) -> str:
    """Where an article's text lives, relative to the dataset directory."""
    return f"{ARTICLES_DIR}/{article_id}.txt"
