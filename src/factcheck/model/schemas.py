"""The table schemas: one pandera model per CSV file, every column described.

Files are validated as text, exactly as a spreadsheet saved them (every column a string, an
empty cell missing), so that each message can show the offending cell as written. The
`dtype` in a field's metadata is what the loader turns the column into once it is valid;
`format` words describe a pattern to people. Every check says in plain words what a cell
must be: those words are the validator's messages.

Rule ids are `<table>.<column>.<rule>`; a check on whole rows is named `<column>.<rule>`
after the column a message should point at.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from factcheck.model import notation, segment, utf8
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
from factcheck.model.when import parse_when

CLAIM_ID = r"^C(?:[0-9]{4}|[1-9][0-9]{4,})$"
EVIDENCE_ID = r"^E(?:[0-9]{4}|[1-9][0-9]{4,})$"
ARTICLE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_ID = rf"^{notation.SOURCE_ID}$"
SOURCE_ID_WORDS = "upper-case letters and digits in words joined by single hyphens, e.g. KCNA"
CLAIM_ID_WORDS = "C followed by four digits (C0001), or by a larger number without leading zeros"
SHA256 = r"^[0-9a-f]{64}$"
MAX_FILE_STEM = 200  # an article id names a file; file systems refuse names past 255 bytes
NON_NEGATIVE_INTEGER = r"^(?:0|[1-9][0-9]*)$"
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
BOOLEAN = ["true", "false"]
# C0 controls other than tab, line feed and carriage return (one_line refuses those), and DEL.
CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
LINE_BREAKS_AND_TABS = r"[\r\n\t]"
# OWASP's list of characters that make a spreadsheet treat a cell as a formula or command.
FORMULA_START = r"[=+\-@\t\r]"
FORMULA_BYTES = b"=+-@\t\r"  # the same characters, as the first byte of a cell's UTF-8
REAL_DATE = "must be a real date written YYYY-MM-DD"
HTTP_URL = "must be an absolute http:// or https:// address"
SENTENCES = "must be one to three sentences"
ALIAS_SEPARATOR = " | "
# A claim's fact-check: filled in together, or left empty together while the claim awaits it.
REVIEW_COLUMNS = ("verdict", "verdict_rationale", "attribution_check", "reviewed_on")


@functools.cache
def countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, read from pycountry's data on first use (it is slow to load,
    and most commands never need it)."""
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


@functools.cache
def languages() -> frozenset[str]:
    """ISO 639-1 codes, read from pycountry's data on first use."""
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


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


def by_distinct(values: pd.Series, test: Callable[[str], bool]) -> pd.Series:
    """`test` applied once per distinct value and spread back over the cells: dates, URLs and
    intervals repeat, so a million cells often hold a few hundred values."""
    outcome = {value: test(value) for value in values.dropna().unique()}
    return values.map(outcome).fillna(True).astype(bool)


def _is_calendar_date(value: str) -> bool:
    try:
        return bool(re.match(ISO_DATE, value)) and pd.Timestamp(value).isoformat()[:10] == value
    except ValueError:
        return False


def is_real_date(values: pd.Series) -> pd.Series:
    """Whether each cell is a calendar date written YYYY-MM-DD (2025-02-30 is not)."""
    return by_distinct(values, _is_calendar_date)


def is_date_or_interval(value: str) -> bool:
    """Whether `value` is a date of year, month or day precision, or an ordered interval."""
    try:
        parse_when(value)
    except ValueError:
        return False
    return True


# An absolute http(s) address: a scheme, an optional user, a host, an optional port, then a
# path, query or fragment; no white space anywhere. It agrees with urllib's reading of what
# has a host (tests compare the two), and runs as one vectorised pass.
HTTP_URL_PATTERN = (
    r"^(?i:https?)://(?:[^\s/?#@]*@)?(?:\[[0-9A-Fa-f:.]+\]|[^\s/?#@:\[\]]+)(?::[0-9]*)?"
    r"(?:[/?#]\S*)?$"
)


