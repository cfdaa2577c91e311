"""What the command line prints, and where.

Standard output carries what a command produces: validate's report (its problems and
notices in the `--format` asked for, which `Reporting.report` writes), the summary, an
evaluation, exported data when no `-o` names a file (`write_output`), the lines saying what
a command wrote or changed, and what to do next. Standard error carries what stopped a
command: the problems that kept it from writing, then one line `factcheck COMMAND: nothing
written` (`refuse`, the one helper that prints them), or an error that keeps a command from
running at all, in one line `factcheck: ...` (`fail`; a file the system would not let it
read or write among them). In a format for machines (json, github, sarif, gitlab) the
problems that stopped a command are its report, on standard output, where a CI step reads
it; the line saying nothing was written stays on standard error. So a redirected export or
summary holds a problem only when a machine format was asked for, and the exit code says
which happened: 0 done, 1 the data breaks rules (or, for `format --check`, a file would be
rewritten), 2 it cannot be read or the command cannot run.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import sys
from pathlib import Path

from factcheck.problems import ExitCode, Problem, exit_code

DEFAULT_LIMIT = 100  # problems listed per rule; a million bad cells stay a readable report


@dataclasses.dataclass(frozen=True)
class Reporting:
    """How a command reports problems: its name, `--format`, `--limit` (None: all) and the
    dataset's folder as given, which every file a problem names in it is shown under."""

    command: str
    format: str = "text"
    limit: int | None = DEFAULT_LIMIT
    directory: str = "."

    @classmethod
    def of(cls, args: argparse.Namespace) -> Reporting:
        return cls(args.name, args.format, args.limit or None, getattr(args, "directory", "."))

    def report(self, problems: list[Problem], total: int | None = None, error: bool = False) -> int:
        """Write the problems in the chosen format: on standard error when `error` (they
        stopped the command) and the format is for people, else on standard output. Without
        a `total` (problems a limit left uncounted), `--limit` is applied here. The exit
        code the problems give."""
        from factcheck.reports import REPORTS, Run
        from factcheck.reports.lines import Lines

        if total is None:
            problems, total = _limited(problems, self.limit)
        if self.directory not in (".", ""):  # else every file is named as it is already
            problems = [self.located(problem) for problem in problems]
        chosen = REPORTS[self.format]
        sys.stdout.flush()  # what was printed before goes first
        stream = sys.stderr if error and not chosen.machine else sys.stdout
        chosen.write(problems, Run(self.command, total, Lines()), stream)
        return exit_code(problems)

    def located(self, problem: Problem) -> Problem:
        """The problem with its file as the command line names it: `--dir data` makes
        `claims.csv` `data/claims.csv`. Files named otherwise (a draft, a workbook, the
        folder itself) are left as they were given."""
        if not _in_dataset(problem.file):
            return problem
        return dataclasses.replace(problem, file=under(self.directory, problem.file))


@functools.cache
def _in_dataset(file: str) -> bool:
    """Whether `file` is one of a dataset's (a table or an article's text), as the checks
    name it; cached, since a report of a million problems names a handful of files."""
    from factcheck.model.tables import ARTICLES_DIR, TABLES

    return file in {spec.file for spec in TABLES} or file.startswith(f"{ARTICLES_DIR}/")


def under(directory: str, name: str) -> str:
    """A dataset's file as the command line names it: `claims.csv` under `--dir data` is
    `data/claims.csv`; under the current folder (`.`, the default) it stays `claims.csv`."""
    if directory in (".", ""):
        return name
    return (directory if directory.endswith("/") else directory + "/") + name


def _limited(problems: list[Problem], limit: int | None) -> tuple[list[Problem], int]:
    """The first `limit` problems of each rule, in the order found, then a notice per rule
    saying how many more there were; and how many were found, notices aside."""
    from factcheck.checks.collector import Collector

    collector = Collector(limit)
    collector.extend(problems)
    return collector.kept + list(collector.omitted()), collector.errors


def refuse(reporting: Reporting, problems: list[Problem], hint: str = "", note: str = "") -> int:
    """Say why a command stopped: its problems (on standard error, or in a machine format on
    standard output), then on standard error a `note` on them if there is one, and that
    nothing was written (then a `hint` of what to do); the problems' exit code."""
    code = reporting.report(problems, error=True)
    command = reporting.command
    if note:
        print(f"factcheck {command}: {note}", file=sys.stderr)
    print(f"factcheck {command}: nothing written{'; ' + hint if hint else ''}", file=sys.stderr)
    return code


def fail(message: str) -> int:
    """Say on standard error, in one line, why a command cannot run at all; exit code 2."""
    print(f"factcheck: {message}", file=sys.stderr)
    return ExitCode.CANNOT_RUN


def write_output(output: bytes | dict[str, bytes], target: str | None) -> list[str]:
    """Write an export to its file, its folder or standard output; the paths written. A
    target that cannot be written (a folder where a file goes, a folder that is not there)
    is an `OSError` naming the target, which `main` prints in one line."""
    try:
        return _written(output, target)
    except OSError as error:
        if target is None:
            raise  # standard output: a reader gone away (`| head`), which `main` handles
        raise OSError(error.errno, f"cannot write: {error.strerror}", target) from error


def _written(output: bytes | dict[str, bytes], target: str | None) -> list[str]:
    from factcheck.storage.dialect import write_atomically

    if isinstance(output, bytes):
        if target is None:
            sys.stdout.flush()  # what was printed before goes first
            sys.stdout.buffer.write(output)
            sys.stdout.flush()
            return []
        write_atomically(Path(target), output)
        return [target]
    folder = Path(target or ".")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in output.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)  # a site's articles/
        write_atomically(folder / name, data)
    return [str(folder / name) for name in output]
