"""What the learned drafter learns from: a PolNeAR-shaped corpus written here, and a dataset's
curated claims; and training a model from them (factcheck.drafting.training).

No corpus is in this repository (PolNeAR states no licence): `tiny_checkout` writes one in
PolNeAR's layout, from sentences of a few patterns with names of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ARTICLE_ID, REPO, set_cell
from factcheck.drafting import learned
from factcheck.drafting.training import (
    TrainingError,
    dataset_articles,
    examples,
    polnear,
    train_drafter,
)
from test_polnear import brat, span

NAMES = ("Ann Lee", "Bo Chan", "Cy Dunn", "Di Moss", "Ed Pike", "Flo Reyes", "Gus Hart")
THINGS = ("bridge", "school", "clinic", "harbor", "library", "stadium", "tunnel")


def paragraphs(n: int) -> list[tuple[str, list[dict[str, tuple[int, int]]]]]:
    """Four paragraphs of article `n`, each with the roles of its attribution (if any), as
    offsets within the paragraph."""
    who, other = NAMES[n % len(NAMES)], NAMES[(n + 3) % len(NAMES)]
    thing, place = THINGS[n % len(THINGS)], THINGS[(n + 2) % len(THINGS)]
    said = f"{who} said the {thing} would reopen in May."
    quoted = f"“The {place} is safe,” {other} said."
    according = f"The {thing} will close next week, according to {other}."
    own = f"The {place} opened in {1990 + n} and cost little."

    def roles(text: str, source: str, cue: str, content: str) -> dict[str, tuple[int, int]]:
        return {
            "Source": span(text, source),
            "Cue": span(text, cue),
            "Content": span(text, content),
        }

    return [
        (said, [roles(said, who, "said", f"the {thing} would reopen in May")]),
        (quoted, [roles(quoted, other, "said", f"“The {place} is safe,”")]),
        (according, [roles(according, other, "according to", f"The {thing} will close next week")]),
        (own, []),
    ]


def tiny_checkout(root: Path, articles: int = 12, split: str = "train") -> Path:
    """A PolNeAR-shaped checkout of `articles` articles of `paragraphs`."""
    base = root / "data" / split
    for folder in ("text", "attributions"):
        (base / folder).mkdir(parents=True, exist_ok=True)
    for n in range(articles):
        text, relations = "", []
        for paragraph, found in paragraphs(n):
            at = len(text)
            text += paragraph + "\n\n"
            relations += [{k: (a + at, b + at) for k, (a, b) in r.items()} for r in found]
        text = f"Headline {n}\n\n" + text
        shift = len(f"Headline {n}\n\n")
        relations = [{k: (a + shift, b + shift) for k, (a, b) in r.items()} for r in relations]
        (base / "text" / f"a{n:02d}.txt").write_text(text, encoding="utf-8")
        ann = brat(text, relations)  # type: ignore[arg-type]
        (base / "attributions" / f"a{n:02d}_aaaa.ann").write_text(ann, encoding="utf-8")
    return root


def test_each_paragraph_is_an_example_with_the_annotated_tags(tmp_path: Path) -> None:
    corpus = polnear(tiny_checkout(tmp_path, articles=1), "train")
    found = list(examples(corpus))
    assert len(found) == 4
    items, tags = found[0]  # Ann Lee said the bridge would reopen in May.
    assert tags == ["B-SRC", "I-SRC", "B-CUE", *["B-CON"] + ["I-CON"] * 5, "O"]
    assert "w=said" in items[2]
    assert "cue=say" in items[2]
    assert found[3][1] == ["O"] * len(found[3][1])  # the outlet's own voice


def test_the_curated_claims_are_annotated_attributions() -> None:
    [article] = dataset_articles(REPO)
    assert article.name == ARTICLE_ID
    said = {
        article.text[slice(*a.content[0])]: (
            " ".join(article.text[x:y] for x, y in a.source),
            " ".join(article.text[x:y] for x, y in a.cue),
        )
        for a in article.attributions
    }
    assert said["Kim departed Pyongyang late Monday night"] == (
        "the state-run Korean Central News Agency",
        "according to",
    )
    assert said["Kim inspected a newly built missile factory"][1] == "reported"


def test_a_model_is_trained_and_written_where_asked(tmp_path: Path) -> None:
    root = tiny_checkout(tmp_path / "corpus")
    trained = train_drafter(root, "train", None, tmp_path / "m.model")
    assert trained.path == tmp_path / "m.model"
    assert trained.paragraphs == 12 * 4
    assert trained.corpus == "PolNeAR train"
    model = learned.load(trained.path)
    assert model.metadata["feature_version"] == learned.FEATURE_VERSION
    assert model.metadata["library"].startswith("python-crfsuite ")


def test_nothing_to_learn_from_is_said(tmp_path: Path) -> None:
    with pytest.raises(TrainingError, match="PolNeAR checkout"):
        train_drafter(tmp_path, "train", None, tmp_path / "m.model")
    (tmp_path / "claims.csv").write_text("", encoding="utf-8")
    with pytest.raises(TrainingError, match="cannot be read"):
        train_drafter(None, "train", tmp_path, tmp_path / "m.model")


def test_an_article_still_in_review_teaches_nothing(dataset: Path) -> None:
    """Its unreviewed sentences would be taught as nobody's words."""
    set_cell(dataset, "articles.csv", 2, "review_state", "in_progress")
    with pytest.raises(TrainingError, match="none with claims has its review_state complete"):
        dataset_articles(dataset)
