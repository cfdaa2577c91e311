"""An MLCommons Croissant (JSON-LD) descriptor, generated from the pandera schemas.

Croissant is the metadata dataset hubs read and emit for machine learning. Like the
Frictionless descriptor (`datapackage.py`), everything about the tables comes from
`TABLES`: one `cr:FileObject` per CSV (with the sha256 of its bytes) and one `cr:RecordSet`
per table, one `cr:Field` per column, typed from the column's `dtype` metadata, described by
its schema description, with the primary key as the record set's `key` and each foreign key as
a field `references`. Dataset-level facts (title, summary, authors, version, date, keywords,
citation) and the responsible-AI fields (how the data was collected, its uses, limitations,
biases and personal information) come from the dataset's card (`model/card.yaml`), as
CITATION.cff and the README's card do, so they cannot disagree. Each file names the licence
of its group of files, and the dataset lists them all: the article texts are under none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck.exports.base import Format, Output, Source
from factcheck.model.card import card
from factcheck.model.tables import TABLES, TableSpec, article_path, spec_named

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
# Appendix 1 of the Croissant 1.1 specification, with two changes for mlcroissant:
# - schema.org is written with https: the appendix says http://schema.org/, which mlcroissant
#   (through rdflib's SDO namespace, https://schema.org/) does not recognise as schema.org;
# - the four terms at the end, which mlcroissant's own context still has (from Croissant 1.0):
#   without them it logs that the @context "is not standard".
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/",
    "annotation": "cr:annotation",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "excludes": "cr:excludes",
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "readLines": "cr:readLines",
    "sdVersion": "cr:sdVersion",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
    "unArchive": "cr:unArchive",
    "value": "cr:value",
    "path": "cr:path",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
}
# The loader's dtype of a column -> Croissant's atomic data type.
DATA_TYPES = {
    "string": "sc:Text",
    "category": "sc:Text",
    "Int64": "sc:Integer",
    "date": "sc:Date",
    "boolean": "sc:Boolean",
}


def descriptor(root: Path, article_ids: Sequence[str]) -> dict[str, Any]:
    """The whole Croissant document for the dataset in `root`, whose articles are
    `article_ids`."""
    about = card()
    files = [
        *(file_object(root, spec) for spec in TABLES),
        *(text_object(root, article_id) for article_id in article_ids),
    ]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": about.title,
        "description": about.summary,
        "citeAs": about.bibtex,
        "creator": [{"@type": "sc:Organization", "name": author} for author in about.authors],
        "datePublished": about.released.isoformat(),
        "version": about.version,
        # every licence a file of the distribution is under; each file names its own
        "license": list({json.dumps(f["license"]): f["license"] for f in files}.values()),
        "keywords": list(about.keywords),
        "rai:dataCollection": about.collection,
        "rai:dataUseCases": list(about.intended_uses),
        "rai:dataLimitations": [
            *about.limitations,
            *(f"Out of scope: {use}" for use in about.out_of_scope_uses),
        ],
        "rai:dataBiases": list(about.biases),
        "rai:personalSensitiveInformation": [about.personal_information],
        "distribution": files,
        "recordSet": [record_set(spec) for spec in TABLES],
    }


def licence(path: str) -> str | dict[str, str]:
    """A file's licence: the SPDX page of its group's licence, or, for a group under none,
    a creative work saying so."""
    group = card().licence_of(path)
    if group.url is not None:
        return group.url
    return {"@type": "sc:CreativeWork", "name": group.name, "description": group.sentence()}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_object(root: Path, article_id: str) -> dict[str, Any]:
    """An article's stored text: the claims' spans are offsets into it."""
    path = article_path(article_id)
    return {
        "@type": "cr:FileObject",
        "@id": path,
        "name": path,
        "description": "The text of article " + article_id + ", byte for byte; claims' "
        "span_start and span_end are offsets into it in code points.",
        "contentUrl": path,
        "encodingFormat": "text/plain",
        "sha256": sha256(root / path),
        "license": licence(path),
    }


def file_object(root: Path, spec: TableSpec) -> dict[str, Any]:
    return {
        "@type": "cr:FileObject",
        "@id": spec.file,
        "name": spec.file,
        "description": table_description(spec),
        "contentUrl": spec.file,
        "encodingFormat": "text/csv",
        "sha256": sha256(root / spec.file),
        "license": licence(spec.file),
    }


def table_description(spec: TableSpec) -> str:
    return (spec.model.__doc__ or "").strip().splitlines()[0]


def record_set(spec: TableSpec) -> dict[str, Any]:
    return {
        "@type": "cr:RecordSet",
        "@id": spec.name,
        "name": spec.name,
        "description": table_description(spec),
        "key": {"@id": field_id(spec.name, spec.key)},
        "field": [field(spec, column) for column in spec.columns],
    }


def field_id(table: str, column: str) -> str:
    return f"{table}/{column}"


def field(spec: TableSpec, column: str) -> dict[str, Any]:
    schema = spec.schema.columns[column]
    result: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": field_id(spec.name, column),
        "name": column,
        "description": schema.description,
        "dataType": DATA_TYPES[schema.metadata["dtype"]],
        "source": {"fileObject": {"@id": spec.file}, "extract": {"column": column}},
    }
    target = spec.references.get(column)
    if target is not None:
        result["references"] = {"field": {"@id": field_id(target, spec_named(target).key)}}
    return result


class CroissantFormat(Format):
    name = "croissant"
    help = "MLCommons Croissant JSON-LD metadata: record sets, fields, keys and file checksums"
    suffix = ".json"

    def render(self, source: Source, **options: str) -> Output:
        articles = source.text_table("articles")["article_id"].tolist()  # validates first
        document = descriptor(source.root, articles)
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
