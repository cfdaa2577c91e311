"""Colours and orderings for the figures and the site, defined once so every view agrees.

Publishers are one grey, the backdrop every claim is reported against. Every other source
takes its colour from its id alone: SHA-256 of the id (the same on every machine and run,
unlike Python's salted `hash`) picks one of `SOURCE_PALETTE`. A source keeps its colour
whatever sources the dataset gains and whatever their order, so a second article repaints
none of the first's. A claim's attribution chain (its "voice") takes the colour of its
original source.

Eight colours for an open set of sources means two sources can share one. `SOURCE_HASH_KEY`
was chosen once, as the first of "factcheck source colours 1:", "… 2:", … under which the
six sources of the first article take six different colours, each pair (and each with the
publishers' grey) at least 0.08 apart in OKLab in normal vision and in a simulation of
protanopia and deuteranopia (Machado et al. 2009). A later article may hold two sources of
one colour, so colour is never the only cue: the site numbers each source in an article's
key and ends the source's marks in the text with that number, and the figures name each
source beside its colour.

Every colour, of a source or of a verdict, is drawn as a mark (an underline, a bar, a node)
and meets WCAG 2's 3:1 for non-text contrast against white; each is also light enough that
the 30% and 55% tints the site puts behind marked text (site.css) keep body text (#1a1a1a)
at 4.5:1 or more; tests/test_palette.py checks both. The source colours come from the
colour-blind-considerate palettes of Okabe and Ito and of Paul Tol: Okabe-Ito orange
(darkened to 3:1, its OKLab hue and chroma kept), blue and reddish purple; Tol's bright cyan
(darkened the same way); Tol's muted indigo, green, wine and purple. These eight were chosen
from those palettes to stay apart in normal vision and in the same simulation, and hold no
red, which would read as "refuted".

Verdicts run from supported (green) through partly supported (orange) to refuted (red):
ColorBrewer's RdYlGn, its orange darkened to 3:1. What is not judged is grey, not enough
evidence lighter than not checkable; both meet 3:1 too, so both show as marks. The site
draws each verdict's underline in a style of its own besides (site.css).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pandas as pd

from factcheck.model import notation
from factcheck.model.vocabularies import ClaimType, SourceKind, Verdict

PUBLISHER_COLOR = "#767676"  # 4.5:1 against white
SOURCE_PALETTE = (
    "#CA8500",  # Okabe-Ito orange, darkened
    "#0072B2",  # Okabe-Ito blue
    "#CC79A7",  # Okabe-Ito reddish purple
    "#349FC0",  # Tol bright cyan, darkened
    "#332288",  # Tol muted indigo
    "#117733",  # Tol muted green
    "#882255",  # Tol muted wine
    "#AA4499",  # Tol muted purple
)
# Never to change: another key repaints every source (see the module's docstring).
SOURCE_HASH_KEY = "factcheck source colours 47:"

CLAIM_TYPE_COLORS: dict[str, str] = {
    ClaimType.EVENT: "#0072B2",
    ClaimType.TIME_OR_QUANTITY: "#56B4E9",
    ClaimType.ATTRIBUTE: "#009E73",
    ClaimType.EXPECTATION_OR_PLAN: "#E69F00",
    ClaimType.ANALYSIS_OR_OPINION: "#CC79A7",
}

VERDICT_COLORS: dict[str, str] = {
    Verdict.SUPPORTED: "#1a9850",
    Verdict.PARTLY_SUPPORTED: "#ce8232",  # RdYlGn's #fdae61 (1.8:1), darkened
    Verdict.REFUTED: "#d73027",
    Verdict.NOT_ENOUGH_EVIDENCE: "#8a8a8a",
    Verdict.NOT_CHECKABLE: "#666666",
}


def source_color(source_id: str) -> str:
    """The palette colour of a source that is not a publisher: a function of its id only."""
    digest = hashlib.sha256((SOURCE_HASH_KEY + source_id).encode()).digest()
    return SOURCE_PALETTE[int.from_bytes(digest[:8], "big") % len(SOURCE_PALETTE)]


def source_colors(sources: pd.DataFrame) -> dict[str, str]:
    """A colour for each source of a sources table: grey for publishers, `source_color` for
    the others."""
    return {
        source_id: PUBLISHER_COLOR if kind == SourceKind.PUBLISHER else source_color(source_id)
        for source_id, kind in zip(sources["source_id"], sources["kind"], strict=True)
    }


def tint(color: str, share: float) -> str:
    """`color` mixed with white, `share` of it (CSS `color-mix(in srgb, color share, white)`):
    a background dark text reads on (every palette colour keeps 4.5:1 up to a share of 55%)."""
    channels = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(share * c + (1 - share) * 255):02x}" for c in channels)


def origin(chain: str) -> str:
    """The source a chain's claim originates with: the first source of its last level."""
    return notation.levels(chain)[-1][0]


def voice_colors(chains: Sequence[str], colors: dict[str, str]) -> dict[str, str]:
    """A colour for each attribution chain: that of the source it originates with."""
    return {chain: colors[origin(chain)] for chain in chains}
