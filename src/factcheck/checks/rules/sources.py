"""Rules of sources.csv across tables: every source is used."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.context import Context
from factcheck.checks.keys import is_in
from factcheck.checks.rules.base import DatasetRule, dataset_rule
from factcheck.checks.rules.claims import used_sources
from factcheck.model.schemas import SOURCE_ID
from factcheck.problems import Problem


@dataset_rule("sources.source_id.used", needs=("sources", "claims", "articles"))
def _source_used(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    sources = ctx.tables["sources"]
    publishers = set(ctx.column("articles", "publisher_source_id").dropna())
    unused = ctx.valid("sources", "source_id", SOURCE_ID) & ~is_in(
        sources["source_id"], used_sources(ctx) | publishers
    )
    yield from self.at(sources, unused)
