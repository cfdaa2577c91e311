"""Segmenting an article's stored text into headings, paragraphs and sentences.

Offsets are 0-based, end-exclusive, in Unicode code points of the stored text, the same
units as `span_start`/`span_end` in `claims.csv`. A paragraph is one line. A line that does
not end like a sentence (no final `.`, `!`, `?`, optionally followed by a closing quote or
bracket) is a section heading: headings carry no claims and need no coverage.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

SENTENCE_END = r"[.!?][\"'”’)\]]*$"
# A boundary: end punctuation, optional closers, white space, then a sentence opener.
BOUNDARY = r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
_SENTENCE_END = re.compile(SENTENCE_END)
_BOUNDARY = re.compile(BOUNDARY)
_ABBREVIATIONS = frozenset(
    {
        *("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt"),
        *("Gov", "Sen", "Rep", "St", "No", "vs", "etc"),
        *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
    }
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")


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
    return sentences_of(paragraphs(text))


def sentences_of(segments: Iterable[Segment]) -> list[Segment]:
    """The sentences of the body paragraphs among `segments`, for callers that already hold
    an article's paragraphs."""
    result = []
    for paragraph in segments:
        if paragraph.kind == "paragraph":
            result.extend(_split(paragraph))
    return result


def paragraph_at(text: str, offset: int) -> Segment | None:
    """The paragraph or heading that contains `offset`, if any."""
    for segment in paragraphs(text):
        if segment.start <= offset < segment.end:
            return segment
    return None


def _split(paragraph: Segment) -> list[Segment]:
    cuts = [0]
    for match in _BOUNDARY.finditer(paragraph.text):
        if not _is_abbreviation(paragraph.text, match.start()):
            cuts.append(match.end())
    cuts.append(len(paragraph.text))
    pieces = []
    for begin, finish in itertools.pairwise(cuts):
        piece = paragraph.text[begin:finish].rstrip()
        pieces.append(
            Segment(
                "sentence",
                paragraph.start + begin,
                paragraph.start + begin + len(piece),
                paragraph.line,
                piece,
            )
        )
    return pieces


def _is_abbreviation(text: str, after: int) -> bool:
    """Whether the mark just before `after` is a period closing an abbreviation or an
    initial, not a sentence. The word is the run of non-space characters before it, found by
    stepping back rather than by matching the whole prefix again at every boundary."""
    stop = after - 1
    if stop < 1 or text[stop] != ".":
        return False
    begin = stop
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:stop]
    return word in _ABBREVIATIONS or bool(_ACRONYM.match(word))
