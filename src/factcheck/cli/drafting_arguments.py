"""The commands that bring in a new article: add-article, draft, merge and evaluate, their
arguments and help (the grammar they share with every command is `grammar`'s)."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.cli import commands, grammar
from factcheck.drafting.polnear import SPLITS


def add_drafting_commands(subcommands: Any) -> None:
    """add-article, draft, merge and evaluate: bringing in a new article; and drafter
    train."""
    add = grammar.command(
        subcommands,
        "add-article",
        help="store a new article's text and its row in articles.csv",
        description="Store FILE byte for byte as articles/ID.txt and add its row, with the "
        "text's SHA-256, to articles.csv. Refuses an id or a text already in the dataset, and "
        "writes nothing unless the dataset then validates. Each option fills the column of "
        "articles.csv it is named after.",
    )
    add.add_argument(
        "article_id",
        metavar="ID",
        type=grammar.article_id,
        help="the new article id: lower-case letters and digits in words joined by single "
        "hyphens, e.g. 2026-01-08-missile-launch; it names the text file",
    )
    add.add_argument("file", metavar="FILE", help="the article's text, UTF-8")
    add.add_argument(
        "--published-on", required=True, metavar="DATE", help="publication date, YYYY-MM-DD"
    )
    add.add_argument(
        "--title",
        help="the published headline (default: the text's first heading or sentence, "
        "recorded as the dataset's own title)",
    )
    add.add_argument(
        "--publisher-source",
        required=True,
        metavar="SOURCE",
        help="the outlet that published the article, for publisher_source_id: a source id, "
        "or a name or alias from sources.csv; a name not listed adds a publisher source",
    )
    add.add_argument("--url", help="the address of the published copy")
    add.add_argument("--language", default="en", help="ISO 639-1 code (default: %(default)s)")
    grammar.directory(add)
    add.set_defaults(run=commands.run_add_article)
    draft = grammar.command(
        subcommands,
        "draft",
        help="propose claim rows for an article, for review in a spreadsheet",
        description="Split the article into sentences and atomic clauses, find attribution "
        "cues and match their sources, and write the proposed rows as a draft CSV (status "
        "'draft'), with any new sources beside it. Drafting again keeps reviewed rows. The "
        "cues are found by the learned drafter when a model is installed ('factcheck drafter "
        "train') or named (--model), else by the rules; the output says which.",
    )
    draft.add_argument("article_id", metavar="ID", help="the article id")
    draft.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the draft file (default: drafts/ID.csv in the dataset's folder, where merge "
        "and drafting again find it); a FILE ending in .xlsx is a workbook",
    )
    draft.add_argument(
        "--xlsx",
        action="store_true",
        help="write the draft as a workbook, drafts/ID.xlsx: a sheet of claims and one of "
        "sources, with the drop-downs of factcheck export xlsx; merge reads it back",
    )
    _drafter_choice(draft)
    grammar.directory(draft)
    draft.set_defaults(run=commands.run_draft)
    merge = grammar.command(
        subcommands,
        "merge",
        help="move a draft's accepted rows into claims.csv and sources.csv",
        description="Move the rows marked 'accepted' in FILE (and in its .sources.csv) into "
        "the dataset, only if the whole dataset then validates; otherwise write nothing and "
        "report the problems as validate does.",
    )
    merge.add_argument(
        "file", metavar="FILE", help="the reviewed draft: a CSV file, or a workbook (.xlsx)"
    )
    grammar.directory(merge)
    merge.set_defaults(run=commands.run_merge)
    evaluate = grammar.command(
        subcommands,
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
    _drafter_choice(evaluate)
    grammar.directory(evaluate)
    evaluate.set_defaults(run=commands.run_evaluate)
    _add_drafter_command(subcommands)


def _drafter_choice(parser: argparse.ArgumentParser) -> None:
    """`--model FILE` or `--rules`: which drafter drafts (default: the model installed by
    `factcheck drafter train`, else the rules)."""
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--model",
        metavar="FILE",
        help="draft with the learned drafter's model in FILE (default: the model 'factcheck "
        "drafter train' installed, if there is one, else the rules)",
    )
    choice.add_argument(
        "--rules", action="store_true", help="draft with the rules, even if a model is installed"
    )


def _add_drafter_command(subcommands: Any) -> None:
    """drafter train: the learned drafter's model, from annotated articles."""
    drafter = grammar.command(
        subcommands,
        "drafter",
        help="train the learned drafter that factcheck draft uses",
        description="Train the learned drafter: a sequence model that tags sources, cues "
        "and contents, which factcheck draft then uses instead of the rules.",
        reports=False,
    )
    actions = drafter.add_subparsers(dest="drafter_action", required=True, metavar="ACTION")
    train = grammar.command(
        actions,
        "train",
        help="train a model on PolNeAR and/or the dataset's curated articles",
        description="Learn to tag attributions from the annotated articles of a PolNeAR "
        "checkout (--polnear) and/or the curated articles of the dataset (--dataset, with "
        "--dir), and write the model where factcheck draft finds it: the user's data folder, "
        "unless -o names a file. Nothing of the corpus or the model is written in the "
        "dataset's folder.",
        name="drafter train",
    )
    train.add_argument("--polnear", metavar="DIR", help="a local PolNeAR checkout to learn from")
    train.add_argument(
        "--split", choices=SPLITS, help="the PolNeAR split to learn from, with --polnear (train)"
    )
    train.add_argument(
        "--dataset",
        action="store_true",
        help="learn from the curated articles of the dataset in --dir too (alone, or with "
        "--polnear)",
    )
    train.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the model file to write (default: the user's data folder, where factcheck draft "
        "finds it)",
    )
    grammar.directory(train)
    train.set_defaults(run=commands.run_drafter_train)
