"""The parser of every command: its arguments, its help, and the handler in `commands` that
runs it (`run`). One grammar for all: `--dir DIR` names the dataset's folder in every
command that reads it; every command that can report problems takes `--format` and
`--limit` (`_reporting`); every command's help ends with the exit codes (`EXIT_CODES`). The
export and report formats are listed from their registries, so a new format needs nothing
here.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from factcheck.checks.engines import ENGINES
from factcheck.cli import commands
from factcheck.cli.output import DEFAULT_LIMIT
from factcheck.model.spreadsheets import DateOrder
from factcheck.reports import REPORTS
from factcheck.version import __version__

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


class _Paragraphs(argparse.HelpFormatter):
    """Help whose description and epilog may hold paragraphs, each filled on its own."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = super()._fill_text  # not in the comprehension: Python 3.11's super() fails there
        return "\n\n".join([fill(part, width, indent) for part in text.split("\n\n")])


def _count(text: str) -> int:
    """A whole number, 0 or more: a negative limit would list nothing and pass bad data."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number, 0 or more")
    return number


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line. The export formats are listed only when `argv` is an export command
    (or unknown): each format module is imported to list it, which `validate` need not pay."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Keep a claim-and-source fact-checking dataset consistent.",
        epilog=EXIT_CODES,
        formatter_class=_Paragraphs,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = _command(
        subcommands,
        "validate",
        help="check every file of the dataset and report every problem",
        description="Check every table against its schema and every dataset rule; read the "
        "files, never write them.",
    )
    _directory(validate)
    validate.add_argument(
        "--engine",
        choices=ENGINES,
        default="duckdb",
        help="the engine that runs the rules: duckdb, embedded (default), or spark, on a "
        "cluster or in local mode (see --master); spark also reads --dir as a URI of any file "
        "system it reads, e.g. hdfs://namenode/data/factcheck or s3a://bucket/factcheck",
    )
    validate.add_argument(
        "--master",
        default=None,
        metavar="URL",
        help="with --engine spark: the Spark master to run on, e.g. spark://host:7077 or yarn "
        "(default: local[*], Spark in local mode on every core of this machine)",
    )
    validate.set_defaults(run=commands.run_validate)
    fmt = _command(
        subcommands,
        "format",
        help="rewrite the CSV files in the canonical dialect, never changing a cell",
        description="Rewrite the dataset's CSV files in the canonical dialect (UTF-8, RFC 4180 "
        "quoting, \\n line endings, schema column order, rows by primary key). Validates first "
        "and writes nothing if the data breaks a rule.",
    )
    _directory(fmt)
    fmt.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any file would be rewritten (as when the data breaks a "
        "rule: the problems are then listed)",
    )
    fmt.add_argument(
        "--date-order",
        choices=DateOrder.values(),
        default=None,
        help="convert the dates a spreadsheet saved in its short format to YYYY-MM-DD, read "
        "month first (mdy: 9/2/2025 is 2 September, Excel in the US) or day first (dmy: "
        "02/09/2025 is 2 September, the UK and most of Europe); refuses any that is no date "
        "so read",
    )
    fmt.set_defaults(run=commands.run_format)
    _add_site_command(subcommands)
    summary = _command(
        subcommands,
        "summary",
        help="counts by source, claim type and verdict, and the claims that are not supported",
        description="Print counts of the claims by source, claim type and verdict, and list "
        "the claims that are not supported. Validates first and prints no summary of data "
        "that breaks a rule.",
    )
    _directory(summary)
    summary.set_defaults(run=commands.run_summary)
    export = _command(
        subcommands,
        "export",
        help="write the dataset in a standard format",
        description="Write the dataset in a standard format; formats that carry the data "
        "validate it first and write nothing if it breaks a rule.",
        reports=False,
    )
    # the formats are imported to list them: only when they are asked for
    if not argv or argv[0] in ("export", "-h", "--help"):
        _add_export_formats(export)
    importer = _command(
        subcommands,
        "import",
        help="bring edited data back into the CSV files",
        description="Bring data edited elsewhere back into the dataset's CSV files; nothing is "
        "written unless the whole dataset then validates.",
        reports=False,
    )
    sources = importer.add_subparsers(dest="source_format", required=True, metavar="FORMAT")
    from_xlsx = _command(
        sources,
        "xlsx",
        help="an edited workbook from 'factcheck export xlsx'; written only if it validates",
        description="Read the sheets of FILE, a workbook written by 'factcheck export xlsx' "
        "and edited, back into the CSV files. Problems name the sheet, its row and the "
        "column's letter; nothing is written unless the dataset then validates.",
        name="import xlsx",
    )
    from_xlsx.add_argument("file", metavar="FILE", help="the edited workbook")
    _directory(from_xlsx)
    from_xlsx.set_defaults(run=commands.run_import_xlsx)
    _add_drafting_commands(subcommands)
    return parser


def _command(
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
        formatter_class=_Paragraphs,
    )
    if reports:
        _reporting(parser)
    parser.set_defaults(name=name or command)
    return parser


def _reporting(parser: argparse.ArgumentParser) -> None:
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
        type=_count,
        default=DEFAULT_LIMIT,
        metavar="N",
        help="list at most N problems of each rule, then how many more it found "
        "(default: %(default)s; 0 lists them all)",
    )


def _add_export_formats(export: argparse.ArgumentParser) -> None:
    """One subcommand per registered format, with its own options."""
    from factcheck.exports import formats

    choices = export.add_subparsers(dest="export_format", required=True, metavar="FORMAT")
    for name, chosen in formats().items():
        description = chosen.description or chosen.help
        command = _command(choices, name, help=chosen.help, description=description, name="export")
        if chosen.reads_data:
            _directory(command)
        _output(command, folder=chosen.writes_folder, required=chosen.needs_output)
        for option in chosen.options:
            command.add_argument(
                option.flag,
                dest=option.name,
                required=option.required,
                default=option.default,
                metavar=option.metavar,
                help=option.help,
            )
        command.set_defaults(run=commands.run_export, directory=".")


def _output(parser: argparse.ArgumentParser, folder: bool, required: bool) -> None:
    """`-o`: required for what cannot go to standard output (see OUTPUTS)."""
    where = "the folder to write the files into" if folder else "the file to write"
    parser.add_argument(
        "-o",
        "--output",
        metavar="FOLDER" if folder else "FILE",
        required=required,
        help=where if required else f"{where} (default: standard output)",
    )


def _directory(parser: argparse.ArgumentParser) -> None:
    """`--dir DIR`, the dataset directory, the same in every command."""
    parser.add_argument(
        "--dir",
        dest="directory",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )


def _add_drafting_commands(subcommands: Any) -> None:
    """add-article, draft, merge, evaluate and drafter train (`factcheck.cli.drafting`),
    declared with this grammar's helpers."""
    from factcheck.cli.drafting import add_drafting_commands

    add_drafting_commands(subcommands, _command, _directory)


def _add_site_command(subcommands: Any) -> None:
    site = _command(
        subcommands,
        "site",
        help="build static pages of the articles with their claims, verdicts and evidence",
        description="Build a static site from the dataset: an index of the articles and one "
        "page per article with its text, every claim marked, each claim's verdict, "
        "attribution and evidence, and a schema.org ClaimReview block per checked claim. "
        "No server and nothing from the network is needed to view it.",
    )
    _directory(site)
    _output(site, folder=True, required=True)
    site.add_argument(
        "--reviewer-name",
        required=True,
        metavar="NAME",
        help="the reviewing organisation, the author of every review",
    )
    site.add_argument(
        "--reviewer-url",
        required=True,
        metavar="URL",
        help="where the site will be published: each review's address is its claim's anchor "
        "under it (URL/articles/<article_id>.html#<claim_id>)",
    )
    site.set_defaults(run=commands.run_site)
