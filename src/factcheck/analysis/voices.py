"""Whose voice each part of an article is in: claim spans resolved to one attribution each.

A *voice* is a claim's attribution chain (`CURRENTINDIA > YONHAP > KP-BROADCASTER`). Where
spans of different voices overlap, the more deeply attributed voice wins (a reported claim
inside the outlet's sentence is shown as reported), then the earlier claim, so the rendering
is deterministic.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from factcheck.model import notation
from factcheck.storage.records import records


@dataclass(frozen=True)
class Run:
    """A stretch of text in one voice, or in none (`voice` is None) where no claim covers it."""

    start: int
    end: int
    voice: str | None


def runs(text: str, claims: pd.DataFrame) -> list[Run]:
    """The text cut into runs of one voice each, covering every character once."""
    owner: list[tuple[int, int] | None] = [None] * len(text)  # (depth, -order) of the winner
    voice_at: list[str | None] = [None] * len(text)
    for order, claim in enumerate(records(claims)):
        chain: str = claim["attribution"]
        rank = (len(notation.levels(chain)), -order)
        for i in range(int(claim["span_start"]), int(claim["span_end"])):
            current = owner[i]
            if current is None or rank > current:
                owner[i], voice_at[i] = rank, chain
    result: list[Run] = []
    for i, voice in enumerate(voice_at):
        if result and result[-1].voice == voice and result[-1].end == i:
            result[-1] = Run(result[-1].start, i + 1, voice)
        else:
            result.append(Run(i, i + 1, voice))
    return result


def shares(text: str, claims: pd.DataFrame) -> pd.DataFrame:
    """Per voice: number and share of claims, and characters and share of the covered text."""
    counts = claims["attribution"].value_counts()
    characters = pd.Series({voice: 0 for voice in counts.index}, dtype="int64")
    for run in runs(text, claims):
        if run.voice is not None:
            characters[run.voice] += run.end - run.start
    frame = pd.DataFrame({"claims": counts, "characters": characters}).fillna(0).astype("int64")
    frame["claim_share"] = frame["claims"] / frame["claims"].sum()
    frame["character_share"] = frame["characters"] / frame["characters"].sum()
    frame.index.name = "voice"
    return frame.sort_values(["claims", "characters"], ascending=False)


def label(chain: str, names: Mapping[str, str]) -> str:
    """A voice in words, as the figures' legends show it (`notation.in_words`)."""
    return notation.in_words(chain, names)


def to_html(
    text: str, spans: list[Run], colors: Mapping[str, str], labels: Mapping[str, str]
) -> str:
    """The text as HTML, each run on its voice's colour, with a legend; line breaks kept."""
    pieces = []
    for run in spans:
        chunk = html.escape(text[run.start : run.end]).replace("\n", "<br>")
        if run.voice is None:
            pieces.append(chunk)
        else:
            pieces.append(
                f'<span style="background:{colors[run.voice]}66" '
                f'title="{html.escape(labels[run.voice])}">{chunk}</span>'
            )
    legend = " ".join(
        f'<span style="background:{colors[v]}66;padding:0 4px">{html.escape(labels[v])}</span>'
        for v in labels
    )
    return f'<div style="line-height:1.6">{"".join(pieces)}</div><p>{legend}</p>'
