"""First guesses at a drafted clause's claim type and certainty, from the words of its quote
(the word lists are `factcheck.drafting.lexicon`'s).

The first of these a quote shows decides its type: words of a plan or an expectation ("is
expected to", "will"); words that weigh or judge ("underscores", "significant"); a number or
count with a time, unless it tells of an act without a measure's words ("first", "since");
a verb of an act without "is" or "was" (an event); else what someone or something is (an
attribute). Certainty: alleged when the cue alleges or claims, expected when the quote says
"expected", hedged on "reportedly", "may" and the like, asserted otherwise. The reviewer
corrects both.
"""

from __future__ import annotations

import re

from factcheck.drafting.lexicon import (
    ALLEGING,
    ANALYSIS_WORDS,
    BE,
    DAYS,
    EVENT_VERBS,
    EXPECTED,
    HEDGED_PASSIVES,
    HEDGES,
    MEASURE_WORDS,
    MONTHS,
    PLANS,
    QUANTITY_WORDS,
    STATIVE_VERBS,
    TIME_WORDS,
)
from factcheck.model.vocabularies import Certainty, ClaimType

_EXPECTATION = re.compile(rf"\b(?:(?:{BE}) )?(?:{EXPECTED})\b|\b(?:{PLANS})\b")
_ANALYSIS = re.compile(rf"\b(?:{ANALYSIS_WORDS})\b")
_HEDGE = re.compile(rf"\b(?:(?:{BE}) (?:{HEDGED_PASSIVES})|{HEDGES})\b")
_ALLEGE = re.compile(rf"\b(?:{ALLEGING})\b")
_QUANTITY = re.compile(rf"\b(?:\d[\d,.]*|{QUANTITY_WORDS})\b|%")
_DATES = "|".join(word.title() for word in (*DAYS, *MONTHS))
_TIME = re.compile(rf"\b(?:{_DATES}|{TIME_WORDS}|\d{{4}})\b")
_EVENT = re.compile(rf"\b(?:\w+ed|{EVENT_VERBS})\b")
_MEASURE = re.compile(rf"\b(?:{MEASURE_WORDS})\b")
_STATIVE = re.compile(rf"\b(?:{STATIVE_VERBS})\b")
_EXPECTED = re.compile(rf"\b(?:(?:{BE}) )?expected\b")


def guess_type(quote: str) -> ClaimType:
    """A first guess at the claim type, from the words of the quote."""
    if _EXPECTATION.search(quote):
        return ClaimType.EXPECTATION_OR_PLAN
    if _ANALYSIS.search(quote):
        return ClaimType.ANALYSIS_OR_OPINION
    measured = _QUANTITY.search(quote) and (_TIME.search(quote) or re.search(r"\d|times", quote))
    if measured and (not _EVENT.search(quote) or _MEASURE.search(quote)):
        return ClaimType.TIME_OR_QUANTITY
    if _EVENT.search(quote) and not _STATIVE.search(quote):
        return ClaimType.EVENT
    return ClaimType.ATTRIBUTE


def guess_certainty(quote: str, cue: str | None) -> tuple[Certainty, str | None]:
    """How firmly the clause is put, given the attribution `cue` that governs it (None in
    the outlet's own voice), and the words that weaken it."""
    if cue is not None:
        alleged = _ALLEGE.search(cue)
        if alleged:
            return Certainty.ALLEGED, alleged.group(0)
    expected = _EXPECTED.search(quote)
    if expected:
        return Certainty.EXPECTED, expected.group(0)
    hedge = _HEDGE.search(quote)
    if hedge:
        return Certainty.HEDGED, hedge.group(0)
    return Certainty.ASSERTED, None
