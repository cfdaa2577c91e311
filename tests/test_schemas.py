"""Every rule of the table schemas, each broken by a fixture that breaks exactly that rule.

A case edits the committed dataset in a temporary copy and states the exact located line
`factcheck validate` must print. `also` names rules that the same edit necessarily breaks
elsewhere (a renamed id no longer matches its references); nothing else may be reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from catalogue import Catalogue, Checked, Found, together
from conftest import (
    ARTICLE_ID,
    REPO,
    get_cell,
    lines,
    problems_in,
    read_rows,
    rule_of,
    set_cell,
    validate_cli,
    write_rows,
)
from factcheck.checks.rules.columns import schema_rule_ids
from factcheck.model.tables import TABLES, spec_named

Edit = Callable[[Path], None]


def cell(file: str, row: int, column: str, value: str) -> Edit:
    def edit(directory: Path) -> None:
        set_cell(directory, file, row, column, value)

    return edit


def copy_row(file: str, row: int) -> Edit:
    def edit(directory: Path) -> None:
        rows = read_rows(directory / file)
        write_rows(directory / file, [*rows, rows[row - 1]])

    return edit


def add_column(file: str, name: str) -> Edit:
    def edit(directory: Path) -> None:
        rows = read_rows(directory / file)
        write_rows(directory / file, [[*rows[0], name]] + [[*r, "x"] for r in rows[1:]])

    return edit


@dataclass(frozen=True)
class Case:
    rule: str
    edits: tuple[Edit, ...]
    expected: tuple[str, ...]
    also: tuple[str, ...] = ()


SHORT_DATE_MESSAGE = (
    "is a date as a spreadsheet saves it in its short format, which does not say whether the "
    "day or the month comes first: write it YYYY-MM-DD, or have `factcheck format --date-order "
    "mdy` (month first, as Excel in the US) or `--date-order dmy` (day first) convert every "
    "such date whose year has four digits"
)
C = "claims.csv"
S = "sources.csv"
A = "articles.csv"
E = "evidence.csv"
SAME_URL = "https://example.org/one-page"
ARTICLE_COLUMNS = (
    "article_id, title, title_origin, publisher_source_id, url, published_on, language, "
    "text_sha256, review_state, rating, assessment, key_findings, reviewed_by, reviewed_on, "
    "updated_on"
)

# an article whose id changes has none of its claims left for its key findings to name
OF_ITS_CLAIMS = ("articles.key_findings.claims_of_article",)

CASES = [
    Case(
        "articles.article_id.format",
        (cell(A, 2, "article_id", "Kim_Train"),),
        (
            "articles.csv, row 2, column article_id: 'Kim_Train' must be lower-case letters and "
            "digits in words joined by single hyphens [articles.article_id.format]",
        ),
        also=("claims.article_id.exists", *OF_ITS_CLAIMS),
    ),
    Case(
        "articles.article_id.unique",
        (copy_row(A, 2),),
        tuple(
            f"articles.csv, row {r}, column article_id: '{ARTICLE_ID}' must be unique, but rows "
            "2, 3 share this value [articles.article_id.unique]"
            for r in (2, 3)
        ),
    ),
    Case(
        "articles.article_id.length",
        (cell(A, 2, "article_id", "a" * 300),),
        (
            f"articles.csv, row 2, column article_id: '{'a' * 79}…' must be at most 200 "
            "characters long [articles.article_id.length]",
            f"articles.csv, row 2, column article_id: '{'a' * 79}…' must have its text stored as "
            f"UTF-8 in articles/<article_id>.txt; articles/{'a' * 300}.txt cannot be read: File "
            "name too long [articles.article_id.text_file]",
        ),
        also=("claims.article_id.exists", *OF_ITS_CLAIMS),
    ),
    Case(
        "articles.title_origin.allowed",
        (cell(A, 2, "title_origin", "ours"),),
        (
            "articles.csv, row 2, column title_origin: 'ours' must be one of: published, "
            "dataset [articles.title_origin.allowed]",
        ),
    ),
    Case(
        "articles.review_state.allowed",
        (cell(A, 2, "review_state", "done"),),
        (
            "articles.csv, row 2, column review_state: 'done' must be one of: in_progress, "
            "complete [articles.review_state.allowed]",
        ),
    ),
    Case(
        "articles.publisher_source_id.format",
        (cell(A, 2, "publisher_source_id", "current india"),),
        (
            "articles.csv, row 2, column publisher_source_id: 'current india' must be upper-case "
            "letters and digits in words joined by single hyphens, e.g. KCNA "
            "[articles.publisher_source_id.format]",
        ),
    ),
    Case(
        "articles.url.http_url",
        (cell(A, 2, "url", "currentindia.com/?p=23639"),),
        (
            "articles.csv, row 2, column url: 'currentindia.com/?p=23639' must be an absolute "
            "http:// or https:// address [articles.url.http_url]",
        ),
    ),
    Case(
        "articles.published_on.real_date",
        (cell(A, 2, "published_on", "2025-02-30"),),
        (
            "articles.csv, row 2, column published_on: '2025-02-30' must be a real date written "
            "YYYY-MM-DD [articles.published_on.real_date]",
        ),
    ),
    Case(
        "articles.language.iso_639_1",
        (cell(A, 2, "language", "english"),),
        (
            "articles.csv, row 2, column language: 'english' must be a two-letter ISO 639-1 "
            "language code [articles.language.iso_639_1]",
        ),
    ),
    Case(
        "articles.text_sha256.format",
        (cell(A, 2, "text_sha256", "F5D9"),),
        (
            "articles.csv, row 2, column text_sha256: 'F5D9' must be 64 lower-case hexadecimal "
            "characters [articles.text_sha256.format]",
        ),
    ),
    Case(
        "articles.columns.known",
        (add_column(A, "notes"),),
        (
            f"articles.csv, column notes: is not a column of the articles table; its columns are: "
            f"{ARTICLE_COLUMNS} [articles.columns.known]",
        ),
    ),
    Case(
        "sources.source_id.format",
        (cell(S, 3, "source_id", "kcna"),),
        (
            "sources.csv, row 3, column source_id: 'kcna' must be upper-case letters and digits "
            "in words joined by single hyphens, e.g. KCNA [sources.source_id.format]",
        ),
        also=("claims.attribution.sources_exist",),
    ),
    Case(
        "sources.source_id.unique",
        (cell(S, 4, "source_id", "KCNA"),),
        tuple(
            f"sources.csv, row {r}, column source_id: 'KCNA' must be unique, but rows 3, 4 "
            "share this value [sources.source_id.unique]"
            for r in (3, 4)
        ),
        also=("claims.attribution.sources_exist",),
    ),
    Case(
        "sources.name.unique",
        (cell(S, 4, "name", "Korean Central News Agency"),),
        tuple(
            f"sources.csv, row {r}, column name: 'Korean Central News Agency' must be unique, "
            "but rows 3, 4 share this value [sources.name.unique]"
            for r in (3, 4)
        ),
    ),
    Case(
        "sources.kind.allowed",
        (cell(S, 4, "kind", "wire"),),
        (
            "sources.csv, row 4, column kind: 'wire' must be one of: publisher, news_agency, "
            "state_news_agency, state_broadcaster, state_media, government_officials, person, "
            "organization [sources.kind.allowed]",
        ),
    ),
    Case(
        "sources.country.iso_3166_1",
        (cell(S, 3, "country", "XX"),),
        (
            "sources.csv, row 3, column country: 'XX' must be an ISO 3166-1 alpha-2 country "
            "code [sources.country.iso_3166_1]",
        ),
    ),
    Case(
        "sources.state_controlled.allowed",
        (cell(S, 3, "state_controlled", "yes"),),
        (
            "sources.csv, row 3, column state_controlled: 'yes' must be one of: true, false "
            "[sources.state_controlled.allowed]",
        ),
    ),
    Case(
        "sources.aliases.distinct",
        (cell(S, 8, "aliases", "Yonhap | KCNA"),),
        (  # both sides of the clash: either may be the one to change
            "sources.csv, row 3, column aliases: 'KCNA' must be names separated by "
            "' | ', none of them blank or the same as this or another source's name or alias, "
            "or drafting could not tell the sources apart [sources.aliases.distinct]",
            "sources.csv, row 8, column aliases: 'Yonhap | KCNA' must be names separated by "
            "' | ', none of them blank or the same as this or another source's name or alias, "
            "or drafting could not tell the sources apart [sources.aliases.distinct]",
        ),
    ),
    Case(
        "sources.source_id.not_inside_another",
        (
            cell(S, 8, "source_id", "YONHAP-KCNA"),
            cell(C, 16, "attribution", "CURRENTINDIA > YONHAP-KCNA > KP-BROADCASTER"),
        ),
        (
            "sources.csv, row 3, column source_id: 'KCNA' must not occur inside another source "
            "id, or filtering attributions by it would also find the other source "
            "[sources.source_id.not_inside_another]",
        ),
    ),
    Case(
        "sources.columns.known",
        (add_column(S, "website"),),
        (
            "sources.csv, column website: is not a column of the sources table; its columns are: "
            "source_id, name, aliases, kind, country, state_controlled, description "
            "[sources.columns.known]",
        ),
    ),
    Case(
        "claims.claim_id.format",
        (cell(C, 7, "claim_id", "C5"),),
        (
            "claims.csv, row 7, column claim_id: 'C5' must be C followed by four digits (C0001), "
            "or by a larger number without leading zeros [claims.claim_id.format]",
        ),
    ),
    Case(
        "claims.claim_id.unique",
        (cell(C, 7, "claim_id", "C0005"),),
        tuple(
            f"claims.csv, row {r}, column claim_id: 'C0005' must be unique, but rows 6, 7 share "
            "this value [claims.claim_id.unique]"
            for r in (6, 7)
        ),
    ),
    Case(
        "claims.article_id.format",
        (cell(C, 6, "article_id", "Kim Train"),),
        (
            "claims.csv, row 6, column article_id: 'Kim Train' must be lower-case letters and "
            "digits in words joined by single hyphens [claims.article_id.format]",
        ),
    ),
    Case(
        "claims.span_start.format",
        (cell(C, 6, "span_start", "1e2"),),
        (
            "claims.csv, row 6, column span_start: '1e2' must be a whole number of 0 or more, "
            "written with digits only [claims.span_start.format]",
        ),
    ),
    Case(
        "claims.span_end.format",
        (cell(C, 6, "span_end", "166.0"),),
        (
            "claims.csv, row 6, column span_end: '166.0' must be a whole number of 0 or more, "
            "written with digits only [claims.span_end.format]",
        ),
    ),
    Case(
        "claims.span_end.after_start",
        (cell(C, 6, "span_end", "153"),),
        (
            "claims.csv, row 6, column span_end: '153' must be greater than span_start "
            "[claims.span_end.after_start]",
        ),
    ),
    Case(
        "claims.claim_type.allowed",
        (cell(C, 6, "claim_type", "fact"),),
        (
            "claims.csv, row 6, column claim_type: 'fact' must be one of: event, "
            "time_or_quantity, attribute, expectation_or_plan, analysis_or_opinion "
            "[claims.claim_type.allowed]",
        ),
    ),
    Case(
        "claims.certainty.allowed",
        (cell(C, 6, "certainty", "certain"),),
        (
            "claims.csv, row 6, column certainty: 'certain' must be one of: asserted, expected, "
            "alleged, hedged [claims.certainty.allowed]",
        ),
    ),
    Case(
        "claims.certainty_cue.iff_not_asserted",
        (cell(C, 6, "certainty", "hedged"),),
        (
            "claims.csv, row 6, column certainty_cue: must quote the article's hedging words "
            "when certainty is not 'asserted', and be empty when it is "
            "[claims.certainty_cue.iff_not_asserted]",
        ),
    ),
    Case(
        "claims.attribution.format",
        (cell(C, 6, "attribution", "CURRENTINDIA>KCNA"),),
        (
            "claims.csv, row 6, column attribution: 'CURRENTINDIA>KCNA' must be source ids "
            "joined by ' > ' (reported via) and ' + ' (jointly), e.g. CURRENTINDIA > YONHAP > "
            "KP-BROADCASTER [claims.attribution.format]",
        ),
    ),
    Case(
        "claims.attribution_cue.format",
        (cell(C, 10, "attribution_cue", "according to >"),),
        (
            "claims.csv, row 10, column attribution_cue: 'according to >' must be one cue per "
            "link of the chain, joined by ' > ' [claims.attribution_cue.format]",
        ),
    ),
    Case(
        "claims.attribution_cue.one_per_link",
        (cell(C, 10, "attribution_cue", ""),),
        (
            "claims.csv, row 10, column attribution_cue: must give one cue for each ' > ' link "
            "of the attribution, and none for the outlet's own voice "
            "[claims.attribution_cue.one_per_link]",
        ),
    ),
    Case(
        "claims.claim.not_duplicated",
        (
            cell(C, 7, "span_end", "166"),
            cell(C, 7, "quote", "The rare trip"),
            cell(C, 7, "claim", "Kim Jong Un rarely travels abroad."),
        ),
        tuple(
            f"claims.csv, row {r}, column claim: 'Kim Jong Un rarely travels abroad.' must not "
            "repeat another row with the same article, span and claim text "
            "[claims.claim.not_duplicated]"
            for r in (6, 7)
        ),
    ),
    Case(
        "claims.columns.known",
        (add_column(C, "note"),),
        (
            "claims.csv, column note: is not a column of the claims table; its columns are: "
            "claim_id, article_id, span_start, span_end, quote, claim, claim_type, certainty, "
            "certainty_cue, attribution, attribution_cue, when, verdict, verdict_rationale, "
            "attribution_check, attribution_rationale, reviewed_on [claims.columns.known]",
        ),
    ),
    Case(
        "claims.when.date_or_interval",
        (cell(C, 3, "when", "2025-09-02/2025-09-01"),),
        (
            "claims.csv, row 3, column when: '2025-09-02/2025-09-01' must be a real date written "
            "YYYY, YYYY-MM or YYYY-MM-DD, or two of them joined by '/' with the earlier first "
            "[claims.when.date_or_interval]",
        ),
    ),
    Case(
        "claims.verdict.allowed",
        (cell(C, 6, "verdict", "true"),),
        (
            "claims.csv, row 6, column verdict: 'true' must be one of: supported, "
            "partly_supported, refuted, not_enough_evidence, not_checkable "
            "[claims.verdict.allowed]",
        ),
    ),
    Case(
        "claims.verdict_rationale.sentences",
        (cell(C, 6, "verdict_rationale", "One. Two. Three. Four."),),
        (
            "claims.csv, row 6, column verdict_rationale: 'One. Two. Three. Four.' must be one to "
            "three sentences [claims.verdict_rationale.sentences]",
        ),
    ),
    Case(
        "claims.attribution_check.allowed",
        (cell(C, 10, "attribution_check", "yes"),),
        (
            "claims.csv, row 10, column attribution_check: 'yes' must be one of: confirmed, "
            "not_found, contradicted, not_applicable [claims.attribution_check.allowed]",
        ),
    ),
    Case(
        "claims.attribution_rationale.sentences",
        (cell(C, 10, "attribution_rationale", "First. Second. Third. Fourth."),),
        (
            "claims.csv, row 10, column attribution_rationale: 'First. Second. Third. Fourth.' "
            "must be one to three "
            "sentences [claims.attribution_rationale.sentences]",
        ),
    ),
    Case(
        "claims.reviewed_on.real_past_date",
        (cell(C, 7, "reviewed_on", "2999-01-01"),),
        (
            "claims.csv, row 7, column reviewed_on: '2999-01-01' must be a real date written "
            "YYYY-MM-DD, not after today [claims.reviewed_on.real_past_date]",
        ),
    ),
    Case(
        "claims.verdict.review_complete",
        (cell(C, 7, "verdict", ""),),
        (
            "claims.csv, row 7, column verdict: must be given together with verdict_rationale, "
            "attribution_check and reviewed_on, or all four left empty while the claim awaits "
            "its fact-check [claims.verdict.review_complete]",
        ),
    ),
    Case(
        "claims.verdict.matches_claim_type",
        (cell(C, 7, "claim_type", "event"),),
        (
            "claims.csv, row 7, column verdict: 'not_checkable' must be not_checkable exactly "
            "when claim_type is expectation_or_plan or analysis_or_opinion "
            "[claims.verdict.matches_claim_type]",
        ),
    ),
    Case(
        "claims.attribution_check.matches_attribution",
        (
            cell(C, 6, "attribution_check", "not_found"),
            cell(C, 6, "attribution_rationale", "Nothing was found."),
        ),
        (
            "claims.csv, row 6, column attribution_check: 'not_found' must be not_applicable "
            "exactly when the attribution is the outlet's own voice "
            "[claims.attribution_check.matches_attribution]",
        ),
    ),
    Case(
        "claims.attribution_rationale.iff_checked",
        (cell(C, 10, "attribution_rationale", ""),),
        (
            "claims.csv, row 10, column attribution_rationale: must explain the attribution "
            "check, and be empty when it is not_applicable "
            "[claims.attribution_rationale.iff_checked]",
        ),
    ),
    Case(
        "evidence.evidence_id.format",
        (cell(E, 3, "evidence_id", "E2"),),
        (
            "evidence.csv, row 3, column evidence_id: 'E2' must be E followed by four digits "
            "(E0001), or by a larger number without leading zeros [evidence.evidence_id.format]",
        ),
    ),
    Case(
        "evidence.evidence_id.unique",
        (cell(E, 3, "evidence_id", "E0001"),),
        tuple(
            f"evidence.csv, row {r}, column evidence_id: 'E0001' must be unique, but rows 2, 3 "
            "share this value [evidence.evidence_id.unique]"
            for r in (2, 3)
        ),
    ),
    Case(
        "evidence.claim_id.format",
        (cell(E, 3, "claim_id", "c0002"),),
        (
            "evidence.csv, row 3, column claim_id: 'c0002' must be C followed by four digits "
            "(C0001), or by a larger number without leading zeros [evidence.claim_id.format]",
        ),
    ),
    Case(
        "evidence.bears_on.allowed",
        (cell(E, 3, "bears_on", "both"),),
        (
            "evidence.csv, row 3, column bears_on: 'both' must be one of: content, attribution "
            "[evidence.bears_on.allowed]",
        ),
    ),
    Case(
        "evidence.url.http_url",
        (cell(E, 3, "url", "thesun.my/world-news"),),
        (
            "evidence.csv, row 3, column url: 'thesun.my/world-news' must be an absolute http:// "
            "or https:// address [evidence.url.http_url]",
        ),
    ),
    Case(
        "evidence.published_on.real_date",
        (cell(E, 3, "published_on", "2 Sept 2025"),),
        (
            "evidence.csv, row 3, column published_on: '2 Sept 2025' must be a real date written "
            "YYYY-MM-DD [evidence.published_on.real_date]",
        ),
    ),
    Case(
        "articles.published_on.short_date",
        (cell(A, 2, "published_on", "9/2/2025"),),
        (
            f"articles.csv, row 2, column published_on: '9/2/2025' {SHORT_DATE_MESSAGE} "
            "[articles.published_on.short_date]",
        ),
    ),
    Case(
        "articles.rating.allowed",
        (cell(A, 2, "rating", "good"),),
        (
            "articles.csv, row 2, column rating: 'good' must be one of: very_high, high, "
            "neutral, low, very_low [articles.rating.allowed]",
        ),
    ),
    Case(
        "articles.key_findings.format",
        (cell(A, 2, "key_findings", "C0019,C0010"),),
        (
            "articles.csv, row 2, column key_findings: 'C0019,C0010' must be claim ids separated "
            "by single spaces, e.g. C0019 C0010 [articles.key_findings.format]",
        ),
    ),
    Case(
        "articles.assessment.length",
        (cell(A, 2, "assessment", "It holds " + "and holds " * 110 + "in the end."),),
        (
            "articles.csv, row 2, column assessment: 'It holds and holds and holds and holds "
            "and holds and holds and holds and holds …' must be at most 1000 characters long "
            "[articles.assessment.length]",
        ),
    ),
    Case(
        "articles.assessment.sentences",
        (cell(A, 2, "assessment", "It holds. It is late. It is wrong. It is old."),),
        (
            "articles.csv, row 2, column assessment: 'It holds. It is late. It is wrong. It is "
            "old.' must be one to three sentences [articles.assessment.sentences]",
        ),
    ),
    Case(
        "articles.rating.assessment_complete",
        (cell(A, 2, "reviewed_by", ""),),
        (
            "articles.csv, row 2, column rating: 'neutral' must be given together with "
            "assessment, reviewed_by and reviewed_on, or all four left empty until the "
            "article's claims are checked [articles.rating.assessment_complete]",
        ),
    ),
    Case(
        "articles.rating.complete",
        (cell(A, 2, "review_state", "in_progress"),),
        (
            "articles.csv, row 2, column rating: 'neutral' must be empty while the article's "
            "review_state is in_progress: an assessment sums up every claim of the article, and "
            "some are not merged yet; set review_state to complete once every sentence is "
            "covered [articles.rating.complete]",
        ),
    ),
    Case(
        "articles.key_findings.rated",
        tuple(cell(A, 2, c, "") for c in ("rating", "assessment", "reviewed_by", "reviewed_on")),
        (
            "articles.csv, row 2, column key_findings: 'C0019 C0010 C0041 C0043 C0037 C0038 "
            "C0053' must be empty while the article has no rating [articles.key_findings.rated]",
        ),
    ),
    Case(
        "articles.updated_on.after_review",
        (cell(A, 2, "updated_on", "2026-12-06"),),
        (
            "articles.csv, row 2, column updated_on: '2026-12-06' must be empty while the "
            "article has no assessment, and not before reviewed_on "
            "[articles.updated_on.after_review]",
        ),
    ),
    Case(
        "articles.reviewed_on.not_before_publication",
        (cell(A, 2, "reviewed_on", "2025-09-01"),),
        (
            "articles.csv, row 2, column reviewed_on: '2025-09-01' must not be before the "
            "article's publication date [articles.reviewed_on.not_before_publication]",
        ),
    ),
    Case(
        "articles.reviewed_on.real_past_date",
        (cell(A, 2, "reviewed_on", "2026-02-30"),),
        (
            "articles.csv, row 2, column reviewed_on: '2026-02-30' must be a real date written "
            "YYYY-MM-DD, not after today [articles.reviewed_on.real_past_date]",
        ),
    ),
    Case(
        "articles.updated_on.real_past_date",
        (cell(A, 2, "updated_on", "2999-01-01"),),
        (
            "articles.csv, row 2, column updated_on: '2999-01-01' must be a real date written "
            "YYYY-MM-DD, not after today [articles.updated_on.real_past_date]",
        ),
    ),
    Case(
        "articles.reviewed_on.short_date",
        (cell(A, 2, "reviewed_on", "12/7/2026"),),
        (
            f"articles.csv, row 2, column reviewed_on: '12/7/2026' {SHORT_DATE_MESSAGE} "
            "[articles.reviewed_on.short_date]",
        ),
    ),
    Case(
        "articles.updated_on.short_date",
        (cell(A, 2, "updated_on", "12/7/2026"),),
        (
            f"articles.csv, row 2, column updated_on: '12/7/2026' {SHORT_DATE_MESSAGE} "
            "[articles.updated_on.short_date]",
        ),
    ),
    Case(
        "claims.reviewed_on.short_date",
        (cell(C, 7, "reviewed_on", "11/29/2026"),),
        (
            f"claims.csv, row 7, column reviewed_on: '11/29/2026' {SHORT_DATE_MESSAGE} "
            "[claims.reviewed_on.short_date]",
        ),
    ),
    Case(
        "claims.when.short_date",
        (cell(C, 3, "when", "02.09.2025"),),
        (
            f"claims.csv, row 3, column when: '02.09.2025' {SHORT_DATE_MESSAGE} "
            "[claims.when.short_date]",
        ),
    ),
    Case(
        "claims.when.short_month",
        (cell(C, 3, "when", "Sep-25"),),
        (
            "claims.csv, row 3, column when: 'Sep-25' is a month as a spreadsheet saves it "
            "(Jun-19 for 2019-06), which does not say the century: write it YYYY-MM "
            "[claims.when.short_month]",
        ),
    ),
    Case(
        "evidence.published_on.short_date",
        (cell(E, 3, "published_on", "02-09-2025"),),
        (
            f"evidence.csv, row 3, column published_on: '02-09-2025' {SHORT_DATE_MESSAGE} "
            "[evidence.published_on.short_date]",
        ),
    ),
    Case(
        "evidence.stance.allowed",
        (cell(E, 3, "stance", "agrees"),),
        (
            "evidence.csv, row 3, column stance: 'agrees' must be one of: supports, refutes, "
            "context [evidence.stance.allowed]",
        ),
    ),
    Case(
        "evidence.url.not_duplicated",
        # one page, so one publisher too
        (
            cell(E, 3, "url", SAME_URL),
            cell(E, 4, "url", SAME_URL),
            cell(E, 4, "publisher", "The Sun (Malaysia)"),
        ),
        tuple(
            f"evidence.csv, row {r}, column url: '{SAME_URL}' must not be cited twice for the "
            "same claim and check [evidence.url.not_duplicated]"
            for r in (3, 4)
        ),
    ),
    Case(
        "evidence.columns.known",
        (add_column(E, "archive_url"),),
        (
            "evidence.csv, column archive_url: is not a column of the evidence table; its columns "
            "are: evidence_id, claim_id, bears_on, url, publisher, originator, published_on, "
            "stance, summary [evidence.columns.known]",
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_each_schema_rule_reports_its_located_message(case: Case, catalogue: Catalogue) -> None:
    checked = catalogue.checked(f"schema {case.rule}", together(case.edits))
    assert checked.code == 1
    printed = checked.lines()
    assert [line for line in printed if line in case.expected] == list(case.expected)
    assert [
        line for line in printed if line not in case.expected and rule_of(line) not in case.also
    ] == []


# Rules every column has: one generated case per column, so none is left untested. The
# cases of one rule in one table are checked together, each column broken in a row of its
# own, so that a rule reading another column's cell cannot fire where it should; articles.csv
# has one row, so each of its columns is a fixture of its own.
# The rows broken, column by column, from the first (sources: KCNA first, as the publisher's
# row would break an article's reference too).
# Rows past those listed follow the last, one per column; articles.csv breaks row 2 alone.
ROWS = {
    "articles": [2],
    "sources": [3, 4, 5, 6, 7, 8, 2],
    # claim_id at row 7, a claim no evidence names; attribution (the tenth column) at row
    # 17, whose one source other claims cite too (row 16's sources are its own)
    "claims": [7, 8, 9, 10, 11, 12, 13, 14, 15, 17],
    "evidence": [3],
}
# Breaking an id also breaks what refers to it, and a publisher changed on one row no longer
# matches its site's other rows; those rules are the only others allowed.
REFERENCES = {
    ("articles", "article_id"): ("claims.article_id.exists", *OF_ITS_CLAIMS),
    ("sources", "source_id"): ("claims.attribution.sources_exist",),
    ("evidence", "publisher"): ("evidence.publisher.one_per_host",),
}
COLUMNS = [(spec, column) for spec in TABLES for column in spec.columns]


def column_params(required_only: bool = False) -> list[Any]:
    """(table, column) of every column, or of every required one. articles.csv's are marked
    slow: each of them costs a validation of its own (the table has one row), so they make
    most of this file's time; the fast loop breaks each such rule in the other tables."""
    return [
        pytest.param(s.name, c, marks=[pytest.mark.slow] if s.name == "articles" else [])
        for s, c in COLUMNS
        if not (required_only and s.schema.columns[c].nullable)
    ]


