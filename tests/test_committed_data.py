"""The committed dataset itself: grounded, covered and consistent, checked independently of
the validator's own code where that is possible."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from conftest import ARTICLE_FILE, REPO, set_cell
from factcheck.checks.validate import check_dataset
from factcheck.cli import main
from factcheck.model import segment


def records(name: str) -> list[dict[str, str]]:
    with (REPO / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ARTICLE = (REPO / ARTICLE_FILE).read_text(encoding="utf-8")
CLAIMS = records("claims.csv")


def test_the_committed_dataset_validates() -> None:
    assert check_dataset(REPO).problems == []


def test_article_text_is_stored_byte_for_byte() -> None:
    data = (REPO / ARTICLE_FILE).read_bytes()
    (article,) = records("articles.csv")
    assert hashlib.sha256(data).hexdigest() == article["text_sha256"]
    assert not data.endswith(b"\n")
    assert b"\r" not in data


def test_every_quote_is_the_text_at_its_offsets() -> None:
    for claim in CLAIMS:
        start, end = int(claim["span_start"]), int(claim["span_end"])
        assert ARTICLE[start:end] == claim["quote"], claim["claim_id"]
        assert claim["quote"] == claim["quote"].strip()


def test_every_body_sentence_is_covered_by_a_claim() -> None:
    spans = [(int(c["span_start"]), int(c["span_end"])) for c in CLAIMS]
    sentences = segment.sentences(ARTICLE)
    uncovered = [s.text for s in sentences if not any(a < s.end and s.start < b for a, b in spans)]
    assert uncovered == []
    assert len(sentences) == 19


def test_no_claim_lies_in_a_heading() -> None:
    headings = [p for p in segment.paragraphs(ARTICLE) if p.kind == "heading"]
    for claim in CLAIMS:
        start = int(claim["span_start"])
        assert not any(h.start <= start < h.end for h in headings), claim["claim_id"]


def test_attributed_claims_use_the_articles_own_cue_words() -> None:
    own_voice = [c for c in CLAIMS if c["attribution"] == "CURRENTINDIA"]
    attributed = [c for c in CLAIMS if c not in own_voice]
    assert all(c["attribution_cue"] == "" for c in own_voice)
    assert {(c["attribution"], c["attribution_cue"]) for c in attributed} == {
        ("CURRENTINDIA > KCNA", "according to"),
        ("CURRENTINDIA > YONHAP > KP-BROADCASTER", "reported > citing"),
        ("CURRENTINDIA > US-OFFICIALS + KR-OFFICIALS", "allege"),
        ("CURRENTINDIA > KP-STATE-MEDIA", "reported"),
    }


def test_every_source_is_used_and_filterable_by_text() -> None:
    ids = [s["source_id"] for s in records("sources.csv")]
    for source_id in ids:
        # a spreadsheet "contains" filter finds exactly the claims naming this source
        by_text = {c["claim_id"] for c in CLAIMS if source_id in c["attribution"]}
        by_parse = {
            c["claim_id"] for c in CLAIMS if source_id in re.split(r" > | \+ ", c["attribution"])
        }
        assert by_text == by_parse != set(), source_id


def test_claim_ids_are_well_formed_and_unique() -> None:
    ids = [c["claim_id"] for c in CLAIMS]
    assert len(ids) == len(set(ids)) == 57
    assert all(re.fullmatch(r"C\d{4}", i) for i in ids)


def test_readme_commands_are_what_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^```sh\n(.+?)\n```", readme, flags=re.MULTILINE | re.DOTALL)
    main_job, test_job = commands[0], commands[1]
    assert main_job.endswith("factcheck validate")
    assert test_job in ci
    assert "\n" not in main_job
    assert "\n" not in test_job


def repository_files() -> list[Path]:
    """The files a clone holds: hidden folders (but .ci), caches and virtualenvs left out."""

    def kept(path: Path) -> bool:
        parts = path.relative_to(REPO).parts
        hidden = any(
            p.startswith(".") and p not in (".ci", ".gitattributes", ".gitignore") for p in parts
        )
        return not hidden and "__pycache__" not in parts and not parts[0].endswith(".egg-info")

    return [p for p in REPO.rglob("*") if p.is_file() and kept(p)]


def test_no_machine_paths_or_registry_hosts_in_the_repo() -> None:
    forbidden = re.compile(r"/tmp/|/root/|/work/|/opt/|pypi\.org|pythonhosted|file://")
    offenders = [
        str(p.relative_to(REPO))
        for p in repository_files()
        if p.name != Path(__file__).name
        and forbidden.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_validating_pages_example_output_is_what_validate_prints(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (REPO / "docs" / "validating.md").read_text(encoding="utf-8")
    example = re.search(r"```console\n\$ factcheck validate[^\n]*\n(.*?)```", page, re.DOTALL)
    assert example is not None
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")
    set_cell(dataset, "claims.csv", 9, "quote", "Russian president Vladimir Putin")
    monkeypatch.chdir(dataset)  # as in the example, from the dataset's folder
    assert main(["validate"]) == 1
    assert capsys.readouterr().out == example.group(1)
