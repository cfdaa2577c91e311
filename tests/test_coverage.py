"""Sentence coverage: claims per body sentence, covered share, and what is left out."""

from __future__ import annotations

import pandas as pd

from factcheck.analysis.coverage import sentence_coverage

TEXT = "Heading\nKim left on Monday, KCNA said. It was rare. Nobody claims this."


def test_every_body_sentence_is_measured_and_gaps_show() -> None:
    claims = pd.DataFrame(
        {"claim_id": ["C0001", "C0002"], "span_start": [8, 38], "span_end": [26, 51]}
    )
    table = sentence_coverage(TEXT, claims)
    assert table["text"].tolist() == [
        "Kim left on Monday, KCNA said.",
        "It was rare.",
        "Nobody claims this.",
    ]
    assert table["claims"].tolist() == [1, 1, 0]
    assert table["claim_ids"].tolist() == ["C0001", "C0002", ""]
    assert table["covered_share"].round(3).tolist() == [0.6, 1.0, 0.0]
    assert table["uncovered"].tolist() == ["KCNA said", "", "Nobody claims this"]
    assert table["line"].tolist() == [2, 2, 2]
