"""Adding an article: its text stored byte for byte (but the line breaks that end the file,
which a stored text has none of), its row in `articles.csv`.

`add_article` refuses an id or a text already in the dataset, and anything that would not
validate; it writes nothing then. The outlet is a source id or a name or alias from
`sources.csv`; an outlet not yet listed becomes a new `publisher` source whose description
says it awaits one. An article without claims is valid (with a notice) until its draft is
merged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck import registry
from factcheck.drafting.naming import SourceIndex
from factcheck.edits.staging import as_table, check_staged, write_table
from factcheck.model import segment
from factcheck.model.cells import placeholder_description
from factcheck.model.tables import ARTICLES_DIR, article_path, spec_named
from factcheck.model.vocabularies import ReviewState, SourceKind, TitleOrigin
from factcheck.problems import Problem
from factcheck.storage import dialect
from factcheck.storage.reader import article_text, read_tables

TITLE_LENGTH = 120  # a title made of the text's first heading or sentence, at most


@dataclass
class Added:
    """What adding an article found and did."""

    problems: list[Problem] = field(default_factory=list)
    row: dict[str, str] = field(default_factory=dict)
    new_source: dict[str, str] | None = None
    trimmed: int = 0  # bytes of line breaks left out at the end of the text


@dataclass(frozen=True)
class ArticleInfo:
    """What the person adding an article says about it."""

    article_id: str
    published_on: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"


def add_article(root: Path, data: bytes, info: ArticleInfo) -> Added:
    """Store `data` as the text of a new article described by `info`, if all validates."""
    read, unreadable = read_tables(root, [spec_named("articles"), spec_named("sources")])
    if unreadable:
        return Added(unreadable)
    articles, sources = read["articles"], read["sources"]
    data, trimmed = stored_bytes(data)
    refused = _refusals(root, data, info, articles)
    if refused:
        return Added(refused)
    title, origin = _title(info, data)
    if origin == TitleOrigin.DATASET.value and len(title) > TITLE_LENGTH:
        file = spec_named("articles").file
        return Added(
            [registry.problem("add.title.length", file, None, "title", title, most=TITLE_LENGTH)]
        )
    publisher, new_source = _publisher(info, sources, info.article_id)
    digest = hashlib.sha256(data).hexdigest()
    row = {
        "article_id": info.article_id,
        "title": title,
        "title_origin": origin,
        "publisher_source_id": publisher,
        "url": info.url or "",
        "published_on": info.published_on,
        "language": info.language,
        "text_sha256": digest,
        # its claims are merged as they are reviewed; an editor marks it complete
        "review_state": ReviewState.IN_PROGRESS.value,
    }
    tables = {"articles": as_table("articles", pd.concat([articles, pd.DataFrame([row])]))}
    if new_source is not None:
        tables["sources"] = as_table("sources", pd.concat([sources, pd.DataFrame([new_source])]))
    problems = check_staged(root, tables, {info.article_id: data})
    if problems:
        return Added(problems)
    (root / ARTICLES_DIR).mkdir(exist_ok=True)
    dialect.write_atomically(root / article_path(info.article_id), data)
    for name, table in tables.items():
        write_table(root, name, table)
    return Added([], row, new_source, trimmed)


def stored_bytes(data: bytes) -> tuple[bytes, int]:
    """The text as it is stored: without the line breaks that end a file (a stored text has
    no trailing newline, as the README says), every other byte as given; and how many bytes
    were left out."""
    kept = data.rstrip(b"\r\n")
    return kept, len(data) - len(kept)


def _refusals(root: Path, data: bytes, info: ArticleInfo, articles: pd.DataFrame) -> list[Problem]:
    file = spec_named("articles").file
    found = []
    if info.article_id in set(articles["article_id"]):
        found.append(registry.problem("add.article_id.new", file, value=info.article_id))
    elif (root / article_path(info.article_id)).exists():
        path = article_path(info.article_id)
        found.append(
            registry.problem("add.article_id.text_file", file, value=info.article_id, path=path)
        )
    digest = hashlib.sha256(data).hexdigest()
    same = articles.loc[articles["text_sha256"] == digest, "article_id"].tolist()
    if same:
        found.append(registry.problem("add.text.new", file, value=digest, article_id=same[0]))
    if not data.strip():
        found.append(registry.problem("add.text.empty", file))
    return found


def _publisher(
    info: ArticleInfo, sources: pd.DataFrame, article_id: str
) -> tuple[str, dict[str, str] | None]:
    """The publisher's source id, and a new source row if the outlet is not listed."""
    if not info.outlet:
        raise ValueError("the outlet is required: a source id or a name from sources.csv")
    if info.outlet in set(sources["source_id"]):
        return info.outlet, None
    index = SourceIndex(sources)
    match = index.match(info.outlet)
    if match.known:
        return match.source_id, None
    proposal = index.proposed[match.source_id]
    row = {
        "source_id": proposal.source_id,
        "name": proposal.name,
        "aliases": "",
        "kind": SourceKind.PUBLISHER.value,
        "country": "",
        "state_controlled": "",
        "description": placeholder_description(f"publisher of {article_id}, added with it."),
    }
    return proposal.source_id, row


def _title(info: ArticleInfo, data: bytes) -> tuple[str, str]:
    """The title given, as published; else the text's first heading or first sentence, as
    the dataset's own, from the text as validation and drafting read it (a byte-order mark is
    no part of it). A text that is not UTF-8 gets the id, and validation says why."""
    if info.title:
        return info.title, TitleOrigin.PUBLISHED.value
    text = article_text(data, article_path(info.article_id))[0]
    first = None if text is None else next(iter(segment.paragraphs(text)), None)
    if text is None or first is None:
        return info.article_id, TitleOrigin.DATASET.value
    # whole, never cut: a title too long is refused, asking for --title
    words = first.text if first.kind == "heading" else segment.sentences(text)[0].text
    return words, TitleOrigin.DATASET.value
