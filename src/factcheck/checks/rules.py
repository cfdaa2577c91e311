"""Dataset rules: what no single table can say about itself.

References resolve across tables, spans and quotes agree with the stored article text, the
text matches its recorded hash, cue words are the article's own, every source is used, every
body sentence is covered by a claim, and verdicts rest on the evidence they need. Each rule
is defined once here, registered in `RULES` with its plain-words description, and run by
`run_rules` for the CLI, the loader and the tests alike.

Rules work on whole columns, so a million claims cost a few vectorised passes; only the
failing rows become problems. A rule skips cells that break a table's own schema (a span
that is not a number, an id of the wrong form): the schema has already reported them.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from factcheck.checks.frames import KeyIndex, is_in, is_missing
from factcheck.model import notation, segment
from factcheck.model.schemas import (
    ARTICLE_ID,
    ISO_DATE,
    NON_NEGATIVE_INTEGER,
    SHA256,
    SOURCE_ID,
    TABLES,
    TableSpec,
    spec_named,
)
from factcheck.model.vocabularies import (
    DISPUTED_VERDICTS,
    AttributionCheck,
    BearsOn,
    Stance,
    Verdict,
)
from factcheck.problems import Problem, Severity
from factcheck.storage.reader import FIRST_DATA_ROW, decode, read_bytes

ARTICLES_DIR = "articles"
_CHAIN_SEPARATORS = rf"{notation.LINK}|{notation.JOINT.replace('+', '[+]')}"


def article_path(article_id: str) -> str:
    """Where an article's text lives, relative to the dataset directory."""
    return f"{ARTICLES_DIR}/{article_id}.txt"


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
        data, problem = read_bytes(self.root / name, name, what="article text")
        if data is not None:
            self._digests[article_id] = hashlib.sha256(data).hexdigest()
            text, problem = decode(data, name, what="article text")
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
            _matches(ARTICLE_ID, article_id)
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
        if not _matches(ARTICLE_ID, article_id) or article_id not in self.listed_articles():
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


def _matches(pattern: str, value: Any) -> bool:
    return isinstance(value, str) and re.match(pattern, value) is not None


