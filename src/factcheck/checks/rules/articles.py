"""Rules of articles.csv and the stored texts: the text file, its hash, sentence coverage.

They read the tables `checks.texts` loads: `texts` (each well-formed listed article's text,
hash, or why it cannot be read) and `sentences` (the body sentences of articles claims name).
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.rules.base import ROW, Query, literal, matches
from factcheck.checks.rules.claims import _each, _listing, spans
from factcheck.model.cells import CLAIM_IDS, ISO_DATE, SHA256
from factcheck.model.tables import article_path
from factcheck.model.vocabularies import ReviewState, Verdict

_LISTED = "articles AS a JOIN texts AS t ON t.article_id = a.article_id"


def _text_path(article_id: str) -> str:
    """SQL: where an article's text is stored, as `article_path` writes it (split around a
    character no id holds, so the layout keeps one definition)."""
    before, after = article_path("\0").split("\0")
    return f"{literal(before)} || {article_id} || {literal(after)}"


def _text_file() -> Query:
    return Query(
        "articles.article_id.text_file",
        ("articles",),
        f"SELECT a.{ROW}, a.article_id AS value, t.problem_file AS file, "
        f"t.problem_reason AS reason FROM {_LISTED} WHERE t.problem_file IS NOT NULL",
    )


def _sha256() -> Query:
    # a text that cannot be read has no hash to compare: the text_file rule says why
    return Query(
        "articles.text_sha256.matches_text",
        ("articles",),
        f"SELECT a.{ROW}, a.text_sha256 AS value, t.sha256 AS actual FROM {_LISTED} "
        f"WHERE t.text IS NOT NULL AND {matches('a.text_sha256', SHA256)} "
        "AND a.text_sha256 <> t.sha256",
    )


def _uncovered() -> str:
    """SQL: the body sentences no claim of their article overlaps (`article_id`, `start`,
    `"end"`, `line`)."""
    # A sentence is covered when some span of its article starts before it ends and ends
    # after it starts: when, of the spans starting before its end, the one reaching furthest
    # ends after its start. One sort of sentences and spans by position finds that reach
    # (at an equal position, a span starting where the sentence ends comes after it), where
    # testing each sentence against each span grows with their product.
    events = (
        'SELECT article_id, "end" AS pos, 0 AS is_span, start, "end", line, '
        "CAST(NULL AS BIGINT) AS reach FROM sentences UNION ALL "
        f'SELECT article_id, start, 1, NULL, NULL, NULL, "end" FROM ({spans()}) AS p'
    )
    reached = (
        "SELECT *, max(reach) OVER (PARTITION BY article_id ORDER BY pos, is_span "
        f"ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS covered_to FROM ({events}) AS e"
    )
    return (
        f'SELECT article_id, start, "end", line FROM ({reached}) AS r '
        "WHERE is_span = 0 AND coalesce(covered_to, -1) <= start"
    )


# The articles whose claims are still being merged: coverage is not required of them yet.
_IN_PROGRESS = (
    "SELECT article_id FROM articles WHERE article_id IS NOT NULL "
    f"AND review_state = {literal(ReviewState.IN_PROGRESS.value)}"
)


def _sentences_covered() -> Query:
    # required of every article but those in progress (one whose state is not a known value
    # is held to it: the state's own rule says what is wrong with it)
    # `_order` keeps an article's sentences of one line in text order.
    return Query(
        "articles.sentence.covered",
        ("articles", "claims"),
        f'SELECT s.line AS {ROW}, substring(t.text, s.start + 1, s."end" - s.start) AS value, '
        f"{_text_path('s.article_id')} AS _file, CAST(NULL AS VARCHAR) AS _column, "
        f"s.start AS _order FROM ({_uncovered()}) AS s "
        "JOIN texts AS t ON t.article_id = s.article_id "
        f"WHERE s.article_id NOT IN ({_IN_PROGRESS})",
    )


def _in_progress() -> Query:
    # a notice: what is left of an article whose claims are merged as they are reviewed
    left = f"SELECT article_id, count(*) AS uncovered FROM ({_uncovered()}) GROUP BY article_id"
    total = "SELECT article_id, count(*) AS sentences FROM sentences GROUP BY article_id"
    return Query(
        "articles.review_state.uncovered",
        ("articles", "claims"),
        f"SELECT a.{ROW}, a.review_state AS value, u.uncovered, n.sentences "
        f"FROM articles AS a JOIN ({left}) AS u ON u.article_id = a.article_id "
        "JOIN (" + total + ") AS n ON n.article_id = a.article_id "
        f"WHERE a.review_state = {literal(ReviewState.IN_PROGRESS.value)}",
    )


def _awaiting_claims() -> Query:
    # just added: a notice, so an article can be stored before drafting (`sentences` holds
    # only the articles claims name, so these have none to report)
    return Query(
        "articles.claims.awaited",
        ("articles", "claims"),
        f"SELECT CAST(NULL AS BIGINT) AS {ROW}, CAST(NULL AS VARCHAR) AS value, "
        f"{_text_path('article_id')} AS _file, CAST(NULL AS VARCHAR) AS _column, article_id "
        "FROM texts WHERE text IS NOT NULL AND article_id NOT IN "
        "(SELECT article_id FROM claims WHERE article_id IS NOT NULL)",
    )


def _each_finding() -> str:
    """SQL: every id of each article's key findings, with its place (`ordinal`); ids that are
    not well formed break the column's format rule instead."""
    listed = (
        f"SELECT {ROW}, article_id, key_findings AS cell, string_split(key_findings, ' ') AS ids "
        f"FROM articles WHERE {matches('key_findings', CLAIM_IDS)}"
    )
    return _each(f"{ROW}, article_id, cell", "ids", "claim_id", listed)


