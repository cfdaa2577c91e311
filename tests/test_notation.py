"""The attribution notation: chains with ' > ', joint sources with ' + '."""

from __future__ import annotations

import re

import pytest

from factcheck.model import notation


def test_levels_and_source_ids() -> None:
    chain = "CURRENTINDIA > US-OFFICIALS + KR-OFFICIALS"
    assert notation.levels(chain) == [("CURRENTINDIA",), ("US-OFFICIALS", "KR-OFFICIALS")]
    assert notation.source_ids(chain) == ["CURRENTINDIA", "US-OFFICIALS", "KR-OFFICIALS"]


def test_links_pair_each_level_with_its_cue() -> None:
    links = notation.links("CURRENTINDIA > YONHAP > KP-BROADCASTER", "reported > citing")
    assert [(link.depth, link.source_ids, link.cue) for link in links] == [
        (0, ("CURRENTINDIA",), None),
        (1, ("YONHAP",), "reported"),
        (2, ("KP-BROADCASTER",), "citing"),
    ]
    assert notation.links("CURRENTINDIA", None) == [notation.Link(0, ("CURRENTINDIA",), None)]


@pytest.mark.parametrize(
    "chain",
    ["KCNA", "CURRENTINDIA > KCNA", "A > B + C > D", "US-OFFICIALS + KR-OFFICIALS", "A1-B2"],
)
def test_well_formed_chains(chain: str) -> None:
    assert re.match(notation.ATTRIBUTION, chain)


@pytest.mark.parametrize(
    "chain",
    ["", "kcna", "A>B", "A >B", "A > ", "A > > B", "A + + B", "A-", "-A", "A--B", "A > B,C"],
)
def test_malformed_chains(chain: str) -> None:
    assert not re.match(notation.ATTRIBUTION, chain)


@pytest.mark.parametrize("cues", ["according to", "reported > citing", "allege"])
def test_well_formed_cues(cues: str) -> None:
    assert re.match(notation.CUES, cues)


@pytest.mark.parametrize("cues", ["", " said", "said ", "a > ", "a >b", "a > > b", "a + b"])
def test_malformed_cues(cues: str) -> None:
    assert not re.match(notation.CUES, cues)


def test_a_chain_in_words_names_whom_each_level_cites() -> None:
    names = {"OUT": "The Outlet", "Y": "Yonhap", "B": "the broadcaster", "K": "KCNA"}
    assert notation.in_words("OUT", names) == "The Outlet (own voice)"
    assert notation.in_words("OUT > Y > B + K", names) == "Yonhap citing the broadcaster and KCNA"


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ("CURRENTINDIA", ["CURRENTINDIA"]),
        ("CURRENTINDIA > KCNA", ["KCNA"]),
        ("CURRENTINDIA > YONHAP > KP-BROADCASTER", ["YONHAP", "KP-BROADCASTER"]),
        ("CURRENTINDIA > US-OFFICIALS + KR-OFFICIALS", ["US-OFFICIALS", "KR-OFFICIALS"]),
    ],
)
def test_every_voice_of_a_chain_is_heard_and_the_publisher_only_in_its_own(
    chain: str, expected: list[str]
) -> None:
    assert notation.voices(chain) == expected
