"""The `factcheck` command line.

`factcheck validate [--dir DIR] [--format text|json]` checks the dataset in DIR (default: the
current directory) and exits 0 when it is valid, 1 when the data breaks rules and 2 when it
cannot be checked. It reads the files and never writes them. Bad data never produces a
traceback: a failure of the tool itself is reported in one line (set FACTCHECK_DEBUG=1 for
the traceback) and exits 2.

A new article comes in through `add-article`, `draft`, `merge` and `evaluate` (see the
README's "Bringing in a new article"); each that writes validates first and writes nothing
when the dataset would not validate. Every command names the dataset's folder `--dir DIR`.

Standard output carries what a command produces: validate's report of problems (its
output, in text or JSON), the summary, an evaluation, exported data when no `-o` names a
file, and what a command wrote or changed. Standard error carries what stopped a command
and what is said beside its output: the problems that kept it from writing, then one line
`factcheck COMMAND: nothing written` (`refuse`), an error that keeps it from running at all
in one line `factcheck: ...` (`fail`), and notices. So a redirected export or summary never
holds a problem, and the exit code says which happened.

This module reads better whole: the parser of every command, then one short handler per
command; the work itself is done in the packages the handlers import.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck.checks.engines import ENGINES
from factcheck.drafting.polnear import SPLITS
from factcheck.model.spreadsheets import DateOrder
from factcheck.problems import ExitCode, Problem, exit_code, render_text

DEFAULT_LIMIT = 100  # problems listed per rule; a million bad cells stay a readable report


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


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line. The export formats are listed only when `argv` is an export command
    (or unknown): each format module is imported to list it, which `validate` need not pay."""
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
    _directory(validate)
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for machines",
    )
    validate.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help="list at most N problems of each rule, then how many more it found "
        "(default: %(default)s; 0 lists them all)",
    )
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
    validate.set_defaults(run=_validate)
    fmt = commands.add_parser(
        "format",
        help="rewrite the CSV files in the canonical dialect, never changing a cell",
        description="Rewrite the dataset's CSV files in the canonical dialect (UTF-8, RFC 4180 "
        "quoting, \\n line endings, schema column order, rows by primary key). Validates first "
        "and writes nothing if the data breaks a rule.",
    )
    _directory(fmt)
    fmt.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any file would be rewritten"
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
    fmt.set_defaults(run=_format)
    _add_site_command(commands)
    summary = commands.add_parser(
        "summary",
        help="counts by source, claim type and verdict, and the claims that are not supported",
    )
    _directory(summary)
    summary.set_defaults(run=_summary)
    export = commands.add_parser(
        "export",
        help="write the dataset in a standard format",
        description="Write the dataset in a standard format; formats that carry the data "
        "validate it first and write nothing if it breaks a rule.",
    )
    # the formats are imported to list them: only when they are asked for
    if not argv or argv[0] in ("export", "-h", "--help"):
        _add_export_formats(export)
    importer = commands.add_parser("import", help="bring edited data back into the CSV files")
    sources = importer.add_subparsers(dest="format", required=True, metavar="FORMAT")
    from_xlsx = sources.add_parser(
        "xlsx",
        help="an edited workbook from 'factcheck export xlsx'; written only if it validates",
    )
    from_xlsx.add_argument("file", metavar="FILE", help="the edited workbook")
    _directory(from_xlsx)
    from_xlsx.set_defaults(run=_import_xlsx)
    _add_drafting_commands(commands)
    return parser


def _add_export_formats(export: argparse.ArgumentParser) -> None:
    """One subcommand per registered format, with its own options."""
    from factcheck.exports import formats

    choices = export.add_subparsers(dest="format", required=True, metavar="FORMAT")
    for name, chosen in formats().items():
        description = chosen.description or chosen.help
        command = choices.add_parser(name, help=chosen.help, description=description)
        if chosen.reads_data:
            _directory(command)
        _output(command, folder=chosen.writes_folder, default=chosen.default_output)
        for option in chosen.options:
            command.add_argument(
                option.flag,
                dest=option.name,
                required=option.required,
                default=option.default,
                metavar=option.metavar,
                help=option.help,
            )
        command.set_defaults(run=_export, export_format=name, directory=".")


