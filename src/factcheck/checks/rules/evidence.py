"""Verdicts and evidence: each verdict rests on the evidence it needs.

Where a rule looks a claim or an article up by its key, it joins the first row with that
key (`_first`): a broken table may list a key twice, and the first row wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factcheck.checks.engines.base import ROW
from factcheck.checks.rules.base import Query, literal, matches, name
from factcheck.model.cells import ISO_DATE, URL_HOST
from factcheck.model.sql import sql_pattern
from factcheck.model.tables import spec_named
from factcheck.model.vocabularies import (
    DISPUTED_VERDICTS,
    AttributionCheck,
    BearsOn,
    Stance,
    Verdict,
)


def _first(table: str) -> str:
    """SQL: the rows of `table` a lookup by its primary key finds: the first row with each
    key, where a broken table repeats one."""
    key, rows = name(spec_named(table).key), name(table)
    return (
        f"(SELECT * FROM {rows} WHERE {ROW} IN "
        f"(SELECT min({ROW}) FROM {rows} WHERE {key} IS NOT NULL GROUP BY {key}))"
    )


def _of(alias: str, column: str) -> str:
    """SQL: a column of the table joined as `alias`."""
    return f"{alias}.{name(column)}"


def _values(members: Iterable[str]) -> str:
    """SQL: a vocabulary's values as the list of an IN, in a stable order."""
    return ", ".join(literal(value) for value in sorted(members))


def _with_claim(select: str, where: str) -> str:
    """SQL: `select` over each evidence row (`e`) and the claim it names (`c`), where `where`
    holds; evidence naming no listed claim has no claim to compare with."""
    key = name(spec_named("claims").key)
    return (
        f"SELECT {select} FROM {name('evidence')} AS e JOIN {_first('claims')} AS c "
        f"ON e.{name('claim_id')} = c.{key} WHERE {where}"
    )


def _earlier(early: str, late: str) -> str:
    """SQL: both cells are ISO dates and `early` is before `late`: such dates compare as
    text, and a malformed date is its column rule's problem, not this one's."""
    return f"{matches(early, ISO_DATE)} AND {matches(late, ISO_DATE)} AND {early} < {late}"


def _published_before_review() -> Query:
    published, reviewed = _of("e", "published_on"), _of("c", "reviewed_on")
    return Query(
        "evidence.published_on.not_after_review",
        ("evidence", "claims"),
        _with_claim(
            f"e.{ROW}, {published} AS value, {reviewed} AS reviewed",
            _earlier(reviewed, published),
        ),
    )


def _attribution_evidence_needs_attribution() -> Query:
    bears_on = _of("e", "bears_on")
    return Query(
        "evidence.bears_on.attributed_claim",
        ("evidence", "claims"),
        _with_claim(
            f"e.{ROW}, {bears_on} AS value",
            f"{bears_on} = {literal(BearsOn.ATTRIBUTION.value)} AND "
            f"{_of('c', 'attribution_check')} = {literal(AttributionCheck.NOT_APPLICABLE.value)}",
        ),
    )


def _uncheckable_claims_take_context_only() -> Query:
    stance = _of("e", "stance")
    settling = _values([Stance.SUPPORTS.value, Stance.REFUTES.value])
    return Query(
        "evidence.stance.checkable_claim",
        ("evidence", "claims"),
        _with_claim(
            f"e.{ROW}, {stance} AS value",
            f"{_of('c', 'verdict')} = {literal(Verdict.NOT_CHECKABLE.value)} AND "
            f"{_of('e', 'bears_on')} = {literal(BearsOn.CONTENT.value)} AND "
            f"{stance} IN ({settling})",
        ),
    )


def _verdict_needs(
    rule_id: str, column: str, value: str, bears_on: BearsOn, stance: Stance
) -> Query:
    """Claims whose `column` is `value` while no evidence item of this kind names them; a
    claim without an id has none."""
    key = name(spec_named("claims").key)
    return Query(
        rule_id,
        ("claims", "evidence"),
        f"SELECT c.{ROW}, c.{name(column)} AS value FROM {name('claims')} AS c "
        f"WHERE c.{name(column)} = {literal(value)} AND NOT EXISTS (SELECT 1 FROM "
        f"{name('evidence')} AS e WHERE e.{name('claim_id')} = c.{key} AND "
        f"{_of('e', 'bears_on')} = {literal(bears_on.value)} AND "
        f"{_of('e', 'stance')} = {literal(stance.value)})",
    )


def _verdicts_need_evidence() -> Iterator[Query]:
    yield _verdict_needs(
        "claims.verdict.supported_needs_support",
        "verdict",
        Verdict.SUPPORTED.value,
        BearsOn.CONTENT,
        Stance.SUPPORTS,
    )
    yield _verdict_needs(
        "claims.verdict.refuted_needs_refutation",
        "verdict",
        Verdict.REFUTED.value,
        BearsOn.CONTENT,
        Stance.REFUTES,
    )
    yield _verdict_needs(
        "claims.attribution_check.confirmed_needs_support",
        "attribution_check",
        AttributionCheck.CONFIRMED.value,
        BearsOn.ATTRIBUTION,
        Stance.SUPPORTS,
    )
    yield _verdict_needs(
        "claims.attribution_check.contradicted_needs_refutation",
        "attribution_check",
        AttributionCheck.CONTRADICTED.value,
        BearsOn.ATTRIBUTION,
        Stance.REFUTES,
    )


