"""A new article from text to merged, validated claim rows through the commands alone, and
merges that must refuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import problems_in, read_rows, set_cell, write_rows
from factcheck.checks.validate import check_dataset
from factcheck.cli import main

ARTICLES = Path(__file__).parent / "articles"
NEW_ID = "2026-01-08-missile-launch"


def drafted(dataset: Path) -> Path:
    assert main(["add-article", NEW_ID, str(ARTICLES / "wire-missile.txt"),
                 "--published-on", "2026-01-08", "--publisher-source", "Example Wire",
                 "--dir", str(dataset)]) == 0  # fmt: skip
    assert main(["draft", NEW_ID, "--dir", str(dataset)]) == 0
    return dataset / "drafts" / f"{NEW_ID}.csv"


def test_the_next_commands_printed_name_the_dataset_they_act_on(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Copied as printed, from any folder, each acts on the same dataset."""
    path = drafted(dataset)
    printed = capsys.readouterr().out
    assert f"stored {dataset / 'articles' / NEW_ID}.txt (" in printed
    assert f"next: factcheck draft {NEW_ID} --dir {dataset}\n" in printed
    assert f"then: factcheck merge {path} --dir {dataset}\n" in printed


def review(path: Path, status: str = "accepted", rows: slice = slice(None)) -> None:
    """What a reviewer does in a spreadsheet: set the status; complete the new sources."""
    table = read_rows(path)
    for row in table[1:][rows]:
        row[0] = status
    write_rows(path, table)
    sources = path.with_name(path.name.replace(".csv", ".sources.csv"))
    table = read_rows(sources)
    header = table[0]
    for row in table[1:]:
        row[0] = "accepted"
        row[header.index("description")] = f"A source named in the {NEW_ID} test article."
    write_rows(sources, table)


