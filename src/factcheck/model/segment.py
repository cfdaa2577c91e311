"""Segmenting an article's stored text into headings, paragraphs and sentences.

Offsets are 0-based, end-exclusive, in Unicode code points of the stored text, the same
units as `span_start`/`span_end` in `claims.csv`. A paragraph is one line. A line that does
not end like a sentence (no final `.`, `!`, `?`, optionally followed by a closing quote or
bracket) is a section heading: headings carry no claims and need no coverage.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

SENTENCE_END = r"[.!?][\"'”’)\]]*$"
# A boundary: end punctuation, then optional closers and white space (group 1, where the
# text is cut), then a sentence opener. The pattern starts with the punctuation itself, not
# a look-behind, so the regex engine can skip straight to candidates.
BOUNDARY = r"[.!?]([\"'”’)\]]*\s+)(?=[\"'“‘(\[]?[A-Z0-9])"
# The same boundaries for a regex engine without look-ahead (RE2, which Arrow's kernels run):
# the opener is matched, not looked at. It holds no end punctuation, so two boundaries never
# share it, and the two patterns find as many boundaries in every text.
COUNTED_BOUNDARY = r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]?[A-Z0-9]"
_SENTENCE_END = re.compile(SENTENCE_END)
_BOUNDARY = re.compile(BOUNDARY)
_ABBREVIATIONS = frozenset(
    {
        *("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt"),
        *("Gov", "Sen", "Rep", "St", "No", "vs", "etc"),
        *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
    }
)
# An abbreviation or initials ("Mr.", "U.S.") as a whole run of non-space characters ending
# in a period, written backwards to match the reversed text: there the period comes first,
# which the regex engine finds fast, and the run's end is simply the next white space.
_ABBREVIATION_REVERSED = re.compile(
    r"\.(?:"
    + "|".join(sorted((re.escape(word[::-1]) for word in _ABBREVIATIONS), key=len, reverse=True))
    + r"|[A-Z](?:\.[A-Z])*)(?!\S)"
)


class Segment(NamedTuple):
    """A stretch of the text: a heading, paragraph or sentence, with its line number. A named
    tuple rather than a dataclass: a large dataset makes millions, and tuples build fastest."""

    kind: Literal["heading", "paragraph", "sentence"]
    start: int
    end: int
    line: int
    text: str


def paragraphs(text: str) -> list[Segment]:
    """Every non-blank line, as a `heading` or a `paragraph`, with trailing CR left out."""
    segments = []
    offset = 0
    for line_number, line in enumerate(text.split("\n"), start=1):
        content = line.rstrip("\r").rstrip()
        if content.strip():
            kind: Literal["heading", "paragraph"] = (
                "paragraph" if _SENTENCE_END.search(content) else "heading"
            )
            start = offset + (len(content) - len(content.lstrip()))
            segments.append(
                Segment(kind, start, offset + len(content), line_number, content.strip())
            )
        offset += len(line) + 1
    return segments


def sentences(text: str) -> list[Segment]:
    """The sentences of every body paragraph (headings excluded), in text order."""
    return [
        Segment("sentence", start, end, paragraph.line, text[start:end])
        for start, end, paragraph in sentence_bounds(text, paragraphs(text))
    ]


def sentence_bounds(text: str, segments: list[Segment]) -> list[tuple[int, int, Segment]]:
    """Where each sentence of the body paragraphs among `segments` (the text's own
    paragraphs and headings, in order) starts and ends, with its paragraph.

    Each pattern runs once over the whole text rather than once per paragraph, and no
    sentence's text is copied: an article of fifty sentences costs two regex scans. A
    boundary counts only if it lies inside one body paragraph, and not after an abbreviation
    or an initial (the whole run of non-space characters before the period)."""
    body = [segment for segment in segments if segment.kind == "paragraph"]
    if not body:
        return []
    # where a boundary would start right after an abbreviation's period
    abbreviated = {len(text) - m.start() for m in _ABBREVIATION_REVERSED.finditer(text[::-1])}
    cuts = [(match.start(1), match.end()) for match in _BOUNDARY.finditer(text)]
    found: list[tuple[int, int, Segment]] = []
    at = 0
    for paragraph in body:
        while at < len(cuts) and cuts[at][0] < paragraph.start:
            at += 1  # in a heading, or running from one line into the next
        begin = paragraph.start
        while at < len(cuts) and cuts[at][1] < paragraph.end:
            start, end = cuts[at]
            at += 1
            if start not in abbreviated:
                found.append((begin, start + len(text[start:end].rstrip()), paragraph))
                begin = end
        found.append((begin, paragraph.end, paragraph))
    return found


def paragraph_at(text: str, offset: int) -> Segment | None:
    """The paragraph or heading that contains `offset`, if any."""
    for segment in paragraphs(text):
        if segment.start <= offset < segment.end:
            return segment
    return None
