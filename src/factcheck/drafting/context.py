"""What earlier sentences tell a later one: who a pronoun source is, whose quotation goes on.

News attributes over several sentences. "“…,” Bush said. “And so that belief …”" goes on
quoting Bush; "“…,” she said" names its speaker in an earlier sentence. A rule cannot be sure
of either, so each such row says in its `draft_note` what was assumed, for the reviewer:

- a pronoun source ("he", "she", "they") is taken to be a source quoted since the sentence
  before began, else a person's name outside quotation marks, in the same or the previous
  sentence (see `Context.antecedent`); for "they", only a source the article has already
  quoted that names a group ("officials", "the campaign");
- a sentence that opens with quotation marks and has no cue of its own continues the
  quotation of the sentence before it, in the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.drafting.lexicon import (
    GROUP_NOUNS,
    HONORIFICS,
    INITIAL,
    NAME,
    NAME_WORD,
    NOT_PERSON,
    OBJECT_MARKERS,
    PLACES_AND_BODIES,
    PLURAL,
    RESOLVED_PRONOUNS,
)

Span = tuple[int, int]


@dataclass(frozen=True)
class Voice:
    """Who a clause comes from, the cue words, and why the drafter thinks so."""

    attribution: str
    cue: str | None
    note: str
    sources: tuple[Span, ...] = ()  # offsets in the article
    cue_spans: tuple[Span, ...] = ()


# A person's name: the lexicon's, as clauses reads it after a title or kin.
_NAME = re.compile(NAME)
# What stands before a surname written after a given name: a name word ("Donald Trump") or an
# honorific ("Mr. Trump"), maybe an initial after it ("George W. Bush"). The full stop may
# follow any name word, so a sentence's last word counts too ("… in Texas. Trump"): read only
# after an honorific, it changed PolNeAR train's counts (fewer recalled, more precise), a
# change for its own measurement, not this pattern's.
_GIVEN = re.compile(rf"{NAME_WORD}\.?\s+(?:{INITIAL}\s+)?$")
# The word before a name that makes it an object or a modifier, not the one who speaks.
_OBJECT = re.compile(rf"\b(?:{OBJECT_MARKERS})\s+$", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]?")


@dataclass
class Context:
    """The article's text and what its earlier sentences said, as the drafter goes along."""

    text: str
    sources: list[tuple[Span, str]] = field(default_factory=list)  # named sources so far
    starts: list[int] = field(default_factory=list)  # where each sentence so far began
    current: int = 0  # where the sentence being drafted begins
    paragraph: int = -1  # where the sentence before began its paragraph
    quoting: Voice | None = None  # the voice of a quotation that may go on
    _surnames: dict[str, bool] = field(default_factory=dict)

    def antecedent(self, pronoun: str, at: int) -> Span | None:
        """The span of the name `pronoun` (at `at` in the article) is taken to stand for: the
        latest source quoted since the sentence before began, else a person's name outside
        quotation marks: the first of this sentence before the pronoun, else the first of the
        sentence before (its subject, as a rule); failing both, the latest source quoted in the
        three sentences before."""
        word = pronoun.casefold()
        if word not in RESOLVED_PRONOUNS:
            return None
        plural = word in PLURAL
        start = self.starts[-1] if self.starts else at
        found = self._quoted(plural, start, at)
        if found is None and not plural:
            found = self._named(self.current, at) or self._named(start, self.current)
        if found is None and len(self.starts) > 1:
            found = self._quoted(plural, self.starts[-min(3, len(self.starts))], at)
        return found

    def _quoted(self, plural: bool, start: int, at: int) -> Span | None:
        spans = [s for s, p in self.sources if start <= s[0] < at and _group(p) == plural]
        return spans[-1] if spans else None

    def _named(self, start: int, at: int) -> Span | None:
        """The first person's name in `text[start:at]` that can be a subject: not after a
        preposition or an article ("in the Oval Office"), not possessive ("Obama's actions").
        Measured on PolNeAR's train split, the first name of a sentence is its speaker's
        more often than the nearest one is."""
        window = _unquoted(self.text[start:at])
        for match in _NAME.finditer(window):
            a, b = _without_leading_stopwords(window, match.start(), match.end())
            if (
                a < b
                and self._person(window[a:b])
                and not _OBJECT.search(window[:a])
                and not re.match(r"[’']s\b", window[b:])
            ):
                return start + a, start + b
        return None

    def _person(self, name: str) -> bool:
        """Whether `name` reads as a person's: after an honorific; two or more words not
        ending as a place's or a body's name do ("Maria Lopez", not "United States"); one
        word must be a surname the article also writes after a given name ("Trump", where
        "Donald Trump" is written too)."""
        words = name.split()
        first = words[0].casefold().rstrip(".")
        if first in HONORIFICS:
            return True
        if first in NOT_PERSON or words[-1].casefold() in PLACES_AND_BODIES:
            return False
        return len(words) > 1 or self._surname(words[-1])

    def _surname(self, word: str) -> bool:
        """Whether the article writes `word` both after a given name and alone."""
        if word not in self._surnames:
            given = alone = False
            for match in re.finditer(rf"\b{re.escape(word)}\b", self.text):
                before = self.text[max(0, match.start() - 30) : match.start()]
                after = bool(_GIVEN.search(before))
                given, alone = given or after, alone or not after
            self._surnames[word] = given and alone
        return self._surnames[word]

    def begin(self, paragraph: int, start: int) -> None:
        """Start the sentence at `start`, of the paragraph starting at `paragraph`: a new
        paragraph ends any quotation."""
        if paragraph != self.paragraph:
            self.quoting = None
        self.paragraph, self.current = paragraph, start


def _without_leading_stopwords(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a capitalised run without the words before the name: "After Tom Hart"
    is "Tom Hart"."""
    for word in re.finditer(r"\S+", text[start:end]):
        if word.group().casefold().rstrip(".,") not in NOT_PERSON:
            return start + word.start(), end
    return end, end


def _group(phrase: str) -> bool:
    words = phrase.casefold().split()
    return bool(words) and words[-1] in GROUP_NOUNS


def _unquoted(window: str) -> str:
    """`window` with what stands in quotation marks blanked, keeping offsets."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), window)
