"""An MLCommons Croissant (JSON-LD) descriptor, generated from the pandera schemas.

Croissant is the metadata dataset hubs read and emit for machine learning. Like the
Frictionless descriptor (`datapackage.py`), everything about the tables comes from
`TABLES`: one `cr:FileObject` per CSV (with the sha256 of its bytes) and one `cr:RecordSet`
per table, one `cr:Field` per column, typed from the column's `dtype` metadata, described by
its schema description, with the primary key as the record set's `key` and each foreign key as
a field `references`. Dataset-level facts (title, authors, version, date, licence, keywords)
are read from CITATION.cff, so the two cannot disagree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from factcheck.exports.base import ExportError, Format, Output, Source
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
SPDX_LICENSE_URL = "https://spdx.org/licenses/{}.html"


def descriptor(root: Path, article_ids: Sequence[str]) -> dict[str, Any]:
    """The whole Croissant document for the dataset in `root`, whose articles are
    `article_ids`."""
    citation = read_citation(root / "CITATION.cff")
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": citation["title"],
        "description": " ".join(str(citation["abstract"]).split()),
        "citeAs": cite_as(citation),
        "creator": [creator(author) for author in citation["authors"]],
        "datePublished": str(citation["date-released"]),
        "version": str(citation["version"]),
        "license": SPDX_LICENSE_URL.format(citation["license"]),
        "keywords": list(citation.get("keywords", [])),
        "distribution": [
            *(file_object(root, spec) for spec in TABLES),
            *(text_object(root, article_id) for article_id in article_ids),
        ],
        "recordSet": [record_set(spec) for spec in TABLES],
    }
    url = citation.get("url") or citation.get("repository-code")
    if url:
        document["url"] = str(url)
    return document


def read_citation(path: Path) -> dict[str, Any]:
    """The dataset's CITATION.cff: the title, authors, licence and version it declares."""
    try:
        citation = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ExportError(f"{path} cannot be read as CITATION.cff: {error}") from None
    if not isinstance(citation, dict) or "title" not in citation:
        raise ExportError(f"{path} is not a CITATION.cff with a title")
    return citation


def author_name(author: dict[str, Any]) -> str:
    """A CFF author: an entity has `name`, a person `given-names` and `family-names`."""
    if "name" in author:
        return str(author["name"])
    return " ".join(str(author[part]) for part in ("given-names", "family-names") if part in author)


def creator(author: dict[str, Any]) -> dict[str, Any]:
    kind = "sc:Organization" if "name" in author else "sc:Person"
    result: dict[str, Any] = {"@type": kind, "name": author_name(author)}
    if author.get("orcid"):
        result["sameAs"] = str(author["orcid"])
    return result


def cite_as(citation: dict[str, Any]) -> str:
    """A BibTeX entry for the dataset; entity authors are braced so BibTeX keeps them whole."""
    authors = " and ".join(
        f"{{{author_name(a)}}}" if "name" in a else author_name(a) for a in citation["authors"]
    )
    year = str(citation["date-released"])[:4]
    fields = {
        "title": f"{{{citation['title']}}}",
        "author": authors,
        "year": year,
        "version": str(citation["version"]),
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{factcheck_{year},\n{body}\n}}"


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
