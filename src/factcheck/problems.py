"""Problems found in a dataset, located for people and machines alike.

A problem names the file, the spreadsheet row (the header is row 1, so the first record is
row 2; for an article's text file it is the line), the column, the offending value and the
rule in plain words. `fatal` problems are those that stop a file from being checked at all
(missing, unreadable, not CSV, a needed column absent): they make the validator exit 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import IntEnum

_VALUE_PREVIEW = 80


class ExitCode(IntEnum):
    """What `factcheck validate` returns."""

    VALID = 0
    INVALID = 1
    CANNOT_RUN = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule at one place."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    rule: str
    message: str
    fatal: bool = False

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
        return f"{self.location()}:{value} {self.message} [{self.rule}]"

    def to_record(self) -> dict[str, object]:
        return asdict(self)


def _preview(value: str) -> str:
    shown = value if len(value) <= _VALUE_PREVIEW else value[: _VALUE_PREVIEW - 1] + "…"
    return repr(shown)


def sort(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def exit_code(problems: Iterable[Problem]) -> ExitCode:
    found = list(problems)
    if any(p.fatal for p in found):
        return ExitCode.CANNOT_RUN
    return ExitCode.INVALID if found else ExitCode.VALID


def render_text(problems: list[Problem]) -> str:
    """One line per problem and a closing summary, for a terminal or a CI log."""
    if not problems:
        return "valid: no problems found"
    files = {p.file for p in problems}
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [p.to_text() for p in problems]
    lines.append(f"{len(problems)} {noun} in {len(files)} file{'s' if len(files) > 1 else ''}")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    """The same problems as a JSON array of records with the fields of `Problem`."""
    return json.dumps([p.to_record() for p in problems], ensure_ascii=False, indent=2)