# How a generated case breaks each rule every column has, from the cell's old value.
GENERIC: dict[str, Callable[[str], str]] = {
    "required": lambda old: "",
    "trimmed": lambda old: f" {old}",
    "one_line": lambda old: f"{old}\nmore",
    "printable": lambda old: f"{old}\x07",
    "nfc": lambda old: f"{old}e\u0301",
    "formula_safe": lambda old: '=HYPERLINK("http://x")',
}


def generic_columns(spec_name: str, rule: str) -> list[str]:
    """The columns of a table a generated case breaks `rule` in."""
    spec = spec_named(spec_name)
    return [c for c in spec.columns if rule != "required" or not spec.schema.columns[c].nullable]


def generic_row(spec_name: str, column: str) -> int:
    """The row whose cell of `column` the generated cases break: one row per column."""
    rows = ROWS[spec_name]
    at = spec_named(spec_name).columns.index(column)
    if spec_name == "articles":
        return rows[0]
    return rows[at] if at < len(rows) else rows[-1] + at - len(rows) + 1


def generic_group(spec_name: str, column: str, rule: str, alone: bool = True) -> list[str]:
    """The columns broken with `column` in one fixture: every column of its table, or only
    itself where the table has one row (unless not `alone`: an engine compared with DuckDB
    needs no more than one fixture per rule and table)."""
    one_row = spec_name == "articles" and alone
    return [column] if one_row else generic_columns(spec_name, rule)


