"""`factcheck format`: rewrite the dataset's CSV files in the canonical dialect.

It validates first and refuses, writing nothing, when the data breaks any rule; the one
change of a cell it makes is the one the user asks for, `--date-order`, converting the dates
a spreadsheet saved in its short format (`model.spreadsheets`), itself validated before any
file is written. (A boolean's case is the dialect's: `TRUE` is written `true`.) It rewrites
only the files that are not already canonical, checks before writing that the new bytes read
back to exactly the same cells, and replaces each file in one step. Running it twice changes
nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck import registry
from factcheck.checks.validate import check_dataset
from factcheck.edits.staging import as_table, check_staged
from factcheck.model.spreadsheets import DateOrder, iso_date
from factcheck.model.tables import FIRST_DATA_ROW, TABLES
from factcheck.problems import Problem, blocking
from factcheck.storage import dialect
from factcheck.storage.reader import parse

SHORT_DATE_RULE = ".short_date"  # a date a spreadsheet saved in its short format
DATE_ORDER_RULE = ".date_order"  # such a date that is no date in the order given


@dataclass
class Formatted:
    """What a run found and did: blocking problems (then nothing was written), or the files
    rewritten (or that would be, with `check_only`) and how they departed from the dialect."""

    problems: list[Problem] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    # the order the short dates were read in, when `problems` are those of the converted
    # tables (their values are the converted dates, not the cells as saved)
    converted: DateOrder | None = None


class CellsWouldChange(RuntimeError):
    """Raised, before anything is written, if canonical bytes would read back differently."""


def format_dataset(
    directory: str | Path = ".", check_only: bool = False, date_order: DateOrder | None = None
) -> Formatted:
    """Rewrite every table not in the canonical dialect. With `date_order`, first convert
    each date a spreadsheet saved in its short format, read in that order; a cell that is no
    date so read, or a conversion that breaks another rule, refuses the whole run."""
    root = Path(directory)
    checked = check_dataset(root)
    problems = blocking(checked.problems)
    tables = checked.tables
    if date_order is not None:
        short = [p for p in problems if p.rule.endswith(SHORT_DATE_RULE)]
        problems = [p for p in problems if not p.rule.endswith(SHORT_DATE_RULE)]
        if short and not problems:
            tables, problems = _converted(root, tables, short, date_order)
            refused = any(p.rule.endswith(DATE_ORDER_RULE) for p in problems)
            if problems and not refused:
                return Formatted(problems=problems, converted=date_order)
    if problems:
        return Formatted(problems=problems)
    dated = {p.file for p in checked.problems if p.rule.endswith(SHORT_DATE_RULE)}
    return _rewrite(root, tables, check_only, dated if date_order is not None else set())


def _converted(
    root: Path, tables: dict[str, pd.DataFrame], short: list[Problem], order: DateOrder
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The tables with every short date of `short` as YYYY-MM-DD, and the problems that
    refuse it: a cell that is no date in `order`, or a rule the converted tables break."""
    converted = {name: frame.copy() for name, frame in tables.items()}
    refused = []
    for problem in short:
        assert problem.row is not None
        assert problem.column is not None
        iso = iso_date(str(problem.value), order)
        if iso is None:
            rule = problem.rule.replace(SHORT_DATE_RULE, DATE_ORDER_RULE)
            refused.append(
                registry.problem(
                    rule, problem.file, problem.row, problem.column, problem.value, order=order
                )
            )
            continue
        frame = converted[problem.file.removesuffix(".csv")]
        frame.loc[problem.row - FIRST_DATA_ROW, problem.column] = iso
    if refused:
        return tables, refused
    staged = {name: as_table(name, frame) for name, frame in converted.items()}
    return converted, check_staged(root, staged)


def _rewrite(
    root: Path, tables: dict[str, pd.DataFrame], check_only: bool, dated: set[str]
) -> Formatted:
    """Write each table whose canonical bytes differ from its file's; `dated` are the files
    whose short dates were converted."""
    result = Formatted()
    pending = {}
    for spec in TABLES:
        path = root / spec.file
        data, frame = path.read_bytes(), tables[spec.name]
        wanted = dialect.canonical(spec, frame)
        if data == wanted:
            continue
        if dialect.rows(spec, parse(wanted.decode("utf-8"))) != dialect.rows(spec, frame):
            raise CellsWouldChange(f"{spec.file}: the canonical form would change a cell")
        reasons = dialect.differences(data, spec, frame)
        if spec.file in dated:
            reasons.append("dates in a spreadsheet's short format, now YYYY-MM-DD")
        result.changed[spec.file] = reasons
        pending[path] = wanted
    if not check_only:
        for path, wanted in pending.items():
            dialect.write_atomically(path, wanted)
    return result
