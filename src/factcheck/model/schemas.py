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

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from factcheck.model import notation
from factcheck.model.cells import (
    CONTROL_CHARACTERS,
    LINE_BREAKS_AND_TABS,
    by_distinct,
    cellwise,
    countries,
    is_date_or_interval,
    is_http_url,
    is_nfc,
    is_real_date,
    is_trimmed,
    lacking,
    languages,
    one_to_three_sentences,
    starts_safely,
)
from factcheck.model.names import names_distinct
from factcheck.model.vocabularies import (
    UNCHECKABLE_TYPES,
    AttributionCheck,
    BearsOn,
    Certainty,
    ClaimType,
    SourceKind,
    Stance,
    TitleOrigin,
    Verdict,
    Vocabulary,
)
from factcheck.registry import requirement

CLAIM_ID = r"^C(?:[0-9]{4}|[1-9][0-9]{4,})$"
EVIDENCE_ID = r"^E(?:[0-9]{4}|[1-9][0-9]{4,})$"
ARTICLE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_ID = rf"^{notation.SOURCE_ID}$"
SOURCE_ID_WORDS = "upper-case letters and digits in words joined by single hyphens, e.g. KCNA"
CLAIM_ID_WORDS = "C followed by four digits (C0001), or by a larger number without leading zeros"
SHA256 = r"^[0-9a-f]{64}$"
MAX_FILE_STEM = 200  # an article id names a file; file systems refuse names past 255 bytes
NON_NEGATIVE_INTEGER = r"^(?:0|[1-9][0-9]*)$"
BOOLEAN = ["true", "false"]
# A claim's fact-check: filled in together, or left empty together while the claim awaits it.
REVIEW_COLUMNS = ("verdict", "verdict_rationale", "attribution_check", "reviewed_on")


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
    return _field(description, dtype="boolean", isin=BOOLEAN, **kwargs)


def date(description: str, **kwargs: Any) -> Any:
    return _field(description, dtype="date", **kwargs)


# Table checks that compare rows with one another, by the columns that must not repeat
# together. A table read in blocks is checked for them across its blocks (see TableSpec).
NOT_DUPLICATED = {
    "claim.not_duplicated": ["article_id", "span_start", "span_end", "claim"],
    "url.not_duplicated": ["claim_id", "bears_on", "url"],
}
CELL_RULES = ("trimmed", "one_line", "printable", "nfc", "formula_safe")


