"""The table schemas: one pandera model per CSV file, every column described.

Files are validated as text, exactly as a spreadsheet saved them (every column a string, an
empty cell missing), so that each message can show the offending cell as written. The
`dtype` in a field's metadata is what the loader turns the column into once it is valid;
`format` words describe a pattern to people. Every check says in plain words what a cell
must be: those words are the validator's messages.

Rule ids are `<table>.<column>.<rule>`; a check on whole rows is named `<column>.<rule>`
after the column a message should point at, and its message is the rule's requirement in
`factcheck.registry`.

This module reads better whole: the four models side by side are the schema of record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from factcheck.model import notation
from factcheck.model.cells import (
    ARTICLE_ID,
    CLAIM_ID,
    CLAIM_ID_WORDS,
    CLAIM_IDS,
    CLAIM_IDS_WORDS,
    CONTROL_CHARACTERS,
    EDGE_SPACE,
    EVIDENCE_ID,
    FORMULA_START,
    HTTP_URL_PATTERN,
    ISO_DATE,
    LINE_BREAKS_AND_TABS,
    NON_NEGATIVE_INTEGER,
    SHA256,
    SOURCE_ID,
    SOURCE_ID_WORDS,
    countries,
    date_or_interval,
    languages,
    one_to_three_sentences,
)
from factcheck.model.names import NAME_KEY, aliases_not_distinct, name_key
from factcheck.model.spreadsheets import SHORT_DATE, SHORT_MONTH
from factcheck.model.sql import (
    CELL,
    PYTHON,
    ROW,
    TABLE,
    TextFunction,
    cells_pass,
    contains,
    literal,
    matches,
    name,
    one_of,
    passes_on_frame,
    rows_pass_query,
    statistics,
    table_statistics,
)
from factcheck.model.vocabularies import (
    UNCHECKABLE_TYPES,
    ArticleRating,
    AttributionCheck,
    BearsOn,
    Certainty,
    ClaimType,
    ReviewState,
    SourceKind,
    Stance,
    TitleOrigin,
    Verdict,
    Vocabulary,
)
from factcheck.registry import requirement

MAX_FILE_STEM = 200  # an article id names a file; file systems refuse names past 255 bytes
MAX_ASSESSMENT = 1000  # a summary a reader takes in at the top of the page, not an essay
BOOLEAN = ["true", "false"]
# A claim's fact-check: filled in together, or left empty together while the claim awaits it.
REVIEW_COLUMNS = ("verdict", "verdict_rationale", "attribution_check", "reviewed_on")
# An article's assessment: given together, or left empty until its claims are checked.
ASSESSMENT_COLUMNS = ("rating", "assessment", "reviewed_by", "reviewed_on")


def _field(description: str, dtype: str = "string", **kwargs: Any) -> Any:
    """A column: `description` documents it, `dtype` is what the loader makes of it."""
    metadata = {"dtype": dtype, **kwargs.pop("metadata", {})}
    return pa.Field(description=description, metadata=metadata, **kwargs)


def text(description: str, **kwargs: Any) -> Any:
    return _field(description, **kwargs)


def pattern(description: str, regex: str, words: str, **kwargs: Any) -> Any:
    return _field(description, str_matches=regex, metadata={"format": words}, **kwargs)


def integer(description: str) -> Any:
    return _field(
        description,
        dtype="Int64",
        str_matches=NON_NEGATIVE_INTEGER,
        metadata={"format": "a whole number of 0 or more, written with digits only"},
    )


def enum(vocabulary: type[Vocabulary], description: str, **kwargs: Any) -> Any:
    return _field(
        description,
        dtype="category",
        isin=vocabulary.values(),
        metadata={"vocabulary": vocabulary.__name__},
        **kwargs,
    )


def boolean(description: str, **kwargs: Any) -> Any:
    """A true-or-false column; `boolean_rule` says what it may hold."""
    return _field(description, dtype="boolean", **kwargs)


def boolean_rule(column: str) -> Any:
    """The rule of a boolean column: true or false in any case, as spreadsheets write them
    (`model.spreadsheets`). pandera's `isin` would refuse `TRUE`; this is the `allowed` rule
    all the same, and its values are the column's allowed values."""
    return column_rule(
        column, "allowed", f"lower({CELL}) IN {one_of(BOOLEAN)}", allowed_values=BOOLEAN
    )


