"""Checking claims and evidence in blocks, so memory stays flat however many rows they hold.

Each block is held to the table's schema without the checks that compare rows, and to the
dataset rules of its own file; what the rules of other tables need from it is kept in a
compact form and combined across blocks:

- of claims: the columns evidence rules read (id, verdict, attribution check, review date),
  which sentences of each article some span covers, and which sources the chains name;
- of evidence: which claims have evidence of each kind, and the independent publishers of
  the claims whose verdict needs two;
- of both: a 64-bit hash of each row's key for every check that compares rows (unique ids,
  duplicate claims or citations), spilled to temporary files in buckets. Rows whose hash
  repeats are read again and checked exactly, so a hash collision can cost a second read
  but never a wrong report.

What stays in memory grows by about 30 bytes a claim (its id, its hash, three category
codes); the rest is one block at a time.

The rules left (sentence coverage, sources used, verdicts resting on evidence) then run
once on the combined forms. A test holds the problems found to those of a whole read.
"""

from __future__ import annotations

import ctypes
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow
from pandas.api.types import union_categoricals

from factcheck.checks.collector import Collector
from factcheck.checks.context import Context
from factcheck.checks.keys import KeyIndex, SpilledHashes, row_hashes
from factcheck.checks.loading import dialect_problems
from factcheck.checks.rules import RULES, DatasetRule
from factcheck.checks.rules.articles import covered_sentences
from factcheck.checks.rules.claims import used_sources
from factcheck.checks.rules.evidence import EVIDENCE_KINDS, claims_with, publishers_of_content
from factcheck.checks.table import check_table
from factcheck.model.tables import TableSpec, spec_named
from factcheck.model.vocabularies import DISPUTED_VERDICTS
from factcheck.problems import Problem
from factcheck.storage import dialect
from factcheck.storage.reader import Piece, read_blocks

# What evidence rules read of each claim; the rest are categories, a byte or two a row.
CLAIM_KEYS = ("verdict", "attribution_check", "reviewed_on")


@dataclass
class Streamed:
    """What one table read in blocks leaves behind for the checks that span blocks."""

    spec: TableSpec
    scratch: Path  # where row hashes are spilled
    readable: bool = True
    rows: int = 0
    spilled: dict[str, SpilledHashes] = field(default_factory=dict)
    ids: list[np.ndarray] = field(default_factory=list)  # hashes of the keys, kept in memory
    dialect: set[str] = field(default_factory=set)  # how its blocks depart from canonical
    last_key: str | None = None
    of_table: set[Problem] = field(default_factory=set)  # row-less problems reported

    def add(self, piece: Piece, found: Collector) -> None:
        """Check one block against the row schema and the canonical dialect, and hash it."""
        frame, block = piece.frame, piece.block
        assert frame is not None
        assert block is not None
        found.extend(self._once(check_table(self.spec, frame, found, self.spec.row_schema)))
        for name, columns, _ in self.spec.repeat_checks:
            cells = frame[columns[0]] if len(columns) == 1 else frame[columns]
            hashes = row_hashes(cells)
            if name not in self.spilled:
                self.spilled[name] = SpilledHashes(self.scratch / self.spec.name / name)
            self.spilled[name].add(hashes, self.rows)
            if columns == [self.spec.key] and self.spec.name == "claims":
                self.ids.append(hashes)  # evidence finds its claims by them
        self.rows += len(frame)
        before = self.last_key
        self.dialect.update(
            dialect.differences(block.data, self.spec, frame, block.first, block.last, before)
        )
        keys = frame[self.spec.key]
        if len(keys):
            last = keys.iat[-1]
            self.last_key = str(last) if isinstance(last, str) else ""

    def _once(self, problems: Iterator[Problem]) -> Iterator[Problem]:
        """A block's problems, less those of the table as a whole (a column not in the
        schema): every block has the file's header, and fails them alike."""
        for problem in problems:
            if problem.row is None:
                if problem in self.of_table:
                    continue
                self.of_table.add(problem)
            yield problem


def _release_memory() -> None:
    """Hand the memory a block used back to the system. Without it the C heap keeps the
    freed pages between the few long-lived objects each block leaves (a hash array, the
    keys), and its size creeps up block by block instead of staying flat."""
    pyarrow.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _libc() -> ctypes.CDLL | None:
    try:
        library = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to trim
        return None
    return library if hasattr(library, "malloc_trim") else None


