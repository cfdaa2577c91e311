"""The attribution cue patterns: each matches its own example, and the README lists them all."""

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


def test_the_readme_documents_every_pattern() -> None:
    assert describe() in (REPO / "README.md").read_text(encoding="utf-8")
