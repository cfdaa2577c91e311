"""`factcheck format`: rewrite the dataset's CSV files in the canonical dialect.

It validates first and refuses, writing nothing, when the data breaks any rule. It rewrites
only the files that are not already canonical, checks before writing that the new bytes read
back to exactly the same cells, and replaces each file in one step. Running it twice changes
nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factcheck.checks.validate import check_dataset
from factcheck.model.tables import TABLES
from factcheck.problems import Problem, blocking
from factcheck.storage import dialect
from factcheck.storage.reader import parse


@dataclass
class Formatted:
    """What a run found and did: blocking problems (then nothing was written), or the files
    rewritten (or that would be, with `check_only`) and how they departed from the dialect."""

    problems: list[Problem] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)


class CellsWouldChange(RuntimeError):
    """Raised, before anything is written, if canonical bytes would read back differently."""


def format_dataset(directory: str | Path = ".", check_only: bool = False) -> Formatted:
    root = Path(directory)
    checked = check_dataset(root)
    problems = blocking(checked.problems)
    if problems:
        return Formatted(problems=problems)
    result = Formatted()
    pending = {}
    for spec in TABLES:
        path = root / spec.file
        data, frame = path.read_bytes(), checked.tables[spec.name]
        wanted = dialect.canonical(spec, frame)
        if data == wanted:
            continue
        if dialect.rows(spec, parse(wanted.decode("utf-8"))) != dialect.rows(spec, frame):
            raise CellsWouldChange(f"{spec.file}: the canonical form would change a cell")
        result.changed[spec.file] = dialect.differences(data, spec, frame)
        pending[path] = wanted
    if not check_only:
        for path, wanted in pending.items():
            dialect.write_atomically(path, wanted)
    return result
