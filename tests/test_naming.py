"""Matching source phrases to sources.csv by name and alias, splitting joint phrases, and
proposing new sources."""

from __future__ import annotations

import pytest

from conftest import REPO
from factcheck.drafting.naming import SourceIndex, is_source_phrase
from factcheck.storage.reader import parse


@pytest.fixture
def index() -> SourceIndex:
    return SourceIndex(parse((REPO / "sources.csv").read_bytes()))


@pytest.mark.parametrize(
    ("phrase", "source_id", "description"),
    [
        ("KCNA", "KCNA", None),  # an alias
        ("the Korean Central News Agency", "KCNA", None),
        (
            "the state-run Korean Central News Agency",
            "KCNA",
            "state-run Korean Central News Agency",
        ),
        (
            "North Korea’s official broadcasting service",
            "KP-BROADCASTER",
            None,
        ),  # either apostrophe
        ("north korean state media", "KP-STATE-MEDIA", None),  # any case
    ],
)
def test_listed_sources_match_by_name_or_alias(
    index: SourceIndex, phrase: str, source_id: str, description: str | None
) -> None:
    match = index.match(phrase)
    assert (match.source_id, match.known) == (source_id, True)
    described = None if match.description is None else phrase[slice(*match.description)]
    assert described == description


@pytest.mark.parametrize(
    ("phrase", "parts"),
    [
        ("U.S. and South Korean officials", ["U.S. officials", "South Korean officials"]),
        ("Reuters and Bloomberg", ["Reuters", "Bloomberg"]),
        ("Yonhap and KCNA", ["Yonhap", "KCNA"]),
        ("Ministry of Trade and Industry", ["Ministry of Trade and Industry"]),
    ],
)
def test_joint_phrases_split(index: SourceIndex, phrase: str, parts: list[str]) -> None:
    assert index.split(phrase) == parts


def test_unlisted_sources_are_proposed_once_with_ids_that_do_not_clash(index: SourceIndex) -> None:
    first = index.match("the Foreign Ministry")
    assert (first.source_id, first.known) == ("FOREIGN-MINISTRY", False)
    assert index.match("the foreign ministry").source_id == "FOREIGN-MINISTRY"
    assert index.propose("Yonhap News").source_id == "YONHAP-NEWS"
    assert index.propose("KCNA").source_id == "KCNA-2"  # taken by a listed source


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("officials", True), ("Reuters", True), ("he", False), ("the plan that was", False)],
)
def test_what_can_name_a_source(phrase: str, expected: bool) -> None:
    assert is_source_phrase(phrase) is expected
