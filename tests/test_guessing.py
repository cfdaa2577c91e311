"""The first guesses at a clause's claim type and certainty (factcheck.drafting.guessing)."""

from __future__ import annotations

import pytest

from factcheck.drafting.guessing import guess_certainty, guess_type
from factcheck.model.vocabularies import Certainty, ClaimType


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("He is expected to join Xi", ClaimType.EXPECTATION_OR_PLAN),
        ("The rare trip underscores his deepening ties", ClaimType.ANALYSIS_OR_OPINION),
        ("Kim traveled to Beijing four times within 10 months", ClaimType.TIME_OR_QUANTITY),
        ("Kim inspected a newly built missile factory", ClaimType.EVENT),
        ("Kim's bulletproof luxury train", ClaimType.ATTRIBUTE),
        # a plan outranks the words of analysis; a measure's words outrank an act
        ("The visit will signal closer ties", ClaimType.EXPECTATION_OR_PLAN),
        ("It was his first trip abroad since 2019", ClaimType.TIME_OR_QUANTITY),
        # an act told with "was" says what something is
        ("The train was built in Pyongyang", ClaimType.ATTRIBUTE),
        # a count with no time and no digit is no measure
        ("Two officials met in Beijing", ClaimType.EVENT),
    ],
)
def test_claim_type_guesses(quote: str, expected: ClaimType) -> None:
    assert guess_type(quote) == expected


@pytest.mark.parametrize(
    ("quote", "cue", "expected"),
    [
        ("Pyongyang sent troops", "allege", (Certainty.ALLEGED, "allege")),
        ("Pyongyang sent troops", "reported > claimed", (Certainty.ALLEGED, "claimed")),
        # the cue's allegation comes before the quote's own words
        ("He is expected to leave", "alleges", (Certainty.ALLEGED, "alleges")),
        ("He is expected to leave", "said", (Certainty.EXPECTED, "is expected")),
        ("He was reportedly ill", None, (Certainty.HEDGED, "reportedly")),
        ("Talks were seen as a step", None, (Certainty.HEDGED, "were seen as")),
        ("The talks may resume", "said", (Certainty.HEDGED, "may")),
        ("Kim left Beijing", "said", (Certainty.ASSERTED, None)),
        ("Kim left Beijing", None, (Certainty.ASSERTED, None)),
    ],
)
def test_certainty_guesses(
    quote: str, cue: str | None, expected: tuple[Certainty, str | None]
) -> None:
    assert guess_certainty(quote, cue) == expected
