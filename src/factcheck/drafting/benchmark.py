"""Scoring drafted rows against annotated attribution relations (PolNeAR's, or any alike).

A drafted row is *attributed* when its attribution is not the publisher alone. For each
article:

- content recall: the share of annotated attributions whose content is covered, on at least
  half its characters, by attributed rows;
- content precision: the share of attributed rows that overlap some annotated content;
- each recalled attribution is paired with the attributed row sharing the most characters
  with its content. On the pairs, *source accuracy* is the share whose drafted source phrase
  (any link of its chain) overlaps the annotated source, or, when the annotated source is a
  pronoun, a mention coreferent with it (CoreNLP's chains, where the corpus has them); *cue
  accuracy* is the same for the cue words;
- F1 of content with the right source: recall counts recalled attributions whose pair has the
  right source, precision counts attributed rows that overlap an annotated content whose
  source they have right.

Each annotated attribution is also put in one pattern, the first of `PATTERNS` it shows, so
the figures can be read by pattern.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck.drafting.clauses import Row
from factcheck.drafting.drafters import RULES, Drafter
from factcheck.drafting.evaluation import share
from factcheck.drafting.lexicon import CITING, PRONOUNS
from factcheck.drafting.polnear import Article, Attribution, Span, articles, overlap

PATTERNS = (
    "pronoun source",
    "nested “citing”",
    "“according to”",
    "quotation",
    "reporting verb before",
    "reporting verb after",
    "no cue",
)
_QUOTES = re.compile(r"[“”\"]")
_CITING = re.compile(rf"\b(?:{CITING})\b", re.IGNORECASE)


@dataclass
class Tally:
    """Counts over any number of articles; the figures are their ratios."""

    annotated: int = 0
    recalled: int = 0
    attributed: int = 0
    precise: int = 0
    source_right: int = 0
    cue_right: int = 0
    precise_with_source: int = 0
    by_pattern: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for pattern, counts in other.by_pattern.items():
            self.by_pattern.setdefault(pattern, Counter()).update(counts)

    @property
    def recall(self) -> float:
        return share(self.recalled, self.annotated)

    @property
    def precision(self) -> float:
        return share(self.precise, self.attributed)

    @property
    def source_accuracy(self) -> float:
        return share(self.source_right, self.recalled)

    @property
    def cue_accuracy(self) -> float:
        return share(self.cue_right, self.recalled)

    @property
    def f1_with_source(self) -> float:
        recall = share(self.source_right, self.annotated)
        precision = share(self.precise_with_source, self.attributed)
        return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


_COUNTS = (
    "annotated",
    "recalled",
    "attributed",
    "precise",
    "source_right",
    "cue_right",
    "precise_with_source",
)


PUBLISHER = "PUBLISHER"  # the outlet's own voice: the corpus lists no sources


def measure(root: Path, split: str, drafter: Drafter = RULES) -> tuple[Tally, float]:
    """The tally of `drafter` over every article of `split` of the PolNeAR checkout at
    `root`, and the processor seconds spent drafting them (reading and scoring left out)."""
    sources = pd.DataFrame({"source_id": [], "name": [], "aliases": []}, dtype=object)
    tally, seconds = Tally(), 0.0
    for article in articles(root, split):
        start = time.process_time()
        draft = drafter.draft(article.text, article.name, PUBLISHER, sources)
        seconds += time.process_time() - start
        tally.add(score(article, draft.rows, PUBLISHER))
    return tally, seconds


def score(article: Article, rows: Sequence[Row], publisher: str) -> Tally:
    """How the drafted `rows` of `article` compare with its annotated attributions."""
    attributed = [row for row in rows if row.attribution != publisher]
    tally = Tally(annotated=len(article.attributions), attributed=len(attributed))
    right_for: dict[int, bool] = {}  # attributed row → overlaps a content it has right
    for relation in article.attributions:
        counts = tally.by_pattern.setdefault(pattern_of(relation, article.text), Counter())
        counts["annotated"] += 1
        source = _annotated_source(relation, article)
        shared = [sum(overlap((r.start, r.end), c) for c in relation.content) for r in attributed]
        for i, chars in enumerate(shared):
            if chars:
                right_for.setdefault(i, False)
                right_for[i] |= _any(attributed[i].source_spans, source)
        if 2 * _covered(relation.content, attributed) < _length(relation.content):
            continue
        pair = attributed[max(range(len(shared)), key=shared.__getitem__)]
        named, cue = _any(pair.source_spans, source), _any(pair.cue_spans, relation.cue)
        tally.recalled += 1
        tally.source_right += named
        tally.cue_right += cue
        counts.update(recalled=1, source_right=int(named), cue_right=int(cue))
    tally.precise = len(right_for)
    tally.precise_with_source = sum(right_for.values())
    return tally


def pattern_of(relation: Attribution, text: str) -> str:
    """The first of `PATTERNS` the annotated attribution shows."""
    source = " ".join(text[a:b] for a, b in relation.source).strip().casefold()
    cue = " ".join(text[a:b] for a, b in relation.cue).casefold()
    spans = relation.content + relation.source + relation.cue
    whole = text[min(a for a, _ in spans) : max(b for _, b in spans)]
    content_start = min(a for a, _ in relation.content)
    checks = (
        source in PRONOUNS,
        bool(_CITING.search(whole)),
        "according to" in cue,
        bool(_QUOTES.search(" ".join(text[a:b] for a, b in relation.content))),
        bool(relation.cue) and min(a for a, _ in relation.cue) < content_start,
        bool(relation.cue),
    )
    return next((p for p, shows in zip(PATTERNS, checks, strict=False) if shows), PATTERNS[-1])


def _annotated_source(relation: Attribution, article: Article) -> tuple[Span, ...]:
    """Where a drafted source phrase may stand to be right: the annotated source, and for a
    pronoun every mention coreferent with it."""
    said = " ".join(article.text[a:b] for a, b in relation.source).strip().casefold()
    return article.chain_of(relation.source) if said in PRONOUNS else relation.source


def _any(drafted: Iterable[Span], annotated: Iterable[Span]) -> bool:
    annotated = tuple(annotated)
    return any(overlap(a, b) for a in drafted for b in annotated)


def _length(spans: Iterable[Span]) -> int:
    return sum(b - a for a, b in spans)


def _covered(spans: Iterable[Span], rows: Iterable[Row]) -> int:
    """The characters of `spans` that some row covers."""
    covered: set[int] = set()
    for a, b in spans:
        for row in rows:
            covered.update(range(max(a, row.start), min(b, row.end)))
    return len(covered)


def render(tally: Tally, label: str, seconds: float | None = None) -> str:
    """The figures as a Markdown table, overall and by pattern."""
    lines = [
        f"{label}: {tally.annotated} annotated attributions, {tally.attributed} attributed rows"
        + ("" if seconds is None else f", drafted in {seconds:.1f} s"),
        "",
        "| figure | count | share |",
        "|---|---:|---:|",
        f"| content recall | {tally.recalled} / {tally.annotated} | {tally.recall:.3f} |",
        f"| content precision | {tally.precise} / {tally.attributed} | {tally.precision:.3f} |",
        f"| source accuracy (matched) | {tally.source_right} / {tally.recalled} "
        f"| {tally.source_accuracy:.3f} |",
        f"| cue accuracy (matched) | {tally.cue_right} / {tally.recalled} "
        f"| {tally.cue_accuracy:.3f} |",
        f"| F1 of content with the right source | | {tally.f1_with_source:.3f} |",
        "",
        "| pattern | annotated | content recall | source accuracy | cue accuracy |",
        "|---|---:|---:|---:|---:|",
    ]
    for pattern in PATTERNS:
        counts = tally.by_pattern.get(pattern, Counter())
        n, found = counts["annotated"], counts["recalled"]
        source, cue = counts["source_right"], counts["cue_right"]
        lines.append(
            f"| {pattern} | {n} | {share(found, n):.3f} | "
            f"{share(source, found):.3f} | {share(cue, found):.3f} |"
        )
    return "\n".join(lines) + "\n"


def render_side_by_side(tallies: dict[str, Tally], label: str) -> str:
    """Several drafters' figures on the same articles, one column each, overall and by
    pattern (content recall, then source and cue accuracy on the matched pairs)."""
    names = list(tallies)
    head = "| figure | " + " | ".join(names) + " |\n|---|" + "---:|" * len(names)
    figures: dict[str, Callable[[Tally], float]] = {
        "content recall": lambda t: t.recall,
        "content precision": lambda t: t.precision,
        "source accuracy (matched)": lambda t: t.source_accuracy,
        "cue accuracy (matched)": lambda t: t.cue_accuracy,
        "F1 of content with the right source": lambda t: t.f1_with_source,
    }
    lines = [f"{label}: {next(iter(tallies.values())).annotated} annotated attributions", "", head]
    for name, figure in figures.items():
        lines.append(f"| {name} | " + " | ".join(f"{figure(tallies[n]):.3f}" for n in names) + " |")
    cells = " | ".join(f"{n}: recall, source, cue" for n in names)
    lines += ["", f"| pattern | annotated | {cells} |", "|---|---:|" + "---:|" * len(names)]
    for pattern in PATTERNS:
        row = []
        for name in names:
            counts = tallies[name].by_pattern.get(pattern, Counter())
            found = counts["recalled"]
            shares = (
                share(found, counts["annotated"]),
                share(counts["source_right"], found),
                share(counts["cue_right"], found),
            )
            row.append(", ".join(f"{x:.3f}" for x in shares))
        n = tallies[names[0]].by_pattern.get(pattern, Counter())["annotated"]
        lines.append(f"| {pattern} | {n} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"
