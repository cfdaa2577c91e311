"""The attribution notation of `claims.csv`: who the article says a claim comes from.

A claim's `attribution` cell is the reporting chain from the article's publisher down to
the original source, written with two separators:

- `` > `` means "reports, relying on": ``CURRENTINDIA > YONHAP > KP-BROADCASTER`` is the
  outlet reporting what Yonhap reported, citing North Korea's broadcaster;
- `` + `` joins sources that speak together: ``CURRENTINDIA > US-OFFICIALS + KR-OFFICIALS``.

Its `attribution_cue` cell holds the words that signal each link of the chain, in order and
with the same `` > `` separator (``reported > citing``); a claim in the outlet's own voice is
the publisher alone, with no cue. The notation is lossless (chains and joint sources keep
their structure, PARC-style nesting flattened into a path), and a spreadsheet user finds every
claim that involves a source with a plain "contains KCNA" filter, because no source id may
occur inside another (see the sources schema).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

LINK = " > "
JOINT = " + "

SOURCE_ID = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*"
_GROUP = rf"{SOURCE_ID}(?:{re.escape(JOINT)}{SOURCE_ID})*"
ATTRIBUTION = rf"^{_GROUP}(?:{re.escape(LINK)}{_GROUP})*$"
_CUE = r"[^>+ ](?:[^>+]*[^>+ ])?"
CUES = rf"^{_CUE}(?:{re.escape(LINK)}{_CUE})*$"


@dataclass(frozen=True)
class Link:
    """One step of a chain: the sources at `depth` (0 is the publisher) and the cue before them."""

    depth: int
    source_ids: tuple[str, ...]
    cue: str | None


def levels(attribution: str) -> list[tuple[str, ...]]:
    """Split an attribution into its levels, outermost first, each a tuple of joint sources."""
    return [tuple(group.split(JOINT)) for group in attribution.split(LINK)]


def in_words(attribution: str, names: Mapping[str, str]) -> str:
    """A chain in words, from the source names by id: 'Yonhap News Agency citing North
    Korea's official broadcasting service'; the outlet's own voice is 'X (own voice)'."""
    found = levels(attribution)
    if len(found) == 1:
        return f"{names[found[0][0]]} (own voice)"
    groups = [" and ".join(names[sid] for sid in group) for group in found[1:]]
    return " citing ".join(groups)


def source_ids(attribution: str) -> list[str]:
    """Every source id an attribution names, in reading order."""
    return [sid for group in levels(attribution) for sid in group]


def voices(attribution: str) -> list[str]:
    """The sources a claim is heard from: every source the publisher reports, relays or
    cites, in reading order ('YONHAP', 'KP-BROADCASTER'; both officials of a joint group);
    the publisher itself only for its own voice."""
    found = levels(attribution)
    return [sid for group in (found[1:] or found) for sid in group]


def cues(attribution_cue: str | None) -> list[str]:
    """The cue of each link; an empty cell (own voice) has none."""
    return attribution_cue.split(LINK) if attribution_cue else []


def links(attribution: str, attribution_cue: str | None) -> list[Link]:
    """The chain as links; the publisher (depth 0) has no cue, each later level has its own."""
    cue_list: list[str | None] = [None, *cues(attribution_cue)]
    return [
        Link(depth, group, cue_list[depth] if depth < len(cue_list) else None)
        for depth, group in enumerate(levels(attribution))
    ]
