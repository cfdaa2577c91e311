"""Many fixtures checked in few validations: for an engine too slow to run each one alone.

A fixture is a named edit of the bundled dataset. Each is applied to a copy of its own and
what it changed is recorded: a table edited row by row (cells changed, rows appended, or
rows deleted, written back in the canonical dialect under the same header), or a whole file
(any other change of a table, an article's text, a file removed or a folder in its place).

Fixtures that change different cells, rows or files are packed into one copy, a batch. A
batch is kept only if the embedded engine finds in it every rule it finds for each of its
fixtures alone; a fixture whose rules the others hide (breaking an id, say, hides what
another fixture did to a row that cites it) goes into a later batch. So every fixture's
rules fire in some batch, and an engine that finds a batch's problems exactly, as the
embedded engine lists them, runs each of those rules as it does.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from catalogue import Catalogue
from conftest import TABLE_FILES, copy_dataset, read_rows, write_rows
from factcheck.checks.validate import check_dataset

Edit = Callable[[Path], None]
ABSENT = b"absent"  # a whole-file change: the file removed
FOLDER = b"folder"  # a whole-file change: a folder where the file was


@dataclass(frozen=True)
class Fixture:
    name: str
    edit: Edit


@dataclass
class Rows:
    """A table edited row by row: cells changed (by row and column, the header row 0), rows
    deleted (by their place in the file) and rows appended."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    appended: list[list[str]] = field(default_factory=list)

    def clashes(self, other: Rows) -> bool:
        mine, theirs = {r for r, _ in self.cells}, {r for r, _ in other.cells}
        return bool(
            self.cells.keys() & other.cells.keys()
            or self.deleted & (theirs | other.deleted)
            or other.deleted & mine
        )

    def add(self, other: Rows) -> None:
        self.cells.update(other.cells)
        self.deleted |= other.deleted
        self.appended += other.appended

    def applied(self, rows: list[list[str]]) -> list[list[str]]:
        changed = [list(row) for row in rows]
        for (r, c), value in self.cells.items():
            changed[r][c] = value
        kept = [row for r, row in enumerate(changed) if r not in self.deleted]
        return kept + self.appended


@dataclass
class Changes:
    """What fixtures changed: tables edited row by row, and whole files."""

    tables: dict[str, Rows] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    def clashes(self, other: Changes) -> bool:
        if set(self.files) & (set(other.files) | set(other.tables)):
            return True
        if set(other.files) & set(self.tables):
            return True
        return any(
            rows.clashes(other.tables[f]) for f, rows in self.tables.items() if f in other.tables
        )

    def add(self, other: Changes) -> None:
        self.files.update(other.files)
        for name, rows in other.tables.items():
            self.tables.setdefault(name, Rows()).add(rows)


@dataclass
class Batch:
    fixtures: list[str]
    changes: Changes
    problems: list[str]  # as the embedded engine reports them, in its order


def _files(root: Path) -> dict[str, bytes]:
    found = {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    folders = {str(p.relative_to(root)): FOLDER for p in root.rglob("*") if p.is_dir()}
    return {**folders, **found}


def canonical(rows: list[list[str]]) -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue().encode("utf-8")


def _parsed(data: bytes) -> list[list[str]] | None:
    try:
        return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return None


def _rows(before: bytes, after: bytes) -> Rows | None:
    """How `after` edits `before` row by row, if it does and is written in the canonical
    dialect with the same header: cells changed and rows appended, or rows deleted."""
    old, new = _parsed(before), _parsed(after)
    if old is None or new is None or canonical(new) != after or not new or new[0] != old[0]:
        return None
    if len(new) < len(old):
        return _deleted(old, new)
    if any(len(a) != len(b) for a, b in zip(old, new, strict=False)):
        return None
    cells = {
        (r, c): value
        for r, (was, now) in enumerate(zip(old, new, strict=False))
        for c, value in enumerate(now)
        if was[c] != value
    }
    return Rows(cells=cells, appended=new[len(old) :])


def _deleted(old: list[list[str]], new: list[list[str]]) -> Rows | None:
    """The rows deleted from `old`, if `new` is `old` with rows deleted and nothing else."""
    deleted, at = set(), 0
    for r, row in enumerate(old):
        if at < len(new) and new[at] == row:
            at += 1
        else:
            deleted.add(r)
    return Rows(deleted=deleted) if at == len(new) else None


def changes(fixture: Fixture, scratch: Path) -> Changes:
    """Apply `fixture` to a fresh copy under `scratch`; what it changed."""
    root = copy_dataset(scratch / "copy")
    before = _files(root)
    fixture.edit(root)
    after = _files(root)
    shutil.rmtree(scratch / "copy")
    found = Changes()
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name, ABSENT), after.get(name, ABSENT)
        if old == new:
            continue
        rows = _rows(old, new) if name in TABLE_FILES else None
        if rows is None:
            found.files[name] = new
        else:
            found.tables[name] = rows
    return found


