"""Parquet export: read back, every table equals what the loader returned, dtypes included."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import factcheck
from conftest import REPO
from factcheck.cli import main
from factcheck.model.tables import TABLES


def test_parquet_reads_back_equal_to_the_loaded_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: factcheck.Dataset
) -> None:
    assert main(["export", "parquet", "--dir", str(REPO), "-o", str(tmp_path)]) == 0
    assert capsys.readouterr().out.count("wrote ") == len(TABLES)
    for spec in TABLES:
        back = pd.read_parquet(tmp_path / f"{spec.name}.parquet")
        expected = getattr(data, spec.name)
        pd.testing.assert_frame_equal(back, expected, check_exact=True)
        assert list(back.dtypes.astype(str)) == list(expected.dtypes.astype(str))


def test_parquet_export_refuses_invalid_data(dataset: Path, tmp_path: Path) -> None:
    (dataset / "claims.csv").write_bytes(b"")
    assert main(["export", "parquet", "--dir", str(dataset), "-o", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()
