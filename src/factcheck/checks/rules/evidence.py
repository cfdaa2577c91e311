"""Verdicts and evidence: each verdict rests on the evidence it needs."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from factcheck.checks.context import Context
from factcheck.checks.keys import is_in
from factcheck.checks.rules.base import RULES, Check, DatasetRule, dataset_rule
from factcheck.model.cells import ISO_DATE
from factcheck.model.vocabularies import (
    DISPUTED_VERDICTS,
    AttributionCheck,
    BearsOn,
    Stance,
    Verdict,
)
from factcheck.problems import Problem


def independent_publisher(evidence: pd.DataFrame) -> pd.Series:
    """Who each evidence item really comes from: its originator (the wire service whose story
    it carries), else its publisher. A wire story counts once however many outlets carry it."""
    return evidence["originator"].fillna(evidence["publisher"])


def content_publishers(evidence: pd.DataFrame) -> pd.DataFrame:
    """Each claim id with the independent publishers of its content evidence (`claim_id`,
    `who`), once each."""
    content = evidence[evidence["bears_on"] == BearsOn.CONTENT.value]
    found = pd.DataFrame({"claim_id": content["claim_id"], "who": independent_publisher(content)})
    return found.dropna().drop_duplicates()


EVIDENCE_KINDS = (
    (BearsOn.CONTENT, Stance.SUPPORTS),
    (BearsOn.CONTENT, Stance.REFUTES),
    (BearsOn.ATTRIBUTION, Stance.SUPPORTS),
    (BearsOn.ATTRIBUTION, Stance.REFUTES),
)


def claims_with(ctx: Context, bears_on: BearsOn, stance: Stance) -> pd.Series:
    """The claim ids that have at least one evidence item of this kind (one of
    `EVIDENCE_KINDS`)."""

    def compute() -> pd.Series:
        evidence = ctx.tables["evidence"]
        chosen = (evidence["bears_on"] == bears_on.value) & (evidence["stance"] == stance.value)
        return evidence.loc[chosen, "claim_id"].dropna().drop_duplicates()

    found: pd.Series = ctx.cached(f"evidence:with:{bears_on.value}:{stance.value}", compute)
    return found


def claims_have(ctx: Context, bears_on: BearsOn, stance: Stance) -> pd.Series:
    """For each claim row, whether an evidence item of this kind names its id; a check in
    blocks builds it from the evidence blocks' `claims_with`, combined by claim."""

    def compute() -> pd.Series:
        claims = ctx.tables["claims"]
        return is_in(claims["claim_id"], claims_with(ctx, bears_on, stance))

    has: pd.Series = ctx.cached(f"evidence:has:{bears_on.value}:{stance.value}", compute)
    return has


def _evidence_claims(ctx: Context, name: str) -> pd.Series:
    """For each evidence row, a column of the claim it names (NaN if none)."""
    return ctx.referenced("claims", name, ctx.column("evidence", "claim_id"))


def _date(values: pd.Series) -> pd.Series:
    """ISO dates as text (comparable as text), NaN where missing or malformed."""
    text = values.astype("str")  # a lookup that found nothing comes back as floats
    return text.where(text.str.match(ISO_DATE).fillna(False).astype(bool))


@dataset_rule("evidence.published_on.not_after_review", needs=("evidence", "claims"))
def _published_before_review(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    published = _date(ctx.column("evidence", "published_on"))
    reviewed = _date(_evidence_claims(ctx, "reviewed_on"))
    late = (published > reviewed).fillna(False).astype(bool)
    for index in late[late].index:
        yield self.problem(index, published[index], reviewed=reviewed[index])


@dataset_rule("evidence.bears_on.attributed_claim", needs=("evidence", "claims"))
def _attribution_evidence_needs_attribution(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    evidence = ctx.tables["evidence"]
    check = _evidence_claims(ctx, "attribution_check")
    wrong = (evidence["bears_on"] == BearsOn.ATTRIBUTION.value) & (
        check == AttributionCheck.NOT_APPLICABLE.value
    )
    yield from self.at(evidence, wrong.fillna(False).astype(bool))


@dataset_rule("evidence.stance.checkable_claim", needs=("evidence", "claims"))
def _uncheckable_claims_take_context_only(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    evidence = ctx.tables["evidence"]
    verdict = _evidence_claims(ctx, "verdict")
    wrong = (
        (verdict == Verdict.NOT_CHECKABLE.value)
        & (evidence["bears_on"] == BearsOn.CONTENT.value)
        & evidence["stance"].isin([Stance.SUPPORTS.value, Stance.REFUTES.value])
    )
    yield from self.at(evidence, wrong.fillna(False).astype(bool))


def _verdict_needs(column: str, value: str, bears_on: BearsOn, stance: Stance) -> Check:
    def check(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
        claims = ctx.tables["claims"]
        lacking = (claims[column] == value) & ~claims_have(ctx, bears_on, stance)
        yield from self.at(claims, lacking.fillna(False).astype(bool))

    return check


RULES += [
    DatasetRule(
        "claims.verdict.supported_needs_support",
        ("claims", "evidence"),
        _verdict_needs("verdict", Verdict.SUPPORTED.value, BearsOn.CONTENT, Stance.SUPPORTS),
    ),
    DatasetRule(
        "claims.verdict.refuted_needs_refutation",
        ("claims", "evidence"),
        _verdict_needs("verdict", Verdict.REFUTED.value, BearsOn.CONTENT, Stance.REFUTES),
    ),
    DatasetRule(
        "claims.attribution_check.confirmed_needs_support",
        ("claims", "evidence"),
        _verdict_needs(
            "attribution_check",
            AttributionCheck.CONFIRMED.value,
            BearsOn.ATTRIBUTION,
            Stance.SUPPORTS,
        ),
    ),
    DatasetRule(
        "claims.attribution_check.contradicted_needs_refutation",
        ("claims", "evidence"),
        _verdict_needs(
            "attribution_check",
            AttributionCheck.CONTRADICTED.value,
            BearsOn.ATTRIBUTION,
            Stance.REFUTES,
        ),
    ),
]


@dataset_rule("claims.verdict.two_independent_publishers", needs=("claims", "evidence"))
def _two_independent_publishers(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    claims = ctx.tables["claims"]
    strict = claims["verdict"].isin(DISPUTED_VERDICTS)
    if not strict.any():
        return
    found = publishers_of_content(ctx)
    counts = found.groupby("claim_id").size()
    ids = claims.loc[strict, "claim_id"]
    short = ids.map(counts).fillna(0) < 2
    for index in short[short].index:
        names = sorted(found.loc[found["claim_id"] == ids[index], "who"])
        yield self.problem(index, claims.at[index, "verdict"], names=", ".join(names) or "none")


def publishers_of_content(ctx: Context) -> pd.DataFrame:
    """`content_publishers` of the context's evidence, computed once; a check in blocks
    combines those of the evidence blocks."""
    found: pd.DataFrame = ctx.cached(
        "evidence:publishers", lambda: content_publishers(ctx.tables["evidence"])
    )
    return found


@dataset_rule("claims.reviewed_on.not_before_article", needs=("claims", "articles"))
def _reviewed_after_publication(self: DatasetRule, ctx: Context) -> Iterator[Problem]:
    published = _date(
        ctx.referenced("articles", "published_on", ctx.column("claims", "article_id"))
    )
    reviewed = _date(ctx.column("claims", "reviewed_on"))
    early = (reviewed < published).fillna(False).astype(bool)
    for index in early[early].index:
        yield self.problem(index, reviewed[index], published=published[index])
