"""The timeline of a dataset: when the events its claims describe took place, oldest first."""

from __future__ import annotations

import pandas as pd

from factcheck.model.vocabularies import DISPUTED_VERDICTS
from factcheck.model.when import parse_when


def events(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim with a `when`, oldest first: its period and whether it is disputed.

    A claim is disputed when the dataset finds it refuted or only partly supported.
    """
    dated = claims[claims["when"].notna()]
    periods = [parse_when(value) for value in dated["when"]]
    frame = pd.DataFrame(
        {
            "claim_id": dated["claim_id"].to_numpy(),
            "claim": dated["claim"].to_numpy(),
            "when": dated["when"].to_numpy(),
            "start": pd.to_datetime([p.start for p in periods]),
            "end": pd.to_datetime([p.end for p in periods]),
            "precision": [p.precision for p in periods],
            "verdict": dated["verdict"].astype(str).to_numpy(),
        }
    )
    frame["disputed"] = frame["verdict"].isin(DISPUTED_VERDICTS)
    return frame.sort_values(["start", "end", "claim_id"], ignore_index=True)
