"""Checking claims and evidence in blocks finds exactly what a whole read finds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import REPO, lines, read_rows, set_cell, write_rows
from factcheck.checks import blockwise, keys, validate
from factcheck.checks.collector import Collector
from factcheck.checks.rules import Context
from factcheck.checks.validate import check_dataset
from factcheck.cli import main
from factcheck.model.tables import spec_named
from factcheck.storage.reader import read_table


def found(directory: Path, size: int) -> list[str]:
    return lines(check_dataset(directory, block_size=size).problems)


@pytest.mark.parametrize("size", [1, 1024, 7000, 2**30])
def test_the_bundled_dataset_is_valid_in_blocks_of_any_size(size: int) -> None:
    """Blocks of one byte hold one record each; 1 GiB holds the whole file."""
    assert found(REPO, size) == []


def test_repeats_far_apart_are_found_as_in_a_whole_read(dataset: Path) -> None:
    claims = read_rows(dataset / "claims.csv")
    set_cell(dataset, "claims.csv", len(claims), "claim_id", claims[1][0])
    evidence = read_rows(dataset / "evidence.csv")
    copy = list(evidence[1])
    copy[0] = "E9999"
    write_rows(dataset / "evidence.csv", [*evidence, copy])
    whole = found(dataset, 0)
    rules = {line.rsplit("[", 1)[1] for line in whole}
    assert {"claims.claim_id.unique]", "evidence.url.not_duplicated]"} <= rules
    assert f"claims.csv, row 2, column claim_id: '{claims[1][0]}' must be unique, but rows 2, " in (
        "\n".join(whole)
    )
    for size in (1, 1024, 7000):
        assert found(dataset, size) == whole


def test_an_extra_column_is_reported_once_however_many_blocks(dataset: Path) -> None:
    """A header problem belongs to the file, not to a block: reported once, as whole."""
    for name in ("claims.csv", "evidence.csv"):
        rows = read_rows(dataset / name)
        write_rows(dataset / name, [[*rows[0], "extra"]] + [[*r, "x"] for r in rows[1:]])
    whole = found(dataset, 0)
    rules = [line.rsplit(" [", 1)[1] for line in whole]
    assert rules.count("claims.columns.known]") == rules.count("evidence.columns.known]") == 1
    assert found(dataset, 5000) == whole


def test_each_extra_column_is_reported(dataset: Path) -> None:
    rows = read_rows(dataset / "claims.csv")
    header = [*rows[0], "extra", "more"]
    write_rows(dataset / "claims.csv", [header] + [[*r, "x", "y"] for r in rows[1:]])
    whole = found(dataset, 0)
    assert [line.split(":")[0] for line in whole] == [
        "claims.csv, column extra",
        "claims.csv, column more",
    ]
    assert found(dataset, 5000) == whole


def test_a_duplicated_claim_in_another_block_is_found(dataset: Path) -> None:
    claims = read_rows(dataset / "claims.csv")
    copy = list(claims[1])
    copy[0] = "C9999"
    write_rows(dataset / "claims.csv", [*claims, copy])
    whole = found(dataset, 0)
    assert any(line.endswith("[claims.claim.not_duplicated]") for line in whole)
    assert found(dataset, 1024) == whole


def test_hash_collisions_cost_a_second_read_never_a_wrong_report(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row hashing alike makes every row a candidate: only true repeats are reported."""

    def collide(cells: pd.Series | pd.DataFrame) -> np.ndarray:
        return np.zeros(len(cells), np.uint64)

    monkeypatch.setattr(blockwise, "row_hashes", collide)
    monkeypatch.setattr(keys, "row_hashes", collide)
    assert found(dataset, 1024) == []
    claims = read_rows(dataset / "claims.csv")
    set_cell(dataset, "claims.csv", 30, "claim_id", claims[5][0])
    assert found(dataset, 1024) == found(dataset, 0) != []


def test_a_broken_row_is_reported_alike_in_the_first_and_last_block(dataset: Path) -> None:
    last = len(read_rows(dataset / "claims.csv"))
    for row in (3, last):
        set_cell(dataset, "claims.csv", row, "verdict", "maybe")
    whole = found(dataset, 0)
    assert [line.split(",")[1] for line in whole if "claims.verdict.allowed" in line] == [
        " row 3",
        f" row {last}",
    ]
    assert found(dataset, 1024) == whole


def test_references_and_evidence_rules_reach_across_blocks(dataset: Path) -> None:
    """Evidence in the last block naming a claim of the first; a supported claim whose
    only support is far away, then removed."""
    set_cell(dataset, "evidence.csv", 2, "claim_id", "C9998")
    whole = found(dataset, 0)
    assert any("[evidence.claim_id.exists]" in line for line in whole)
    assert found(dataset, 1024) == whole


def test_a_file_that_stops_parsing_part_way_keeps_the_problems_before(dataset: Path) -> None:
    """The one difference from a whole read, which stops at the fatal problem: rows read
    before it were checked, and their problems stay listed."""
    set_cell(dataset, "claims.csv", 3, "verdict", "maybe")
    rows = read_rows(dataset / "claims.csv")
    rows[-1].append("extra")
    write_rows(dataset / "claims.csv", rows)
    whole, blocks = found(dataset, 0), found(dataset, 1024)
    assert [line for line in blocks if "claims.verdict.allowed" not in line] == whole
    assert any("claims.verdict.allowed" in line for line in blocks)


def test_validate_reads_in_blocks_on_request(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(dataset, "claims.csv", 3, "verdict", "maybe")
    assert main(["validate", "--dir", str(dataset), "--block-mib", "1"]) == 1
    blocks = capsys.readouterr().out
    assert main(["validate", "--dir", str(dataset), "--block-mib", "0"]) == 1
    assert capsys.readouterr().out == blocks


def test_large_tables_are_read_in_blocks_unasked(
    dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    original = blockwise.check_in_blocks

    def spy(context: Context, found: Collector, size: int) -> None:
        sizes.append(size)
        original(context, found, size)

    monkeypatch.setattr(validate, "check_in_blocks", spy)
    assert check_dataset(dataset, block_size=None).problems == []
    assert sizes == []
    monkeypatch.setattr(validate, "AUTO_BLOCKS", 1000)
    assert check_dataset(dataset, block_size=None).problems == []
    assert sizes == [validate.BLOCK_SIZE]


def test_claim_keys_are_compact(tmp_path: Path) -> None:
    """What evidence rules need of ten million claims fits in memory: categories, not text."""
    keys, _ = blockwise._claims_pass(*_pass_arguments(tmp_path))
    assert list(keys.columns) == ["claim_id", *blockwise.CLAIM_KEYS]
    assert all(isinstance(keys[name].dtype, pd.CategoricalDtype) for name in blockwise.CLAIM_KEYS)


def _pass_arguments(scratch: Path) -> tuple[Context, blockwise.Streamed, Collector, int]:
    tables = {n: read_table(REPO, spec_named(n))[0] for n in ("articles", "sources")}
    claims = blockwise.Streamed(spec_named("claims"), scratch)
    return Context(REPO, tables), claims, Collector(), 4096


def test_a_negative_block_size_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["validate", "--dir", str(REPO), "--block-mib", "-1"])
    assert stop.value.code == 2
    assert "argument --block-mib: must be 0 or more, not -1" in capsys.readouterr().err
