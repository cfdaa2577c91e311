"""Regressions found by running the released commands: every command reads tables and article
texts as validate does, reports what it cannot read as validate does, names rows as the user
sees them, and stops quietly when the reader of its output goes away."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import read_rows, write_rows
from factcheck.cli import main

ARTICLES = Path(__file__).parent / "articles"
NEW_ID = "2026-01-08-missile-launch"
BOM = b"\xef\xbb\xbf"


def drafted(dataset: Path, article: Path = ARTICLES / "wire-missile.txt") -> Path:
    assert main(["add-article", NEW_ID, str(article), "--published-on", "2026-01-08",
                 "--publisher-source", "Example Wire", "--dir", str(dataset)]) == 0  # fmt: skip
    assert main(["draft", NEW_ID, "--dir", str(dataset)]) == 0
    return dataset / "drafts" / f"{NEW_ID}.csv"


def accept_all(path: Path) -> None:
    """A reviewer accepts every drafted row and describes every new source."""
    for table in (path, path.with_name(f"{NEW_ID}.sources.csv")):
        rows = read_rows(table)
        for row in rows[1:]:
            row[0] = "accepted"
            if "description" in rows[0]:
                row[rows[0].index("description")] = "A source named in the test article."
        write_rows(table, rows)


def test_an_article_saved_with_a_byte_order_mark_drafts_true_spans_and_merges(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "bom.txt"
    article.write_bytes(BOM + (ARTICLES / "wire-missile.txt").read_bytes())
    path = drafted(dataset, article)
    accept_all(path)
    assert main(["merge", str(path), "--dir", str(dataset)]) == 0, capsys.readouterr().err
    text = (dataset / "articles" / f"{NEW_ID}.txt").read_bytes().decode("utf-8-sig")
    merged = [row for row in read_rows(dataset / "claims.csv") if row[1] == NEW_ID]
    assert merged
    assert [text[int(row[2]) : int(row[3])] for row in merged] == [row[4] for row in merged]
    title = next(row[1] for row in read_rows(dataset / "articles.csv") if row[0] == NEW_ID)
    assert title == "Missile Launch Draws Protest"


@pytest.mark.parametrize("empty", ["draft", "sources"])
def test_an_empty_draft_file_is_a_located_fatal_problem(
    dataset: Path, empty: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted(dataset)
    accept_all(path)
    target = path if empty == "draft" else path.with_name(f"{NEW_ID}.sources.csv")
    target.write_bytes(b"")
    capsys.readouterr()
    assert main(["merge", str(path), "--dir", str(dataset)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{target}: is empty: it needs at least the header row [csv.empty]" in err
    assert "internal error" not in err


def test_drafting_again_over_an_empty_draft_reports_it_and_keeps_it(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted(dataset)
    path.write_bytes(b"")
    capsys.readouterr()
    assert main(["draft", NEW_ID, "--dir", str(dataset)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}: is empty: it needs at least the header row [csv.empty]" in err
    assert "internal error" not in err
    assert path.read_bytes() == b""


def test_an_empty_articles_csv_stops_add_article_with_a_fatal_problem(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (dataset / "articles.csv").write_bytes(b"")
    assert main(["add-article", NEW_ID, str(ARTICLES / "wire-missile.txt"),
                 "--published-on", "2026-01-08", "--publisher-source", "Yonhap",
                 "--dir", str(dataset)]) == 2  # fmt: skip
    out, err = capsys.readouterr()
    assert out == ""
    assert "articles.csv: is empty: it needs at least the header row [csv.empty]" in err
    assert "internal error" not in err
    assert not (dataset / "articles" / f"{NEW_ID}.txt").exists()


@pytest.mark.parametrize("command", ["draft", "evaluate"])
def test_draft_and_evaluate_report_an_unreadable_table(
    dataset: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (dataset / "claims.csv").write_bytes(b"claim_id,article_id\n\xff\n")
    assert main([command, NEW_ID, "--dir", str(dataset)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "claims.csv: is not UTF-8 text (byte 0xFF at position 20)" in err
    assert "internal error" not in err


def test_evaluate_reports_an_empty_draft_file(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "empty.csv"
    draft.write_bytes(b"")
    article_id = read_rows(dataset / "articles.csv")[1][0]
    assert main(["evaluate", article_id, "--dir", str(dataset), "--draft", str(draft)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{draft}: is empty: it needs at least the header row [csv.empty]" in err
    assert "internal error" not in err


def test_a_reused_claim_id_names_the_rows_as_the_user_sees_them(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = drafted(dataset)
    accept_all(path)
    rows = read_rows(path)
    rows[1][rows[0].index("claim_id")] = "C0001"
    write_rows(path, rows)
    capsys.readouterr()
    assert main(["merge", str(path), "--dir", str(dataset)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{path}, row 2, column claim_id: 'C0001' must be unique, but claims.csv row 2 and "
        "this row share this value [claims.claim_id.unique]"
    ) in err
    assert (
        f"claims.csv, row 2, column claim_id: 'C0001' must be unique, but this row and {path} "
        "row 2 share this value [claims.claim_id.unique]"
    ) in err


def test_a_plain_validate_still_names_rows_of_one_file(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = read_rows(dataset / "claims.csv")
    rows[3][0] = rows[1][0]
    write_rows(dataset / "claims.csv", rows)
    assert main(["validate", "--dir", str(dataset)]) == 1
    assert "must be unique, but rows 2, 4 share this value" in capsys.readouterr().out


def noisy(dataset: Path) -> None:
    """Claims that break rules in many cells, twice over: a report of some 190 KB, more than
    a pipe holds, so the writer is still writing when its reader goes away."""
    path = dataset / "claims.csv"
    header, *body = read_rows(path)
    bad = ("claim_type", "certainty", "verdict", "attribution_check", "reviewed_on", "when")
    for row in body:
        for column in bad:
            row[header.index(column)] = "x" * 80
    copies = [[f"C1{row[0][1:]}", *row[1:]] for row in body]
    write_rows(path, [header, *body, *copies])


@pytest.mark.slow  # a process of its own: the interpreter's start is most of its seconds
@pytest.mark.parametrize("when", ["after one line", "before any output"])
def test_a_closed_pipe_ends_quietly(dataset: Path, when: str) -> None:
    """`factcheck validate | head -1`: the reader leaves after one line (the writer is then
    mid-report), or before the writer has written at all (it finds out at exit)."""
    if when == "after one line":
        noisy(dataset)
    command = [sys.executable, "-m", "factcheck", "validate", "--dir", str(dataset), "--limit", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        if when == "after one line":
            assert process.stdout.readline().startswith(f"{dataset}/claims.csv, row 2".encode())
        process.stdout.close()
        err = process.stderr.read().decode()
        code = process.wait()
    assert "internal error" not in err
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert code == 1


@pytest.mark.slow  # a process of its own, as the closed-pipe test's
def test_a_noisy_report_is_larger_than_a_pipe(dataset: Path) -> None:
    """What the closed-pipe test relies on."""
    noisy(dataset)
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "validate", "--dir", str(dataset), "--limit", "0"],
        capture_output=True,
        check=False,
    )
    assert len(result.stdout) > 2 * 2**16  # twice what a Linux pipe holds by default


def test_a_draft_that_is_not_there_says_so(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.csv"
    assert main(["merge", str(missing), "--dir", str(dataset)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{missing}: is not a file: give the draft that `factcheck draft` wrote [draft.file]"
    )
