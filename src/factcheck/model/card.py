"""The dataset's card: title, summary, licences per group of files, uses, limitations, biases,
how it was made and how to cite it, read from `card.yaml` beside this module.

`card.yaml` is the one place these facts are written; the README's front matter and marked
blocks, CITATION.cff, LICENSE, the Frictionless descriptor and the Croissant export are made
from it (`factcheck.exports.card`, `datapackage`, `croissant`). The version is the package's
own (`factcheck.version`), so a release changes it in one place.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from factcheck.version import __version__

SPDX_LICENSE_URL = "https://spdx.org/licenses/{}.html"


@dataclass(frozen=True)
class LicenceGroup:
    """A group of the repository's files under one licence.

    Attributes:
        group: what the files are ("annotations", "article texts", "code").
        spdx: the SPDX identifier of the licence, or None where none is granted.
        hub: the identifier Hugging Face's dataset cards use ("cc-by-4.0", "other").
        name: the licence's name in words.
        paths: the files and folders (ending in "/") of the group.
        terms: what the licence says of them, a phrase that follows the paths.
    """

    group: str
    spdx: str | None
    hub: str
    name: str
    paths: tuple[str, ...]
    terms: str

    @property
    def url(self) -> str | None:
        """The licence's SPDX page, if the group has a licence."""
        return SPDX_LICENSE_URL.format(self.spdx) if self.spdx else None

    def path_list(self, code: bool = True) -> str:
        """The group's paths in words ("a, b and c"), each in backticks if `code`."""
        names = [f"`{p}`" if code else p for p in self.paths]
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)

    def sentence(self, code: bool = True) -> str:
        """The group's files and their licence in a sentence (paths in backticks if `code`)."""
        return f"The {self.group} ({self.path_list(code)}) {self.terms}."

    def covers(self, path: str) -> bool:
        """Whether `path` (relative to the dataset's folder) is one of the group's files."""
        return any(path == p or (p.endswith("/") and path.startswith(p)) for p in self.paths)


@dataclass(frozen=True)
class Card:
    """Everything the dataset says about itself; see `card.yaml` for each field's words."""

    title: str
    pretty_name: str
    version: str
    released: datetime.date
    authors: tuple[str, ...]
    summary: str
    language: tuple[str, ...]
    keywords: tuple[str, ...]
    task_categories: tuple[str, ...]
    task_ids: tuple[str, ...]
    size_category: str
    annotations_creators: tuple[str, ...]
    language_creators: tuple[str, ...]
    licences: tuple[LicenceGroup, ...]
    intended_uses: tuple[str, ...]
    out_of_scope_uses: tuple[str, ...]
    limitations: tuple[str, ...]
    biases: tuple[str, ...]
    collection: str
    personal_information: str
    cite_claim: str

    @property
    def licence_expression(self) -> str:
        """Every group's licence as one SPDX expression, what a package holding all the files
        (the wheel carries the data) declares: a group under no licence is a `LicenseRef-`."""
        return " AND ".join(
            group.spdx or "LicenseRef-" + "-".join(group.group.title().split())
            for group in self.licences
        )

    def licence_of(self, path: str) -> LicenceGroup:
        """The group a file belongs to: the first that names it, else the last (the code's,
        which covers every file not named)."""
        return next((g for g in self.licences if g.covers(path)), self.licences[-1])

    @property
    def year(self) -> int:
        return self.released.year

    @property
    def citation(self) -> str:
        """The dataset cited in one line of plain text."""
        return (
            f"{' and '.join(self.authors)} ({self.year}). {self.title}. "
            f"Version {self.version}, released {self.released.isoformat()}."
        )

    @property
    def bibtex(self) -> str:
        """A BibTeX entry; organisation authors are braced so BibTeX keeps them whole."""
        fields = {
            "title": f"{{{self.title}}}",
            "author": " and ".join(f"{{{author}}}" for author in self.authors),
            "year": str(self.year),
            "version": self.version,
        }
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        return f"@misc{{factcheck_{self.year},\n{body}\n}}"


def _words(text: Any) -> str:
    """A YAML paragraph as one line (folded scalars keep their wrapping otherwise)."""
    return " ".join(str(text).split())


def _list(items: Any) -> tuple[str, ...]:
    return tuple(_words(item) for item in items)


@cache
def card() -> Card:
    """The dataset's card, read once from `card.yaml`."""
    raw = yaml.safe_load(files("factcheck.model").joinpath("card.yaml").read_text("utf-8"))
    return Card(
        title=raw["title"],
        pretty_name=raw["pretty_name"],
        version=__version__,
        released=raw["released"],
        authors=tuple(author["name"] for author in raw["authors"]),
        summary=_words(raw["summary"]),
        language=tuple(raw["language"]),
        keywords=tuple(raw["keywords"]),
        task_categories=tuple(raw["task_categories"]),
        task_ids=tuple(raw["task_ids"]),
        size_category=raw["size_category"],
        annotations_creators=tuple(raw["annotations_creators"]),
        language_creators=tuple(raw["language_creators"]),
        licences=tuple(
            LicenceGroup(
                group=g["group"],
                spdx=g["spdx"],
                hub=g["hub"],
                name=g["name"],
                paths=tuple(g["paths"]),
                terms=_words(g["terms"]),
            )
            for g in raw["licences"]
        ),
        intended_uses=_list(raw["intended_uses"]),
        out_of_scope_uses=_list(raw["out_of_scope_uses"]),
        limitations=_list(raw["limitations"]),
        biases=_list(raw["biases"]),
        collection=_words(raw["collection"]),
        personal_information=_words(raw["personal_information"]),
        cite_claim=_words(raw["cite_claim"]),
    )
