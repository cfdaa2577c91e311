"""The registry is the one place rules are declared, and every declared rule is tested.

A rule counts as having a fixture when some test states a whole message ending in its id in
brackets, `... [claims.quote.matches_span]`, as the validator prints it: the test then checks
its exact words at an exact place.
"""

from __future__ import annotations

import ast
import re

import pytest

from conftest import REPO
from factcheck import registry
from factcheck.checks.rules import dataset_queries
from factcheck.checks.rules.columns import schema_rule_ids
from factcheck.model.tables import TABLES

STATED = re.compile(r"[ \"]\[([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\]")
PACKAGE = REPO / "src" / "factcheck"


def stated_rule_ids() -> set[str]:
    """Every rule id a test states at the end of a message, in brackets."""
    found: set[str] = set()
    for path in (REPO / "tests").glob("test_*.py"):
        if path.name != "test_registry.py":
            found |= set(STATED.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_declared_rule_has_a_fixture_stating_its_message() -> None:
    stated = stated_rule_ids()
    untested = [r.id for r in registry.RULES.values() if not any(r.matches(s) for s in stated)]
    assert untested == []


def test_every_rule_the_checks_report_is_declared() -> None:
    reported = [rule for spec in TABLES for rule in schema_rule_ids(spec)]
    reported += [rule.id for rule in dataset_queries()]
    for rule_id in reported:
        assert registry.rule(rule_id).matches(rule_id), rule_id


def test_every_stated_rule_is_declared() -> None:
    """A test cannot state a message of a rule the registry does not know."""
    for rule_id in stated_rule_ids():
        registry.rule(rule_id)


def test_problems_are_made_only_through_the_registry() -> None:
    """No module but the registry calls `Problem(...)`, so every message has one wording."""
    makers = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("problems.py", "registry.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
                makers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert makers == []


def test_a_message_is_its_requirement_then_its_detail() -> None:
    problem = registry.problem(
        "claims.quote.matches_span", "claims.csv", 6, "quote", "The rare trips", actual="x"
    )
    assert problem.message == (
        "must be exactly the article's text from span_start to span_end, which reads 'x'"
    )
    assert problem.severity == registry.ERROR
    assert registry.rule("evidence.summary.trimmed").id == "*.*.trimmed"


def test_an_undeclared_rule_or_a_missing_field_is_a_bug_not_a_message() -> None:
    with pytest.raises(KeyError, match=r"no rule 'claims\.quote\.invented'"):
        registry.problem("claims.quote.invented", "claims.csv")
    with pytest.raises(KeyError, match="actual"):
        registry.problem("claims.quote.matches_span", "claims.csv")


def test_no_rule_is_declared_twice() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        registry._rules(registry.Rule("a.b.c", "x"), registry.Rule("a.b.c", "y"))
