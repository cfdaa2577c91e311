"""Adding an article: stored byte for byte, refused when it repeats or would not validate."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import ARTICLE_ID, problems_in, read_rows
from factcheck.cli import main

ARTICLES = Path(__file__).parent / "articles"
NEW_ID = "2026-01-08-missile-launch"


def add(dataset: Path, *extra: str, file: Path = ARTICLES / "wire-missile.txt") -> int:
    return main(["add-article", NEW_ID, str(file), "--published-on", "2026-01-08",
                 "--dir", str(dataset), *extra])  # fmt: skip


def test_add_stores_the_text_exactly_and_the_dataset_stays_valid(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (ARTICLES / "wire-missile.txt").read_bytes()
    assert add(dataset, "--publisher-source", "Example Wire", "--url", "https://example.org/a") == 0
    assert (dataset / "articles" / f"{NEW_ID}.txt").read_bytes() == data
    rows = {r[0]: r for r in read_rows(dataset / "articles.csv")[1:]}
    header = read_rows(dataset / "articles.csv")[0]
    row = dict(zip(header, rows[NEW_ID], strict=True))
    assert row["text_sha256"] == hashlib.sha256(data).hexdigest()
    assert (row["title"], row["title_origin"]) == ("Missile Launch Draws Protest", "dataset")
    assert row["publisher_source_id"] == "EXAMPLE-WIRE"
    assert "EXAMPLE-WIRE" in {r[0] for r in read_rows(dataset / "sources.csv")}
    assert problems_in(dataset) == []  # one notice: the article awaits its claims
    assert "added source EXAMPLE-WIRE" in capsys.readouterr().out


def test_a_listed_outlet_is_found_by_name_or_alias(dataset: Path) -> None:
    assert add(dataset, "--publisher-source", "Yonhap", "--title", "Launch") == 0
    row = next(r for r in read_rows(dataset / "articles.csv") if r[0] == NEW_ID)
    assert row[1:4] == ["Launch", "published", "YONHAP"]


def test_a_repeated_id_or_text_is_refused_and_nothing_written(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.read_bytes() for p in dataset.iterdir() if p.is_file()}
    seed = dataset / "articles" / f"{ARTICLE_ID}.txt"
    assert add(dataset, "--publisher-source", "Yonhap", file=seed) == 1
    assert f"is the text of {ARTICLE_ID} already [add.text.new]" in capsys.readouterr().err
    main(["add-article", ARTICLE_ID, str(ARTICLES / "wire-rates.txt"), "--published-on",
          "2026-01-08", "--publisher-source", "Yonhap", "--dir", str(dataset)])  # fmt: skip
    assert (
        f"'{ARTICLE_ID}' is already an article id [add.article_id.new]" in capsys.readouterr().err
    )
    assert {p.name: p.read_bytes() for p in dataset.iterdir() if p.is_file()} == before
    assert not (dataset / "articles" / f"{NEW_ID}.txt").exists()


def test_a_stray_text_file_or_an_empty_text_is_refused(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (dataset / "articles" / f"{NEW_ID}.txt").write_bytes(b"left behind")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b" \n")
    assert add(dataset, "--publisher-source", "Yonhap", file=empty) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{dataset}/articles.csv: '{NEW_ID}' already has a text file, articles/{NEW_ID}.txt "
        "[add.article_id.text_file]",
        f"{dataset}/articles.csv: is empty: an article needs its text [add.text.empty]",
    ]


def test_what_would_not_validate_is_refused(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add-article", "2026-02-30-bad-date", str(ARTICLES / "wire-rates.txt"),
                 "--published-on", "2026-02-30", "--publisher-source", "Yonhap", "--title", "T",
                 "--dir", str(dataset)]) == 1  # fmt: skip
    out, err = capsys.readouterr()
    assert out == ""
    assert "column published_on: '2026-02-30' must be a real date" in err
    assert err.endswith("\nfactcheck add-article: nothing written\n")
    assert not (dataset / "articles" / "2026-02-30-bad-date.txt").exists()


def test_an_id_that_is_no_article_id_is_reported_as_the_argument(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not as a row of articles.csv, which the person never wrote: one line names ID."""
    with pytest.raises(SystemExit) as stopped:
        main(["add-article", "Bad_ID", str(ARTICLES / "wire-rates.txt"),
              "--published-on", "2026-01-08", "--publisher-source", "Yonhap",
              "--dir", str(dataset)])  # fmt: skip
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "factcheck add-article: error: argument ID: 'Bad_ID' is not an article id: use "
        "lower-case letters and digits in words joined by single hyphens, e.g. "
        "2026-01-08-missile-launch"
    )
    assert not (dataset / "articles" / "Bad_ID.txt").exists()


def test_the_final_line_breaks_are_left_out_and_the_hash_is_of_the_stored_bytes(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README promises stored texts without a trailing newline; nothing else changes
    (the CRLF inside, the spaces ending a line)."""
    text = tmp_path / "story.txt"
    text.write_bytes(b"A Heading\r\n\r\nOne sentence here.  \r\nTwo.\r\n\n")
    assert add(dataset, "--publisher-source", "Yonhap", file=text) == 0
    stored = (dataset / "articles" / f"{NEW_ID}.txt").read_bytes()
    assert stored == b"A Heading\r\n\r\nOne sentence here.  \r\nTwo."
    row = next(r for r in read_rows(dataset / "articles.csv") if r[0] == NEW_ID)
    assert hashlib.sha256(stored).hexdigest() in row
    assert (
        f"({len(stored)} bytes, sha256 {hashlib.sha256(stored).hexdigest()}; 3 bytes of line "
        "breaks at its end left out, as stored texts have none)"
    ) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (b"No heading here. A second sentence.", "No heading here."),
        # a first sentence long enough to have been cut at 120 characters before: whole
        (b"Schools in Vila Nova will stay closed on Friday after heavy rain flooded several "
         b"roads and bridges across the district. More follows.",
         "Schools in Vila Nova will stay closed on Friday after heavy rain flooded several "
         "roads and bridges across the district."),
    ],
)  # fmt: skip
def test_the_title_is_the_first_heading_or_sentence_whole(
    dataset: Path, tmp_path: Path, text: bytes, title: str
) -> None:
    (tmp_path / "story.txt").write_bytes(text)
    assert add(dataset, "--publisher-source", "Yonhap", file=tmp_path / "story.txt") == 0
    row = next(r for r in read_rows(dataset / "articles.csv") if r[0] == NEW_ID)
    assert row[1:3] == [title, "dataset"]


def test_a_first_sentence_too_long_for_a_title_asks_for_one(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "Word " * 30 + "end."
    (tmp_path / "story.txt").write_text(long + " Then more.", encoding="utf-8")
    assert add(dataset, "--publisher-source", "Yonhap", file=tmp_path / "story.txt") == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{dataset}/articles.csv, column title: '{long[:79]}…' is the text's first heading or "
        "sentence, too long for a title (at most 120 characters): give the article's title "
        "with --title [add.title.length]"
    )
    assert not (dataset / "articles" / f"{NEW_ID}.txt").exists()
    assert add(dataset, "--publisher-source", "Yonhap", "--title", long,
               file=tmp_path / "story.txt") == 0  # fmt: skip
