"""Segmenting article text into headings, paragraphs and sentences."""

from __future__ import annotations

import itertools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ARTICLE_FILE, REPO
from factcheck.model import segment

ARTICLE = (REPO / ARTICLE_FILE).read_text(encoding="utf-8")


def test_the_article_has_three_headings_and_eight_paragraphs() -> None:
    segments = segment.paragraphs(ARTICLE)
    assert [s.text for s in segments if s.kind == "heading"] == [
        "Beijing’s Crucial Role For Pyongyang",
        "Rekindling Old Ties",
        "The Leader’s Train Of Choice",
    ]
    assert sum(s.kind == "paragraph" for s in segments) == 8


def test_segments_are_exact_slices_of_the_text() -> None:
    for piece in segment.paragraphs(ARTICLE) + segment.sentences(ARTICLE):
        assert ARTICLE[piece.start : piece.end] == piece.text


def test_the_article_body_has_nineteen_sentences() -> None:
    sentences = segment.sentences(ARTICLE)
    assert len(sentences) == 19
    assert sentences[8].text.startswith("U.S. and South Korean officials allege")
    assert [s.line for s in sentences[:3]] == [1, 1, 2]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    sample = "Mr. Kim met Dr. Lee in the U.S. He left. J. R. Smith stayed! Did he? Yes."
    assert [s.text for s in segment.sentences(sample)] == [
        "Mr. Kim met Dr. Lee in the U.S. He left.",
        "J. R. Smith stayed!",
        "Did he?",
        "Yes.",
    ]


def test_quotes_close_sentences_and_crlf_is_not_text() -> None:
    sample = "He said “We go.” Then he went.\r\nHeading Here\r\nLast one."
    assert [(s.kind, s.text) for s in segment.paragraphs(sample)] == [
        ("paragraph", "He said “We go.” Then he went."),
        ("heading", "Heading Here"),
        ("paragraph", "Last one."),
    ]
    assert [s.text for s in segment.sentences(sample)] == [
        "He said “We go.”",
        "Then he went.",
        "Last one.",
    ]


def test_paragraph_at_offset() -> None:
    heading = segment.paragraph_at(ARTICLE, 830)
    assert heading is not None
    assert heading.kind == "heading"
    assert heading.line == 4
    assert segment.paragraph_at(ARTICLE, 274) is None  # the newline between paragraphs


def reference_sentences(article: str) -> list[tuple[int, int, int, str]]:
    """The segmentation as first written, paragraph by paragraph and boundary by boundary:
    the oracle the one-pass `sentence_bounds` must agree with."""
    found = []
    for paragraph in segment.paragraphs(article):
        if paragraph.kind != "paragraph":
            continue
        cuts = [0]
        for match in re.finditer(REFERENCE_BOUNDARY, paragraph.text):
            before = paragraph.text[: match.start()]
            word = re.search(r"(\S+)\.$", before)
            abbreviation = word is not None and (
                word.group(1) in ABBREVIATIONS or re.match(r"^(?:[A-Z]\.)*[A-Z]$", word.group(1))
            )
            if not abbreviation:
                cuts.append(match.end())
        cuts.append(len(paragraph.text))
        for begin, finish in itertools.pairwise(cuts):
            piece = paragraph.text[begin:finish].rstrip()
            start = paragraph.start + begin
            found.append((start, start + len(piece), paragraph.line, piece))
    return found


REFERENCE_BOUNDARY = r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov"}
ABBREVIATIONS |= {"Sen", "Rep", "St", "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Jun"}
ABBREVIATIONS |= {"Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
MARKS = list(".!?..\"'”’)]“‘([AZq7-,")
WORDS = ["Mr", "Sept", "Sep", "U.S", "J", "No", "etc", "word", "é", "\u00a0", "\u2028"]
PIECES = st.sampled_from([*MARKS, *WORDS, " ", "  ", "\n", "\r\n", "\t"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("Mr. Kim met Dr. Lee in the U.S. He left. J. R. Smith stayed! Did he? Yes.")
@example("He said “We go.” Then he went.\r\nHeading Here\r\nLast one.")
@example("Go.\nNow we go. Then?\r\n  “Yes.”\nHead\n1 more.")
@example("Go qMr. Next one. See U.S.-led. Talks.")
def test_one_pass_segmentation_agrees_with_the_reference(article: str) -> None:
    got = [(s.start, s.end, s.line, s.text) for s in segment.sentences(article)]
    assert got == reference_sentences(article)
