"""Drafting an article of the dataset in a folder: what `factcheck draft` and `factcheck
evaluate` do between reading their arguments and printing.

The dataset's articles, sources and claims and the article's text are read as validation
reads them (`load_article`), so drafted spans count the characters validation counts. `draft`
writes a fresh draft of the article (`files`); `evaluate` scores a fresh draft, or a draft
file, against the article's curated claims (`evaluation`) and, when asked, the drafter on a
PolNeAR checkout (`benchmark`). Each returns what it did, or the problems that stopped it
(then nothing was written), and prints nothing. An article the dataset does not list, or a
PolNeAR checkout that cannot be read, raises `DraftingError`: there is nothing to draft.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from factcheck.drafting import benchmark
from factcheck.drafting.clauses import Draft
from factcheck.drafting.drafters import RULES, Drafter, choose
from factcheck.drafting.evaluation import compare
from factcheck.drafting.files import (
    Written,
    default_path,
    is_workbook,
    read_draft,
    rows_of,
    write_draft,
)
from factcheck.drafting.learned import ModelError
from factcheck.drafting.polnear import CorpusError
from factcheck.model.tables import article_path, spec_named
from factcheck.problems import Problem
from factcheck.storage.reader import read_article, read_tables

TABLES = ("articles", "sources", "claims")  # what drafting reads of the dataset


class DraftingError(Exception):
    """Drafting cannot run as asked (no such article, no PolNeAR checkout); the message says
    why."""


@dataclass(frozen=True)
class Article:
    """An article of the dataset as the drafter reads it, with the dataset's sources and
    claims as text: the sources its sources are matched against, the claims a draft must not
    repeat."""

    article_id: str
    text: str
    publisher: str  # its publisher's source id, the voice of what no cue attributes
    sources: pd.DataFrame
    claims: pd.DataFrame

    def drafted(self, drafter: Drafter = RULES) -> Draft:
        """A fresh draft of the article by `drafter`."""
        return drafter.draft(self.text, self.article_id, self.publisher, self.sources)

    def curated(self) -> pd.DataFrame:
        """The article's rows of claims.csv."""
        return self.claims[self.claims["article_id"] == self.article_id]


def load_article(root: Path, article_id: str) -> tuple[Article | None, list[Problem]]:
    """The article `article_id` of the dataset in `root`; or None and the fatal problems of
    a table or of the text that cannot be read. Raises `DraftingError` when the dataset does
    not list the article."""
    tables, problems = read_tables(root, [spec_named(name) for name in TABLES])
    if problems:
        return None, problems
    articles = tables["articles"]
    row = articles[articles["article_id"] == article_id]
    if row.empty:
        raise DraftingError(f"no article {article_id!r}: add it first with factcheck add-article")
    name = article_path(article_id)
    text, problem = read_article(root / name, name)
    if text is None:
        assert problem is not None
        return None, [problem]
    publisher = str(row["publisher_source_id"].iat[0])
    return Article(article_id, text, publisher, tables["sources"], tables["claims"]), []


def drafter(model: Path | None = None, rules: bool = False) -> Drafter:
    """The drafter asked for (see `drafters.choose`); a model that cannot be used raises
    `DraftingError`, saying why in one line."""
    try:
        return choose(model, rules)
    except ModelError as error:
        raise DraftingError(str(error)) from error


def draft(
    root: Path,
    article_id: str,
    output: Path | None = None,
    workbook: bool = False,
    model: Path | None = None,
    rules: bool = False,
) -> Written:
    """Draft the article afresh into `output` (default: `drafts/<id>.csv` under `root`, or
    with `workbook` `drafts/<id>.xlsx`; an `output` ending in .xlsx is a workbook too),
    keeping the reviewed and edited rows of a draft already there, with the drafter asked
    for (`model`, `rules`: see `drafter`). Its `problems` say why nothing was written."""
    if workbook and output is not None and not is_workbook(output):
        # asked for a workbook and named a CSV file: which was meant cannot be told
        raise DraftingError(f"--xlsx writes a workbook: name it FILE.xlsx, not {output}")
    path = output or default_path(root, article_id, workbook)
    chosen = drafter(model, rules)
    article, problems = load_article(root, article_id)
    if article is None:
        return Written(path, None, problems=problems, drafter=chosen.describe())
    written = write_draft(article.drafted(chosen), path, article.claims, article.sources)
    written.drafter = chosen.describe()
    return written


@dataclass
class Evaluated:
    """How a draft compares with the curated claims, as a report to read; or the problems
    that stopped the comparison."""

    report: str = ""
    problems: list[Problem] = field(default_factory=list)


def evaluate(
    root: Path,
    article_id: str,
    draft_file: Path | None = None,
    polnear: Path | None = None,
    split: str = "dev",
    model: Path | None = None,
    rules: bool = False,
) -> Evaluated:
    """Compare a fresh draft of the article by the drafter asked for (`model`, `rules`: see
    `drafter`), or the rows of `draft_file` for it, with its curated claims; with `polnear`,
    a PolNeAR checkout, also score the drafter on its `split`."""
    chosen = drafter(model, rules)
    article, problems = load_article(root, article_id)
    if article is None:
        return Evaluated(problems=problems)
    if draft_file is None:
        drafted = rows_of(article.drafted(chosen))
    else:
        read, problems = read_draft(draft_file, "claims")
        if read is None:
            return Evaluated(problems=problems)
        drafted = read[read["article_id"] == article_id]
    report = compare(article.curated(), drafted).render(article_id)
    if draft_file is None:  # the first line says who drafted
        first, rest = report.split("\n", 1)
        report = f"{first}, by {chosen.describe()}\n{rest}"
    if polnear is not None:
        report += "\n" + polnear_report(polnear, split, chosen)
    return Evaluated(report)


def polnear_report(root: Path, split: str, chosen: Drafter = RULES) -> str:
    """The figures of the `chosen` drafter on `split` of the PolNeAR checkout at `root`."""
    try:
        tally, seconds = benchmark.measure(root, split, chosen)
    except CorpusError as error:
        raise DraftingError(str(error)) from error
    first, rest = benchmark.render(tally, f"PolNeAR {split}", seconds).split("\n", 1)
    return f"{first}, by {chosen.describe()}\n{rest}"
