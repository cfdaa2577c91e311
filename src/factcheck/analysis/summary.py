"""A terminal summary of a dataset: what was checked, who said it, and what does not hold."""

from __future__ import annotations

import textwrap

import pandas as pd

from factcheck.dataset import Dataset
from factcheck.model.vocabularies import Verdict
from factcheck.storage.records import records

_WIDTH = 100


def render(data: Dataset) -> str:
    """Counts by verdict, claim type and source, then every claim that is not supported."""
    claims = data.claims
    publishers = data.independent_publishers()  # one count for both sections that show it
    parts = [
        f"{len(data.articles)} article(s), {len(claims)} claims, {len(data.sources)} sources, "
        f"{len(data.evidence)} evidence items",
        _section("Claims by claim type and verdict", _crosstab(claims["claim_type"], claims)),
        _section("Claims by source named in the attribution", _by_source(data)),
        _section(
            "Attribution checks",
            _verdicts(claims["attribution_check"])
            .value_counts(sort=False)
            .to_frame("claims")
            .to_string(),
        ),
        _section(
            "Independent publishers of each checked claim (a story many sites carry counts once)",
            _independence(data, publishers),
        ),
        _not_supported(data, publishers),
    ]
    return "\n\n".join(parts) + "\n"


def _section(title: str, body: str) -> str:
    return f"{title}\n{'-' * len(title)}\n{body}"


AWAITING = "awaiting check"


def _verdicts(verdict: pd.Series) -> pd.Series:
    """The verdicts, with claims still awaiting their fact-check counted under their own name."""
    if verdict.notna().all():
        return verdict
    return verdict.cat.add_categories([AWAITING]).fillna(AWAITING)


def _crosstab(rows: pd.Series, claims: pd.DataFrame) -> str:
    verdicts = _verdicts(claims["verdict"])
    table = pd.crosstab(rows, verdicts, margins=True, margins_name="total", dropna=False)
    return table.to_string()


def _by_source(data: Dataset) -> str:
    links = data.attributions()[["claim_id", "source_id"]].drop_duplicates()
    joined = links.merge(data.claims[["claim_id", "verdict"]], on="claim_id")
    names = data.sources.set_index("source_id")["name"]
    joined["source"] = joined["source_id"].map(names)
    return pd.crosstab(
        joined["source"],
        _verdicts(joined["verdict"]),
        margins=True,
        margins_name="total",
        dropna=False,
    ).to_string()


def _not_supported(data: Dataset, publishers: pd.DataFrame) -> str:
    claims = data.claims
    checked = claims["verdict"].notna()
    flagged = claims[checked & ~claims["verdict"].isin([Verdict.SUPPORTED, Verdict.NOT_CHECKABLE])]
    lines = [f"Claims that are not supported ({len(flagged)})", "-" * 40]
    names = publishers.set_index("claim_id")["names"]
    for claim in records(flagged):
        lines.append(f"{claim['claim_id']}  {claim['verdict']}")
        lines += _indented(f"claim: {claim['claim']}")
        lines += _indented(f"why: {claim['verdict_rationale']}")
        words = publishers_in_words(names[claim["claim_id"]])
        lines += _indented(f"content evidence from: {words}")
    return "\n".join(lines)


def _independence(data: Dataset, publishers: pd.DataFrame) -> str:
    """How many claims rest on how many independent publishers, then each claim with a
    verdict on its facts with its own (`Dataset.independent_publishers`); a claim not
    checkable has no verdict to rest on."""
    verdict = data.claims["verdict"]
    rated = (verdict.notna() & (verdict != Verdict.NOT_CHECKABLE.value)).to_numpy()
    found = publishers[rated]
    checked = found.assign(verdict=verdict.astype("str").to_numpy()[rated])
    counts = checked["publishers"].value_counts().sort_index().rename_axis("publishers")
    lines = [counts.to_frame("claims").to_string(), ""]
    width = max((len(str(v)) for v in checked["verdict"]), default=0)
    for claim_id, rated_as, names in zip(
        checked["claim_id"], checked["verdict"], checked["names"], strict=True
    ):
        lines.append(f"{claim_id}  {rated_as:<{width}}  {publishers_in_words(names)}")
    return "\n".join(lines)


def publishers_in_words(names: tuple[str, ...]) -> str:
    """A claim's independent publishers as a reader reads them: "2 independent publishers:
    AFP, Yonhap" (`Dataset.independent_publishers`: of the evidence that takes a side)."""
    if not names:
        return "no evidence for or against it"
    counted = (
        "1 independent publisher" if len(names) == 1 else f"{len(names)} independent publishers"
    )
    return f"{counted}: {', '.join(names)}"


def _indented(text: str) -> list[str]:
    return textwrap.wrap(text, width=_WIDTH, initial_indent="    ", subsequent_indent="      ")