def _output(parser: argparse.ArgumentParser, folder: bool, default: str | None) -> None:
    where = "the folder to write the files into" if folder else "the file to write"
    otherwise = f"(default: {default})" if default else "(default: standard output)"
    parser.add_argument(
        "-o",
        "--output",
        metavar="FOLDER" if folder else "FILE",
        default=default,
        help=f"{where} {otherwise}",
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


def _add_drafting_commands(commands: Any) -> None:
    """add-article, draft, merge and evaluate: bringing in a new article."""
    add = commands.add_parser(
        "add-article",
        help="store a new article's text and its row in articles.csv",
        description="Store FILE byte for byte as articles/ID.txt and add its row, with the "
        "text's SHA-256, to articles.csv. Refuses an id or a text already in the dataset, and "
        "writes nothing unless the dataset then validates.",
    )
    add.add_argument("file", metavar="FILE", help="the article's text, UTF-8")
    add.add_argument(
        "--id", required=True, dest="article_id", metavar="ID", help="the new article id"
    )
    add.add_argument(
        "--published", required=True, metavar="DATE", help="publication date, YYYY-MM-DD"
    )
    add.add_argument(
        "--title",
        help="the published headline (default: the text's first heading or sentence, "
        "recorded as the dataset's own title)",
    )
    add.add_argument(
        "--outlet",
        required=True,
        help="the publisher: a source id, or a name or alias from sources.csv; a name not "
        "listed adds a publisher source",
    )
    add.add_argument("--url", help="the address of the published copy")
    add.add_argument("--language", default="en", help="ISO 639-1 code (default: %(default)s)")
    _directory(add)
    add.set_defaults(run=_add_article)
    draft = commands.add_parser(
        "draft",
        help="propose claim rows for an article, for review in a spreadsheet",
        description="Split the article into sentences and atomic clauses, find attribution "
        "cues and match their sources, and write the proposed rows as a draft CSV (status "
        "'draft'), with any new sources beside it. Drafting again keeps reviewed rows.",
    )
    draft.add_argument("article_id", metavar="ID", help="the article id")
    draft.add_argument(
        "-o", "--output", metavar="FILE", help="the draft file (default: drafts/ID.csv)"
    )
    _directory(draft)
    draft.set_defaults(run=_draft)
    merge = commands.add_parser(
        "merge",
        help="move a draft's accepted rows into claims.csv and sources.csv",
        description="Move the rows marked 'accepted' in FILE (and in its .sources.csv) into "
        "the dataset, only if the whole dataset then validates; otherwise write nothing and "
        "report the problems as validate does.",
    )
    merge.add_argument("file", metavar="FILE", help="the reviewed draft")
    _directory(merge)
    merge.set_defaults(run=_merge)
    evaluate = commands.add_parser(
        "evaluate",
        help="compare a draft of an article with its curated claims",
        description="Draft the article afresh (or read --draft FILE) and print how its spans "
        "and attributions compare with the article's rows in claims.csv.",
    )
    evaluate.add_argument("article_id", metavar="ID", help="the article id")
    evaluate.add_argument("--draft", metavar="FILE", help="a draft file to score instead")
    evaluate.add_argument(
        "--polnear",
        metavar="DIR",
        help="also score the drafter on a local PolNeAR checkout (see benchmarks/attribution.py)",
    )
    evaluate.add_argument("--split", choices=SPLITS, help="the PolNeAR split, with --polnear (dev)")
    _directory(evaluate)
    evaluate.set_defaults(run=_evaluate)


def _validate(args: argparse.Namespace) -> int:
    from factcheck.checks.engines import make_engine
    from factcheck.checks.engines.base import EngineUnavailable
    from factcheck.checks.validate import check_dataset
    from factcheck.problems import write_json

    try:
        engine = make_engine(args.engine, args.master)
        checked = check_dataset(
            args.directory, limit=args.limit or None, engine=engine, keep_tables=False
        )
    except (EngineUnavailable, ImportError) as error:  # no Java, no pyspark, an unread URI
        return fail(str(error))
    if args.format == "json":
        write_json(checked.problems, sys.stdout)
    else:
        print(render_text(checked.problems, checked.total))
    return exit_code(checked.problems)


def _format(args: argparse.Namespace) -> int:
    from factcheck.edits.formatting import format_dataset

    order = None if args.date_order is None else DateOrder.of(args.date_order)
    result = format_dataset(args.directory, check_only=args.check, date_order=order)
    if result.problems:
        converted = result.converted
        note = (
            ""
            if converted is None
            else (
                f"these are the problems of the dates as converted (--date-order {converted}), "
                "not of the cells as saved"
            )
        )
        return refuse("format", result.problems, "fix the problems first", note)
    verb = "would rewrite" if args.check else "rewrote"
    for name, reasons in result.changed.items():
        print(f"{verb} {name} ({', '.join(reasons)})")
    if not result.changed:
        print("all files are already in the canonical dialect")
    return ExitCode.INVALID if args.check and result.changed else ExitCode.VALID


def _add_site_command(commands: Any) -> None:
    site = commands.add_parser(
        "site",
        help="build static pages of the articles with their claims, verdicts and evidence",
        description="Build a static site from the dataset: an index of the articles and one "
        "page per article with its text, every claim marked, each claim's verdict, "
        "attribution and evidence, and a schema.org ClaimReview block per checked claim. "
        "No server and nothing from the network is needed to view it.",
    )
    _directory(site)
    _output(site, folder=True, default="site")
    site.add_argument(
        "--publisher-name",
        required=True,
        metavar="NAME",
        help="the reviewing organisation, the author of every review",
    )
    site.add_argument(
        "--publisher-url",
        required=True,
        metavar="URL",
        help="where the site will be published: each review's address is its claim's anchor "
        "under it (URL/articles/<article_id>.html#<claim_id>)",
    )
    site.set_defaults(run=_site)


def _site(args: argparse.Namespace) -> int:
    from factcheck.dataset import DatasetError
    from factcheck.exports.base import ExportError
    from factcheck.site.build import build_site_from

    try:
        files = build_site_from(Path(args.directory), args.publisher_name, args.publisher_url)
    except ExportError as error:
        return fail(str(error))
    except DatasetError as error:
        return refuse("site", error.problems)
    written = _write_output(files, args.output)
    print(f"wrote {len(written)} files into {args.output}")
    return ExitCode.VALID


def _summary(args: argparse.Namespace) -> int:
    from factcheck.analysis.summary import render
    from factcheck.dataset import DatasetError, load_dataset

    try:
        data = load_dataset(args.directory)
    except DatasetError as error:
        return refuse("summary", error.problems)
    sys.stdout.write(render(data))
    return ExitCode.VALID


def _export(args: argparse.Namespace) -> int:
    from factcheck.dataset import DatasetError
    from factcheck.exports import formats
    from factcheck.exports.base import ExportError, Source

    chosen = formats()[args.export_format]
    options = {option.name: getattr(args, option.name) for option in chosen.options}
    try:
        output = chosen.render(Source(Path(args.directory)), **options)
    except DatasetError as error:
        return refuse("export", error.problems)
    except ExportError as error:
        return fail(str(error))
    for path in _write_output(output, args.output):
        print(f"wrote {path}")
    return ExitCode.VALID


def _write_output(output: bytes | dict[str, bytes], target: str | None) -> list[str]:
    """Write an export to its file, its folder or standard output; the paths written."""
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


def _import_xlsx(args: argparse.Namespace) -> int:
    from factcheck.edits.xlsx_import import WorkbookUnreadable, import_workbook

    if not os.path.isfile(args.file):
        return fail(f"{args.file} is not a file")
    try:
        result = import_workbook(args.file, args.directory)
    except WorkbookUnreadable as error:
        return fail(str(error))
    if result.problems:
        return refuse("import xlsx", result.problems, "fix the workbook and import it again")
    for name in result.changed:
        print(f"updated {name}")
    if not result.changed:
        print("no changes: the workbook matches the CSV files")
    return ExitCode.VALID


def _add_article(args: argparse.Namespace) -> int:
    from factcheck.edits.add_article import ArticleInfo, add_article

    if not os.path.isfile(args.file):
        return fail(f"{args.file} is not a file")
    data = Path(args.file).read_bytes()
    info = ArticleInfo(
        args.article_id, args.published, args.title, args.outlet, args.url, args.language
    )
    added = add_article(Path(args.directory), data, info)
    if added.problems:
        return refuse("add-article", added.problems)
    digest = added.row["text_sha256"]
    print(f"stored articles/{args.article_id}.txt ({len(data)} bytes, sha256 {digest})")
    print(
        f"added {args.article_id} to articles.csv, published by {added.row['publisher_source_id']}"
    )
    if added.new_source is not None:
        print(
            f"added source {added.new_source['source_id']} ({added.new_source['name']}) to "
            "sources.csv: give it a country and a description"
        )
    print(f"next: factcheck draft {args.article_id}")
    return ExitCode.VALID


def _draft(args: argparse.Namespace) -> int:
    from factcheck.drafting.workflow import DraftingError, draft

    output = Path(args.output) if args.output else None
    try:
        written = draft(Path(args.directory), args.article_id, output)
    except DraftingError as error:
        return fail(str(error))
    if written.problems:
        return refuse(
            "draft",
            written.problems,
            "fix the problems first, or move aside a draft that cannot be read",
        )
    print(
        f"wrote {written.claims}: {written.proposed} rows proposed, {written.kept} kept from before"
    )
    if written.sources is not None:
        listed = ", ".join(written.new_sources) or "none new"
        print(f"wrote {written.sources}: sources to add ({listed})")
    print(
        "review it in a spreadsheet: set status to accepted or rejected, rewrite each claim to "
        f"stand alone, then: factcheck merge {written.claims}"
    )
    return ExitCode.VALID


def _merge(args: argparse.Namespace) -> int:
    from factcheck.edits.merge import merge_draft

    merged = merge_draft(Path(args.directory), Path(args.file))
    if merged.problems:
        return refuse("merge", merged.problems, "fix the draft and merge it again")
    if not merged.claims and not merged.sources:
        print(f"nothing to merge: no row of {args.file} is marked accepted")
        return ExitCode.VALID
    print(
        f"merged {merged.claims} claims and {merged.sources} sources; "
        f"{merged.left} rows left in {args.file}"
    )
    return ExitCode.VALID


def _evaluate(args: argparse.Namespace) -> int:
    from factcheck.drafting.workflow import DraftingError, evaluate

    if args.split and not args.polnear:
        return fail("--split names a PolNeAR split: give --polnear DIR too")
    draft = Path(args.draft) if args.draft else None
    polnear = Path(args.polnear) if args.polnear else None
    try:
        evaluated = evaluate(
            Path(args.directory), args.article_id, draft, polnear, args.split or "dev"
        )
    except DraftingError as error:
        return fail(str(error))
    if evaluated.problems:
        return refuse("evaluate", evaluated.problems)
    sys.stdout.write(evaluated.report)
    return ExitCode.VALID


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
        return fail(f"internal error, please report it: {error!r}")


if __name__ == "__main__":
    sys.exit(main())
