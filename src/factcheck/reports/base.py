"""What every report format is given (`Run`) and does (`Report.write`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, TextIO

from factcheck.problems import Problem, Summary

TOOL = "factcheck"


def _row(problem: Problem) -> int | None:
    return problem.row


@dataclass(frozen=True)
class Run:
    """The run a report is about: the command, how many problems were found when only some
    are listed (`total`), and where a problem's line is (`line`)."""

    command: str
    total: int | None = None
    line: Callable[[Problem], int | None] = field(default=_row)

    def summary(self, problems: list[Problem]) -> Summary:
        return Summary.of(problems, self.total)


class Report(ABC):
    """A format of report: its `name` (`--format NAME`), `help`, whether it is read by
    machines (`machine`: then a refusal's report goes to standard output, see `cli.output`),
    and `write`, which writes the problems, already sorted, to a stream."""

    name: ClassVar[str]
    help: ClassVar[str]
    machine: ClassVar[bool] = True

    @abstractmethod
    def write(self, problems: list[Problem], run: Run, stream: TextIO) -> None: ...


def said(problem: Problem) -> str:
    """A problem in words without its file and line, which a machine format gives apart:
    the column, the value and the rule's message. A workbook has no lines to point at, so
    its sheet and row are said too."""
    where = problem.location(file=False, row=problem.sheet is not None)
    return f"{where}: {problem.statement()}" if where else problem.statement()
