"""The report for people: one line per problem and a closing summary."""

from __future__ import annotations

from typing import TextIO

from factcheck.problems import Problem, render_text
from factcheck.reports.base import Report, Run


class TextReport(Report):
    name = "text"
    help = "a line per problem and a summary, for people (default)"
    machine = False

    def write(self, problems: list[Problem], run: Run, stream: TextIO) -> None:
        stream.write(render_text(problems, run.total) + "\n")
