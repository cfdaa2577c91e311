"""Rules of sources.csv that need other tables (every source is used), and the notice of a
description still to be written.

The checks that compare a source with the others (`aliases.distinct`,
`source_id.not_inside_another`) are the sources model's own (`model.schemas`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.checks.rules.base import ROW, Query, literal, matches, name
from factcheck.model import notation
from factcheck.model.cells import SOURCE_ID, TO_BE_DESCRIBED


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


def _described() -> Query:
    # a notice, not a model's check: pandera has no notice, and its own validate would refuse
    # a valid dataset with a source still being described
    description = name("description")
    return Query(
        "sources.description.described",
        ("sources",),
        f"SELECT {ROW}, {description} AS value FROM {name('sources')} "
        f"WHERE {matches(description, re.escape(TO_BE_DESCRIBED))}",
    )


def queries() -> Iterator[Query]:
    yield _source_used()
    yield _described()
