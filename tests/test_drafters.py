"""Which drafter drafts (factcheck.drafting.drafters), as `factcheck draft` shows it: the
rules unless a model is named or installed; a model that cannot be used is one line, exit 2;
every drafted row says in its note who proposed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ARTICLE_ID, read_rows
from factcheck.cli import main
from factcheck.drafting import learned
from factcheck.drafting.drafters import RULES, Drafter, choose
from test_clauses import EXPECTED, drafted, sources
from test_training import tiny_checkout


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tiny_checkout(tmp_path_factory.mktemp("corpus"))
    path = tmp_path_factory.mktemp("model") / "drafter.model"
    assert main(["drafter", "train", "--polnear", str(root), "-o", str(path)]) == 0
    return path


def notes(path: Path) -> list[str]:
    header, *rows = read_rows(path)
    return [row[header.index("draft_note")] for row in rows]


def test_without_a_model_the_rules_draft(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert choose() is RULES
    assert main(["draft", ARTICLE_ID, "--dir", str(dataset)]) == 0
    assert "rows proposed by the rules," in capsys.readouterr().out
    assert all(
        note.startswith("rules: ") for note in notes(dataset / "drafts" / f"{ARTICLE_ID}.csv")
    )


def test_a_named_model_drafts_and_says_so(
    dataset: Path, model_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["draft", ARTICLE_ID, "--dir", str(dataset), "--model", str(model_file)]) == 0
    out = capsys.readouterr().out
    assert f"rows proposed by the learned drafter ({model_file}, trained on PolNeAR train)" in out
    # each row says which drafter proposed it: the rules keep the sentences they attribute
    said = {note.split(":", 1)[0] for note in notes(dataset / "drafts" / f"{ARTICLE_ID}.csv")}
    assert said == {"rules", "model"}


def test_an_installed_model_drafts_unless_the_rules_are_asked_for(
    model_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_DRAFTER_MODEL", str(model_file))
    assert learned.default_path() == model_file
    assert choose().model is not None
    assert choose(rules=True) is RULES


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "no drafter model at {path}: train one with factcheck drafter train"),
        (
            b"factcheck drafter model 1\n{}\nxx",
            "the drafter model {path} is corrupt: train it again",
        ),
    ],
)
def test_a_missing_or_corrupt_model_is_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import REPO

    path = tmp_path / "drafter.model"
    if content is not None:
        path.write_bytes(content)
    assert main(["draft", ARTICLE_ID, "--dir", str(REPO), "--model", str(path)]) == 2
    assert capsys.readouterr() == ("", f"factcheck: {said.format(path=path)}\n")
    assert not (REPO / "drafts").exists()


def test_training_says_what_it_wrote_and_needs_something_to_learn_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["drafter", "train", "--dir", str(tmp_path)]) == 2
    assert "nothing to learn from" in capsys.readouterr().err
    root = tiny_checkout(tmp_path / "corpus", articles=2)
    path = tmp_path / "m.model"
    assert main(["drafter", "train", "--polnear", str(root), "-o", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"wrote {path} (")
    assert "trained on PolNeAR train, 8 paragraphs" in out


@pytest.mark.parametrize("name", ["wire-missile", "wire-rates", "local-storm"])
def test_with_the_rules_first_the_model_is_no_worse_on_the_test_articles(
    model_file: Path, name: str
) -> None:
    text, _ = drafted(name)
    rows = Drafter(learned.load(model_file)).draft(text, name, "WIRE", sources()).rows
    found = {r.quote: (r.attribution, r.attribution_cue) for r in rows if r.attribution != "WIRE"}
    assert {q: found.get(q) for q in EXPECTED[name]} == EXPECTED[name]
