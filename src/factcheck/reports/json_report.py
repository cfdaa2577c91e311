"""The JSON report: one object, versioned, whose schema ships beside this module.

`{"report_version": 1, "tool": {"name", "version"}, "command", "valid", "summary":
{"errors", "listed", "files", "notices"}, "problems": [...]}`; each problem is a record with
the fields of `Problem`. `report.schema.json` is its JSON Schema (`SCHEMA`). The problems
are written one record at a time, after everything else, rather than built into one
string. A change that would break a reader raises `REPORT_VERSION`.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from typing import Any, TextIO

from factcheck.problems import Problem
from factcheck.reports.base import TOOL, Report, Run
from factcheck.version import __version__

REPORT_VERSION = 1
SCHEMA = "report.schema.json"


def schema() -> dict[str, Any]:
    """The JSON Schema every JSON report validates against."""
    loaded: dict[str, Any] = json.loads(resources.files(__package__).joinpath(SCHEMA).read_text())
    return loaded


class JsonReport(Report):
    name = "json"
    help = "one JSON object: a version, the tool, a summary and the problems as records"

    def write(self, problems: list[Problem], run: Run, stream: TextIO) -> None:
        summary = run.summary(problems)
        head = {
            "report_version": REPORT_VERSION,
            "tool": {"name": TOOL, "version": __version__},
            "command": run.command,
            "valid": summary.valid,
            "summary": asdict(summary),
        }
        stream.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2])  # the object left open
        stream.write(',\n  "problems": [')
        for number, problem in enumerate(problems):
            stream.write("," if number else "")
            stream.write("\n    " + json.dumps(problem.to_record(), ensure_ascii=False))
        stream.write("\n  ]\n}\n" if problems else "]\n}\n")
