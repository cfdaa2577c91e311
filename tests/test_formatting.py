"""`factcheck format`: canonical files, never a changed cell, nothing written when invalid."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import REPO, TABLE_FILES, read_rows, set_cell
from factcheck.cli import main
from test_reader import spreadsheet_save


def digest(directory: Path) -> dict[str, str]:
    return {
        name: hashlib.sha256((directory / name).read_bytes()).hexdigest() for name in TABLE_FILES
    }


def test_spreadsheet_saved_files_come_back_byte_for_byte(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = digest(dataset)
    for name in TABLE_FILES:
        spreadsheet_save(dataset / name)
    assert main(["validate", "--dir", str(dataset)]) == 0
    out = capsys.readouterr().out
    assert out.count(": notice: is not in the canonical CSV dialect") == 4
    assert "(a byte-order mark, CRLF line endings, empty lines at the end, quotes around " in out
    assert main(["format", "--dir", str(dataset), "--check"]) == 1
    assert digest(dataset) != original  # --check wrote nothing
    assert main(["format", "--dir", str(dataset)]) == 0
    assert digest(dataset) == original
    assert capsys.readouterr().out.count("rewrote ") == 4


def test_format_is_idempotent_and_reorders_rows_without_changing_cells(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = read_rows(dataset / "claims.csv")
    shuffled = [rows[0], *rows[1:][::-1]]
    (dataset / "claims.csv").write_text(
        "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in shuffled) + "\n",
        encoding="utf-8",
    )
    assert main(["format", "--dir", str(dataset)]) == 0
    assert read_rows(dataset / "claims.csv") == rows
    assert (dataset / "claims.csv").read_bytes() == (REPO / "claims.csv").read_bytes()
    capsys.readouterr()
    assert main(["format", "--dir", str(dataset)]) == 0
    assert capsys.readouterr().out == "all files are already in the canonical dialect\n"


def test_invalid_data_is_refused_and_nothing_is_written(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spreadsheet_save(dataset / "sources.csv")
    set_cell(dataset, "claims.csv", 6, "verdict", "maybe")
    before = digest(dataset)
    assert main(["format", "--dir", str(dataset)]) == 1
    err = capsys.readouterr().err
    assert "claims.csv, row 6, column verdict: 'maybe'" in err
    assert "factcheck format: nothing written; fix the problems first" in err
    assert digest(dataset) == before


def test_unreadable_data_is_refused_with_exit_2(dataset: Path) -> None:
    (dataset / "evidence.csv").unlink()
    assert main(["format", "--dir", str(dataset)]) == 2
