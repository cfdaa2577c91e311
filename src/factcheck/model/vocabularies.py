"""The closed vocabularies of the dataset: every enum column takes its values from here.

Each value carries its definition, so the schemas, the loader's categoricals and the data
dictionary all read the same list in the same order.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self, cast


class Vocabulary(StrEnum):
    """A closed set of values, each with a one-line definition."""

    definition: str

    def __new__(cls, value: str, definition: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.definition = definition
        return member

    @property
    def words(self) -> str:
        """The value as a reader sees it: `partly_supported` is "Partly supported"."""
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]

    @classmethod
    def of(cls, value: str) -> Self:
        """The member whose value is `value`; a ValueError if there is none."""
        try:
            return cast(Self, cls._value2member_map_[value])
        except KeyError:
            raise ValueError(f"{value!r} is not one of {cls.values()}") from None


class ClaimType(Vocabulary):
    """What kind of proposition a claim is: it decides whether and how it can be checked."""

    EVENT = (
        "event",
        "Something that happened: who did what, where and when (a departure, a meeting, a report).",
    )
    TIME_OR_QUANTITY = (
        "time_or_quantity",
        "A date, time, duration, count or ordinal, or a comparison of them "
        "('four times within 10 months', 'first in nearly five years').",
    )
    ATTRIBUTE = (
        "attribute",
        "A lasting property, role, status or relationship of a person, "
        "organisation or thing ('Foreign Minister Choe Son-hui', 'bulletproof train').",
    )
    EXPECTATION_OR_PLAN = (
        "expectation_or_plan",
        "Something expected or planned to happen after the article's date; "
        "it cannot be checked as of that date.",
    )
    ANALYSIS_OR_OPINION = (
        "analysis_or_opinion",
        "An interpretation of meaning, motive or significance, or an evaluative judgement "
        "('underscores his deepening ties'); not a fact to check.",
    )


class Certainty(Vocabulary):
    """How firmly the article presents a claim, relative to the source it names.

    Modelled on FactBank's source-relative factuality: CT+ is `asserted`, PR+ is `expected`
    for future events, PS+ is `hedged`; `alleged` marks an accusation the article reports
    without endorsing it.
    """

    ASSERTED = ("asserted", "Stated as fact by the source the claim is attributed to.")
    EXPECTED = ("expected", "Stated as expected, planned or scheduled, not as having happened.")
    ALLEGED = (
        "alleged",
        "Reported as an accusation by the source ('officials allege'); "
        "the article does not endorse it.",
    )
    HEDGED = (
        "hedged",
        "Stated with a hedge that weakens it ('is considered', 'reportedly', 'may').",
    )


class SourceKind(Vocabulary):
    """What kind of entity a source is."""

    PUBLISHER = ("publisher", "A news outlet that publishes articles under its own name.")
    NEWS_AGENCY = ("news_agency", "A news agency (wire service) not run by a state.")
    STATE_NEWS_AGENCY = ("state_news_agency", "A news agency run by a state.")
    STATE_BROADCASTER = ("state_broadcaster", "A radio or television service run by a state.")
    STATE_MEDIA = (
        "state_media",
        "A state's media as a whole, when the article does not name one outlet.",
    )
    GOVERNMENT_OFFICIALS = (
        "government_officials",
        "Officials of a government, named or unnamed, speaking for it.",
    )
    PERSON = ("person", "A named person speaking for themselves, not for a government.")
    ORGANIZATION = (
        "organization",
        "Any other organisation: a company, a research institute, a party, a group.",
    )


class TitleOrigin(Vocabulary):
    """Where an article's title comes from."""

    PUBLISHED = ("published", "The headline the outlet published.")
    DATASET = (
        "dataset",
        "Written by this dataset's editors because the stored text carries no headline.",
    )


class ReviewState(Vocabulary):
    """How far the editors have got in turning an article into claims: the claim rows are
    merged as they are reviewed, and only a complete article must have every sentence
    covered."""

    IN_PROGRESS = (
        "in_progress",
        "Its claims are being reviewed and merged a few at a time: some sentences of its body "
        "may have no claim yet, and it is not assessed.",
    )
    COMPLETE = (
        "complete",
        "Every sentence of its body is covered by a reviewed claim: it may be assessed.",
    )


UNCHECKABLE_TYPES = frozenset({ClaimType.EXPECTATION_OR_PLAN, ClaimType.ANALYSIS_OR_OPINION})


class ArticleRating(Vocabulary):
    """How far a reader can trust an article's account, judged from its claims' checks: the
    five levels of credibility Climate Feedback rates articles on, defined here for a news
    report checked claim by claim."""

    VERY_HIGH = (
        "very_high",
        "Every checkable claim holds, and the article attributes each to the right source.",
    )
    HIGH = (
        "high",
        "The article's account holds; a detail or two is imprecise, and nothing misleads.",
    )
    NEUTRAL = (
        "neutral",
        "The article's main account holds, but several details are wrong or overstated.",
    )
    LOW = (
        "low",
        "A claim the article's account rests on is wrong or misleading.",
    )
    VERY_LOW = ("very_low", "The article's main account is false, or its sources misrepresented.")

    @property
    def score(self) -> int:
        """The level as a number, +2 (very high) to -2 (very low), as Climate Feedback scores
        it: what a schema.org Rating's ratingValue carries."""
        return 2 - type(self).values().index(self.value)


class Verdict(Vocabulary):
    """Whether a claim holds, judged as of its article's publication date."""

    SUPPORTED = ("supported", "The evidence shows the claim is true as stated.")
    PARTLY_SUPPORTED = (
        "partly_supported",
        "Part of the claim is true and part is wrong, exaggerated or imprecise.",
    )
    REFUTED = ("refuted", "The evidence shows the claim is false.")
    NOT_ENOUGH_EVIDENCE = (
        "not_enough_evidence",
        "The evidence found neither confirms nor refutes the claim; the rationale says what "
        "was looked for.",
    )
    NOT_CHECKABLE = (
        "not_checkable",
        "An analysis, opinion, expectation or plan: not a statement of fact to check. Used for "
        "exactly those claim types.",
    )


# Verdicts that say a claim does not hold as stated: they need the strongest evidence (two
# independent publishers) and are marked as disputed in the analysis.
DISPUTED_VERDICTS = frozenset({Verdict.REFUTED, Verdict.PARTLY_SUPPORTED})


class AttributionCheck(Vocabulary):
    """Whether the source a claim is attributed to really said it."""

    CONFIRMED = ("confirmed", "The source is found saying what the article attributes to it.")
    NOT_FOUND = (
        "not_found",
        "No record was found of the source saying it; the rationale says what was looked for.",
    )
    CONTRADICTED = ("contradicted", "The source is found saying something different.")
    NOT_APPLICABLE = (
        "not_applicable",
        "The claim is in the outlet's own voice: there is no other source to check.",
    )


class Stance(Vocabulary):
    """How an evidence item bears on what it checks."""

    SUPPORTS = ("supports", "The item shows the claim (or the attribution) is right.")
    REFUTES = ("refutes", "The item shows the claim (or the attribution) is wrong.")
    CONTEXT = ("context", "The item qualifies, dates or explains without settling the question.")


class BearsOn(Vocabulary):
    """Which of a claim's two checks an evidence item is for."""

    CONTENT = ("content", "The claim's content: did it happen, is it so.")
    ATTRIBUTION = ("attribution", "The attribution: did the named source say it.")