_LIBC = _libc()


def check_in_blocks(context: Context, found: Collector, size: int) -> None:
    """Check claims and evidence `size` bytes at a time, then the rules that span them;
    `context` holds the tables read whole, and every problem goes to `found`."""
    for table in ("articles", "sources"):  # built once, for every block's context to share
        if context.has(table):
            context.keys(table)
            context.index(table)
    if context.has("articles"):
        context.listed_articles()
    with tempfile.TemporaryDirectory(prefix="factcheck-") as scratch:
        _check_streamed(context, found, size, Path(scratch))


def _check_streamed(context: Context, found: Collector, size: int, scratch: Path) -> None:
    claims = Streamed(spec_named("claims"), scratch)
    keys, combined = _claims_pass(context, claims, found, size)
    final = context.derive(**({"claims": keys} if claims.readable else {}))
    final._cache.update(combined)
    if claims.readable:  # the ids were hashed block by block for their uniqueness
        hashes = np.concatenate(claims.ids) if claims.ids else np.empty(0, np.uint64)
        claims.ids.clear()
        final._cache["claims:index"] = KeyIndex(keys["claim_id"], hashes)
    evidence = Streamed(spec_named("evidence"), scratch)
    frame, combined = _evidence_pass(final, evidence, found, size)
    if evidence.readable:
        final = final.derive(evidence=frame)
        final._cache.update(combined)
    final._cache.pop("claims:index", None)  # the rules left find no claim by its id
    _release_memory()
    for rule in RULES:
        ran = _in_pass(rule, "claims.csv") or _in_pass(rule, "evidence.csv")
        if final.has(*rule.needs) and not ran:
            found.extend(rule.check(rule, final))
    for streamed in (claims, evidence):
        if streamed.readable:
            found.extend(_repeats(context, streamed, size))
            found.extend(_dialect(streamed))


def _in_pass(rule: DatasetRule, file: str) -> bool:
    """Whether a rule runs on each block of `file`: a rule of evidence (claims' keys are at
    hand by then), or a rule of claims that does not need evidence."""
    if rule.file != file:
        return False
    return file == "evidence.csv" or "evidence" not in rule.needs


def _pieces(context: Context, streamed: Streamed, found: Collector, size: int) -> Iterator[Any]:
    """The table's blocks as frames, each checked on its own; a fatal problem marks the
    table unreadable, so no rule that needs it runs (as when a whole read fails)."""
    for piece in read_blocks(context.root, streamed.spec, size):
        found.extend(piece.problems)
        if piece.frame is None:
            streamed.readable = False
            return
        streamed.add(piece, found)
        yield piece.frame
        _release_memory()


def _claims_pass(
    context: Context, claims: Streamed, found: Collector, size: int
) -> tuple[pd.DataFrame, dict[str, Any]]:
    ids: list[pd.Series] = []
    columns: dict[str, list[pd.Categorical]] = {name: [] for name in CLAIM_KEYS}
    covered: dict[str, np.ndarray] = {}
    used: set[str] = set()
    for frame in _pieces(context, claims, found, size):
        block = context.derive(claims=frame)
        found.extend(_rules_of(block, "claims.csv"))
        if block.has("articles"):
            for article_id, mask in covered_sentences(block).items():
                covered[article_id] = covered[article_id] | mask if article_id in covered else mask
        used |= used_sources(block)
        ids.append(frame["claim_id"])
        for name in CLAIM_KEYS:
            columns[name].append(pd.Categorical(frame[name]))
    keys = pd.DataFrame(
        {
            "claim_id": pd.concat(ids) if ids else pd.Series([], dtype="str"),
            **{name: _categories(parts) for name, parts in columns.items()},
        }
    )
    return keys, {"claims:covered": covered, "claims:used_sources": used}


def _categories(parts: list[pd.Categorical]) -> pd.Categorical:
    if not parts:
        return pd.Categorical([], categories=pd.Index([], dtype="str"))
    return union_categoricals(parts)


