"""Rules of articles.csv and the stored texts: the text file, its hash, sentence coverage."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from factcheck import registry
from factcheck.checks.context import Context
from factcheck.checks.rules.base import DatasetRule, dataset_rule
from factcheck.model.schemas import ARTICLE_ID, SHA256
from factcheck.model.tables import article_path
from factcheck.problems import Problem


@dataset_rule("articles.article_id.text_file", needs=("articles",))
def _text_file(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    articles = ctx.tables["articles"]
    for index in articles.index[ctx.valid("articles", "article_id", ARTICLE_ID)]:
        article_id = str(articles.at[index, "article_id"])
        problem = ctx.read_problem(article_id)
        if problem is not None:
            yield self.problem(index, article_id, file=problem.file, reason=problem.message)


@dataset_rule("articles.text_sha256.matches_text", needs=("articles",))
def _sha256(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    articles = ctx.tables["articles"]
    for index in articles.index[ctx.valid("articles", "text_sha256", SHA256)]:
        article_id = str(articles.at[index, "article_id"])
        if not ctx.has_text(article_id):
            continue
        actual = ctx.digest(article_id)
        if actual != articles.at[index, "text_sha256"]:
            yield self.problem(index, articles.at[index, "text_sha256"], actual=actual)


@dataset_rule("articles.sentence.covered", needs=("articles", "claims"))
def _sentences_covered(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    covered = covered_sentences(ctx)
    for article_id in ctx.keys("articles").tolist():
        mask = covered.get(article_id)
        if (mask is not None and mask.all()) or not ctx.has_text(article_id):
            continue  # covered, or the text_file rule says why there is no text
        if mask is None:  # just added: a notice, so an article can be stored before drafting
            yield _awaiting_claims(article_id)
            continue
        sentences = ctx.sentences(article_id)
        for position in np.flatnonzero(~mask).tolist():
            start, end, paragraph = sentences[position]
            quote = paragraph.text[start - paragraph.start : end - paragraph.start]
            yield registry.problem(self.id, article_path(article_id), paragraph.line, None, quote)


AWAITING_CLAIMS = "articles.claims.awaited"


def _awaiting_claims(article_id: str) -> Problem:
    return registry.problem(AWAITING_CLAIMS, article_path(article_id), article_id=article_id)


def covered_sentences(ctx: Context) -> dict[str, np.ndarray]:
    """For each article the claims name, which of its body sentences some claim's span
    overlaps. A sentence is covered by one span or not at all, so the masks of blocks of
    claims combine with a logical or."""
    return dict(ctx.cached("claims:covered", lambda: _covered(ctx)))


def _covered(ctx: Context) -> dict[str, np.ndarray]:
    layout = ctx.layout()
    spans = ctx.spans()
    article_ids = ctx.column("claims", "article_id")[spans.index]
    lengths = ctx.text_lengths()[spans.index].fillna(0).to_numpy(dtype=np.int64)
    # spans past their text are clipped to it, so none reaches into the next article
    starts = layout.place(article_ids, spans["start"])
    ends = layout.place(article_ids, np.minimum(spans["end"], lengths))
    keep = (starts >= 0) & (spans["start"].to_numpy() < lengths)
    order = np.argsort(starts[keep], kind="stable")
    span_starts, reach = starts[keep][order], np.maximum.accumulate(ends[keep][order])
    counts, places = [], []
    for article_id in layout.bases:
        base, sentences = layout.bases[article_id], ctx.sentences(article_id)
        counts.append(len(sentences))
        places += [(base + start, base + end) for start, end, _ in sentences]
    bounds = np.array(places, dtype=np.int64).reshape(-1, 2)
    # the spans starting before a sentence ends: does the farthest reach into it?
    before = np.searchsorted(span_starts, bounds[:, 1], side="left")
    covered = before > 0
    covered[covered] = reach[before[covered] - 1] > bounds[covered, 0]
    masks = np.split(covered, np.cumsum(counts)[:-1]) if counts else []
    return dict(zip(layout.bases, masks, strict=True))
