"""Dataset rules: what no single table can say about itself.

References resolve across tables, spans and quotes agree with the stored article text, the
text matches its recorded hash, cue words are the article's own, every source is used and
every body sentence is covered by a claim. Each rule is defined once here, registered in
`RULES` with its plain-words description, and run by `run_rules` for the CLI, the loader
and the tests alike. A rule skips cells that break a table's own schema (a span that is
not a number, an id of the wrong form): the schema has already reported them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck import attribution as notation
from factcheck import text as segment
from factcheck.frames import is_missing, records
from factcheck.problems import Problem
from factcheck.read import FIRST_DATA_ROW, read_text
from factcheck.schemas import (
    ARTICLE_ID,
    ISO_DATE,
    NON_NEGATIVE_INTEGER,
    SHA256,
    SOURCE_ID,
    TABLES,
    TableSpec,
    spec_named,
)
from factcheck.vocabularies import AttributionCheck, BearsOn, Stance, Verdict

ARTICLES_DIR = "articles"


def article_path(article_id: str) -> str:
    """Where an article's text lives, relative to the dataset directory."""
    return f"{ARTICLES_DIR}/{article_id}.txt"


@dataclass
class Context:
    """The tables as read, and the article texts, each turned into records once, on first use."""

    root: Path
    tables: dict[str, pd.DataFrame]
    _records: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    _listed: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    _texts: dict[str, tuple[str | None, Problem | None]] = field(default_factory=dict)
    _evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def has(self, *names: str) -> bool:
        return all(name in self.tables for name in names)

    def rows(self, table: str) -> list[tuple[int, dict[str, Any]]]:
        """Each record with its spreadsheet row number; missing cells are None."""
        if table not in self._records:
            frame = self.tables[table]
            self._records[table] = [
                (
                    int(index) + FIRST_DATA_ROW,
                    {k: None if is_missing(v) else v for k, v in record.items()},
                )
                for index, record in zip(frame.index, records(frame), strict=True)
            ]
        return self._records[table]

    def listed(self, table: str) -> dict[str, dict[str, Any]]:
        """The records of `articles`, `sources` or `claims` by their id (the first, if repeated)."""
        if table not in self._listed:
            key = spec_named(table).key
            by_id: dict[str, dict[str, Any]] = {}
            for _, record in self.rows(table):
                if record[key] is not None:
                    by_id.setdefault(record[key], record)
            self._listed[table] = by_id
        return self._listed[table]

    def evidence_for(self, claim_id: str) -> list[dict[str, Any]]:
        """The evidence items that name `claim_id`."""
        if not self._evidence:
            for _, item in self.rows("evidence"):
                self._evidence.setdefault(item["claim_id"], []).append(item)
        return self._evidence.get(claim_id, [])

    def read_article(self, article_id: str) -> tuple[str | None, Problem | None]:
        if article_id not in self._texts:
            name = article_path(article_id)
            self._texts[article_id] = read_text(self.root / name, name, what="article text")
        return self._texts[article_id]

    def article_text(self, article_id: str | None) -> str | None:
        """The text of a listed article with a well-formed id, or None."""
        if not _matches(ARTICLE_ID, article_id) or article_id not in self.listed("articles"):
            return None
        assert article_id is not None
        return self.read_article(article_id)[0]


def _matches(pattern: str, value: str | None) -> bool:
    return isinstance(value, str) and re.match(pattern, value) is not None


