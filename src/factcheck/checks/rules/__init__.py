"""Dataset rules: what no single table can say about itself.

References resolve across tables, spans and quotes agree with the stored article text, the
text matches its recorded hash, cue words are the article's own, every source is used, every
body sentence is covered by a claim, and verdicts rest on the evidence they need. Each rule
is declared in `factcheck.registry`, implemented in the module of the table it reports on,
and run by `run_rules` for the CLI, the loader and the tests alike.

Rules work on whole columns, so a million claims cost a few vectorised passes; only the
failing rows become problems. A rule skips cells that break a table's own schema (a span
that is not a number, an id of the wrong form): the schema has already reported them.
"""

from __future__ import annotations

from factcheck.checks.context import Context
from factcheck.checks.rules import articles, claims, evidence, references, sources
from factcheck.checks.rules.base import RULES, DatasetRule
from factcheck.problems import Problem

MODULES = (references, articles, claims, sources, evidence)  # in the order they register


def run_rules(context: Context) -> list[Problem]:
    """Every rule whose tables could be read, in registration order."""
    return [p for r in RULES if context.has(*r.needs) for p in r.check(r, context)]


__all__ = ["MODULES", "RULES", "DatasetRule", "run_rules"]
