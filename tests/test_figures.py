"""The figures draw what they are given: one patch per highlighted stretch, one point per
event, one bar per sentence; and the wrapped text keeps every character."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from conftest import REPO
from factcheck import load_dataset
from factcheck.analysis import chains, coverage, figures, palette, timeline, voices


def test_wrap_keeps_offsets_and_respects_the_width() -> None:
    text = "one two three four five\nsix seven\n\neight"
    lines = figures.wrap(text, 9)
    assert [text[a:b] for a, b in lines] == ["one two", "three", "four five", "six seven", "eight"]
    assert all(b - a <= 9 for a, b in lines)


def test_wrap_cuts_words_longer_than_the_line() -> None:
    assert [("abcdefghij"[a:b]) for a, b in figures.wrap("abcdefghij", 4)] == ["abcd", "efgh", "ij"]


@pytest.fixture(scope="module")
def data() -> object:
    return load_dataset(REPO)


def test_highlighted_text_draws_each_voiced_stretch(data: object) -> None:
    text = data.texts["2025-09-02-kim-jong-un-train-beijing"]
    spans = voices.runs(text, data.claims)
    shares = voices.shares(text, data.claims)
    colors = palette.voice_colors(list(shares.index), palette.source_colors(data.sources))
    labels = {v: v for v in shares.index}
    fig = figures.highlighted_text(text, spans, colors, labels, width=100)
    patches = [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]
    lines = figures.wrap(text, 100)
    expected = sum(
        1
        for start, end in lines
        for run in spans
        if run.voice is not None and max(run.start, start) < min(run.end, end)
    )
    assert len(patches) == expected
    drawn = "".join(t.get_text() for t in fig.axes[0].texts)
    assert drawn == "".join(ch for ch in text if not ch.isspace())


def test_other_figures_draw_one_mark_per_row(data: object) -> None:
    claims = data.claims
    events = timeline.events(claims)
    fig = figures.timeline(events)
    assert len(fig.axes[0].lines) == len(events)
    cover = coverage.sentence_coverage(data.texts["2025-09-02-kim-jong-un-train-beijing"], claims)
    assert len(figures.coverage(cover).axes[0].patches) == len(cover)
    table = pd.crosstab(claims["attribution"], claims["verdict"], dropna=False)
    assert isinstance(figures.verdicts(table, "t"), Figure)
    graph = chains.graph(claims, data.sources)
    assert isinstance(figures.attribution_graph(graph, palette.source_colors(data.sources)), Figure)


def test_layered_layout_is_stable_and_by_depth(data: object) -> None:
    graph = chains.graph(data.claims, data.sources)
    positions = figures.layered_layout(graph)
    assert positions["CURRENTINDIA"] == (0.0, 0.0)
    assert positions["KP-BROADCASTER"][0] == 2.0
    assert {positions[n][0] for n in ("KCNA", "YONHAP", "US-OFFICIALS")} == {1.0}
    assert positions == figures.layered_layout(chains.graph(data.claims, data.sources))
