"""The attribution cue patterns: each matches its own example, and docs/drafting.md lists all."""

from __future__ import annotations

import pytest

from conftest import REPO
from factcheck.drafting.cues import PATTERNS, describe, find
from factcheck.drafting.naming import is_source_phrase


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_each_pattern_is_the_first_to_match_its_example(pattern: object) -> None:
    found = find(pattern.example, is_source_phrase)  # type: ignore[attr-defined]
    assert found is not None
    assert found.pattern is pattern


def test_a_pronoun_is_not_taken_for_a_source() -> None:
    assert find("The talks will resume, he said.", is_source_phrase) is None


def test_the_drafting_page_documents_every_pattern() -> None:
    assert describe() in (REPO / "docs" / "drafting.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Police found that the victim had drowned.", "Police"),
        ("Police found the body near the river.", None),  # an object, not a claim
        ("Washington condemned the launch.", None),
        ("On Monday, Trump visited Ohio, saying the race was close.", None),  # not "On Monday"
        ("Trump visited Ohio on Monday, saying the race was close.", "Trump"),
    ],
)
def test_verbs_that_take_an_object_and_words_that_open_a_sentence(
    sentence: str, source: str | None
) -> None:
    found = find(sentence, is_source_phrase)
    assert (None if found is None else sentence[slice(*found.sources[0])]) == source


def test_the_words_after_the_speaker_are_kept_apart() -> None:
    sentence = "“The race is close,” said Dean Baker, co-director of a think tank."
    found = find(sentence, is_source_phrase)
    assert found is not None
    assert found.rest is not None
    assert sentence[slice(*found.rest)] == ", co-director of a think tank"
    quiet = find("The rates stay, the Bank of Korea said in a statement.", is_source_phrase)
    assert quiet is not None
    assert quiet.rest is None  # how it was said, not who said it
