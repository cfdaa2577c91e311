"""The closed vocabularies: values in a fixed order, each defined."""

from __future__ import annotations

import pytest

from factcheck.model.vocabularies import Certainty, ClaimType, SourceKind, TitleOrigin, Vocabulary

VOCABULARIES: list[type[Vocabulary]] = [ClaimType, Certainty, SourceKind, TitleOrigin]


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_every_value_is_snake_case_and_defined(vocabulary: type[Vocabulary]) -> None:
    for member in vocabulary:
        assert member.value == member.value.lower().replace(" ", "_")
        assert member.definition.endswith(".")
        assert member == member.value  # a StrEnum compares equal to its text


def test_values_keep_their_order() -> None:
    assert ClaimType.values() == [
        "event",
        "time_or_quantity",
        "attribute",
        "expectation_or_plan",
        "analysis_or_opinion",
    ]
    assert Certainty.values() == ["asserted", "expected", "alleged", "hedged"]


def test_of_finds_members_by_value_and_refuses_others() -> None:
    from factcheck.model.vocabularies import Verdict

    assert Verdict.of("refuted") is Verdict.REFUTED
    with pytest.raises(ValueError, match="'false' is not one of"):
        Verdict.of("false")
