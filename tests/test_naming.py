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


@pytest.mark.parametrize(
    ("phrase", "source_id", "name", "kind"),
    [
        # the name alone, its accents kept, folded in the id; the description gives the kind
        ("the local newspaper Diário do Sul", "DIARIO-DO-SUL", "Diário do Sul", "publisher"),
        ("the wire service Reuters", "REUTERS", "Reuters", "news_agency"),
        # a title (or an honorific) is dropped from name and id alike; it tells the kind
        ("Mayor Teresa Quintal", "TERESA-QUINTAL", "Teresa Quintal", "government_officials"),
        ("Governor Marco Aveiro", "MARCO-AVEIRO", "Marco Aveiro", "government_officials"),
        ("Sen. Ted Cruz", "TED-CRUZ", "Ted Cruz", "person"),
        ("General Motors", "GENERAL-MOTORS", "General Motors", "person"),  # no title here
        # no id cut short: the whole name, or the name its description leads to
        ("Japan's Joint Chiefs of Staff", "JAPAN-JOINT-CHIEFS-OF-STAFF",
         "Japan's Joint Chiefs of Staff", "organization"),
        ("forecasters at the National Weather Institute", "NATIONAL-WEATHER-INSTITUTE",
         "National Weather Institute", "organization"),
        # news agencies by name
        ("Reuters", "REUTERS", "Reuters", "news_agency"),
        ("the Associated Press", "ASSOCIATED-PRESS", "Associated Press", "news_agency"),
        ("AP", "AP", "AP", "news_agency"),
        ("AFP", "AFP", "AFP", "news_agency"),
        ("Kyodo News", "KYODO-NEWS", "Kyodo News", "news_agency"),
    ],
)  # fmt: skip
def test_proposed_sources_are_named_as_the_readme_promises(
    index: SourceIndex, phrase: str, source_id: str, name: str, kind: str
) -> None:
    match = index.match(phrase)
    proposal = index.proposed[match.source_id]
    assert (match.source_id, proposal.name, proposal.kind.value) == (source_id, name, kind)
    assert proposal.phrase == phrase  # as written, for the placeholder description


def test_a_person_named_with_and_without_a_title_is_one_proposal(index: SourceIndex) -> None:
    assert index.match("Governor Marco Aveiro").source_id == "MARCO-AVEIRO"
    assert index.match("Marco Aveiro").source_id == "MARCO-AVEIRO"
    assert list(index.proposed) == ["MARCO-AVEIRO"]


def test_a_proposed_source_is_described_by_the_placeholder(index: SourceIndex) -> None:
    from factcheck.drafting.naming import proposals_table
    from factcheck.model.cells import TO_BE_DESCRIBED

    index.match("the local newspaper Diário do Sul")
    (row,) = proposals_table(index.proposed.values(), "2026-02-03-flood")
    assert row["description"] == (
        f"{TO_BE_DESCRIBED} named in 2026-02-03-flood as 'the local newspaper Diário do Sul'."
    )