Check = Callable[["Rule", Context], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A dataset rule: its id, what it requires in plain words, and the tables it reads."""

    id: str
    description: str
    needs: tuple[str, ...]
    check: Check

    @property
    def file(self) -> str:
        return f"{self.id.split('.')[0]}.csv"

    @property
    def column(self) -> str:
        return self.id.split(".")[1]

    def problem(self, index: Any, value: Any, detail: str = "") -> Problem:
        """A problem at the spreadsheet row of a table's row `index`."""
        shown = None if is_missing(value) else str(value)
        row = int(index) + FIRST_DATA_ROW
        return Problem(self.file, row, self.column, shown, self.id, f"{self.description}{detail}")

    def at(self, frame: pd.DataFrame, failing: pd.Series) -> Iterator[Problem]:
        """A problem for every row where `failing` holds, showing this rule's column."""
        for index in failing[failing].index:
            yield self.problem(index, frame.at[index, self.column])


RULES: list[Rule] = []


def rule(rule_id: str, description: str, needs: tuple[str, ...]) -> Callable[[Check], Check]:
    """Register a dataset rule; the decorated function yields its problems."""

    def register(check: Check) -> Check:
        RULES.append(Rule(rule_id, description, needs, check))
        return check

    return register


def run_rules(context: Context) -> list[Problem]:
    """Every rule whose tables could be read, in registration order."""
    return [p for r in RULES if context.has(*r.needs) for p in r.check(r, context)]


# --- references -----------------------------------------------------------------------


def _an(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def _reference(spec: TableSpec, column: str, target: TableSpec) -> Check:
    pattern = spec.pattern(column)

    def check(self: Rule, ctx: Context) -> Iterator[Problem]:
        frame = ctx.tables[spec.name]
        values = frame[column]
        well_formed = values.notna() if pattern is None else ctx.valid(spec.name, column, pattern)
        missing = well_formed & (ctx.index(target.name).positions(values) < 0)
        yield from self.at(frame, missing)

    return check


for _spec in TABLES:
    for _column, _target in _spec.references.items():
        RULES.append(
            Rule(
                f"{_spec.name}.{_column}.exists",
                f"must be {_an(spec_named(_target).key)} listed in {_target}.csv",
                needs=(_spec.name, _target),
                check=_reference(_spec, _column, spec_named(_target)),
            )
        )


# --- articles -------------------------------------------------------------------------


@rule(
    "articles.article_id.text_file",
    "must have its text stored as UTF-8 in articles/<article_id>.txt",
    needs=("articles",),
)
def _text_file(self: Rule, ctx: Context) -> Iterator[Problem]:
    articles = ctx.tables["articles"]
    for index in articles.index[ctx.valid("articles", "article_id", ARTICLE_ID)]:
        article_id = str(articles.at[index, "article_id"])
        problem = ctx.read_problem(article_id)
        if problem is not None:
            yield self.problem(index, article_id, f"; {problem.file} {problem.message}")


@rule(
    "articles.text_sha256.matches_text",
    "must be the SHA-256 of the bytes of the stored text file",
    needs=("articles",),
)
def _sha256(self: Rule, ctx: Context) -> Iterator[Problem]:
    articles = ctx.tables["articles"]
    for index in articles.index[ctx.valid("articles", "text_sha256", SHA256)]:
        article_id = str(articles.at[index, "article_id"])
        if not ctx.has_text(article_id):
            continue
        actual = ctx.digest(article_id)
        if actual != articles.at[index, "text_sha256"]:
            yield self.problem(
                index, articles.at[index, "text_sha256"], f"; the file's is {actual}"
            )


@rule(
    "articles.sentence.covered",
    "must overlap the span of at least one claim: every sentence of an article's body is covered",
    needs=("articles", "claims"),
)
def _sentences_covered(self: Rule, ctx: Context) -> Iterator[Problem]:
    covered = covered_sentences(ctx)
    for article_id in ctx.keys("articles").tolist():
        mask = covered.get(article_id)
        if (mask is not None and mask.all()) or not ctx.has_text(article_id):
            continue  # covered, or the text_file rule says why there is no text
        if mask is None:  # just added: a notice, so an article can be stored before drafting
            yield _awaiting_claims(article_id)
            continue
        sentences = ctx.sentences(article_id)
        for position in np.flatnonzero(~mask).tolist():
            start, end, paragraph = sentences[position]
            quote = paragraph.text[start - paragraph.start : end - paragraph.start]
            yield Problem(
                article_path(article_id), paragraph.line, None, quote, self.id, self.description
            )


AWAITING_CLAIMS = "articles.claims.awaited"


def _awaiting_claims(article_id: str) -> Problem:
    message = (
        f"has no claims yet; `factcheck draft {article_id}` proposes them for review, and "
        "once it has any, every sentence of its body must be covered"
    )
    return Problem(
        article_path(article_id), None, None, None, AWAITING_CLAIMS, message, Severity.NOTICE
    )


def covered_sentences(ctx: Context) -> dict[str, np.ndarray]:
    """For each article the claims name, which of its body sentences some claim's span
    overlaps. A sentence is covered by one span or not at all, so the masks of blocks of
    claims combine with a logical or."""
    return dict(ctx.cached("claims:covered", lambda: _covered(ctx)))


def _covered(ctx: Context) -> dict[str, np.ndarray]:
    layout = ctx.layout()
    spans = ctx.spans()
    article_ids = ctx.column("claims", "article_id")[spans.index]
    lengths = ctx.text_lengths()[spans.index].fillna(0).to_numpy(dtype=np.int64)
    # spans past their text are clipped to it, so none reaches into the next article
    starts = layout.place(article_ids, spans["start"])
    ends = layout.place(article_ids, np.minimum(spans["end"], lengths))
    keep = (starts >= 0) & (spans["start"].to_numpy() < lengths)
    order = np.argsort(starts[keep], kind="stable")
    span_starts, reach = starts[keep][order], np.maximum.accumulate(ends[keep][order])
    counts, places = [], []
    for article_id in layout.bases:
        base, sentences = layout.bases[article_id], ctx.sentences(article_id)
        counts.append(len(sentences))
        places += [(base + start, base + end) for start, end, _ in sentences]
    bounds = np.array(places, dtype=np.int64).reshape(-1, 2)
    # the spans starting before a sentence ends: does the farthest reach into it?
    before = np.searchsorted(span_starts, bounds[:, 1], side="left")
    covered = before > 0
    covered[covered] = reach[before[covered] - 1] > bounds[covered, 0]
    masks = np.split(covered, np.cumsum(counts)[:-1]) if counts else []
    return dict(zip(layout.bases, masks, strict=True))


# --- claims ---------------------------------------------------------------------------


def _chains(ctx: Context) -> pd.Series:
    """Well-formed attribution chains, by claim row."""
    attribution = ctx.column("claims", "attribution")
    return attribution[ctx.valid("claims", "attribution", notation.ATTRIBUTION)]


def _chain_sources(ctx: Context) -> pd.Series:
    """Every source id of every well-formed chain, indexed by claim row (repeated). Chains
    repeat (a handful of voices per article), so each distinct chain is split only once."""

    def compute() -> pd.Series:
        chains = _chains(ctx)
        split = {chain: notation.source_ids(chain) for chain in chains.unique()}
        return chains.map(split).explode()

    sources: pd.Series = ctx.cached("claims:chain_sources", compute)
    return sources


def used_sources(ctx: Context) -> set[str]:
    """The distinct source ids that claims' chains name; blocks of claims combine by union."""

    def compute() -> set[str]:
        return {sid for chain in _chains(ctx).unique() for sid in notation.source_ids(chain)}

    used: set[str] = ctx.cached("claims:used_sources", compute)
    return used


@rule(
    "claims.attribution.sources_exist",
    "must name only source ids listed in sources.csv",
    needs=("claims", "sources"),
)
def _attribution_sources_exist(self: Rule, ctx: Context) -> Iterator[Problem]:
    listed = set(ctx.keys("sources"))
    if used_sources(ctx) <= listed:
        return
    sources = _chain_sources(ctx)
    unknown = sources[~is_in(sources, listed)]
    claims = ctx.tables["claims"]
    for index, names in unknown.groupby(level=0, sort=True):
        names_listed = ", ".join(dict.fromkeys(names))
        yield self.problem(index, claims.at[index, "attribution"], f"; not listed: {names_listed}")


@rule(
    "claims.attribution.starts_with_publisher",
    "must start with the article's publisher alone, the voice that reports every claim",
    needs=("claims", "articles", "sources"),
)
def _starts_with_publisher(self: Rule, ctx: Context) -> Iterator[Problem]:
    chains = _chains(ctx)
    publisher = ctx.referenced(
        "articles", "publisher_source_id", ctx.column("claims", "article_id")[chains.index]
    )
    known = is_in(publisher, ctx.keys("sources"))  # an unknown one is reported on its article
    first = chains.str.split(notation.LINK, n=1, regex=False).str[0]
    for index in chains.index[known & (first != publisher)]:
        yield self.problem(index, chains[index], f" ({publisher[index]})")


@rule(
    "claims.span_end.inside_text",
    "must not be past the end of the article's text",
    needs=("claims", "articles"),
)
def _span_inside_text(self: Rule, ctx: Context) -> Iterator[Problem]:
    spans = ctx.spans()
    lengths = ctx.text_lengths()[spans.index]
    claims = ctx.tables["claims"]
    for index in spans.index[(spans["end"] > lengths).fillna(False).astype(bool)]:
        yield self.problem(
            index,
            claims.at[index, "span_end"],
            f", which is {int(lengths[index])} code points long",
        )


@rule(
    "claims.quote.matches_span",
    "must be exactly the article's text from span_start to span_end",
    needs=("claims", "articles"),
)
def _quote_matches(self: Rule, ctx: Context) -> Iterator[Problem]:
    spans = ctx.spans()
    lengths = ctx.text_lengths()[spans.index]
    claims = ctx.tables["claims"]
    checkable = (spans["end"] <= lengths).fillna(False).astype(bool) & claims["quote"][
        spans.index
    ].notna()
    for index in spans.index[checkable].difference(ctx.grounded().index):
        text = ctx.article_text(claims.at[index, "article_id"])
        assert text is not None  # it has a length
        start, end = spans["start"][index], spans["end"][index]
        yield self.problem(index, claims.at[index, "quote"], f", which reads {text[start:end]!r}")


@rule(
    "claims.span_start.not_in_heading",
    "must not point into a section heading: headings are not claims",
    needs=("claims", "articles"),
)
def _not_in_heading(self: Rule, ctx: Context) -> Iterator[Problem]:
    claims = ctx.tables["claims"]
    for index, paragraph in ctx.grounded()["paragraph"].items():
        if paragraph is not None and paragraph.kind == "heading":
            yield self.problem(index, claims.at[index, "span_start"], f" ({paragraph.text!r})")


def _cues_in_paragraph(
    self: Rule, ctx: Context, cues_of: Callable[[str], list[str]]
) -> Iterator[Problem]:
    cells = ctx.column("claims", self.column)
    grounded = ctx.grounded()
    present = grounded.index.intersection(cells.index[cells.notna()])
    paragraphs = grounded["paragraph"][present].tolist()
    for index, cell, paragraph in zip(present, cells[present].tolist(), paragraphs, strict=True):
        where = paragraph.text if paragraph is not None else ""
        missing = [cue for cue in cues_of(cell) if cue not in where]
        if missing:
            yield self.problem(index, cell, f"; not found: {', '.join(map(repr, missing))}")


@rule(
    "claims.attribution_cue.in_paragraph",
    "must quote words found in the paragraph that holds the claim's quote",
    needs=("claims", "articles"),
)
def _attribution_cues(self: Rule, ctx: Context) -> Iterator[Problem]:
    yield from _cues_in_paragraph(
        self, ctx, lambda cell: notation.cues(cell) if _matches(notation.CUES, cell) else []
    )


@rule(
    "claims.certainty_cue.in_paragraph",
    "must quote words found in the paragraph that holds the claim's quote",
    needs=("claims", "articles"),
)
def _certainty_cues(self: Rule, ctx: Context) -> Iterator[Problem]:
    yield from _cues_in_paragraph(self, ctx, lambda cell: [cell])


# --- sources --------------------------------------------------------------------------


@rule(
    "sources.source_id.used",
    "must be used in the attribution of at least one claim, or publish an article",
    needs=("sources", "claims", "articles"),
)
def _source_used(self: Rule, ctx: Context) -> Iterator[Problem]:
    sources = ctx.tables["sources"]
    publishers = set(ctx.column("articles", "publisher_source_id").dropna())
    unused = ctx.valid("sources", "source_id", SOURCE_ID) & ~is_in(
        sources["source_id"], used_sources(ctx) | publishers
    )
    yield from self.at(sources, unused)


# --- verdicts and evidence ------------------------------------------------------------


def independent_publishers(items: Iterable[Mapping[Any, Any]]) -> set[str]:
    """Who the items really come from: a wire story counts once however many outlets carry it.

    Missing cells may be None (raw rows) or NaN (loaded tables); neither counts.
    """
    found = set()
    for item in items:
        originator, publisher = item["originator"], item["publisher"]
        key = originator if isinstance(originator, str) else publisher
        if isinstance(key, str):
            found.add(key)
    return found


EVIDENCE_KINDS = (
    (BearsOn.CONTENT, Stance.SUPPORTS),
    (BearsOn.CONTENT, Stance.REFUTES),
    (BearsOn.ATTRIBUTION, Stance.SUPPORTS),
    (BearsOn.ATTRIBUTION, Stance.REFUTES),
)


def claims_with(ctx: Context, bears_on: BearsOn, stance: Stance) -> pd.Series:
    """The claim ids that have at least one evidence item of this kind (one of
    `EVIDENCE_KINDS`)."""

    def compute() -> pd.Series:
        evidence = ctx.tables["evidence"]
        chosen = (evidence["bears_on"] == bears_on.value) & (evidence["stance"] == stance.value)
        return evidence.loc[chosen, "claim_id"].dropna().drop_duplicates()

    found: pd.Series = ctx.cached(f"evidence:with:{bears_on.value}:{stance.value}", compute)
    return found


def claims_have(ctx: Context, bears_on: BearsOn, stance: Stance) -> pd.Series:
    """For each claim row, whether an evidence item of this kind names its id; a check in
    blocks builds it from the evidence blocks' `claims_with`, combined by claim."""

    def compute() -> pd.Series:
        claims = ctx.tables["claims"]
        return is_in(claims["claim_id"], claims_with(ctx, bears_on, stance))

    has: pd.Series = ctx.cached(f"evidence:has:{bears_on.value}:{stance.value}", compute)
    return has


def _evidence_claims(ctx: Context, name: str) -> pd.Series:
    """For each evidence row, a column of the claim it names (NaN if none)."""
    return ctx.referenced("claims", name, ctx.column("evidence", "claim_id"))


def _date(values: pd.Series) -> pd.Series:
    """ISO dates as text (comparable as text), NaN where missing or malformed."""
    text = values.astype("str")  # a lookup that found nothing comes back as floats
    return text.where(text.str.match(ISO_DATE).fillna(False).astype(bool))


@rule(
    "evidence.published_on.not_after_review",
    "must not be after the reviewed_on date of its claim",
    needs=("evidence", "claims"),
)
def _published_before_review(self: Rule, ctx: Context) -> Iterator[Problem]:
    published = _date(ctx.column("evidence", "published_on"))
    reviewed = _date(_evidence_claims(ctx, "reviewed_on"))
    late = (published > reviewed).fillna(False).astype(bool)
    for index in late[late].index:
        yield self.problem(index, published[index], f" ({reviewed[index]})")


@rule(
    "evidence.bears_on.attributed_claim",
    "must be content for a claim in the outlet's own voice: it has no attribution to check",
    needs=("evidence", "claims"),
)
def _attribution_evidence_needs_attribution(self: Rule, ctx: Context) -> Iterator[Problem]:
    evidence = ctx.tables["evidence"]
    check = _evidence_claims(ctx, "attribution_check")
    wrong = (evidence["bears_on"] == BearsOn.ATTRIBUTION.value) & (
        check == AttributionCheck.NOT_APPLICABLE.value
    )
    yield from self.at(evidence, wrong.fillna(False).astype(bool))


@rule(
    "evidence.stance.checkable_claim",
    "must be context for the content of a not_checkable claim: there is no fact to support "
    "or refute",
    needs=("evidence", "claims"),
)
def _uncheckable_claims_take_context_only(self: Rule, ctx: Context) -> Iterator[Problem]:
    evidence = ctx.tables["evidence"]
    verdict = _evidence_claims(ctx, "verdict")
    wrong = (
        (verdict == Verdict.NOT_CHECKABLE.value)
        & (evidence["bears_on"] == BearsOn.CONTENT.value)
        & evidence["stance"].isin([Stance.SUPPORTS.value, Stance.REFUTES.value])
    )
    yield from self.at(evidence, wrong.fillna(False).astype(bool))


def _verdict_needs(column: str, value: str, bears_on: BearsOn, stance: Stance) -> Check:
    def check(self: Rule, ctx: Context) -> Iterator[Problem]:
        claims = ctx.tables["claims"]
        lacking = (claims[column] == value) & ~claims_have(ctx, bears_on, stance)
        yield from self.at(claims, lacking.fillna(False).astype(bool))

    return check


RULES += [
    Rule(
        "claims.verdict.supported_needs_support",
        "must be backed by at least one content evidence item that supports the claim",
        ("claims", "evidence"),
        _verdict_needs("verdict", Verdict.SUPPORTED.value, BearsOn.CONTENT, Stance.SUPPORTS),
    ),
    Rule(
        "claims.verdict.refuted_needs_refutation",
        "must be backed by at least one content evidence item that refutes the claim",
        ("claims", "evidence"),
        _verdict_needs("verdict", Verdict.REFUTED.value, BearsOn.CONTENT, Stance.REFUTES),
    ),
    Rule(
        "claims.attribution_check.confirmed_needs_support",
        "must be backed by at least one attribution evidence item that supports it when confirmed",
        ("claims", "evidence"),
        _verdict_needs(
            "attribution_check",
            AttributionCheck.CONFIRMED.value,
            BearsOn.ATTRIBUTION,
            Stance.SUPPORTS,
        ),
    ),
    Rule(
        "claims.attribution_check.contradicted_needs_refutation",
        "must be backed by at least one attribution evidence item that refutes it when "
        "contradicted",
        ("claims", "evidence"),
        _verdict_needs(
            "attribution_check",
            AttributionCheck.CONTRADICTED.value,
            BearsOn.ATTRIBUTION,
            Stance.REFUTES,
        ),
    ),
]


@rule(
    "claims.verdict.two_independent_publishers",
    "must rest on content evidence from at least two independent publishers when refuted or "
    "partly_supported (a wire story counts once)",
    needs=("claims", "evidence"),
)
def _two_independent_publishers(self: Rule, ctx: Context) -> Iterator[Problem]:
    claims = ctx.tables["claims"]
    strict = claims["verdict"].isin(DISPUTED_VERDICTS)
    if not strict.any():
        return
    found = content_publishers(ctx)
    counts = found.groupby("claim_id").size()
    ids = claims.loc[strict, "claim_id"]
    short = ids.map(counts).fillna(0) < 2
    for index in short[short].index:
        names = sorted(found.loc[found["claim_id"] == ids[index], "who"])
        yield self.problem(
            index, claims.at[index, "verdict"], f"; found: {', '.join(names) or 'none'}"
        )


def content_publishers(ctx: Context) -> pd.DataFrame:
    """Each claim id with the independent publishers of its content evidence (`claim_id`,
    `who`), once each; a check in blocks combines those of the evidence blocks."""

    def compute() -> pd.DataFrame:
        evidence = ctx.tables["evidence"]
        content = evidence[evidence["bears_on"] == BearsOn.CONTENT.value]
        who = content["originator"].fillna(content["publisher"])
        found = pd.DataFrame({"claim_id": content["claim_id"], "who": who})
        return found.dropna().drop_duplicates()

    found: pd.DataFrame = ctx.cached("evidence:publishers", compute)
    return found


@rule(
    "claims.reviewed_on.not_before_article",
    "must not be before its article's publication date",
    needs=("claims", "articles"),
)
def _reviewed_after_publication(self: Rule, ctx: Context) -> Iterator[Problem]:
    published = _date(
        ctx.referenced("articles", "published_on", ctx.column("claims", "article_id"))
    )
    reviewed = _date(ctx.column("claims", "reviewed_on"))
    early = (reviewed < published).fillna(False).astype(bool)
    for index in early[early].index:
        yield self.problem(index, reviewed[index], f" ({published[index]})")
