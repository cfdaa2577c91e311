"""The editing paths docs/spreadsheets.md promises, tried with a real office suite:
LibreOffice Calc, headless. Each committed CSV file opened and saved back as CSV validates
(with at most a notice) and `factcheck format` restores it byte for byte; a cell edited in
Calc is exactly the change validation sees; the exported workbook saved by Calc imports with
no change.

These tests need LibreOffice (`soffice`); the cell edit also needs its Python bridge for the
system's python3. Without them they are skipped, saying what to install.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, TABLE_FILES, read_rows
from factcheck.checks.validate import check_dataset
from factcheck.cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None:
    pytest.skip(
        "these tests drive LibreOffice Calc headless: install it (on Debian or Ubuntu: "
        "apt-get install --no-install-recommends libreoffice-calc-nogui) so that soffice is "
        "on the PATH",
        allow_module_level=True,
    )

# Calc's CSV filter settings: comma, double quote, UTF-8, from line 1; writing also keeps
# cells as text where they were read as text, and quotes only where a cell needs it.
READ_CSV = "CSV:44,34,76,1"
WRITE_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false"
EDIT_CELL = Path(__file__).parent / "office" / "edit_cell.py"
UNO_PYTHON = "/usr/bin/python3"  # the system's python3, which Debian's python3-uno serves


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A LibreOffice user profile of the tests' own, as a URL: the user's is left alone."""
    return tmp_path_factory.mktemp("libreoffice-profile").as_uri()


def calc(profile: str, *arguments: str) -> None:
    """Run LibreOffice headless; its conversions write into --outdir."""
    assert SOFFICE is not None
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", *arguments]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


def digests(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name in TABLE_FILES}


def test_every_csv_saved_by_calc_validates_and_format_restores_it(
    dataset: Path, profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = digests(dataset)
    saved = tmp_path / "saved"
    sources = [str(dataset / name) for name in TABLE_FILES]
    calc(
        profile,
        f"--infilter={READ_CSV}",
        "--convert-to",
        WRITE_CSV,
        "--outdir",
        str(saved),
        *sources,
    )
    for name in TABLE_FILES:
        shutil.copyfile(saved / name, dataset / name)
    assert digests(dataset) != original  # Calc wrote the booleans its own way
    assert main(["validate", "--dir", str(dataset)]) == 0
    out = capsys.readouterr().out
    assert out.endswith("valid: no problems found (1 notice)\n"), out
    assert main(["format", "--dir", str(dataset)]) == 0
    assert capsys.readouterr().out == (
        f"rewrote {dataset}/sources.csv (booleans not in lower case (TRUE, as spreadsheets "
        "write them))\n"
    )
    assert digests(dataset) == original


def _uno_bridge() -> None:
    found = subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if found.returncode != 0:
        pytest.skip(
            "editing a cell in Calc needs LibreOffice's Python bridge for the system's "
            "python3 (on Debian or Ubuntu: apt-get install python3-uno)"
        )


def test_a_cell_edited_in_calc_is_exactly_the_change_validate_sees(
    dataset: Path, profile: str
) -> None:
    _uno_bridge()
    before = read_rows(dataset / "claims.csv")
    column = before[0].index("verdict")
    assert SOFFICE is not None
    subprocess.run(
        [
            UNO_PYTHON,
            str(EDIT_CELL),
            SOFFICE,
            profile,
            str(dataset / "claims.csv"),
            "5",
            str(column),
            "maybe",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    after = read_rows(dataset / "claims.csv")
    changed = [
        (row, name)
        for row, (old, new) in enumerate(zip(before, after, strict=True), start=1)
        for name, a, b in zip(before[0], old, new, strict=True)
        if a != b
    ]
    assert changed == [(6, "verdict")]
    assert (dataset / "claims.csv").read_bytes() != (REPO / "claims.csv").read_bytes()
    assert [p.to_text() for p in check_dataset(dataset).problems] == [
        "claims.csv, row 6, column verdict: 'maybe' must be one of: supported, partly_supported, "
        "refuted, not_enough_evidence, not_checkable [claims.verdict.allowed]"
    ]


def test_the_workbook_saved_by_calc_imports_with_no_change(
    dataset: Path, profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = digests(dataset)
    workbook = tmp_path / "dataset.xlsx"
    assert main(["export", "xlsx", "--dir", str(dataset), "-o", str(workbook)]) == 0
    saved = tmp_path / "saved"
    calc(profile, "--convert-to", "xlsx", "--outdir", str(saved), str(workbook))
    assert (saved / "dataset.xlsx").read_bytes() != workbook.read_bytes()  # Calc rewrote it
    capsys.readouterr()
    assert main(["import", "xlsx", "--dir", str(dataset), str(saved / "dataset.xlsx")]) == 0
    assert capsys.readouterr().out == "no changes: the workbook matches the CSV files\n"
    assert digests(dataset) == original
