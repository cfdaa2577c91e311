"""What the learned drafter learns from: annotated articles, as paragraphs of features and tags.

Two corpora give them: a PolNeAR checkout (`polnear`), whose attributions are annotated
span by span, and the curated articles of a factcheck dataset (`dataset_articles`), whose
claims say who each claim comes from. A curated claim attributed beyond the publisher is
content; each link's cue is its words of `attribution_cue` nearest the claim in its
paragraph, and its source the nearest name or alias of its sources there, with the words
before it that belong to the phrase ("the state-run …"); failing one, the phrase after a
"citing" or "according to" cue, or, for the first link, the nearest pronoun before its cue.
Claims in the outlet's own voice teach what is not attributed. Each curated article counts
`DATASET_WEIGHT` times.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from factcheck.drafting.features import features, paragraphs, rule_marks, tags
from factcheck.drafting.learned import Example, ModelError, default_path, train
from factcheck.drafting.lexicon import CAPITALISED, CITING, RESOLVED_PRONOUNS
from factcheck.drafting.polnear import Article, Attribution, CorpusError, Span, articles
from factcheck.model import notation, segment
from factcheck.model.names import alias_list
from factcheck.model.tables import article_path, spec_named
from factcheck.model.vocabularies import ReviewState
from factcheck.storage.reader import read_article, read_tables

# How many times each curated article of the dataset is learned from: a team's own articles
# weigh more than one of PolNeAR's 840 (CRFsuite weighs every sequence alike).
DATASET_WEIGHT = 10


class TrainingError(Exception):
    """There is nothing to learn from where the user pointed; the message says why."""


def examples(corpus: Iterable[Article]) -> Iterator[Example]:
    """Each paragraph of each article, with its features and its annotated tags."""
    for article in corpus:
        marks = rule_marks(article.text)
        roles = [(r.content, "CON") for r in article.attributions]
        roles += [(r.source, "SRC") for r in article.attributions]
        roles += [(r.cue, "CUE") for r in article.attributions]
        for paragraph in paragraphs(article.text):
            yield features(paragraph, marks), tags(paragraph, roles)


def polnear(root: Path, split: str) -> list[Article]:
    """The articles of `split` of the PolNeAR checkout at `root`."""
    return list(articles(root, split))


def dataset_articles(root: Path) -> list[Article]:
    """The curated articles of the dataset at `root` (those whose review is complete: an
    article still in review would teach its unreviewed sentences as nobody's words), as
    annotated articles: one attribution per attributed claim."""
    tables, problems = read_tables(root, [spec_named(n) for n in ("articles", "sources", "claims")])
    if problems:
        raise TrainingError(f"the dataset at {root} cannot be read: {problems[0].to_text()}")
    claims, sources, articles = tables["claims"], tables["sources"], tables["articles"]
    names = _names(sources)
    complete = articles.loc[articles["review_state"] == ReviewState.COMPLETE.value, "article_id"]
    found = []
    for article_id in sorted(set(claims["article_id"]) & set(complete)):
        name = article_path(str(article_id))
        text, problem = read_article(root / name, name)
        if text is None:
            said = problem.to_text() if problem is not None else name
            raise TrainingError(f"the dataset at {root} cannot be read: {said}")
        rows = claims[claims["article_id"] == article_id]
        found.append(Article(str(article_id), text, tuple(_attributions(text, rows, names))))
    if not found:
        raise TrainingError(
            f"the dataset at {root} has no curated article to learn from: none with claims "
            f"has its review_state {ReviewState.COMPLETE.value}"
        )
    return found


def _names(sources: pd.DataFrame) -> dict[str, list[str]]:
    """Every name and alias of each source, by id."""
    names: dict[str, list[str]] = {}
    for sid, name, aliases in zip(
        sources["source_id"], sources["name"], sources["aliases"], strict=False
    ):
        names[str(sid)] = [str(n) for n in [name, *alias_list(aliases)] if isinstance(n, str) and n]
    return names


def _attributions(
    text: str, rows: pd.DataFrame, names: dict[str, list[str]]
) -> Iterator[Attribution]:
    for start, end, chain, cue in zip(
        rows["span_start"], rows["span_end"], rows["attribution"], rows["attribution_cue"],
        strict=True,
    ):  # fmt: skip
        levels = notation.levels(str(chain))[1:]
        if not levels:
            continue
        content = (int(start), int(end))
        bounds = _paragraph(text, content[0])
        words = str(cue).split(notation.LINK) if isinstance(cue, str) else []
        cues = [_nearest(text, [w], bounds, content) for w in words]
        sources = [_source(text, [n for s in group for n in names.get(s, [])], bounds, content)
                   for group in levels]  # fmt: skip
        if sources[0] is None and cues and cues[0] is not None:
            sources[0] = _pronoun(text, bounds, cues[0])
        for level, found in enumerate(cues[: len(sources)]):
            if sources[level] is None and found is not None:
                sources[level] = _after(text, found)
        yield Attribution(
            (content,),
            tuple(s for s in sources if s is not None),
            tuple(c for c in cues if c is not None),
        )


def _source(text: str, names: list[str], bounds: Span, content: Span) -> Span | None:
    """The nearest of `names` to the content, with the words before it that belong to its
    phrase ("the state-run Korean Central News Agency", "U.S. and South Korean officials")."""
    found = _nearest(text, names, bounds, content)
    if found is None:
        return None
    before = _DETERMINED.search(text, max(0, found[0] - 60), found[0])
    return (before.start(), found[1]) if before else found


def _paragraph(text: str, at: int) -> Span:
    found = segment.paragraph_at(text, at)
    return (found.start, found.start + len(found.text)) if found else (0, len(text))


def _nearest(text: str, words: list[str], bounds: Span, content: Span) -> Span | None:
    """The occurrence of any of `words` in `bounds`, outside `content`, nearest it."""
    best: tuple[int, Span] | None = None
    for word in words:
        if not word:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text[bounds[0] : bounds[1]]):
            span = (bounds[0] + match.start(), bounds[0] + match.end())
            if span[0] < content[1] and content[0] < span[1]:
                continue
            gap = max(content[0] - span[1], span[0] - content[1])
            if best is None or gap < best[0]:
                best = (gap, span)
    return None if best is None else best[1]


# The words before a name that belong to its noun phrase, as PolNeAR marks a source: an
# article and up to three words ("the state-run Korean Central News Agency"), or other names
# it is joined to ("U.S. and South Korean officials").
_DETERMINED = re.compile(
    rf"(?:\b(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){{0,3}}|(?:{CAPITALISED}\s+)+and\s+)$"
)


def _after(text: str, cue: Span) -> Span | None:
    """The phrase after a cue that names its source before the content ("citing X", "according
    to X"), up to the next punctuation."""
    if not re.fullmatch(rf"{CITING}|according to", text[cue[0] : cue[1]], re.IGNORECASE):
        return None
    found = re.compile(r"\s+([^,.;:“”\"\n]+)").match(text, cue[1])
    return None if found is None else found.span(1)


def _pronoun(text: str, bounds: Span, cue: Span) -> Span | None:
    """The nearest pronoun before the cue in its paragraph ("he said")."""
    before = text[bounds[0] : cue[0]]
    found = [m for m in re.finditer(r"\w+", before) if m.group().casefold() in RESOLVED_PRONOUNS]
    return None if not found else (bounds[0] + found[-1].start(), bounds[0] + found[-1].end())


@dataclass(frozen=True)
class Trained:
    """A model written: where, how big, on what it was trained, and in how long."""

    path: Path
    size: int
    corpus: str
    paragraphs: int
    seconds: float
    hint: str  # how `factcheck draft` drafts with it, for the user


def train_drafter(
    polnear_root: Path | None, split: str, dataset: Path | None, output: Path | None
) -> Trained:
    """Train a model on the PolNeAR checkout's `split` and/or the dataset's curated
    articles, and write it to `output` (default: the user's data folder)."""
    corpus: list[Article] = []
    names = []
    try:
        if polnear_root is not None:
            corpus += polnear(polnear_root, split)
            names.append(f"PolNeAR {split}")
        if dataset is not None:
            curated = dataset_articles(dataset)
            corpus += curated * DATASET_WEIGHT
            plural = "" if len(curated) == 1 else "s"
            names.append(f"{len(curated)} curated article{plural} of {dataset.resolve().name}")
    except CorpusError as error:
        raise TrainingError(str(error)) from error
    path = output or default_path()
    start = time.monotonic()
    try:
        model = train(examples(corpus), path, " and ".join(names))
    except ModelError as error:
        raise TrainingError(str(error)) from error
    hint = (
        "factcheck draft now drafts with it (--rules for the rules)"
        if output is None
        else f"draft with it: factcheck draft ID --model {path}"
    )
    return Trained(
        path,
        path.stat().st_size,
        model.metadata["corpus"],
        int(model.metadata["paragraphs"]),
        time.monotonic() - start,
        hint,
    )
