"""The Croissant export: mlcroissant validates it and reads back exactly the CSVs' rows."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mlcroissant as mlc
import pandas as pd
import pytest

from conftest import REPO
from factcheck.cli import main
from factcheck.model.card import card
from factcheck.model.tables import TABLES, TableSpec

# rdflib's JSON-LD parser, which mlcroissant parses the document with, still builds the
# deprecated ConjunctiveGraph (rdflib 7.x); nothing to do with the document.
pytestmark = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning:rdflib.plugins.parsers.jsonld"
)
# How mlcroissant 1.1 hands back a CSV cell of each loader dtype (the empty cell is None):
# text as UTF-8 bytes, whole numbers as int, dates as naive pd.Timestamp, booleans as bool.
AS_RECORD: dict[str, Callable[[str], Any]] = {
    "string": lambda cell: cell.encode("utf-8"),
    "category": lambda cell: cell.encode("utf-8"),
    "Int64": int,
    "date": pd.Timestamp,
    "boolean": {"true": True, "false": False}.__getitem__,
}


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_record(spec: TableSpec, row: dict[str, str]) -> dict[str, Any]:
    return {
        f"{spec.name}/{column}": (
            None
            if row[column] == ""
            else AS_RECORD[spec.schema.columns[column].metadata["dtype"]](row[column])
        )
        for column in spec.columns
    }


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The descriptor written next to byte-for-byte copies of the four CSVs."""
    folder = tmp_path_factory.mktemp("croissant")
    for spec in TABLES:
        shutil.copyfile(REPO / spec.file, folder / spec.file)
    shutil.copytree(REPO / "articles", folder / "articles")
    output = folder / "croissant.json"
    assert main(["export", "croissant", "--dir", str(REPO), "-o", str(output)]) == 0
    return folder


def load(folder: Path) -> mlc.Dataset:
    return mlc.Dataset(jsonld=folder / "croissant.json")


def test_mlcroissant_validates_it_without_errors_or_warnings(
    dataset_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        dataset = load(dataset_dir)  # an error raises mlcroissant.ValidationError
    issues = dataset.metadata.ctx.issues
    assert issues.errors == set()
    assert issues.warnings == set()
    # mlcroissant logs through absl: e.g. an @context lacking one of its terms.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert str(dataset.metadata.ctx.conforms_to.value) == "http://mlcommons.org/croissant/1.1"


def test_the_csv_headers_are_the_schema_columns(dataset_dir: Path) -> None:
    for spec in TABLES:
        with (dataset_dir / spec.file).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == spec.columns


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_records_are_the_csv_rows(dataset_dir: Path, spec: TableSpec) -> None:
    # A fresh Dataset per record set: mlcroissant keeps the records generator of a record
    # set it has read as that operation's output, so a later record set that joins with it
    # (claims references articles) fails with GenerationError on the same Dataset.
    records = list(load(dataset_dir).records(record_set=spec.name))
    rows = read_rows(dataset_dir / spec.file)
    key = f"{spec.name}/{spec.key}"
    assert len(records) == len(rows)
    assert [record[key] for record in records] == [row[spec.key].encode() for row in rows]
    assert records == [expected_record(spec, row) for row in rows]


def test_a_changed_file_fails_its_sha256_when_read(dataset_dir: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "tampered"
    shutil.copytree(dataset_dir, tampered)
    spec = TABLES[-1]
    path = tampered / spec.file
    path.write_bytes(path.read_bytes().replace(b",", b";", 1))
    dataset = load(tampered)  # the static validation does not hash the files
    with pytest.raises(mlc.GenerationError) as raised:
        list(dataset.records(record_set=spec.name))
    assert isinstance(raised.value.__cause__, ValueError)
    assert "Hash of downloaded file" in str(raised.value.__cause__)


def test_each_foreign_key_references_its_targets_key(dataset_dir: Path) -> None:
    document = json.loads((dataset_dir / "croissant.json").read_text(encoding="utf-8"))
    keys = {rs["@id"]: rs["key"]["@id"] for rs in document["recordSet"]}
    references = {
        field["@id"]: field["references"]["field"]["@id"]
        for rs in document["recordSet"]
        for field in rs["field"]
        if "references" in field
    }
    assert references == {
        f"{spec.name}/{column}": keys[target]
        for spec in TABLES
        for column, target in spec.references.items()
    }


def test_an_invalid_dataset_is_not_described(dataset: Path, tmp_path: Path) -> None:
    (dataset / "claims.csv").write_text("claim_id\n", encoding="utf-8")
    output = tmp_path / "croissant.json"
    assert main(["export", "croissant", "--dir", str(dataset), "-o", str(output)]) == 2
    assert not output.exists()


def test_the_texts_are_listed_with_their_sha256(dataset_dir: Path) -> None:
    document = json.loads((dataset_dir / "croissant.json").read_text(encoding="utf-8"))
    texts = {
        item["contentUrl"]: item["sha256"]
        for item in document["distribution"]
        if item["encodingFormat"] == "text/plain"
    }
    stored = sorted((dataset_dir / "articles").glob("*.txt"))
    assert texts == {
        f"articles/{path.name}": hashlib.sha256(path.read_bytes()).hexdigest() for path in stored
    }


def test_the_responsible_ai_fields_and_licences_are_the_cards(dataset_dir: Path) -> None:
    about = card()
    metadata = load(dataset_dir).metadata
    assert metadata.data_limitations[: len(about.limitations)] == list(about.limitations)
    assert metadata.data_biases == list(about.biases)
    assert metadata.data_collection == about.collection
    assert metadata.data_use_cases == list(about.intended_uses)
    personal = about.personal_information  # one statement, as a list of one
    assert metadata.personal_sensitive_information == [personal]
    assert metadata.cite_as == about.bibtex
    assert metadata.version == about.version
    document = json.loads((dataset_dir / "croissant.json").read_text(encoding="utf-8"))
    licences = {item["contentUrl"]: item["license"] for item in document["distribution"]}
    cc_by = about.licence_of("claims.csv").url
    assert {licences[spec.file] for spec in TABLES} == {cc_by}
    texts = [v for k, v in licences.items() if k.startswith("articles/")]
    unlicensed = about.licence_of("articles/any.txt")
    assert texts
    assert all(v["name"] == unlicensed.name for v in texts)
    assert document["license"] == [cc_by, texts[0]]