class TableModel(pa.DataFrameModel):
    """Rules every cell of every table obeys, whatever its column.

    They are whole-table checks, one vectorised pass each, rather than a check repeated on
    every column; the validator reports each failing cell under `<table>.<column>.<rule>`.
    """

    class Config:
        strict = True
        ordered = False

    @pa.dataframe_check(name="trimmed", error=requirement("*.*.trimmed"))
    def trimmed(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, is_trimmed)

    @pa.dataframe_check(
        name="one_line",
        error=requirement("*.*.one_line"),
    )
    def one_line(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, lacking(LINE_BREAKS_AND_TABS))

    @pa.dataframe_check(
        name="printable",
        error=requirement("*.*.printable"),
    )
    def printable(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, lacking(CONTROL_CHARACTERS))

    @pa.dataframe_check(
        name="nfc",
        error=requirement("*.*.nfc"),
    )
    def nfc(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, is_nfc)

    @pa.dataframe_check(
        name="formula_safe",
        error=requirement("*.*.formula_safe"),
    )
    def formula_safe(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, starts_safely)


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

    @pa.check("url", name="http_url", error=requirement("*.*.http_url"))
    def _http_url(cls, values: pd.Series) -> pd.Series:
        return is_http_url(values)

    @pa.check("published_on", name="real_date", error=requirement("*.*.real_date"))
    def _real_date(cls, values: pd.Series) -> pd.Series:
        return is_real_date(values)

    @pa.check("language", name="iso_639_1", error=requirement("*.*.iso_639_1"))
    def _iso_language(cls, values: pd.Series) -> pd.Series:
        return values.isin(languages())


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

    @pa.check("country", name="iso_3166_1", error=requirement("*.*.iso_3166_1"))
    def _iso_country(cls, values: pd.Series) -> pd.Series:
        return values.isin(countries())

    @pa.dataframe_check(
        name="aliases.distinct",
        error=requirement("sources.aliases.distinct"),
    )
    def _aliases_distinct(cls, df: pd.DataFrame) -> pd.Series:
        return names_distinct(df)

    @pa.dataframe_check(
        name="source_id.not_inside_another",
        error=requirement("sources.source_id.not_inside_another"),
    )
    def _not_inside_another(cls, df: pd.DataFrame) -> pd.Series:
        ids = [sid for sid in df["source_id"].dropna().unique() if isinstance(sid, str)]
        return (
            df["source_id"]
            .map(
                lambda sid: not isinstance(sid, str) or not any(sid != o and sid in o for o in ids)
            )
            .astype(bool)
        )


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

    @pa.check(
        "when",
        name="date_or_interval",
        error=requirement("*.*.date_or_interval"),
    )
    def _when(cls, values: pd.Series) -> pd.Series:
        return by_distinct(values, is_date_or_interval)

    @pa.check(
        "verdict_rationale",
        "attribution_rationale",
        name="sentences",
        error=requirement("*.*.sentences"),
    )
    def _sentences(cls, values: pd.Series) -> pd.Series:
        return one_to_three_sentences(values)

    @pa.check(
        "reviewed_on",
        name="real_past_date",
        error=requirement("*.*.real_past_date"),
    )
    def _reviewed_on(cls, values: pd.Series) -> pd.Series:
        today = pd.Timestamp.today().strftime("%Y-%m-%d")
        return is_real_date(values) & (values <= today)

    @pa.dataframe_check(
        name="span_end.after_start", error=requirement("claims.span_end.after_start")
    )
    def _span_order(cls, df: pd.DataFrame) -> pd.Series:
        start = pd.to_numeric(df["span_start"], errors="coerce")
        end = pd.to_numeric(df["span_end"], errors="coerce")
        return (end > start) | start.isna() | end.isna()

    @pa.dataframe_check(
        name="attribution_cue.one_per_link",
        error=requirement("claims.attribution_cue.one_per_link"),
    )
    def _one_cue_per_link(cls, df: pd.DataFrame) -> pd.Series:
        chain, cue = df["attribution"], df["attribution_cue"]
        links = chain.str.count(notation.LINK)
        cues = (cue.str.count(notation.LINK) + 1).where(cue.fillna("") != "", 0)  # see cues()
        well_formed = chain.str.match(notation.ATTRIBUTION).fillna(False).astype(bool)
        return ((links == cues) | ~well_formed).fillna(True).astype(bool)  # bad chains: own rule

    @pa.dataframe_check(
        name="certainty_cue.iff_not_asserted",
        error=requirement("claims.certainty_cue.iff_not_asserted"),
    )
    def _certainty_cue(cls, df: pd.DataFrame) -> pd.Series:
        asserted = df["certainty"] == Certainty.ASSERTED.value
        has_cue = df["certainty_cue"].notna()
        unknown = ~df["certainty"].isin(Certainty.values())
        return (asserted != has_cue) | unknown

    @pa.dataframe_check(
        name="verdict.review_complete",
        error=requirement("claims.verdict.review_complete"),
    )
    def _review_complete(cls, df: pd.DataFrame) -> pd.Series:
        filled = df[list(REVIEW_COLUMNS)].notna()
        return filled.all(axis=1) | ~filled.any(axis=1)

    @pa.dataframe_check(
        name="verdict.matches_claim_type",
        error=requirement("claims.verdict.matches_claim_type"),
    )
    def _verdict_matches_type(cls, df: pd.DataFrame) -> pd.Series:
        uncheckable = df["claim_type"].isin(UNCHECKABLE_TYPES)
        not_checkable = df["verdict"] == Verdict.NOT_CHECKABLE.value
        known = df["claim_type"].isin(ClaimType.values()) & df["verdict"].isin(Verdict.values())
        return (uncheckable == not_checkable) | ~known

    @pa.dataframe_check(
        name="attribution_check.matches_attribution",
        error=requirement("claims.attribution_check.matches_attribution"),
    )
    def _attribution_check_applies(cls, df: pd.DataFrame) -> pd.Series:
        well_formed = df["attribution"].str.match(notation.ATTRIBUTION).fillna(False).astype(bool)
        own_voice = ~df["attribution"].str.contains(notation.LINK, regex=False).fillna(False)
        not_applicable = df["attribution_check"] == AttributionCheck.NOT_APPLICABLE.value
        known = df["attribution_check"].isin(AttributionCheck.values()) & well_formed
        return (own_voice == not_applicable) | ~known

    @pa.dataframe_check(
        name="attribution_rationale.iff_checked",
        error=requirement("claims.attribution_rationale.iff_checked"),
    )
    def _attribution_rationale(cls, df: pd.DataFrame) -> pd.Series:
        not_applicable = df["attribution_check"] == AttributionCheck.NOT_APPLICABLE.value
        known = df["attribution_check"].isin(AttributionCheck.values())
        return (not_applicable != df["attribution_rationale"].notna()) | ~known

    @pa.dataframe_check(
        name="claim.not_duplicated",
        error=requirement("claims.claim.not_duplicated"),
    )
    def _not_duplicated(cls, df: pd.DataFrame) -> pd.Series:
        return ~df.duplicated(subset=NOT_DUPLICATED["claim.not_duplicated"], keep=False)


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
        "The outlet that published the page (for an aggregator, the outlet it carries)."
    )
    originator: Series[str] = text(
        "The news agency or outlet whose story the page carries, when it is not the publisher's "
        "own (AP, Reuters, AFP, Yonhap…); empty for the publisher's own reporting. Independence "
        "is counted by originator, so a wire story counts once however many outlets reprint it.",
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

    @pa.check("url", name="http_url", error=requirement("*.*.http_url"))
    def _http_url(cls, values: pd.Series) -> pd.Series:
        return is_http_url(values)

    @pa.check("published_on", name="real_date", error=requirement("*.*.real_date"))
    def _real_date(cls, values: pd.Series) -> pd.Series:
        return is_real_date(values)

    @pa.dataframe_check(
        name="url.not_duplicated",
        error=requirement("evidence.url.not_duplicated"),
    )
    def _not_duplicated(cls, df: pd.DataFrame) -> pd.Series:
        return ~df.duplicated(subset=NOT_DUPLICATED["url.not_duplicated"], keep=False)
