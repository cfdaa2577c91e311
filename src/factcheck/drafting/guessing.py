"""First guesses at a drafted clause's claim type and certainty, from the words of its quote.

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

from factcheck.model.vocabularies import Certainty, ClaimType

_EXPECTATION = re.compile(
    r"\b(?:(?:is|are|was|were) )?(?:expected|scheduled|set to|due to)\b"
    r"|\b(?:will|plans? to|planned to|intends? to|aims? to)\b"
)
_ANALYSIS = re.compile(
    r"\b(?:underscor\w*|signal\w*|highlight\w*|reflect\w*|suggest\w*|symboli[sz]\w*|"
    r"demonstrat\w*|illustrat\w*|opportunity|on the heels|powerful|crucial|important|"
    r"significant|isolated|likely|appears?|seems?|means|shows? that)\b"
)
_HEDGE = re.compile(
    r"\b(?:(?:is|are|was|were) (?:considered|believed|thought|seen as|said to|widely seen)|"
    r"reportedly|allegedly|may|might|could|possibly|probably|apparently)\b"
)
_ALLEGE = re.compile(r"\ballege[sd]?\b|\bclaim(?:s|ed)?\b")
_QUANTITY = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
    r"thousands?|millions?|billions?|first|second|third|last|nearly|more than|percent|"
    r"anniversary|times|since)\b|%"
)
_TIME = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|night|morning|"
    r"afternoon|evening|yesterday|today|tomorrow|decades?|years?|months?|weeks?|days?|"
    r"\d{4})\b"
)
_EVENT = re.compile(
    r"\b(?:\w+ed|met|made|went|left|took|gave|held|began|saw|sent|came|ran|won|led|flew|"
    r"struck|fought|brought|built|sold|spent|told|said|became|visit\w*|cross\w*|arriv\w*|"
    r"depart\w*|accompan\w*|head\w*|travel\w*|launch\w*|inspect\w*|unveil\w*|provid\w*)\b"
)
_MEASURE = re.compile(r"\b(?:first|since|times|anniversary)\b")
_STATIVE = re.compile(r"\b(?:is|are|has been|have been|was|were|has long been)\b")


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
    expected = re.search(r"\b(?:(?:is|are|was|were) )?expected\b", quote)
    if expected:
        return Certainty.EXPECTED, expected.group(0)
    hedge = _HEDGE.search(quote)
    if hedge:
        return Certainty.HEDGED, hedge.group(0)
    return Certainty.ASSERTED, None