def is_http_url(values: pd.Series) -> pd.Series:
    """Whether each cell is an absolute http(s) address with a host and no spaces."""
    return values.str.match(HTTP_URL_PATTERN).fillna(True).astype(bool)


def one_to_three_sentences(values: pd.Series) -> pd.Series:
    """Whether each cell is one to three sentences. A cell that ends like a sentence and has
    at most two sentence boundaries passes at once (abbreviations only remove boundaries);
    only the others are segmented."""
    quick = values.str.contains(segment.SENTENCE_END, regex=True) & (
        values.str.count(segment.BOUNDARY) <= 2
    )
    result = quick.fillna(False).astype(bool).to_numpy(copy=True)
    for position in np.flatnonzero(~result):
        value = values.iat[int(position)]
        result[position] = isinstance(value, str) and 1 <= len(segment.sentences(value)) <= 3
    return pd.Series(result, index=values.index)


# Table checks that compare rows with one another, by the columns that must not repeat
# together. A table read in blocks is checked for them across its blocks (see TableSpec).
NOT_DUPLICATED = {
    "claim.not_duplicated": ["article_id", "span_start", "span_end", "claim"],
    "url.not_duplicated": ["claim_id", "bears_on", "url"],
}
CELL_RULES = ("trimmed", "one_line", "printable", "nfc", "formula_safe")


def cellwise(frame: pd.DataFrame, ok: Callable[[pd.Series], pd.Series]) -> pd.DataFrame | bool:
    """`ok` applied to every cell; an empty cell passes every cell rule.

    The columns are stacked into one long column so that `ok` runs once per table, not once
    per column. When every cell passes, the answer is a plain True: pandera then skips
    collecting failure cases from a table of booleans, which on a small file costs more
    than the check itself."""
    if frame.empty:
        return True
    columns = [frame.iloc[:, i].fillna("") for i in range(frame.shape[1])]
    stacked = pd.concat(columns, ignore_index=True)
    passed = ok(stacked).to_numpy(dtype=bool)
    if passed.all():
        return True
    by_column = passed.reshape(len(frame.columns), len(frame)).T
    return pd.DataFrame(by_column, index=frame.index, columns=frame.columns)


