"""How the models' checks are named as rules: one mapping, which the engines' queries and
pandera's report read alike."""

from __future__ import annotations

import pandera.pandas as pa

from factcheck.model.rule_ids import (
    BUILTIN_RULES,
    column_rule_id,
    reported_column,
    table_rule_id,
)
from factcheck.model.tables import TABLES
from factcheck.registry import rule


def test_pandera_built_in_checks_report_under_our_names() -> None:
    assert column_rule_id("claims", "claim_id", "str_matches") == "claims.claim_id.format"
    assert column_rule_id("claims", "quote", "not_nullable") == "claims.quote.required"
    assert column_rule_id("claims", "when", "date_or_interval") == "claims.when.date_or_interval"


def test_a_check_on_whole_rows_reports_at_the_column_it_is_named_after() -> None:
    assert table_rule_id("claims", "span_end.after_start") == "claims.span_end.after_start"
    assert reported_column("span_end.after_start") == "span_end"


def test_every_check_of_every_model_names_a_declared_rule() -> None:
    """A built-in check the mapping does not know would report under pandera's own name,
    which no rule declares."""
    for spec in TABLES:
        for column_name, column in spec.schema.columns.items():
            for check in column.checks:
                if hasattr(pa.Check, str(check.name)):  # one of pandera's built-in checks
                    assert check.name in BUILTIN_RULES, check.name
                rule(column_rule_id(spec.name, column_name, str(check.name)))


def test_every_boolean_column_declares_its_allowed_values() -> None:
    """A boolean column's rule is declared beside it (`boolean_rule`): one without would
    accept any text."""
    from factcheck.model.schemas import BOOLEAN, allowed_values

    for spec in TABLES:
        for name in spec.typed("boolean"):
            assert allowed_values(spec.schema.columns[name]) == BOOLEAN, (spec.name, name)
