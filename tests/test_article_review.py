"""The article-review export: one schema.org Review per assessed article, its rating on the
documented scale, its article the NewsArticle the ClaimReviews point at."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

import factcheck
from conftest import REPO, set_cell
from factcheck.cli import main
from factcheck.exports.article_review import BEST, WORST, article_reviews
from factcheck.exports.claimreview import claim_reviews
from factcheck.model.vocabularies import ArticleRating
from test_claimreview import SCHEMA, local_schema_org

REVIEWER = "factcheck test desk"
REVIEWER_URL = "https://factcheck.example.org/reviews"


@pytest.fixture(scope="module")
def document(data: factcheck.Dataset) -> dict[str, Any]:
    return article_reviews(data, REVIEWER, REVIEWER_URL)


def test_each_assessed_article_is_one_review_of_its_news_article(
    data: factcheck.Dataset, document: dict[str, Any]
) -> None:
    (review,) = document["@graph"]
    row = data.articles.iloc[0]
    assert review["@type"] == "Review"
    assert review["identifier"] == row["article_id"]
    assert review["url"] == f"{REVIEWER_URL}/articles/{row['article_id']}.html"
    assert review["reviewBody"] == row["assessment"]
    assert review["creditText"] == row["reviewed_by"]
    assert review["datePublished"] == row["reviewed_on"].date().isoformat()
    assert "dateModified" not in review  # never updated
    assert review["author"] == {"@type": "Organization", "name": REVIEWER, "url": REVIEWER_URL}
    # the same article the claims' reviews name as where each claim appeared
    claims = claim_reviews(data, REVIEWER, REVIEWER_URL)["@graph"]
    assert review["itemReviewed"] == claims[0]["itemReviewed"]["appearance"]
    assert review["itemReviewed"]["@type"] == "NewsArticle"


def test_the_rating_is_climate_feedbacks_scale_with_its_words(
    data: factcheck.Dataset, document: dict[str, Any]
) -> None:
    rating = document["@graph"][0]["reviewRating"]
    level = ArticleRating.of(str(data.articles["rating"].iat[0]))
    assert (rating["worstRating"], rating["bestRating"]) == (WORST, BEST) == (-2, 2)
    assert rating["ratingValue"] == level.score
    assert rating["alternateName"] == f"{level.words} credibility"
    assert rating["ratingExplanation"] == level.definition
    assert [r.score for r in ArticleRating] == [2, 1, 0, -1, -2]


def test_it_is_json_ld_that_expands_to_a_schema_org_review(document: dict[str, Any]) -> None:
    expanded = jsonld.expand(document, {"documentLoader": local_schema_org})
    assert expanded[0]["@type"] == [SCHEMA + "Review"]
    item = expanded[0][SCHEMA + "itemReviewed"][0]
    assert item["@type"] == [SCHEMA + "NewsArticle"]


def test_an_article_not_assessed_is_left_out_and_an_update_is_dated(dataset: Path) -> None:
    data = factcheck.load_dataset(dataset)
    assert len(article_reviews(data, REVIEWER, REVIEWER_URL)["@graph"]) == 1
    set_cell(dataset, "articles.csv", 2, "updated_on", "2026-12-07")
    (review,) = article_reviews(factcheck.load_dataset(dataset), REVIEWER, REVIEWER_URL)["@graph"]
    assert review["dateModified"] == "2026-12-07"
    for column in (
        "rating",
        "assessment",
        "key_findings",
        "reviewed_by",
        "reviewed_on",
        "updated_on",
    ):
        set_cell(dataset, "articles.csv", 2, column, "")
    assert article_reviews(factcheck.load_dataset(dataset), REVIEWER, REVIEWER_URL)["@graph"] == []


def test_the_command_writes_it_and_refuses_a_template_naming_no_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reviews.jsonld"
    base = ["export", "article-reviews", "--dir", str(REPO), "--reviewer-name", REVIEWER]
    assert main([*base, "--reviewer-url", REVIEWER_URL, "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["@graph"][0]["@type"] == "Review"
    bad = [*base, "--reviewer-url", REVIEWER_URL, "--review-url", "{reviewer_url}/x"]
    assert main([*bad, "-o", str(tmp_path / "no.jsonld")]) != 0
    assert "--review-url must hold {article_id}, so that each article's is its own" in (
        capsys.readouterr().err
    )
