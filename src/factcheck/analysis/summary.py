"""A terminal summary of a dataset: what was checked, who said it, and what does not hold."""

from __future__ import annotations

import textwrap

import pandas as pd

from factcheck.dataset import Dataset
from factcheck.model.vocabularies import BearsOn, Verdict
from factcheck.storage.records import records

_WIDTH = 100


def render(data: Dataset) -> str:
    """Counts by verdict, claim type and source, then every claim that is not supported."""
    claims = data.claims
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
        _not_supported(data),
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


def _not_supported(data: Dataset) -> str:
    claims = data.claims
    checked = claims["verdict"].notna()
    flagged = claims[checked & ~claims["verdict"].isin([Verdict.SUPPORTED, Verdict.NOT_CHECKABLE])]
    lines = [f"Claims that are not supported ({len(flagged)})", "-" * 40]
    who = content_publishers(data.evidence).groupby("claim_id", observed=True)["who"]
    for claim in records(flagged):
        found = who.get_group(claim["claim_id"]).tolist() if claim["claim_id"] in who.groups else []
        publishers = ", ".join(sorted(map(str, found))) or "none"
        lines.append(f"{claim['claim_id']}  {claim['verdict']}")
        lines += _indented(f"claim: {claim['claim']}")
        lines += _indented(f"why: {claim['verdict_rationale']}")
        lines += _indented(f"content evidence from: {publishers}")
    return "\n".join(lines)


def content_publishers(evidence: pd.DataFrame) -> pd.DataFrame:
    """Each claim id with the independent publishers of its content evidence (`claim_id`,
    `who`), once each: an item's originator (the wire service whose story it carries), else
    its publisher, as the rule `claims.verdict.two_independent_publishers` counts them."""
    content = evidence[evidence["bears_on"] == BearsOn.CONTENT.value]
    who = content["originator"].fillna(content["publisher"])
    found = pd.DataFrame({"claim_id": content["claim_id"], "who": who})
    return found.dropna().drop_duplicates()


def _indented(text: str) -> list[str]:
    return textwrap.wrap(text, width=_WIDTH, initial_indent="    ", subsequent_indent="      ")