def generic_fixtures(alone: bool = True) -> dict[str, tuple[str, str, list[str]]]:
    """Every generated fixture by name: its table, rule and the columns it breaks."""
    found = {}
    for rule in GENERIC:
        for spec in TABLES:
            for column in generic_columns(spec.name, rule):
                group = generic_group(spec.name, column, rule, alone)
                found[_fixture_name(spec.name, rule, group)] = (spec.name, rule, group)
    return found


def _fixture_name(spec_name: str, rule: str, group: list[str]) -> str:
    return f"columns {spec_name} {rule} " + ",".join(group)


def generic_edit(spec_name: str, rule: str, group: list[str]) -> Edit:
    """Break `rule` in each column of `group`, each in its row."""

    def edit(directory: Path) -> None:
        file = f"{spec_name}.csv"
        for column in group:
            row = generic_row(spec_name, column)
            set_cell(
                directory, file, row, column, GENERIC[rule](get_cell(directory, file, row, column))
            )

    return edit


def generic_checked(catalogue: Catalogue, spec_name: str, rule: str, group: list[str]) -> Checked:
    name = _fixture_name(spec_name, rule, group)
    return catalogue.checked(name, generic_edit(spec_name, rule, group))


def run_generic(catalogue: Catalogue, spec_name: str, column: str, rule: str) -> list[Found]:
    """The rule fires at the column's cell; each other problem is at another cell the case
    broke, or a rule its columns' references allow."""
    file, row = f"{spec_name}.csv", generic_row(spec_name, column)
    group = generic_group(spec_name, column, rule)
    found = generic_checked(catalogue, spec_name, rule, group).problems()
    here = [p for p in found if (p.file, p.row, p.column) == (file, row, column)]
    assert f"{spec_name}.{column}.{rule}" in [p.rule for p in here]
    broken = {(file, generic_row(spec_name, c), c) for c in group}
    allowed = {r for c in group for r in REFERENCES.get((spec_name, c), ())}
    elsewhere = [p for p in found if (p.file, p.row, p.column) not in broken]
    assert [p for p in elsewhere if p.rule not in allowed] == []
    return here