Check = Callable[["Rule", Context], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A dataset rule: its id, what it requires in plain words, and the tables it reads."""

    id: str
    description: str
    needs: tuple[str, ...]
    check: Check

    @property
    def file(self) -> str:
        return f"{self.id.split('.')[0]}.csv"

    @property
    def column(self) -> str:
        return self.id.split(".")[1]

    def problem(self, row: int, value: str | None, detail: str = "") -> Problem:
        message = f"{self.description}{detail}"
        return Problem(self.file, row, self.column, value, self.id, message)


RULES: list[Rule] = []


def rule(rule_id: str, description: str, needs: tuple[str, ...]) -> Callable[[Check], Check]:
    """Register a dataset rule; the decorated function yields its problems."""

    def register(check: Check) -> Check:
        RULES.append(Rule(rule_id, description, needs, check))
        return check

    return register


def run_rules(context: Context) -> list[Problem]:
    """Every rule whose tables could be read, in registration order."""
    return [p for r in RULES if context.has(*r.needs) for p in r.check(r, context)]


# --- references -----------------------------------------------------------------------


def _an(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _reference(spec: TableSpec, column: str, target: TableSpec) -> Check:
    pattern = spec.pattern(column)

    def check(self: Rule, ctx: Context) -> Iterator[Problem]:
        listed = ctx.listed(target.name)
        for row, record in ctx.rows(spec.name):
            value = record[column]
            well_formed = value is not None and (pattern is None or _matches(pattern, value))
            if well_formed and value not in listed:
                yield self.problem(row, value)

    return check


for _spec in TABLES:
    for _column, _target in _spec.references.items():
        _key = spec_named(_target).key
        RULES.append(
            Rule(
                f"{_spec.name}.{_column}.exists",
                f"must be {_an(_key)} listed in {_target}.csv",
                needs=(_spec.name, _target),
                check=_reference(_spec, _column, spec_named(_target)),
            )
        )


# --- articles -------------------------------------------------------------------------


@rule(
    "articles.article_id.text_file",
    "must have its text stored as UTF-8 in articles/<article_id>.txt",
    needs=("articles",),
)
def _text_file(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, article in ctx.rows("articles"):
        if _matches(ARTICLE_ID, article["article_id"]):
            _, problem = ctx.read_article(article["article_id"])
            if problem is not None:
                yield self.problem(
                    row, article["article_id"], f"; {problem.file} {problem.message}"
                )


@rule(
    "articles.text_sha256.matches_text",
    "must be the SHA-256 of the bytes of the stored text file",
    needs=("articles",),
)
def _sha256(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, article in ctx.rows("articles"):
        if ctx.article_text(article["article_id"]) is None or not _matches(
            SHA256, article["text_sha256"]
        ):
            continue
        data = (ctx.root / article_path(article["article_id"])).read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if actual != article["text_sha256"]:
            yield self.problem(row, article["text_sha256"], f"; the file's is {actual}")


@rule(
    "articles.sentence.covered",
    "must overlap the span of at least one claim: every sentence of an article's body is covered",
    needs=("articles", "claims"),
)
def _sentences_covered(self: Rule, ctx: Context) -> Iterator[Problem]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for _, claim in ctx.rows("claims"):
        span = _span(claim)
        if span is not None:
            spans.setdefault(claim["article_id"], []).append(span)
    for article_id in ctx.listed("articles"):
        text = ctx.article_text(article_id)
        if text is None:
            continue
        covered = spans.get(article_id, [])
        for sentence in segment.sentences(text):
            if not any(start < sentence.end and sentence.start < end for start, end in covered):
                message = self.description
                yield Problem(
                    article_path(article_id), sentence.line, None, sentence.text, self.id, message
                )


# --- claims ---------------------------------------------------------------------------


def _span(claim: dict[str, Any]) -> tuple[int, int] | None:
    start, end = claim["span_start"], claim["span_end"]
    if not (_matches(NON_NEGATIVE_INTEGER, start) and _matches(NON_NEGATIVE_INTEGER, end)):
        return None
    span = (int(start), int(end))
    return span if span[0] < span[1] else None


def _chain(claim: dict[str, Any]) -> str | None:
    chain = claim["attribution"]
    return chain if _matches(notation.ATTRIBUTION, chain) else None


@rule(
    "claims.attribution.sources_exist",
    "must name only source ids listed in sources.csv",
    needs=("claims", "sources"),
)
def _attribution_sources_exist(self: Rule, ctx: Context) -> Iterator[Problem]:
    sources = ctx.listed("sources")
    for row, claim in ctx.rows("claims"):
        chain = _chain(claim)
        unknown = [sid for sid in notation.source_ids(chain) if sid not in sources] if chain else []
        if unknown:
            yield self.problem(row, chain, f"; not listed: {', '.join(unknown)}")


@rule(
    "claims.attribution.starts_with_publisher",
    "must start with the article's publisher alone, the voice that reports every claim",
    needs=("claims", "articles", "sources"),
)
def _starts_with_publisher(self: Rule, ctx: Context) -> Iterator[Problem]:
    articles, sources = ctx.listed("articles"), ctx.listed("sources")
    for row, claim in ctx.rows("claims"):
        chain, article = _chain(claim), articles.get(claim["article_id"])
        publisher = article["publisher_source_id"] if article else None
        if chain is None or publisher not in sources:
            continue  # an unknown publisher is reported once, on its article
        if notation.levels(chain)[0] != (publisher,):
            yield self.problem(row, chain, f" ({publisher})")


@rule(
    "claims.span_end.inside_text",
    "must not be past the end of the article's text",
    needs=("claims", "articles"),
)
def _span_inside_text(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        text, span = ctx.article_text(claim["article_id"]), _span(claim)
        if text is not None and span is not None and span[1] > len(text):
            yield self.problem(row, claim["span_end"], f", which is {len(text)} code points long")


@rule(
    "claims.quote.matches_span",
    "must be exactly the article's text from span_start to span_end",
    needs=("claims", "articles"),
)
def _quote_matches(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        text, span = ctx.article_text(claim["article_id"]), _span(claim)
        if text is None or span is None or span[1] > len(text) or claim["quote"] is None:
            continue
        actual = text[span[0] : span[1]]
        if actual != claim["quote"]:
            yield self.problem(row, claim["quote"], f", which reads {actual!r}")


def _grounded(ctx: Context, claim: dict[str, Any]) -> tuple[str, tuple[int, int]] | None:
    """The text and span of a claim whose quote matches its span; rules about where a span
    sits trust only those, since a mismatched quote is reported already."""
    text, span = ctx.article_text(claim["article_id"]), _span(claim)
    if text is None or span is None or text[span[0] : span[1]] != claim["quote"]:
        return None
    return text, span


@rule(
    "claims.span_start.not_in_heading",
    "must not point into a section heading: headings are not claims",
    needs=("claims", "articles"),
)
def _not_in_heading(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        grounded = _grounded(ctx, claim)
        if grounded is None:
            continue
        paragraph = segment.paragraph_at(grounded[0], grounded[1][0])
        if paragraph is not None and paragraph.kind == "heading":
            yield self.problem(row, claim["span_start"], f" ({paragraph.text!r})")


def _cues_in_paragraph(
    self: Rule, ctx: Context, cues_of: Callable[[Any], list[str]]
) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        grounded = _grounded(ctx, claim)
        if grounded is None:
            continue
        paragraph = segment.paragraph_at(grounded[0], grounded[1][0])
        where = paragraph.text if paragraph is not None else ""
        missing = [cue for cue in cues_of(claim[self.column]) if cue not in where]
        if missing:
            yield self.problem(
                row, claim[self.column], f"; not found: {', '.join(map(repr, missing))}"
            )


@rule(
    "claims.attribution_cue.in_paragraph",
    "must quote words found in the paragraph that holds the claim's quote",
    needs=("claims", "articles"),
)
def _attribution_cues(self: Rule, ctx: Context) -> Iterator[Problem]:
    yield from _cues_in_paragraph(
        self, ctx, lambda cell: notation.cues(cell) if _matches(notation.CUES, cell) else []
    )


@rule(
    "claims.certainty_cue.in_paragraph",
    "must quote words found in the paragraph that holds the claim's quote",
    needs=("claims", "articles"),
)
def _certainty_cues(self: Rule, ctx: Context) -> Iterator[Problem]:
    yield from _cues_in_paragraph(self, ctx, lambda cell: [cell] if cell else [])


# --- sources --------------------------------------------------------------------------


@rule(
    "sources.source_id.used",
    "must be used in the attribution of at least one claim",
    needs=("sources", "claims"),
)
def _source_used(self: Rule, ctx: Context) -> Iterator[Problem]:
    used = {
        sid
        for _, c in ctx.rows("claims")
        if (chain := _chain(c))
        for sid in notation.source_ids(chain)
    }
    for row, source in ctx.rows("sources"):
        if _matches(SOURCE_ID, source["source_id"]) and source["source_id"] not in used:
            yield self.problem(row, source["source_id"])


# --- verdicts and evidence ------------------------------------------------------------


def _date(value: Any) -> str | None:
    """An ISO date as text (comparable as text), or None when it is missing or malformed."""
    return value if _matches(ISO_DATE, value) else None


def _items(ctx: Context, claim: dict[str, Any], bears_on: BearsOn, stance: Stance) -> list[Any]:
    return [
        item
        for item in ctx.evidence_for(claim["claim_id"])
        if item["bears_on"] == bears_on.value and item["stance"] == stance.value
    ]


def independent_publishers(items: Iterable[Mapping[Any, Any]]) -> set[str]:
    """Who the items really come from: a wire story counts once however many outlets carry it.

    Missing cells may be None (raw rows) or NaN (loaded tables); neither counts.
    """
    found = set()
    for item in items:
        originator, publisher = item["originator"], item["publisher"]
        key = originator if isinstance(originator, str) else publisher
        if isinstance(key, str):
            found.add(key)
    return found


@rule(
    "evidence.published_on.not_after_review",
    "must not be after the reviewed_on date of its claim",
    needs=("evidence", "claims"),
)
def _published_before_review(self: Rule, ctx: Context) -> Iterator[Problem]:
    claims = ctx.listed("claims")
    for row, item in ctx.rows("evidence"):
        claim = claims.get(item["claim_id"])
        published = _date(item["published_on"])
        reviewed = _date(claim["reviewed_on"]) if claim else None
        if published and reviewed and published > reviewed:
            yield self.problem(row, published, f" ({reviewed})")


@rule(
    "evidence.bears_on.attributed_claim",
    "must be content for a claim in the outlet's own voice: it has no attribution to check",
    needs=("evidence", "claims"),
)
def _attribution_evidence_needs_attribution(self: Rule, ctx: Context) -> Iterator[Problem]:
    claims = ctx.listed("claims")
    for row, item in ctx.rows("evidence"):
        claim = claims.get(item["claim_id"])
        if (
            claim is not None
            and item["bears_on"] == BearsOn.ATTRIBUTION.value
            and claim["attribution_check"] == AttributionCheck.NOT_APPLICABLE.value
        ):
            yield self.problem(row, item["bears_on"])


@rule(
    "evidence.stance.checkable_claim",
    "must be context for the content of a not_checkable claim: there is no fact to support "
    "or refute",
    needs=("evidence", "claims"),
)
def _uncheckable_claims_take_context_only(self: Rule, ctx: Context) -> Iterator[Problem]:
    claims = ctx.listed("claims")
    for row, item in ctx.rows("evidence"):
        claim = claims.get(item["claim_id"])
        if (
            claim is not None
            and claim["verdict"] == Verdict.NOT_CHECKABLE.value
            and item["bears_on"] == BearsOn.CONTENT.value
            and item["stance"] in (Stance.SUPPORTS.value, Stance.REFUTES.value)
        ):
            yield self.problem(row, item["stance"])


@rule(
    "claims.verdict.supported_needs_support",
    "must be backed by at least one content evidence item that supports the claim",
    needs=("claims", "evidence"),
)
def _supported_needs_support(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        if claim["verdict"] == Verdict.SUPPORTED.value and not _items(
            ctx, claim, BearsOn.CONTENT, Stance.SUPPORTS
        ):
            yield self.problem(row, claim["verdict"])


@rule(
    "claims.verdict.refuted_needs_refutation",
    "must be backed by at least one content evidence item that refutes the claim",
    needs=("claims", "evidence"),
)
def _refuted_needs_refutation(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        if claim["verdict"] == Verdict.REFUTED.value and not _items(
            ctx, claim, BearsOn.CONTENT, Stance.REFUTES
        ):
            yield self.problem(row, claim["verdict"])


@rule(
    "claims.verdict.two_independent_publishers",
    "must rest on content evidence from at least two independent publishers when refuted or "
    "partly_supported (a wire story counts once)",
    needs=("claims", "evidence"),
)
def _two_independent_publishers(self: Rule, ctx: Context) -> Iterator[Problem]:
    strict = (Verdict.REFUTED.value, Verdict.PARTLY_SUPPORTED.value)
    for row, claim in ctx.rows("claims"):
        if claim["verdict"] not in strict:
            continue
        content = [
            item
            for item in ctx.evidence_for(claim["claim_id"])
            if item["bears_on"] == BearsOn.CONTENT.value
        ]
        found = sorted(independent_publishers(content))
        if len(found) < 2:
            yield self.problem(row, claim["verdict"], f"; found: {', '.join(found) or 'none'}")


@rule(
    "claims.attribution_check.confirmed_needs_support",
    "must be backed by at least one attribution evidence item that supports it when confirmed",
    needs=("claims", "evidence"),
)
def _confirmed_needs_support(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        if claim["attribution_check"] == AttributionCheck.CONFIRMED.value and not _items(
            ctx, claim, BearsOn.ATTRIBUTION, Stance.SUPPORTS
        ):
            yield self.problem(row, claim["attribution_check"])


@rule(
    "claims.attribution_check.contradicted_needs_refutation",
    "must be backed by at least one attribution evidence item that refutes it when contradicted",
    needs=("claims", "evidence"),
)
def _contradicted_needs_refutation(self: Rule, ctx: Context) -> Iterator[Problem]:
    for row, claim in ctx.rows("claims"):
        if claim["attribution_check"] == AttributionCheck.CONTRADICTED.value and not _items(
            ctx, claim, BearsOn.ATTRIBUTION, Stance.REFUTES
        ):
            yield self.problem(row, claim["attribution_check"])


@rule(
    "claims.reviewed_on.not_before_article",
    "must not be before its article's publication date",
    needs=("claims", "articles"),
)
def _reviewed_after_publication(self: Rule, ctx: Context) -> Iterator[Problem]:
    articles = ctx.listed("articles")
    for row, claim in ctx.rows("claims"):
        article = articles.get(claim["article_id"])
        published = _date(article["published_on"]) if article else None
        reviewed = _date(claim["reviewed_on"])
        if published and reviewed and reviewed < published:
            yield self.problem(row, reviewed, f" ({published})")
