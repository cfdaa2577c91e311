"""Scoring drafted rows against annotated attributions (factcheck.drafting.benchmark), the
benchmark script on a checkout of its own, and `factcheck evaluate --polnear`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLE_ID, REPO
from factcheck.cli import main
from factcheck.drafting.benchmark import PUBLISHER, Tally, measure, pattern_of, render, score
from factcheck.drafting.clauses import Row
from factcheck.drafting.polnear import Article, Attribution
from factcheck.model.vocabularies import Certainty, ClaimType
from test_polnear import TEXT, checkout, span

SAYS = span(TEXT, "Ann Lee said the bridge would reopen")
SAFE = span(TEXT, '"It is safe,"')


def row(
    start: int,
    end: int,
    attribution: str = "PUBLISHER > ANN-LEE",
    sources: tuple[tuple[int, int], ...] = (),
    cues: tuple[tuple[int, int], ...] = (),
) -> Row:
    return Row(
        start,
        end,
        TEXT[start:end],
        ClaimType.EVENT,
        Certainty.ASSERTED,
        None,
        attribution,
        "said",
        "",
        sources,
        cues,
    )


def relation(content: str, source: str, cue: tuple[int, int]) -> Attribution:
    return Attribution((span(TEXT, content),), (span(TEXT, source),), (cue,))


SAID = span(TEXT, "said")  # Ann Lee's
SHE_SAID = span(TEXT, "said", SAFE[1])
BRIDGE = relation("the bridge would reopen", "Ann Lee", SAID)
QUOTE = relation('"It is safe,"', "she", SHE_SAID)
ANN = span(TEXT, "Ann Lee")


def test_a_row_covering_half_the_content_with_its_source_and_cue_is_right() -> None:
    article = Article("a1", TEXT, (BRIDGE,))
    content = span(TEXT, "the bridge would reopen")
    half = (content[0], content[0] + (content[1] - content[0] + 1) // 2)
    tally = score(article, [row(*half, sources=(ANN,), cues=(SAID,))], PUBLISHER)
    assert (tally.recalled, tally.precise, tally.source_right, tally.cue_right) == (1, 1, 1, 1)
    assert tally.f1_with_source == 1.0


def test_less_than_half_is_not_recalled_but_still_precise() -> None:
    article = Article("a1", TEXT, (BRIDGE,))
    content = span(TEXT, "the bridge would reopen")
    tally = score(article, [row(content[0], content[0] + 5, sources=(ANN,))], PUBLISHER)
    assert (tally.recalled, tally.precise, tally.precise_with_source) == (0, 1, 1)
    assert (tally.recall, tally.precision, tally.f1_with_source) == (0.0, 1.0, 0.0)


def test_rows_in_the_publishers_voice_are_neither_recalled_nor_counted() -> None:
    article = Article("a1", TEXT, (BRIDGE,))
    tally = score(article, [row(*SAYS, attribution=PUBLISHER)], PUBLISHER)
    assert (tally.attributed, tally.recalled) == (0, 0)


def test_a_wrong_source_or_cue_is_counted_on_the_pair() -> None:
    article = Article("a1", TEXT, (BRIDGE,))
    content = span(TEXT, "the bridge would reopen")
    wrong = span(TEXT, "bridge")
    tally = score(article, [row(*content, sources=(wrong,), cues=(wrong,))], PUBLISHER)
    assert (tally.recalled, tally.source_right, tally.cue_right) == (1, 0, 0)
    assert (tally.precise, tally.precise_with_source) == (1, 0)


def test_a_pronoun_source_is_right_when_the_draft_names_its_antecedent(tmp_path: Path) -> None:
    [article] = measure_articles(tmp_path)
    quote = article.attributions[1]
    drafted = row(*SAFE, sources=(ANN,), cues=(quote.cue[0],))
    tally = score(article, [drafted], PUBLISHER)
    assert (tally.recalled, tally.source_right, tally.cue_right) == (1, 1, 1)
    without_chain = Article("a1", TEXT, article.attributions)  # no CoreNLP file
    assert score(without_chain, [drafted], PUBLISHER).source_right == 0


def measure_articles(tmp_path: Path) -> list[Article]:
    from factcheck.drafting.polnear import articles

    return list(articles(checkout(tmp_path), "dev"))


@pytest.mark.parametrize(
    ("attribution", "expected"),
    [
        (QUOTE, "pronoun source"),
        (BRIDGE, "reporting verb before"),
        (relation('"It is safe,"', "Ann Lee", SHE_SAID), "quotation"),
        (Attribution((SAYS,), (ANN,), ()), "no cue"),
    ],
)
def test_each_attribution_is_put_in_one_pattern(attribution: Attribution, expected: str) -> None:
    assert pattern_of(attribution, TEXT) == expected


def test_tallies_add_up_and_render_every_pattern() -> None:
    article = Article("a1", TEXT, (BRIDGE, QUOTE))
    one = score(article, [row(*span(TEXT, "the bridge would reopen"), sources=(ANN,))], PUBLISHER)
    total = Tally()
    total.add(one)
    total.add(one)
    assert (total.annotated, total.recalled, total.attributed) == (4, 2, 2)
    table = render(total, "fixture", 1.25)
    assert "fixture: 4 annotated attributions, 2 attributed rows, drafted in 1.2 s" in table
    assert "| content recall | 2 / 4 | 0.500 |" in table
    assert "| pronoun source | 2 | 0.000 | 0.000 | 0.000 |" in table
    assert "| reporting verb before | 2 | 1.000 | 1.000 | 0.000 |" in table


def test_the_drafter_is_measured_on_a_checkout(tmp_path: Path) -> None:
    # The drafter itself, on the fixture: Ann Lee's report and her quotation, with "she"
    # resolved to Ann Lee in the sentence before.
    tally, seconds = measure(checkout(tmp_path), "dev")
    assert (tally.annotated, tally.recalled, tally.source_right, tally.cue_right) == (2, 2, 2, 2)
    assert seconds >= 0


@pytest.mark.slow  # the script in a process of its own, twice
def test_the_script_prints_the_table(tmp_path: Path) -> None:
    root = checkout(tmp_path)
    script = REPO / "benchmarks" / "attribution.py"
    done = subprocess.run(
        [sys.executable, str(script), "--polnear", str(root), "--split", "dev", "--rules-only"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "PolNeAR dev: 2 annotated attributions" in done.stdout
    assert "| F1 of content with the right source | | 1.000 |" in done.stdout
    refused = subprocess.run(
        [sys.executable, str(script), "--polnear", str(root), "--split", "test"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2
    assert "invalid choice: 'test'" in refused.stderr


def test_evaluate_reports_polnear_beside_the_seed_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = checkout(tmp_path)
    assert main(["evaluate", ARTICLE_ID, "--dir", str(REPO), "--polnear", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.index(f"article {ARTICLE_ID}") < out.index("PolNeAR dev: 2 annotated")
    assert main(["evaluate", ARTICLE_ID, "--dir", str(REPO), "--polnear", str(tmp_path / "x")]) == 2
    assert "is " in capsys.readouterr().err


def test_the_script_trains_and_sets_the_model_beside_the_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import load_script
    from test_training import tiny_checkout

    root = tiny_checkout(tiny_checkout(tmp_path, split="train"), articles=2, split="dev")
    script = load_script(REPO / "benchmarks" / "attribution.py", "benchmark_attribution")
    assert script.main(["--polnear", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("trained on PolNeAR train in ")
    assert "model, rules first: drafted 2 articles in " in out
    assert "| figure | rules | model alone | model, rules first |" in out
    assert "| F1 of content with the right source | " in out
    assert not list(tmp_path.rglob("*.model"))  # the model trained on the corpus is not kept
