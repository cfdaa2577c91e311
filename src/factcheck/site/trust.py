"""The pages that say how the checks were made and how to hold them to account, linked from
every page of the site: how we checked, what each rating means, corrections and contact,
licence and how to cite.

Every sentence on them that is not the publisher's own is generated, so the pages cannot say
what the dataset does not do: the method from the dataset's card (`model.card`), the tables'
and columns' descriptions in the schemas, the vocabularies' definitions and the validator's
rules in their own words (`registry`); the ratings from the vocabularies, in scale order,
with the colours the article pages use; the corrections policy and the contact from the
command's options (`policies`); the licences and the citation from the card.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck import registry
from factcheck.exports.claimreview import BEST_RATING, RATINGS, WORST_RATING
from factcheck.model import notation
from factcheck.model.card import Card, card
from factcheck.model.tables import spec_named
from factcheck.model.vocabularies import (
    ArticleRating,
    AttributionCheck,
    BearsOn,
    Certainty,
    ClaimType,
    Stance,
    Verdict,
    Vocabulary,
)
from factcheck.site.pages import AWAITING, AWAITING_WORDS
from factcheck.site.policies import Policies
from factcheck.storage.records import records

if TYPE_CHECKING:
    from factcheck.dataset import Dataset


@dataclass(frozen=True)
class TrustPage:
    """One of the pages: its key (what `aria-current` marks), file, title and type."""

    key: str
    path: str
    title: str
    schema_type: str  # the schema.org type of its JSON-LD
    description: str  # what a search result or a shared link says of it


PAGES = (
    TrustPage(
        "method",
        "method.html",
        "How we checked",
        "WebPage",
        "How each claim was checked: what a claim is, who it is attributed to, its two "
        "checks, the evidence, and how independent publishers are counted.",
    ),
    TrustPage(
        "ratings",
        "ratings.html",
        "What each rating means",
        "WebPage",
        "Every verdict on a claim and every credibility rating of an article, in scale "
        "order, with what it means.",
    ),
    TrustPage(
        "corrections",
        "corrections.html",
        "Corrections and contact",
        "ContactPage",
        "How errors are corrected, and where to report one.",
    ),
    TrustPage(
        "licence",
        "licence.html",
        "Licence and how to cite",
        "WebPage",
        "Under which licence each part of the dataset is released, and how to cite it.",
    ),
)
# Every page the nav links, each page's own marked as the current one: (key, path, words)
NAV = (("index", "index.html", "Articles"), *((p.key, p.path, p.title) for p in PAGES))


def page_named(key: str) -> TrustPage:
    return next(page for page in PAGES if page.key == key)


def organisation(name: str, url: str, policies: Policies) -> dict[str, Any]:
    """The reviewing organisation in JSON-LD, pointing at its principles (how we checked),
    its corrections policy, where readers' reports go, and its contact."""
    contact = {"email": policies.contact} if policies.is_email else {"url": policies.contact}
    return {
        "@type": "Organization",
        "name": name,
        "url": url,
        "publishingPrinciples": f"{url}/{page_named('method').path}",
        "correctionsPolicy": f"{url}/{page_named('corrections').path}",
        "actionableFeedbackPolicy": f"{url}/{page_named('corrections').path}",
        "contactPoint": {"@type": "ContactPoint", "contactType": "corrections", **contact},
    }


@dataclass(frozen=True)
class Requirement:
    """A rule the validator holds the data to, as the method page states it."""

    subject: str
    requirement: str
    rule_id: str


# The rules a reader needs to trust a verdict, each with the words that name what it holds;
# the requirement itself is the registry's, the text every problem report starts with.
_RULES = (
    ("A claim's quote", "claims.quote.matches_span"),
    ("A claim's attribution", "claims.attribution.starts_with_publisher"),
    ("A claim's verdict", "claims.verdict.review_complete"),
    ("A claim's verdict", "claims.verdict.matches_claim_type"),
    ("A supported verdict", "claims.verdict.supported_needs_support"),
    ("A refuted verdict", "claims.verdict.refuted_needs_refutation"),
    ("A claim's verdict", "claims.verdict.two_independent_publishers"),
    ("A claim's attribution check", "claims.attribution_check.matches_attribution"),
    ("A confirmed attribution check", "claims.attribution_check.confirmed_needs_support"),
    ("A contradicted attribution check", "claims.attribution_check.contradicted_needs_refutation"),
    ("An evidence item's publisher", "evidence.publisher.one_per_host"),
    ("An evidence item's date", "evidence.published_on.not_after_review"),
)


SHOWN_TABLES = ("articles", "claims", "evidence")  # the tables the method page describes


