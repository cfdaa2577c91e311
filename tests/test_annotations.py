"""The W3C Web Annotation export: one annotation per claim, whose selectors, applied to the
stored text as an annotation client applies them, select exactly the claim's quote."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import factcheck
from conftest import ARTICLE_FILE, REPO, set_cell
from factcheck.cli import main
from factcheck.exports.annotations import (
    ANNOTATION_CONTEXT,
    AnnotationsFormat,
    annotation_collection,
)
from factcheck.exports.base import ExportError, Source


@pytest.fixture(scope="module")
def items(data: factcheck.Dataset) -> list[dict[str, Any]]:
    document = annotation_collection(data)
    assert document["@context"] == ANNOTATION_CONTEXT
    assert document["type"] == "AnnotationCollection"
    assert document["id"].startswith("urn:uuid:")
    assert document["first"]["partOf"] == document["id"]
    assert document["first"]["id"] not in (document["id"], None)
    assert document["total"] == len(document["first"]["items"])
    return list(document["first"]["items"])


def by_quote(text: str, selector: dict[str, Any]) -> list[int]:
    """Where a TextQuoteSelector anchors in `text`: every start of its exact text whose
    surroundings end with its prefix and begin with its suffix."""
    exact, prefix, suffix = selector["exact"], selector["prefix"], selector["suffix"]
    found, at = [], text.find(exact)
    while at >= 0:
        if text[:at].endswith(prefix) and text[at + len(exact) :].startswith(suffix):
            found.append(at)
        at = text.find(exact, at + 1)
    return found


def test_one_annotation_per_claim_each_with_its_own_id(
    data: factcheck.Dataset, items: list[dict[str, Any]]
) -> None:
    assert len(items) == len(data.claims) == 57
    assert len({item["id"] for item in items}) == len(items)
    assert all(item["id"].startswith("urn:uuid:") for item in items)
    assert annotation_collection(data)["first"]["items"] == items  # the same ids every time


def test_every_selector_selects_exactly_its_claims_quote(
    data: factcheck.Dataset, items: list[dict[str, Any]]
) -> None:
    text = data.texts[data.articles["article_id"].iat[0]]
    for claim, item in zip(data.claims.itertuples(), items, strict=True):
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector"
        assert position["type"] == "TextPositionSelector"
        assert text[position["start"] : position["end"]] == claim.quote
        assert by_quote(text, quote) == [position["start"]], claim.claim_id
        assert quote["exact"] == claim.quote


def test_the_target_is_the_published_address_and_the_bodies_say_what_and_who(
    data: factcheck.Dataset, items: list[dict[str, Any]]
) -> None:
    first = items[0]
    assert first["target"]["source"] == data.articles["url"].iat[0]
    claim = data.claims.iloc[0]
    assert [body["purpose"] for body in first["body"]] == ["describing", "assessing", "commenting"]
    assert first["body"][0]["value"] == claim["claim"]
    assert first["body"][1]["value"] == f"Supported. {claim['verdict_rationale']}"
    assert first["body"][2]["value"] == "Said by: currentindia.com (own voice)"
    assert first["motivation"] == "assessing"
    assert first["modified"] == f"{claim['reviewed_on'].date().isoformat()}T00:00:00Z"
    chained = items[data.claims.index[data.claims["claim_id"] == "C0015"][0]]
    assert chained["body"][2]["value"] == (
        "Said by: Yonhap News Agency citing North Korea's official broadcasting service "
        "(cues: reported > citing)"
    )


def test_an_article_without_an_address_is_named_by_its_texts_hash(dataset: Path) -> None:
    set_cell(dataset, "articles.csv", 2, "url", "")
    items = annotation_collection(factcheck.load_dataset(dataset))["first"]["items"]
    digest = hashlib.sha256((dataset / ARTICLE_FILE).read_bytes()).digest()
    name = base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")
    assert {item["target"]["source"] for item in items} == {f"ni:///sha-256;{name}"}


def test_an_id_template_names_each_annotation_and_must_hold_the_claim_id() -> None:
    source = Source(REPO)
    rendered = AnnotationsFormat().render(source, id_template="https://example.org/a/{claim_id}")
    assert isinstance(rendered, bytes)
    first = json.loads(rendered)["first"]["items"][0]
    assert first["id"] == "https://example.org/a/C0001"
    with pytest.raises(ExportError, match=r"must hold \{claim_id\}"):
        AnnotationsFormat().render(source, id_template="https://example.org/a")
    with pytest.raises(ExportError, match=r"may name only \{claim_id\} and \{article_id\}"):
        AnnotationsFormat().render(source, id_template="https://example.org/{claim_id}/{claim}")


def test_the_command_writes_the_collection(tmp_path: Path) -> None:
    output = tmp_path / "claims.jsonld"
    assert main(["export", "annotations", "--dir", str(REPO), "-o", str(output)]) == 0
    assert json.loads(output.read_text(encoding="utf-8"))["total"] == 57
