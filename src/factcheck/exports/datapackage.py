"""A Frictionless Data Package descriptor, generated from the pandera schemas and the card.

The schemas stay the one source of truth for the tables: each field's type, description and
constraints (required, unique, enum, pattern, minimum, URI format) are read from them, primary
and foreign keys from the table specs. The title, version, summary and each resource's licence
come from the dataset's card (`model/card.yaml`). What Table Schema cannot say (spans against
the article text, attribution chains, the verdict and evidence rules, cell hygiene) is left to
`factcheck validate`, and the descriptor says so. `datapackage.json` at the top of the
dataset is this module's output; a test fails when it is stale.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.exports.base import Format, Output, Source
from factcheck.model.card import card
from factcheck.model.cells import countries, languages
from factcheck.model.tables import TABLES, TableSpec, spec_named

TYPES = {
    "string": "string",
    "category": "string",
    "Int64": "integer",
    "date": "date",
    "boolean": "boolean",
}
# Checks that a Table Schema constraint or format can state, by the check's name.
WHEN_PATTERN = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?"


def descriptor() -> dict[str, Any]:
    """The whole data package descriptor."""
    about = card()
    resources = [resource(spec) for spec in TABLES]
    unlicensed = [group for group in about.licences if group.spdx is None]
    return {
        "profile": "tabular-data-package",
        "name": "factcheck-dataset",
        "title": about.title,
        "version": about.version,
        "description": " ".join(
            [
                about.summary,
                "Generated from the pandera schemas and the dataset's card by `factcheck export "
                "datapackage`. This descriptor states what Table Schema can; the rules it cannot "
                "state (spans against the article text, attribution chains, verdict and evidence "
                "rules, cells that must not start a formula) are checked by `factcheck "
                "validate`.",
                *(group.sentence(code=False) for group in unlicensed),
            ]
        ),
        # the licences of the package's own resources: each resource names its own too
        "licenses": list({r["licenses"][0]["name"]: r["licenses"][0] for r in resources}.values()),
        "resources": resources,
    }


def licence(spec: TableSpec) -> dict[str, str]:
    """A table's licence as Frictionless writes one: the group its file belongs to."""
    group = card().licence_of(spec.file)
    if group.spdx is None or group.url is None:
        raise ValueError(f"{spec.file} is in {group.group}, which has no licence to state")
    return {"name": group.spdx, "title": group.name, "path": group.url}


def resource(spec: TableSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [field(spec, name) for name in spec.columns],
        "missingValues": [""],
        "primaryKey": [spec.key],
    }
    if spec.references:
        schema["foreignKeys"] = [
            {
                "fields": [column],
                "reference": {"resource": target, "fields": [spec_named(target).key]},
            }
            for column, target in spec.references.items()
        ]
    return {
        "name": spec.name,
        "path": spec.file,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": (spec.model.__doc__ or "").strip().splitlines()[0],
        "licenses": [licence(spec)],
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": schema,
    }


def field(spec: TableSpec, name: str) -> dict[str, Any]:
    column = spec.schema.columns[name]
    dtype = column.metadata["dtype"]
    result: dict[str, Any] = {"name": name, "type": TYPES[dtype], "description": column.description}
    if dtype == "boolean":
        # the spellings spreadsheets write, which validation reads too (`model.spreadsheets`)
        result |= {
            "trueValues": ["true", "True", "TRUE"],
            "falseValues": ["false", "False", "FALSE"],
        }
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        constraints |= _constraint(check.name, check.statistics, dtype)
        if check.name == "http_url":
            result["format"] = "uri"
    if constraints:
        result["constraints"] = constraints
    return result


def _constraint(name: str, statistics: dict[str, Any], dtype: str) -> dict[str, Any]:
    if name == "isin":  # a vocabulary (a boolean column's rule is its own, not isin)
        return {"enum": list(statistics["allowed_values"])}
    if name == "str_matches" and dtype == "Int64":
        return {"minimum": 0}
    if name == "str_matches":
        return {"pattern": _table_schema_pattern(str(statistics["pattern"]))}
    if name == "str_length":
        return {"maxLength": statistics["max_value"]}
    if name == "iso_3166_1":
        return {"enum": sorted(countries())}
    if name == "iso_639_1":
        return {"enum": sorted(languages())}
    if name == "date_or_interval":
        return {"pattern": WHEN_PATTERN}
    return {}


def _table_schema_pattern(pattern: str) -> str:
    """A Python pattern as Table Schema writes one: implicitly anchored, plain groups."""
    return pattern.removeprefix("^").removesuffix("$").replace("(?:", "(")


def render() -> str:
    return json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"


class DataPackageFormat(Format):
    name = "datapackage"
    help = "the Frictionless Data Package descriptor, generated from the schemas"
    suffix = ".json"
    reads_data = False

    def render(self, source: Source, **options: str) -> Output:
        return render().encode("utf-8")
