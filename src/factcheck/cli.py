"""The `factcheck` command line.

`factcheck validate [DIR] [--format text|json]` checks the dataset in DIR (default: the
current directory) and exits 0 when it is valid, 1 when the data breaks rules and 2 when it
cannot be checked. It reads the files and never writes them. Bad data never produces a
traceback: a failure of the tool itself is reported in one line (set FACTCHECK_DEBUG=1 for
the traceback) and exits 2.

A new article comes in through `add-article`, `draft`, `merge` and `evaluate` (see the
README's "Bringing in a new article"); each that writes validates first and writes nothing
when the dataset would not validate.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import zipfile
from collections.abc import Sequence
from typing import Any

from factcheck.problems import ExitCode

DEFAULT_LIMIT = 100  # problems listed per rule; a million bad cells stay a readable report


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
    validate.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help="list at most N problems of each rule, then how many more it found "
        "(default: %(default)s; 0 lists them all)",
    )
    validate.add_argument(
        "--block-mib",
        type=_not_negative,
        default=None,
        metavar="N",
        help="read claims and evidence N MiB at a time, so memory stays flat however large "
        "they are; the problems found are the same (default: blocks of 16 MiB once the two "
        "files pass 256 MiB; 0 reads them whole)",
    )
    validate.set_defaults(run=_validate)
    fmt = commands.add_parser(
        "format",
        help="rewrite the CSV files in the canonical dialect, never changing a cell",
        description="Rewrite the dataset's CSV files in the canonical dialect (UTF-8, RFC 4180 "
        "quoting, \\n line endings, schema column order, rows by primary key). Validates first "
        "and writes nothing if the data breaks a rule.",
    )
    fmt.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
    fmt.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any file would be rewritten"
    )
    fmt.set_defaults(run=_format)
    summary = commands.add_parser(
        "summary",
        help="counts by source, claim type and verdict, and the claims that are not supported",
    )
    summary.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
    summary.set_defaults(run=_summary)
    export = commands.add_parser("export", help="write the dataset in a standard format")
    formats = export.add_subparsers(dest="format", required=True, metavar="FORMAT")
    claimreview = formats.add_parser(
        "claimreview",
        help="schema.org ClaimReview JSON-LD, one review per checked claim",
        description="Write one schema.org ClaimReview per claim whose verdict is not "
        "not_checkable, as a JSON-LD document.",
    )
    claimreview.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
    claimreview.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    claimreview.add_argument(
        "--publisher-name",
        required=True,
        metavar="NAME",
        help="the reviewing organisation, the author of every review",
    )
    claimreview.add_argument(
        "--publisher-url", required=True, metavar="URL", help="the reviewing organisation's address"
    )
    claimreview.add_argument(
        "--review-url",
        metavar="TEMPLATE",
        default="{publisher_url}#{claim_id}",
        help="each review's page, with {claim_id} and {publisher_url} filled in "
        "(default: %(default)s)",
    )
    claimreview.set_defaults(run=_export_claimreview)
    package = formats.add_parser(
        "datapackage",
        help="a Frictionless Data Package descriptor generated from the schemas",
    )
    package.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    package.set_defaults(run=_export_datapackage)
    parquet = formats.add_parser(
        "parquet", help="one Parquet file per table, with the loader's dtypes"
    )
    parquet.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
    parquet.add_argument(
        "-o",
        "--output",
        metavar="OUTDIR",
        default="parquet",
        help="the directory to write into (default: %(default)s)",
    )
    parquet.set_defaults(run=_export_parquet)
    xlsx = formats.add_parser(
        "xlsx",
        help="an Excel workbook: one sheet per table, drop-downs, and a sheet of column docs",
    )
    xlsx.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
    xlsx.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="factcheck-dataset.xlsx",
        help="the workbook to write (default: %(default)s)",
    )
    xlsx.set_defaults(run=_export_xlsx)
    importer = commands.add_parser("import", help="bring edited data back into the CSV files")
    sources = importer.add_subparsers(dest="format", required=True, metavar="FORMAT")
    from_xlsx = sources.add_parser(
        "xlsx",
        help="an edited workbook from 'factcheck export xlsx'; written only if it validates",
    )
    from_xlsx.add_argument("file", metavar="FILE", help="the edited workbook")
    from_xlsx.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="the dataset directory (default: the current directory)",
    )
    from_xlsx.set_defaults(run=_import_xlsx)
    _add_drafting_commands(commands)
    dictionary = commands.add_parser(
        "dictionary",
        help="print the data dictionary generated from the schemas (Markdown)",
    )
    dictionary.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    dictionary.set_defaults(run=_dictionary)
    return parser


def _directory(parser: argparse.ArgumentParser) -> None:
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
    _directory(evaluate)
    evaluate.set_defaults(run=_evaluate)


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _validate(args: argparse.Namespace) -> int:
    from factcheck.checks.validate import check_dataset
    from factcheck.problems import exit_code, render_text, write_json

    size = None if args.block_mib is None else args.block_mib * 2**20  # None: by file size
    checked = check_dataset(args.directory, limit=args.limit or None, block_size=size)
    if args.format == "json":
        write_json(checked.problems, sys.stdout)
    else:
        print(render_text(checked.problems, checked.total))
    return exit_code(checked.problems)


def _load(directory: str) -> tuple[Any, int]:
    """The validated dataset, or None and the exit code after printing why not."""
    from factcheck.dataset import DatasetError, load_dataset
    from factcheck.problems import exit_code, render_text

    try:
        return load_dataset(directory), ExitCode.VALID
    except DatasetError as error:
        print(render_text(error.problems), file=sys.stderr)
        return None, exit_code(error.problems)


def _format(args: argparse.Namespace) -> int:
    from factcheck.edits.formatting import format_dataset
    from factcheck.problems import exit_code, render_text

    result = format_dataset(args.directory, check_only=args.check)
    if result.problems:
        print(render_text(result.problems), file=sys.stderr)
        print("factcheck format: nothing written; fix the problems first", file=sys.stderr)
        return exit_code(result.problems)
    verb = "would rewrite" if args.check else "rewrote"
    for name, reasons in result.changed.items():
        print(f"{verb} {name} ({', '.join(reasons)})")
    if not result.changed:
        print("all files are already in the canonical dialect")
    return ExitCode.INVALID if args.check and result.changed else ExitCode.VALID


def _summary(args: argparse.Namespace) -> int:
    from factcheck.analysis.summary import render

    data, code = _load(args.directory)
    if data is not None:
        sys.stdout.write(render(data))
    return code


def _export_claimreview(args: argparse.Namespace) -> int:
    import json

    from factcheck.exports.claimreview import claim_reviews

    if not re.match(r"^https?://[^\s/]+", args.publisher_url):
        print("factcheck: --publisher-url must be an absolute http(s) address", file=sys.stderr)
        return ExitCode.CANNOT_RUN
    data, code = _load(args.directory)
    if data is None:
        return code
    document = claim_reviews(data, args.publisher_name, args.publisher_url, args.review_url)
    _write(json.dumps(document, ensure_ascii=False, indent=2) + "\n", args.output)
    return ExitCode.VALID


def _export_datapackage(args: argparse.Namespace) -> int:
    from factcheck.exports.datapackage import render

    _write(render(), args.output)
    return ExitCode.VALID


def _export_parquet(args: argparse.Namespace) -> int:
    from factcheck.exports.parquet import export_tables

    data, code = _load(args.directory)
    if data is None:
        return code
    for path in export_tables(data, args.output):
        print(f"wrote {path}")
    return ExitCode.VALID


def _export_xlsx(args: argparse.Namespace) -> int:
    from factcheck.exports.xlsx import export_workbook

    data, code = _load(args.directory)  # validates, and prints the problems if any
    if data is None:
        return code
    export_workbook(args.directory, args.output)
    print(f"wrote {args.output}")
    return ExitCode.VALID


def _import_xlsx(args: argparse.Namespace) -> int:
    from factcheck.exports.xlsx import import_workbook
    from factcheck.problems import exit_code, render_text

    if not os.path.isfile(args.file):
        print(f"factcheck: {args.file} is not a file", file=sys.stderr)
        return ExitCode.CANNOT_RUN
    try:
        result = import_workbook(args.file, args.directory)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:  # not a workbook
        print(f"factcheck: {args.file} cannot be read as a workbook: {error}", file=sys.stderr)
        return ExitCode.CANNOT_RUN
    if result.problems:
        print(render_text(result.problems))
        print(
            "factcheck import: nothing written; fix the workbook and import it again",
            file=sys.stderr,
        )
        return exit_code(result.problems)
    for name in result.changed:
        print(f"updated {name}")
    if not result.changed:
        print("no changes: the workbook matches the CSV files")
    return ExitCode.VALID


def _add_article(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.edits.add_article import ArticleInfo, add_article
    from factcheck.problems import exit_code, render_text

    if not os.path.isfile(args.file):
        print(f"factcheck: {args.file} is not a file", file=sys.stderr)
        return ExitCode.CANNOT_RUN
    with open(args.file, "rb") as handle:
        data = handle.read()
    info = ArticleInfo(
        args.article_id, args.published, args.title, args.outlet, args.url, args.language
    )
    added = add_article(Path(args.directory), data, info)
    if added.problems:
        print(render_text(added.problems))
        print("factcheck add-article: nothing written", file=sys.stderr)
        return exit_code(added.problems)
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


def _tables(directory: str) -> tuple[Any, ...]:
    from pathlib import Path

    from factcheck.storage.reader import read_cells

    root = Path(directory)
    return tuple(read_cells(root / f"{name}.csv") for name in ("articles", "sources", "claims"))


def _article(directory: str, article_id: str) -> tuple[str, str] | None:
    """The article's text and publisher, or None after saying why not."""
    from pathlib import Path

    from factcheck.checks.rules import article_path

    articles, _, _ = _tables(directory)
    row = articles[articles["article_id"] == article_id]
    path = Path(directory) / article_path(article_id)
    if row.empty or not path.is_file():
        print(
            f"factcheck: no article {article_id!r}: add it first with factcheck add-article",
            file=sys.stderr,
        )
        return None
    return path.read_bytes().decode("utf-8"), str(row["publisher_source_id"].iat[0])


