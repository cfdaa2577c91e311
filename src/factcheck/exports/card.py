"""The files made from the dataset's card (`model/card.yaml`), written together.

`factcheck export card -o .` rewrites, in the dataset's folder:

- README.md's YAML front matter, in the shape of a Hugging Face dataset card (licences,
  language, tasks, size, one config per table so `datasets.load_dataset(<folder>, "claims")`
  reads `claims.csv`, with each column's type pinned), and the README's marked blocks
  `<!-- card:NAME -->` … `<!-- /card:NAME -->`: `fields` (each table's columns, from the
  schemas), `limitations` (limitations and biases), `licence` and `citation` must be there;
  `uses` and `collection` are filled in where the README has them. Nothing else of the README
  changes, and a required block that is missing is an error naming its markers;
- CITATION.cff, whole;
- LICENSE: the MIT text as it stands, then one paragraph naming every group of files;
- datapackage.json, as `factcheck export datapackage` writes it.

Tests regenerate each file and compare it with the committed one.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import yaml

from factcheck.exports import datapackage
from factcheck.exports.base import ExportError, Format, Output, Source
from factcheck.exports.dictionary import column_docs
from factcheck.model.card import Card, card
from factcheck.model.tables import TABLES, TableSpec

REQUIRED_BLOCKS = ("fields", "limitations", "licence", "citation", "glance")
OPTIONAL_BLOCKS = ("uses", "collection")
# The loader's dtype of a column -> the `datasets` feature type that reads its cells.
FEATURES = {
    "string": "string",
    "category": "string",
    "Int64": "int64",
    "date": "date32",
    "boolean": "bool",
}
# The last line of the MIT licence's text; what follows it in LICENSE is generated.
MIT_END = "OTHER DEALINGS IN THE\nSOFTWARE.\n"


def front_matter(about: Card) -> str:
    """README.md's YAML front matter, between its two `---` lines."""
    other = next((g for g in about.licences if g.spdx is None), None)
    metadata: dict[str, Any] = {
        "pretty_name": about.pretty_name,
        "license": [group.hub for group in about.licences],
    }
    if other is not None:  # Hugging Face's words for a licence not in its list
        metadata |= {"license_name": _slug(other.group), "license_link": "LICENSE"}
    metadata |= {
        "language": list(about.language),
        "task_categories": list(about.task_categories),
        "task_ids": list(about.task_ids),
        "size_categories": [about.size_category],
        "annotations_creators": list(about.annotations_creators),
        "language_creators": list(about.language_creators),
        "multilinguality": ["monolingual"] if len(about.language) == 1 else ["multilingual"],
        "source_datasets": ["original"],
        "tags": list(about.keywords),
        "configs": [_config(spec) for spec in TABLES],
        "dataset_info": [_features(spec) for spec in TABLES],
    }
    body = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{body}---\n"


def _slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def _config(spec: TableSpec) -> dict[str, Any]:
    config: dict[str, Any] = {
        "config_name": spec.name,
        "data_files": spec.file,
        # the CSV reader's options: only an empty cell is missing, as in `factcheck` (pandas
        # would read "NA", Namibia's country code, or "null" in a text as missing too)
        "keep_default_na": False,
        "na_values": [""],
    }
    if spec.name == "claims":  # what `load_dataset(<folder>)` gives without a name
        config["default"] = True
    return config


def _features(spec: TableSpec) -> dict[str, Any]:
    columns = spec.schema.columns
    return {
        "config_name": spec.name,
        "features": [
            {"name": name, "dtype": hub_dtype(column.metadata["dtype"], column.nullable)}
            for name, column in columns.items()
        ],
    }


def hub_dtype(dtype: str, nullable: bool) -> str:
    """The `datasets` feature type of a column of the loader's `dtype`. A date column that
    may be empty is read as text: `datasets` reads a column with no date in it as numbers,
    which it cannot cast to a date (an article not yet reviewed has no `reviewed_on`)."""
    feature = FEATURES[dtype]
    return "string" if feature == "date32" and nullable else feature


def blocks(about: Card) -> dict[str, str]:
    """The body of each marked block of the README, by name."""
    return {
        "fields": _fields(),
        "limitations": "\n".join(
            [
                "**Limitations.**",
                "",
                *(f"- {item}" for item in about.limitations),
                "",
                "**Biases.**",
                "",
                *(f"- {item}" for item in about.biases),
            ]
        ),
        "licence": _licence_markdown(about),
        "citation": _citation_markdown(about),
        "glance": _glance(about),
        "uses": "\n".join(
            [
                "**Intended uses.**",
                "",
                *(f"- {item}" for item in about.intended_uses),
                "",
                "**Out of scope.**",
                "",
                *(f"- {item}" for item in about.out_of_scope_uses),
            ]
        ),
        "collection": f"{about.collection}\n\n{about.personal_information}",
    }


