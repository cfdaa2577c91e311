"""Fixed colours per source, voice and verdict: a source's colour is a function of its id,
and every colour is a visible mark on white that keeps text readable on its tints."""

from __future__ import annotations

import pandas as pd
import pytest

import factcheck
from conftest import with_new_sources
from contrast import INK, TINTS, WHITE, color_mix, contrast, rgb
from factcheck.analysis.palette import (
    CLAIM_TYPE_COLORS,
    PUBLISHER_COLOR,
    SOURCE_PALETTE,
    VERDICT_COLORS,
    origin,
    source_color,
    source_colors,
    tint,
    voice_colors,
)
from factcheck.model.vocabularies import ClaimType, Verdict


def test_publishers_are_grey_and_others_take_their_ids_colour() -> None:
    ids = [f"S{i}" for i in range(20)]
    kinds = ["publisher"] + ["news_agency"] * (len(ids) - 1)
    colors = source_colors(pd.DataFrame({"source_id": ids, "kind": kinds}))
    assert colors["S0"] == PUBLISHER_COLOR
    assert all(colors[i] == source_color(i) for i in ids[1:])
    assert set(colors.values()) - {PUBLISHER_COLOR} <= set(SOURCE_PALETTE)
    assert len(set(colors.values())) > len(SOURCE_PALETTE) / 2  # the hash spreads them


def test_a_sources_colour_depends_on_its_id_not_on_the_other_sources() -> None:
    table = pd.DataFrame({"source_id": ["A", "B", "C", "D"], "kind": ["news_agency"] * 4})
    colors = source_colors(table)
    assert source_colors(table.iloc[::-1]) == colors
    assert source_colors(table.iloc[2:]) == {"C": colors["C"], "D": colors["D"]}
    # fixed across runs and machines (SHA-256, not Python's salted hash)
    assert source_color("KCNA") == "#CA8500"


def test_a_second_article_repaints_none_of_the_first_articles_sources(
    data: factcheck.Dataset,
) -> None:
    before = source_colors(data.sources)
    after = source_colors(with_new_sources(data.sources))
    assert {source_id: after[source_id] for source_id in before} == before


def test_the_first_articles_sources_each_have_their_own_colour(data: factcheck.Dataset) -> None:
    """What the hash's key was chosen for: collisions wait for a later article."""
    colors = source_colors(data.sources)
    assert len(set(colors.values())) == len(colors)


def test_a_voice_takes_the_colour_of_its_origin() -> None:
    colors = {"OUT": "#1", "Y": "#2", "B": "#3", "US": "#4", "KR": "#5"}
    assert origin("OUT > Y > B") == "B"
    assert origin("OUT > US + KR") == "US"
    assert voice_colors(["OUT", "OUT > Y > B"], colors) == {"OUT": "#1", "OUT > Y > B": "#3"}


def test_every_verdict_and_claim_type_has_a_colour() -> None:
    assert set(VERDICT_COLORS) == set(Verdict)
    assert set(CLAIM_TYPE_COLORS) == set(ClaimType)


MARKS = [*SOURCE_PALETTE, PUBLISHER_COLOR, *VERDICT_COLORS.values()]


@pytest.mark.parametrize("color", MARKS)
def test_every_mark_shows_on_white_and_keeps_text_readable_on_its_tints(color: str) -> None:
    assert contrast(color, WHITE) >= 3  # WCAG 2 non-text contrast, for an underline or a bar
    for share in TINTS:
        assert contrast(INK, color_mix(color, share)) >= 4.5  # WCAG AA for the text on it


def test_marks_that_mean_different_things_differ() -> None:
    assert len(set(SOURCE_PALETTE)) == len(SOURCE_PALETTE)
    assert PUBLISHER_COLOR not in SOURCE_PALETTE
    assert len(set(VERDICT_COLORS.values())) == len(VERDICT_COLORS)


def test_a_tint_is_the_colour_mixed_with_white_as_css_mixes_it() -> None:
    assert tint("#336699", 1) == "#336699"
    assert tint("#336699", 0) == "#ffffff"
    assert tint("#000000", 0.55) == "#737373"  # 45% of 255, rounded
    mixed = rgb(color_mix("#0072B2", 0.3))  # as a browser mixes it
    assert rgb(tint("#0072B2", 0.3)) == pytest.approx(mixed, abs=0.5 / 255)
