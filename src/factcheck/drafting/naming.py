"""Matching the phrases an article uses for its sources to the rows of `sources.csv`.

A phrase matches a source when, set aside its article ("the") and case and apostrophe style,
it is the source's name or one of its aliases, or ends with one ("the state-run Korean
Central News Agency" is KCNA; the words before the name describe it, and that description is
a claim of the outlet's own). A phrase that names two sources at once ("U.S. and South Korean
officials") is split first. A phrase that matches nothing is proposed as a new source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from factcheck.drafting.lexicon import (
    ARTICLES,
    CAPITALISED,
    GOVERNMENT_WORDS,
    GROUP_HEADS,
    HONORIFIC,
    NAME,
    NAME_PARTICLES,
    NEWS_AGENCY_NAMES,
    NEWS_AGENCY_WORDS,
    NOT_IN_NAMES,
    PEOPLE,
    POSSESSIVES,
    PRONOUNS,
    PUBLISHER_WORDS,
    RECORD_HEADS,
    STATE_MEDIA_WORDS,
    TITLES,
    TITLES_IN_NAMES,
)
from factcheck.model.cells import placeholder_description
from factcheck.model.names import alias_list, name_key
from factcheck.model.notation import SOURCE_ID
from factcheck.model.vocabularies import SourceKind

_DETERMINERS = tuple(f"{article} " for article in ARTICLES)
# A title or an honorific before a person's name, left out of a proposed source's name and id
# ("Defense Minister Ahn Gyu-back" is Ahn Gyu-back, "Sen. Ted Cruz" Ted Cruz): a title is a
# role held for a time, the person is the source, and the drafter makes the title a row of
# its own (the outlet's claim); the phrase as written stays in the placeholder description.
TITLE = re.compile(
    rf"(?:(?:{CAPITALISED}\s+)*(?:{TITLES})|{HONORIFIC})\s+(?P<name>{NAME})", re.UNICODE
)
# A name as written after its description: capitalised words, maybe joined by particles
# ("Diário do Sul").
_NAME_AS_WRITTEN = rf"{CAPITALISED}(?:\s+(?:(?:{NAME_PARTICLES})\s+)?{CAPITALISED}){{0,4}}"
# A lower-case description before a name: "the wire service Reuters", "newspaper El Diario".
# The name is any source's, in capitalised words ("the news agency AFP", "a spokeswoman for
# YouTube"), not the lexicon's NAME: a person's name refuses "AFP" and reads "You" of
# "YouTube", and the whole phrase would be proposed as a source ("FOR-YOUTUBE").
_DESCRIBED = re.compile(
    rf"(?:(?i:{'|'.join(ARTICLES)})\s+)?(?P<description>(?:[a-z][\w’'-]*\s+){{1,4}})"
    rf"(?P<name>{_NAME_AS_WRITTEN})"
)
# The kind a proposed source is guessed to be, by the first of these its name shows.
_KINDS = (
    (rf"\b(?:{STATE_MEDIA_WORDS})\b", SourceKind.STATE_MEDIA),
    (rf"\b(?:{NEWS_AGENCY_WORDS})\b", SourceKind.NEWS_AGENCY),
    (rf"\b(?:{GOVERNMENT_WORDS})\b", SourceKind.GOVERNMENT_OFFICIALS),
    (rf"\b(?:{PUBLISHER_WORDS})\b", SourceKind.PUBLISHER),
)


@dataclass(frozen=True)
class Match:
    """Who a source phrase names: a source id, whether it is already listed, and the words
    of the phrase that describe the source beyond its name (a claim of their own)."""

    source_id: str
    known: bool
    description: tuple[int, int] | None = None  # offsets within the phrase

    def note(self, part: str) -> str:
        """What a draft's note says of the phrase `part` this match is of."""
        new = "" if self.known else " (new: see the draft's sources file)"
        return f"'{part}' is {self.source_id}{new}"


@dataclass(frozen=True)
class Proposal:
    """A source the drafter did not find in sources.csv, to be reviewed before merging."""

    source_id: str
    name: str
    kind: SourceKind
    phrase: str