def _fields() -> str:
    parts = [
        "Each table's columns, from the schemas (`src/factcheck/model/schemas.py`); "
        "`docs/data-dictionary.md` adds each column's rules and vocabulary.",
    ]
    for spec in TABLES:
        purpose = (spec.model.__doc__ or "").strip().splitlines()[0]
        purpose = purpose.removeprefix(f"`{spec.file}`: ")  # the docstring names its file
        parts += ["", f"**`{spec.file}`**: {purpose}", ""]
        parts += ["| column | type | required | description |", "|---|---|---|---|"]
        parts += [
            f"| `{doc.column}` | {doc.dtype} | {'yes' if doc.required else 'no'} "
            f"| {_cell(doc.description)} |"
            for doc in column_docs(spec)
        ]
    return "\n".join(parts)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a `|` would end it, a `<` may start an HTML tag."""
    return text.replace("|", "\\|").replace("<", "&lt;")


def _licence_markdown(about: Card) -> str:
    rows = [
        f"| {group.path_list()} | {group.name} | {group.spdx or 'none'} |"
        for group in about.licences
    ]
    return "\n".join(
        [
            " ".join(group.sentence() for group in about.licences),
            "",
            "| files | licence | SPDX |",
            "|---|---|---|",
            *rows,
            "",
            "`LICENSE` holds the MIT License's text and names the same groups.",
        ]
    )


def _glance(about: Card) -> str:
    """The licences and the citation in two lines, for the card's first screen."""
    licences = "; ".join(
        f"{group.group} {group.spdx or 'none (' + group.name + ')'}" for group in about.licences
    )
    return (
        f"**Licence** ([details](#licence)): {licences}.  \n"
        f"**Cite** ([BibTeX, citing a claim](#citation)): {about.citation}"
    )


def _citation_markdown(about: Card) -> str:
    return "\n".join(
        [
            "Cite the dataset as:",
            "",
            f"> {about.citation}",
            "",
            "```bibtex",
            about.bibtex,
            "```",
            "",
            f"{about.cite_claim} `CITATION.cff` describes the dataset as a whole.",
        ]
    )


def readme_body(readme: str) -> str:
    """The README after its front matter (all of it if it has none): what its reader sees."""
    if not readme.startswith("---\n"):
        return readme
    end = readme.find("\n---\n", 3)
    if end < 0:
        raise ExportError("README.md starts a front matter with --- but never ends it")
    return readme[end + len("\n---\n") :]


def update_readme(readme: str, about: Card) -> str:
    """`readme` with its front matter and marked blocks made from the card; the rest as it
    is. A required block that is missing is an `ExportError` naming its markers."""
    body = readme_body(readme)
    for name, text in blocks(about).items():
        found = re.search(
            rf"^<!-- card:{name} -->\n.*?^<!-- /card:{name} -->$", body, re.DOTALL | re.MULTILINE
        )
        if found is None:
            if name in REQUIRED_BLOCKS:
                raise ExportError(
                    f"README.md has no block <!-- card:{name} --> … <!-- /card:{name} -->: "
                    "put the two markers, each on a line of its own, where it goes"
                )
            continue
        block = f"<!-- card:{name} -->\n{text}\n<!-- /card:{name} -->"
        body = body[: found.start()] + block + body[found.end() :]
    return front_matter(about) + body


def citation_cff(about: Card) -> str:
    """CITATION.cff: the dataset's citation, licences, version and abstract."""
    document = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below, and cite claims by "
        "claim_id, article_id and span.",
        "title": about.title,
        "type": "dataset",
        "abstract": about.summary,
        "authors": [{"name": author} for author in about.authors],
        "version": about.version,
        "date-released": about.released.isoformat(),
        "license": [group.spdx for group in about.licences if group.spdx],
        "keywords": list(about.keywords),
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=92)


def update_licence(licence: str, about: Card) -> str:
    """LICENSE: its MIT text as it is, then a paragraph naming every group of files."""
    end = licence.find(MIT_END)
    if end < 0:
        raise ExportError("LICENSE does not hold the MIT licence's text, ending 'SOFTWARE.'")
    paragraph = " ".join(group.sentence(code=False) for group in about.licences)
    return licence[: end + len(MIT_END)] + "\n" + textwrap.fill(paragraph, width=80) + "\n"


class CardFormat(Format):
    name = "card"
    help = "the files made from the dataset's card: README's card, CITATION.cff, LICENSE, ..."
    description = (
        "Rewrite README.md's front matter and its <!-- card:NAME --> blocks, CITATION.cff, "
        "LICENSE's closing paragraph and datapackage.json from the dataset's card "
        "(src/factcheck/model/card.yaml), reading README.md and LICENSE from --dir. Write them "
        "back with -o DIR (the same folder)."
    )
    suffix = "/"

    def render(self, source: Source, **options: str) -> Output:
        about = card()
        try:
            readme = (source.root / "README.md").read_text(encoding="utf-8")
            licence = (source.root / "LICENSE").read_text(encoding="utf-8")
        except OSError as error:
            raise ExportError(f"{error.filename} cannot be read: {error.strerror}") from None
        return {
            "README.md": update_readme(readme, about).encode("utf-8"),
            "CITATION.cff": citation_cff(about).encode("utf-8"),
            "LICENSE": update_licence(licence, about).encode("utf-8"),
            "datapackage.json": datapackage.render().encode("utf-8"),
        }
