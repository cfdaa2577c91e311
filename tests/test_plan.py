"""The validation plan: generated from the models, and all that `validate` needs of them."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import REPO
from factcheck.checks import plan
from factcheck.checks.rules.columns import column_queries, table_queries
from factcheck.model import planned
from factcheck.model.tables import TABLES, TableSpec

# What validation on the bundled data must not import: the models' library, plotting,
# Spark, templates and spreadsheets.
NOT_IMPORTED = ("pandera", "matplotlib", "pyspark", "jinja2", "openpyxl")


def test_the_committed_plan_is_what_the_models_make() -> None:
    committed = planned.PLAN_FILE.read_text(encoding="utf-8")
    assert committed == plan.render(), f"run: {planned.REGENERATE}"


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_the_planned_queries_are_the_models_queries(spec: TableSpec) -> None:
    assert plan.queries(spec) == [*column_queries(spec), *table_queries(spec)]


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_a_tables_planned_columns_are_its_models(spec: TableSpec) -> None:
    schema = spec.schema
    assert spec.columns == list(schema.columns)
    for dtype in ("string", "category", "boolean", "date", "Int64"):
        wanted = [n for n, c in schema.columns.items() if c.metadata["dtype"] == dtype]
        assert spec.typed(dtype) == wanted
    for name, column in schema.columns.items():
        patterns = [c.statistics["pattern"] for c in column.checks if c.name == "str_matches"]
        assert spec.pattern(name) == (patterns[0] if patterns else None)


def test_every_planned_function_is_importable_without_pandera() -> None:
    """The Python checks the plan names are module-level functions of modules that do not
    import pandera."""
    references = {
        declared["function"]
        for spec in TABLES
        for declared in planned.table(spec.name)["functions"]
    }
    assert references
    modules = sorted({reference.split(":")[0] for reference in references})
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'pandera'))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"
    for reference in references:
        assert callable(plan.function(reference))


def test_validate_imports_nothing_it_does_not_use() -> None:
    """`factcheck validate` of the bundled data, in a fresh process: none of the packages
    only other commands use is imported (`python -X importtime` lists every import)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "factcheck", "validate"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    imported = set(re.findall(r"^import time:.*\|\s*([\w.]+)$", result.stderr, re.M))
    assert imported, result.stderr
    assert sorted({m for m in imported if m.split(".")[0] in NOT_IMPORTED}) == []
