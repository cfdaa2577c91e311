"""SARIF 2.1.0, the format code scanning reads (GitHub's among others).

One run of the tool: its driver lists the rules the results break, described from the
registry, and each problem is a result at its file and line. Levels: a fatal problem or an
error is `error`, a notice `note`. Results are written one at a time.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

from factcheck import registry
from factcheck.problems import Problem
from factcheck.reports.base import TOOL, Report, Run, said
from factcheck.version import __version__

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def level(problem: Problem) -> str:
    return "note" if problem.notice else "error"


def uri(file: str) -> str:
    """A file as a URI reference: a path relative to where the command ran stays relative."""
    if urlsplit(file).scheme:
        return file  # a folder Spark read: hdfs://, s3a://
    if PurePosixPath(file).is_absolute():
        return PurePosixPath(file).as_uri()
    return quote(file)


def rule(rule_id: str, example: Problem) -> dict[str, Any]:
    declared = registry.rule(rule_id)
    return {
        "id": rule_id,
        "shortDescription": {"text": declared.description},
        "defaultConfiguration": {"level": level(example)},
        "properties": {"severity": str(declared.severity)},
    }


def result(problem: Problem, index: int, line: int | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri(problem.file)}}
    if line is not None:
        location["region"] = {"startLine": line}
    return {
        "ruleId": problem.rule,
        "ruleIndex": index,
        "level": level(problem),
        "message": {"text": said(problem)},
        "locations": [{"physicalLocation": location}],
    }


class SarifReport(Report):
    name = "sarif"
    help = "SARIF 2.1.0, for code scanning (GitHub: github/codeql-action/upload-sarif)"

    def write(self, problems: list[Problem], run: Run, stream: TextIO) -> None:
        first: dict[str, Problem] = {}
        for problem in problems:
            first.setdefault(problem.rule, problem)
        index = {rule_id: number for number, rule_id in enumerate(first)}
        driver = {
            "name": TOOL,
            "version": __version__,
            "rules": [rule(rule_id, example) for rule_id, example in first.items()],
        }
        head = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION}
        stream.write(json.dumps(head)[:-1])
        stream.write(', "runs": [{"tool": {"driver": ')
        stream.write(json.dumps(driver, ensure_ascii=False))
        stream.write('}, "results": [')
        for number, problem in enumerate(problems):
            stream.write("," if number else "")
            found = result(problem, index[problem.rule], run.line(problem))
            stream.write("\n" + json.dumps(found, ensure_ascii=False))
        stream.write("]}]}\n")