class SourceIndex:
    """The sources of `sources.csv` by every name and alias, plus the ones proposed so far."""

    def __init__(self, sources: pd.DataFrame) -> None:
        self.ids = {str(sid) for sid in sources["source_id"]}
        self.names: dict[str, str] = {}
        for sid, name, aliases in zip(
            sources["source_id"],
            sources["name"],
            sources.get("aliases", [None] * len(sources)),
            strict=False,
        ):
            for each in [name, *alias_list(aliases)]:
                if isinstance(each, str) and each:
                    self.names.setdefault(name_key(each), str(sid))
        self.proposed: dict[str, Proposal] = {}

    def split(self, phrase: str) -> list[str]:
        """The phrases a joint source phrase names, each as it would stand alone.

        "U.S. and South Korean officials" is "U.S. officials" and "South Korean officials";
        "Reuters and AFP" is both; "Ministry of Trade and Industry" stays whole unless each
        side is a known source."""
        parts = [p for p in re.split(r",\s+(?:and\s+)?|\s+and\s+", phrase) if p.strip()]
        if len(parts) < 2:
            return [phrase]
        last = parts[-1].split()
        head = last[-1] if last else ""
        if head.casefold() in GROUP_HEADS and all(
            p.split()[-1].casefold() not in GROUP_HEADS for p in parts[:-1]
        ):
            return [f"{p} {head}" for p in parts[:-1]] + [parts[-1]]
        if all(self._known(p) for p in parts) or all(_proper(p) for p in parts):
            return parts
        return [phrase]

    def _known(self, phrase: str) -> str | None:
        key = _strip_determiner(name_key(phrase))
        if key in self.names:
            return self.names[key]
        for name, sid in self.names.items():
            if key.endswith(" " + name):
                return sid
        return None

    def match(self, phrase: str) -> Match:
        """The source `phrase` names, proposing a new one if none is listed."""
        sid = self._known(phrase)
        if sid is not None:
            return Match(sid, True, _description(phrase, self, sid))
        described = _DESCRIBED.fullmatch(phrase.strip())
        if described is None or described["description"].strip().casefold() in ARTICLES:
            return Match(self.propose(phrase).source_id, False)
        # "the wire service Reuters": the source is Reuters, described as a wire service
        name, description = described["name"], described["description"]
        proposal = self.propose(name, guess_kind(f"{description} {name}"), written=phrase)
        start = phrase.index(described["description"])
        return Match(proposal.source_id, False, (start, len(phrase.rstrip())))

    def propose(
        self, phrase: str, kind: SourceKind | None = None, written: str | None = None
    ) -> Proposal:
        """The source `phrase` names, proposed once; `written` is how the article names it,
        when `phrase` is the name taken out of it."""
        name = _strip_determiner(phrase.strip())
        titled = TITLE.fullmatch(name)
        if titled is not None and not (  # "Governor Marco Aveiro" is Marco Aveiro
            re.fullmatch(TITLES_IN_NAMES, name.split()[0]) and len(titled["name"].split()) == 1
        ):
            name = titled["name"]
        key = name_key(name)
        for proposal in self.proposed.values():
            if name_key(proposal.name) == key:
                return proposal
        # the kind from the phrase as written: "Governor Marco Aveiro" speaks for a government
        guessed = kind or guess_kind(_strip_determiner(phrase.strip()))
        proposal = Proposal(self._new_id(name), name, guessed, written or phrase)
        self.proposed[proposal.source_id] = proposal
        return proposal

    def _new_id(self, name: str) -> str:
        base = source_id_of(name)
        if not re.fullmatch(SOURCE_ID, base):
            base = "SRC-" + base
        taken = self.ids | set(self.proposed)
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate


def source_id_of(name: str) -> str:
    """The id a proposed source gets from its whole name: accents folded ("Diário do Sul" is
    DIARIO-DO-SUL), a possessive and the articles "the", "a", "an" left out, every other word
    kept, so that no id is a name cut short."""
    folded = unicodedata.normalize("NFKD", re.sub(r"['’]s\b", "", name))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    words = [w for w in re.findall(r"[A-Za-z0-9]+", ascii_only) if w.casefold() not in ARTICLES]
    return "-".join(w.upper() for w in words) or "SOURCE"


def is_source_phrase(phrase: str) -> bool:
    """Whether a run of words can name a source: a short name or noun phrase, not a clause,
    and not a pronoun (whose antecedent a rule cannot be trusted to find)."""
    words = phrase.split()
    if not 1 <= len(words) <= 10:
        return False
    lowered = [w.casefold().strip("’'") for w in words]
    # "he" is no source by itself (see drafting.context); "his nephew" may be one
    alone = len(words) == 1 or lowered[0] not in POSSESSIVES
    if (lowered[0] in PRONOUNS and alone) or any(w in NOT_IN_NAMES for w in lowered):
        return False
    named = any(w[:1].isupper() or w[:1].isdigit() for w in words)
    return named or any(w in GROUP_HEADS or w in RECORD_HEADS or w in PEOPLE for w in lowered)


def _proper(phrase: str) -> bool:
    """Whether every word of `phrase` is capitalised, as in a name ("Reuters", "Korea Herald")."""
    words = _strip_determiner(phrase).split()
    return bool(words) and all(w[:1].isupper() for w in words)


def guess_kind(name: str) -> SourceKind:
    if re.fullmatch(f"(?:{NEWS_AGENCY_NAMES})", _strip_determiner(name_key(name))):
        return SourceKind.NEWS_AGENCY  # "Reuters", "the Associated Press"
    lowered = name.casefold()
    for pattern, kind in _KINDS:
        if re.search(pattern, lowered):
            return kind
    words = name.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return SourceKind.PERSON
    return SourceKind.ORGANIZATION


def _strip_determiner(phrase: str) -> str:
    for determiner in _DETERMINERS:
        if phrase.casefold().startswith(determiner):
            return phrase[len(determiner) :]
    return phrase


def _description(phrase: str, index: SourceIndex, sid: str) -> tuple[int, int] | None:
    """The span of `phrase` from its first word after the article to the end, when words
    before the source's name describe it ("the state-run Korean Central News Agency")."""
    key = _strip_determiner(name_key(phrase))
    names = [name for name, owner in index.names.items() if owner == sid]
    if key in names:
        return None
    start = len(phrase) - len(_strip_determiner(phrase.lstrip()))
    return (start, len(phrase.rstrip()))


def proposals_table(proposals: Iterable[Proposal], article_id: str) -> list[dict[str, str]]:
    """New source rows in the columns of sources.csv, for the reviewer to complete."""
    return [
        {
            "source_id": p.source_id,
            "name": p.name,
            "aliases": "",
            "kind": p.kind.value,
            "country": "",
            "state_controlled": "",
            "description": placeholder_description(
                f"named in {article_id} as '{p.phrase.strip()}'."
            ),
        }
        for p in proposals
    ]
