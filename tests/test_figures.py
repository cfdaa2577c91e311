"""The figures draw what they are given: highlights over exactly the claim spans, a stacked
bar per count, a node per source and an arrow per link, a point per dated claim, a bar per
sentence; and the wrapped text keeps every character."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from factcheck.analysis import chains, coverage, figures, palette, timeline, voices


def test_wrap_keeps_offsets_and_respects_the_width() -> None:
    text = "one two three four five\nsix seven\n\neight"
    lines = figures.wrap(text, 9)
    assert [text[a:b] for a, b in lines] == ["one two", "three", "four five", "six seven", "eight"]
    assert all(b - a <= 9 for a, b in lines)


def test_wrap_cuts_words_longer_than_the_line() -> None:
    assert [("abcdefghij"[a:b]) for a, b in figures.wrap("abcdefghij", 4)] == ["abcd", "efgh", "ij"]


ARTICLE = "2025-09-02-kim-jong-un-train-beijing"


def test_highlighted_text_colours_exactly_the_claim_spans(data: object) -> None:
    text = data.texts[ARTICLE]
    claims = data.claims[data.claims["article_id"] == ARTICLE]
    spans = voices.runs(text, claims)
    shares = voices.shares(text, claims)
    colors = palette.voice_colors(list(shares.index), palette.source_colors(data.sources))
    labels = {v: f"label of {v}" for v in shares.index}
    fig = figures.highlighted_text(text, spans, colors, labels, width=100)
    ax = fig.axes[0]
    lines = figures.wrap(text, 100)
    voice_at = {i: run.voice for run in spans for i in range(run.start, run.end)}
    drawn: dict[int, str] = {}  # text offset -> the colour of the rectangle behind it
    for patch in ax.patches:
        assert isinstance(patch, Rectangle)
        start, _ = lines[-round(patch.get_y()) - 1]
        left = start + round(patch.get_x())
        for i in range(left, left + round(patch.get_width())):
            assert i not in drawn, f"offset {i} highlighted twice"
            drawn[i] = to_hex(patch.get_facecolor())
    on_lines = {i for a, b in lines for i in range(a, b)}
    in_spans = {
        i
        for a, b in zip(claims["span_start"], claims["span_end"], strict=True)
        for i in range(a, b)
    }
    assert set(drawn) == in_spans & on_lines
    assert drawn == {i: to_hex(colors[voice_at[i]]) for i in drawn}
    assert [t.get_text() for t in fig.legends[0].get_texts()] == list(labels.values())
    assert "".join(t.get_text() for t in ax.texts) == "".join(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize(
    ("draw", "column", "colors"),
    [
        (figures.verdicts, "verdict", palette.VERDICT_COLORS),
        (figures.claim_types, "claim_type", palette.CLAIM_TYPE_COLORS),
    ],
)
def test_stacked_bars_draw_each_count_of_the_table(
    data: object, draw: Callable[[pd.DataFrame, str], Figure], column: str, colors: dict
) -> None:
    table = pd.crosstab(data.claims["attribution"], data.claims[column], dropna=False)
    ax = draw(table, "a title").axes[0]
    assert ax.get_title() == "a title"
    # bottom to top the rows are reversed, so the table reads top-down
    assert [t.get_text() for t in ax.get_yticklabels()] == list(table.index[::-1])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(table.columns)
    assert len(ax.containers) == len(table.columns)
    left = [0.0] * len(table)
    for name, bars in zip(table.columns, ax.containers, strict=True):
        assert [b.get_width() for b in bars] == list(table[name].iloc[::-1])
        assert [b.get_x() for b in bars] == left  # stacked on the columns before it
        assert {to_hex(b.get_facecolor()) for b in bars} == {to_hex(colors[name])}
        left = [x + b.get_width() for x, b in zip(left, bars, strict=True)]
    assert left == list(table.sum(axis=1).iloc[::-1])


def test_attribution_graph_draws_each_source_and_link(data: object) -> None:
    graph = chains.graph(data.claims, data.sources)
    colors = palette.source_colors(data.sources)
    ax = figures.attribution_graph(graph, colors).axes[0]
    positions = figures.layered_layout(graph)
    (nodes,) = ax.collections
    assert [tuple(xy) for xy in nodes.get_offsets()] == [positions[n] for n in graph.nodes]
    # a tint behind the name, ringed in the source's colour
    assert [to_hex(c) for c in nodes.get_facecolors()] == [
        palette.tint(colors[n], figures.NODE_TINT) for n in graph.nodes
    ]
    assert [to_hex(c) for c in nodes.get_edgecolors()] == [to_hex(colors[n]) for n in graph.nodes]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == graph.number_of_edges() == len(ax.patches)
    assert sorted(a.get_linewidth() for a in arrows) == sorted(
        1 + graph.edges[e]["claims"] / 4 for e in graph.edges
    )
    texts = {
        (t.get_text(), round(t.get_position()[0], 3), round(t.get_position()[1], 3))
        for t in ax.texts
    }
    for node in graph.nodes:
        name = graph.nodes[node]["name"].replace(" ", "\n", 2)
        assert (name, *positions[node]) in texts
    for u, v in graph.edges:
        midpoint = [round((a + b) / 2, 3) for a, b in zip(positions[u], positions[v], strict=True)]
        edge = graph.edges[u, v]
        assert (f"{edge['cues']} ({edge['claims']})", *midpoint) in texts
    assert len(texts) == graph.number_of_nodes() + graph.number_of_edges()


def test_timeline_marks_each_dated_claim_at_its_start(data: object) -> None:
    events = timeline.events(data.claims)
    ax = figures.timeline(events).axes[0]
    assert len(ax.lines) == len(events) > 0
    for row, (line, event) in enumerate(zip(ax.lines, events.itertuples(), strict=True)):
        assert tuple(line.get_xydata()[0]) == (date2num(event.start), len(events) - 1 - row)
        assert line.get_marker() == "o"
        assert line.get_color() == palette.VERDICT_COLORS[event.verdict]
    periods = events[(events["end"] - events["start"]).dt.days >= 1]
    assert len(ax.patches) == len(periods)
    flagged = [t.get_text().split()[1] for t in ax.texts if t.get_text().startswith("  DISPUTED")]
    assert flagged == list(events.loc[events["disputed"], "claim_id"])


def test_coverage_draws_one_bar_per_sentence(data: object) -> None:
    cover = coverage.sentence_coverage(data.texts[ARTICLE], data.claims)
    ax = figures.coverage(cover).axes[0]
    bars = sorted(ax.patches, key=lambda b: -b.get_y())  # top to bottom: sentence order
    assert [b.get_width() for b in bars] == list(cover["covered_share"])
    assert [to_hex(b.get_facecolor()) for b in bars] == [
        "#d73027" if n == 0 else "#4575b4" for n in cover["claims"]
    ]
    ticks = sorted(ax.yaxis.get_major_ticks(), key=lambda t: -t.get_loc())
    assert [t.get_loc() for t in ticks] == pytest.approx(
        [b.get_y() + b.get_height() / 2 for b in bars]
    )
    assert [t.label1.get_text() for t in ticks] == [
        f"line {line}, sentence {sentence}"
        for line, sentence in zip(cover["line"], cover["sentence"], strict=True)
    ]


def test_layered_layout_is_stable_and_by_depth(data: object) -> None:
    graph = chains.graph(data.claims, data.sources)
    positions = figures.layered_layout(graph)
    assert positions["CURRENTINDIA"] == (0.0, 0.0)
    assert positions["KP-BROADCASTER"][0] == 2.0
    assert {positions[n][0] for n in ("KCNA", "YONHAP", "US-OFFICIALS")} == {1.0}
    assert positions == figures.layered_layout(chains.graph(data.claims, data.sources))
