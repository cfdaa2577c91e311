"""GitHub Actions' workflow commands: each problem an annotation on its file and line.

`::error file=F,line=N,title=RULE::MESSAGE`, `::notice` for a notice. In the message `%`,
CR and LF are escaped as `%25`, `%0D`, `%0A`; in a property `:` and `,` as well. No `col`:
GitHub reads it as a character position in the line, which a CSV column is not; the column
is named in the message. The log ends with the text report's summary.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.problems import Problem
from factcheck.reports.base import Report, Run, said

_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY = {**_DATA, ":": "%3A", ",": "%2C"}


def _escape(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(char, char) for char in text)


def annotation(problem: Problem, line: int | None) -> str:
    """The workflow command for one problem."""
    kind = "notice" if problem.notice else "error"
    properties = {"file": problem.file, "line": line, "title": problem.rule}
    listed = ",".join(
        f"{key}={_escape(str(value), _PROPERTY)}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{kind} {listed}::{_escape(said(problem), _DATA)}"


class GithubReport(Report):
    name = "github"
    help = "GitHub Actions annotations on each file and line, then the summary"

    def write(self, problems: list[Problem], run: Run, stream: TextIO) -> None:
        for problem in problems:
            stream.write(annotation(problem, run.line(problem)) + "\n")
        stream.write(run.summary(problems).to_text() + "\n")
