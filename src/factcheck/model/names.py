"""The names of sources: how a name or an alias is written in `sources.csv`, and compared."""

from __future__ import annotations

from typing import Any

import pandas as pd

ALIAS_SEPARATOR = " | "


def alias_list(cell: Any) -> list[str]:
    """The aliases a sources.csv `aliases` cell holds; an empty cell holds none."""
    return cell.split(ALIAS_SEPARATOR) if isinstance(cell, str) else []


def name_key(name: str) -> str:
    """How names are compared: case, typographic apostrophes and runs of spaces ignored."""
    return " ".join(name.replace("\u2019", "'").casefold().split())


def names_distinct(df: pd.DataFrame) -> pd.Series:
    """Whether each source's aliases are empty of blanks and told apart from its own name,
    its other aliases and every other source's name and aliases."""
    owners: dict[str, int] = {}  # how many times each name or alias occurs, across sources
    for name, aliases in zip(df["name"], df["aliases"], strict=True):
        for each in ([name] if isinstance(name, str) else []) + alias_list(aliases):
            owners[name_key(each)] = owners.get(name_key(each), 0) + 1
    return (
        df["aliases"]
        .map(
            lambda cell: all(
                alias.strip() and owners[name_key(alias)] == 1 for alias in alias_list(cell)
            )
        )
        .astype(bool)
    )
