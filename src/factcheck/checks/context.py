"""What the dataset rules read: the tables, the article texts, and what is derived from them.

A `Context` holds the tables as read and computes each derived value (spans as numbers,
claims' paragraphs, which sentences are covered) once, on first use, for every rule that
needs it. Texts are read lazily and only the most recent are held, so a dataset checked in
blocks does not keep every article in memory.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from factcheck.checks.keys import KeyIndex
from factcheck.model import segment
from factcheck.model.schemas import ARTICLE_ID, NON_NEGATIVE_INTEGER
from factcheck.model.tables import article_path, spec_named
from factcheck.problems import Problem
from factcheck.storage.reader import ARTICLE_TEXT, article_text, read_bytes


class Texts:
    """Articles' texts as read, and their paragraphs, for the most recently used articles up
    to `budget` code points: a dataset of a hundred thousand articles checked in blocks must
    not hold them all. What a rule needs again is read again."""

    def __init__(self, budget: int = 16_000_000) -> None:
        self.budget = budget
        self.size = 0
        self.held: OrderedDict[str, tuple[str, list[segment.Segment]]] = OrderedDict()

    def get(self, article_id: str) -> tuple[str, list[segment.Segment]] | None:
        found = self.held.get(article_id)
        if found is not None:
            self.held.move_to_end(article_id)
        return found

    def put(self, article_id: str, text: str) -> None:
        self.held[article_id] = (text, segment.paragraphs(text))
        self.size += len(text)
        while self.size > self.budget and len(self.held) > 1:
            _, (old, _) = self.held.popitem(last=False)
            self.size -= len(old)


@dataclass
class Context:
    """The tables as read, and what rules derive from them, each computed once on first use.

    Derived values are cached under keys that start with the table they come from, so a
    context for the next block of a table (`derive`) keeps what the other tables gave."""

    root: Path
    tables: dict[str, pd.DataFrame]
    _texts: Texts = field(default_factory=Texts)
    _unreadable: dict[str, Problem] = field(default_factory=dict)
    _digests: dict[str, str] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict)

    def derive(self, **tables: pd.DataFrame) -> Context:
        """This context with some tables replaced (say, by the next block of claims),
        sharing the article texts and what the other tables derived."""
        kept = {k: v for k, v in self._cache.items() if k.split(":", 1)[0] not in tables}
        return Context(
            self.root,
            {**self.tables, **tables},
            self._texts,
            self._unreadable,
            self._digests,
            kept,
        )

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def has(self, *names: str) -> bool:
        return all(name in self.tables for name in names)

    def column(self, table: str, name: str) -> pd.Series:
        return self.tables[table][name]

    def valid(self, table: str, name: str, pattern: str) -> pd.Series:
        """Where a column's cells are present and match `pattern`."""
        return self.column(table, name).str.match(pattern).fillna(False).astype(bool)

    def keys(self, table: str) -> pd.Series:
        """The distinct primary keys of a table."""
        keys: pd.Series = self.cached(
            f"{table}:keys",
            lambda: self.column(table, spec_named(table).key).dropna().drop_duplicates(),
        )
        return keys

    def index(self, table: str) -> KeyIndex:
        """A table's primary keys, to find the row each reference names."""
        found: KeyIndex = self.cached(
            f"{table}:index", lambda: KeyIndex(self.column(table, spec_named(table).key))
        )
        return found

    def referenced(self, table: str, name: str, keys: pd.Series) -> pd.Series:
        """For each key in `keys`, column `name` of the first row of `table` with that
        primary key (NaN where none has it), indexed like `keys`."""
        return self.index(table).take(self.column(table, name), keys)

    def spans(self) -> pd.DataFrame:
        """Claims' spans as integers where both offsets are numbers and start < end."""

        def compute() -> pd.DataFrame:
            claims = self.tables["claims"]
            ok = self.valid("claims", "span_start", NON_NEGATIVE_INTEGER) & self.valid(
                "claims", "span_end", NON_NEGATIVE_INTEGER
            )
            start = pd.to_numeric(claims["span_start"].where(ok), errors="coerce")
            end = pd.to_numeric(claims["span_end"].where(ok), errors="coerce")
            ok &= start < end
            return pd.DataFrame({"start": start[ok].astype(int), "end": end[ok].astype(int)})

        spans: pd.DataFrame = self.cached("claims:spans", compute)
        return spans

    def read_article(self, article_id: str) -> tuple[str | None, Problem | None]:
        """An article's text, or why it cannot be read. The SHA-256 of the file's bytes is
        kept for the hash rule when the file is first read."""
        held = self._texts.get(article_id)
        if held is not None:
            return held[0], None
        if article_id in self._unreadable:
            return None, self._unreadable[article_id]
        name = article_path(article_id)
        data, problem = read_bytes(self.root / name, name, what=ARTICLE_TEXT)
        if data is not None:
            self._digests[article_id] = hashlib.sha256(data).hexdigest()
            text, problem = article_text(data, name)
            if text is not None:
                self._texts.put(article_id, text)
                return text, None
        assert problem is not None
        self._unreadable[article_id] = problem
        return None, problem

    def read_problem(self, article_id: str) -> Problem | None:
        """Why an article's text cannot be read, if it cannot; the text is not kept."""
        if article_id not in self._digests and article_id not in self._unreadable:
            self.read_article(article_id)
        return self._unreadable.get(article_id)

    def has_text(self, article_id: Any) -> bool:
        """Whether `article_text` would give a text, without keeping it."""
        return (
            matches(ARTICLE_ID, article_id)
            and article_id in self.listed_articles()
            and self.read_problem(article_id) is None
        )

    def digest(self, article_id: str) -> str | None:
        """The SHA-256 of an article file's bytes, if it could be read."""
        if article_id not in self._digests:
            self.read_article(article_id)
        return self._digests.get(article_id)

    def article_text(self, article_id: Any) -> str | None:
        """The text of a listed article with a well-formed id, or None."""
        if not matches(ARTICLE_ID, article_id) or article_id not in self.listed_articles():
            return None
        return self.read_article(article_id)[0]

    def listed_articles(self) -> set[str]:
        listed: set[str] = self.cached("articles:listed", lambda: set(self.keys("articles")))
        return listed

    def paragraphs(self, article_id: str) -> list[segment.Segment]:
        """An article's paragraphs and headings, segmented once while its text is held."""
        if self.article_text(article_id) is None:
            return []
        held = self._texts.get(article_id)
        assert held is not None  # just read
        return held[1]

    def sentences(self, article_id: str) -> list[tuple[int, int, segment.Segment]]:
        """An article's body sentences, with the paragraph of each."""
        text = self.article_text(article_id)
        if text is None:
            return []
        return segment.sentence_bounds(text, self.paragraphs(article_id))

    def claimed_articles(self) -> list[str]:
        """The listed, readable articles that claims name, in order of id."""

        def compute() -> list[str]:
            named = self.column("claims", "article_id").dropna().unique().tolist()
            return sorted(a for a in named if self.article_text(a) is not None)

        articles: list[str] = self.cached("claims:articles", compute)
        return articles

    def layout(self) -> Layout:
        """The paragraphs of the articles claims name, placed as if the texts were laid end
        to end: one numpy search then finds the paragraph of any claim's offset."""

        def compute() -> Layout:
            bases: dict[str, int] = {}
            found: list[segment.Segment] = []
            starts: list[int] = []
            ends: list[int] = []
            base = 0
            for article_id in self.claimed_articles():
                text = self.article_text(article_id)
                assert text is not None  # it is claimed, so readable
                bases[article_id] = base
                for paragraph in self.paragraphs(article_id):
                    found.append(paragraph)
                    starts.append(base + paragraph.start)
                    ends.append(base + paragraph.end)
                base += len(text) + 1  # a gap, so no offset belongs to two articles
            return Layout(bases, found, np.array(starts), np.array(ends))

        layout: Layout = self.cached("claims:layout", compute)
        return layout

    def text_lengths(self) -> pd.Series:
        """For each claim row, the length of its article's text (NaN where there is none)."""

        def compute() -> pd.Series:
            lengths = {}
            for article_id in self.claimed_articles():
                text = self.article_text(article_id)
                assert text is not None
                lengths[article_id] = len(text)
            # float: NaN marks a missing text, and an empty table must not keep its str dtype
            return self.column("claims", "article_id").map(lengths).astype("float64")

        lengths: pd.Series = self.cached("claims:lengths", compute)
        return lengths

    def grounded(self) -> pd.DataFrame:
        """Claims whose quote is exactly their article's text at their span, with the text's
        paragraph: rules about where a span sits trust only these."""

        def compute() -> pd.DataFrame:
            claims = self.tables["claims"]
            spans = self.spans()
            article_ids = claims["article_id"].tolist()
            quotes = claims["quote"].tolist()
            first = claims.index[0] if len(claims) else 0  # a block's rows start past 0
            texts = {a: self.article_text(a) for a in self.claimed_articles()}
            rows = [
                (index, article_ids[index - first], start)
                for index, start, end in zip(
                    spans.index.tolist(),
                    spans["start"].tolist(),
                    spans["end"].tolist(),
                    strict=True,
                )
                if (text := texts.get(article_ids[index - first])) is not None
                and text[start:end] == quotes[index - first]
            ]
            frame = pd.DataFrame(rows, columns=["index", "article_id", "start"])
            frame["paragraph"] = self.layout().paragraphs_at(frame["article_id"], frame["start"])
            return frame.set_index("index")

        grounded: pd.DataFrame = self.cached("claims:grounded", compute)
        return grounded


