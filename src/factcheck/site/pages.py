"""What each page of the site shows, as plain values the templates lay out.

An article's text is cut at every claim's start and end into segments, each knowing the
claims that cover it, innermost first: claims that share a span or overlap then need no
nesting of elements, and each claim's text is exactly the segments that carry its id. The
segments are grouped into the text's headings and paragraphs (`model.segment` decides which
line is which, as the coverage rules do), each block keeping the line break after it, so the
page holds every character of the text at the offsets the spans count.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from factcheck.analysis.palette import VERDICT_COLORS, origin, source_colors
from factcheck.analysis.summary import publishers_in_words
from factcheck.model import notation, segment
from factcheck.model.vocabularies import (
    ArticleRating,
    AttributionCheck,
    BearsOn,
    Certainty,
    ClaimType,
    ReviewState,
    Stance,
    Verdict,
)
from factcheck.storage.records import is_missing, records

if TYPE_CHECKING:
    from factcheck.dataset import Dataset

AWAITING = "awaiting"  # the verdict of a claim not yet fact-checked, as the page files it
AWAITING_WORDS = "Awaiting its fact-check"
AWAITING_COLOR = "#ffffff"


@dataclass(frozen=True)
class Segment:
    """A run of the article's text, and the claims covering it, innermost first."""

    text: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    """A heading or a paragraph of the article's text, as its segments."""

    kind: str  # "heading" or "paragraph"
    segments: list[Segment]
    tail: list[Segment]  # the line breaks after it, up to the next block


@dataclass(frozen=True)
class Evidence:
    publisher: str
    originator: str | None
    published_on: str | None
    stance: str  # what the item does, in words: "Supports", "Context for the attribution"
    summary: str
    url: str


@dataclass(frozen=True)
class Claim:
    """A claim as its panel shows it."""

    claim_id: str
    quote: str
    claim: str
    claim_type: str
    certainty: str
    certainty_meaning: str
    certainty_cue: str | None
    said_by: str  # the attribution chain in words
    attribution_cue: str | None
    origin: str  # the source it originates with: its colour
    voices: tuple[str, ...]  # every source it is heard from: its filters and counts
    verdict: str  # a Verdict value, or AWAITING
    verdict_words: str
    verdict_rationale: str | None
    reviewed_on: str | None
    attribution_check: str | None
    attribution_check_meaning: str | None
    attribution_rationale: str | None
    evidence: list[Evidence] = field(default_factory=list)
    # the claims sharing some of its text, as (id, claim)
    overlapping: list[tuple[str, str]] = field(default_factory=list)
    # who its verdict rests on, each story once ("2 independent publishers: AFP, Yonhap");
    # None for a claim with no verdict on its facts
    independence: str | None = None


@dataclass(frozen=True)
class Finding:
    """A claim the assessment rests on, as its list shows it."""

    claim_id: str
    verdict: str
    verdict_words: str
    claim: str


@dataclass(frozen=True)
class Assessment:
    """The fact-checker's verdict on the whole article: what the page opens with."""

    rating: str  # an ArticleRating value
    rating_words: str
    rating_meaning: str
    summary: str
    findings: list[Finding]
    reviewed_by: str
    reviewed_on: str
    updated_on: str | None


@dataclass(frozen=True)
class Article:
    """An article's page: its row, its text as segments, its claims in text order."""

    article_id: str
    title: str
    publisher: str
    published_on: str
    url: str | None
    language: str
    blocks: list[Block]
    claims: list[Claim]
    verdict_counts: list[tuple[str, str, int]]  # (verdict, words, claims) in scale order
    # (source id, name, claims heard from it), most first; a claim counts under each voice
    source_counts: list[tuple[str, str, int]]
    assessment: Assessment | None = None  # None until the editor writes it
    # what a reader is told while its claims are still being reviewed; None once complete
    in_review: str | None = None

    @property
    def source_labels(self) -> dict[str, str]:
        """Each source's label on the page, its place in the key ("1" for the one most claims
        come from): marked on its claims besides its colour, which another source may share."""
        return {sid: str(n) for n, (sid, _, _) in enumerate(self.source_counts, start=1)}

    def voice_label(self, claim: Claim) -> str:
        """What a claim's marks end with when coloured by source: the key's number of every
        source it is heard from ("5,6" for Yonhap citing the broadcaster), so each source in
        the key is found in the text, whichever one's colour the mark takes."""
        labels = self.source_labels
        return ",".join(labels[voice] for voice in claim.voices)

    @property
    def reviewed_dates(self) -> list[str]:
        """Every date a review of the page's claims or of the article was made, in order."""
        found = {c.reviewed_on for c in self.claims if c.reviewed_on}
        if self.assessment is not None:
            found |= {self.assessment.reviewed_on, self.assessment.updated_on or ""} - {""}
        return sorted(found)


