"""The Frictionless descriptor: generated from the schemas, current, and valid with the data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import validate

from conftest import REPO, set_cell
from factcheck.cli import main
from factcheck.exports.datapackage import descriptor, render
from factcheck.model.card import card


def test_committed_descriptor_is_current() -> None:
    committed = (REPO / "datapackage.json").read_text(encoding="utf-8")
    assert committed == render(), "run: factcheck export datapackage -o datapackage.json"


def test_keys_enums_patterns_and_descriptions_come_from_the_schemas() -> None:
    resources = {r["name"]: r["schema"] for r in descriptor()["resources"]}
    assert [r for r in resources] == ["articles", "sources", "claims", "evidence"]
    assert resources["claims"]["primaryKey"] == ["claim_id"]
    assert resources["claims"]["foreignKeys"] == [
        {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}}
    ]
    assert resources["evidence"]["foreignKeys"][0]["reference"]["resource"] == "claims"
    fields = {f["name"]: f for f in resources["claims"]["fields"]}
    assert fields["verdict"]["constraints"]["enum"][0] == "supported"
    assert fields["claim_id"]["constraints"] == {
        "required": True,
        "unique": True,
        "pattern": "C([0-9]{4}|[1-9][0-9]{4,})",
    }
    assert fields["span_start"]["type"] == "integer"
    assert fields["span_start"]["constraints"]["minimum"] == 0
    assert fields["reviewed_on"]["type"] == "date"
    assert all(f["description"] for r in resources.values() for f in r["fields"])
    sources = {f["name"]: f for f in resources["sources"]["fields"]}
    assert sources["state_controlled"]["trueValues"] == ["true", "True", "TRUE"]
    assert "KP" in sources["country"]["constraints"]["enum"]


def copy_package(dataset: Path) -> Path:
    shutil.copyfile(REPO / "datapackage.json", dataset / "datapackage.json")
    return dataset / "datapackage.json"


def test_frictionless_accepts_the_dataset(dataset: Path) -> None:
    report = validate(str(copy_package(dataset)))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == 4


def test_frictionless_catches_a_dangling_reference(dataset: Path) -> None:
    set_cell(dataset, "evidence.csv", 3, "claim_id", "C9999")
    report = validate(str(copy_package(dataset)))
    assert not report.valid
    errors = report.flatten(["rowNumber", "type"])
    assert errors == [[3, "foreign-key"]]


def test_export_command_prints_the_descriptor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "datapackage"]) == 0
    assert json.loads(capsys.readouterr().out) == descriptor()


def test_each_resource_names_its_licence_and_the_texts_are_said_to_have_none() -> None:
    package = descriptor()
    annotations = card().licence_of("claims.csv")
    stated = {"name": "CC-BY-4.0", "title": annotations.name, "path": annotations.url}
    assert [r["licenses"] for r in package["resources"]] == [[stated]] * 4
    assert package["licenses"] == [stated]  # the package holds the annotations only
    assert "The article texts (articles/) belong to their publishers" in package["description"]
    assert package["version"] == card().version
