"""schema.org ClaimReview export: one review per checked claim, as JSON-LD.

Every claim with a verdict other than `not_checkable` becomes a `ClaimReview` whose
`itemReviewed` is a `Claim` authored by the source the article attributes it to (the last
level of its attribution chain; joint sources are all authors) and whose `appearance` is the
article. The reviewing organisation's name and address come from the caller, never from
here. `RATINGS` is the one table that maps the verdict scale onto ratings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from factcheck.exports.base import ExportError, Format, Option, Output, Source, check_template
from factcheck.model import notation
from factcheck.model.vocabularies import SourceKind, Verdict
from factcheck.storage.records import is_missing, records

if TYPE_CHECKING:
    from factcheck.dataset import Dataset

BEST_RATING = 5
WORST_RATING = 1


@dataclass(frozen=True)
class Rating:
    """How a verdict appears in a ClaimReview: a number on the 1-5 scale, and its words."""

    value: int | None
    name: str


# A verdict that is not a degree of truth has no number: Google requires only the words.
RATINGS: dict[Verdict, Rating] = {
    Verdict.SUPPORTED: Rating(5, Verdict.SUPPORTED.words),
    Verdict.PARTLY_SUPPORTED: Rating(3, Verdict.PARTLY_SUPPORTED.words),
    Verdict.REFUTED: Rating(1, Verdict.REFUTED.words),
    Verdict.NOT_ENOUGH_EVIDENCE: Rating(None, Verdict.NOT_ENOUGH_EVIDENCE.words),
}

# The schema.org type for each kind of source when it appears as a claim's author.
AUTHOR_TYPES: dict[SourceKind, str] = {
    SourceKind.PUBLISHER: "NewsMediaOrganization",
    SourceKind.NEWS_AGENCY: "NewsMediaOrganization",
    SourceKind.STATE_NEWS_AGENCY: "NewsMediaOrganization",
    SourceKind.STATE_BROADCASTER: "NewsMediaOrganization",
    SourceKind.STATE_MEDIA: "Organization",
    SourceKind.GOVERNMENT_OFFICIALS: "GovernmentOrganization",
}

DEFAULT_REVIEW_URL = "{reviewer_url}#{claim_id}"


def claim_reviews(
    data: Dataset,
    reviewer_name: str,
    reviewer_url: str,
    review_url: str = DEFAULT_REVIEW_URL,
) -> dict[str, Any]:
    """A JSON-LD document with one ClaimReview per checked claim, in claim order.

    `review_url` is a template for each review's page, with `{claim_id}`, `{article_id}`
    and `{reviewer_url}` filled in.
    """
    reviewer = {"@type": "Organization", "name": reviewer_name, "url": reviewer_url}
    sources = data.sources.set_index("source_id")
    articles = data.articles.set_index("article_id")
    graph = [
        _review(
            claim,
            sources,
            articles,
            reviewer,
            review_url.format(
                claim_id=claim["claim_id"],
                article_id=claim["article_id"],
                reviewer_url=reviewer_url,
            ),
        )
        for claim in records(data.claims)
        if not is_missing(claim["verdict"])  # awaiting its fact-check: nothing to publish
        and claim["verdict"] != Verdict.NOT_CHECKABLE
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def _review(
    claim: Mapping[Any, Any],
    sources: pd.DataFrame,
    articles: pd.DataFrame,
    reviewer: dict[str, str],
    url: str,
) -> dict[str, Any]:
    authors = [_organization(sources, sid) for sid in notation.levels(claim["attribution"])[-1]]
    return {
        "@type": "ClaimReview",
        "identifier": claim["claim_id"],
        "url": url,
        "claimReviewed": claim["claim"],
        "datePublished": claim["reviewed_on"].date().isoformat(),
        "author": reviewer,
        "reviewRating": _rating(Verdict.of(claim["verdict"]), claim["verdict_rationale"]),
        "itemReviewed": {
            "@type": "Claim",
            "author": authors[0] if len(authors) == 1 else authors,
            "datePublished": articles.loc[claim["article_id"], "published_on"].date().isoformat(),
            "appearance": appearance(articles, sources, claim["article_id"]),
        },
    }


def _rating(verdict: Verdict, rationale: str) -> dict[str, Any]:
    rating = RATINGS[verdict]
    numbers = (
        {}
        if rating.value is None
        else {"ratingValue": rating.value, "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    )
    return {
        "@type": "Rating",
        **numbers,
        "alternateName": rating.name,
        "ratingExplanation": rationale,
    }


def _organization(sources: pd.DataFrame, source_id: str) -> dict[str, Any]:
    source = sources.loc[source_id]
    organization = {
        "@type": AUTHOR_TYPES[SourceKind.of(str(source["kind"]))],
        "name": source["name"],
        "description": source["description"],
    }
    if not pd.isna(source["country"]):
        organization["address"] = {"@type": "PostalAddress", "addressCountry": source["country"]}
    return organization


def appearance(articles: pd.DataFrame, sources: pd.DataFrame, article_id: str) -> dict[str, Any]:
    article = articles.loc[article_id]
    appearance = {
        "@type": "NewsArticle",
        "name": article["title"],
        "datePublished": article["published_on"].date().isoformat(),
        "inLanguage": article["language"],
        "publisher": _organization(sources, str(article["publisher_source_id"])),
    }
    if not pd.isna(article["url"]):
        appearance["url"] = article["url"]
    return appearance


def review_options(fields: str, default: str) -> tuple[Option, ...]:
    """The options of an export of reviews: who reviews, and each review's page, a template
    naming `fields`, by `default` as given."""
    return (
        Option(
            "reviewer_name",
            "the reviewing organisation, the author of every review",
            "NAME",
            required=True,
        ),
        Option("reviewer_url", "the reviewing organisation's address", "URL", required=True),
        Option(
            "review_url",
            f"each review's page, with {fields} filled in (default: %(default)s)",
            "TEMPLATE",
            default=default,
        ),
    )


def check_reviewer_url(url: str) -> None:
    """Refuse a reviewer's address that is not an absolute http(s) one."""
    if not re.match(r"^https?://[^\s/]+", url):
        raise ExportError("--reviewer-url must be an absolute http(s) address")


class ClaimReviewFormat(Format):
    name = "claimreview"
    help = "schema.org ClaimReview JSON-LD, one review per checked claim"
    description = (
        "Write one schema.org ClaimReview per claim whose verdict is not not_checkable, as a "
        "JSON-LD document; claims awaiting their fact-check are left out."
    )
    suffix = ".jsonld"
    options = review_options("{claim_id}, {article_id} and {reviewer_url}", DEFAULT_REVIEW_URL)

    def render(self, source: Source, **options: str) -> Output:
        check_reviewer_url(options["reviewer_url"])
        check_template(
            "--review-url", options["review_url"], "claim_id", "article_id", "reviewer_url"
        )
        document = claim_reviews(
            source.dataset,
            options["reviewer_name"],
            options["reviewer_url"],
            options["review_url"],
        )
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