@dataclass(frozen=True)
class Legend:
    """Colours and words the pages share: by verdict, by source."""

    verdicts: list[tuple[str, str, str]]  # (value, words, colour)
    sources: list[tuple[str, str, str]]  # (source id, name, colour)


def legend(data: Dataset) -> Legend:
    names = data.source_names()
    colors = source_colors(data.sources.astype({"kind": "str"}))
    verdicts = [(v.value, v.words, VERDICT_COLORS[v]) for v in Verdict]
    verdicts.append((AWAITING, AWAITING_WORDS, AWAITING_COLOR))
    return Legend(verdicts, [(sid, names[sid], colors[sid]) for sid in names])


def articles(data: Dataset) -> list[Article]:
    """Every article's page, in the table's order."""
    names = data.source_names()
    evidence = _evidence_by_claim(data.evidence)
    publishers = data.independent_publishers().set_index("claim_id")["names"]
    pages = []
    for row in records(data.articles):
        claims = data.claims[data.claims["article_id"] == row["article_id"]]
        claims = claims.sort_values(["span_start", "span_end"], kind="stable")
        views = [
            _claim(c, names, evidence.get(c["claim_id"], []), publishers[c["claim_id"]])
            for c in records(claims)
        ]
        text = data.texts[row["article_id"]]
        spans = {c["claim_id"]: (int(c["span_start"]), int(c["span_end"])) for c in records(claims)}
        views = _with_overlaps(views, spans)
        pages.append(
            Article(
                article_id=row["article_id"],
                title=row["title"],
                publisher=names[row["publisher_source_id"]],
                published_on=_date(row["published_on"]) or "",
                url=None if is_missing(row["url"]) else str(row["url"]),
                language=str(row["language"]),
                blocks=blocks(text, spans),
                claims=views,
                verdict_counts=_verdict_counts(views),
                source_counts=_source_counts(views, names),
                assessment=_assessment(row, views),
                in_review=_in_review(row),
            )
        )
    return pages


def blocks(text: str, spans: Mapping[str, tuple[int, int]]) -> list[Block]:
    """`text` as its headings and paragraphs, each cut into segments as `segments` cuts it.
    A block's tail runs to where the next begins, so the line breaks between them stay in the
    page (and in a claim that runs from one line into the next)."""
    lines = segment.paragraphs(text)
    starts = [0, *(line.start for line in lines[1:])]
    ends = [line.end for line in lines] or [len(text)]
    found = [Block(line.kind, [], []) for line in lines] or [Block("paragraph", [], [])]
    at = 0
    for piece in segments(text, spans, [*starts, *ends]):
        block = bisect.bisect_right(starts, at) - 1
        # the line breaks after a block follow it, outside it: a blank line between
        # paragraphs must not add a line to the paragraph's own height
        (found[block].tail if at >= ends[block] else found[block].segments).append(piece)
        at += len(piece.text)
    return found


def segments(
    text: str, spans: Mapping[str, tuple[int, int]], cuts_too: Iterable[int] = ()
) -> list[Segment]:
    """`text` cut at every span's ends (and at `cuts_too`); each piece with the spans covering
    it, shortest (innermost) first, then by id."""
    ends = (at for span in spans.values() for at in span)
    cuts = sorted({0, len(text), *ends, *cuts_too})
    found = []
    for start, end in itertools.pairwise(cuts):
        covering = [c for c, (a, b) in spans.items() if a <= start and end <= b]
        covering.sort(key=lambda c: (spans[c][1] - spans[c][0], c))
        found.append(Segment(text[start:end], tuple(covering)))
    return found


