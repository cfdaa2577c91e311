"""Which drafter drafts: the rules, or a learned model (`factcheck.drafting.learned`).

`choose` picks the model named, else the one installed in the user's data folder, else the
rules; a named or installed model that cannot be used is an error, never a quiet fall back to
the rules. Every row a drafter proposes says in its `draft_note` which drafter proposed it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from factcheck.drafting.clauses import Draft, draft_article
from factcheck.drafting.learned import Model, default_path, load
from factcheck.drafting.linking import draft_tagged


@dataclass(frozen=True)
class Drafter:
    """The rules (no `model`) or a learned model, which leaves a sentence the rules attribute
    to them (`rules_first`): on the test articles and the seed article, written for the
    rules, it is then never worse than they are."""

    model: Model | None = None
    rules_first: bool = True

    def describe(self) -> str:
        if self.model is None:
            return "the rules"
        return self.model.describe() + ("" if self.rules_first else ", without the rules")

    def draft(self, text: str, article_id: str, publisher: str, sources: pd.DataFrame) -> Draft:
        if self.model is not None:  # each row noted by the drafter that proposed it
            ruled = (
                draft_article(text, article_id, publisher, sources) if self.rules_first else None
            )
            return draft_tagged(text, article_id, publisher, sources, self.model.tag, ruled)
        drafted = draft_article(text, article_id, publisher, sources)
        drafted.rows = [dataclasses.replace(r, note=f"rules: {r.note}") for r in drafted.rows]
        return drafted


RULES = Drafter()


def choose(model: Path | None = None, rules: bool = False) -> Drafter:
    """The drafter asked for: the rules when `rules`, the model at `model` when given, else
    the model installed in the user's data folder if there is one, else the rules. Raises
    `ModelError` for a model that cannot be used."""
    if rules:
        return RULES
    if model is None:
        installed = default_path()
        if not installed.exists():
            return RULES
        model = installed
    return Drafter(load(model))
