"""Fixed colours per source, voice and verdict."""

from __future__ import annotations

import pandas as pd

from factcheck.analysis.palette import (
    CLAIM_TYPE_COLORS,
    PUBLISHER_COLOR,
    SOURCE_PALETTE,
    VERDICT_COLORS,
    origin,
    source_colors,
    voice_colors,
)
from factcheck.model.vocabularies import ClaimType, Verdict


def test_publishers_are_grey_and_others_keep_their_colour_by_position() -> None:
    ids = [f"S{i}" for i in range(len(SOURCE_PALETTE) + 2)]
    kinds = ["publisher"] + ["news_agency"] * (len(ids) - 1)
    colors = source_colors(pd.DataFrame({"source_id": ids, "kind": kinds}))
    assert colors["S0"] == PUBLISHER_COLOR
    assert colors["S1"] == SOURCE_PALETTE[0]
    assert colors[f"S{len(SOURCE_PALETTE) + 1}"] == SOURCE_PALETTE[0]  # the palette cycles


def test_a_voice_takes_the_colour_of_its_origin() -> None:
    colors = {"OUT": "#1", "Y": "#2", "B": "#3", "US": "#4", "KR": "#5"}
    assert origin("OUT > Y > B") == "B"
    assert origin("OUT > US + KR") == "US"
    assert voice_colors(["OUT", "OUT > Y > B"], colors) == {"OUT": "#1", "OUT > Y > B": "#3"}


def test_every_verdict_and_claim_type_has_a_colour() -> None:
    assert set(VERDICT_COLORS) == set(Verdict)
    assert set(CLAIM_TYPE_COLORS) == set(ClaimType)