def test_draft_review_merge_validate(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = drafted(dataset)
    drafted_rows = len(read_rows(path)) - 1
    claims_before = len(read_rows(dataset / "claims.csv")) - 1
    review(path)
    assert main(["merge", str(path), "--dir", str(dataset)]) == 0
    assert (
        f"merged {drafted_rows} claims into {dataset}/claims.csv and 5 sources into "
        f"{dataset}/sources.csv; 0 rows left"
    ) in capsys.readouterr().out
    assert len(read_rows(dataset / "claims.csv")) - 1 == claims_before + drafted_rows
    assert problems_in(dataset) == []
    assert main(["validate", "--dir", str(dataset)]) == 0
    # merging again adds nothing: the draft no longer holds the merged rows
    assert main(["merge", str(path), "--dir", str(dataset)]) == 0
    assert "nothing to merge" in capsys.readouterr().out


def test_a_merge_that_would_not_validate_writes_nothing(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted(dataset)
    review(path)
    table = read_rows(path)
    table[3][table[0].index("claim_type")] = "fact"
    write_rows(path, table)
    before = {p: p.read_bytes() for p in (dataset / "claims.csv", dataset / "sources.csv", path)}
    capsys.readouterr()
    assert main(["merge", str(path), "--dir", str(dataset)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}, row 4, column claim_type: 'fact' must be one of:" in err
    assert err.endswith("\nfactcheck merge: nothing written; fix the draft and merge it again\n")
    assert {p: p.read_bytes() for p in before} == before


def test_an_article_in_progress_merges_in_steps_and_is_covered_once_complete(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A half-reviewed article is saved: its rows merge as they are reviewed, a notice says
    how many sentences are left, and coverage is required once an editor marks it complete."""
    path = drafted(dataset)
    review(path, rows=slice(0, 2))
    assert main(["merge", str(path), "--dir", str(dataset)]) == 0
    out = capsys.readouterr().out
    assert "merged 2 claims into" in out
    assert "and 2 sources into" in out
    # the sources the two rows name are merged; the other accepted ones wait for their claims
    assert "kept 3 accepted sources in the draft's sources until a claim naming them" in out
    left = [p for p in check_dataset(dataset).problems if p.rule.startswith("articles.")]
    assert [(p.rule, p.severity.value) for p in left] == [
        ("articles.review_state.uncovered", "notice")
    ]
    assert left[0].message.startswith("leaves 5 of the 7 sentences of the article's body")
    set_cell(dataset, "articles.csv", 3, "review_state", "complete")
    assert "articles.sentence.covered" in {p.rule for p in problems_in(dataset)}
    set_cell(dataset, "articles.csv", 3, "review_state", "in_progress")
    review(path)  # the rest, reviewed
    assert main(["merge", str(path), "--dir", str(dataset)]) == 0
    set_cell(dataset, "articles.csv", 3, "review_state", "complete")
    assert [p for p in problems_in(dataset) if not p.notice] == []


def test_an_unknown_status_is_reported_on_its_row(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted(dataset)
    review(path, status="ok", rows=slice(0, 1))
    assert main(["merge", str(path), "--dir", str(dataset)]) == 1
    assert (
        f"{path}, row 2, column status: 'ok' must be one of: draft, accepted, rejected "
        "[draft.status.allowed]"
    ) in capsys.readouterr().err


def test_drafting_again_keeps_reviewed_and_edited_rows(dataset: Path) -> None:
    path = drafted(dataset)
    table = read_rows(path)
    header = table[0]
    table[1][0] = "rejected"
    table[2][header.index("claim")] = "Reviewed text."  # edited, still marked draft
    write_rows(path, table)
    assert main(["draft", NEW_ID, "--dir", str(dataset)]) == 0
    again = read_rows(path)
    assert again[0] == header
    assert len(again) == len(table)
    assert table[1] in again
    assert table[2] in again
    spans = [(r[3], r[4]) for r in again[1:]]
    assert len(spans) == len(set(spans))


def test_rows_already_merged_are_not_proposed_again(dataset: Path) -> None:
    path = drafted(dataset)
    review(path)
    assert main(["merge", str(path), "--dir", str(dataset)]) == 0
    assert main(["draft", NEW_ID, "--dir", str(dataset)]) == 0
    assert len(read_rows(path)) == 1  # the header alone


def test_a_mistyped_span_in_a_reviewed_row_survives_drafting_again(dataset: Path) -> None:
    path = drafted(dataset)
    table = read_rows(path)
    table[1][0] = "accepted"
    table[1][3] = "12a"
    write_rows(path, table)
    assert main(["draft", NEW_ID, "--dir", str(dataset)]) == 0
    assert table[1] in read_rows(path)


FLOOD_ID = "2026-02-03-flood-schools"


def test_an_unreviewed_draft_merges_in_steps_with_every_unreviewed_row_flagged(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new user's trial of issue 29 on an article the tests hold (a quotation, 'according
    to', a wire relaying a local paper, titles, a pronoun): rows merge as they are accepted,
    and what nobody rewrote or described is flagged, in the report format asked for."""
    assert main(["add-article", FLOOD_ID, str(ARTICLES / "local-flood.txt"),
                 "--published-on", "2026-02-03", "--publisher-source", "Coastal Courier",
                 "--dir", str(dataset)]) == 0  # fmt: skip
    assert main(["draft", FLOOD_ID, "--dir", str(dataset)]) == 0
    path = dataset / "drafts" / f"{FLOOD_ID}.csv"
    sources = read_rows(path.with_name(f"{FLOOD_ID}.sources.csv"))
    assert {row[1]: (row[2], row[4]) for row in sources[1:]} == {
        "TERESA-QUINTAL": ("Teresa Quintal", "government_officials"),
        "REUTERS": ("Reuters", "news_agency"),
        "ASSOCIATED-PRESS": ("Associated Press", "news_agency"),
        "DIARIO-DO-SUL": ("Diário do Sul", "publisher"),
        "MARCO-AVEIRO": ("Marco Aveiro", "government_officials"),
        "AP": ("AP", "news_agency"),
    }
    table = read_rows(path)
    table[1][0] = "accepted"  # one row reviewed: it merges alone, nothing edited
    write_rows(path, table)
    capsys.readouterr()
    assert main(["merge", str(path), "--format", "json", "--dir", str(dataset)]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)  # the report alone on standard output
    assert (report["command"], report["valid"]) == ("merge", True)
    assert err.startswith("merged 1 claims into ")
    rules = [(p["file"], p["rule"]) for p in report["problems"]]
    assert rules == [
        (f"{dataset}/articles.csv", "articles.review_state.uncovered"),
        (f"{dataset}/claims.csv", "claims.claim.rewritten"),
        (f"{dataset}/sources.csv", "sources.description.described"),  # the new publisher
    ]
    # the rest accepted as drafted (the AP proposal rejected for the Associated Press)
    table = read_rows(path)
    for row in table[1:]:
        row[0] = "accepted"
        row[table[0].index("attribution")] = row[table[0].index("attribution")].replace(
            "> AP", "> ASSOCIATED-PRESS"
        )
    write_rows(path, table)
    sources = read_rows(path.with_name(f"{FLOOD_ID}.sources.csv"))
    for row in sources[1:]:
        row[0] = "rejected" if row[1] == "AP" else "accepted"
    write_rows(path.with_name(f"{FLOOD_ID}.sources.csv"), sources)
    assert main(["merge", str(path), "--format", "json", "--dir", str(dataset)]) == 0
    report = json.loads(capsys.readouterr().out)
    found = [p["rule"] for p in report["problems"]]
    drafted = 1 + len(table) - 1  # the row merged first, and the rest
    assert found.count("claims.claim.rewritten") == drafted  # every claim, none rewritten
    assert found.count("sources.description.described") == 1 + 5  # publisher, 5 proposals
    assert "articles.review_state.uncovered" not in found  # every sentence covered now
