"""W3C Web Annotations: each claim anchored on its article, for annotation clients.

One annotation per claim (the Web Annotation Data Model, as JSON-LD), in an
`AnnotationCollection`. Its target is the article's published address (or, for an article
with none, its stored text named by its SHA-256, RFC 6920) with two selectors that anchor the
claim's span: a `TextQuoteSelector` (the quote, with up to `CONTEXT` characters of text
before and after it, so a client can find it again on a page whose markup shifts offsets) and
a `TextPositionSelector` (the span's offsets, counted in code points of the stored text, as
`span_start` and `span_end` are). Its bodies carry the claim as a stand-alone sentence, its
verdict with the rationale (purpose `assessing`), and its attribution chain.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from factcheck.exports.base import Format, Option, Output, Source, check_template
from factcheck.model import notation
from factcheck.model.vocabularies import Verdict
from factcheck.storage.records import is_missing, records

if TYPE_CHECKING:
    from factcheck.dataset import Dataset

CONTEXT = 32  # characters of prefix and suffix, as annotation clients commonly keep
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Each annotation's id unless the user gives a template: a name-based UUID of the article's
# text and the claim, the same every time the same claim of the same text is exported.
_NAMESPACE = uuid.UUID("6f0d3a4e-9f55-5b1e-8a3c-3c1f5e1d2b7a")


def annotation_collection(dataset: Dataset, id_template: str | None = None) -> dict[str, Any]:
    """The claims of `dataset` as an AnnotationCollection."""
    articles = dataset.articles.set_index("article_id")
    names = dataset.source_names()
    items = [
        _annotation(claim, articles.loc[claim["article_id"]], dataset.texts, names, id_template)
        for claim in records(dataset.claims)
    ]
    # the collection is named by the texts it annotates, as its annotations are
    texts = " ".join(sorted(str(h) for h in dataset.articles["text_sha256"]))
    collection = f"urn:uuid:{uuid.uuid5(_NAMESPACE, texts)}"
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": "Claims and their fact-checks",
        "total": len(items),
        "first": {
            "id": f"urn:uuid:{uuid.uuid5(_NAMESPACE, texts + '#page-1')}",
            "type": "AnnotationPage",
            "partOf": collection,
            "startIndex": 0,
            "items": items,
        },
    }


def _annotation(
    claim: Mapping[str, Any],
    article: pd.Series,
    texts: Mapping[str, str],
    names: Mapping[str, str],
    id_template: str | None,
) -> dict[str, Any]:
    text = texts[claim["article_id"]]
    start, end = int(claim["span_start"]), int(claim["span_end"])
    found = {
        "id": _identifier(claim, article, id_template),
        "type": "Annotation",
        "motivation": "assessing" if _checked(claim) else "describing",
        "body": _bodies(claim, article, names),
        "target": {
            "source": _source(article),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": text[start:end],
                    "prefix": text[max(0, start - CONTEXT) : start],
                    "suffix": text[end : end + CONTEXT],
                },
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }
    if _checked(claim):  # an xsd:dateTime, as the model asks: the day the check was reviewed
        found["modified"] = f"{claim['reviewed_on'].date().isoformat()}T00:00:00Z"
    return found


def _checked(claim: Mapping[str, Any]) -> bool:
    return not is_missing(claim["verdict"])


def _identifier(claim: Mapping[str, Any], article: pd.Series, template: str | None) -> str:
    if template is not None:
        return template.format(claim_id=claim["claim_id"], article_id=claim["article_id"])
    name = f"{article['text_sha256']}#{claim['claim_id']}"
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _source(article: pd.Series) -> str:
    """The article's published address, or its stored text named by its hash (RFC 6920)."""
    if not pd.isna(article["url"]):
        return str(article["url"])
    digest = base64.urlsafe_b64encode(bytes.fromhex(str(article["text_sha256"])))
    return f"ni:///sha-256;{digest.decode('ascii').rstrip('=')}"


def _bodies(
    claim: Mapping[str, Any], article: pd.Series, names: Mapping[str, str]
) -> list[dict[str, Any]]:
    language = str(article["language"])
    bodies = [_text(claim["claim"], "describing", language)]
    if _checked(claim):
        words = Verdict.of(str(claim["verdict"])).words
        bodies.append(_text(f"{words}. {claim['verdict_rationale']}", "assessing", "en"))
    bodies.append(_text(_attribution(claim, names), "commenting", "en"))
    return bodies


def _text(value: str, purpose: str, language: str) -> dict[str, Any]:
    return {
        "type": "TextualBody",
        "purpose": purpose,
        "value": value,
        "format": "text/plain",
        "language": language,
    }


def _attribution(claim: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Who says it: 'Said by: Yonhap News Agency citing North Korea's official broadcasting
    service (cues: reported > citing)'."""
    words = f"Said by: {notation.in_words(claim['attribution'], names)}"
    cue = claim["attribution_cue"]
    return words if is_missing(cue) else f"{words} (cues: {cue})"


class AnnotationsFormat(Format):
    name = "annotations"
    help = "W3C Web Annotations (JSON-LD): each claim anchored on its article"
    description = (
        "Write every claim as a W3C Web Annotation, in one AnnotationCollection: its target "
        "is the article's address with a TextQuoteSelector and a TextPositionSelector on the "
        "claim's span, its bodies the claim, its verdict and rationale, and its attribution."
    )
    suffix = ".jsonld"
    options = (
        Option(
            "id_template",
            "each annotation's address, with {claim_id} and {article_id} filled in (default: "
            "a urn:uuid: made from the article's text and the claim)",
            "TEMPLATE",
        ),
    )

    def render(self, source: Source, **options: str) -> Output:
        template = options.get("id_template")
        if template is not None:
            check_template("--id-template", template, "claim_id", "article_id")
        document = annotation_collection(source.dataset, template)
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