@dataclass(frozen=True)
class Layout:
    """Articles' paragraphs with offsets in one coordinate: each article's text starts at
    `bases[article_id]`, after the previous one's end and a gap."""

    bases: dict[str, int]
    paragraphs: list[segment.Segment]
    starts: np.ndarray
    ends: np.ndarray

    def place(self, article_ids: pd.Series, offsets: pd.Series) -> np.ndarray:
        """Offsets within articles as offsets in the layout (-1 where the article has none)."""
        known = pd.Index(list(self.bases), dtype="str")
        at = known.get_indexer(pd.Index(article_ids, dtype="str"))  # one hash lookup, not a map
        bases = np.append(np.fromiter(self.bases.values(), np.int64, len(self.bases)), -1)[at]
        return np.where(bases >= 0, bases + offsets.to_numpy(dtype=np.int64), -1)

    def paragraphs_at(self, article_ids: pd.Series, offsets: pd.Series) -> list[Any]:
        """The paragraph or heading holding each offset of an article, or None."""
        placed = self.place(article_ids, offsets)
        at = np.searchsorted(self.starts, placed, side="right") - 1
        inside = (placed >= 0) & (at >= 0)
        inside[inside] &= placed[inside] < self.ends[at[inside]]
        pairs = zip(at.tolist(), inside.tolist(), strict=True)
        return [self.paragraphs[i] if ok else None for i, ok in pairs]


def matches(pattern: str, value: Any) -> bool:
    return isinstance(value, str) and re.match(pattern, value) is not None
