"""Bringing an edited workbook (from `factcheck export xlsx`) back into the CSV files.

The sheets are read back into cells exactly as the CSV files hold them and validated,
located as the editor sees them (the workbook, the sheet, its row number and the column's
letter), before anything is written: an invalid workbook changes nothing. Export then import
reproduces the CSV files byte for byte. A file that is not a workbook raises
`WorkbookUnreadable`, saying so.
"""

from __future__ import annotations

import dataclasses
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from factcheck import registry
from factcheck.edits.staging import check_staged, write_table
from factcheck.model.tables import TABLES
from factcheck.problems import Problem
from factcheck.storage.workbook import blank_headers, read_sheet, unnamed


class WorkbookUnreadable(Exception):
    """The file to import is not a workbook openpyxl reads; the message says why."""


@dataclass
class Imported:
    """What an import found and did: blocking problems (then nothing was written), or the CSV
    files it rewrote."""

    problems: list[Problem] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def import_workbook(source: str | Path, directory: str | Path) -> Imported:
    """Bring an edited workbook back into the CSV files of `directory`, only if it validates."""
    try:
        workbook = load_workbook(source)  # formulas stay formulas, so validation can refuse them
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException) as error:
        raise WorkbookUnreadable(f"{source} cannot be read as a workbook: {error}") from error
    missing = [spec.name for spec in TABLES if spec.name not in workbook.sheetnames]
    if missing:
        problem = registry.problem("xlsx.sheets", str(source), missing=", ".join(missing))
        return Imported([problem])
    tables = {spec.name: read_sheet(workbook[spec.name]) for spec in TABLES}
    blank = [p for spec in TABLES for p in blank_headers(str(source), spec.name, tables[spec.name])]
    named = {name: _named_columns(table) for name, table in tables.items()}
    root = Path(directory)
    problems = check_staged(root, named)  # in the sheets' row order: the rows an editor sees
    if blank or problems:  # every problem at once, the unnamed columns' with the others
        return Imported(blank + [_in_sheet(p, str(source), tables) for p in problems])
    changed = [spec.file for spec in TABLES if write_table(root, spec.name, named[spec.name])]
    return Imported(changed=changed)


def _named_columns(table: list[list[str]]) -> list[list[str]]:
    """The sheet without its unnamed columns, which are reported as such, so that the rest is
    checked as the table it is (the column letters come from the sheet as read)."""
    drop = set(unnamed(table))
    return [[cell for index, cell in enumerate(row) if index not in drop] for row in table]


def _in_sheet(problem: Problem, source: str, tables: dict[str, list[list[str]]]) -> Problem:
    """A problem of a table's CSV file, as validation found it, moved to where the editor
    sees it: the workbook, the table's sheet, and the column's letter before its name."""
    spec = next((spec for spec in TABLES if spec.file == problem.file), None)
    if spec is None:
        return problem
    header = tables[spec.name][0] if tables[spec.name] else []
    column = problem.column
    if column is not None and column in header:
        column = f"{get_column_letter(header.index(column) + 1)} ({column})"
    return dataclasses.replace(problem, file=source, sheet=spec.name, column=column)