def allowed_values(column: Any) -> list[str] | None:
    """The values a column of a model allows (its vocabulary, or true and false), if it has
    a list of them."""
    for check in column.checks:
        if "allowed_values" in check.statistics:
            return list(check.statistics["allowed_values"])
    return None


def date(description: str, **kwargs: Any) -> Any:
    return _field(description, dtype="date", **kwargs)


def _declared(
    check: Any, check_name: str, error: str, stats: dict[str, Any], column: str | None = None
) -> Any:
    """`check` as a pandera check of the model (of `column`'s cells, or of whole frames)."""
    check.__name__ = check_name  # what pandera names an inherited check by
    if column is None:
        return pa.dataframe_check(check, name=check_name, error=error, statistics=stats)
    return pa.check(column, name=check_name, error=error, statistics=stats)(check)


def cell_rule(check_name: str, passes: str) -> Any:
    """A rule every cell of every table obeys, as SQL naming the cell `{cell}`."""

    def check(cls: Any, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cells_pass(df, passes)

    return _declared(check, check_name, requirement(f"*.*.{check_name}"), statistics(passes))


def column_rule(
    column: str, check_name: str, passes: str, allowed_values: list[str] | None = None
) -> Any:
    """A check of one column's cells, as SQL naming the cell `{cell}`; a check that allows a
    list of values keeps them, as pandera's `isin` does, for messages and exports."""

    def check(cls: Any, values: pd.Series) -> pd.Series:
        return passes_on_frame(values.to_frame(column), passes.replace(CELL, name(column)))

    listed = {} if allowed_values is None else {"allowed_values": allowed_values}
    fields = {"allowed": ", ".join(allowed_values)} if allowed_values else {}
    error = requirement(f"*.*.{check_name}", **fields)
    return _declared(check, check_name, error, statistics(passes) | listed, column)


def row_rule(table: str, check_name: str, passes: str) -> Any:
    """A check of whole rows, as SQL over the row's columns; reported at the column its name
    starts with."""

    def check(cls: Any, df: pd.DataFrame) -> pd.Series:
        return passes_on_frame(df, passes)

    return _declared(check, check_name, requirement(f"{table}.{check_name}"), statistics(passes))


def python_rule(
    check_name: str, function: Callable[[pyarrow.Array], pyarrow.Array], *columns: str
) -> Any:
    """A check of `columns`' cells written in Python: `function`, a module-level function of
    a column's cells as Arrow text (a module without pandera), whether each passes. Its
    statistics name it by `module:qualname`, so that the validator calls it without the
    models (`checks.plan`); pandera's Series are handed to it as Arrow."""

    def check(cls: Any, values: pd.Series) -> pd.Series:
        cells = pyarrow.array(values.to_numpy(dtype=object), pyarrow.string(), from_pandas=True)
        passed = function(cells).to_numpy(zero_copy_only=False)
        return pd.Series(passed, index=values.index, dtype=bool)

    check.__name__ = check_name
    stats = {PYTHON: f"{function.__module__}:{function.__qualname__}"}
    error = requirement(f"*.*.{check_name}")
    return pa.check(*columns, name=check_name, error=error, statistics=stats)(check)


def table_rule(
    table: str, check_name: str, failing: str, functions: dict[str, TextFunction] | None = None
) -> Any:
    """A check that compares a row with the table's other rows, as SQL selecting the `_row`
    of each failing row of `{table}` (`model.sql.TABLE`), calling `functions` by name;
    reported at the column its name starts with."""
    calls = functions or {}

    def check(cls: Any, df: pd.DataFrame) -> pd.Series:
        return rows_pass_query(df, failing, calls)

    error = requirement(f"{table}.{check_name}")
    return _declared(check, check_name, error, table_statistics(failing, calls))


def duplicated(columns: list[str]) -> str:
    """SQL: the `_row` of each row that repeats another in every one of `columns` (two
    empty cells alike)."""
    together = ", ".join(name(c) for c in columns)
    return (
        f"SELECT {ROW} FROM (SELECT {ROW}, count(*) OVER (PARTITION BY {together}) AS copies "
        f"FROM {TABLE}) AS counted WHERE copies > 1"
    )


def inside_another(column: str) -> str:
    """SQL: the `_row` of each row whose cell is found inside another row's different cell."""
    cell = name(column)
    return (
        f"SELECT s.{ROW} FROM {TABLE} AS s WHERE EXISTS (SELECT 1 FROM {TABLE} AS o "
        f"WHERE o.{cell} <> s.{cell} AND position(s.{cell} IN o.{cell}) > 0)"
    )


def _count_links(cell: str) -> str:
    """SQL: how many times the chain separator occurs in a cell."""
    link = literal(notation.LINK)
    return f"(length({cell}) - length(replace({cell}, {link}, ''))) / {len(notation.LINK)}"


def _filled(columns: tuple[str, ...]) -> str:
    """SQL: how many of `columns` are filled in."""
    return " + ".join(f"CASE WHEN {name(c)} IS NULL THEN 0 ELSE 1 END" for c in columns)


def _dates_before(column: str, other: str) -> str:
    """SQL: both cells are dates written YYYY-MM-DD and `column`'s is the earlier (a cell
    that is no such date breaks its own rule, not this one)."""
    first, second = name(column), name(other)
    return (
        f"coalesce({matches(first, ISO_DATE)} AND {matches(second, ISO_DATE)} "
        f"AND {first} < {second}, false)"
    )


def _is(cell: str, value: str) -> str:
    return f"coalesce({cell} = {literal(value)}, false)"


def _in(cell: str, values: list[str]) -> str:
    return f"coalesce({cell} IN {one_of(values)}, false)"


_DATE_RANGE = "DATE '1677-09-22' AND DATE '2262-04-11'"  # what pandas' timestamps can hold
_ISO_REAL_DATE = (
    f"{matches(CELL, ISO_DATE)} AND coalesce(TRY_CAST({CELL} AS DATE) BETWEEN {_DATE_RANGE}, false)"
)
# A date a spreadsheet wrote in its short format breaks `short_date`, which says so and how to
# convert it, and no other date rule: one problem for one cell.
_SHORT_DATE = matches(CELL, SHORT_DATE)
NOT_SHORT_DATE = f"NOT {_SHORT_DATE}"
REAL_DATE = f"{_SHORT_DATE} OR ({_ISO_REAL_DATE})"
REAL_PAST_DATE = f"{_SHORT_DATE} OR ({_ISO_REAL_DATE} AND {CELL} <= CAST(current_date AS VARCHAR))"


class TableModel(pa.DataFrameModel):
    """Rules every cell of every table obeys, whatever its column.

    They are whole-table checks, one pass each, rather than a check repeated on every
    column; the validator reports each failing cell under `<table>.<column>.<rule>`.
    """

    class Config:
        strict = True
        ordered = False

    # the first and last characters alone: a search for white space at the end would read
    # every character of every cell
    _trimmed = cell_rule(
        "trimmed", f"NOT {contains(f'left({CELL}, 1) || right({CELL}, 1)', EDGE_SPACE)}"
    )
    _one_line = cell_rule("one_line", f"NOT {contains(CELL, LINE_BREAKS_AND_TABS)}")
    _printable = cell_rule("printable", f"NOT {contains(CELL, CONTROL_CHARACTERS)}")

    _nfc = cell_rule("nfc", f"{CELL} = nfc_normalize({CELL})")

    _formula_safe = cell_rule("formula_safe", f"NOT {contains(CELL, '^' + FORMULA_START)}")


class ArticleTable(TableModel):
    """`articles.csv`: one row per article, its text stored as `articles/<article_id>.txt`."""

    article_id: Series[str] = pattern(
        "Identifier of the article; also the name of its text file, articles/<article_id>.txt.",
        ARTICLE_ID,
        "lower-case letters and digits in words joined by single hyphens",
        unique=True,
        str_length={"max_value": MAX_FILE_STEM},
    )
    title: Series[str] = text("A descriptive title; see title_origin for who wrote it.")
    title_origin: Series[str] = enum(TitleOrigin, "Whether the title is the published headline.")
    publisher_source_id: Series[str] = pattern(
        "The outlet whose published copy matches the stored text: a source_id in sources.csv. "
        "It is the first source of every claim's attribution.",
        SOURCE_ID,
        SOURCE_ID_WORDS,
    )
    url: Series[str] = text(
        "Address of the published copy the text was matched against; empty when none was found.",
        nullable=True,
    )
    published_on: Series[str] = date("Publication date of the article, YYYY-MM-DD.")
    language: Series[str] = text("Language of the text as an ISO 639-1 code, e.g. en.")
    text_sha256: Series[str] = pattern(
        "SHA-256 of the stored text file's bytes, in lower-case hex.",
        SHA256,
        "64 lower-case hexadecimal characters",
    )
    review_state: Series[str] = enum(
        ReviewState,
        "Whether the article's claims are all reviewed and merged (complete), or still being "
        "merged as they are reviewed (in_progress): only a complete article must have every "
        "sentence covered, and only a complete article is rated.",
    )

    rating: Series[str] = enum(
        ArticleRating,
        "The fact-checker's overall assessment of the article, from its claims' verdicts and "
        "rationales; empty until the article's claims are checked.",
        nullable=True,
    )
    assessment: Series[str] = text(
        "What a reader should take away, in one to three sentences of the editor's words: "
        "what holds, and what does not.",
        nullable=True,
        str_length={"max_value": MAX_ASSESSMENT},
    )
    key_findings: Series[str] = pattern(
        "The claims the assessment rests on, most important first: claim ids of this article.",
        CLAIM_IDS,
        CLAIM_IDS_WORDS,
        nullable=True,
    )
    reviewed_by: Series[str] = text(
        "Who wrote the assessment: a person or the team, as the review is signed.",
        nullable=True,
    )
    reviewed_on: Series[str] = date(
        "When the assessment was first published, YYYY-MM-DD.", nullable=True
    )
    updated_on: Series[str] = date(
        "When the assessment was last changed, YYYY-MM-DD; empty if never.", nullable=True
    )

    _http_url = column_rule("url", "http_url", contains(CELL, HTTP_URL_PATTERN))
    _real_date = column_rule("published_on", "real_date", REAL_DATE)
    _short_date = column_rule("published_on", "short_date", NOT_SHORT_DATE)

    _iso_language = column_rule("language", "iso_639_1", f"{CELL} IN {one_of(sorted(languages()))}")

    _assessment_sentences = python_rule("sentences", one_to_three_sentences, "assessment")
    _reviewed_on = column_rule("reviewed_on", "real_past_date", REAL_PAST_DATE)
    _reviewed_on_short = column_rule("reviewed_on", "short_date", NOT_SHORT_DATE)
    _updated_on = column_rule("updated_on", "real_past_date", REAL_PAST_DATE)
    _updated_on_short = column_rule("updated_on", "short_date", NOT_SHORT_DATE)
    _assessment_complete = row_rule(
        "articles",
        "rating.assessment_complete",
        f"({_filled(ASSESSMENT_COLUMNS)}) IN (0, {len(ASSESSMENT_COLUMNS)})",
    )
    _rated_when_complete = row_rule(
        "articles",
        "rating.complete",
        # an unknown state breaks its own rule, not this one
        f"{name('rating')} IS NULL OR "
        f"coalesce({name('review_state')} <> {literal(ReviewState.IN_PROGRESS.value)}, true)",
    )
    _findings_rated = row_rule(
        "articles",
        "key_findings.rated",
        f"{name('key_findings')} IS NULL OR {name('rating')} IS NOT NULL",
    )
    _updated_after_review = row_rule(
        "articles",
        "updated_on.after_review",
        f"{name('updated_on')} IS NULL OR ({name('reviewed_on')} IS NOT NULL AND NOT "
        f"{_dates_before('updated_on', 'reviewed_on')})",
    )
    _reviewed_after_publication = row_rule(
        "articles",
        "reviewed_on.not_before_publication",
        f"NOT {_dates_before('reviewed_on', 'published_on')}",
    )


class SourceTable(TableModel):
    """`sources.csv`: one row per source a claim is attributed to, the publisher included."""

    source_id: Series[str] = pattern(
        "Identifier of the source, used in claims' attribution chains.",
        SOURCE_ID,
        SOURCE_ID_WORDS,
        unique=True,
    )
    name: Series[str] = text("Display name of the source.", unique=True)
    aliases: Series[str] = text(
        "Other names articles use for the source, separated by ' | ' (e.g. 'KCNA | North "
        "Korea's state news agency'); `factcheck draft` matches cue phrases against the name "
        "and these. Empty when there are none.",
        nullable=True,
    )
    kind: Series[str] = enum(SourceKind, "What kind of entity the source is.")
    country: Series[str] = text(
        "Country the source belongs to, as an ISO 3166-1 alpha-2 code; empty when unknown.",
        nullable=True,
    )
    state_controlled: Series[str] = boolean(
        "Whether a state controls the source: true or false; empty when unknown.",
        nullable=True,
    )
    description: Series[str] = text("One line on who the source is.")

    _state_controlled = boolean_rule("state_controlled")

    _iso_country = column_rule("country", "iso_3166_1", f"{CELL} IN {one_of(sorted(countries()))}")

    _aliases_distinct = table_rule(
        "sources", "aliases.distinct", aliases_not_distinct(), {NAME_KEY: name_key}
    )
    _not_inside_another = table_rule(
        "sources", "source_id.not_inside_another", inside_another("source_id")
    )


_SPAN_START, _SPAN_END = name("span_start"), name("span_end")
_SPAN_START_OK = matches(_SPAN_START, NON_NEGATIVE_INTEGER)
_SPAN_END_OK = matches(_SPAN_END, NON_NEGATIVE_INTEGER)
_ATTRIBUTION, _CUE = name("attribution"), name("attribution_cue")
_CERTAINTY, _CERTAINTY_CUE = name("certainty"), name("certainty_cue")
_CLAIM_TYPE, _VERDICT, _CHECK = name("claim_type"), name("verdict"), name("attribution_check")
_FILLED_REVIEW = _filled(REVIEW_COLUMNS)


class ClaimTable(TableModel):
    """`claims.csv`: one row per atomic assertion of an article, grounded to its exact span."""

    claim_id: Series[str] = pattern(
        "Stable identifier of the claim, never reused.",
        CLAIM_ID,
        CLAIM_ID_WORDS,
        unique=True,
    )
    article_id: Series[str] = pattern(
        "The article the claim is taken from: an article_id in articles.csv.",
        ARTICLE_ID,
        "lower-case letters and digits in words joined by single hyphens",
    )
    span_start: Series[str] = integer(
        "Where the quote starts in the article's text: 0-based offset in Unicode code points."
    )
    span_end: Series[str] = integer(
        "Where the quote ends in the article's text: end-exclusive offset in code points."
    )
    quote: Series[str] = text(
        "The article's text between span_start and span_end, exactly: the smallest passage "
        "that states the claim."
    )
    claim: Series[str] = text(
        "The assertion rewritten to stand alone: names for pronouns, dates for relative days."
    )
    claim_type: Series[str] = enum(ClaimType, "What kind of proposition the claim is.")
    certainty: Series[str] = enum(Certainty, "How firmly the article presents the claim.")
    certainty_cue: Series[str] = text(
        "The article's words that make the claim less than asserted ('allege', 'is expected'); "
        "empty when certainty is asserted.",
        nullable=True,
    )
    attribution: Series[str] = pattern(
        "Who the article says the claim comes from: the chain of source ids from the publisher "
        "to the original source, ' > ' between levels, ' + ' between joint sources.",
        notation.ATTRIBUTION,
        "source ids joined by ' > ' (reported via) and ' + ' (jointly), "
        "e.g. CURRENTINDIA > YONHAP > KP-BROADCASTER",
    )
    attribution_cue: Series[str] = pattern(
        "The article's words that signal each link of the attribution chain, in order, "
        "joined by ' > ' (e.g. 'reported > citing'); empty for the outlet's own voice.",
        notation.CUES,
        "one cue per link of the chain, joined by ' > '",
        nullable=True,
    )

    when: Series[str] = text(
        "When the event or state the claim describes took place, as a calendar date or interval "
        "(2025-09-02, 2019-06, 2023, 2018-03/2019-01), resolved from the article's own time words "
        "and date, or from the evidence where the article gives none; empty when the claim is "
        "not about a dated event.",
        nullable=True,
    )
    verdict: Series[str] = enum(
        Verdict,
        "Whether the claim holds, judged as of the article's publication date; empty while "
        "the claim awaits its fact-check.",
        nullable=True,
    )
    verdict_rationale: Series[str] = text(
        "Why the verdict, in one to three sentences of our own words; what became known after "
        "the article's date is said here, not folded into the verdict.",
        nullable=True,
    )
    attribution_check: Series[str] = enum(
        AttributionCheck,
        "Whether the source named in the attribution really said it; empty while the claim "
        "awaits its fact-check.",
        nullable=True,
    )
    attribution_rationale: Series[str] = text(
        "Why the attribution check, in one to three sentences; empty for the outlet's own voice.",
        nullable=True,
    )
    reviewed_on: Series[str] = date(
        "When the verdict was last reviewed, YYYY-MM-DD; empty while the claim awaits its "
        "fact-check.",
        nullable=True,
    )

    # what a spreadsheet wrote is `short_date`'s or `short_month`'s
    _when = python_rule("date_or_interval", date_or_interval, "when")
    _sentences = python_rule(
        "sentences", one_to_three_sentences, "verdict_rationale", "attribution_rationale"
    )

    _reviewed_on = column_rule("reviewed_on", "real_past_date", REAL_PAST_DATE)
    _reviewed_on_short = column_rule("reviewed_on", "short_date", NOT_SHORT_DATE)
    _when_short = column_rule("when", "short_date", NOT_SHORT_DATE)
    _when_month = column_rule("when", "short_month", f"NOT {matches(CELL, SHORT_MONTH)}")
    _span_order = row_rule(
        "claims",
        "span_end.after_start",
        # spans that are not whole numbers break the format rule, not this one
        f"NOT ({_SPAN_START_OK} AND {_SPAN_END_OK}) OR "
        f"TRY_CAST({_SPAN_END} AS DECIMAL(38, 0)) > TRY_CAST({_SPAN_START} AS DECIMAL(38, 0))",
    )
    _one_cue_per_link = row_rule(
        "claims",
        "attribution_cue.one_per_link",
        # a bad chain breaks its own rule; an empty cue names no link (see notation.cues)
        f"NOT {matches(_ATTRIBUTION, notation.ATTRIBUTION)} OR {_count_links(_ATTRIBUTION)} = "
        f"CASE WHEN coalesce({_CUE}, '') = '' THEN 0 ELSE {_count_links(_CUE)} + 1 END",
    )
    _certainty_cue = row_rule(
        "claims",
        "certainty_cue.iff_not_asserted",
        f"NOT {_in(_CERTAINTY, Certainty.values())} OR "
        f"{_is(_CERTAINTY, Certainty.ASSERTED.value)} <> ({_CERTAINTY_CUE} IS NOT NULL)",
    )
    _review_complete = row_rule(
        "claims",
        "verdict.review_complete",
        f"({_FILLED_REVIEW}) IN (0, {len(REVIEW_COLUMNS)})",
    )
    _verdict_matches_type = row_rule(
        "claims",
        "verdict.matches_claim_type",
        f"NOT ({_in(_CLAIM_TYPE, ClaimType.values())} AND {_in(_VERDICT, Verdict.values())}) OR "
        f"{_in(_CLAIM_TYPE, sorted(UNCHECKABLE_TYPES))} = "
        f"{_is(_VERDICT, Verdict.NOT_CHECKABLE.value)}",
    )
    _attribution_check_applies = row_rule(
        "claims",
        "attribution_check.matches_attribution",
        f"NOT ({_in(_CHECK, AttributionCheck.values())} AND "
        f"{matches(_ATTRIBUTION, notation.ATTRIBUTION)}) OR "
        f"({_ATTRIBUTION} NOT LIKE {literal('%' + notation.LINK + '%')}) = "
        f"{_is(_CHECK, AttributionCheck.NOT_APPLICABLE.value)}",
    )
    _attribution_rationale = row_rule(
        "claims",
        "attribution_rationale.iff_checked",
        f"NOT {_in(_CHECK, AttributionCheck.values())} OR "
        f"{_is(_CHECK, AttributionCheck.NOT_APPLICABLE.value)} <> "
        f"({name('attribution_rationale')} IS NOT NULL)",
    )
    _not_duplicated = table_rule(
        "claims",
        "claim.not_duplicated",
        duplicated(["article_id", "span_start", "span_end", "claim"]),
    )


class EvidenceTable(TableModel):
    """`evidence.csv`: one row per piece of evidence for a claim's content or attribution."""

    evidence_id: Series[str] = pattern(
        "Stable identifier of the evidence item, never reused.",
        EVIDENCE_ID,
        "E followed by four digits (E0001), or by a larger number without leading zeros",
        unique=True,
    )
    claim_id: Series[str] = pattern(
        "The claim the item bears on: a claim_id in claims.csv.",
        CLAIM_ID,
        CLAIM_ID_WORDS,
    )
    bears_on: Series[str] = enum(BearsOn, "Which check the item is for.")
    url: Series[str] = text("Address of the page, exactly as it was found; never built or guessed.")
    publisher: Series[str] = text(
        "The site that shows the page, as it names itself (Nasdaq, Yahoo News Australia), even "
        "when the story is another outlet's; every page on one host has the same publisher."
    )
    originator: Series[str] = text(
        "The news agency or outlet whose reporting the page relays, when it is not the "
        "publisher's own: the wire story it carries (AP, Reuters, AFP, Yonhap…) or another "
        "outlet's report it restates or cites as its source (a quotation word for word, 'citing "
        "the BBC'); empty for the publisher's own reporting. Independence is counted by "
        "originator, so a report counts once however many sites carry it.",
        nullable=True,
    )
    published_on: Series[str] = date(
        "When the page was published, YYYY-MM-DD; empty when the page does not say.",
        nullable=True,
    )
    stance: Series[str] = enum(Stance, "How the item bears on what it checks.")
    summary: Series[str] = text(
        "What the page says that bears on the claim, paraphrased in our own words."
    )

    _http_url = column_rule("url", "http_url", contains(CELL, HTTP_URL_PATTERN))
    _real_date = column_rule("published_on", "real_date", REAL_DATE)
    _short_date = column_rule("published_on", "short_date", NOT_SHORT_DATE)

    _not_duplicated = table_rule(
        "evidence", "url.not_duplicated", duplicated(["claim_id", "bears_on", "url"])
    )
