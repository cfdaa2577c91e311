"""How a draft compares with an article's curated claims.

Spans overlap when they share at least one character. Each curated claim is paired with the
drafted row whose span shares the most characters with it (the first such row on a tie);
attribution and claim type agree when the paired cells are equal. Reported:

- recall: the share of curated claims that some drafted span overlaps;
- precision: the share of drafted spans that overlap some curated claim;
- attribution agreement and claim type agreement over the paired claims;
- how many drafted spans equal a curated span exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


def share(part: int, whole: int) -> float:
    """`part` as a share of `whole`, 0 when there is no whole: the one ratio both the
    evaluation on an article and the PolNeAR benchmark report."""
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Score:
    curated: int
    drafted: int
    curated_overlapped: int
    drafted_overlapping: int
    attribution_agrees: int
    type_agrees: int
    exact: int

    @property
    def recall(self) -> float:
        return share(self.curated_overlapped, self.curated)

    @property
    def precision(self) -> float:
        return share(self.drafted_overlapping, self.drafted)

    @property
    def attribution_agreement(self) -> float:
        return share(self.attribution_agrees, self.curated_overlapped)

    @property
    def type_agreement(self) -> float:
        return share(self.type_agrees, self.curated_overlapped)

    def render(self, article_id: str) -> str:
        def line(label: str, part: int, whole: int) -> str:
            return f"{label:<48} {part:>4} / {whole:<4} {share(part, whole):>7.1%}"

        paired = self.curated_overlapped
        lines = [
            f"article {article_id}: {self.curated} curated claims, {self.drafted} drafted rows",
            line("curated claims overlapped by a drafted span", paired, self.curated),
            line(
                "drafted spans overlapping a curated claim", self.drafted_overlapping, self.drafted
            ),
            line("attribution agrees (overlapping pairs)", self.attribution_agrees, paired),
            line("claim type agrees (overlapping pairs)", self.type_agrees, paired),
            line("drafted spans equal to a curated span", self.exact, self.drafted),
        ]
        return "\n".join(lines) + "\n"


def compare(curated: pd.DataFrame, drafted: pd.DataFrame) -> Score:
    """Score `drafted` rows against `curated` claims of the same article; both need
    span_start, span_end (whole numbers), attribution and claim_type."""
    c_start, c_end = _bounds(curated)
    d_start, d_end = _bounds(drafted)
    # characters shared by each curated (rows) and drafted (columns) span
    shared = np.clip(
        np.minimum.outer(c_end, d_end) - np.maximum.outer(c_start, d_start), 0, None
    ).reshape(len(curated), len(drafted))
    overlapped = shared.max(axis=1, initial=0) > 0
    best = shared.argmax(axis=1) if len(drafted) else np.zeros(len(curated), dtype=int)
    pairs = [(i, int(best[i])) for i in np.flatnonzero(overlapped)]

    def agree(column: str) -> int:
        left, right = curated[column].tolist(), drafted[column].tolist()
        return sum(left[i] == right[j] for i, j in pairs)

    curated_spans = set(zip(c_start.tolist(), c_end.tolist(), strict=True))
    exact = sum(
        (a, b) in curated_spans for a, b in zip(d_start.tolist(), d_end.tolist(), strict=True)
    )
    return Score(
        curated=len(curated),
        drafted=len(drafted),
        curated_overlapped=int(overlapped.sum()),
        drafted_overlapping=int((shared.max(axis=0, initial=0) > 0).sum()),
        attribution_agrees=agree("attribution"),
        type_agrees=agree("claim_type"),
        exact=exact,
    )


def _bounds(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    return (
        frame["span_start"].astype(int).to_numpy(),
        frame["span_end"].astype(int).to_numpy(),
    )
