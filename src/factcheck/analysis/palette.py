"""Colours and orderings for figures, defined once so every figure agrees.

Publishers are grey, the backdrop every claim is reported against; every other source gets a
fixed colour from its position in `sources.csv` (kept in source_id order by `factcheck
format`), and a claim's attribution chain (its "voice") takes the colour of its original
source. Verdicts have fixed colours from
supported (green) to refuted (red), with grey for what cannot be judged.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from factcheck.model import notation
from factcheck.model.vocabularies import ClaimType, SourceKind, Verdict

PUBLISHER_COLOR = "#999999"
# A colour-blind-safe qualitative palette (Okabe and Ito), then a few more distinct colours.
SOURCE_PALETTE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#CC79A7",
    "#0072B2",
    "#D55E00",
    "#F0E442",
    "#882255",
    "#44AA99",
)

CLAIM_TYPE_COLORS: dict[str, str] = {
    ClaimType.EVENT: "#0072B2",
    ClaimType.TIME_OR_QUANTITY: "#56B4E9",
    ClaimType.ATTRIBUTE: "#009E73",
    ClaimType.EXPECTATION_OR_PLAN: "#E69F00",
    ClaimType.ANALYSIS_OR_OPINION: "#CC79A7",
}

VERDICT_COLORS: dict[str, str] = {
    Verdict.SUPPORTED: "#1a9850",
    Verdict.PARTLY_SUPPORTED: "#fdae61",
    Verdict.REFUTED: "#d73027",
    Verdict.NOT_ENOUGH_EVIDENCE: "#bdbdbd",
    Verdict.NOT_CHECKABLE: "#e0e0e0",
}


def source_colors(sources: pd.DataFrame) -> dict[str, str]:
    """A colour for each source of a sources table: grey for publishers, the palette in table
    order for the others, cycling if there are more sources than colours."""
    colors = {}
    others = 0
    for source_id, kind in zip(sources["source_id"], sources["kind"], strict=True):
        if kind == SourceKind.PUBLISHER:
            colors[source_id] = PUBLISHER_COLOR
        else:
            colors[source_id] = SOURCE_PALETTE[others % len(SOURCE_PALETTE)]
            others += 1
    return colors


def origin(chain: str) -> str:
    """The source a chain's claim originates with: the first source of its last level."""
    return notation.levels(chain)[-1][0]


def voice_colors(chains: Sequence[str], colors: dict[str, str]) -> dict[str, str]:
    """A colour for each attribution chain: that of the source it originates with."""
    return {chain: colors[origin(chain)] for chain in chains}
