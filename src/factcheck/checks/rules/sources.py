"""Rules of sources.csv that need more than a row: every source is used, and sources' names
and ids are told apart.

Here too are the two checks of the sources model that compare a row with every other row
(`aliases.distinct`, `source_id.not_inside_another`), which the column compiler leaves out
(`columns.WHOLE_TABLE`). They report as any model check on whole rows does: at the column
the check's name starts with, showing that column's cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.engines.base import ROW
from factcheck.checks.rules.base import Query, literal, matches, name
from factcheck.model import notation
from factcheck.model.names import ALIAS_SEPARATOR
from factcheck.model.schemas import SOURCE_ID

# The SQL name of `names.name_key`, which an engine runs as Python (`functions`): how
# sources' names are compared is defined once, there.
NAME_KEY = "fc_name_key"


def _used_source_ids() -> str:
    """SQL: every source id a well-formed attribution chain names, and every article's
    publisher. In a well-formed chain the separators are the only spaces, so making the
    joint separator a link one splits the chain into its ids, as `notation.source_ids` does."""
    chain = name("attribution")
    links = f"replace({chain}, {literal(notation.JOINT)}, {literal(notation.LINK)})"
    publisher = name("publisher_source_id")
    return (
        f"SELECT unnest(string_split({links}, {literal(notation.LINK)})) AS source_id "
        f"FROM {name('claims')} WHERE {matches(chain, notation.ATTRIBUTION)} "
        f"UNION SELECT {publisher} FROM {name('articles')} WHERE {publisher} IS NOT NULL"
    )


def _source_used() -> Query:
    source_id = name("source_id")
    return Query(
        "sources.source_id.used",
        ("sources", "claims", "articles"),
        f"SELECT {ROW}, {source_id} AS value FROM {name('sources')} "
        f"WHERE {matches(source_id, SOURCE_ID)} "
        f"AND {source_id} NOT IN ({_used_source_ids()})",
    )


def _name_keys(texts: str) -> str:
    """SQL: the rows of `texts` (`_row`, `text`) as `_row` and `key`, the text's
    `names.name_key`."""
    return f"SELECT {ROW}, {NAME_KEY}(text) AS key FROM ({texts}) AS texts"


def _alias_keys() -> str:
    """SQL: each source's aliases as `_row` and `key` (the alias's name key), one row each."""
    aliases = name("aliases")
    return _name_keys(
        f"SELECT {ROW}, unnest(string_split({aliases}, {literal(ALIAS_SEPARATOR)})) AS text "
        f"FROM {name('sources')} WHERE {aliases} IS NOT NULL"
    )


def _aliases_distinct() -> Query:
    names = _name_keys(
        f"SELECT {ROW}, {name('name')} AS text FROM {name('sources')} "
        f"WHERE {name('name')} IS NOT NULL"
    )
    # How many times each key occurs across every source's name and aliases: an alias is
    # told apart when its key occurs once, its own occurrence.
    owners = (
        f"SELECT key, count(*) AS owners FROM (SELECT key FROM ({names}) AS named "
        f"UNION ALL SELECT key FROM ({_alias_keys()}) AS listed) AS every_name GROUP BY key"
    )
    # a blank alias is the only one whose key is empty
    failing = (
        f"SELECT a.{ROW} FROM ({_alias_keys()}) AS a JOIN ({owners}) AS o ON a.key = o.key "
        "WHERE o.owners > 1 OR a.key = ''"
    )
    return Query(
        "sources.aliases.distinct",
        ("sources",),
        f"SELECT {ROW}, {name('aliases')} AS value FROM {name('sources')} "
        f"WHERE {ROW} IN ({failing})",
    )


def _not_inside_another() -> Query:
    source_id = name("source_id")
    return Query(
        "sources.source_id.not_inside_another",
        ("sources",),
        f"SELECT s.{ROW}, s.{source_id} AS value FROM {name('sources')} AS s WHERE EXISTS "
        f"(SELECT 1 FROM {name('sources')} AS o WHERE o.{source_id} <> s.{source_id} "
        f"AND position(s.{source_id} IN o.{source_id}) > 0)",
    )


def queries() -> Iterator[Query]:
    yield _source_used()
    yield _aliases_distinct()
    yield _not_inside_another()
