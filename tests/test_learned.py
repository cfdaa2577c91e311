"""The learned drafter's model (factcheck.drafting.learned): trained on a tiny corpus written
by the tests, it tags what it was taught; a model that is missing, corrupt, of another
feature version or not a model at all is refused in one line, and never half-read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.drafting import learned
from factcheck.drafting.features import paragraphs
from factcheck.drafting.learned import ModelError, load
from factcheck.drafting.linking import spans
from factcheck.drafting.training import examples, polnear
from test_training import tiny_checkout


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tiny_checkout(tmp_path_factory.mktemp("corpus"))
    path = tmp_path_factory.mktemp("model") / "drafter.model"
    learned.train(examples(polnear(root, "train")), path, "a tiny corpus")
    return path


def tagged(model: learned.Model, text: str) -> list[tuple[str, str]]:
    """Each tagged span of `text`: its role and its words."""
    found = []
    for paragraph in paragraphs(text):
        tags = model.tag([paragraph], text)[0]
        for role, (a, b) in spans(paragraph, tags, 0, len(paragraph.tokens)):
            found.append((role, text[a:b]))
    return found


def test_the_model_tags_what_it_was_taught(model_file: Path) -> None:
    model = load(model_file)
    text = "Headline\n\nHal Ortiz said the bridge would reopen in May.\n"
    assert tagged(model, text) == [
        ("SRC", "Hal Ortiz"),
        ("CUE", "said"),
        ("CON", "the bridge would reopen in May"),
    ]
    own = "Headline\n\nThe clinic opened in 1999 and cost little.\n"
    assert tagged(model, own) == []


def test_the_file_holds_its_metadata_and_crfsuites_model(model_file: Path) -> None:
    data = model_file.read_bytes()
    assert data.startswith(learned.FORMAT)
    header = json.loads(data[len(learned.FORMAT) :].split(b"\n", 1)[0])
    assert header["corpus"] == "a tiny corpus"
    assert header["feature_version"] == learned.FEATURE_VERSION
    assert header["paragraphs"] == 48
    assert {"trained_on", "library", "parameters", "sha256"} <= set(header)


def test_a_missing_model_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as raised:
        load(tmp_path / "none.model")
    assert str(raised.value) == (
        f"no drafter model at {tmp_path / 'none.model'}: train one with factcheck drafter train"
    )


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda data: data[:-10], "is corrupt: train it again"),
        (lambda data: data[:40], "is corrupt: train it again"),
        (lambda data: b"PK\x03\x04" + data, "is not a drafter model"),
        (lambda data: b"", "is not a drafter model"),
    ],
)
def test_a_corrupt_model_is_refused_before_crfsuite_reads_it(
    model_file: Path, tmp_path: Path, damage: object, said: str
) -> None:
    broken = tmp_path / "broken.model"
    broken.write_bytes(damage(model_file.read_bytes()))  # type: ignore[operator]
    with pytest.raises(ModelError, match=said):
        load(broken)


def test_a_model_of_other_features_is_refused(model_file: Path, tmp_path: Path) -> None:
    data = model_file.read_bytes()
    header, crf = data[len(learned.FORMAT) :].split(b"\n", 1)
    info = json.loads(header) | {"feature_version": "0"}
    other = tmp_path / "other.model"
    other.write_bytes(learned.FORMAT + json.dumps(info).encode() + b"\n" + crf)
    with pytest.raises(ModelError, match="features of version 0, this factcheck reads version"):
        load(other)