def _claim(
    row: Mapping[str, Any],
    names: Mapping[str, str],
    evidence: list[Evidence],
    publishers: tuple[str, ...],
) -> Claim:
    checked = not is_missing(row["verdict"])
    verdict = Verdict.of(str(row["verdict"])) if checked else None
    rated = verdict is not None and verdict is not Verdict.NOT_CHECKABLE
    certainty = Certainty.of(str(row["certainty"]))
    check = (
        None
        if is_missing(row["attribution_check"])
        else AttributionCheck.of(str(row["attribution_check"]))
    )
    return Claim(
        claim_id=row["claim_id"],
        quote=row["quote"],
        claim=row["claim"],
        claim_type=ClaimType.of(str(row["claim_type"])).words,
        certainty=certainty.words,
        certainty_meaning=certainty.definition,
        certainty_cue=_text(row["certainty_cue"]),
        said_by=notation.in_words(row["attribution"], names),
        attribution_cue=_text(row["attribution_cue"]),
        origin=origin(row["attribution"]),
        voices=tuple(notation.voices(row["attribution"])),
        verdict=verdict.value if verdict else AWAITING,
        verdict_words=verdict.words if verdict else AWAITING_WORDS,
        verdict_rationale=_text(row["verdict_rationale"]),
        reviewed_on=_date(row["reviewed_on"]),
        attribution_check=check.words if check else None,
        attribution_check_meaning=check.definition if check else None,
        attribution_rationale=_text(row["attribution_rationale"]),
        evidence=evidence,
        independence=publishers_in_words(publishers) if rated else None,
    )


def _with_overlaps(views: list[Claim], spans: Mapping[str, tuple[int, int]]) -> list[Claim]:
    """Each claim with the others that share some of its text, in text order."""
    found = []
    for view in views:
        start, end = spans[view.claim_id]
        others = [
            (other.claim_id, other.claim)
            for other in views
            if other.claim_id != view.claim_id
            and spans[other.claim_id][0] < end
            and start < spans[other.claim_id][1]
        ]
        found.append(Claim(**{**view.__dict__, "overlapping": others}))
    return found


def _evidence_by_claim(evidence: pd.DataFrame) -> dict[str, list[Evidence]]:
    found: dict[str, list[Evidence]] = {}
    for row in records(evidence):
        found.setdefault(row["claim_id"], []).append(
            Evidence(
                publisher=row["publisher"],
                originator=_text(row["originator"]),
                published_on=_date(row["published_on"]),
                stance=_stance(Stance.of(str(row["stance"])), BearsOn.of(str(row["bears_on"]))),
                summary=row["summary"],
                url=row["url"],
            )
        )
    return found


# What an evidence item does to a claim's attribution, in words ("Context the attribution"
# read as a typo)
_ON_ATTRIBUTION = {
    Stance.SUPPORTS: "Supports the attribution",
    Stance.REFUTES: "Refutes the attribution",
    Stance.CONTEXT: "Context for the attribution",
}


def _stance(stance: Stance, bears_on: BearsOn) -> str:
    return _ON_ATTRIBUTION[stance] if bears_on is BearsOn.ATTRIBUTION else stance.words


def _assessment(row: Mapping[str, Any], claims: list[Claim]) -> Assessment | None:
    """The article's assessment, its key findings in the editor's order (the rules hold every
    id to a claim of this article)."""
    if is_missing(row["rating"]):
        return None
    rating = ArticleRating.of(str(row["rating"]))
    by_id = {claim.claim_id: claim for claim in claims}
    ids = [] if is_missing(row["key_findings"]) else str(row["key_findings"]).split(" ")
    return Assessment(
        rating=rating.value,
        rating_words=rating.words,
        rating_meaning=rating.definition,
        summary=str(row["assessment"]),
        findings=[
            Finding(i, by_id[i].verdict, by_id[i].verdict_words, by_id[i].claim) for i in ids
        ],
        reviewed_by=str(row["reviewed_by"]),
        reviewed_on=_date(row["reviewed_on"]) or "",
        updated_on=_date(row["updated_on"]),
    )


def _in_review(row: Mapping[str, Any]) -> str | None:
    """The review state's own definition while the article is in progress: a reader should
    not take its unmarked sentences for checked ones."""
    if str(row["review_state"]) != ReviewState.IN_PROGRESS.value:
        return None
    return ReviewState.IN_PROGRESS.definition


def _verdict_counts(claims: list[Claim]) -> list[tuple[str, str, int]]:
    counts = Counter(c.verdict for c in claims)
    scale = [(v.value, v.words) for v in Verdict] + [(AWAITING, AWAITING_WORDS)]
    return [(value, words, counts[value]) for value, words in scale if counts[value]]


def _source_counts(claims: list[Claim], names: Mapping[str, str]) -> list[tuple[str, str, int]]:
    counts = Counter(voice for c in claims for voice in c.voices)
    return [(sid, names[sid], n) for sid, n in sorted(counts.items(), key=lambda p: (-p[1], p[0]))]


def _text(value: Any) -> str | None:
    return None if is_missing(value) else str(value)


def _date(value: Any) -> str | None:
    return None if is_missing(value) else pd.Timestamp(value).date().isoformat()
