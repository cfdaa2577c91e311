"""The evaluation command, and the floors the drafter holds on the curated seed article."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import ARTICLE_ID, REPO
from factcheck.cli import main
from factcheck.drafting.evaluation import compare, share

# The floors on the seed article: a drafted span overlaps at least 90% of the curated
# claims, and on the overlapping pairs the attribution agrees at least 85% of the time.
RECALL_FLOOR = 0.90
ATTRIBUTION_FLOOR = 0.85


def test_the_floors_hold_on_the_seed_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", ARTICLE_ID, "--dir", str(REPO)]) == 0
    out = capsys.readouterr().out
    shares = {
        line[:48].strip(): float(line.rsplit(None, 1)[1].rstrip("%")) / 100
        for line in out.splitlines()[1:]
    }
    assert shares["curated claims overlapped by a drafted span"] >= RECALL_FLOOR
    assert shares["attribution agrees (overlapping pairs)"] >= ATTRIBUTION_FLOOR


def frame(*rows: tuple[int, int, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["span_start", "span_end", "attribution", "claim_type"])


def test_compare_pairs_each_curated_claim_with_its_largest_overlap() -> None:
    curated = frame((0, 10, "A", "event"), (20, 30, "A > B", "event"), (50, 60, "A", "event"))
    drafted = frame(
        (0, 4, "A > B", "event"),
        (2, 12, "A", "event"),
        (25, 40, "A", "attribute"),
        (70, 80, "A", "event"),
    )
    score = compare(curated, drafted)
    assert (score.curated_overlapped, score.drafted_overlapping) == (2, 3)
    assert score.attribution_agrees == 1  # (0,10) pairs with (2,12); (20,30) with (25,40)
    assert score.type_agrees == 1
    assert score.exact == 0
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == pytest.approx(3 / 4)


def test_a_share_of_nothing_is_zero() -> None:
    assert share(3, 4) == pytest.approx(0.75)
    assert share(0, 0) == 0.0
    assert share(5, 0) == 0.0


def test_compare_with_nothing_drafted() -> None:
    score = compare(frame((0, 10, "A", "event")), frame())
    assert (score.recall, score.precision, score.attribution_agreement) == (0.0, 0.0, 0.0)


def test_a_draft_file_can_be_scored(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    draft = Path(str(tmp_path)) / "seed.csv"
    assert main(["draft", ARTICLE_ID, "--dir", str(REPO), "-o", str(draft)]) == 0
    capsys.readouterr()
    assert main(["evaluate", ARTICLE_ID, "--dir", str(REPO), "--draft", str(draft)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    # only the spans claims.csv does not hold are written to a draft
    assert first == f"article {ARTICLE_ID}: 57 curated claims, 11 drafted rows"


def test_the_floors_hold_with_a_model_learned_from_the_dataset(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """No PolNeAR model may be committed: the model here learns from the dataset itself."""
    from pathlib import Path

    model = Path(str(tmp_path)) / "drafter.model"
    assert main(["drafter", "train", "--dataset", "--dir", str(REPO), "-o", str(model)]) == 0
    capsys.readouterr()
    assert main(["evaluate", ARTICLE_ID, "--dir", str(REPO), "--model", str(model)]) == 0
    first, *lines = capsys.readouterr().out.splitlines()
    assert first.endswith(f"by the learned drafter ({model}, trained on 1 curated article of "
                          f"{REPO.name})")  # fmt: skip
    shares = {line[:48].strip(): float(line.rsplit(None, 1)[1].rstrip("%")) / 100 for line in lines}
    assert shares["curated claims overlapped by a drafted span"] >= RECALL_FLOOR
    assert shares["attribution agrees (overlapping pairs)"] >= ATTRIBUTION_FLOOR
