"""The ClaimReview export: every checked claim, Google's required fields, valid JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pyld import jsonld

import factcheck
from conftest import REPO, await_check, set_cell
from factcheck.cli import main
from factcheck.exports.claimreview import BEST_RATING, RATINGS, WORST_RATING, claim_reviews
from factcheck.model.vocabularies import Verdict

PUBLISHER = "factcheck test desk"
PUBLISHER_URL = "https://factcheck.example.org/reviews"
SCHEMA = "https://schema.org/"


@pytest.fixture(scope="module")
def document(data: factcheck.Dataset) -> dict[str, Any]:
    return claim_reviews(data, PUBLISHER, PUBLISHER_URL)


def test_one_review_per_checked_claim(data: factcheck.Dataset, document: dict[str, Any]) -> None:
    checked = data.claims[data.claims["verdict"] != Verdict.NOT_CHECKABLE]["claim_id"].tolist()
    assert [review["identifier"] for review in document["@graph"]] == checked
    assert len(checked) == 46


def test_every_review_has_googles_required_and_recommended_fields(
    data: factcheck.Dataset, document: dict[str, Any]
) -> None:
    reviewed = dict(zip(data.claims["claim_id"], data.claims["reviewed_on"], strict=True))
    for review in document["@graph"]:
        assert review["@type"] == "ClaimReview"
        assert isinstance(review["claimReviewed"], str)
        assert review["claimReviewed"]
        # required: url, on the reviewing publisher's own domain
        assert urlsplit(review["url"]).hostname == urlsplit(PUBLISHER_URL).hostname
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"]  # required: the only value Google displays
        # recommended
        assert review["author"] == {
            "@type": "Organization",
            "name": PUBLISHER,
            "url": PUBLISHER_URL,
        }
        assert review["datePublished"] == str(reviewed[review["identifier"]])[:10]
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["datePublished"] == "2025-09-02"
        assert claim["appearance"]["url"] == "https://currentindia.com/?p=23639"
        authors = claim["author"] if isinstance(claim["author"], list) else [claim["author"]]
        assert all(
            author["name"] and author["@type"].endswith("Organization") for author in authors
        )


def test_ratings_follow_the_documented_table(
    data: factcheck.Dataset, document: dict[str, Any]
) -> None:
    verdicts = dict(zip(data.claims["claim_id"], data.claims["verdict"], strict=True))
    for review in document["@graph"]:
        rating = review["reviewRating"]
        expected = RATINGS[Verdict.of(verdicts[review["identifier"]])]
        assert rating["alternateName"] == expected.name
        assert rating["ratingExplanation"]
        if expected.value is None:  # not a degree of truth: words only (not_enough_evidence)
            assert not {"ratingValue", "worstRating", "bestRating"} & set(rating)
            continue
        assert rating["ratingValue"] == expected.value
        assert WORST_RATING <= rating["ratingValue"] <= BEST_RATING
        assert (rating["worstRating"], rating["bestRating"]) == (WORST_RATING, BEST_RATING)


def test_claim_authors_are_the_attributed_sources(document: dict[str, Any]) -> None:
    by_id = {
        review["identifier"]: review["itemReviewed"]["author"] for review in document["@graph"]
    }
    assert by_id["C0002"]["name"] == "currentindia.com"
    assert by_id["C0011"]["name"] == "Korean Central News Agency"
    assert [a["name"] for a in by_id["C0028"]] == ["U.S. officials", "South Korean officials"]
    assert by_id["C0028"][0]["@type"] == "GovernmentOrganization"
    assert by_id["C0042"]["name"] == "North Korean state media"


def test_not_enough_evidence_has_words_but_no_number(dataset: Path) -> None:
    set_cell(dataset, "claims.csv", 6, "verdict", "not_enough_evidence")
    data = factcheck.load_dataset(dataset)
    (review,) = [
        r for r in claim_reviews(data, "x", PUBLISHER_URL)["@graph"] if r["identifier"] == "C0005"
    ]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Not enough evidence",
        "ratingExplanation": data.claims.set_index("claim_id").loc["C0005", "verdict_rationale"],
    }


def test_every_scale_value_but_not_checkable_has_a_rating() -> None:
    assert set(RATINGS) == set(Verdict) - {Verdict.NOT_CHECKABLE}


def local_schema_org(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    # The network is not available in tests; this stands in for the schema.org context.
    assert url.rstrip("/") == "https://schema.org"
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


def test_the_export_is_json_ld_that_expands(document: dict[str, Any]) -> None:
    parsed = json.loads(json.dumps(document))
    expanded = jsonld.expand(parsed, {"documentLoader": local_schema_org})
    reviews = [node for node in expanded if SCHEMA + "ClaimReview" in node.get("@type", [])]
    assert len(reviews) == 46
    first = reviews[0]
    assert first[SCHEMA + "claimReviewed"][0]["@value"] == document["@graph"][0]["claimReviewed"]
    rating = first[SCHEMA + "reviewRating"][0]
    assert rating[SCHEMA + "alternateName"][0]["@value"] == "Supported"


def test_cli_writes_the_document(tmp_path: Path, data: factcheck.Dataset) -> None:
    target = tmp_path / "reviews.jsonld"
    code = main(
        [
            "export",
            "claimreview",
            "--dir",
            str(REPO),
            "-o",
            str(target),
            "--reviewer-name",
            PUBLISHER,
            "--reviewer-url",
            PUBLISHER_URL,
            "--review-url",
            "https://factcheck.example.org/claims/{claim_id}.html",
        ]
    )
    assert code == 0
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["@graph"][0]["url"] == "https://factcheck.example.org/claims/C0001.html"
    assert len(written["@graph"]) == 46


def test_cli_refuses_invalid_data_and_bad_options(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = ["--reviewer-name", PUBLISHER, "--reviewer-url", PUBLISHER_URL]
    set_cell(dataset, "claims.csv", 6, "verdict", "maybe")
    assert main(["export", "claimreview", "--dir", str(dataset), *options]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "claims.csv, row 6, column verdict: 'maybe'" in captured.err
    bad = ["--reviewer-name", PUBLISHER, "--reviewer-url", "factcheck.example.org"]
    assert main(["export", "claimreview", "--dir", str(REPO), *bad]) == 2
    assert "--reviewer-url must be an absolute http(s) address" in capsys.readouterr().err
    for template, said in (
        ("https://x.example.org/same", "--review-url must hold {claim_id}"),
        ("{publisher_url}#{claim_id}", "--review-url may name only {claim_id}, {article_id} and "
         "{reviewer_url}: KeyError('publisher_url')"),
    ):  # fmt: skip
        assert main(["export", "claimreview", "--dir", str(REPO), *options,
                     "--review-url", template]) == 2  # fmt: skip
        assert capsys.readouterr().err.startswith(f"factcheck: {said}")


def test_the_formats_page_documents_the_rating_table() -> None:
    page = (REPO / "docs" / "formats.md").read_text(encoding="utf-8")
    for verdict, rating in RATINGS.items():
        value = "—" if rating.value is None else str(rating.value)
        assert f"| `{verdict.value}` | {value} | {rating.name} |" in page


def test_a_claim_awaiting_its_fact_check_is_not_published(dataset: Path) -> None:
    await_check(dataset, 3)
    data = factcheck.load_dataset(dataset)
    graph = claim_reviews(data, "Desk", "https://example.org")["@graph"]
    ids = [review["identifier"] for review in graph]
    assert len(ids) == 45
    assert "C0002" not in ids