def _key_findings() -> Query:
    rated = f"c.verdict IS NOT NULL AND c.verdict <> {literal(Verdict.NOT_CHECKABLE.value)}"
    return Query(
        "articles.key_findings.claims_of_article",
        ("articles", "claims"),
        f"SELECT e.{ROW}, e.cell AS value, {_listing('e.claim_id', 'e.ordinal')} AS missing "
        f"FROM ({_each_finding()}) AS e WHERE NOT EXISTS (SELECT 1 FROM claims AS c "
        f"WHERE c.claim_id = e.claim_id AND c.article_id = e.article_id AND {rated}) "
        f"GROUP BY e.{ROW}, e.cell",
    )


def _key_findings_distinct() -> Query:
    repeated = (
        f"SELECT {ROW}, cell, claim_id, min(ordinal) AS first FROM ({_each_finding()}) "
        f"GROUP BY {ROW}, cell, claim_id HAVING count(*) > 1"
    )
    return Query(
        "articles.key_findings.distinct",
        ("articles",),
        f"SELECT {ROW}, cell AS value, {_listing('claim_id', 'first')} AS repeated "
        f"FROM ({repeated}) GROUP BY {ROW}, cell",
    )


def _claims_of(article: str) -> str:
    return f"SELECT * FROM claims AS c WHERE c.article_id = {article}"


def _rated_once_checked() -> Query:
    # a notice, not an error: drafts merged into an assessed article must not be refused, but
    # the assessment no longer sums up every claim
    waiting = f"SELECT count(*) FROM ({_claims_of('a.article_id')}) AS w WHERE w.verdict IS NULL"
    return Query(
        "articles.rating.claims_checked",
        ("articles", "claims"),
        f"SELECT a.{ROW}, a.rating AS value, ({waiting}) AS waiting FROM articles AS a "
        f"WHERE a.rating IS NOT NULL AND (({waiting}) > 0 "
        f"OR NOT EXISTS ({_claims_of('a.article_id')}))",
    )


def _assessment_current() -> Query:
    # a notice: a claim re-checked after the assessment may have changed what it sums up
    dated = matches("c.reviewed_on", ISO_DATE)
    latest = (
        f"SELECT max(c.reviewed_on) FROM claims AS c WHERE c.article_id = a.article_id AND {dated}"
    )
    assessed = "coalesce(a.updated_on, a.reviewed_on)"
    return Query(
        "articles.reviewed_on.after_claims",
        ("articles", "claims"),
        f"SELECT a.{ROW}, {assessed} AS value, ({latest}) AS latest FROM articles AS a "
        f"WHERE a.rating IS NOT NULL AND {matches(assessed, ISO_DATE)} "
        f"AND ({latest}) > {assessed}",
    )


def queries() -> Iterator[Query]:
    yield _text_file()
    yield _sha256()
    yield _sentences_covered()
    yield _in_progress()
    yield _awaiting_claims()
    yield _key_findings()
    yield _key_findings_distinct()
    yield _rated_once_checked()
    yield _assessment_current()
