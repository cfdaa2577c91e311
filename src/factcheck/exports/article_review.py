"""schema.org Review export: one review of each assessed article, as JSON-LD.

ClaimReview is for claims; an article's overall assessment is a `Review` whose
`itemReviewed` is the `NewsArticle`, as Climate Feedback marks up its article reviews. Its
`reviewRating` carries the rating on Climate Feedback's scale, -2 (very low credibility) to
+2 (very high), with the level's words and definition; `reviewBody` is the editor's summary.
Who wrote it (`reviewed_by`, a person or a team) is credited in words (`creditText`), not
typed as one or the other; the reviewing organisation is the author, as in ClaimReview.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from factcheck.exports.base import Format, Output, Source, check_template
from factcheck.exports.claimreview import appearance, check_reviewer_url, review_options
from factcheck.model.vocabularies import ArticleRating
from factcheck.storage.records import is_missing, records

if TYPE_CHECKING:
    from factcheck.dataset import Dataset

BEST = ArticleRating.VERY_HIGH.score
WORST = ArticleRating.VERY_LOW.score
DEFAULT_REVIEW_URL = "{reviewer_url}/articles/{article_id}.html"


def article_reviews(
    data: Dataset, reviewer_name: str, reviewer_url: str, review_url: str = DEFAULT_REVIEW_URL
) -> dict[str, Any]:
    """A JSON-LD document with one Review per article with an assessment, in table order;
    `review_url` is each review's page, with `{article_id}` and `{reviewer_url}` filled in."""
    reviewer = {"@type": "Organization", "name": reviewer_name, "url": reviewer_url}
    articles = data.articles.set_index("article_id")
    sources = data.sources.set_index("source_id")
    graph = [
        article_review(
            row,
            appearance(articles, sources, row["article_id"]),
            reviewer,
            # a final '/' of the organisation's address would double the page's
            review_url.format(article_id=row["article_id"], reviewer_url=reviewer_url.rstrip("/")),
        )
        for row in records(data.articles)
        if not is_missing(row["rating"])  # not assessed yet: nothing to publish
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def article_review(
    row: dict[str, Any], item: dict[str, Any], reviewer: dict[str, str], url: str
) -> dict[str, Any]:
    """One article's Review, from its row of articles.csv and the article as `item`."""
    rating = ArticleRating.of(str(row["rating"]))
    review = {
        "@type": "Review",
        "identifier": row["article_id"],
        "url": url,
        "name": f"Review of “{row['title']}”",
        "author": reviewer,
        "creditText": row["reviewed_by"],
        "datePublished": row["reviewed_on"].date().isoformat(),
        "reviewBody": row["assessment"],
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.score,
            "worstRating": WORST,
            "bestRating": BEST,
            "alternateName": f"{rating.words} credibility",
            "ratingExplanation": rating.definition,
        },
        "itemReviewed": item,
    }
    if not is_missing(row["updated_on"]):
        review["dateModified"] = row["updated_on"].date().isoformat()
    return review


class ArticleReviewFormat(Format):
    name = "article-reviews"
    help = "schema.org Review JSON-LD, one review per assessed article"
    description = (
        "Write one schema.org Review of each article with an assessment (rating, summary, "
        "reviewer and dates in articles.csv), its itemReviewed the NewsArticle, as a JSON-LD "
        "document; articles not yet assessed are left out."
    )
    suffix = ".jsonld"
    options = review_options("{article_id} and {reviewer_url}", DEFAULT_REVIEW_URL)

    def render(self, source: Source, **options: str) -> Output:
        check_reviewer_url(options["reviewer_url"])
        check_template("--review-url", options["review_url"], "article_id", "reviewer_url")
        document = article_reviews(
            source.dataset, options["reviewer_name"], options["reviewer_url"], options["review_url"]
        )
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
