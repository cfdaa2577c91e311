"""The article texts, loaded into an engine for the rules that read them.

Each listed article's file is read as every command reads it (`read_bytes`, then
`article_text`), so both engines see the same text, the same hash and the same reason a file
cannot be read. Three tables hold what the queries need:

- `texts(article_id, sha256, text, length, problem_file, problem_reason)`: a row for every
  distinct well-formed article id of `articles`: `sha256` (of the bytes), `text` and
  `length` where the file is text, else the problem that says why not;
- `paragraphs(article_id, start, "end", kind, line, text)`: headings and body paragraphs;
- `sentences(article_id, start, "end", line)`: body sentences, `line` their paragraph's.

Offsets count code points, as Python's and DuckDB's string functions both do. Segmenting
is the slow part, so only the articles that claims name are segmented: a rule about where a
claim sits, or which sentences claims cover, reads no other article's paragraphs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import NamedTuple

import pyarrow as pa

from factcheck.checks.engines.base import Engine
from factcheck.checks.rules.base import matches
from factcheck.model import segment
from factcheck.model.cells import ARTICLE_ID
from factcheck.model.tables import article_path
from factcheck.problems import Problem
from factcheck.storage.folders import Folder
from factcheck.storage.reader import ARTICLE_TEXT, article_text

_TEXTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("sha256", pa.string()),
        ("text", pa.string()),
        ("length", pa.int64()),
        ("problem_file", pa.string()),
        ("problem_reason", pa.string()),
    ]
)
_PARAGRAPHS = pa.schema(
    [
        ("article_id", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("kind", pa.string()),
        ("line", pa.int64()),
        ("text", pa.string()),
    ]
)
_SENTENCES = pa.schema(
    [
        ("article_id", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("line", pa.int64()),
    ]
)


class _Read(NamedTuple):
    """An article file as read: the hash of its bytes and its text, or why there is none."""

    article_id: str
    sha256: str | None
    text: str | None
    length: int | None
    problem_file: str | None
    problem_reason: str | None


def load_texts(engine: Engine, folder: Folder, with_claims: bool) -> dict[str, str]:
    """Load tables `texts`, `paragraphs` and `sentences` into `engine` (the last two for
    the articles claims name, if claims were loaded); return the texts of the listed
    articles that could be read, by article id."""
    read = [_read(folder, article_id) for article_id in _listed(engine)]
    engine.load_records("texts", _table(read, _TEXTS))
    texts = {r.article_id: r.text for r in read if r.text is not None}
    claimed = _claimed(engine) if with_claims else set()
    _load_segments(engine, {a: t for a, t in texts.items() if a in claimed})
    return texts


def _listed(engine: Engine) -> list[str]:
    """The distinct article ids of `articles` well-formed enough to name a file."""
    rows = engine.query(
        "SELECT DISTINCT article_id FROM articles "
        f"WHERE {matches('article_id', ARTICLE_ID)} ORDER BY article_id"
    )
    return [str(row["article_id"]) for row in rows]


def _claimed(engine: Engine) -> set[str]:
    """The article ids claims name."""
    rows = engine.query("SELECT DISTINCT article_id FROM claims WHERE article_id IS NOT NULL")
    return {str(row["article_id"]) for row in rows}


def _read(folder: Folder, article_id: str) -> _Read:
    """An article's file as `storage.reader.read_article` reads it, with the SHA-256 of
    its bytes."""
    name = article_path(article_id)
    data, problem = folder.read_bytes(name, what=ARTICLE_TEXT)
    if data is None:
        return _unreadable(article_id, problem)
    text, problem = article_text(data, name)
    if text is None:
        return _unreadable(article_id, problem)
    return _Read(article_id, hashlib.sha256(data).hexdigest(), text, len(text), None, None)


def _unreadable(article_id: str, problem: Problem | None) -> _Read:
    assert problem is not None  # the reader says why it gives nothing
    return _Read(article_id, None, None, None, problem.file, problem.message)


def _load_segments(engine: Engine, texts: dict[str, str]) -> None:
    """Load the paragraphs and body sentences of `texts`."""
    paragraphs: list[tuple[object, ...]] = []
    sentences: list[tuple[object, ...]] = []
    for article_id, text in texts.items():
        found = segment.paragraphs(text)
        paragraphs += [(article_id, p.start, p.end, p.kind, p.line, p.text) for p in found]
        sentences += [
            (article_id, start, end, paragraph.line)
            for start, end, paragraph in segment.sentence_bounds(text, found)
        ]
    engine.load_records("paragraphs", _table(paragraphs, _PARAGRAPHS))
    engine.load_records("sentences", _table(sentences, _SENTENCES))


def _table(rows: Sequence[tuple[object, ...]], schema: pa.Schema) -> pa.Table:
    """Rows as an Arrow table: converted as structs, a million tuples take a fraction of a
    second, less than dictionaries and far less than transposing them into columns."""
    return pa.Table.from_struct_array(pa.array(rows, pa.struct(list(schema))))
