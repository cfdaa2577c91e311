"""How fully the claims cover an article: every body sentence against the spans on it."""

from __future__ import annotations

import pandas as pd

from factcheck.model import segment


def sentence_coverage(text: str, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per body sentence: how many claims overlap it, which, what share of its
    characters lie inside at least one claim's span, and the words left outside every span.
    A sentence no span touches has 0 claims and all its text uncovered."""
    spans = list(zip(claims["span_start"].astype(int), claims["span_end"].astype(int), strict=True))
    ids = list(claims["claim_id"])
    records = []
    for number, sentence in enumerate(segment.sentences(text), start=1):
        inside = [False] * (sentence.end - sentence.start)
        touching = []
        for claim_id, (start, end) in zip(ids, spans, strict=True):
            if start < sentence.end and sentence.start < end:
                touching.append(claim_id)
                for i in range(max(start, sentence.start), min(end, sentence.end)):
                    inside[i - sentence.start] = True
        records.append(
            {
                "sentence": number,
                "line": sentence.line,
                "text": sentence.text,
                "claims": len(touching),
                "claim_ids": " ".join(touching),
                "covered_share": sum(inside) / len(inside),
                "uncovered": _outside(sentence.text, inside),
            }
        )
    return pd.DataFrame(records)


def _outside(text: str, inside: list[bool]) -> str:
    """The stretches of `text` not inside any span, trimmed, joined by ' … '."""
    pieces: list[str] = []
    current: list[str] = []
    for char, covered in zip(text, inside, strict=True):
        if covered:
            if current:
                pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    if current:
        pieces.append("".join(current))
    kept = [piece.strip(" ,.;:") for piece in pieces]
    return " … ".join(piece for piece in kept if piece)
