"""Rules of claims.csv against sources and texts: chains, spans, quotes and cue words."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from factcheck.checks.context import Context, matches
from factcheck.checks.keys import is_in
from factcheck.checks.rules.base import DatasetRule, dataset_rule
from factcheck.model import notation
from factcheck.problems import Problem


def _chains(ctx: Context) -> pd.Series:
    """Well-formed attribution chains, by claim row."""
    attribution = ctx.column("claims", "attribution")
    return attribution[ctx.valid("claims", "attribution", notation.ATTRIBUTION)]


def _chain_sources(ctx: Context) -> pd.Series:
    """Every source id of every well-formed chain, indexed by claim row (repeated). Chains
    repeat (a handful of voices per article), so each distinct chain is split only once."""

    def compute() -> pd.Series:
        chains = _chains(ctx)
        split = {chain: notation.source_ids(chain) for chain in chains.unique()}
        return chains.map(split).explode()

    sources: pd.Series = ctx.cached("claims:chain_sources", compute)
    return sources


def used_sources(ctx: Context) -> set[str]:
    """The distinct source ids that claims' chains name; blocks of claims combine by union."""

    def compute() -> set[str]:
        return {sid for chain in _chains(ctx).unique() for sid in notation.source_ids(chain)}

    used: set[str] = ctx.cached("claims:used_sources", compute)
    return used


@dataset_rule("claims.attribution.sources_exist", needs=("claims", "sources"))
def _attribution_sources_exist(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    listed = set(ctx.keys("sources"))
    if used_sources(ctx) <= listed:
        return
    sources = _chain_sources(ctx)
    unknown = sources[~is_in(sources, listed)]
    claims = ctx.tables["claims"]
    for index, names in unknown.groupby(level=0, sort=True):
        names_listed = ", ".join(dict.fromkeys(names))
        yield self.problem(index, claims.at[index, "attribution"], names=names_listed)


@dataset_rule("claims.attribution.starts_with_publisher", needs=("claims", "articles", "sources"))
def _starts_with_publisher(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    chains = _chains(ctx)
    publisher = ctx.referenced(
        "articles", "publisher_source_id", ctx.column("claims", "article_id")[chains.index]
    )
    known = is_in(publisher, ctx.keys("sources"))  # an unknown one is reported on its article
    first = chains.str.split(notation.LINK, n=1, regex=False).str[0]
    for index in chains.index[known & (first != publisher)]:
        yield self.problem(index, chains[index], publisher=publisher[index])


@dataset_rule("claims.span_end.inside_text", needs=("claims", "articles"))
def _span_inside_text(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    spans = ctx.spans()
    lengths = ctx.text_lengths()[spans.index]
    claims = ctx.tables["claims"]
    for index in spans.index[(spans["end"] > lengths).fillna(False).astype(bool)]:
        yield self.problem(
            index,
            claims.at[index, "span_end"],
            length=int(lengths[index]),
        )


@dataset_rule("claims.quote.matches_span", needs=("claims", "articles"))
def _quote_matches(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    spans = ctx.spans()
    lengths = ctx.text_lengths()[spans.index]
    claims = ctx.tables["claims"]
    checkable = (spans["end"] <= lengths).fillna(False).astype(bool) & claims["quote"][
        spans.index
    ].notna()
    for index in spans.index[checkable].difference(ctx.grounded().index):
        text = ctx.article_text(claims.at[index, "article_id"])
        assert text is not None  # it has a length
        start, end = spans["start"][index], spans["end"][index]
        yield self.problem(index, claims.at[index, "quote"], actual=text[start:end])


@dataset_rule("claims.span_start.not_in_heading", needs=("claims", "articles"))
def _not_in_heading(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    claims = ctx.tables["claims"]
    for index, paragraph in ctx.grounded()["paragraph"].items():
        if paragraph is not None and paragraph.kind == "heading":
            yield self.problem(index, claims.at[index, "span_start"], heading=paragraph.text)


def _cues_in_paragraph(
    self: DatasetRule, ctx: Context, cues_of: Callable[[str], list[str]]
) -> Iterator[Problem]:
    cells = ctx.column("claims", self.column)
    grounded = ctx.grounded()
    present = grounded.index.intersection(cells.index[cells.notna()])
    paragraphs = grounded["paragraph"][present].tolist()
    for index, cell, paragraph in zip(present, cells[present].tolist(), paragraphs, strict=True):
        where = paragraph.text if paragraph is not None else ""
        missing = [cue for cue in cues_of(cell) if cue not in where]
        if missing:
            yield self.problem(index, cell, missing=", ".join(map(repr, missing)))


@dataset_rule("claims.attribution_cue.in_paragraph", needs=("claims", "articles"))
def _attribution_cues(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    yield from _cues_in_paragraph(
        self, ctx, lambda cell: notation.cues(cell) if matches(notation.CUES, cell) else []
    )


@dataset_rule("claims.certainty_cue.in_paragraph", needs=("claims", "articles"))
def _certainty_cues(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    yield from _cues_in_paragraph(self, ctx, lambda cell: [cell])
