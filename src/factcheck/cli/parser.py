"""The parser of every command: its arguments, its help, and the handler in `commands` that
runs it (`run`). One grammar for all, written once in `grammar`: `--dir DIR` names the
dataset's folder in every command that reads it; every command that can report problems
takes `--format` and `--limit`; every command's help ends with the exit codes. The commands
that bring in a new article are `drafting_arguments`'. The export and report formats are
listed from their registries, so a new format needs nothing here.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from factcheck.checks.engines import ENGINES
from factcheck.cli import commands, grammar
from factcheck.cli.drafting_arguments import add_drafting_commands
from factcheck.model.spreadsheets import DateOrder
from factcheck.version import __version__


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line. The export formats are listed only when `argv` is an export command
    (or unknown): each format module is imported to list it, which `validate` need not pay."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Keep a claim-and-source fact-checking dataset consistent.",
        epilog=grammar.EXIT_CODES,
        formatter_class=grammar.Paragraphs,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = grammar.command(
        subcommands,
        "validate",
        help="check every file of the dataset and report every problem",
        description="Check every table against its schema and every dataset rule; read the "
        "files, never write them.",
    )
    grammar.directory(validate)
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
    fmt = grammar.command(
        subcommands,
        "format",
        help="rewrite the CSV files in the canonical dialect, never changing a cell",
        description="Rewrite the dataset's CSV files in the canonical dialect (UTF-8, RFC 4180 "
        "quoting, \\n line endings, schema column order, rows by primary key). Validates first "
        "and writes nothing if the data breaks a rule.",
    )
    grammar.directory(fmt)
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
    summary = grammar.command(
        subcommands,
        "summary",
        help="counts by source, claim type and verdict, and the claims that are not supported",
        description="Print counts of the claims by source, claim type and verdict, and list "
        "the claims that are not supported. Validates first and prints no summary of data "
        "that breaks a rule.",
    )
    grammar.directory(summary)
    summary.set_defaults(run=commands.run_summary)
    export = grammar.command(
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
    importer = grammar.command(
        subcommands,
        "import",
        help="bring edited data back into the CSV files",
        description="Bring data edited elsewhere back into the dataset's CSV files; nothing is "
        "written unless the whole dataset then validates.",
        reports=False,
    )
    sources = importer.add_subparsers(dest="source_format", required=True, metavar="FORMAT")
    from_xlsx = grammar.command(
        sources,
        "xlsx",
        help="an edited workbook from 'factcheck export xlsx'; written only if it validates",
        description="Read the sheets of FILE, a workbook written by 'factcheck export xlsx' "
        "and edited, back into the CSV files. Problems name the sheet, its row and the "
        "column's letter; nothing is written unless the dataset then validates.",
        name="import xlsx",
    )
    from_xlsx.add_argument("file", metavar="FILE", help="the edited workbook")
    grammar.directory(from_xlsx)
    from_xlsx.set_defaults(run=commands.run_import_xlsx)
    add_drafting_commands(subcommands)
    return parser


def _add_export_formats(export: argparse.ArgumentParser) -> None:
    """One subcommand per registered format, with its own options."""
    from factcheck.exports import formats

    choices = export.add_subparsers(dest="export_format", required=True, metavar="FORMAT")
    for name, chosen in formats().items():
        description = chosen.description or chosen.help
        command = grammar.command(
            choices, name, help=chosen.help, description=description, name="export"
        )
        if chosen.reads_data:
            grammar.directory(command)
        grammar.output(command, folder=chosen.writes_folder, required=chosen.needs_output)
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


def _add_site_command(subcommands: Any) -> None:
    site = grammar.command(
        subcommands,
        "site",
        help="build static pages of the articles with their claims, verdicts and evidence",
        description="Build a static site from the dataset: an index of the articles and one "
        "page per article with its text, every claim marked, each claim's verdict, "
        "attribution and evidence, and a schema.org ClaimReview block per checked claim; and "
        "the pages every page links: how we checked, what each rating means, corrections and "
        "contact, licence and how to cite. No server and nothing from the network is needed "
        "to view it.",
    )
    grammar.directory(site)
    grammar.output(site, folder=True, required=True)
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
    site.add_argument(
        "--corrections",
        required=True,
        metavar="TEXT|FILE",
        help="the corrections policy the site publishes: its text, or a UTF-8 file holding it "
        "(paragraphs separated by a blank line); a value without a space names a file",
    )
    site.add_argument(
        "--contact",
        required=True,
        metavar="EMAIL|URL",
        help="where readers report an error: an email address or an absolute http(s) address, "
        "given on the corrections page and in each page's schema.org data",
    )
    site.set_defaults(run=commands.run_site)
