"""The rules as queries an engine runs: the models' column rules (`columns`, `functions`)
and the dataset rules, one module per table they report on, each with a `queries()`."""

from __future__ import annotations

from factcheck.checks.rules import articles, claims, evidence, references, sources
from factcheck.checks.rules.base import Query

MODULES = (references, articles, claims, sources, evidence)


def dataset_queries() -> list[Query]:
    """Every dataset rule's query, in the order the modules list them."""
    return [query for module in MODULES for query in module.queries()]


__all__ = ["MODULES", "Query", "dataset_queries"]
