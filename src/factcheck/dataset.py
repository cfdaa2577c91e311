"""The one way to read the dataset for analysis: validated tables with proper dtypes.

`load_dataset()` loads the dataset released with the package (`bundled_path()`), or the
folder it is given. It runs the same checks as `factcheck validate` and refuses invalid data
with `DatasetInvalid` (or `DatasetUnreadable` when a file cannot be read at all), so an
analysis never starts from rows that break a rule. Column dtypes follow each field's `dtype`
in the schemas: enums become ordered-by-definition categoricals, offsets nullable `Int64`,
dates `datetime64[ns]`, flags nullable `boolean`, text pandas strings. With
`validate=False` it opens a copy that breaks rules, for repair: every cell as text, and the
problems found alongside.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from factcheck.checks.validate import Checked, check_dataset
from factcheck.model import notation
from factcheck.model.schemas import allowed_values
from factcheck.model.spreadsheets import canonical_boolean
from factcheck.model.tables import TABLES, TableSpec
from factcheck.model.vocabularies import BearsOn, Stance
from factcheck.model.when import PRECISIONS, parse_when
from factcheck.problems import Problem, blocking
from factcheck.storage.bundled import INSTALLED, bundled_path
from factcheck.storage.folders import is_remote
from factcheck.storage.reader import parse

_SHOWN = 20  # problems an error's message lists; `problems` holds them all


class DatasetError(Exception):
    """The dataset cannot be loaded.

    Its message names the folder looked in (an absolute path) and lists the first problems,
    one a line, each located by file, spreadsheet row and column, as `factcheck validate`
    prints them.

    Attributes:
        problems: every problem that stopped the loading, as `factcheck.problems.Problem`
            records (file, row, column, value, rule, message, severity).
        folder: the folder looked in, absolute (or the URI given); None if not known.
    """

    def __init__(self, problems: list[Problem], folder: str | Path | None = None) -> None:
        self.problems = problems
        self.folder = None if folder is None else named_folder(folder)
        shown = "\n".join(p.to_text() for p in problems[:_SHOWN])
        more = f"\n… and {len(problems) - _SHOWN} more" if len(problems) > _SHOWN else ""
        where = "" if self.folder is None else f" folder {self.folder}"
        super().__init__(f"{len(problems)} problem(s) in the dataset{where}:\n{shown}{more}")


class DatasetUnreadable(DatasetError):
    """A file is missing, unreadable, not CSV, or lacks a column the checks need; or the
    folder itself is not there."""


class DatasetInvalid(DatasetError):
    """Every file was read, but the data breaks rules."""


def named_folder(folder: str | Path) -> str:
    """A folder as an error names it: a local one as an absolute path, a URI as given."""
    return str(folder) if is_remote(str(folder)) else str(Path(folder).absolute())


@dataclass(frozen=True, repr=False)
class Dataset:
    """The dataset's tables, and each article's text by article_id.

    Each table has one row per row of its CSV file, in the file's order. Loaded with
    validation (the default), a table has the columns the data dictionary
    (docs/data-dictionary.md) describes, with analysis dtypes. Loaded with
    `validate=False`, each table has the columns its file has, in its order, and every
    cell is text as read (pandas `str`; an empty cell is missing).

    Attributes:
        articles: one row per article: article_id, title, title_origin (categorical),
            publisher_source_id (a source), url, published_on (datetime64), language,
            text_sha256 (of its text file), review_state and its assessment: rating (both
            categorical), assessment, key_findings, reviewed_by, reviewed_on, updated_on.
        sources: one row per source a claim is attributed to, the publisher included:
            source_id, name, aliases (' | ' between them), kind (categorical), country,
            state_controlled (nullable boolean) and a one-line description.
        claims: one row per claim: claim_id, the article_id it is taken from, its exact
            span (span_start and span_end, Int64 offsets in code points) and quote, the
            claim restated, claim_type and certainty (categoricals) with the certainty_cue,
            its attribution chain and attribution_cue words, when it happened (a string in
            the `when` notation; `when_bounds()` parses it), and its fact-check: verdict
            and attribution_check (categoricals), verdict_rationale and
            attribution_rationale, reviewed_on (datetime64). The verdict, its rationale,
            the attribution check and reviewed_on are empty together while the claim awaits
            its fact-check.
        evidence: one row per piece of evidence: evidence_id, the claim_id it bears on,
            bears_on (content or attribution) and stance (categoricals), the page's url,
            publisher and originator, published_on (datetime64), and a summary in our own
            words.
        texts: each article's text by article_id, exactly as stored; the claims' spans
            index into it.
        folder: the folder the files were read from, as an absolute path; None for a
            Dataset made otherwise.
        problems: what the checks found. Validated, only notices (a file outside the
            canonical CSV dialect, say), since anything else refuses the data; with
            `validate=False`, every problem found, fatal ones included.
        validated: whether the tables passed every check and carry analysis dtypes.
    """

    articles: pd.DataFrame
    sources: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    texts: Mapping[str, str]
    folder: Path | None = None
    problems: tuple[Problem, ...] = ()
    validated: bool = True

    def __repr__(self) -> str:
        state = "" if self.validated else f", not validated, {len(self.problems)} problem(s)"
        counts = ", ".join(f"{name} {rows}" for name, rows in self._counts())
        return f"Dataset({self._origin()}{state}): {counts}"

    def _repr_html_(self) -> str:
        """A small table for Jupyter: each table's rows and columns, under where it is from."""
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{count}</td><td>{columns}</td></tr>"
            for (name, count), columns in zip(self._counts(), self._widths(), strict=True)
        )
        state = "validated" if self.validated else f"not validated, {len(self.problems)} problem(s)"
        return (
            f"<table><caption>factcheck dataset: {html.escape(self._origin())} "
            f"({html.escape(state)})</caption>"
            "<thead><tr><th>table</th><th>rows</th><th>columns</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )

    def _origin(self) -> str:
        if self.folder is None:
            return "in memory"
        if self.folder == INSTALLED:
            from factcheck.version import __version__

            return f"bundled release {__version__} at {str(self.folder)!r}"
        return repr(str(self.folder))

    def _counts(self) -> list[tuple[str, int]]:
        return [(spec.name, len(getattr(self, spec.name))) for spec in TABLES] + [
            ("texts", len(self.texts))
        ]

    def _widths(self) -> list[int | str]:
        return [len(getattr(self, spec.name).columns) for spec in TABLES] + [""]

    def source_names(self) -> dict[str, str]:
        """Each source's name by its id, in the table's order."""
        pairs = zip(self.sources["source_id"], self.sources["name"], strict=True)
        return {str(source_id): str(name) for source_id, name in pairs}

    def attributions(self) -> pd.DataFrame:
        """The claims' attribution chains in long form: one row per claim and source.

        Returns:
            A frame with columns claim_id; depth (Int64: 0 is the publisher, each level of
            the chain one more); source_id; cue (the word that introduces that level, none
            for the publisher); joint (boolean: several sources speak together at that
            level). Claims in the order of the table, each chain outermost first.

        Raises:
            ValueError: a claim has no attribution (only on a dataset loaded with
                `validate=False`).
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
            for link in notation.links(_chain(claim_id, chain), None if pd.isna(cue) else cue)
            for source_id in link.source_ids
        ]
        frame = pd.DataFrame(records, columns=["claim_id", "depth", "source_id", "cue", "joint"])
        return frame.astype({"depth": "Int64", "joint": "boolean", "cue": "str"})

    def original_sources(self) -> pd.DataFrame:
        """Each claim's original source: the last link of its attribution chain.

        A claim in the publisher's own voice has the publisher as its original source
        (depth 0). Where the last link is joint (`A > B + C`), the claim has one row for
        each of its sources, marked `joint`: count claims per source with
        `original_sources()["source_id"].value_counts()`, or keep one row per claim with
        `.groupby("claim_id")["source_id"].agg(" + ".join)`.

        Returns:
            The rows of `attributions()` at each claim's deepest level: columns claim_id,
            depth, source_id, cue, joint, in the claims' order.

        Raises:
            ValueError: as `attributions()`.
        """
        links = self.attributions()
        deepest = links.groupby("claim_id", sort=False)["depth"].transform("max")
        return links[links["depth"] == deepest].reset_index(drop=True)

    def independent_publishers(self) -> pd.DataFrame:
        """The publishers each claim's verdict rests on, as `claims.verdict.*_independent_*`
        rules count them: of content evidence for or against it, a page's originator in place
        of its own, each story once. Columns: claim_id, publishers, names (a sorted tuple)."""
        evidence, sides = self.evidence, [Stance.SUPPORTS.value, Stance.REFUTES.value]
        content = evidence[
            evidence["stance"].isin(sides) & (evidence["bears_on"] == BearsOn.CONTENT.value)
        ]
        named: dict[str, set[str]] = {}
        who = content["originator"].fillna(content["publisher"])
        for claim_id, name in zip(content["claim_id"], who, strict=True):
            if not (pd.isna(claim_id) or pd.isna(name)):
                named.setdefault(str(claim_id), set()).add(str(name))
        found = [tuple(sorted(named.get(str(c), ()))) for c in self.claims["claim_id"]]
        frame = pd.DataFrame({"claim_id": self.claims["claim_id"].to_numpy()})
        frame["publishers"] = [len(n) for n in found]
        frame["names"] = pd.Series(found, dtype=object)
        return frame

    def when_bounds(self) -> pd.DataFrame:
        """The first and last day each claim's `when` covers, parsed from its notation.

        `2019-06` covers 2019-06-01 to 2019-06-30, `2023` the whole year, and an interval
        `2018-03/2019-01` 2018-03-01 to 2019-01-31 (see `factcheck.model.when`). The
        claims table keeps `when` as written.

        Returns:
            One row per claim, in the table's order: claim_id; when_start and when_end
            (datetime64[ns], both days included; NaT where `when` is empty, or does not
            parse in a dataset loaded with `validate=False`); when_precision (categorical
            year, month or day: the coarser of its two ends).
        """
        periods = [_period(value) for value in self.claims["when"]]
        return pd.DataFrame(
            {
                "claim_id": self.claims["claim_id"].to_numpy(),
                "when_start": _days([p[0] if p else None for p in periods]),
                "when_end": _days([p[1] if p else None for p in periods]),
                "when_precision": pd.Categorical(
                    [p[2] if p else None for p in periods], categories=list(PRECISIONS)
                ),
            }
        )


def _chain(claim_id: object, chain: object) -> str:
    if not isinstance(chain, str):
        raise ValueError(f"claim {claim_id} has no attribution")
    return chain


def _period(value: object) -> tuple[date, date, str] | None:
    if not isinstance(value, str):
        return None
    try:
        found = parse_when(value)
    except ValueError:
        return None
    return found.start, found.end, found.precision


def _days(days: list[date | None]) -> pd.Series:
    return pd.Series(days, dtype="object").astype("datetime64[ns]")


def load_dataset(path: str | Path | None = None, validate: bool = True) -> Dataset:
    """Load the dataset in `path`, by default the one released with this package.

    Args:
        path: the folder holding articles.csv, sources.csv, claims.csv, evidence.csv and
            articles/. None (the default) loads the dataset released with the package,
            `bundled_path()`: the copy inside an installed wheel, or the checkout's own
            files in a checkout or an editable install. `"."` loads the current directory.
        validate: run every rule `factcheck validate` checks first and refuse data that
            breaks one (the default). False opens a copy that breaks rules, for repair:
            nothing is refused but a folder that is not there, each table comes back with
            the columns of its file and every cell as text, as read (pandas `str`, an
            empty cell missing; a byte that is not UTF-8 as U+FFFD), a table whose file is
            missing or not CSV at all as an empty frame with the documented columns;
            `texts` holds the article texts that could be read, and `problems` lists every
            problem found, located as `factcheck validate` prints them.

    Returns:
        The tables as a `Dataset` of pandas DataFrames: `articles`, `sources`, `claims`,
        `evidence` (see `Dataset` for what each holds), and `texts`, each article's text.
        Validated, vocabulary columns are categoricals, offsets nullable Int64, dates
        datetime64, flags nullable boolean, other text pandas strings.

    Raises:
        DatasetUnreadable: the folder is not there, or (when validating) a file is missing,
            cannot be read or lacks a column the checks need.
        DatasetInvalid: (when validating) the data breaks a rule. Both are `DatasetError`s,
            whose `problems` say where (file, row, column) and why, and whose message names
            the folder looked in.

    >>> data = factcheck.load_dataset()                       # doctest: +SKIP
    >>> data.claims.groupby("verdict", observed=True).size()  # doctest: +SKIP
    """
    folder = Path(named_folder(bundled_path() if path is None else path))
    checked = check_dataset(folder)
    if not validate:
        return unvalidated(checked, folder)
    refuse_blocking(checked.problems, folder)
    return dataset_from(checked, folder)


def unvalidated(checked: Checked, folder: Path) -> Dataset:
    """Every table of a validation run as read, cells as text, with every problem found;
    a folder that is not there is refused even so, since there is nothing to repair."""
    if not checked.tables:
        refuse_blocking([p for p in checked.problems if p.rule == "dataset.directory"], folder)
    tables = {
        spec.name: checked.tables[spec.name]
        if spec.name in checked.tables
        else as_read(folder, spec)
        for spec in TABLES
    }
    return Dataset(
        tables["articles"],
        tables["sources"],
        tables["claims"],
        tables["evidence"],
        dict(checked.texts),
        folder,
        tuple(checked.problems),
        validated=False,
    )


def as_read(folder: Path, spec: TableSpec) -> pd.DataFrame:
    """A table the checks could not load (a column misnamed or missing, bytes that are not
    UTF-8), as its file has it, for repair: its own header, every cell as text, a byte that
    is not UTF-8 shown as U+FFFD (its problem says where). An empty frame with the documented
    columns if the file is not there or is not CSV at all."""
    try:
        text = (folder / spec.file).read_bytes().decode("utf-8-sig", errors="replace")
        return parse(text)
    except (OSError, ValueError):  # pandas' parser and empty-data errors are ValueErrors
        return pd.DataFrame(columns=spec.columns, dtype="str")


def refuse_blocking(problems: list[Problem], folder: str | Path | None = None) -> None:
    """Raise `DatasetUnreadable` or `DatasetInvalid`, naming `folder`, if any problem makes
    the data unusable."""
    found = blocking(problems)
    if found:
        fatal = any(p.fatal for p in found)
        raise (DatasetUnreadable if fatal else DatasetInvalid)(found, folder)


def dataset_from(checked: Checked, folder: Path | None = None) -> Dataset:
    """The tables of a validation run that found no blocking problem, with analysis dtypes."""
    tables = {spec.name: typed(spec, checked.tables[spec.name]) for spec in TABLES}
    texts = {aid: checked.texts.get(aid, "") for aid in tables["articles"]["article_id"]}
    return Dataset(
        tables["articles"],
        tables["sources"],
        tables["claims"],
        tables["evidence"],
        texts,
        folder,
        tuple(checked.problems),
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
