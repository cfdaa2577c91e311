"""The dataset's tables: each CSV file with its pandera model, primary key and references.

What the validator needs of a model (its columns, their types and patterns) is read from the
plan generated from the models (`model.planned`), so that a table's columns are known
without importing pandera; the model itself is imported when it is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factcheck.model import planned

if TYPE_CHECKING:
    import pandera.pandas as pa

    from factcheck.model.schemas import TableModel


@dataclass(frozen=True)
class TableSpec:
    """A table of the dataset: its name, its file and its model."""

    name: str
    model_name: str  # its pandera model, a class of `model.schemas`
    key: str  # the primary key: unique, and the canonical row order
    # column -> the table whose primary key it must name
    references: Mapping[str, str] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def model(self) -> type[TableModel]:
        from factcheck.model import schemas  # pandera: only for those who use the model

        model: type[TableModel] = getattr(schemas, self.model_name)
        return model

    @property
    def schema(self) -> pa.DataFrameSchema:
        return self.model.to_schema()

    def _planned_columns(self) -> list[dict[str, Any]]:
        columns: list[dict[str, Any]] = planned.table(self.name)["columns"]
        return columns

    @property
    def columns(self) -> list[str]:
        return [column["name"] for column in self._planned_columns()]

    def typed(self, dtype: str) -> list[str]:
        """The columns the loader reads as `dtype` ("boolean", "date", ...)."""
        return [c["name"] for c in self._planned_columns() if c["dtype"] == dtype]

    def pattern(self, column: str) -> str | None:
        """The regular expression a column's cells must match, if it has one."""
        for planned_column in self._planned_columns():
            if planned_column["name"] == column:
                found: str | None = planned_column["pattern"]
                return found
        raise KeyError(column)


TABLES: tuple[TableSpec, ...] = (
    TableSpec("articles", "ArticleTable", "article_id", {"publisher_source_id": "sources"}),
    TableSpec("sources", "SourceTable", "source_id"),
    TableSpec("claims", "ClaimTable", "claim_id", {"article_id": "articles"}),
    TableSpec("evidence", "EvidenceTable", "evidence_id", {"claim_id": "claims"}),
)


def spec_named(name: str) -> TableSpec:
    """The table called `name`."""
    return next(spec for spec in TABLES if spec.name == name)


FIRST_DATA_ROW = 2  # a table's first row in a spreadsheet: the header is row 1
ARTICLES_DIR = "articles"  # where each article's text is stored, as <article_id>.txt


def article_path(article_id: str) -> str:
    """Where an article's text lives, relative to the dataset directory."""
    return f"{ARTICLES_DIR}/{article_id}.txt"