def _evidence_pass(
    final: Context, evidence: Streamed, found: Collector, size: int
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Evidence block by block; what the claims' rules need of it is kept per claim, by the
    position of the claim's id among the claims, not as text."""
    header: pd.DataFrame | None = None
    facts = _EvidenceFacts(final) if final.has("claims") else None
    for frame in _pieces(final, evidence, found, size):
        header = frame.iloc[:0] if header is None else header
        if facts is not None:
            block = final.derive(evidence=frame)
            found.extend(_rules_of(block, "evidence.csv"))
            facts.add(block)
    if header is None:
        header = pd.DataFrame(columns=evidence.spec.columns, dtype="str")
    return header, {} if facts is None else facts.combined()


class _EvidenceFacts:
    """Which claims have evidence of each kind, and who published the content evidence of
    claims that need two independent publishers."""

    def __init__(self, final: Context) -> None:
        self.index = final.index("claims")
        self.ids = final.column("claims", "claim_id")
        self.kinds = {kind: np.zeros(len(self.ids), dtype=bool) for kind in _KINDS}
        strict = final.column("claims", "verdict").isin(DISPUTED_VERDICTS).to_numpy()
        self.strict = np.zeros(len(self.ids), dtype=bool)  # any row with the id is strict
        where = self.index.positions(self.ids[strict], self.index.key_hashes[strict])
        self.strict[where[where >= 0]] = True
        self.places: list[np.ndarray] = []
        self.who: list[pd.Categorical] = []

    def add(self, block: Context) -> None:
        for kind, (bears_on, stance) in _KINDS.items():
            where = self.index.positions(claims_with(block, bears_on, stance))
            self.kinds[kind][where[where >= 0]] = True
        who = publishers_of_content(block)
        where = self.index.positions(who["claim_id"])
        needed = where >= 0
        needed[needed] = self.strict[where[needed]]
        self.places.append(where[needed].astype(np.int32))
        self.who.append(pd.Categorical(who["who"][needed]))

    def combined(self) -> dict[str, Any]:
        """The forms `claims_have` and `content_publishers` return for a whole read. Pairs
        are made distinct as numbers (claim position, publisher code) before any text."""
        # each claim row looks up the first row with its id, where the masks were set
        first = self.index.positions(self.ids, self.index.key_hashes)
        found: dict[str, Any] = {}
        for kind, mask in self.kinds.items():
            has = np.where(first >= 0, mask[np.maximum(first, 0)], False)
            found[kind.replace(":with:", ":has:")] = pd.Series(has, index=self.ids.index)
        del first
        places = np.concatenate([np.empty(0, np.int32), *self.places]).astype(np.int64)
        who = _categories(self.who)
        pairs = np.unique((places << 32) | np.asarray(who.codes, dtype=np.int64))
        claim_ids = self.ids.iloc[pairs >> 32].reset_index(drop=True)
        names = pd.Series(who.categories, dtype="str").iloc[pairs & 0xFFFFFFFF]
        found["evidence:publishers"] = pd.DataFrame(
            {"claim_id": claim_ids, "who": names.reset_index(drop=True)}
        )
        return found


_KINDS = {
    f"evidence:with:{bears_on.value}:{stance.value}": (bears_on, stance)
    for bears_on, stance in EVIDENCE_KINDS
}


def _rules_of(block: Context, file: str) -> Iterator[Problem]:
    for rule in RULES:
        if block.has(*rule.needs) and _in_pass(rule, file):
            yield from rule.check(rule, block)


def _repeats(context: Context, streamed: Streamed, size: int) -> list[Problem]:
    """The problems of the checks that compare rows, found exactly: rows whose hash repeats
    are read again and checked against the whole schema, which only they can fail."""
    found = [spilled.repeated_rows() for spilled in streamed.spilled.values()]
    rows = np.unique(np.concatenate([np.empty(0, np.int64), *found]))
    if not len(rows):
        return []
    frames, start = [], 0
    for piece in read_blocks(context.root, streamed.spec, size):
        if piece.frame is None:
            break
        frame, stop = piece.frame, start + len(piece.frame)
        frames.append(frame.loc[rows[(rows >= start) & (rows < stop)]])
        start = stop
    candidates = pd.concat(frames)
    rule_ids = {rule for _, _, rule in streamed.spec.repeat_checks}
    return [p for p in check_table(streamed.spec, candidates) if p.rule in rule_ids]


def _dialect(streamed: Streamed) -> list[Problem]:
    return dialect_problems(streamed.spec, dialect.in_order(streamed.dialect))
