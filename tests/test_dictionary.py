"""The committed data dictionary is exactly what the schemas generate."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from factcheck import registry
from factcheck.checks.rules import dataset_queries
from factcheck.cli import main
from factcheck.exports.dictionary import render
from factcheck.model.tables import TABLES


def test_committed_dictionary_is_current() -> None:
    committed = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == render(), "run: factcheck export dictionary -o docs/data-dictionary.md"


def test_dictionary_documents_every_column_and_rule() -> None:
    markdown = render()
    for spec in TABLES:
        for name, column in spec.schema.columns.items():
            assert f"| `{name}` | {column.metadata['dtype']} |" in markdown
    for declared in registry.RULES.values():
        assert f"| `{declared.id}` | {declared.severity} |" in markdown
    for rule in dataset_queries():  # a dataset rule is listed under its own id, or for any column
        assert f"| `{registry.rule(rule.id).id}` |" in markdown


def test_dictionary_command_writes_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "dictionary.md"
    assert main(["export", "dictionary", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render()
    assert capsys.readouterr().out == f"wrote {target}\n"
    assert main(["export", "dictionary"]) == 0
    assert capsys.readouterr().out == render()
