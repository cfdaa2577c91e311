"""Validating a change before it is written: the dataset as it would be, in a scratch folder.

Every command that rewrites data (`import xlsx`, `add-article`, `merge`) builds the tables it
would write, validates them together with the untouched files, and writes nothing when any
problem blocks; then it replaces each changed file in one step.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from factcheck.checks.validate import check_dataset
from factcheck.model.tables import ARTICLES_DIR, TABLES, spec_named
from factcheck.problems import Problem, blocking
from factcheck.storage import dialect
from factcheck.storage.dialect import Rows, cell_rows


def check_staged(
    root: Path, tables: Mapping[str, Rows], texts: Mapping[str, bytes] | None = None
) -> list[Problem]:
    """The blocking problems of the dataset in `root` with `tables` (by table name, in the
    row order problems should be reported by) and article `texts` (by article id) in place
    of its own."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for spec in TABLES:
            target = work / spec.file
            if spec.name in tables:
                target.write_bytes(dialect.render(tables[spec.name]))
            elif (root / spec.file).is_file():
                shutil.copyfile(root / spec.file, target)
        if texts:
            if (root / ARTICLES_DIR).is_dir():
                shutil.copytree(root / ARTICLES_DIR, work / ARTICLES_DIR)
            (work / ARTICLES_DIR).mkdir(exist_ok=True)
            for article_id, data in texts.items():
                (work / ARTICLES_DIR / f"{article_id}.txt").write_bytes(data)
        else:
            link_articles(root / ARTICLES_DIR, work / ARTICLES_DIR)
        return blocking(check_dataset(work).problems)


def as_table(name: str, frame: pd.DataFrame) -> Rows:
    """A frame of text cells as the table `name` is written: its columns, '' when empty."""
    return cell_rows(frame, spec_named(name).columns)


def write_table(root: Path, name: str, table: Rows) -> bool:
    """Replace the table `name` in `root` with `table`, in the canonical dialect, unless the
    file already holds exactly those bytes; whether it was written."""
    spec = spec_named(name)
    frame = pd.DataFrame(table[1:], columns=table[0]).replace("", None)
    wanted, path = dialect.canonical(spec, frame), root / spec.file
    if path.is_file() and path.read_bytes() == wanted:
        return False
    dialect.write_atomically(path, wanted)
    return True


def link_articles(articles: Path, target: Path) -> None:
    if not articles.is_dir():
        return
    try:
        os.symlink(articles.resolve(), target, target_is_directory=True)
    except OSError:  # where links need privileges, a copy will do
        shutil.copytree(articles, target)
