"""Every rule the tools report, declared once: its id, its message in plain words, its severity.

A problem is only ever made here (`problem`), from its rule's declaration, so the same rule
says the same thing wherever it is found, and the data dictionary lists every rule from this
table. A message is the rule's `requirement` (what it requires; the dictionary shows it),
then its `detail`, which tells one finding apart (the value's place in the text, the rows
that share an id). Both are `str.format` templates: `requirement` is filled from the schema
(the allowed values, a pattern in words), `detail` from what was found.

Rules about any column or any table are declared once with `*` for the table and the column
(`*.*.required`) and reported under the real names (`claims.quote.required`); the schemas
(`factcheck.model.schemas`) name their checks after them. Ids are `<table>.<column>.<rule>`
for a cell or a row, `file.*` and `csv.*` for a file that cannot be read as a table, and a
command's name for what only that command checks.

This module reads better whole: it is a table of every message the tools print.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Any

from factcheck.problems import OMITTED, Problem, Severity

FATAL, ERROR, NOTICE = Severity.FATAL, Severity.ERROR, Severity.NOTICE


@dataclass(frozen=True)
class Rule:
    """A rule: what it requires, how a finding is told apart, and how grave breaking it is."""

    id: str
    requirement: str
    detail: str = ""
    severity: Severity = ERROR

    def message(self, **fields: Any) -> str:
        return self.requirement.format(**fields) + self.detail.format(**fields)

    @property
    def description(self) -> str:
        """The message in general: each field to be filled in shown as `<name>`."""
        return _PLACEHOLDER.sub(r"<\1>", self.requirement + self.detail)

    def matches(self, rule_id: str) -> bool:
        return fnmatch.fnmatchcase(rule_id, self.id) and rule_id.count(".") == self.id.count(".")


_PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def _rules(*rules: Rule) -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in found:
            raise ValueError(f"rule {rule.id} is declared twice")
        found[rule.id] = rule
    return found


RULES = _rules(
    # --- the dataset folder and its files --------------------------------------------
    Rule(
        "dataset.directory",
        "is not a directory: give the folder that holds the dataset's CSV files",
        severity=FATAL,
    ),
    Rule("file.exists", "is missing: the dataset needs this {what}", severity=FATAL),
    Rule("file.is_file", "is a directory, not a {what}", severity=FATAL),
    Rule("file.readable", "cannot be read: {error}", severity=FATAL),
    Rule(
        "file.utf8",
        "is not UTF-8 text (byte 0x{byte:02X} at position {position}); save it as UTF-8 "
        "(in Excel: 'CSV UTF-8')",
        severity=FATAL,
    ),
    Rule("file.binary", "contains NUL bytes: it is binary, not a {what}", severity=FATAL),
    Rule("csv.empty", "is empty: it needs at least the header row", severity=FATAL),
    Rule("csv.well_formed", "is not a well-formed CSV file: {error}", severity=FATAL),
    Rule("csv.header.repeated", "appears more than once in the header row", severity=FATAL),
    Rule(
        "csv.header.blank",
        "has no name in the header row (the column's place is given): name the column, or "
        "delete it if it holds nothing",
        severity=FATAL,
    ),
    Rule("csv.header.missing", "is missing from the header row", severity=FATAL),
    Rule(
        "csv.delimiter",
        "separates its fields with {delimiter}, {why}: save it again as CSV with a comma as "
        "the field delimiter (Excel: 'CSV UTF-8 (Comma delimited)'; LibreOffice: Save As, 'Edit "
        "filter settings', Field delimiter ',')",
        severity=FATAL,
    ),
    Rule(
        "csv.canonical",
        "is not in the canonical CSV dialect ({departures}); `factcheck format` rewrites it "
        "without changing what any cell says",
        severity=NOTICE,
    ),
    Rule(
        OMITTED,
        "{count:,} more problems of this rule were found; only the first {limit} are listed",
        severity=NOTICE,
    ),
    # --- any table, any column (the schemas' checks) --------------------------------------
    Rule("*.columns.known", "is not a column of the {table} table; its columns are: {columns}"),
    Rule("*.*.required", "must not be empty"),
    Rule("*.*.unique", "must be unique", ", but {rows} share this value"),
    Rule("*.*.format", "must be {format}"),
    Rule("*.*.allowed", "must be one of: {allowed}"),
    Rule("*.*.length", "must be at most {max_value} characters long"),
    Rule("*.*.trimmed", "must not begin or end with spaces"),
    Rule("*.*.one_line", "must not contain line breaks or tabs, which spreadsheets split or hide"),
    Rule(
        "*.*.printable",
        "must not contain control characters, which are invisible in a spreadsheet",
    ),
    Rule(
        "*.*.nfc",
        "must be in Unicode normal form C, as composed characters are typed; the same text in "
        "another form would not match",
    ),
    Rule(
        "*.*.formula_safe",
        "must not begin with =, +, -, @, a tab or a carriage return, which a spreadsheet would "
        "run as a formula",
    ),
    Rule("*.*.http_url", "must be an absolute http:// or https:// address"),
    Rule("*.*.real_date", "must be a real date written YYYY-MM-DD"),
    Rule("*.*.real_past_date", "must be a real date written YYYY-MM-DD, not after today"),
    Rule(
        "*.*.short_date",
        "is a date as a spreadsheet saves it in its short format, which does not say whether the "
        "day or the month comes first: write it YYYY-MM-DD, or have `factcheck format "
        "--date-order mdy` (month first, as Excel in the US) or `--date-order dmy` (day first) "
        "convert every such date whose year has four digits",
    ),
    Rule(
        "*.*.short_month",
        "is a month as a spreadsheet saves it (Jun-19 for 2019-06), which does not say the "
        "century: write it YYYY-MM",
    ),
    Rule(
        "*.*.date_order",
        "is no date read in the order {order}, or its year has two digits: write it by hand as "
        "YYYY-MM-DD; `factcheck format --date-order {order}` converts no date until every one "
        "can be",
    ),
    Rule(
        "*.*.date_or_interval",
        "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, or two of them joined by '/' "
        "with the earlier first",
    ),
    Rule("*.*.sentences", "must be one to three sentences"),
    Rule("*.*.iso_639_1", "must be a two-letter ISO 639-1 language code"),
    Rule("*.*.iso_3166_1", "must be an ISO 3166-1 alpha-2 country code"),
    Rule("*.*.exists", "must be {a_key} listed in {target}"),
    # --- sources.csv ---------------------------------------------------------------------
    Rule(
        "sources.aliases.distinct",
        "must be names separated by ' | ', none of them blank or the same as this or another "
        "source's name or alias, or drafting could not tell the sources apart",
    ),
    Rule(
        "sources.source_id.not_inside_another",
        "must not occur inside another source id, or filtering attributions by it would also "
        "find the other source",
    ),
    Rule(
        "sources.source_id.used",
        "must be used in the attribution of at least one claim, or publish an article",
    ),
    Rule(
        "sources.description.described",
        "is the placeholder a new source is added with: say in one line who the source is",
        severity=NOTICE,
    ),
    # --- articles.csv and the texts ------------------------------------------------------
    Rule(
        "articles.article_id.text_file",
        "must have its text stored as UTF-8 in articles/<article_id>.txt",
        "; {file} {reason}",
    ),
    Rule(
        "articles.text_sha256.matches_text",
        "must be the SHA-256 of the bytes of the stored text file",
        "; the file's is {actual}",
    ),
    Rule(
        "articles.sentence.covered",
        "must overlap the span of at least one claim: every sentence of an article's body is "
        "covered",
    ),
    Rule(
        "articles.rating.assessment_complete",
        "must be given together with assessment, reviewed_by and reviewed_on, or all four left "
        "empty until the article's claims are checked",
    ),
    Rule(
        "articles.rating.complete",
        "must be empty while the article's review_state is in_progress: an assessment sums up "
        "every claim of the article, and some are not merged yet; set review_state to complete "
        "once every sentence is covered",
    ),
    Rule("articles.key_findings.rated", "must be empty while the article has no rating"),
    Rule(
        "articles.updated_on.after_review",
        "must be empty while the article has no assessment, and not before reviewed_on",
    ),
    Rule(
        "articles.reviewed_on.not_before_publication",
        "must not be before the article's publication date",
    ),
    Rule(
        "articles.key_findings.claims_of_article",
        "must name claims of this article with a verdict on their facts (none awaiting its "
        "check, none not_checkable)",
        "; not among them: {missing}",
    ),
    Rule("articles.key_findings.distinct", "must name each claim once", "; repeated: {repeated}"),
    Rule(
        "articles.rating.claims_checked",
        "sums up claims of which {waiting} still await their check, or none: read the "
        "assessment again once every claim of the article is checked",
        severity=NOTICE,
    ),
    Rule(
        "articles.reviewed_on.after_claims",
        "is before the latest review of the article's claims ({latest}): read the assessment "
        "again, and date the change in updated_on",
        severity=NOTICE,
    ),
    Rule(
        "articles.review_state.uncovered",
        "leaves {uncovered} of the {sentences} sentences of the article's body without a "
        "claim: merge the rest of its draft as it is reviewed, and set review_state to "
        "complete once every sentence is covered",
        severity=NOTICE,
    ),
    Rule(
        "articles.claims.awaited",
        "has no claims yet; `factcheck draft {article_id}` proposes them for review, and once "
        "its review_state is complete, every sentence of its body must be covered",
        severity=NOTICE,
    ),
    # --- claims.csv ----------------------------------------------------------------------
    Rule("claims.span_end.after_start", "must be greater than span_start"),
    Rule(
        "claims.attribution_cue.one_per_link",
        "must give one cue for each ' > ' link of the attribution, and none for the outlet's "
        "own voice",
    ),
    Rule(
        "claims.certainty_cue.iff_not_asserted",
        "must quote the article's hedging words when certainty is not 'asserted', and be empty "
        "when it is",
    ),
    Rule(
        "claims.verdict.review_complete",
        "must be given together with verdict_rationale, attribution_check and reviewed_on, or "
        "all four left empty while the claim awaits its fact-check",
    ),
    Rule(
        "claims.verdict.matches_claim_type",
        "must be not_checkable exactly when claim_type is expectation_or_plan or "
        "analysis_or_opinion",
    ),
    Rule(
        "claims.attribution_check.matches_attribution",
        "must be not_applicable exactly when the attribution is the outlet's own voice",
    ),
    Rule(
        "claims.attribution_rationale.iff_checked",
        "must explain the attribution check, and be empty when it is not_applicable",
    ),
    Rule(
        "claims.claim.rewritten",
        "is the quote as drafted: rewrite it to stand alone, as a reader without the article "
        "reads it (names for pronouns, dates for 'Tuesday')",
        severity=NOTICE,
    ),
    Rule(
        "claims.claim.not_duplicated",
        "must not repeat another row with the same article, span and claim text",
    ),
    Rule(
        "claims.attribution.sources_exist",
        "must name only source ids listed in sources.csv",
        "; not listed: {names}",
    ),
    Rule(
        "claims.attribution.starts_with_publisher",
        "must start with the article's publisher alone, the voice that reports every claim",
        " ({publisher})",
    ),
    Rule(
        "claims.span_end.inside_text",
        "must not be past the end of the article's text",
        ", which is {length} code points long",
    ),
    Rule(
        "claims.quote.matches_span",
        "must be exactly the article's text from span_start to span_end",
        ", which reads {actual!r}",
    ),
    Rule(
        "claims.span_start.not_in_heading",
        "must not point into a section heading: headings are not claims",
        " ({heading!r})",
    ),
    Rule(
        "claims.attribution_cue.in_paragraph",
        "must quote words found in the paragraph that holds the claim's quote",
        "; not found: {missing}",
    ),
    Rule(
        "claims.certainty_cue.in_paragraph",
        "must quote words found in the paragraph that holds the claim's quote",
        "; not found: {missing}",
    ),
    Rule(
        "claims.verdict.supported_needs_support",
        "must be backed by at least one content evidence item that supports the claim",
    ),
    Rule(
        "claims.verdict.refuted_needs_refutation",
        "must be backed by at least one content evidence item that refutes the claim",
    ),
    Rule(
        "claims.attribution_check.confirmed_needs_support",
        "must be backed by at least one attribution evidence item that supports it when confirmed",
    ),
    Rule(
        "claims.attribution_check.contradicted_needs_refutation",
        "must be backed by at least one attribution evidence item that refutes it when "
        "contradicted",
    ),
    Rule(
        "claims.verdict.two_independent_publishers",
        "must rest on content evidence that supports or refutes it from at least two "
        "independent publishers when refuted or partly_supported (a wire story counts once)",
        "; found: {names}",
    ),
    Rule(
        "claims.verdict.one_independent_publisher",
        "rests on supporting evidence from one independent publisher only ({names}); a second "
        "publisher that does not relay the first would confirm it",
        severity=NOTICE,
    ),
    Rule(
        "claims.reviewed_on.not_before_article",
        "must not be before its article's publication date",
        " ({published})",
    ),
    # --- evidence.csv --------------------------------------------------------------------
    Rule("evidence.url.not_duplicated", "must not be cited twice for the same claim and check"),
    Rule(
        "evidence.publisher.one_per_host",
        "must be the same on every row whose address is on the same site: the publisher is "
        "the site that shows the page, and the outlet whose story it carries is the originator",
        ", but on {host} it is {others}",
    ),
    Rule(
        "evidence.published_on.not_after_review",
        "must not be after the reviewed_on date of its claim",
        " ({reviewed})",
    ),
    Rule(
        "evidence.bears_on.attributed_claim",
        "must be content for a claim in the outlet's own voice: it has no attribution to check",
    ),
    Rule(
        "evidence.stance.checkable_claim",
        "must be context for the content of a not_checkable claim: there is no fact to "
        "support or refute",
    ),
    # --- what only one command checks ----------------------------------------------------
    Rule("add.article_id.new", "is already an article id"),
    Rule("add.article_id.text_file", "already has a text file, {path}"),
    Rule("add.text.new", "is the text of {article_id} already"),
    Rule("add.text.empty", "is empty: an article needs its text"),
    Rule(
        "add.title.length",
        "is the text's first heading or sentence, too long for a title (at most {most} "
        "characters): give the article's title with --title",
    ),
    Rule(
        "draft.file",
        "is not a file: give the draft that `factcheck draft` wrote",
        severity=FATAL,
    ),
    Rule("draft.status.allowed", "must be one of: {allowed}"),
    Rule(
        "format.check",
        "would be rewritten in the canonical CSV dialect ({departures}): run `factcheck "
        "format` (`format --check` writes nothing)",
    ),
    Rule("xlsx.sheets", "has no sheet named {missing}; expected one per table", severity=FATAL),
    Rule(
        "xlsx.header.blank",
        "has no name in the header row: name the column, or move what it holds (a note, "
        "say) to a sheet of its own",
    ),
)


def rule(rule_id: str) -> Rule:
    """The declaration of `rule_id`: its own, or the one for any table or column."""
    found = RULES.get(rule_id)
    if found is not None:
        return found
    for candidate in RULES.values():
        if "*" in candidate.id and candidate.matches(rule_id):
            return candidate
    raise KeyError(f"no rule {rule_id!r} is declared in factcheck.registry")


def requirement(rule_id: str, **fields: Any) -> str:
    """What a rule requires, in words: the start of its messages."""
    return rule(rule_id).requirement.format(**fields)


def problem(
    rule_id: str,
    file: str,
    /,
    row: int | None = None,
    column: str | None = None,
    value: str | None = None,
    **fields: Any,
) -> Problem:
    """A problem of `rule_id` at a place, its message filled from `fields`."""
    declared = rule(rule_id)
    message = declared.message(**fields)
    return Problem(file, row, column, value, rule_id, message, declared.severity)
