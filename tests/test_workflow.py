"""Drafting an article of the dataset in a folder (factcheck.drafting.workflow): what `draft`
and `evaluate` do, returned rather than printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ARTICLE_FILE, ARTICLE_ID, REPO, read_rows, set_cell
from factcheck.drafting.evaluation import compare
from factcheck.drafting.files import default_path, read_draft
from factcheck.drafting.workflow import (
    DraftingError,
    draft,
    evaluate,
    load_article,
    polnear_report,
)
from factcheck.storage.reader import read_article
from test_polnear import checkout


def test_an_article_is_read_as_validation_reads_it() -> None:
    article, problems = load_article(REPO, ARTICLE_ID)
    assert problems == []
    assert article is not None
    assert article.text == read_article(REPO / ARTICLE_FILE, ARTICLE_FILE)[0]
    header, *rows = read_rows(REPO / "articles.csv")
    row = next(r for r in rows if r[0] == ARTICLE_ID)
    assert article.publisher == row[header.index("publisher_source_id")]
    assert len(article.curated()) == 57
    assert set(article.curated()["article_id"]) == {ARTICLE_ID}
    assert article.drafted().article_id == ARTICLE_ID


def test_an_article_the_dataset_does_not_list_cannot_be_drafted(dataset: Path) -> None:
    with pytest.raises(DraftingError) as raised:
        load_article(dataset, "2026-01-08-no-such-article")
    assert str(raised.value) == (
        "no article '2026-01-08-no-such-article': add it first with factcheck add-article"
    )


def test_a_table_or_a_text_that_cannot_be_read_is_a_fatal_problem(dataset: Path) -> None:
    (dataset / "sources.csv").unlink()
    article, problems = load_article(dataset, ARTICLE_ID)
    assert article is None
    assert [p.to_text() for p in problems] == [
        "sources.csv: is missing: the dataset needs this CSV file [file.exists]"
    ]
    (dataset / "sources.csv").write_bytes((REPO / "sources.csv").read_bytes())
    (dataset / ARTICLE_FILE).unlink()
    article, problems = load_article(dataset, ARTICLE_ID)
    assert article is None
    assert [p.rule for p in problems] == ["file.exists"]
    assert problems[0].file == ARTICLE_FILE


def test_a_draft_is_written_where_asked_or_in_drafts(dataset: Path, tmp_path: Path) -> None:
    written = draft(dataset, ARTICLE_ID)
    assert written.problems == []
    assert written.claims == default_path(dataset, ARTICLE_ID)
    rows = read_rows(written.claims)
    assert len(rows) == 1 + written.proposed + written.kept
    elsewhere = draft(dataset, ARTICLE_ID, tmp_path / "elsewhere.csv")
    assert elsewhere.claims == tmp_path / "elsewhere.csv"
    assert read_rows(elsewhere.claims) == rows


def test_a_draft_is_not_written_when_the_dataset_cannot_be_read(dataset: Path) -> None:
    (dataset / "claims.csv").write_bytes(b"")
    written = draft(dataset, ARTICLE_ID)
    assert [p.rule for p in written.problems] == ["csv.empty"]
    assert not written.claims.exists()
    assert not (dataset / "drafts").exists()


def test_evaluate_compares_a_fresh_draft_or_a_draft_file(tmp_path: Path) -> None:
    article, _ = load_article(REPO, ARTICLE_ID)
    assert article is not None
    fresh = evaluate(REPO, ARTICLE_ID)
    assert fresh.problems == []
    assert fresh.report.splitlines()[0].startswith(f"article {ARTICLE_ID}: 57 curated claims, ")
    path = tmp_path / "seed.csv"
    assert draft(REPO, ARTICLE_ID, path).problems == []
    rows, _ = read_draft(path, "claims")
    assert rows is not None
    scored = evaluate(REPO, ARTICLE_ID, path)
    assert scored.report == compare(article.curated(), rows).render(ARTICLE_ID)


def test_evaluate_says_why_a_draft_file_cannot_be_scored(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    evaluated = evaluate(REPO, ARTICLE_ID, missing)
    assert evaluated.report == ""
    assert [p.to_text() for p in evaluated.problems] == [
        f"{missing}: is not a file: give the draft that `factcheck draft` wrote [draft.file]"
    ]


def test_evaluate_with_a_bad_cell_still_reads_the_tables(dataset: Path) -> None:
    """Drafting reads the tables as text: a cell breaking a rule does not stop it."""
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")
    assert evaluate(dataset, ARTICLE_ID).problems == []


def test_polnear_figures_follow_the_article_and_a_missing_checkout_is_an_error(
    tmp_path: Path,
) -> None:
    root = checkout(tmp_path)
    report = evaluate(REPO, ARTICLE_ID, polnear=root).report
    assert report.index(f"article {ARTICLE_ID}") < report.index("\nPolNeAR dev: 2 annotated")
    assert polnear_report(root, "dev").startswith("PolNeAR dev: 2 annotated attributions")
    with pytest.raises(DraftingError):
        polnear_report(tmp_path / "missing", "dev")
