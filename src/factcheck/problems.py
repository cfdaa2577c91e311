"""Problems found in a dataset, located for people and machines alike.

A problem names the file (and in a workbook the sheet), the spreadsheet row (the header is
row 1, so the first record is row 2; for an article's text file it is the line), the column,
the offending value and the rule in plain words. Its severity is `fatal` when it stops a
file from being checked at all (missing, unreadable, not CSV, a needed column absent: the
validator exits 2), `error` when the data breaks a rule (exit 1), and `notice` for what is
worth knowing but is not wrong, such as a file saved in another CSV dialect (exit 0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import IntEnum, StrEnum

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
    sheet: str | None = None  # in a workbook (`file`), the sheet the row and column are in

    @property
    def fatal(self) -> bool:
        return self.severity == Severity.FATAL

    @property
    def notice(self) -> bool:
        return self.severity == Severity.NOTICE

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.row or 0, self.column or "", self.rule)

    def location(self, file: bool = True, row: bool = True) -> str:
        """Where the problem is in words: the file, the sheet, the row (a text file's line)
        and the column; without the `file` or the `row` for a report that gives them apart."""
        parts = [self.file] if file else []
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet}")
        if row and self.row is not None:
            # CSV rows are spreadsheet rows; a text file's are its lines
            in_table = self.file.endswith(".csv") or self.sheet is not None
            parts.append(f"{'row' if in_table else 'line'} {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def statement(self) -> str:
        """What is wrong, without where: the value (shortened) and the rule's message."""
        return self.message if self.value is None else f"{_preview(self.value)} {self.message}"

    def to_text(self) -> str:
        label = " notice:" if self.notice else ""
        return f"{self.location()}:{label} {self.statement()} [{self.rule}]"

    def to_record(self) -> dict[str, object]:
        """The fields as JSON has them; `sheet` only for a problem in a workbook."""
        record = asdict(self)
        if self.sheet is None:
            del record["sheet"]
        return record


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


@dataclass(frozen=True)
class Summary:
    """What a report ends with: how many problems were found (notices aside, those beyond a
    limit included), how many are listed, in how many files, and how many notices."""

    errors: int
    listed: int
    files: int
    notices: int

    @classmethod
    def of(cls, problems: list[Problem], total: int | None = None) -> Summary:
        """`total` is the number of problems found when some were only counted (see
        `Collector`)."""
        errors = blocking(problems)
        notices = sum(1 for p in problems if p.notice and p.rule != OMITTED)
        files = len({p.file for p in errors})
        return cls(max(total or 0, len(errors)), len(errors), files, notices)

    @property
    def valid(self) -> bool:
        return not self.errors

    def to_text(self) -> str:
        notices = self.notices
        also = f" ({notices} notice{'s' if notices != 1 else ''})" if notices else ""
        if self.valid:
            return f"valid: no problems found{also}"
        noun = "problem" if self.errors == 1 else "problems"
        plural = "s" if self.files > 1 else ""
        listed = f", {self.listed:,} listed" if self.errors > self.listed else ""
        return f"{self.errors:,} {noun} in {self.files} file{plural}{listed}{also}"


def render_text(problems: list[Problem], total: int | None = None) -> str:
    """One line per problem and a closing summary, for a terminal or a CI log. `total` is
    the number of problems found when some were only counted (see `Collector`)."""
    return "\n".join([*(p.to_text() for p in problems), Summary.of(problems, total).to_text()])
