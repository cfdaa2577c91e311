"""The terminal summary: counts, and every claim that is not supported, with its publishers."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from conftest import REPO, await_check, set_cell
from factcheck.analysis.summary import publishers_in_words, render
from factcheck.cli import main


def test_summary_counts_and_lists_what_does_not_hold(
    capsys: pytest.CaptureFixture[str], data: factcheck.Dataset
) -> None:
    assert main(["summary", "--dir", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert out == render(data)
    assert out.startswith("1 article(s), 57 claims, 7 sources, ")
    flagged = data.claims[~data.claims["verdict"].isin(["supported", "not_checkable"])]
    assert f"Claims that are not supported ({len(flagged)})" in out
    for claim in flagged.itertuples():
        assert f"{claim.claim_id}  {claim.verdict}" in out
    assert (
        "content evidence from: 5 independent publishers: AFP, Associated Press, KBS World" in out
    )


def test_summary_counts_each_checked_claims_independent_publishers(
    data: factcheck.Dataset,
) -> None:
    out = render(data)
    counted = data.independent_publishers().set_index("claim_id")
    rated = data.claims[
        data.claims["verdict"].notna() & (data.claims["verdict"] != "not_checkable")
    ]
    for claim in rated.itertuples():
        words = publishers_in_words(counted.loc[claim.claim_id, "names"])
        assert f"{claim.claim_id}  {claim.verdict:<19}  {words}\n" in out, claim.claim_id
    # one Reuters story carried by three sites counts once; the New York Times' context does not
    assert "C0056  supported            2 independent publishers: BBC, Reuters\n" in out
    assert "C0006  " not in out.split("Claims that are not supported")[0]  # not checkable


def test_publishers_are_counted_in_words() -> None:
    assert publishers_in_words(()) == "no evidence for or against it"
    assert publishers_in_words(("AFP",)) == "1 independent publisher: AFP"
    assert publishers_in_words(("AFP", "Yonhap")) == "2 independent publishers: AFP, Yonhap"


def test_summary_tables_name_every_verdict_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    main(["summary", "--dir", str(REPO)])
    out = capsys.readouterr().out
    for word in (
        "supported",
        "partly_supported",
        "refuted",
        "not_enough_evidence",
        "not_checkable",
        "Korean Central News Agency",
        "U.S. officials",
    ):
        assert word in out


def test_summary_refuses_invalid_data(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_cell(dataset, "claims.csv", 6, "verdict", "maybe")
    assert main(["summary", "--dir", str(dataset)]) == 1
    assert "column verdict: 'maybe'" in capsys.readouterr().err


def test_claims_awaiting_their_fact_check_are_counted_apart(dataset: Path) -> None:
    await_check(dataset, 2)
    text = render(factcheck.load_dataset(dataset))
    assert "awaiting check" in text
    assert "C0001" not in text  # not listed among the claims that are not supported
