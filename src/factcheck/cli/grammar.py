"""What every command's arguments share, in one place: the exit codes and where output goes
(said in every command's help), `--dir`, `-o`, `--format` and `--limit`, and the argument
types that refuse a bad value as the argument it is. `parser` builds the commands of reading,
checking and exporting the dataset and of the site; `drafting_arguments` those of bringing in
a new article.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from factcheck.cli.output import DEFAULT_LIMIT
from factcheck.reports import REPORTS

EXIT_CODES = (
    "Exit codes, the same in every command: 0 done (the data is valid); 1 the data breaks "
    "rules (for format --check also: a file would be rewritten); 2 the data cannot be read "
    "or the command cannot run (a usage error too)"
)
OUTPUTS = (
    "Output: a command that changes the dataset (format, import, add-article, draft, merge) "
    "writes in its folder, --dir (a draft in DIR/drafts/, unless -o names another file). A "
    "command that makes something from the dataset prints it on standard output when it is "
    "text (a report, a summary, a text export), or -o names the file; what is not one text "
    "file (a workbook, a folder of files, a site) is written only where -o says, so -o is "
    "required for it. Each command then says what it wrote, naming a dataset's file as the "
    "command line names its folder (--dir data: data/claims.csv)."
)


class Paragraphs(argparse.HelpFormatter):
    """Help whose description and epilog may hold paragraphs, each filled on its own."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = super()._fill_text  # not in the comprehension: Python 3.11's super() fails there
        return "\n\n".join([fill(part, width, indent) for part in text.split("\n\n")])


def count(text: str) -> int:
    """A whole number, 0 or more: a negative limit would list nothing and pass bad data."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number, 0 or more")
    return number


def article_id(text: str) -> str:
    """A new article's id, refused here as the argument it is rather than as a cell of
    articles.csv it would become. (The pattern's module loads Arrow: only add-article pays.)"""
    from factcheck.model.cells import ARTICLE_ID

    if not re.fullmatch(ARTICLE_ID, text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an article id: use lower-case letters and digits in words joined "
            "by single hyphens, e.g. 2026-01-08-missile-launch"
        )
    return text


def command(
    subcommands: Any,
    command: str,
    help: str,
    description: str,
    reports: bool = True,
    name: str | None = None,
) -> argparse.ArgumentParser:
    """A command with its help and description, the exit codes and where output goes after
    them, and (`reports`) `--format` and `--limit` for the problems it may report. `name`
    is how the command is named in what it prints (`import xlsx`), by default `command`."""
    parser: argparse.ArgumentParser = subcommands.add_parser(
        command,
        help=help,
        description=description,
        epilog=f"{OUTPUTS}\n\n{EXIT_CODES}",
        formatter_class=Paragraphs,
    )
    if reports:
        reporting(parser)
    parser.set_defaults(name=name or command)
    return parser


def reporting(parser: argparse.ArgumentParser) -> None:
    """`--format` and `--limit`, the same wherever problems are reported."""
    formats = ", ".join(f"{name}: {report.help}" for name, report in REPORTS.items())
    parser.add_argument(
        "--format",
        choices=list(REPORTS),
        default="text",
        help=f"how problems are reported ({formats}); a report for machines goes to standard "
        "output even when the problems stopped the command",
    )
    parser.add_argument(
        "--limit",
        type=count,
        default=DEFAULT_LIMIT,
        metavar="N",
        help="list at most N problems of each rule, then how many more it found "
        "(default: %(default)s; 0 lists them all)",
    )


def output(parser: argparse.ArgumentParser, folder: bool, required: bool) -> None:
    """`-o`: required for what cannot go to standard output (see OUTPUTS)."""
    where = "the folder to write the files into" if folder else "the file to write"
    parser.add_argument(
        "-o",
        "--output",
        metavar="FOLDER" if folder else "FILE",
        required=required,
        help=where if required else f"{where} (default: standard output)",
    )


def directory(parser: argparse.ArgumentParser) -> None:
    """`--dir DIR`, the dataset directory, the same in every command."""
    parser.add_argument(
        "--dir",
        dest="directory",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
