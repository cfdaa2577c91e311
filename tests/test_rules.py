"""Every dataset rule, each broken by a fixture that breaks exactly that rule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ARTICLE_FILE, ARTICLE_ID, lines, problems_in, read_rows, set_cell, write_rows
from factcheck.cli import main
from factcheck.rules import RULES

Edit = Callable[[Path], None]


def delete_row(file: str, row: int) -> Edit:
    def edit(directory: Path) -> None:
        rows = read_rows(directory / file)
        write_rows(directory / file, rows[: row - 1] + rows[row:])

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
        [delete_row("claims.csv", 28)],
        [
            f"{ARTICLE_FILE}, line 5: 'Recently, however, Kim has also leaned closer to Russia.' "
            "must overlap the span of at least one claim: every sentence of an article's body is "
            "covered [articles.sentence.covered]"
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
        [cells("claims.csv", 6, attribution="CURRENTINDIA > AFP", attribution_cue="underscores")],
        [
            "claims.csv, row 6, column attribution: 'CURRENTINDIA > AFP' must name only source "
            "ids listed in sources.csv; not listed: AFP [claims.attribution.sources_exist]"
        ],
    ),
    "claims.attribution.starts_with_publisher": (
        [cells("claims.csv", 10, attribution="KCNA", attribution_cue="")],
        [
            "claims.csv, row 10, column attribution: 'KCNA' must start with the article's "
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
    "sources.source_id.used": (
        [
            append_row(
                "sources.csv",
                [
                    "AFP",
                    "Agence France-Presse",
                    "news_agency",
                    "FR",
                    "false",
                    "French news agency.",
                ],
            )
        ],
        [
            "sources.csv, row 9, column source_id: 'AFP' must be used in the attribution of at "
            "least one claim [sources.source_id.used]"
        ],
    ),
}


@pytest.mark.parametrize("rule_id", list(CASES))
def test_each_dataset_rule_reports_exactly_its_located_message(
    rule_id: str, dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edits, expected = CASES[rule_id]
    for edit in edits:
        edit(dataset)
    assert lines(problems_in(dataset)) == expected
    assert main(["validate", str(dataset)]) == 1
    assert capsys.readouterr().out.splitlines()[:-1] == expected


def test_every_dataset_rule_has_a_case() -> None:
    assert sorted(CASES) == sorted(r.id for r in RULES)


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
