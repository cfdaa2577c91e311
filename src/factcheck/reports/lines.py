"""Where a problem is in its file as an editor counts lines.

A problem names a spreadsheet row; an annotation needs the file's line. They are the same
unless a cell above holds a line break, so each CSV file on this machine that a problem
names is read once, with the csv module only to count the lines each record spans (the
cells are the dataset reader's business). A file not on this machine, not CSV, or not
read as CSV keeps the row.
"""

from __future__ import annotations

import csv
from pathlib import Path

from factcheck.problems import Problem


class Lines:
    """`lines(problem)`: the line of the file where the problem's row starts, or None for a
    problem of a whole file."""

    def __init__(self) -> None:
        self._starts: dict[str, list[int] | None] = {}

    def __call__(self, problem: Problem) -> int | None:
        if problem.row is None or problem.sheet is not None:
            return None  # a whole file's problem, or a workbook's: its sheet has the row
        if problem.file not in self._starts:
            self._starts[problem.file] = _record_starts(problem.file)
        starts = self._starts[problem.file]
        if starts is None or problem.row > len(starts):
            return problem.row
        return starts[problem.row - 1]


def _record_starts(file: str) -> list[int] | None:
    """The line each record starts on, the header's first; None if it is no CSV file here."""
    path = Path(file)
    if path.suffix != ".csv" or not path.is_file():
        return None
    starts = []
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            reader = csv.reader(handle)
            line = 1
            for _record in reader:
                starts.append(line)
                line = reader.line_num + 1
    except (OSError, csv.Error):
        return None
    return starts
