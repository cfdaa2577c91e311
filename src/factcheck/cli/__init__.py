"""The `factcheck` command line: `main` runs it.

`parser` declares every command and its arguments; `commands` holds one handler per
command, which calls one function of the package that does the work and prints what comes
back; `output` says where that goes: what a command produces on standard output, and on
standard error the problems that stopped it (`refuse`, ending `factcheck COMMAND: nothing
written`) and one-line errors (`fail`).

`factcheck validate [--dir DIR] [--format text|json|github|sarif|gitlab]` checks the dataset
in DIR (default: the current directory) and exits 0 when it is valid, 1 when the data breaks
rules and 2 when it cannot be checked, as every command does. It reads the files and never
writes them. Every command that reports problems takes the same `--format` and `--limit`,
and names each file of the dataset under DIR as given (`--dir data`: `data/claims.csv`).
A new article comes in through `add-article`, `draft`, `merge` and `evaluate` (see
docs/drafting.md); each that writes validates first and writes nothing when the dataset
would not validate. Bad data never produces a traceback: a failure of the
tool itself is reported in one line (set FACTCHECK_DEBUG=1 for the traceback) and exits 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from factcheck.cli.output import DEFAULT_LIMIT, fail
from factcheck.cli.parser import build_parser

__all__ = ["DEFAULT_LIMIT", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    try:
        code = int(args.run(args))
        sys.stdout.flush()  # a reader gone away (`| head`) shows here, not at exit
        return code
    except BrokenPipeError:
        # the recipe of the signal module's "Note on SIGPIPE": send what is still buffered
        # nowhere, lest flushing at exit fail again, and exit 1 as Python does on EPIPE
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        if isinstance(error, OSError) and error.filename is not None:
            # the system refused a file (to read or to write): the user's to fix, not a bug
            return fail(f"{error.filename}: {error.strerror}")
        return fail(f"internal error, please report it: {error!r}")