def apply(changes: Changes, root: Path) -> None:
    """Make the copy of the dataset at `root` hold `changes`."""
    for name, rows in changes.tables.items():
        write_rows(root / name, rows.applied(read_rows(root / name)))
    for name, data in changes.files.items():
        path = root / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        if data == FOLDER:
            path.mkdir()
        elif data != ABSENT:
            path.write_bytes(data)


def _checked(root: str) -> list[tuple[str, str]]:
    """(rule, line) of every problem the embedded engine reports for `root`, in order."""
    return [(p.rule, p.to_text()) for p in check_dataset(root, keep_tables=False).problems]


def found_in(every: list[Changes], scratch: Path) -> list[list[tuple[str, str]]]:
    """What the embedded engine reports for the dataset with each of `every` (notices
    included): a few batches, each validated in well under a second."""
    found = []
    for number, changed in enumerate(every):
        root = copy_dataset(scratch / f"checked-{number}")
        apply(changed, root)
        found.append(_checked(str(root)))
        shutil.rmtree(root)
    return found


def pack(fixtures: list[Fixture], scratch: Path, catalogue: Catalogue) -> list[Batch]:
    """Batches holding every fixture once, each checked to hide none of its fixtures'
    rules. A fixture whose rules a batch hides (breaking an id, say, hides what another
    fixture did to a row that cites it) is packed again, with the others hidden. What each
    fixture breaks alone is the catalogue's: the tests of its rules validated it already."""
    changed = {fixture.name: changes(fixture, scratch) for fixture in fixtures}
    alone = {f.name: catalogue.checked(f.name, f.edit).found for f in fixtures}
    rules = {name: {found.rule for found in every} for name, every in alone.items()}
    batches: list[Batch] = []
    waiting = list(changed)
    while waiting:
        packed = _packed(waiting, changed)
        together = [_together(names, changed) for names in packed]
        hidden: list[str] = []
        for names, found in zip(packed, found_in(together, scratch), strict=True):
            while lost := [n for n in names if not rules[n] <= {rule for rule, _ in found}]:
                # packed again; of a batch that hides every fixture's rules, one stays
                lost = lost[1:] if len(lost) == len(names) else lost
                if not lost:
                    break  # a fixture alone hides nothing of its own
                hidden += lost
                names = [n for n in names if n not in lost]
                found = found_in([_together(names, changed)], scratch)[0]
            batches.append(Batch(names, _together(names, changed), [line for _, line in found]))
        waiting = hidden
    return batches


def _packed(names: list[str], changed: dict[str, Changes]) -> list[list[str]]:
    """First fit: each fixture into the first batch none of whose changes it clashes with."""
    packed: list[tuple[list[str], Changes]] = []
    for name in names:
        home = next((b for b in packed if not b[1].clashes(changed[name])), None)
        if home is None:
            home = ([], Changes())
            packed.append(home)
        home[0].append(name)
        home[1].add(changed[name])
    return [batch for batch, _ in packed]


def _together(names: list[str], changed: dict[str, Changes]) -> Changes:
    together = Changes()
    for name in names:
        together.add(changed[name])
    return together