@dataclass(frozen=True)
class Chain:
    """A claim whose attribution is the longest chain in the dataset: how the notation reads."""

    claim_id: str
    address: str  # its panel on its article's page, relative to the site's root
    attribution: str
    cue: str | None
    words: str


@dataclass(frozen=True)
class Method:
    """What the method page is made of."""

    card: Card
    tables: dict[str, str]  # each table's description, by name
    columns: dict[str, str]  # each column's description, as "table.column"
    counts: dict[str, int]  # rows per table
    claim_types: tuple[ClaimType, ...]
    certainties: tuple[Certainty, ...]
    attribution_checks: tuple[AttributionCheck, ...]
    stances: tuple[Stance, ...]
    sides: tuple[Stance, ...]  # the stances whose publishers are counted
    bears_on: tuple[BearsOn, ...]
    rules: tuple[Requirement, ...]
    chain: Chain | None


def method(data: Dataset, article_path: str) -> Method:
    """The method page's content; `article_path` is an article page's path, `{article_id}`
    in it filled in."""
    return Method(
        card=card(),
        tables={name: _described(name) for name in SHOWN_TABLES},
        columns=columns(),
        counts={
            **{name: len(getattr(data, name)) for name in SHOWN_TABLES},
            "checked": int(data.claims["verdict"].notna().sum()),
        },
        claim_types=tuple(ClaimType),
        certainties=tuple(Certainty),
        attribution_checks=tuple(AttributionCheck),
        stances=tuple(Stance),
        sides=(Stance.SUPPORTS, Stance.REFUTES),  # as `Dataset.independent_publishers` counts
        bears_on=tuple(BearsOn),
        rules=tuple(Requirement(s, registry.requirement(r), r) for s, r in _RULES),
        chain=_longest_chain(data, article_path),
    )


def _described(table: str) -> str:
    """What a table's rows are, from its model's docstring ("`claims.csv`: one row per ...")."""
    return _words(spec_named(table).model.__doc__).split(": ", 1)[-1]


def columns() -> dict[str, str]:
    """Each column's description in the schemas, by "table.column"."""
    found = {}
    for name in SHOWN_TABLES:
        for column, field in spec_named(name).schema.columns.items():
            found[f"{name}.{column}"] = str(field.description)
    return found


def _longest_chain(data: Dataset, article_path: str) -> Chain | None:
    rows = records(data.claims)
    if not rows:
        return None
    deepest = max(rows, key=lambda row: len(notation.levels(row["attribution"])))
    cue = deepest["attribution_cue"]
    return Chain(
        claim_id=deepest["claim_id"],
        address=f"{article_path.format(article_id=deepest['article_id'])}#{deepest['claim_id']}",
        attribution=deepest["attribution"],
        cue=cue if isinstance(cue, str) else None,
        words=notation.in_words(deepest["attribution"], data.source_names()),
    )


@dataclass(frozen=True)
class Scale:
    """A vocabulary as the ratings page lists it: what it rates, and each level in order."""

    about: str  # the vocabulary's own description
    levels: tuple[Vocabulary, ...]


def ratings() -> dict[str, Any]:
    """The ratings page's content: both scales in order, with what the structured data
    says for each level (a ClaimReview's rating, a Review's score)."""
    return {
        "verdicts": Scale(_words(Verdict.__doc__), tuple(Verdict)),
        "article_ratings": Scale(_words(ArticleRating.__doc__), tuple(ArticleRating)),
        "claim_review_ratings": RATINGS,
        "claim_review_scale": (WORST_RATING, BEST_RATING),
        "awaiting": (AWAITING, AWAITING_WORDS),
    }


def content(page: TrustPage, data: Dataset, policies: Policies, article_path: str) -> Any:
    """What `page`'s template is given besides what every page is; `article_path` is an
    article page's path, `{article_id}` in it to fill in."""
    if page.key == "method":
        return {"method": method(data, article_path)}
    if page.key == "ratings":
        return ratings()
    if page.key == "corrections":
        return {"policies": policies}
    return {"card": card()}


def jsonld(page: TrustPage, url: str, publisher: dict[str, Any]) -> dict[str, Any]:
    """The page as schema.org sees it: a page of the organisation's, which points at its
    policies; the licence page is about the dataset, its licences and its citation."""
    document = {
        "@context": "https://schema.org",
        "@type": page.schema_type,
        "url": url,
        "name": page.title,
        "description": page.description,
        "publisher": publisher,
    }
    if page.key == "licence":
        found = card()
        document["about"] = {
            "@type": "Dataset",
            "name": found.title,
            "version": found.version,
            "license": [group.url for group in found.licences if group.url],
            "citation": found.citation,
        }
    return document


def _words(text: str | None) -> str:
    """A docstring as one paragraph."""
    return " ".join((text or "").split())
