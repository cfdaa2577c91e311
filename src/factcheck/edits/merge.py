"""Merging a reviewed draft into the dataset.

`merge_draft` moves the rows a reviewer marked `accepted` into `claims.csv` (and accepted
new sources into `sources.csv`) only if the whole dataset then validates; otherwise it
writes nothing and returns the problems, located in the draft file's own rows where they
come from it, and naming rows as the person sees them: a row of the draft file, or of the
dataset's own file. A file that cannot be read is reported as validate reports it. After a
merge the draft keeps only the rows that were not moved, so merging twice never adds a row
twice.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck import registry
from factcheck.checks.validate import check_dataset
from factcheck.drafting.files import (
    NOTE,
    STATUS,
    Status,
    draft_table,
    located,
    read_draft,
    save_draft,
    sources_path,
)
from factcheck.edits.staging import as_table, check_staged, write_table
from factcheck.model import notation
from factcheck.model.tables import FIRST_DATA_ROW, spec_named
from factcheck.problems import Problem
from factcheck.storage.reader import read_tables


@dataclass
class Merged:
    """What a merge found and did."""

    problems: list[Problem] = field(default_factory=list)
    claims: int = 0
    sources: int = 0
    left: int = 0  # rows still in the draft, not accepted
    held: int = 0  # accepted sources kept in the draft until a claim naming them is merged
    # the dataset's notices after the merge, as validate reports them: what is left to review
    notices: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Part:
    """One table's share of a merge: the draft file, its accepted rows and where they sit."""

    table: str
    path: Path
    draft: pd.DataFrame
    accepted: pd.Series

    @property
    def rows(self) -> pd.DataFrame:
        return self.draft.loc[self.accepted, spec_named(self.table).columns]


def merge_draft(root: Path, path: Path) -> Merged:
    """Merge the accepted rows of the draft at `path` into the dataset in `root`."""
    parts, problems = [], []
    for table, file in (("claims", path), ("sources", sources_path(path))):
        if table == "sources" and not file.is_file():
            continue
        part, found = _read_part(table, file)
        problems += found
        if part is not None:
            parts.append(part)
    if problems:
        return Merged(problems)
    # the dataset's tables the draft merges into, read as validate reads them
    current, problems = read_tables(root, [spec_named(part.table) for part in parts])
    if problems:
        return Merged(problems)
    parts, held = _sources_named(parts, current)
    tables = {
        part.table: as_table(part.table, pd.concat([current[part.table], part.rows]))
        for part in parts
    }
    found = check_staged(root, tables)
    if found:
        return Merged([_located(p, parts, current) for p in found])
    merged = _write(root, parts, tables)
    merged.held = held
    # what is left to review, on the files as written (in their canonical order)
    merged.notices = [p for p in check_dataset(root).problems if p.notice]
    return merged


def _sources_named(parts: list[_Part], current: dict[str, pd.DataFrame]) -> tuple[list[_Part], int]:
    """The parts with only the accepted sources that a claim names, merged or merged now: an
    article merged a few rows at a time keeps an accepted source in its draft until the
    claims that name it are merged (a source no claim names would break
    `sources.source_id.used`). The number of sources so held."""
    claims = [part for part in parts if part.table == "claims"]
    chains = [*current.get("claims", pd.DataFrame(columns=["attribution"]))["attribution"]]
    chains += [*claims[0].rows["attribution"]] if claims else []
    named = {sid for chain in chains for sid in notation.source_ids(str(chain))}
    kept, held = [], 0
    for part in parts:
        if part.table == "sources":
            naming = part.accepted & part.draft["source_id"].isin(named)
            held = int((part.accepted & ~naming).sum())
            part = dataclasses.replace(part, accepted=naming)
        kept.append(part)
    return kept, held


def _read_part(table: str, path: Path) -> tuple[_Part | None, list[Problem]]:
    name = str(path)
    draft, problems = read_draft(path, table)
    if draft is None:
        return None, problems
    unknown = ~draft[STATUS].isin(Status.values())
    problems = [
        located(
            registry.problem(
                "draft.status.allowed",
                name,
                int(i) + FIRST_DATA_ROW,
                STATUS,
                str(draft.at[i, STATUS]),
                allowed=", ".join(Status.values()),
            ),
            path,
            table,
        )
        for i in draft.index[unknown]
    ]
    return _Part(table, path, draft, draft[STATUS] == Status.ACCEPTED.value), problems


def _located(problem: Problem, parts: list[_Part], current: dict[str, pd.DataFrame]) -> Problem:
    """A problem of the staged copy as the person sees it: on a merged row, moved to that row
    of the draft file it came from; and any rows its message names, named the same way."""
    for part in parts:
        if problem.file != spec_named(part.table).file or problem.row is None:
            continue
        existing = len(current[part.table])
        file, row = _place(part, existing, problem.row)
        message = _rows_renamed(problem.message, (file, row), part, existing)
        moved = dataclasses.replace(problem, file=file, row=row, message=message)
        return located(moved, part.path, part.table) if file == str(part.path) else moved
    return problem


def _place(part: _Part, existing: int, row: int) -> tuple[str, int]:
    """Where a row of a staged table is for the person: the same row of the dataset's file
    when it was there already, else the row of the draft file it came from."""
    position = row - FIRST_DATA_ROW - existing
    if position < 0:
        return spec_named(part.table).file, row
    return str(part.path), int(part.rows.index[position]) + FIRST_DATA_ROW


# The unique rule's message, split where it lists the rows that share a value.
_UNIQUE = registry.rule("*.*.unique")
_BEFORE, _AFTER = _UNIQUE.message(rows="\0").split("\0")
_SHARED = re.compile(re.escape(_BEFORE) + r"rows (\d+(?:, \d+)*)" + re.escape(_AFTER))


def _rows_renamed(message: str, here: tuple[str, int], part: _Part, existing: int) -> str:
    """A message naming rows of the staged table, naming them as the person sees them: as
    validate does when all are in the problem's own file, else each with its file."""
    shared = _SHARED.fullmatch(message)
    if shared is None:
        return message
    places = [_place(part, existing, int(row)) for row in shared[1].split(", ")]
    if all(file == here[0] for file, _ in places):
        listed = "rows " + ", ".join(str(row) for _, row in places)
    else:
        named = ["this row" if place == here else f"{place[0]} row {place[1]}" for place in places]
        listed = ", ".join(named[:-1]) + " and " + named[-1]
    return _UNIQUE.message(rows=listed)


def _write(root: Path, parts: list[_Part], tables: dict[str, list[list[str]]]) -> Merged:
    merged = Merged()
    left = {}
    for part in parts:
        write_table(root, part.table, tables[part.table])
        remaining = part.draft[~part.accepted]
        left[part.table] = draft_table(part.table, remaining)
        count = int(part.accepted.sum())
        if part.table == "claims":
            merged.claims, merged.left = count, len(remaining)
        else:
            merged.sources = count
    # the rows not merged stay in the draft: one workbook, or a CSV file a table
    save_draft(parts[0].path, left["claims"], left.get("sources"))
    return merged


__all__ = ["NOTE", "Merged", "merge_draft"]
