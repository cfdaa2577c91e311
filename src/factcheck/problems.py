"""Problems found in a dataset, located for people and machines alike.

A problem names the file, the spreadsheet row (the header is row 1, so the first record is
row 2; for an article's text file it is the line), the column, the offending value and the
rule in plain words. Its severity is `fatal` when it stops a file from being checked at all
(missing, unreadable, not CSV, a needed column absent: the validator exits 2), `error` when
the data breaks a rule (exit 1), and `notice` for what is worth knowing but is not wrong,
such as a file saved in another CSV dialect (exit 0).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import IntEnum, StrEnum
from typing import TextIO

_VALUE_PREVIEW = 80
OMITTED = "report.omitted"  # the notice that more problems of a rule were found (see registry)


class ExitCode(IntEnum):
    """What `factcheck validate` returns."""

    VALID = 0
    INVALID = 1
    CANNOT_RUN = 2


class Severity(StrEnum):
    FATAL = "fatal"
    ERROR = "error"
    NOTICE = "notice"


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule at one place."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    rule: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def fatal(self) -> bool:
        return self.severity == Severity.FATAL

    @property
    def notice(self) -> bool:
        return self.severity == Severity.NOTICE

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.row or 0, self.column or "", self.rule)

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            # CSV rows are spreadsheet rows; a text file's are its lines
            parts.append(f"{'row' if self.file.endswith('.csv') else 'line'} {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def to_text(self) -> str:
        value = "" if self.value is None else f" {_preview(self.value)}"
        label = " notice:" if self.notice else ""
        return f"{self.location()}:{label}{value} {self.message} [{self.rule}]"

    def to_record(self) -> dict[str, object]:
        return asdict(self)


def _preview(value: str) -> str:
    shown = value if len(value) <= _VALUE_PREVIEW else value[: _VALUE_PREVIEW - 1] + "…"
    return repr(shown)


def sort(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def exit_code(problems: Iterable[Problem]) -> ExitCode:
    found = [p for p in problems if not p.notice]
    if any(p.fatal for p in found):
        return ExitCode.CANNOT_RUN
    return ExitCode.INVALID if found else ExitCode.VALID


def blocking(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that make data unusable: everything but notices."""
    return [p for p in problems if not p.notice]


def render_text(problems: list[Problem], total: int | None = None) -> str:
    """One line per problem and a closing summary, for a terminal or a CI log. `total` is
    the number of problems found when some were only counted (see `Collector`)."""
    lines = [p.to_text() for p in problems]
    errors = blocking(problems)
    notices = sum(1 for p in problems if p.notice and p.rule != OMITTED)
    also = f" ({notices} notice{'s' if notices != 1 else ''})" if notices else ""
    if not errors:
        lines.append(f"valid: no problems found{also}")
    else:
        count = max(total or 0, len(errors))
        files = {p.file for p in errors}
        noun = "problem" if count == 1 else "problems"
        plural = "s" if len(files) > 1 else ""
        listed = f", {len(errors):,} listed" if count > len(errors) else ""
        lines.append(f"{count:,} {noun} in {len(files)} file{plural}{listed}{also}")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    """The same problems as a JSON array of records with the fields of `Problem`."""
    return json.dumps([p.to_record() for p in problems], ensure_ascii=False, indent=2)


def write_json(problems: Iterable[Problem], stream: TextIO) -> None:
    """The problems as a JSON array, written one record at a time rather than built whole."""
    stream.write("[")
    for number, problem in enumerate(problems):
        stream.write("," if number else "")
        stream.write("\n  " + json.dumps(problem.to_record(), ensure_ascii=False))
    stream.write("\n]\n")
