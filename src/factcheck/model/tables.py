"""The dataset's tables: each CSV file with its pandera model, primary key and references."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandera.pandas as pa

from factcheck.model.schemas import (
    NOT_DUPLICATED,
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

    @functools.cached_property
    def row_schema(self) -> pa.DataFrameSchema:
        """The schema without the checks that compare rows with one another (unique columns,
        `NOT_DUPLICATED`): what one block of a table read in blocks can be held to. The
        others are checked across blocks on each of `repeat_checks`."""
        schema = self.schema.update_columns(
            {name: {"unique": False} for name, _, _ in self.repeat_checks if name in self.columns}
        )
        schema.checks = [c for c in schema.checks if c.name not in NOT_DUPLICATED]
        return schema

    @functools.cached_property
    def repeat_checks(self) -> list[tuple[str, list[str], str]]:
        """The checks that compare rows: (name, the columns compared, the rule id)."""
        found = [
            (name, [name], f"{self.name}.{name}.unique")
            for name, column in self.schema.columns.items()
            if column.unique
        ]
        found += [
            (str(check.name), NOT_DUPLICATED[str(check.name)], f"{self.name}.{check.name}")
            for check in self.schema.checks
            if check.name in NOT_DUPLICATED
        ]
        return found

    @property
    def columns(self) -> list[str]:
        return list(self.schema.columns)

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


ARTICLES_DIR = "articles"  # where each article's text is stored, as <article_id>.txt


def article_path(article_id: str) -> str:
    """Where an article's text lives, relative to the dataset directory."""
    return f"{ARTICLES_DIR}/{article_id}.txt"
