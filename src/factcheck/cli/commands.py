"""One handler per command: it takes the parsed arguments, calls one function of the
package that does the work, prints what comes back and returns the exit code. Problems that
stop a command, and errors, are printed by `output` on standard error; what a command
produces goes to standard output. The packages are imported inside each handler, so a
command pays only for what it runs (`validate` loads no export, site or spreadsheet code).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from factcheck import registry
from factcheck.cli.output import Reporting, fail, refuse, under, write_output
from factcheck.model.spreadsheets import DateOrder
from factcheck.problems import ExitCode, sort


def run_validate(args: argparse.Namespace) -> int:
    from factcheck.checks.engines import make_engine
    from factcheck.checks.engines.base import EngineUnavailable
    from factcheck.checks.texts import cores
    from factcheck.checks.validate import check_dataset

    try:
        engine = make_engine(args.engine, args.master)
        checked = check_dataset(
            args.directory,
            limit=args.limit or None,
            engine=engine,
            keep_tables=False,
            processes=cores(),
        )
    except (EngineUnavailable, ImportError) as error:  # no Java, no pyspark, an unread URI
        return fail(str(error))
    return Reporting.of(args).report(checked.problems, checked.total)


def run_format(args: argparse.Namespace) -> int:
    from factcheck.edits.formatting import format_dataset

    order = None if args.date_order is None else DateOrder.of(args.date_order)
    result = format_dataset(args.directory, check_only=args.check, date_order=order)
    if result.problems:
        note = ""
        if result.converted is not None:
            note = (
                "these are the problems of the dates as converted "
                f"(--date-order {result.converted}), not of the cells as saved"
            )
        return refuse(Reporting.of(args), result.problems, "fix the problems first", note)
    if args.check:  # a file to rewrite is what --check reports, as validate reports problems
        return Reporting.of(args).report(
            sort(
                registry.problem("format.check", name, departures=", ".join(reasons))
                for name, reasons in result.changed.items()
            )
        )
    for name, reasons in result.changed.items():
        print(f"rewrote {under(args.directory, name)} ({', '.join(reasons)})")
    if not result.changed:
        print("all files are already in the canonical dialect")
    return ExitCode.VALID


def run_site(args: argparse.Namespace) -> int:
    from factcheck.dataset import DatasetError
    from factcheck.exports.base import ExportError
    from factcheck.site.build import build_site_from

    try:
        files = build_site_from(
            Path(args.directory),
            args.reviewer_name,
            args.reviewer_url,
            corrections=args.corrections,
            contact=args.contact,
        )
    except ExportError as error:
        return fail(str(error))
    except DatasetError as error:
        return refuse(Reporting.of(args), error.problems)
    written = write_output(files, args.output)
    print(f"wrote {len(written)} files into {args.output}")
    return ExitCode.VALID


def run_summary(args: argparse.Namespace) -> int:
    from factcheck.analysis.summary import render
    from factcheck.dataset import DatasetError, load_dataset

    try:
        data = load_dataset(args.directory)
    except DatasetError as error:
        return refuse(Reporting.of(args), error.problems)
    sys.stdout.write(render(data))
    return ExitCode.VALID


def run_export(args: argparse.Namespace) -> int:
    from factcheck.dataset import DatasetError
    from factcheck.exports import formats
    from factcheck.exports.base import ExportError, Source

    chosen = formats()[args.export_format]
    options = {option.name: getattr(args, option.name) for option in chosen.options}
    try:
        output = chosen.render(Source(Path(args.directory)), **options)
    except DatasetError as error:
        return refuse(Reporting.of(args), error.problems)
    except ExportError as error:
        return fail(str(error))
    for path in write_output(output, args.output):
        print(f"wrote {path}")
    return ExitCode.VALID


def run_import_xlsx(args: argparse.Namespace) -> int:
    from factcheck.edits.xlsx_import import WorkbookUnreadable, import_workbook

    if not os.path.isfile(args.file):
        return fail(f"{args.file} is not a file")
    try:
        result = import_workbook(args.file, args.directory)
    except WorkbookUnreadable as error:
        return fail(str(error))
    if result.problems:
        return refuse(Reporting.of(args), result.problems, "fix the workbook and import it again")
    for name in result.changed:
        print(f"updated {under(args.directory, name)}")
    if not result.changed:
        print("no changes: the workbook matches the CSV files")
    return ExitCode.VALID


def run_add_article(args: argparse.Namespace) -> int:
    from factcheck.edits.add_article import ArticleInfo, add_article

    if not os.path.isfile(args.file):
        return fail(f"{args.file} is not a file")
    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        return fail(f"cannot read {args.file}: {error.strerror}")
    info = ArticleInfo(
        args.article_id,
        args.published_on,
        args.title,
        args.publisher_source,
        args.url,
        args.language,
    )
    added = add_article(Path(args.directory), data, info)
    if added.problems:
        return refuse(Reporting.of(args), added.problems)
    digest = added.row["text_sha256"]
    stored = Path(args.directory) / "articles" / f"{args.article_id}.txt"
    trimmed = (
        f"; {added.trimmed} bytes of line breaks at its end left out, as stored texts have none"
        if added.trimmed
        else ""
    )
    print(f"stored {stored} ({len(data) - added.trimmed} bytes, sha256 {digest}{trimmed})")
    print(
        f"added {args.article_id} to articles.csv, published by {added.row['publisher_source_id']}"
    )
    if added.new_source is not None:
        print(
            f"added source {added.new_source['source_id']} ({added.new_source['name']}) to "
            "sources.csv: give it a country and a description"
        )
    print(f"next: factcheck draft {args.article_id}{_in(args)}")
    return ExitCode.VALID


def run_draft(args: argparse.Namespace) -> int:
    from factcheck.drafting.workflow import DraftingError, draft

    output = Path(args.output) if args.output else None
    model = Path(args.model) if args.model else None
    try:
        written = draft(Path(args.directory), args.article_id, output, args.xlsx, model, args.rules)
    except DraftingError as error:
        return fail(str(error))
    if written.problems:
        return refuse(
            Reporting.of(args),
            written.problems,
            "fix the problems first, or move aside a draft that cannot be read",
        )
    print(
        f"wrote {written.claims}: {written.proposed} rows proposed by {written.drafter}, "
        f"{written.kept} kept from before"
    )
    if written.sources is not None:
        listed = ", ".join(written.new_sources) or "none new"
        where = "its sheet of sources" if written.sources == written.claims else written.sources
        print(f"wrote {where}: sources to add ({listed})")
    print(
        "review it in a spreadsheet: set status to accepted or rejected, rewrite each claim to "
        f"stand alone, then: factcheck merge {shlex.quote(str(written.claims))}{_in(args)}"
    )
    return ExitCode.VALID


def _in(args: argparse.Namespace) -> str:
    """The `--dir` a printed next command needs to act on the same dataset."""
    return "" if args.directory == "." else f" --dir {shlex.quote(args.directory)}"


def run_merge(args: argparse.Namespace) -> int:
    from factcheck.edits.merge import merge_draft
    from factcheck.reports import REPORTS

    merged = merge_draft(Path(args.directory), Path(args.file))
    if merged.problems:
        return refuse(Reporting.of(args), merged.problems, "fix the draft and merge it again")
    # in a format for machines the report is the output: what was done goes to standard error
    said = sys.stderr if REPORTS[args.format].machine else sys.stdout
    if not merged.claims and not merged.sources:
        print(f"nothing to merge: no row of {args.file} is marked accepted", file=said)
    else:
        claims, sources = under(args.directory, "claims.csv"), under(args.directory, "sources.csv")
        print(
            f"merged {merged.claims} claims into {claims} and {merged.sources} sources into "
            f"{sources}; {merged.left} rows left in {args.file}",
            file=said,
        )
    if merged.held:
        print(
            f"kept {merged.held} accepted sources in the draft's sources until a claim naming "
            "them is merged",
            file=said,
        )
    if merged.notices or said is sys.stderr:  # the notices: what is left to review
        return Reporting.of(args).report(sort(merged.notices))
    return ExitCode.VALID


def run_evaluate(args: argparse.Namespace) -> int:
    from factcheck.drafting.workflow import DraftingError, evaluate

    if args.split and not args.polnear:
        return fail("--split names a PolNeAR split: give --polnear DIR too")
    draft = Path(args.draft) if args.draft else None
    polnear = Path(args.polnear) if args.polnear else None
    model = Path(args.model) if args.model else None
    try:
        evaluated = evaluate(
            Path(args.directory),
            args.article_id,
            draft,
            polnear,
            args.split or "dev",
            model,
            args.rules,
        )
    except DraftingError as error:
        return fail(str(error))
    if evaluated.problems:
        return refuse(Reporting.of(args), evaluated.problems)
    sys.stdout.write(evaluated.report)
    return ExitCode.VALID


def run_drafter_train(args: argparse.Namespace) -> int:
    from factcheck.drafting.training import TrainingError, train_drafter

    if args.split and not args.polnear:
        return fail("--split names a PolNeAR split: give --polnear DIR too")
    if not args.polnear and not args.dataset:
        return fail("nothing to learn from: give --polnear DIR, --dataset, or both")
    polnear = Path(args.polnear) if args.polnear else None
    dataset = Path(args.directory) if args.dataset else None
    output = Path(args.output) if args.output else None
    try:
        trained = train_drafter(polnear, args.split or "train", dataset, output)
    except TrainingError as error:
        return fail(str(error))
    print(
        f"wrote {trained.path} ({trained.size / 1e6:.1f} MB): trained on {trained.corpus}, "
        f"{trained.paragraphs} paragraphs, in {trained.seconds:.0f} s"
    )
    print(trained.hint)
    return ExitCode.VALID
