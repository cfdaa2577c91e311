"""Rules of evidence.csv against its claims: what an item may bear on, when it was
published, and who publishes on one site. (The rules that a claim's verdict rests on the
evidence it needs report on the claim: `claims`.)"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.rules.base import (
    ROW,
    Query,
    earlier,
    first_rows,
    literal,
    name,
    of,
    values_in,
)
from factcheck.model.cells import URL_HOST
from factcheck.model.sql import sql_pattern
from factcheck.model.tables import spec_named
from factcheck.model.vocabularies import (
    AttributionCheck,
    BearsOn,
    Stance,
    Verdict,
)


def _with_claim(select: str, where: str) -> str:
    """SQL: `select` over each evidence row (`e`) and the claim it names (`c`), where `where`
    holds; evidence naming no listed claim has no claim to compare with."""
    key = name(spec_named("claims").key)
    return (
        f"SELECT {select} FROM {name('evidence')} AS e JOIN {first_rows('claims')} AS c "
        f"ON e.{name('claim_id')} = c.{key} WHERE {where}"
    )


def _published_before_review() -> Query:
    published, reviewed = of("e", "published_on"), of("c", "reviewed_on")
    return Query(
        "evidence.published_on.not_after_review",
        ("evidence", "claims"),
        _with_claim(
            f"e.{ROW}, {published} AS value, {reviewed} AS reviewed",
            earlier(reviewed, published),
        ),
    )


def _attribution_evidence_needs_attribution() -> Query:
    bears_on = of("e", "bears_on")
    return Query(
        "evidence.bears_on.attributed_claim",
        ("evidence", "claims"),
        _with_claim(
            f"e.{ROW}, {bears_on} AS value",
            f"{bears_on} = {literal(BearsOn.ATTRIBUTION.value)} AND "
            f"{of('c', 'attribution_check')} = {literal(AttributionCheck.NOT_APPLICABLE.value)}",
        ),
    )


def _uncheckable_claims_take_context_only() -> Query:
    stance = of("e", "stance")
    settling = values_in([Stance.SUPPORTS.value, Stance.REFUTES.value])
    return Query(
        "evidence.stance.checkable_claim",
        ("evidence", "claims"),
        _with_claim(
            f"e.{ROW}, {stance} AS value",
            f"{of('c', 'verdict')} = {literal(Verdict.NOT_CHECKABLE.value)} AND "
            f"{of('e', 'bears_on')} = {literal(BearsOn.CONTENT.value)} AND "
            f"{stance} IN ({settling})",
        ),
    )


def _hosts() -> str:
    """SQL: each evidence row with a publisher and the site its address is on: the host,
    in lower case, without a leading "www."."""
    url, publisher = of("e", "url"), of("e", "publisher")
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


def queries() -> Iterator[Query]:
    yield _published_before_review()
    yield _attribution_evidence_needs_attribution()
    yield _uncheckable_claims_take_context_only()
    yield _one_publisher_per_host()