def _content_publishers() -> str:
    """SQL: each claim id with its content evidence's independent publishers (`who`: the
    originator, whose wire story an outlet carries, else the publisher), once each."""
    who = f"coalesce({_of('e', 'originator')}, {_of('e', 'publisher')})"
    claim_id = _of("e", "claim_id")
    return (
        f"SELECT DISTINCT {claim_id} AS claim_id, {who} AS who FROM {name('evidence')} AS e "
        f"WHERE {_of('e', 'bears_on')} = {literal(BearsOn.CONTENT.value)} "
        f"AND {claim_id} IS NOT NULL AND {who} IS NOT NULL"
    )


def _two_independent_publishers() -> Query:
    # Text orders by code point here as Python's `sorted` does (UTF-8 bytes sort alike).
    found = (
        "SELECT claim_id, count(*) AS publishers, string_agg(who, ', ' ORDER BY who) AS names "
        f"FROM ({_content_publishers()}) AS content GROUP BY claim_id"
    )
    verdict = _of("c", "verdict")
    return Query(
        "claims.verdict.two_independent_publishers",
        ("claims", "evidence"),
        f"SELECT c.{ROW}, {verdict} AS value, coalesce(p.names, 'none') AS names "
        f"FROM {name('claims')} AS c LEFT JOIN ({found}) AS p "
        f"ON c.{name(spec_named('claims').key)} = p.claim_id "
        f"WHERE {verdict} IN ({_values(DISPUTED_VERDICTS)}) AND coalesce(p.publishers, 0) < 2",
    )


def _hosts() -> str:
    """SQL: each evidence row with a publisher and the site its address is on: the host,
    in lower case, without a leading "www."."""
    url, publisher = _of("e", "url"), _of("e", "publisher")
    host = f"regexp_extract({url}, {literal(sql_pattern(URL_HOST))}, 1)"
    site = f"regexp_replace(lower({host}), '^www[.]', '')"
    return (
        f"SELECT e.{ROW}, {publisher} AS publisher, {site} AS host FROM {name('evidence')} AS e "
        f"WHERE {publisher} IS NOT NULL AND {url} IS NOT NULL"
    )


def _one_publisher_per_host() -> Query:
    # The publisher is the site that shows the page: every page on one host names the same
    # one, so a wire's name cannot stand in for the site that carries its story. The name
    # most rows of a host give (on a tie, the first row's) is the host's; each row naming
    # another is a problem, told with the host's first rows only, however many it has.
    counted = (
        f"SELECT host, publisher, count(*) AS n, min({ROW}) AS first FROM hosts "
        "WHERE host <> '' GROUP BY host, publisher"
    )
    ranked = (
        "SELECT host, publisher, n, row_number() OVER (PARTITION BY host ORDER BY n DESC, "
        "first) AS place, count(*) OVER (PARTITION BY host) AS names FROM counted"
    )
    numbered = (
        f"SELECT h.host, h.{ROW}, row_number() OVER (PARTITION BY h.host ORDER BY h.{ROW}) AS k "
        "FROM hosts AS h JOIN main AS m ON h.host = m.host AND h.publisher = m.publisher"
    )
    first = f"CASE WHEN k <= {_FIRST_ROWS} THEN CAST({ROW} AS VARCHAR) END"
    more = (
        f"CASE WHEN m.n > {_FIRST_ROWS} THEN ' and ' || "
        f"CAST(m.n - {_FIRST_ROWS} AS VARCHAR) || ' more' ELSE '' END"
    )
    quoted = "'''' || m.publisher || ''''"
    said = (
        f"SELECT m.host, {quoted} || ' in rows ' || string_agg({first}, ', ' ORDER BY r.{ROW}) "
        f"|| {more} AS others FROM main AS m JOIN numbered AS r ON m.host = r.host "
        "GROUP BY m.host, m.publisher, m.n"
    )
    return Query(
        "evidence.publisher.one_per_host",
        ("evidence",),
        f"WITH hosts AS ({_hosts()}), counted AS ({counted}), ranked AS ({ranked}), "
        "main AS (SELECT host, publisher, n FROM ranked WHERE place = 1 AND names > 1), "
        f"numbered AS ({numbered}), said AS ({said}) "
        f"SELECT h.{ROW}, h.publisher AS value, h.host AS host, s.others FROM hosts AS h "
        "JOIN main AS m ON h.host = m.host AND h.publisher <> m.publisher "
        "JOIN said AS s ON s.host = h.host",
    )


_FIRST_ROWS = 5  # rows named per publisher in a message


def _reviewed_after_publication() -> Query:
    reviewed, published = _of("c", "reviewed_on"), _of("a", "published_on")
    return Query(
        "claims.reviewed_on.not_before_article",
        ("claims", "articles"),
        f"SELECT c.{ROW}, {reviewed} AS value, {published} AS published "
        f"FROM {name('claims')} AS c JOIN {_first('articles')} AS a "
        f"ON c.{name('article_id')} = a.{name(spec_named('articles').key)} "
        f"WHERE {_earlier(reviewed, published)}",
    )


def queries() -> Iterator[Query]:
    yield _published_before_review()
    yield _attribution_evidence_needs_attribution()
    yield _uncheckable_claims_take_context_only()
    yield from _verdicts_need_evidence()
    yield _two_independent_publishers()
    yield _one_publisher_per_host()
    yield _reviewed_after_publication()