class Table(pa.DataFrameModel):
    """Rules every cell of every table obeys, whatever its column.

    They are whole-table checks, one vectorised pass each, rather than a check repeated on
    every column; the validator reports each failing cell under `<table>.<column>.<rule>`.
    """

    class Config:
        strict = True
        ordered = False

    @pa.dataframe_check(name="trimmed", error="must not begin or end with spaces")
    def trimmed(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, is_trimmed)

    @pa.dataframe_check(
        name="one_line",
        error="must not contain line breaks or tabs, which spreadsheets split or hide",
    )
    def one_line(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, lacking(LINE_BREAKS_AND_TABS))

    @pa.dataframe_check(
        name="printable",
        error="must not contain control characters, which are invisible in a spreadsheet",
    )
    def printable(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, lacking(CONTROL_CHARACTERS))

    @pa.dataframe_check(
        name="nfc",
        error="must be in Unicode normal form C, as composed characters are typed; the same "
        "text in another form would not match",
    )
    def nfc(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, is_nfc)

    @pa.dataframe_check(
        name="formula_safe",
        error="must not begin with =, +, -, @, a tab or a carriage return, which a spreadsheet "
        "would run as a formula",
    )
    def formula_safe(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return cellwise(df, starts_safely)


def lacking(control: str) -> Callable[[pd.Series], pd.Series]:
    """A cell rule: no cell contains a character of `control`, a class of ASCII control
    characters. When no cell holds any control byte at all, every cell passes at once."""

    def ok(values: pd.Series) -> pd.Series:
        if utf8.has_control_bytes(values) is False:
            return pd.Series(True, index=values.index)
        return ~values.str.contains(control, regex=True)

    return ok


def starts_safely(values: pd.Series) -> pd.Series:
    """Whether each cell starts with none of the formula characters, read off its first
    byte (each of them is one byte in UTF-8, and no other character starts with it)."""
    edges = utf8.edge_bytes(values)
    if edges is None:
        return ~values.str.match(FORMULA_START).astype(bool)
    return pd.Series(~np.isin(edges[0], list(FORMULA_BYTES)), index=values.index)


def is_trimmed(values: pd.Series) -> pd.Series:
    """Whether each cell neither begins nor ends with white space. A cell whose first and
    last bytes are visible ASCII passes at once; only the others are stripped to compare."""
    edges = utf8.edge_bytes(values)
    if edges is None:
        return values.str.strip() == values

    def unsure(byte: np.ndarray) -> np.ndarray:
        return (byte >= 0) & ((byte < 0x21) | (byte >= 0x7F))

    doubtful = unsure(edges[0]) | unsure(edges[1])
    result = ~doubtful
    if doubtful.any():
        subset = values[doubtful]
        result[doubtful] = (subset.str.strip() == subset).to_numpy(dtype=bool)
    return pd.Series(result, index=values.index)


def is_nfc(values: pd.Series) -> pd.Series:
    """Whether each cell is in NFC; ASCII cells always are, so only the others are looked at."""
    result = values.str.isascii().astype(bool).to_numpy(copy=True)
    for position in np.flatnonzero(~result):
        result[position] = unicodedata.is_normalized("NFC", str(values.iat[int(position)]))
    return pd.Series(result, index=values.index)


class ArticleTable(Table):
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

    @pa.check("url", name="http_url", error=HTTP_URL)
    def _http_url(cls, values: pd.Series) -> pd.Series:
        return is_http_url(values)

    @pa.check("published_on", name="real_date", error=REAL_DATE)
    def _real_date(cls, values: pd.Series) -> pd.Series:
        return is_real_date(values)

    @pa.check("language", name="iso_639_1", error="must be a two-letter ISO 639-1 language code")
    def _iso_language(cls, values: pd.Series) -> pd.Series:
        return values.isin(languages())


def alias_list(cell: Any) -> list[str]:
    """The aliases a sources.csv `aliases` cell holds; an empty cell holds none."""
    return cell.split(ALIAS_SEPARATOR) if isinstance(cell, str) else []


def name_key(name: str) -> str:
    """How names are compared: case, typographic apostrophes and runs of spaces ignored."""
    return " ".join(name.replace("\u2019", "'").casefold().split())


def _names_distinct(df: pd.DataFrame) -> pd.Series:
    """Whether each source's aliases are empty of blanks and told apart from its own name,
    its other aliases and every other source's name and aliases."""
    owners: dict[str, int] = {}  # how many times each name or alias occurs, across sources
    for name, aliases in zip(df["name"], df["aliases"], strict=True):
        for each in ([name] if isinstance(name, str) else []) + alias_list(aliases):
            owners[name_key(each)] = owners.get(name_key(each), 0) + 1
    return (
        df["aliases"]
        .map(
            lambda cell: all(
                alias.strip() and owners[name_key(alias)] == 1 for alias in alias_list(cell)
            )
        )
        .astype(bool)
    )


class SourceTable(Table):
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

    @pa.check("country", name="iso_3166_1", error="must be an ISO 3166-1 alpha-2 country code")
    def _iso_country(cls, values: pd.Series) -> pd.Series:
        return values.isin(countries())

    @pa.dataframe_check(
        name="aliases.distinct",
        error="must be names separated by ' | ', none of them blank or the same as this or "
        "another source's name or alias, or drafting could not tell the sources apart",
    )
    def _aliases_distinct(cls, df: pd.DataFrame) -> pd.Series:
        return _names_distinct(df)

    @pa.dataframe_check(
        name="source_id.not_inside_another",
        error="must not occur inside another source id, or filtering attributions by it "
        "would also find the other source",
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


class ClaimTable(Table):
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
        error="must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, or two of them joined by "
        "'/' with the earlier first",
    )
    def _when(cls, values: pd.Series) -> pd.Series:
        return by_distinct(values, is_date_or_interval)

    @pa.check("verdict_rationale", "attribution_rationale", name="sentences", error=SENTENCES)
    def _sentences(cls, values: pd.Series) -> pd.Series:
        return one_to_three_sentences(values)

    @pa.check(
        "reviewed_on",
        name="real_past_date",
        error="must be a real date written YYYY-MM-DD, not after today",
    )
    def _reviewed_on(cls, values: pd.Series) -> pd.Series:
        today = pd.Timestamp.today().strftime("%Y-%m-%d")
        return is_real_date(values) & (values <= today)

    @pa.dataframe_check(name="span_end.after_start", error="must be greater than span_start")
    def _span_order(cls, df: pd.DataFrame) -> pd.Series:
        start = pd.to_numeric(df["span_start"], errors="coerce")
        end = pd.to_numeric(df["span_end"], errors="coerce")
        return (end > start) | start.isna() | end.isna()

    @pa.dataframe_check(
        name="attribution_cue.one_per_link",
        error="must give one cue for each ' > ' link of the attribution, and none for the "
        "outlet's own voice",
    )
    def _one_cue_per_link(cls, df: pd.DataFrame) -> pd.Series:
        chain, cue = df["attribution"], df["attribution_cue"]
        links = chain.str.count(notation.LINK)
        cues = (cue.str.count(notation.LINK) + 1).where(cue.fillna("") != "", 0)  # see cues()
        well_formed = chain.str.match(notation.ATTRIBUTION).fillna(False).astype(bool)
        return ((links == cues) | ~well_formed).fillna(True).astype(bool)  # bad chains: own rule

    @pa.dataframe_check(
        name="certainty_cue.iff_not_asserted",
        error="must quote the article's hedging words when certainty is not 'asserted', "
        "and be empty when it is",
    )
    def _certainty_cue(cls, df: pd.DataFrame) -> pd.Series:
        asserted = df["certainty"] == Certainty.ASSERTED.value
        has_cue = df["certainty_cue"].notna()
        unknown = ~df["certainty"].isin(Certainty.values())
        return (asserted != has_cue) | unknown

    @pa.dataframe_check(
        name="verdict.review_complete",
        error="must be given together with verdict_rationale, attribution_check and "
        "reviewed_on, or all four left empty while the claim awaits its fact-check",
    )
    def _review_complete(cls, df: pd.DataFrame) -> pd.Series:
        filled = df[list(REVIEW_COLUMNS)].notna()
        return filled.all(axis=1) | ~filled.any(axis=1)

    @pa.dataframe_check(
        name="verdict.matches_claim_type",
        error="must be not_checkable exactly when claim_type is expectation_or_plan or "
        "analysis_or_opinion",
    )
    def _verdict_matches_type(cls, df: pd.DataFrame) -> pd.Series:
        uncheckable = df["claim_type"].isin(UNCHECKABLE_TYPES)
        not_checkable = df["verdict"] == Verdict.NOT_CHECKABLE.value
        known = df["claim_type"].isin(ClaimType.values()) & df["verdict"].isin(Verdict.values())
        return (uncheckable == not_checkable) | ~known

    @pa.dataframe_check(
        name="attribution_check.matches_attribution",
        error="must be not_applicable exactly when the attribution is the outlet's own voice",
    )
    def _attribution_check_applies(cls, df: pd.DataFrame) -> pd.Series:
        well_formed = df["attribution"].str.match(notation.ATTRIBUTION).fillna(False).astype(bool)
        own_voice = ~df["attribution"].str.contains(notation.LINK, regex=False).fillna(False)
        not_applicable = df["attribution_check"] == AttributionCheck.NOT_APPLICABLE.value
        known = df["attribution_check"].isin(AttributionCheck.values()) & well_formed
        return (own_voice == not_applicable) | ~known

    @pa.dataframe_check(
        name="attribution_rationale.iff_checked",
        error="must explain the attribution check, and be empty when it is not_applicable",
    )
    def _attribution_rationale(cls, df: pd.DataFrame) -> pd.Series:
        not_applicable = df["attribution_check"] == AttributionCheck.NOT_APPLICABLE.value
        known = df["attribution_check"].isin(AttributionCheck.values())
        return (not_applicable != df["attribution_rationale"].notna()) | ~known

    @pa.dataframe_check(
        name="claim.not_duplicated",
        error="must not repeat another row with the same article, span and claim text",
    )
    def _not_duplicated(cls, df: pd.DataFrame) -> pd.Series:
        return ~df.duplicated(subset=NOT_DUPLICATED["claim.not_duplicated"], keep=False)


class EvidenceTable(Table):
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

    @pa.check("url", name="http_url", error=HTTP_URL)
    def _http_url(cls, values: pd.Series) -> pd.Series:
        return is_http_url(values)

    @pa.check("published_on", name="real_date", error=REAL_DATE)
    def _real_date(cls, values: pd.Series) -> pd.Series:
        return is_real_date(values)

    @pa.dataframe_check(
        name="url.not_duplicated",
        error="must not be cited twice for the same claim and check",
    )
    def _not_duplicated(cls, df: pd.DataFrame) -> pd.Series:
        return ~df.duplicated(subset=NOT_DUPLICATED["url.not_duplicated"], keep=False)


@dataclass(frozen=True)
class TableSpec:
    """A table of the dataset: its name, its file and its model."""

    name: str
    model: type[Table]
    key: str  # the primary key: unique, and the canonical row order
    # column -> the table whose primary key it must name
    references: Mapping[str, str] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def schema(self) -> pa.DataFrameSchema:
        return self.model.to_schema()

    @functools.cached_property
    def row_schema(self) -> pa.DataFrameSchema:
        """The schema without the checks that compare rows with one another (unique columns,
        `NOT_DUPLICATED`): what one block of a table read in blocks can be held to. The
        others are checked across blocks on each of `repeat_checks`."""
        schema = self.schema.update_columns(
            {name: {"unique": False} for name, _, _ in self.repeat_checks if name in self.columns}
        )
        schema.checks = [c for c in schema.checks if c.name not in NOT_DUPLICATED]
        return schema

    @functools.cached_property
    def repeat_checks(self) -> list[tuple[str, list[str], str]]:
        """The checks that compare rows: (name, the columns compared, the rule id)."""
        found = [
            (name, [name], f"{self.name}.{name}.unique")
            for name, column in self.schema.columns.items()
            if column.unique
        ]
        found += [
            (str(check.name), NOT_DUPLICATED[str(check.name)], f"{self.name}.{check.name}")
            for check in self.schema.checks
            if check.name in NOT_DUPLICATED
        ]
        return found

    @property
    def columns(self) -> list[str]:
        return list(self.schema.columns)

    def pattern(self, column: str) -> str | None:
        """The regular expression a column's cells must match, if it has one."""
        for check in self.schema.columns[column].checks:
            if check.name == "str_matches":
                return str(check.statistics["pattern"])
        return None


TABLES: tuple[TableSpec, ...] = (
    TableSpec("articles", ArticleTable, "article_id", {"publisher_source_id": "sources"}),
    TableSpec("sources", SourceTable, "source_id"),
    TableSpec("claims", ClaimTable, "claim_id", {"article_id": "articles"}),
    TableSpec("evidence", EvidenceTable, "evidence_id", {"claim_id": "claims"}),
)


def spec_named(name: str) -> TableSpec:
    """The table called `name`."""
    return next(spec for spec in TABLES if spec.name == name)
