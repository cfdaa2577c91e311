"""Rules of claims.csv against sources, texts, articles and evidence: chains, spans,
quotes and cue words, the review's date, and the evidence each verdict rests on.

The queries trust only what the schema has not already reported: chains and cues that are
well-formed, spans whose offsets are whole numbers with start < end. Rules about where a
span sits trust only grounded claims, whose quote is exactly the text at their span.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.rules.base import (
    ROW,
    Query,
    earlier,
    first_rows,
    literal,
    matches,
    name,
    of,
    values_in,
)
from factcheck.model import notation
from factcheck.model.cells import NON_NEGATIVE_INTEGER
from factcheck.model.tables import spec_named
from factcheck.model.vocabularies import (
    DISPUTED_VERDICTS,
    AttributionCheck,
    BearsOn,
    Stance,
    Verdict,
)

# The SQL function that writes a cell as Python's `repr` does (`functions` registers it):
# the cue rules' messages quote missing cues so, and SQL cannot tell which characters
# Python prints as escapes.
PYTHON_REPR = "fc_python_repr"

_LINK = literal(notation.LINK)
_JOINT = literal(notation.JOINT)


def spans() -> str:
    """SQL: claims whose offsets are both whole numbers with start < end, as integers
    `start` and `"end"` beside the cells the rules read. An offset past 64 bits is left
    out (TRY_CAST): no text is that long, and the span rules have nothing to compare."""
    start, end = "TRY_CAST(span_start AS BIGINT)", "TRY_CAST(span_end AS BIGINT)"
    cells = "article_id, quote, span_start, span_end, attribution_cue, certainty_cue"
    return (
        f'SELECT {ROW}, {cells}, {start} AS start, {end} AS "end" '
        f"FROM claims WHERE {matches('span_start', NON_NEGATIVE_INTEGER)} "
        f"AND {matches('span_end', NON_NEGATIVE_INTEGER)} AND {start} < {end}"
    )


def _placed() -> str:
    """SQL: spans of claims whose article is listed and its text readable, with the text
    and its length; the text_file rule says why any other article has none."""
    return (
        f"SELECT s.*, t.text, t.length FROM ({spans()}) AS s "
        "JOIN texts AS t ON t.article_id = s.article_id AND t.text IS NOT NULL"
    )


def _at_span(placed: str) -> str:
    """SQL: the text of a placed claim at its span (cut short at the text's end, as
    Python's slice is)."""
    return f'substring({placed}.text, {placed}.start + 1, {placed}."end" - {placed}.start)'


def _grounded() -> str:
    """SQL: grounded claims with the paragraph or heading their span starts in (`kind` and
    `paragraph` NULL where it starts between paragraphs). The as-of join takes the last
    paragraph starting at or before the span, as a search over sorted starts would."""
    inside = 'g.start < p."end"'
    return (
        f"SELECT g.{ROW}, g.span_start, g.attribution_cue, g.certainty_cue, "
        f"CASE WHEN {inside} THEN p.kind END AS kind, "
        f"CASE WHEN {inside} THEN p.text END AS paragraph "
        f"FROM ({_placed()}) AS g "
        "ASOF LEFT JOIN paragraphs AS p ON p.article_id = g.article_id AND g.start >= p.start "
        f"WHERE {_at_span('g')} = g.quote"
    )


def _each(columns: str, items: str, item: str, source: str) -> str:
    """SQL: a row for every element (`item`) of the list `items` of each row of `source`,
    with `columns` and the element's place in its list (`ordinal`, from 1)."""
    return (
        f"SELECT {columns}, unnest({items}) AS {item}, "
        f"generate_subscripts({items}, 1) AS ordinal FROM ({source})"
    )


def _listing(item: str, order: str) -> str:
    """SQL: an aggregate listing `item`s as a message does, joined by commas in `order`."""
    return f"string_agg({item}, ', ' ORDER BY {order})"


def _chains() -> str:
    """SQL: claims with a well-formed attribution chain."""
    well_formed = matches("attribution", notation.ATTRIBUTION)
    return f"SELECT {ROW}, article_id, attribution FROM claims WHERE {well_formed}"


def _sources_exist() -> Query:
    # every source id of a chain with its position (split as `notation.source_ids` does),
    # then the unknown ones, each named once where it first appears
    groups = f"string_split(attribution, {_LINK})"
    ids = f"flatten(list_transform({groups}, lambda g: string_split(g, {_JOINT})))"
    named = _each(f"{ROW}, attribution", ids, "source_id", _chains())
    unknown = (
        f"SELECT {ROW}, attribution, source_id, min(ordinal) AS first_seen FROM ({named}) "
        "WHERE source_id NOT IN (SELECT source_id FROM sources WHERE source_id IS NOT NULL) "
        f"GROUP BY {ROW}, attribution, source_id"
    )
    return Query(
        "claims.attribution.sources_exist",
        ("claims", "sources"),
        f"SELECT {ROW}, attribution AS value, {_listing('source_id', 'first_seen')} AS names "
        f"FROM ({unknown}) GROUP BY {ROW}, attribution",
    )


def _starts_with_publisher() -> Query:
    # the publisher of the first row listing the article; one not in sources.csv is
    # reported on its article, not on every claim
    publishers = (
        "SELECT article_id, publisher_source_id AS publisher FROM articles "
        "WHERE article_id IS NOT NULL "
        f"QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY {ROW}) = 1"
    )
    return Query(
        "claims.attribution.starts_with_publisher",
        ("claims", "articles", "sources"),
        f"SELECT c.{ROW}, c.attribution AS value, p.publisher FROM ({_chains()}) AS c "
        f"JOIN ({publishers}) AS p ON p.article_id = c.article_id "
        "WHERE p.publisher IN (SELECT source_id FROM sources) "
        f"AND split_part(c.attribution, {_LINK}, 1) <> p.publisher",
    )


def _span_inside_text() -> Query:
    return Query(
        "claims.span_end.inside_text",
        ("claims", "articles"),
        f'SELECT {ROW}, span_end AS value, length FROM ({_placed()}) WHERE "end" > length',
    )


def _quote_matches() -> Query:
    # a span past the text's end is reported by the rule above, not here
    return Query(
        "claims.quote.matches_span",
        ("claims", "articles"),
        f"SELECT {ROW}, quote AS value, {_at_span('s')} AS actual FROM ({_placed()}) AS s "
        f'WHERE s."end" <= s.length AND s.quote IS NOT NULL AND {_at_span("s")} <> s.quote',
    )


def _not_in_heading() -> Query:
    return Query(
        "claims.span_start.not_in_heading",
        ("claims", "articles"),
        f"SELECT {ROW}, span_start AS value, paragraph AS heading FROM ({_grounded()}) "
        "WHERE kind = 'heading'",
    )


def _cues_in_paragraph(rule_id: str, column: str, present: str, cues: str) -> Query:
    """The rule that every cue of `column` (`cues`, an SQL list, where `present` holds)
    occurs in the claim's paragraph; the missing ones are listed as Python's `repr`s, in
    order, repeats kept."""
    listed = (
        f"SELECT {ROW}, {column} AS cell, coalesce(paragraph, '') AS paragraph, "
        f"{cues} AS cues FROM ({_grounded()}) WHERE {present}"
    )
    each = _each(f"{ROW}, cell, paragraph", "cues", "cue", listed)
    return Query(
        rule_id,
        ("claims", "articles"),
        f"SELECT {ROW}, cell AS value, {_listing(f'{PYTHON_REPR}(cue)', 'ordinal')} AS missing "
        f"FROM ({each}) WHERE NOT contains(paragraph, cue) GROUP BY {ROW}, cell",
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
        f"{of('e', 'bears_on')} = {literal(bears_on.value)} AND "
        f"{of('e', 'stance')} = {literal(stance.value)})",
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
    """SQL: each claim id with the independent publishers of its content evidence that takes
    a side (`who`: the originator, whose story an outlet carries, else the publisher), once
    each. An item that only gives context is no part of what a verdict rests on."""
    who = f"coalesce({of('e', 'originator')}, {of('e', 'publisher')})"
    claim_id = of("e", "claim_id")
    sides = f"({literal(Stance.SUPPORTS.value)}, {literal(Stance.REFUTES.value)})"
    return (
        f"SELECT DISTINCT {claim_id} AS claim_id, {who} AS who FROM {name('evidence')} AS e "
        f"WHERE {of('e', 'bears_on')} = {literal(BearsOn.CONTENT.value)} "
        f"AND {of('e', 'stance')} IN {sides} AND {claim_id} IS NOT NULL AND {who} IS NOT NULL"
    )


def _independent_publishers(rule: str, verdicts: str, too_few: str) -> Query:
    """The claims whose verdict is one of `verdicts` (SQL) and whose count of independent
    publishers, `publishers`, meets `too_few` (SQL), with their names."""
    # Text orders by code point here as Python's `sorted` does (UTF-8 bytes sort alike).
    found = (
        "SELECT claim_id, count(*) AS publishers, string_agg(who, ', ' ORDER BY who) AS names "
        f"FROM ({_content_publishers()}) AS content GROUP BY claim_id"
    )
    verdict = of("c", "verdict")
    publishers = too_few.format(publishers="coalesce(p.publishers, 0)")
    return Query(
        rule,
        ("claims", "evidence"),
        f"SELECT c.{ROW}, {verdict} AS value, coalesce(p.names, 'none') AS names "
        f"FROM {name('claims')} AS c LEFT JOIN ({found}) AS p "
        f"ON c.{name(spec_named('claims').key)} = p.claim_id "
        f"WHERE {verdict} IN ({verdicts}) AND {publishers}",
    )


def _two_independent_publishers() -> Query:
    return _independent_publishers(
        "claims.verdict.two_independent_publishers",
        values_in(DISPUTED_VERDICTS),
        "{publishers} < 2",
    )


def _one_independent_publisher() -> Query:
    # a notice: one source may be all there is, but an editor should see that a verdict rests
    # on it (a refuted claim with one is already an error, `two_independent_publishers`;
    # a supported claim with none, `supported_needs_support`)
    return _independent_publishers(
        "claims.verdict.one_independent_publisher",
        literal(Verdict.SUPPORTED.value),
        "{publishers} = 1",
    )


def _reviewed_after_publication() -> Query:
    reviewed, published = of("c", "reviewed_on"), of("a", "published_on")
    return Query(
        "claims.reviewed_on.not_before_article",
        ("claims", "articles"),
        f"SELECT c.{ROW}, {reviewed} AS value, {published} AS published "
        f"FROM {name('claims')} AS c JOIN {first_rows('articles')} AS a "
        f"ON c.{name('article_id')} = a.{name(spec_named('articles').key)} "
        f"WHERE {earlier(reviewed, published)}",
    )


def _rewritten() -> Query:
    # a notice, not a model's check: pandera has no notice, and its own validate would refuse
    # a valid dataset with a claim still to rewrite. The drafter writes a claim as its quote
    # with a capital and a full stop; any case and a final full stop are set aside.
    claim, quote = "lower(claim)", "lower(quote)"
    return Query(
        "claims.claim.rewritten",
        ("claims",),
        f"SELECT {ROW}, claim AS value FROM claims "
        f"WHERE {claim} = {quote} OR {claim} = {quote} || '.'",
    )


def queries() -> Iterator[Query]:
    yield _sources_exist()
    yield _rewritten()
    yield _starts_with_publisher()
    yield _span_inside_text()
    yield _quote_matches()
    yield _not_in_heading()
    yield _cues_in_paragraph(
        "claims.attribution_cue.in_paragraph",
        "attribution_cue",
        matches("attribution_cue", notation.CUES),
        f"string_split(attribution_cue, {_LINK})",
    )
    yield _cues_in_paragraph(
        "claims.certainty_cue.in_paragraph",
        "certainty_cue",
        "certainty_cue IS NOT NULL",
        "[certainty_cue]",
    )
    yield from _verdicts_need_evidence()
    yield _two_independent_publishers()
    yield _one_independent_publisher()
    yield _reviewed_after_publication()
