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

import collections
import concurrent.futures
import contextlib
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
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

_SCHEMAS = {"texts": _TEXTS, "paragraphs": _PARAGRAPHS, "sentences": _SENTENCES}


class _Read(NamedTuple):
    """An article file as read: the hash of its bytes and its text, or why there is none."""

    article_id: str
    sha256: str | None
    text: str | None
    length: int | None
    problem_file: str | None
    problem_reason: str | None


# Articles read and segmented at a time: enough to keep both cores busy, few enough that the
# texts of a large dataset are never all held in Python at once.
CHUNK = 500
# Below this many articles to segment, a second process costs more than it saves.
PARALLEL_FROM = 2_000


def cores() -> int:
    """The cores this process may run on (a container's limit, where the system says it)."""
    if hasattr(os, "sched_getaffinity"):  # not on every system
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def load_texts(
    engine: Engine, folder: Folder, with_claims: bool, keep: bool, processes: int = 1
) -> dict[str, str]:
    """Load tables `texts`, `paragraphs` and `sentences` into `engine` (the last two for
    the articles claims name, if claims were loaded), a chunk of articles at a time,
    segmented by up to `processes` processes. With `keep`, return the texts of the listed
    articles that could be read, by article id."""
    listed = _listed(engine)
    claimed = _claimed(engine) if with_claims else set()
    kept: dict[str, str] = {}
    with engine.appending(_SCHEMAS) as tables, _segmenter(len(claimed), processes) as segmenting:
        chunks = (_read_chunk(folder, ids) for ids in _chunks(listed))
        for read, (paragraphs, sentences) in segmenting(_with_claimed(chunks, claimed)):
            tables.add("texts", _table(read, _TEXTS))
            tables.add("paragraphs", paragraphs)
            tables.add("sentences", sentences)
            if keep:
                kept.update((r.article_id, r.text) for r in read if r.text is not None)
    return kept


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for at in range(0, len(ids), CHUNK):
        yield ids[at : at + CHUNK]


def _read_chunk(folder: Folder, ids: list[str]) -> list[_Read]:
    return [_read(folder, article_id) for article_id in ids]


def _with_claimed(
    chunks: Iterable[list[_Read]], claimed: set[str]
) -> Iterator[tuple[list[_Read], dict[str, str]]]:
    """Each chunk as read, with the texts in it that claims name (those to segment)."""
    for read in chunks:
        texts = {r.article_id: r.text for r in read if r.text is not None}
        yield read, {a: t for a, t in texts.items() if a in claimed}


Segmented = tuple[pa.Table, pa.Table]  # a chunk's paragraphs and sentences


@contextlib.contextmanager
def _segmenter(
    count: int, processes: int
) -> Iterator[
    Callable[
        [Iterable[tuple[list[_Read], dict[str, str]]]], Iterator[tuple[list[_Read], Segmented]]
    ]
]:
    """A function segmenting chunks in order: in this process for a few articles, else in
    a pool of `processes`, a few chunks ahead of the loading (never all of them)."""
    if count < PARALLEL_FROM or processes < 2:
        yield lambda chunks: ((read, segmented(texts)) for read, texts in chunks)
        return
    # spawned, not forked: a fork would copy the engine's threads and locks mid-flight
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(processes, mp_context=context) as pool:
        yield lambda chunks: _ahead(pool, chunks, 2 * processes)


def _ahead(
    pool: concurrent.futures.Executor,
    chunks: Iterable[tuple[list[_Read], dict[str, str]]],
    depth: int,
) -> Iterator[tuple[list[_Read], Segmented]]:
    """The chunks segmented by `pool`, in order, with at most `depth` in flight."""
    waiting: collections.deque[tuple[list[_Read], concurrent.futures.Future[Segmented]]]
    waiting = collections.deque()
    for read, texts in chunks:
        waiting.append((read, pool.submit(segmented, texts)))
        if len(waiting) >= depth:
            done, future = waiting.popleft()
            yield done, future.result()
    while waiting:
        done, future = waiting.popleft()
        yield done, future.result()


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


def segmented(texts: dict[str, str]) -> Segmented:
    """The paragraphs and body sentences of `texts`, as Arrow tables."""
    paragraphs: list[tuple[object, ...]] = []
    sentences: list[tuple[object, ...]] = []
    for article_id, text in texts.items():
        found = segment.paragraphs(text)
        paragraphs += [(article_id, p.start, p.end, p.kind, p.line, p.text) for p in found]
        sentences += [
            (article_id, start, end, paragraph.line)
            for start, end, paragraph in segment.sentence_bounds(text, found)
        ]
    return _table(paragraphs, _PARAGRAPHS), _table(sentences, _SENTENCES)


def _table(rows: Sequence[tuple[object, ...]], schema: pa.Schema) -> pa.Table:
    """Rows as an Arrow table: converted as structs, a million tuples take a fraction of a
    second, less than dictionaries and far less than transposing them into columns."""
    return pa.Table.from_struct_array(pa.array(rows, pa.struct(list(schema))))
