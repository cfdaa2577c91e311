"""The names of sources: how a name or an alias is written in `sources.csv`, and compared."""

from __future__ import annotations

from typing import Any

from factcheck.model.sql import ROW, TABLE, literal, name

ALIAS_SEPARATOR = " | "
# The SQL name of `name_key`, which SQL calls as Python: how names are compared is defined
# once, here.
NAME_KEY = "fc_name_key"


def alias_list(cell: Any) -> list[str]:
    """The aliases a sources.csv `aliases` cell holds; an empty cell holds none."""
    return cell.split(ALIAS_SEPARATOR) if isinstance(cell, str) else []


def name_key(name: str) -> str:
    """How names are compared: case, typographic apostrophes and runs of spaces ignored."""
    return " ".join(name.replace("\u2019", "'").casefold().split())


def _name_keys(texts: str) -> str:
    """SQL: the rows of `texts` (`_row`, `text`) as `_row` and `key`, the text's name key."""
    return f"SELECT {ROW}, {NAME_KEY}(text) AS key FROM ({texts}) AS texts"


def _alias_keys() -> str:
    """SQL: each source's aliases as `_row` and `key` (the alias's name key), one row each."""
    aliases = name("aliases")
    return _name_keys(
        f"SELECT {ROW}, unnest(string_split({aliases}, {literal(ALIAS_SEPARATOR)})) AS text "
        f"FROM {TABLE} WHERE {aliases} IS NOT NULL"
    )


def aliases_not_distinct() -> str:
    """SQL: the `_row` of each source with an alias that is blank, or not told apart from its
    own name, its other aliases and every other source's name and aliases."""
    names = _name_keys(
        f"SELECT {ROW}, {name('name')} AS text FROM {TABLE} WHERE {name('name')} IS NOT NULL"
    )
    # How many times each key occurs across every source's name and aliases: an alias is
    # told apart when its key occurs once, its own occurrence.
    owners = (
        f"SELECT key, count(*) AS owners FROM (SELECT key FROM ({names}) AS named "
        f"UNION ALL SELECT key FROM ({_alias_keys()}) AS listed) AS every_name GROUP BY key"
    )
    # a blank alias is the only one whose key is empty
    return (
        f"SELECT a.{ROW} FROM ({_alias_keys()}) AS a JOIN ({owners}) AS o ON a.key = o.key "
        "WHERE o.owners > 1 OR a.key = ''"
    )
