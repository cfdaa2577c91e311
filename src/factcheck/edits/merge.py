"""Merging a reviewed draft into the dataset.

`merge_draft` moves the rows a reviewer marked `accepted` into `claims.csv` (and accepted
new sources into `sources.csv`) only if the whole dataset then validates; otherwise it
writes nothing and returns the problems, located in the draft file's own rows where they
come from it. After a merge the draft keeps only the rows that were not moved, so merging
twice never adds a row twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck.drafting.files import NOTE, STATUS, Status, columns, draft_table, sources_path
from factcheck.edits.staging import as_table, check_staged, write_table
from factcheck.model.schemas import spec_named
from factcheck.problems import Problem, Severity
from factcheck.storage import dialect
from factcheck.storage.reader import FIRST_DATA_ROW, read_cells


@dataclass
class Merged:
    """What a merge found and did."""

    problems: list[Problem] = field(default_factory=list)
    claims: int = 0
    sources: int = 0
    left: int = 0  # rows still in the draft, not accepted


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
    current = {part.table: read_cells(root / f"{part.table}.csv") for part in parts}
    tables = {
        part.table: as_table(part.table, pd.concat([current[part.table], part.rows]))
        for part in parts
    }
    found = check_staged(root, tables)
    if found:
        return Merged([_located(p, parts, current) for p in found])
    return _write(root, parts, tables)


def _read_part(table: str, path: Path) -> tuple[_Part | None, list[Problem]]:
    name = str(path)
    if not path.is_file():
        return None, [
            Problem(name, None, None, None, "draft.file", "is not a file", Severity.FATAL)
        ]
    try:
        draft = read_cells(path)
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        message = f"is not a readable draft: {error}"
        return None, [Problem(name, None, None, None, "draft.file", message, Severity.FATAL)]
    missing = [c for c in columns(table)[:-1] if c not in draft.columns]
    if missing:
        return None, [
            Problem(name, None, c, None, "draft.columns", "is missing", Severity.FATAL)
            for c in missing
        ]
    unknown = ~draft[STATUS].isin(Status.values())
    problems = [
        Problem(
            name,
            int(i) + FIRST_DATA_ROW,
            STATUS,
            str(draft.at[i, STATUS]),
            "draft.status.allowed",
            f"must be one of: {', '.join(Status.values())}",
        )
        for i in draft.index[unknown]
    ]
    return _Part(table, path, draft, draft[STATUS] == Status.ACCEPTED.value), problems


def _located(problem: Problem, parts: list[_Part], current: dict[str, pd.DataFrame]) -> Problem:
    """A problem on a merged row, moved to that row of the draft file it came from."""
    for part in parts:
        if problem.file != f"{part.table}.csv" or problem.row is None:
            continue
        position = problem.row - FIRST_DATA_ROW - len(current[part.table])
        if position >= 0:
            row = int(part.rows.index[position]) + FIRST_DATA_ROW
            return Problem(
                str(part.path),
                row,
                problem.column,
                problem.value,
                problem.rule,
                problem.message,
                problem.severity,
            )
    return problem


def _write(root: Path, parts: list[_Part], tables: dict[str, list[list[str]]]) -> Merged:
    merged = Merged()
    for part in parts:
        write_table(root, part.table, tables[part.table])
        remaining = part.draft[~part.accepted]
        dialect.write_atomically(part.path, dialect.render(draft_table(part.table, remaining)))
        count = int(part.accepted.sum())
        if part.table == "claims":
            merged.claims, merged.left = count, len(remaining)
        else:
            merged.sources = count
    return merged


__all__ = ["NOTE", "Merged", "merge_draft"]
