"""What the embedded engine finds for each named fixture, found once per test run.

A fixture is a named edit of the bundled dataset. The schema and rule tests check what
DuckDB finds for it, pandera's own validation is held to the same, and the Spark tests pack
fixtures into a few copies whose problems must be the sum of theirs: all three read one
validation of each fixture. Under xdist the workers of a run share the catalogue (a folder
of the run's temporary directory), so a fixture one worker validated is read, not validated
again, by the others; one that asks for a fixture another is validating waits for it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from conftest import copy_dataset
from factcheck.checks.validate import check_dataset
from factcheck.problems import exit_code

Edit = Callable[[Path], None]


def together(edits: tuple[Edit, ...] | list[Edit]) -> Edit:
    """One edit making each of `edits` in turn."""

    def edit(directory: Path) -> None:
        for each in edits:
            each(directory)

    return edit


@dataclass(frozen=True)
class Found:
    """A problem as the embedded engine reported it."""

    file: str
    row: int | None
    column: str | None
    rule: str
    text: str
    notice: bool


@dataclass(frozen=True)
class Checked:
    """A fixture's edited copy of the dataset, and what DuckDB found in it."""

    directory: Path
    found: list[Found]
    code: int  # what `factcheck validate` exits with

    def problems(self) -> list[Found]:
        """The problems that fail validation, notices left out."""
        return [f for f in self.found if not f.notice]

    def lines(self) -> list[str]:
        return [f.text for f in self.problems()]


class Catalogue:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def checked(self, name: str, edit: Edit) -> Checked:
        """The fixture `name` (made by `edit`), validated on DuckDB the first time it is asked
        for in this run."""
        key = hashlib.sha1(name.encode("utf-8")).hexdigest()
        directory, result = self.root / key, self.root / f"{key}.json"
        with _locked(self.root / f"{key}.lock"):  # the other worker waits, then reads it
            if not result.exists():
                _validate(edit, directory, result)
        saved = json.loads(result.read_text(encoding="utf-8"))
        found = [Found(**f) for f in saved["found"]]
        return Checked(Path(saved["directory"]), found, int(saved["code"]))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` where the system has POSIX locks (elsewhere two
    workers may both validate a fixture, and either result is kept)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _validate(edit: Edit, directory: Path, result: Path) -> None:
    """Edit a copy of the dataset and save what DuckDB finds in it; both appear whole."""
    scratch = Path(tempfile.mkdtemp(dir=directory.parent, prefix=".making-"))
    copy = copy_dataset(scratch / "dataset")
    edit(copy)
    checked = check_dataset(copy, keep_tables=False)
    found = [
        Found(p.file, p.row, p.column, p.rule, p.to_text(), p.notice) for p in checked.problems
    ]
    try:
        os.replace(scratch, directory)
    except OSError:  # another worker made it first: theirs is the same, keep it
        shutil.rmtree(scratch)
    saved = {
        "directory": str(directory / "dataset"),
        "found": [asdict(f) for f in found],
        "code": int(exit_code(checked.problems)),
    }
    partial = result.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps(saved), encoding="utf-8")
    os.replace(partial, result)
