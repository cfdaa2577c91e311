"""The one way to read the dataset for analysis: validated tables with proper dtypes.

`load_dataset` runs the same checks as `factcheck validate` and refuses invalid data with
`DatasetInvalid` (or `DatasetUnreadable` when a file cannot be read at all), so an analysis
never starts from rows that break a rule. Column dtypes follow each field's `dtype` in the
schemas: enums become ordered-by-definition categoricals, offsets nullable `Int64`, dates
`datetime64[ns]`, flags nullable `boolean`, text pandas strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from factcheck.checks.validate import Checked, check_dataset
from factcheck.model import notation
from factcheck.model.schemas import allowed_values
from factcheck.model.spreadsheets import canonical_boolean
from factcheck.model.tables import TABLES, TableSpec
from factcheck.problems import Problem, blocking


class DatasetError(Exception):
    """The dataset cannot be loaded; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(p.to_text() for p in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the dataset:\n{shown}{more}")


class DatasetUnreadable(DatasetError):
    """A file is missing, unreadable, not CSV, or lacks a column the checks need."""


class DatasetInvalid(DatasetError):
    """Every file was read, but the data breaks rules."""


@dataclass(frozen=True)
class Dataset:
    """The validated tables, and each article's text by article_id.

    Each table has one row per row of its CSV file, in the file's order, and the columns
    the data dictionary (docs/data-dictionary.md) describes, with analysis dtypes.

    Attributes:
        articles: one row per article: article_id, title and title_origin (categorical:
            whether the title is the published headline), publisher_source_id (a source),
            url, published_on (datetime64), language, and text_sha256 (of its text file).
        sources: one row per source a claim is attributed to, the publisher included:
            source_id, name, aliases (' | ' between them), kind (categorical), country,
            state_controlled (nullable boolean) and a one-line description.
        claims: one row per claim: claim_id, the article_id it is taken from, its exact
            span (span_start and span_end, Int64 offsets in code points) and quote, the
            claim restated, claim_type and certainty (categoricals) with the certainty_cue,
            its attribution chain and attribution_cue words, when it happened, and its
            fact-check: verdict and attribution_check (categoricals), verdict_rationale
            and attribution_rationale, reviewed_on (datetime64). The verdict, its
            rationale, the attribution check and reviewed_on are empty together while the
            claim awaits its fact-check.
        evidence: one row per piece of evidence: evidence_id, the claim_id it bears on,
            bears_on (content or attribution) and stance (categoricals), the page's url,
            publisher and originator, published_on (datetime64), and a summary in our own
            words.
        texts: each article's text by article_id, exactly as stored; the claims' spans
            index into it.
    """

    articles: pd.DataFrame
    sources: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    texts: Mapping[str, str]

    def source_names(self) -> dict[str, str]:
        """Each source's name by its id, in the table's order."""
        pairs = zip(self.sources["source_id"], self.sources["name"], strict=True)
        return {str(source_id): str(name) for source_id, name in pairs}

    def attributions(self) -> pd.DataFrame:
        """The claims' attribution chains in long form: one row per claim and source.

        `depth` 0 is the publisher; `cue` is the word that introduces that level (none for
        the publisher); `joint` is true where several sources speak together at one level.
        """
        records = [
            {
                "claim_id": claim_id,
                "depth": link.depth,
                "source_id": source_id,
                "cue": link.cue,
                "joint": len(link.source_ids) > 1,
            }
            for claim_id, chain, cue in zip(
                self.claims["claim_id"],
                self.claims["attribution"],
                self.claims["attribution_cue"],
                strict=True,
            )
            for link in notation.links(chain, None if pd.isna(cue) else cue)
            for source_id in link.source_ids
        ]
        frame = pd.DataFrame(records, columns=["claim_id", "depth", "source_id", "cue", "joint"])
        return frame.astype({"depth": "Int64", "joint": "boolean", "cue": "str"})


def load_dataset(path: str | Path = ".") -> Dataset:
    """Validate the dataset in `path` and return its tables with analysis dtypes.

    `path` is the folder holding articles.csv, sources.csv, claims.csv, evidence.csv and
    articles/ (the current directory by default). Every rule `factcheck validate` checks is
    checked first: a file that cannot be read raises `DatasetUnreadable`, data that breaks
    a rule `DatasetInvalid`, each with `.problems` saying where (file, row, column) and why.

    The tables come back as a `Dataset` of pandas DataFrames: `articles`, `sources`,
    `claims`, `evidence` (see `Dataset` for what each holds), and `texts`, each article's
    text. Vocabulary columns are categoricals, offsets nullable Int64, dates datetime64,
    flags nullable boolean, other text pandas strings.

    >>> data = factcheck.load_dataset(".")                # doctest: +SKIP
    >>> data.claims.groupby("verdict", observed=True).size()  # doctest: +SKIP
    """
    checked = check_dataset(path)
    refuse_blocking(checked.problems)
    return dataset_from(checked)


def refuse_blocking(problems: list[Problem]) -> None:
    """Raise `DatasetUnreadable` or `DatasetInvalid` if any problem makes the data unusable."""
    found = blocking(problems)
    if found:
        fatal = any(p.fatal for p in found)
        raise (DatasetUnreadable if fatal else DatasetInvalid)(found)


def dataset_from(checked: Checked) -> Dataset:
    """The tables of a validation run that found no blocking problem, with analysis dtypes."""
    tables = {spec.name: typed(spec, checked.tables[spec.name]) for spec in TABLES}
    texts = {aid: checked.texts.get(aid, "") for aid in tables["articles"]["article_id"]}
    return Dataset(
        tables["articles"], tables["sources"], tables["claims"], tables["evidence"], texts
    )


def typed(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """A validated table's columns converted to the dtypes its schema documents."""
    columns = {}
    for name, column in spec.schema.columns.items():
        values = frame[name]
        dtype = column.metadata["dtype"]
        if dtype == "category":
            columns[name] = pd.Categorical(values, categories=allowed_values(column))
        elif dtype == "Int64":
            columns[name] = pd.to_numeric(values).astype("Int64")
        elif dtype == "boolean":
            spelled = values.map(canonical_boolean, na_action="ignore")  # TRUE, from a spreadsheet
            columns[name] = spelled.map({"true": True, "false": False}).astype("boolean")
        elif dtype == "date":
            columns[name] = pd.to_datetime(values, format="%Y-%m-%d").astype("datetime64[ns]")
        else:
            columns[name] = values.astype("str")
    return pd.DataFrame(columns, index=frame.index)