def _drafted(args: argparse.Namespace) -> tuple[Any, Any, Any] | None:
    """A fresh draft of the article `args` names, with the dataset's claims and sources;
    None after saying why there is none."""
    from factcheck.drafting.clauses import draft_article

    found = _article(args.directory, args.article_id)
    if found is None:
        return None
    text, publisher = found
    _, sources, claims = _tables(args.directory)
    return draft_article(text, args.article_id, publisher, sources), claims, sources


def _draft(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.drafting.files import default_path, write_draft

    drafted = _drafted(args)
    if drafted is None:
        return ExitCode.CANNOT_RUN
    draft, claims, sources = drafted
    path = Path(args.output) if args.output else default_path(Path(args.directory), args.article_id)
    written = write_draft(draft, path, claims, sources)
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
    from pathlib import Path

    from factcheck.edits.merge import merge_draft
    from factcheck.problems import exit_code, render_text

    merged = merge_draft(Path(args.directory), Path(args.file))
    if merged.problems:
        print(render_text(merged.problems))
        print("factcheck merge: nothing written; fix the draft and merge it again", file=sys.stderr)
        return exit_code(merged.problems)
    if not merged.claims and not merged.sources:
        print(f"nothing to merge: no row of {args.file} is marked accepted")
        return ExitCode.VALID
    print(
        f"merged {merged.claims} claims and {merged.sources} sources; "
        f"{merged.left} rows left in {args.file}"
    )
    return ExitCode.VALID


def _evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.drafting.evaluation import compare
    from factcheck.drafting.files import rows_of
    from factcheck.storage.reader import read_cells

    fresh = _drafted(args)
    if fresh is None:
        return ExitCode.CANNOT_RUN
    draft, claims, _ = fresh
    if args.draft:
        drafted = read_cells(Path(args.draft))
        drafted = drafted[drafted["article_id"] == args.article_id]
    else:
        drafted = rows_of(draft)
    curated = claims[claims["article_id"] == args.article_id]
    sys.stdout.write(compare(curated, drafted).render(args.article_id))
    return ExitCode.VALID


def _write(content: str, output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    else:
        sys.stdout.write(content)


def _dictionary(args: argparse.Namespace) -> int:
    from factcheck.exports.dictionary import render

    _write(render(), args.output)
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