@pytest.mark.parametrize(("spec_name", "column"), column_params(required_only=True))
def test_required_column_left_empty(catalogue: Catalogue, spec_name: str, column: str) -> None:
    here = run_generic(catalogue, spec_name, column, "required")
    assert [p.text for p in here if p.rule.endswith(".required")] == [
        f"{spec_name}.csv, row {generic_row(spec_name, column)}, column {column}: must not be "
        f"empty [{spec_name}.{column}.required]"
    ]


@pytest.mark.parametrize(("spec_name", "column"), column_params())
@pytest.mark.parametrize("rule", [r for r in GENERIC if r != "required"])
def test_every_cell_obeys_the_rules_of_every_cell(
    catalogue: Catalogue, spec_name: str, column: str, rule: str
) -> None:
    """Trimmed, one line, printable, NFC, and safe from a spreadsheet's formulas."""
    run_generic(catalogue, spec_name, column, rule)


def test_decomposed_accents_are_reported(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_cell(dataset, "sources.csv", 3, "description", "Pyongyang\u0301s agency.")
    assert validate_cli(dataset, capsys) == (
        1,
        [
            "sources.csv, row 3, column description: 'Pyongyang\u0301s agency.' must be in "
            "Unicode normal form C, as composed characters are typed; the same text in another "
            "form would not match [sources.description.nfc]"
        ],
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_characters_are_reported_with_their_location(
    dataset: Path, start: str, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(dataset, "evidence.csv", 5, "summary", f"{start}cmd|' /C calc'!A0")
    assert validate_cli(dataset, capsys) == (
        1,
        [
            f"evidence.csv, row 5, column summary: \"{start}cmd|' /C calc'!A0\" must not begin "
            "with =, +, -, @, a tab or a carriage return, which a spreadsheet would run as a "
            "formula [evidence.summary.formula_safe]"
        ],
    )


def test_trimmed_one_line_and_printable_messages(dataset: Path) -> None:
    set_cell(dataset, "sources.csv", 3, "description", "State agency ")
    set_cell(dataset, "sources.csv", 4, "description", "Seoul\tagency")
    set_cell(dataset, "sources.csv", 5, "description", "Seoul\x07agency")
    assert lines(problems_in(dataset)) == [
        "sources.csv, row 3, column description: 'State agency ' must not begin or end with "
        "spaces [sources.description.trimmed]",
        "sources.csv, row 4, column description: 'Seoul\\tagency' must not contain line breaks "
        "or tabs, which spreadsheets split or hide [sources.description.one_line]",
        "sources.csv, row 5, column description: 'Seoul\\x07agency' must not contain control "
        "characters, which are invisible in a spreadsheet [sources.description.printable]",
    ]


def test_an_update_without_an_assessment_is_refused(dataset: Path) -> None:
    for column in ("rating", "assessment", "key_findings", "reviewed_by", "reviewed_on"):
        set_cell(dataset, A, 2, column, "")
    set_cell(dataset, A, 2, "updated_on", "2026-12-07")
    assert lines(problems_in(dataset)) == [
        "articles.csv, row 2, column updated_on: '2026-12-07' must be empty while the article has "
        "no assessment, and not before reviewed_on [articles.updated_on.after_review]"
    ]


def test_every_schema_rule_has_a_case() -> None:
    specific = {c.rule for c in CASES}
    every = {rule for spec in TABLES for rule in schema_rule_ids(spec)}
    untested = {r for r in every - specific if r.rsplit(".", 1)[1] not in GENERIC}
    assert untested == set()
    assert specific <= every


URL_CASES = [
    "currentindia.com/?p=23639",
    "thesun.my/world-news",
    "ftp://x.org",
    "http://",
    "http:///path",
    "https://a b.com",
    "https://x.org/a b",
    "HTTPS://EXAMPLE.ORG",
    "http://user@host.org/x",
    "http://:80/",
    "http://[::1]:8080/x",
    "https://www.trtworld.com:443/article/12717534",
    "http://host?q=1",
    "http://host#f",
    "javascript:alert(1)",
    "http//x.org",
]


def test_the_url_rule_agrees_with_urllib_on_every_cited_address_and_edge_case() -> None:
    import csv
    import re
    from urllib.parse import urlsplit

    from factcheck.model.cells import HTTP_URL_PATTERN

    def urllib_reading(value: str) -> bool:
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value

    with (REPO / "evidence.csv").open(encoding="utf-8", newline="") as handle:
        cited = [row["url"] for row in csv.DictReader(handle)]
    for value in cited + URL_CASES:
        assert bool(re.match(HTTP_URL_PATTERN, value)) == urllib_reading(value), value


def blank_lines(directory: Path) -> None:
    """Two blank lines after row 3 of claims.csv and of evidence.csv."""
    for file in (C, E):
        lines = (directory / file).read_text(encoding="utf-8").splitlines(keepends=True)
        (directory / file).write_text("".join([*lines[:3], "\n", "\n", *lines[3:]]))


# Blank lines are rows whose every required cell is missing; the checks that compare rows
# pass them, as pandera passes an empty row on every check of whole rows.
BLANK_LINES = Case("*.*.required", (blank_lines,), ())


def test_blank_lines_are_empty_required_cells_and_not_duplicates(catalogue: Catalogue) -> None:
    found = catalogue.checked("blank lines", together(BLANK_LINES.edits)).problems()
    assert {(p.file, p.row) for p in found} == {(f, r) for f in (C, E) for r in (4, 5)}
    assert {p.rule.rsplit(".", 1)[1] for p in found} == {"required"}


def test_a_claim_awaiting_its_fact_check_is_valid(dataset: Path) -> None:
    """A merged draft row has no verdict yet: its four review cells are empty together (its
    article's assessment is then a notice, `articles.rating.claims_checked`)."""
    for column in ("verdict", "verdict_rationale", "attribution_check", "reviewed_on"):
        set_cell(dataset, "claims.csv", 10, column, "")
    set_cell(dataset, "claims.csv", 10, "attribution_rationale", "")
    assert problems_in(dataset) == []
