"""The `factcheck` command line.

`factcheck validate [DIR] [--format text|json]` checks the dataset in DIR (default: the
current directory) and exits 0 when it is valid, 1 when the data breaks rules and 2 when it
cannot be checked. It reads the files and never writes them. Bad data never produces a
traceback: a failure of the tool itself is reported in one line (set FACTCHECK_DEBUG=1 for
the traceback) and exits 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from factcheck.problems import ExitCode


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Keep a claim-and-source fact-checking dataset consistent.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check every file of the dataset and report every problem",
        description="Check every table against its schema and every dataset rule. "
        "Exit 0 when valid, 1 when the data breaks rules, 2 when it cannot be checked.",
    )
    validate.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for machines",
    )
    validate.set_defaults(run=_validate)
    dictionary = commands.add_parser(
        "dictionary",
        help="print the data dictionary generated from the schemas (Markdown)",
    )
    dictionary.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    dictionary.set_defaults(run=_dictionary)
    return parser


def _validate(args: argparse.Namespace) -> int:
    from factcheck.problems import exit_code, render_json, render_text
    from factcheck.validate import check_dataset

    problems = check_dataset(args.directory).problems
    print(render_json(problems) if args.format == "json" else render_text(problems))
    return exit_code(problems)


def _dictionary(args: argparse.Namespace) -> int:
    from factcheck.dictionary import render

    markdown = render()
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(markdown)
    else:
        sys.stdout.write(markdown)
    return ExitCode.VALID


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except Exception as error:
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: internal error, please report it: {error!r}", file=sys.stderr)
        return ExitCode.CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())
