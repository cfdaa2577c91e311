"""Segmenting article text into headings, paragraphs and sentences."""

from __future__ import annotations

from conftest import ARTICLE_FILE, REPO
from factcheck import text

ARTICLE = (REPO / ARTICLE_FILE).read_text(encoding="utf-8")


def test_the_article_has_three_headings_and_eight_paragraphs() -> None:
    segments = text.paragraphs(ARTICLE)
    assert [s.text for s in segments if s.kind == "heading"] == [
        "Beijing’s Crucial Role For Pyongyang",
        "Rekindling Old Ties",
        "The Leader’s Train Of Choice",
    ]
    assert sum(s.kind == "paragraph" for s in segments) == 8


def test_segments_are_exact_slices_of_the_text() -> None:
    for segment in text.paragraphs(ARTICLE) + text.sentences(ARTICLE):
        assert ARTICLE[segment.start : segment.end] == segment.text


def test_the_article_body_has_nineteen_sentences() -> None:
    sentences = text.sentences(ARTICLE)
    assert len(sentences) == 19
    assert sentences[8].text.startswith("U.S. and South Korean officials allege")
    assert [s.line for s in sentences[:3]] == [1, 1, 2]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    sample = "Mr. Kim met Dr. Lee in the U.S. He left. J. R. Smith stayed! Did he? Yes."
    assert [s.text for s in text.sentences(sample)] == [
        "Mr. Kim met Dr. Lee in the U.S. He left.",
        "J. R. Smith stayed!",
        "Did he?",
        "Yes.",
    ]


def test_quotes_close_sentences_and_crlf_is_not_text() -> None:
    sample = "He said “We go.” Then he went.\r\nHeading Here\r\nLast one."
    assert [(s.kind, s.text) for s in text.paragraphs(sample)] == [
        ("paragraph", "He said “We go.” Then he went."),
        ("heading", "Heading Here"),
        ("paragraph", "Last one."),
    ]
    assert [s.text for s in text.sentences(sample)] == [
        "He said “We go.”",
        "Then he went.",
        "Last one.",
    ]


def test_paragraph_at_offset() -> None:
    heading = text.paragraph_at(ARTICLE, 830)
    assert heading is not None
    assert heading.kind == "heading"
    assert heading.line == 4
    assert text.paragraph_at(ARTICLE, 274) is None  # the newline between paragraphs
