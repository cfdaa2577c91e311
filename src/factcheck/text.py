"""Segmenting an article's stored text into headings, paragraphs and sentences.

Offsets are 0-based, end-exclusive, in Unicode code points of the stored text, the same
units as `span_start`/`span_end` in `claims.csv`. A paragraph is one line. A line that does
not end like a sentence (no final `.`, `!`, `?`, optionally followed by a closing quote or
bracket) is a section heading: headings carry no claims and need no coverage.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

SENTENCE_END = r"[.!?][\"'”’)\]]*$"
# A boundary: end punctuation, optional closers, white space, then a sentence opener.
BOUNDARY = r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
_SENTENCE_END = re.compile(SENTENCE_END)
_BOUNDARY = re.compile(BOUNDARY)
_WORD_BEFORE = re.compile(r"(\S+)\.[\"'”’)\]]*\s+$")
_ABBREVIATIONS = frozenset(
    {
        *("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt"),
        *("Gov", "Sen", "Rep", "St", "No", "vs", "etc"),
        *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
    }
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")


@dataclass(frozen=True)
class Segment:
    """A stretch of the text: a heading, paragraph or sentence, with its line number."""

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
    result = []
    for paragraph in paragraphs(text):
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
        if not _is_abbreviation(paragraph.text[: match.end()]):
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


def _is_abbreviation(prefix: str) -> bool:
    """Whether the period ending `prefix` closes an abbreviation or initial, not a sentence."""
    match = _WORD_BEFORE.search(prefix)
    if match is None:
        return False
    word = match.group(1)
    return word in _ABBREVIATIONS or bool(_ACRONYM.match(word))
