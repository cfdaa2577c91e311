"""The benchmark's synthetic data is valid under every rule, so the benchmark measures the
full validation, and canonical, so its files are what `factcheck format` would write."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from frictionless import validate

from conftest import REPO
from factcheck.checks.validate import check_dataset
from factcheck.edits.formatting import format_dataset
from factcheck.problems import blocking

sys.path.insert(0, str(REPO / "benchmarks"))

from generate import generate


def test_generated_data_passes_every_rule_and_is_canonical(tmp_path: Path) -> None:
    generate(730, tmp_path)
    checked = check_dataset(tmp_path)
    assert blocking(checked.problems) == []
    assert checked.problems == []  # no notice either: the files are canonical
    assert format_dataset(tmp_path, check_only=True).changed == {}
    claims = checked.tables["claims"]
    assert len(claims) == 730
    assert set(claims["verdict"]) == {
        "supported",
        "partly_supported",
        "refuted",
        "not_enough_evidence",
        "not_checkable",
    }
    assert claims["attribution"].str.contains(" > ").any()
    assert len(checked.tables["evidence"]) > len(claims)
    assert validate(str(tmp_path / "datapackage.json")).valid


def test_bounded_run_finds_the_rows_broken_near_each_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import run

    generate(730, tmp_path / "730")
    run.bounded(730, tmp_path)
    printed = capsys.readouterr().out
    assert "exit code 1" in printed
    for row in (10, 657):
        assert f"claims.csv, row {row}, column certainty: 'maybe' must be one of" in printed
    assert (tmp_path / "730" / "claims.csv").read_bytes().count(b"maybe") == 0
