"""The learned drafter's model: training it, writing it, reading it back, tagging with it.

The model is a linear-chain conditional random field (CRFsuite, through python-crfsuite,
the `drafter` extra), trained with L-BFGS on the features of `factcheck.drafting.features`.
It is one file: a first line naming the format, a line of JSON metadata (the feature
version, what it was trained on and when, the library's version, the SHA-256 of the rest),
then CRFsuite's own model, which CRFsuite reads from memory. Nothing in it is executed on
loading (no pickle); the checksum is verified before CRFsuite sees a byte, since CRFsuite
does not check what it reads. A model whose feature version is not this code's is refused:
it would read features it was not trained on.

No model is kept in the repository: the corpus it learns from (PolNeAR) states no licence.
`factcheck drafter train` writes one to the user's data folder (`default_path`), where
`factcheck draft` finds it.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

from factcheck.drafting.features import FEATURE_VERSION, Paragraph, features, rule_marks

FORMAT = b"factcheck drafter model 1\n"
FILE_NAME = "drafter.model"
# The prototype's settings (issue 29): L-BFGS, 150 iterations, c1 = 2 and c2 = 0.001 on
# PolNeAR train's 16,910 paragraphs. The L1 weight grows with the corpus as the likelihood it
# balances does, so a small corpus (a dataset's few articles) is not regularised to nothing.
PARAMETERS: dict[str, float] = {"c2": 0.001, "max_iterations": 150}
C1_PER_PARAGRAPH = 2.0 / 16910
LIBRARY = "python-crfsuite"


class ModelError(Exception):
    """A model cannot be trained or used: missing, not a model, corrupt, of another feature
    version, or the library is not installed. The message says which, in one line."""


@dataclass(frozen=True)
class Model:
    """A model read from `path`: its metadata, and CRFsuite's model as bytes."""

    path: Path
    metadata: dict[str, Any]
    crf: bytes

    def describe(self) -> str:
        corpus = self.metadata.get("corpus", "?")
        return f"the learned drafter ({self.path}, trained on {corpus})"

    def tag(self, paragraphs: list[Paragraph], text: str) -> list[list[str]]:
        """The tags of each paragraph of `text`."""
        crfsuite = _library()
        marks = rule_marks(text)
        tagger = crfsuite.Tagger()
        try:
            tagger.open_inmemory(self.crf)
            return [list(tagger.tag(features(p, marks))) for p in paragraphs]
        finally:
            tagger.close()


def default_path() -> Path:
    """Where `factcheck drafter train` writes a model and `factcheck draft` looks for one: the
    user's data folder (platformdirs), or `$FACTCHECK_DRAFTER_MODEL` when set."""
    override = os.environ.get("FACTCHECK_DRAFTER_MODEL")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("factcheck") / FILE_NAME


def _library() -> Any:
    try:
        import pycrfsuite
    except ImportError:
        raise ModelError(
            "the learned drafter needs python-crfsuite: pip install 'factcheck-dataset[drafter]'"
        ) from None
    return pycrfsuite


def library_version() -> str:
    try:
        return package_metadata.version(LIBRARY)
    except package_metadata.PackageNotFoundError:
        return "not installed"


Example = tuple[list[list[str]], list[str]]  # one paragraph's features and its tags


def train(examples: Iterable[Example], output: Path, corpus: str) -> Model:
    """Train a model on `examples` and write it to `output` (atomically: a model already
    there stays whole until the new one is complete)."""
    crfsuite = _library()
    trainer = crfsuite.Trainer(verbose=False)
    count = 0
    for items, tags in examples:
        trainer.append(items, tags)
        count += 1
    if not count:
        raise ModelError("nothing to learn from: no annotated paragraph was found")
    parameters = {**PARAMETERS, "c1": C1_PER_PARAGRAPH * count}
    trainer.set_params({**parameters, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "model.crfsuite"
        trainer.train(str(scratch))
        crf = scratch.read_bytes()
    info = {
        "feature_version": FEATURE_VERSION,
        "corpus": corpus,
        "paragraphs": count,
        "trained_on": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "library": f"{LIBRARY} {library_version()}",
        "parameters": parameters,
        "sha256": hashlib.sha256(crf).hexdigest(),
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.write_bytes(FORMAT + json.dumps(info, sort_keys=True).encode() + b"\n" + crf)
    partial.replace(output)
    return Model(output, info, crf)


def load(path: Path) -> Model:
    """The model at `path`; `ModelError` says in one line why it cannot be used."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ModelError(
            f"no drafter model at {path}: train one with factcheck drafter train"
        ) from None
    except OSError as error:
        raise ModelError(f"cannot read the drafter model {path}: {error.strerror}") from None
    if not data.startswith(FORMAT):
        raise ModelError(f"{path} is not a drafter model written by factcheck drafter train")
    header, _, crf = data[len(FORMAT) :].partition(b"\n")
    try:
        info = json.loads(header)
    except (json.JSONDecodeError, UnicodeDecodeError):
        info = None
    if not isinstance(info, dict) or hashlib.sha256(crf).hexdigest() != info.get("sha256"):
        raise ModelError(f"the drafter model {path} is corrupt: train it again")
    version = info.get("feature_version")
    if version != FEATURE_VERSION:
        raise ModelError(
            f"the drafter model {path} was trained on features of version {version}, this "
            f"factcheck reads version {FEATURE_VERSION}: train it again"
        )
    _library()
    return Model(path, info, crf)
