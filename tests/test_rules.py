"""Every dataset rule, each broken by a fixture that breaks exactly that rule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue import Catalogue, together
from conftest import (
    ARTICLE_FILE,
    ARTICLE_ID,
    lines,
    problems_in,
    read_rows,
    set_cell,
    write_rows,
)
from factcheck.checks.rules import dataset_queries
from factcheck.checks.validate import check_dataset
from factcheck.edits.add_article import ArticleInfo, add_article

Edit = Callable[[Path], None]


def delete_row(file: str, row: int) -> Edit:
    def edit(directory: Path) -> None:
        rows = read_rows(directory / file)
        write_rows(directory / file, rows[: row - 1] + rows[row:])

    return edit


def delete_claim(claim_id: str) -> Edit:
    """Remove a claim and the evidence that names it."""

    def edit(directory: Path) -> None:
        for name in ("claims.csv", "evidence.csv"):
            rows = read_rows(directory / name)
            column = rows[0].index("claim_id")
            write_rows(directory / name, [r for r in rows if r[column] != claim_id])

    return edit


def append_row(file: str, values: list[str]) -> Edit:
    def edit(directory: Path) -> None:
        write_rows(directory / file, [*read_rows(directory / file), values])

    return edit


def cells(file: str, row: int, **values: str) -> Edit:
    def edit(directory: Path) -> None:
        for column, value in values.items():
            set_cell(directory, file, row, column, value)

    return edit


def write_bytes(name: str, data: bytes) -> Edit:
    def edit(directory: Path) -> None:
        (directory / name).write_bytes(data)

    return edit


def remove(name: str) -> Edit:
    def edit(directory: Path) -> None:
        (directory / name).unlink()

    return edit


# an article's assessment left empty, as while its claims are being merged
UNASSESSED = dict.fromkeys(
    ("rating", "assessment", "key_findings", "reviewed_by", "reviewed_on"), ""
)
SHA = "f5d910fb062682782822c528edc8658650c2b560a920fa3e2acedac34ffc03de"
ZERO = "0" * 64

CASES: dict[str, tuple[list[Edit], list[str]]] = {
    "articles.article_id.text_file": (
        [remove(ARTICLE_FILE)],
        [
            f"articles.csv, row 2, column article_id: '{ARTICLE_ID}' must have its text stored "
            f"as UTF-8 in articles/<article_id>.txt; {ARTICLE_FILE} is missing: the dataset "
            "needs this article text [articles.article_id.text_file]"
        ],
    ),
    "articles.text_sha256.matches_text": (
        [cells("articles.csv", 2, text_sha256=ZERO)],
        [
            f"articles.csv, row 2, column text_sha256: '{ZERO}' must be the SHA-256 of the bytes "
            f"of the stored text file; the file's is {SHA} [articles.text_sha256.matches_text]"
        ],
    ),
    "articles.publisher_source_id.exists": (
        [cells("articles.csv", 2, publisher_source_id="THE-OUTLET")],
        [
            "articles.csv, row 2, column publisher_source_id: 'THE-OUTLET' must be a source_id "
            "listed in sources.csv [articles.publisher_source_id.exists]"
        ],
    ),
    "articles.sentence.covered": (
        [delete_claim("C0027")],
        [
            f"{ARTICLE_FILE}, line 5: 'Recently, however, Kim has also leaned closer to Russia.' "
            "must overlap the span of at least one claim: every sentence of an article's body is "
            "covered [articles.sentence.covered]"
        ],
    ),
    "articles.review_state.uncovered": (
        # an article whose claims are merged as they are reviewed, one sentence left
        [
            delete_claim("C0027"),
            cells("articles.csv", 2, review_state="in_progress", **UNASSESSED),
        ],
        [
            "articles.csv, row 2, column review_state: notice: 'in_progress' leaves 1 of the "
            "19 sentences of the article's body without a claim: merge the rest of its "
            "draft as it is reviewed, and set review_state to complete once every sentence is "
            "covered [articles.review_state.uncovered]"
        ],
    ),
    "claims.claim.rewritten": (
        # the claim as the drafter writes it: the quote, with a capital and a full stop
        [cells("claims.csv", 3, claim="Kim Jong Un crossed into China on Tuesday.")],
        [
            "claims.csv, row 3, column claim: notice: 'Kim Jong Un crossed into China on "
            "Tuesday.' is the quote as drafted: rewrite it to stand alone, as a reader without "
            "the article reads it (names for pronouns, dates for 'Tuesday') "
            "[claims.claim.rewritten]"
        ],
    ),
    "sources.description.described": (
        [cells("sources.csv", 3, description="To be described: publisher of an article.")],
        [
            "sources.csv, row 3, column description: notice: 'To be described: publisher of an "
            "article.' is the placeholder a new source is added with: say in one line who the "
            "source is [sources.description.described]"
        ],
    ),
    "claims.article_id.exists": (
        [cells("claims.csv", 6, article_id="another-article")],
        [
            "claims.csv, row 6, column article_id: 'another-article' must be an article_id "
            "listed in articles.csv [claims.article_id.exists]"
        ],
    ),
    "claims.attribution.sources_exist": (
        [
            cells(
                "claims.csv",
                6,
                attribution="CURRENTINDIA > AFP",
                attribution_cue="underscores",
                attribution_check="not_found",
                attribution_rationale="Nothing was found.",
            )
        ],
        [
            "claims.csv, row 6, column attribution: 'CURRENTINDIA > AFP' must name only source "
            "ids listed in sources.csv; not listed: AFP [claims.attribution.sources_exist]"
        ],
    ),
    "claims.attribution.starts_with_publisher": (
        [cells("claims.csv", 10, attribution="KCNA > CURRENTINDIA")],
        [
            "claims.csv, row 10, column attribution: 'KCNA > CURRENTINDIA' must start with the "
            "article's "
            "publisher alone, the voice that reports every claim (CURRENTINDIA) "
            "[claims.attribution.starts_with_publisher]"
        ],
    ),
    "claims.span_end.inside_text": (
        [cells("claims.csv", 58, span_end="2700")],
        [
            "claims.csv, row 58, column span_end: '2700' must not be past the end of the "
            "article's text, which is 2622 code points long [claims.span_end.inside_text]"
        ],
    ),
    "claims.quote.matches_span": (
        [cells("claims.csv", 6, quote="The rare trips")],
        [
            "claims.csv, row 6, column quote: 'The rare trips' must be exactly the article's "
            "text from span_start to span_end, which reads 'The rare trip' "
            "[claims.quote.matches_span]"
        ],
    ),
    "claims.span_start.not_in_heading": (
        [
            cells(
                "claims.csv",
                6,
                span_start="827",
                span_end="863",
                quote="Beijing’s Crucial Role For Pyongyang",
            )
        ],
        [
            "claims.csv, row 6, column span_start: '827' must not point into a section heading: "
            "headings are not claims ('Beijing’s Crucial Role For Pyongyang') "
            "[claims.span_start.not_in_heading]"
        ],
    ),
    "claims.attribution_cue.in_paragraph": (
        [cells("claims.csv", 10, attribution_cue="said")],
        [
            "claims.csv, row 10, column attribution_cue: 'said' must quote words found in the "
            "paragraph that holds the claim's quote; not found: 'said' "
            "[claims.attribution_cue.in_paragraph]"
        ],
    ),
    "claims.certainty_cue.in_paragraph": (
        [cells("claims.csv", 16, certainty_cue="anticipated")],
        [
            "claims.csv, row 16, column certainty_cue: 'anticipated' must quote words found in "
            "the paragraph that holds the claim's quote; not found: 'anticipated' "
            "[claims.certainty_cue.in_paragraph]"
        ],
    ),
    "evidence.claim_id.exists": (
        [cells("evidence.csv", 3, claim_id="C9999")],
        [
            "evidence.csv, row 3, column claim_id: 'C9999' must be a claim_id listed in "
            "claims.csv [evidence.claim_id.exists]"
        ],
    ),
    "evidence.published_on.not_after_review": (
        [cells("evidence.csv", 10, published_on="2026-12-01")],
        [
            "evidence.csv, row 10, column published_on: '2026-12-01' must not be after the "
            "reviewed_on date of its claim (2026-11-29) [evidence.published_on.not_after_review]"
        ],
    ),
    "evidence.bears_on.attributed_claim": (
        [cells("evidence.csv", 3, bears_on="attribution")],
        [
            "evidence.csv, row 3, column bears_on: 'attribution' must be content for a claim in "
            "the outlet's own voice: it has no attribution to check "
            "[evidence.bears_on.attributed_claim]"
        ],
    ),
    "evidence.publisher.one_per_host": (
        # the same host, however written, named as another publisher
        [
            cells(
                "evidence.csv",
                16,
                url="https://WWW.TheSun.my/world-news/another-page",
                publisher="The Sun",
            )
        ],
        [
            # one row each: the first row's name is the host's
            "evidence.csv, row 16, column publisher: 'The Sun' must be the same on every row "
            "whose address is on the same site: the publisher is the site that shows the page, "
            "and the outlet whose story it carries is the originator, but on thesun.my it is "
            "'The Sun (Malaysia)' in rows 3, 161 [evidence.publisher.one_per_host]",
        ],
    ),
    "evidence.stance.checkable_claim": (
        [
            append_row(
                "evidence.csv",
                [
                    "E9000",
                    "C0006",
                    "content",
                    "https://example.org/a",
                    "Example",
                    "",
                    "",
                    "supports",
                    "An analysis.",
                ],
            )
        ],
        [
            "evidence.csv, row 177, column stance: 'supports' must be context for the content "
            "of a not_checkable claim: there is no fact to support or refute "
            "[evidence.stance.checkable_claim]"
        ],
    ),
    "articles.key_findings.claims_of_article": (
        # no such claim, and C0006: not checkable
        [cells("articles.csv", 2, key_findings="C0019 C9999 C0010 C0006")],
        [
            "articles.csv, row 2, column key_findings: 'C0019 C9999 C0010 C0006' must name "
            "claims of this article with a verdict on their facts (none awaiting its check, none "
            "not_checkable); not among them: C9999, C0006 "
            "[articles.key_findings.claims_of_article]"
        ],
    ),
    "articles.key_findings.distinct": (
        [cells("articles.csv", 2, key_findings="C0019 C0010 C0019 C0041 C0010 C0019")],
        [
            "articles.csv, row 2, column key_findings: 'C0019 C0010 C0019 C0041 C0010 C0019' "
            "must name each claim once; repeated: C0019, C0010 [articles.key_findings.distinct]"
        ],
    ),
    "articles.rating.claims_checked": (
        # C0001 awaits its check again
        [
            cells(
                "claims.csv",
                2,
                verdict="",
                verdict_rationale="",
                attribution_check="",
                reviewed_on="",
            )
        ],
        [
            "articles.csv, row 2, column rating: notice: 'neutral' sums up claims of which 1 "
            "still await their check, or none: read the assessment again once every claim of "
            "the article is checked [articles.rating.claims_checked]"
        ],
    ),
    "articles.reviewed_on.after_claims": (
        [cells("articles.csv", 2, reviewed_on="2026-12-06")],
        [
            "articles.csv, row 2, column reviewed_on: notice: '2026-12-06' is before the latest "
            "review of the article's claims (2026-12-07): read the assessment again, and date "
            "the change in updated_on [articles.reviewed_on.after_claims]"
        ],
    ),
    "claims.verdict.supported_needs_support": (
        [cells("evidence.csv", 2, stance="context"), cells("evidence.csv", 170, stance="context")],
        [
            "claims.csv, row 2, column verdict: 'supported' must be backed by at least one "
            "content evidence item that supports the claim [claims.verdict.supported_needs_support]"
        ],
    ),
    "claims.verdict.refuted_needs_refutation": (
        [cells("claims.csv", 18, verdict="refuted")],
        [
            "claims.csv, row 18, column verdict: 'refuted' must be backed by at least one content "
            "evidence item that refutes the claim [claims.verdict.refuted_needs_refutation]"
        ],
    ),
    "claims.verdict.two_independent_publishers": (
        [cells("claims.csv", 2, verdict="partly_supported"), delete_row("evidence.csv", 170)],
        [
            "claims.csv, row 2, column verdict: 'partly_supported' must rest on content evidence "
            "that supports or refutes it from at least two independent publishers when refuted or "
            "partly_supported (a wire story counts once); found: Associated Press "
            "[claims.verdict.two_independent_publishers]"
        ],
    ),
    "claims.verdict.one_independent_publisher": (
        [delete_row("evidence.csv", 170)],
        [
            "claims.csv, row 2, column verdict: notice: 'supported' rests on supporting "
            "evidence from one independent publisher only (Associated Press); a second "
            "publisher that does not relay the first would confirm it "
            "[claims.verdict.one_independent_publisher]"
        ],
    ),
    "claims.attribution_check.confirmed_needs_support": (
        [cells("evidence.csv", 31, stance="context")],
        [
            "claims.csv, row 13, column attribution_check: 'confirmed' must be backed by at least "
            "one attribution evidence item that supports it when confirmed "
            "[claims.attribution_check.confirmed_needs_support]"
        ],
    ),
    "claims.attribution_check.contradicted_needs_refutation": (
        [cells("claims.csv", 11, attribution_check="contradicted")],
        [
            "claims.csv, row 11, column attribution_check: 'contradicted' must be backed by at "
            "least one attribution evidence item that refutes it when contradicted "
            "[claims.attribution_check.contradicted_needs_refutation]"
        ],
    ),
    "claims.reviewed_on.not_before_article": (
        [cells("claims.csv", 7, reviewed_on="2025-09-01")],
        [
            "claims.csv, row 7, column reviewed_on: '2025-09-01' must not be before its "
            "article's publication date (2025-09-02) [claims.reviewed_on.not_before_article]"
        ],
    ),
    "sources.source_id.used": (
        [
            append_row(
                "sources.csv",
                [
                    "AFP",
                    "Agence France-Presse",
                    "",
                    "news_agency",
                    "FR",
                    "false",
                    "French news agency.",
                ],
            )
        ],
        [
            "sources.csv, row 9, column source_id: 'AFP' must be used in the attribution of at "
            "least one claim, or publish an article [sources.source_id.used]"
        ],
    ),
}


@pytest.mark.parametrize("rule_id", list(CASES))
def test_each_dataset_rule_reports_exactly_its_located_message(
    rule_id: str, catalogue: Catalogue
) -> None:
    edits, expected = CASES[rule_id]
    checked = catalogue.checked(f"rule {rule_id}", together(edits))
    notices_only = all(": notice: " in line for line in expected)  # a notice fails nothing
    # notices too, but the dialect's: a fixture's appended row may leave its file out of order
    found = [f.text for f in checked.found if f.rule != "csv.canonical"]
    assert (checked.code, found) == (0 if notices_only else 1, expected)


def test_an_article_without_claims_is_awaited_not_uncovered(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Between `add-article` and the first merge an article has no claims: one notice says
    so, and the dataset stays valid."""
    rows = read_rows(dataset / "claims.csv")
    write_rows(dataset / "claims.csv", rows[:1])
    evidence = read_rows(dataset / "evidence.csv")
    write_rows(dataset / "evidence.csv", evidence[:1])
    write_rows(dataset / "sources.csv", read_rows(dataset / "sources.csv")[:2])  # the publisher
    for column in ("rating", "assessment", "key_findings", "reviewed_by", "reviewed_on"):
        set_cell(dataset, "articles.csv", 2, column, "")  # nothing checked, nothing assessed
    from factcheck.cli import main

    assert main(["validate", "--dir", str(dataset)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == (
        f"{dataset}/{ARTICLE_FILE}: notice: has no claims yet; `factcheck draft {ARTICLE_ID}` "
        "proposes them for review, and once its review_state is complete, every sentence of its "
        "body must be covered [articles.claims.awaited]"
    )


def test_a_key_finding_must_be_a_claim_of_its_own_article(dataset: Path) -> None:
    """A second article may not cite the first one's claims as its findings."""
    info = ArticleInfo("2026-01-05-a-second-article", "2026-01-05", "A second", "CURRENTINDIA")
    assert add_article(dataset, b"A second article. It says one thing.", info).problems == []
    assessed = {"rating": "high", "assessment": "It holds.", "reviewed_by": "a desk"}
    assessed["review_state"] = "complete"
    for column, value in {**assessed, "key_findings": "C0019", "reviewed_on": "2026-01-06"}.items():
        set_cell(dataset, "articles.csv", 3, column, value)
    errors = lines([found for found in problems_in(dataset) if not found.notice])
    assert errors == [
        "articles.csv, row 3, column key_findings: 'C0019' must name claims of this "
        "article with a verdict on their facts (none awaiting its check, none not_checkable); "
        "not among them: C0019 [articles.key_findings.claims_of_article]"
    ]


def test_every_dataset_rule_has_a_case() -> None:
    # the sources model's two checks of whole tables run as dataset queries, and have their
    # cases in test_schemas.py; the notice for an article awaiting claims has its own test
    elsewhere = {
        "sources.aliases.distinct",
        "sources.source_id.not_inside_another",
        "articles.claims.awaited",
    }
    assert sorted(CASES) == sorted(r.id for r in dataset_queries() if r.id not in elsewhere)


def test_text_not_utf8_is_reported_on_its_article(dataset: Path) -> None:
    write_bytes(ARTICLE_FILE, "Kim’s train".encode("cp1252"))(dataset)
    assert lines(problems_in(dataset)) == [
        f"articles.csv, row 2, column article_id: '{ARTICLE_ID}' must have its text stored as "
        f"UTF-8 in articles/<article_id>.txt; {ARTICLE_FILE} is not UTF-8 text (byte 0x92 at "
        "position 3); save it as UTF-8 (in Excel: 'CSV UTF-8') [articles.article_id.text_file]"
    ]


def test_edited_text_breaks_its_hash_and_the_quotes_it_moves(dataset: Path) -> None:
    path = dataset / ARTICLE_FILE
    path.write_bytes(b"Breaking: " + path.read_bytes())
    found = problems_in(dataset)
    assert {p.rule for p in found} == {
        "articles.text_sha256.matches_text",
        "claims.quote.matches_span",
    }
    assert sum(p.rule == "claims.quote.matches_span" for p in found) == 57


def test_joint_and_chained_attributions_resolve(dataset: Path) -> None:
    set_cell(dataset, "claims.csv", 29, "attribution", "CURRENTINDIA > US-OFFICIALS + UN")
    assert lines(problems_in(dataset)) == [
        "claims.csv, row 29, column attribution: 'CURRENTINDIA > US-OFFICIALS + UN' must name "
        "only source ids listed in sources.csv; not listed: UN [claims.attribution.sources_exist]"
    ]


def test_a_wire_story_counts_once_however_many_outlets_carry_it(dataset: Path) -> None:
    # C0037 (partly_supported) keeps only two items, both AP stories on different sites.
    rows = read_rows(dataset / "evidence.csv")
    header = rows[0]
    claim, originator = header.index("claim_id"), header.index("originator")
    keep = [r for r in rows[1:] if r[claim] != "C0037"]
    ap = [r for r in rows[1:] if r[claim] == "C0037" and r[originator] == "Associated Press"]
    reprint = [*ap[0]]
    reprint[0], reprint[header.index("url")] = "E9001", "https://example.org/ap-reprint"
    reprint[header.index("publisher")] = "Another Paper"
    write_rows(dataset / "evidence.csv", [header, *keep, ap[0], reprint])
    assert lines(problems_in(dataset)) == [
        "claims.csv, row 38, column verdict: 'partly_supported' must rest on content evidence "
        "that supports or refutes it from at least two independent publishers when refuted or "
        "partly_supported (a wire story counts once); found: Associated Press "
        "[claims.verdict.two_independent_publishers]"
    ]


def test_an_item_that_only_gives_context_is_no_second_publisher(dataset: Path) -> None:
    # without the BBC's row (176), C0056 keeps Reuters' story and the New York Times' context
    delete_row("evidence.csv", 176)(dataset)
    notices = [p.to_text() for p in check_dataset(dataset).problems if p.notice]
    assert notices == [
        "claims.csv, row 57, column verdict: notice: 'supported' rests on supporting evidence "
        "from one independent publisher only (Reuters); a second publisher that does not relay "
        "the first would confirm it [claims.verdict.one_independent_publisher]"
    ]


def test_a_publisher_on_many_rows_of_a_host_is_named_with_its_first_rows(dataset: Path) -> None:
    # KBS World's site holds 16 rows; the one named otherwise is the only problem, and it
    # shows the first five of the others and counts the rest.
    set_cell(dataset, "evidence.csv", 6, "publisher", "KBS")
    assert lines(problems_in(dataset)) == [
        "evidence.csv, row 6, column publisher: 'KBS' must be the same on every row whose "
        "address is on the same site: the publisher is the site that shows the page, and the "
        "outlet whose story it carries is the originator, but on world.kbs.co.kr it is "
        "'KBS World' in rows 29, 35, 36, 51, 63 and 10 more [evidence.publisher.one_per_host]"
    ]
