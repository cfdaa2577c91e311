"""Figures for the analysis notebook, drawn with matplotlib from the computations elsewhere
in the package (voices, chains, timeline, coverage), so any article gets the same analysis.

Every function returns a new `Figure` built with matplotlib's object API, never pyplot: no
global state, no window, and a notebook shows it as an image. Colours come from `palette`,
orderings from the data files, so the same data always draws the same picture.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import PercentFormatter

from factcheck.analysis.palette import CLAIM_TYPE_COLORS, VERDICT_COLORS, tint
from factcheck.analysis.voices import Run
from factcheck.storage.records import records

FONT_SIZE = 8.0
CHAR_WIDTH = 0.6  # of the font size, for DejaVu Sans Mono
LINE_HEIGHT = 1.45  # of the font size
NODE_TINT = 0.45  # a source's colour behind its name, as light as the highlights' (alpha)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """The text's lines wrapped at spaces to at most `width` characters, as (start, end)
    offsets into `text`; paragraph breaks are kept and blank lines dropped."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        start = 0
        while len(paragraph) - start > width:
            cut = paragraph.rfind(" ", start, start + width + 1)
            cut = start + width if cut <= start else cut
            lines.append((offset + start, offset + cut))
            start = cut + 1 if paragraph[cut : cut + 1] == " " else cut
        if paragraph[start:]:
            lines.append((offset + start, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return lines


def highlighted_text(
    text: str,
    spans: Sequence[Run],
    colors: Mapping[str, str],
    labels: Mapping[str, str],
    width: int = 104,
) -> Figure:
    """The article as monospaced text, each claim span on the colour of its voice."""
    lines = wrap(text, width)
    char_pt, line_pt = CHAR_WIDTH * FONT_SIZE, LINE_HEIGHT * FONT_SIZE
    text_w, text_h = width * char_pt / 72, len(lines) * line_pt / 72  # inches
    legend_h = (len(labels) // 2 + 1) * 2 * line_pt / 72
    margin = 0.2
    fig = Figure(figsize=(text_w + 2 * margin, text_h + legend_h + 2 * margin))
    fig_w, fig_h = fig.get_figwidth(), fig.get_figheight()
    # the axes spans exactly the text block, so one data unit is one character or one line
    ax = fig.add_axes((margin / fig_w, (margin + legend_h) / fig_h, text_w / fig_w, text_h / fig_h))
    ax.set_xlim(0, width)
    ax.set_ylim(-len(lines), 0)
    ax.axis("off")
    for number, (start, end) in enumerate(lines):
        for run in spans:
            left, right = max(run.start, start), min(run.end, end)
            if run.voice is not None and left < right:
                ax.add_patch(
                    Rectangle(
                        (left - start, -number - 1),
                        right - left,
                        1,
                        facecolor=colors[run.voice],
                        alpha=0.45,
                        linewidth=0,
                    )
                )
        # one artist per character: a renderer snapping glyph advances to whole pixels would
        # otherwise let a long line drift away from its highlight
        for column, char in enumerate(text[start:end]):
            if not char.isspace():
                ax.text(
                    column + 0.5,
                    -number - 0.5,
                    char,
                    family="monospace",
                    fontsize=FONT_SIZE,
                    va="center",
                    ha="center",
                )
    handles = [Patch(facecolor=colors[v], alpha=0.45, label=labels[v]) for v in labels]
    fig.legend(handles=handles, loc="lower left", ncol=2, fontsize=FONT_SIZE, frameon=False)
    return fig


def voice_shares(
    shares: pd.DataFrame, colors: Mapping[str, str], labels: Mapping[str, str]
) -> Figure:
    """Side-by-side bars: each voice's share of the claims and of the covered characters."""
    fig = Figure(figsize=(9, 0.5 * len(shares) + 1.2))
    ax = fig.subplots()
    order = list(shares.index)[::-1]
    y = range(len(order))
    ax.barh(
        [i + 0.2 for i in y],
        shares.loc[order, "claim_share"],
        height=0.38,
        color=[colors[v] for v in order],
        label="share of claims",
    )
    ax.barh(
        [i - 0.2 for i in y],
        shares.loc[order, "character_share"],
        height=0.38,
        color=[colors[v] for v in order],
        alpha=0.5,
        hatch="//",
        label="share of characters",
    )
    ax.set_yticks(list(y), [labels[v] for v in order], fontsize=8)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.legend(
        handles=[
            Patch(facecolor="#777777", label="share of claims"),
            Patch(facecolor="#777777", alpha=0.5, hatch="//", label="share of characters"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=2,
        fontsize=8,
        frameon=False,
    )
    ax.set_title("Share of claims and of characters, per voice")
    fig.set_layout_engine("tight")
    return fig


def stacked(table: pd.DataFrame, title: str, colors: Mapping[str, str] | None = None) -> Figure:
    """Horizontal stacked bars of a count table (rows are bars, columns the stacks)."""
    fig = Figure(figsize=(10, 0.45 * len(table) + 1.8))
    ax = fig.subplots()
    palette: Any = {c: colors[c] for c in table.columns} if colors else None
    table.iloc[::-1].plot.barh(stacked=True, ax=ax, color=palette, width=0.7)
    ax.set_xlabel("claims")
    ax.set_ylabel("")
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, frameon=False)
    ax.tick_params(axis="y", labelsize=8)
    fig.set_layout_engine("tight")
    return fig


def verdicts(table: pd.DataFrame, title: str) -> Figure:
    """Stacked bars of verdict counts, in the verdicts' fixed colours."""
    return stacked(table, title, VERDICT_COLORS)


def claim_types(table: pd.DataFrame, title: str) -> Figure:
    """Stacked bars of claim-type counts, in the claim types' fixed colours."""
    return stacked(table, title, CLAIM_TYPE_COLORS)


def layered_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Node positions: one column per depth, nodes spread evenly down it in insertion order.

    networkx's own multipartite layout orders a column by set iteration, which changes with
    Python's hash seed; this one draws the same picture every run."""
    columns: dict[int, list[str]] = {}
    for node in graph.nodes:
        columns.setdefault(graph.nodes[node]["depth"], []).append(node)
    positions = {}
    for depth, nodes in columns.items():
        for row, node in enumerate(nodes):
            positions[node] = (float(depth), (len(nodes) - 1) / 2 - row)
    return positions


def attribution_graph(graph: nx.DiGraph, colors: Mapping[str, str]) -> Figure:
    """The sources as nodes in columns by depth, publisher on the left; edge width and label
    give the number of claims and the cue words."""
    fig = Figure(figsize=(10, 4.5))
    ax = fig.subplots()
    positions = layered_layout(graph)
    widths = [1 + graph.edges[e]["claims"] / 4 for e in graph.edges]
    nx.draw_networkx_edges(
        graph,
        positions,
        ax=ax,
        width=widths,
        edge_color="#666666",
        arrows=True,
        arrowsize=14,
        node_size=2600,
    )
    # each node a tint ringed in its colour, as the site marks text: the name on it reads
    nx.draw_networkx_nodes(
        graph,
        positions,
        ax=ax,
        node_size=2600,
        node_color=[tint(colors[n], NODE_TINT) for n in graph.nodes],
        edgecolors=[colors[n] for n in graph.nodes],
        linewidths=3,
    )
    names = {n: graph.nodes[n]["name"].replace(" ", "\n", 2) for n in graph.nodes}
    nx.draw_networkx_labels(graph, positions, labels=names, ax=ax, font_size=7)
    edge_labels = {e: f"{graph.edges[e]['cues']} ({graph.edges[e]['claims']})" for e in graph.edges}
    nx.draw_networkx_edge_labels(graph, positions, edge_labels=edge_labels, ax=ax, font_size=7)
    ax.set_title("How information travels: attribution chains (cue, number of claims)")
    ax.axis("off")
    fig.set_layout_engine("tight")
    return fig


def timeline(events: pd.DataFrame, label_width: int = 70) -> Figure:
    """Each dated claim on a time axis, a bar for a period longer than a day and a dot at its
    start, in its verdict's colour; disputed claims are labelled so."""
    fig = Figure(figsize=(12, 0.36 * len(events) + 1.4))
    ax = fig.subplots()
    for row, event in enumerate(records(events)):
        color = VERDICT_COLORS[event["verdict"]]
        y = len(events) - 1 - row
        span = (event["end"] - event["start"]).days + 1
        if span > 1:
            ax.barh(y, span, left=event["start"], height=0.5, color=color, alpha=0.7)
        ax.plot(event["start"], y, marker="o", color=color, markersize=5)
        claim: str = event["claim"]
        if len(claim) > label_width:
            claim = claim[: label_width - 1] + "…"
        flag = "DISPUTED  " if event["disputed"] else ""
        ax.text(
            event["end"],
            y,
            f"  {flag}{event['claim_id']} ({event['when']}) {claim}",
            va="center",
            fontsize=7,
            color="#b2182b" if event["disputed"] else "black",
        )
    handles = [Patch(facecolor=c, label=v) for v, c in VERDICT_COLORS.items()]
    ax.legend(handles=handles, fontsize=7, loc="lower left")
    ax.set_yticks([])
    ax.set_title("When: the dated events the claims describe, coloured by verdict")
    first, last = events["start"].min().year, events["end"].max().year + 1
    ax.set_xticks(pd.date_range(f"{first}-01-01", f"{last}-01-01", freq="YS"))
    ax.set_xticklabels([str(year) for year in range(first, last + 1)])
    ax.set_xlim(right=events["end"].max() + pd.Timedelta(days=3650))  # room for the labels
    fig.set_layout_engine("tight")
    return fig


def coverage(table: pd.DataFrame) -> Figure:
    """Per body sentence, the share of its characters inside a claim span and the number of
    claims on it; a sentence no claim covers shows as an empty red bar."""
    fig = Figure(figsize=(10, 0.3 * len(table) + 1.4))
    ax = fig.subplots()
    y = list(range(len(table)))[::-1]
    colors = ["#d73027" if n == 0 else "#4575b4" for n in table["claims"]]
    ax.barh(y, table["covered_share"], color=colors, height=0.6)
    for yi, row in zip(y, table.itertuples(), strict=True):
        ax.text(
            1.01, yi, f"{row.claims} claim{'s' if row.claims != 1 else ''}", va="center", fontsize=7
        )
    ax.set_yticks(
        y,
        [f"line {r['line']}, sentence {r['sentence']}" for r in records(table)],
        fontsize=7,
    )
    ax.set_xlim(0, 1.15)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_title("Coverage: share of each body sentence inside claim spans")
    fig.set_layout_engine("tight")
    return fig
