"""What the command line prints, and where.

Standard output carries what a command produces: validate's report (its problems and
notices, in text or JSON), the summary, an evaluation, exported data when no `-o` names a
file (`write_output`), the lines saying what a command wrote or changed, and what to do
next. Standard error carries what stopped a command: the problems that kept it from
writing, then one line `factcheck COMMAND: nothing written` (`refuse`, the one helper that
prints them), or an error that keeps a command from running at all, in one line
`factcheck: ...` (`fail`; a file the system would not let it read or write among them). So
a redirected export or summary never holds a problem, and the exit code says which
happened: 0 done, 1 the data breaks rules (or, for `format --check`, a file would be
rewritten), 2 it cannot be read or the command cannot run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.problems import ExitCode, Problem, exit_code, render_text


def refuse(command: str, problems: list[Problem], hint: str = "", note: str = "") -> int:
    """Say on standard error why `command` stopped: its problems, a `note` on them if there is
    one, and that nothing was written (then a `hint` of what to do); the problems' exit code."""
    print(render_text(problems), file=sys.stderr)
    if note:
        print(f"factcheck {command}: {note}", file=sys.stderr)
    print(f"factcheck {command}: nothing written{'; ' + hint if hint else ''}", file=sys.stderr)
    return exit_code(problems)


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
