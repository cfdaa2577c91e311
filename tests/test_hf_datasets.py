"""Hugging Face `datasets` loads each table of a checkout through the README's front matter,
offline, and gives back exactly the CSV's cells."""

from __future__ import annotations

import csv
import datetime
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, copy_dataset
from factcheck.model.tables import TABLES, TableSpec, spec_named

# A CSV cell of each loader dtype as `datasets` gives it back through the pinned features;
# an empty cell is None.
AS_VALUE: dict[str, Callable[[str], Any]] = {
    "string": str,
    "category": str,
    "Int64": int,
    "date": datetime.date.fromisoformat,
    "boolean": {"true": True, "false": False}.__getitem__,
}


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables, the texts and the README with its front matter, as a clone holds them."""
    folder = copy_dataset(tmp_path_factory.mktemp("hf") / "checkout")
    shutil.copyfile(REPO / "README.md", folder / "README.md")
    return folder


@pytest.fixture(scope="module")
def load(checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str | None], Any]:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path_factory.mktemp("hf-home")))
    cache = tmp_path_factory.mktemp("hf-cache")
    import datasets  # after the environment: it reads HF_* when first imported

    def load_table(name: str | None) -> Any:
        return datasets.load_dataset(str(checkout), name, cache_dir=str(cache))["train"]

    yield load_table
    monkeypatch.undo()


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def expected(spec: TableSpec, row: dict[str, str]) -> dict[str, Any]:
    return {column: _value(spec, column, row[column]) for column in spec.columns}


def _value(spec: TableSpec, column: str, cell: str) -> Any:
    declared = spec.schema.columns[column]
    if cell == "":
        return None
    if declared.metadata["dtype"] == "date" and declared.nullable:
        return cell  # read as text (`card.hub_dtype`)
    return AS_VALUE[declared.metadata["dtype"]](cell)


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_each_table_loads_as_its_csv(
    spec: TableSpec, load: Callable[[str | None], Any], checkout: Path
) -> None:
    table = load(spec.name)
    rows = csv_rows(checkout / spec.file)
    assert table.column_names == spec.columns
    assert table.num_rows == len(rows) > 0
    assert table.to_list() == [expected(spec, row) for row in rows]


def test_without_a_name_the_claims_load(load: Callable[[str | None], Any]) -> None:
    assert load(None).column_names == spec_named("claims").columns


def test_a_cell_pandas_would_take_for_missing_stays_text(
    checkout: Path, tmp_path: Path, load: Callable[[str | None], Any]
) -> None:
    """ "NA" is Namibia's country code; pandas reads it as missing unless told otherwise.
    (`load` sets the offline environment.)"""
    import datasets

    copy = tmp_path / "copy"
    shutil.copytree(checkout, copy)
    rows = csv_rows(copy / "sources.csv")
    rows[0]["aliases"] = "NA"
    with (copy / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    table = datasets.load_dataset(str(copy), "sources", cache_dir=str(tmp_path / "cache"))
    assert table["train"][0]["aliases"] == "NA"
