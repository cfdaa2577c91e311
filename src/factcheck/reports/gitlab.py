"""GitLab's Code Quality report: a JSON array of issues, each with a fingerprint that stays
the same while the problem does, so a merge request shows what it fixed and what it broke.

Severities: fatal is `blocker`, error `major`, notice `info`. A problem of a whole file is
placed at its first line, since every issue needs one.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from factcheck.problems import Problem, Severity
from factcheck.reports.base import Report, Run, said

SEVERITY = {Severity.FATAL: "blocker", Severity.ERROR: "major", Severity.NOTICE: "info"}


def fingerprint(problem: Problem) -> str:
    place = [problem.file, problem.row, problem.column, problem.value, problem.rule]
    return hashlib.sha256(json.dumps(place, ensure_ascii=False).encode()).hexdigest()


def issue(problem: Problem, line: int | None) -> dict[str, Any]:
    return {
        "description": said(problem),
        "check_name": problem.rule,
        "fingerprint": fingerprint(problem),
        "severity": SEVERITY[problem.severity],
        "location": {"path": problem.file, "lines": {"begin": line or 1}},
    }


class GitlabReport(Report):
    name = "gitlab"
    help = "GitLab Code Quality, for merge requests (artifacts:reports:codequality)"

    def write(self, problems: list[Problem], run: Run, stream: TextIO) -> None:
        stream.write("[")
        for number, problem in enumerate(problems):
            stream.write("," if number else "")
            stream.write("\n  " + json.dumps(issue(problem, run.line(problem)), ensure_ascii=False))
        stream.write("\n]\n" if problems else "]\n")
