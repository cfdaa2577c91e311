"""Voices: spans resolved to one attribution per character, shares, labels, HTML."""

from __future__ import annotations

import pandas as pd

from factcheck.analysis.voices import Run, label, runs, shares, to_html

TEXT = "Kim left on Monday, KCNA said. It was rare."
OWN, KCNA = "OUT", "OUT > KCNA"


def claims(*rows: tuple[int, int, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [(f"C{i:04d}", start, end, chain) for i, (start, end, chain) in enumerate(rows, 1)],
        columns=["claim_id", "span_start", "span_end", "attribution"],
    )


def test_runs_cover_every_character_once_and_deeper_voices_win() -> None:
    table = claims((0, 18, KCNA), (0, 3, OWN), (31, 42, OWN))
    result = runs(TEXT, table)
    assert result == [Run(0, 18, KCNA), Run(18, 31, None), Run(31, 42, OWN), Run(42, 43, None)]
    assert sum(r.end - r.start for r in result) == len(TEXT)


def test_shares_count_claims_and_resolved_characters() -> None:
    table = shares(TEXT, claims((0, 18, KCNA), (0, 3, OWN), (31, 42, OWN)))
    assert table.loc[OWN, "claims"] == 2
    assert table.loc[KCNA, "characters"] == 18
    assert table.loc[OWN, "characters"] == 11  # the 3 shared characters are KCNA's
    assert table["claim_share"].sum() == 1.0
    assert list(table.index) == [OWN, KCNA]


def test_labels_read_the_chain() -> None:
    names = {
        "OUT": "The Outlet",
        "KCNA": "KCNA",
        "Y": "Yonhap",
        "B": "the broadcaster",
        "US": "U.S. officials",
        "KR": "South Korean officials",
    }
    assert label("OUT", names) == "The Outlet (own voice)"
    assert label("OUT > Y > B", names) == "Yonhap citing the broadcaster"
    assert label("OUT > US + KR", names) == "U.S. officials and South Korean officials"


def test_html_escapes_text_and_colours_spans() -> None:
    text = "A <b> & B"
    html = to_html(text, [Run(0, 5, OWN), Run(5, 9, None)], {OWN: "#999999"}, {OWN: "us"})
    assert '<span style="background:#99999966" title="us">A &lt;b&gt;</span> &amp; B' in html
    assert "<p>" in html
