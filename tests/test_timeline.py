"""The timeline of dated claims: oldest first, disputed ones marked."""

from __future__ import annotations

import pandas as pd

from factcheck.analysis.timeline import events


def test_events_are_ordered_and_marked_disputed() -> None:
    claims = pd.DataFrame(
        {
            "claim_id": ["C0001", "C0002", "C0003", "C0004"],
            "claim": ["a", "b", "c", "d"],
            "when": ["2025-09-02", None, "2019-06", "2018-03/2019-01"],
            "verdict": ["supported", "supported", "refuted", "partly_supported"],
        }
    )
    table = events(claims)
    assert table["claim_id"].tolist() == ["C0004", "C0003", "C0001"]
    assert table["disputed"].tolist() == [True, True, False]
    assert table["start"].tolist() == [
        pd.Timestamp("2018-03-01"),
        pd.Timestamp("2019-06-01"),
        pd.Timestamp("2025-09-02"),
    ]
    assert table["end"].iloc[0] == pd.Timestamp("2019-01-31")
