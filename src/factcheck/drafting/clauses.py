"""Drafting claim rows for an article, for a person to review in a spreadsheet.

The body is split into sentences (sentencex, a rule-based splitter: no model, nothing
downloaded) and each sentence into atomic clauses at the boundaries where English joins
propositions: semicolons, ", and" / ", but" / ", while" / ", when" / ", which", a comma
before a participle ("…, heading to Beijing"), "while". Each clause is a row with its exact
offsets and quote. An attribution cue (see `factcheck.drafting.cues`) makes the clauses it governs
come from its source, resolved against `sources.csv` (see `factcheck.drafting.naming`); the other
clauses are in the outlet's own voice. Titles before names ("Foreign Minister Choe Son-hui")
and kin in apposition ("his father, Kim Jong Il") add rows of their own. Claim types and
certainty are guessed from a few word lists (see `factcheck.drafting.guessing`); the claim
text is the quote, to be rewritten.

Everything here is a proposal: every row is marked `draft` and says in `draft_note` why it
was proposed. Nothing is fact-checked; the review columns stay empty.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from factcheck.drafting import cues
from factcheck.drafting.context import Context, Voice
from factcheck.drafting.guessing import guess_certainty, guess_type
from factcheck.drafting.lexicon import (
    CAPITALISED,
    CLAUSE_JOINS,
    CLAUSE_OPENERS,
    KIN,
    NAME,
    POSSESSIVES,
    RESOLVED_PRONOUNS,
    TITLES,
)
from factcheck.drafting.naming import SourceIndex, is_source_phrase
from factcheck.model import notation, segment
from factcheck.model.vocabularies import Certainty, ClaimType

# Where a sentence divides into clauses: the boundary's words are left out of both sides,
# except the subordinators (kept at the start of the clause they open: "while attempting").
_BOUNDARY = re.compile(
    r";\s+"
    rf"|,\s+(?:{CLAUSE_JOINS})\s+"
    rf"|,\s+(?=(?:{CLAUSE_OPENERS})\s)"
    r"|,\s+(?=[a-z]+(?:ing|ed)\b)"
    r"|\s+(?=while\s)"
)
# A title before a person's name, with the capitalised words before it that belong to it
# ("North Korean leader Kim Jong Un", "U.S. Secretary of State John F. Kerry"), and kin in
# apposition ("his father, Kim Jong Il").
_TITLED = re.compile(rf"(?<![\w-])(?:{CAPITALISED}\s+)*(?:{TITLES})\s+(?P<name>{NAME})")
_KIN = re.compile(
    rf"\b(?:(?i:{'|'.join(sorted(POSSESSIVES))}))?\s*(?P<role>{'|'.join(KIN)}),\s+(?P<name>{NAME})"
)
MIN_WORDS = 3  # a piece shorter than this joins its neighbour: a clause says something


@dataclass
class Row:
    """One drafted claim row, before ids are given."""

    start: int
    end: int
    quote: str
    claim_type: ClaimType
    certainty: Certainty
    certainty_cue: str | None
    attribution: str
    attribution_cue: str | None
    note: str
    # where the source phrases and cue words stand in the article: kept for scoring
    # (benchmarks/attribution.py), not written to the draft file
    source_spans: tuple[tuple[int, int], ...] = ()
    cue_spans: tuple[tuple[int, int], ...] = ()


@dataclass
class Draft:
    """The drafted rows of an article, and the sources they name that are not yet listed."""

    article_id: str
    index: SourceIndex
    rows: list[Row] = field(default_factory=list)


def draft_article(text: str, article_id: str, publisher: str, sources: pd.DataFrame) -> Draft:
    """Draft claim rows for every sentence of the body of `text`."""
    index = SourceIndex(sources)
    draft = Draft(article_id, index)
    context = Context(text)
    for start, sentence, paragraph in body_sentences(text):
        context.begin(paragraph, start)
        draft.rows += draft_sentence(sentence, start, publisher, index, context)
        context.starts.append(start)
    return draft


class Sentence(NamedTuple):
    """A sentence of the body, where it starts in the article, and where its paragraph does."""

    start: int
    text: str
    paragraph: int


def body_sentences(text: str) -> Iterator[Sentence]:
    """Each sentence of the body paragraphs (headings have none), with its offset: sentencex
    splits each paragraph, whose lines never run into the next."""
    from sentencex import get_sentence_boundaries

    for paragraph in segment.paragraphs(text):
        if paragraph.kind != "paragraph":
            continue
        for found in get_sentence_boundaries("en", paragraph.text):
            raw = paragraph.text[found["start_index"] : found["end_index"]]
            stripped = raw.strip()
            if stripped:
                offset = paragraph.start + found["start_index"] + raw.index(stripped)
                yield Sentence(offset, stripped, paragraph.start)


def draft_sentence(
    sentence: str, offset: int, publisher: str, index: SourceIndex, context: Context | None = None
) -> list[Row]:
    """The rows of one sentence: its clauses, the reporting clause if its cue has one,
    descriptions of its sources, and titles and kin in apposition. With the `context` of the
    sentences before, a pronoun source is resolved and a quotation may go on."""
    # without the sentences before there is no antecedent to find: a pronoun is no source
    found, antecedents = _cue(sentence, offset, context) if context else _cue_alone(sentence)
    context = context or Context(sentence)
    own = Voice(publisher, None, "no attribution cue: the outlet's own voice")
    extra: list[Row] = []
    if found is not None:
        voice, extra = _attributed(found, sentence, offset, publisher, index, antecedents)
        regions = found.content
        context.quoting = voice if found.pattern.content == "quoted" else None
        context.sources += [(s, context.text[s[0] : s[1]]) for s in voice.sources]
    elif context.quoting is not None and cues.opens_quotation(sentence):
        note = "no cue of its own: goes on quoting the sentence before, " + context.quoting.note
        voice = dataclasses.replace(context.quoting, note=note)
        regions = ((0, len(sentence)),)
    else:
        voice, regions, context.quoting = own, ((0, len(sentence)),), None
    rows = [
        clause_row(sentence, offset, a, b, voice) for r in regions for a, b in clauses(sentence, *r)
    ]
    if found is not None and found.rest is not None:
        about = Voice(publisher, None, "the outlet's own words about the speaker")
        rows += [
            clause_row(sentence, offset, a, b, about) for a, b in clauses(sentence, *found.rest)
        ]
    rows += extra
    rows += appositions(sentence, offset, voice)
    return sorted(rows, key=lambda r: (r.start, -r.end))


Antecedents = dict[int, tuple[tuple[int, int], str]]  # a source's place → span, name


def _cue_alone(sentence: str) -> tuple[cues.Found | None, Antecedents]:
    return cues.find(sentence, is_source_phrase), {}


def _cue(sentence: str, offset: int, context: Context) -> tuple[cues.Found | None, Antecedents]:
    """The cue of `sentence`, and the antecedent (in the article) of each source phrase that
    is a pronoun, by its place in the cue's sources. A pronoun without one is no source."""

    def source_or_pronoun(phrase: str) -> bool:
        return is_source_phrase(phrase) or phrase.strip().casefold() in RESOLVED_PRONOUNS

    found = cues.find(sentence, source_or_pronoun)
    antecedents: Antecedents = {}
    for number, (a, b) in enumerate(found.sources if found else ()):
        if sentence[a:b].strip().casefold() in RESOLVED_PRONOUNS:
            antecedent = context.antecedent(sentence[a:b].strip(), offset + a)
            if antecedent is None:
                return _cue_alone(sentence)
            antecedents[number] = (antecedent, context.text[antecedent[0] : antecedent[1]])
    return found, antecedents


def _attributed(
    found: cues.Found,
    sentence: str,
    offset: int,
    publisher: str,
    index: SourceIndex,
    antecedents: Antecedents,
) -> tuple[Voice, list[Row]]:
    """The voice of the clauses a cue governs, and the own-voice rows the cue adds: the
    reporting clause, and words that describe a source beyond its name. A pronoun source
    stands for its antecedent, whose span and name the voice takes."""
    levels, notes, extra, spans = [publisher], [], [], []
    own = Voice(publisher, None, "the outlet's own words about its source")
    for number, (start, end) in enumerate(found.sources):
        phrase, span = sentence[start:end], (offset + start, offset + end)
        if number in antecedents:
            span, named = antecedents[number]
            notes.append(f"'{phrase.strip()}' taken to be '{named}', named before it: check")
            phrase = named
        spans.append(span)
        ids = []
        for part in index.split(phrase):
            match = index.match(part)
            ids.append(match.source_id)
            notes.append(match.note(part))
            if match.description is not None and part == phrase and number not in antecedents:
                a, b = match.description
                extra.append(
                    clause_row(sentence, offset, start + a, start + b, own, ClaimType.ATTRIBUTE)
                )
        levels.append(notation.JOINT.join(ids))
    note = f"cue '{notation.LINK.join(found.cues)}' ({found.pattern.name}): " + "; ".join(notes)
    voice = Voice(
        notation.LINK.join(levels),
        notation.LINK.join(found.cues),
        note,
        tuple(spans),
        tuple((offset + a, offset + b) for a, b in found.cue_spans),
    )
    if found.reporting is not None:
        a, b = found.reporting
        reporting = Voice(publisher, None, "the report itself, in the outlet's own voice")
        extra.append(clause_row(sentence, offset, a, b, reporting, ClaimType.EVENT))
    return voice, extra


def clauses(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of `sentence[start:end]`, as offsets within the sentence, each trimmed of
    white space and of the punctuation that closes it."""
    cuts = [(start, start)]
    for match in _BOUNDARY.finditer(sentence, start, end):
        cuts.append((match.start(), match.end()))
    cuts.append((end, end))
    pieces = []
    for (_, begin), (stop, _) in itertools.pairwise(cuts):
        trimmed = _trim(sentence, begin, stop)
        if trimmed is not None:
            pieces.append(trimmed)
    return _join_short(sentence, pieces)


def _trim(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (sentence[start].isspace() or sentence[start] in ",;:“\"'‘("):
        start += 1
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in '.,;:!?”"’)'):
        end -= 1
    return (start, end) if end > start else None


def _join_short(sentence: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for a, b in pieces:
        if (joined and len(sentence[a:b].split()) < MIN_WORDS) or (
            joined and len(sentence[joined[-1][0] : joined[-1][1]].split()) < MIN_WORDS
        ):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


def clause_row(
    sentence: str,
    offset: int,
    start: int,
    end: int,
    voice: Voice,
    claim_type: ClaimType | None = None,
) -> Row:
    quote = sentence[start:end]
    certainty, cue = guess_certainty(quote, voice.cue)
    return Row(
        offset + start,
        offset + end,
        quote,
        claim_type or guess_type(quote),
        certainty,
        cue,
        voice.attribution,
        voice.cue,
        voice.note,
        voice.sources,
        voice.cue_spans,
    )


def appositions(sentence: str, offset: int, voice: Voice) -> list[Row]:
    """Rows for a title before a name and for kin in apposition: roles can be wrong too."""
    rows = []
    for pattern, what in ((_TITLED, "a title before a name"), (_KIN, "kin in apposition")):
        for match in pattern.finditer(sentence):
            start, end = match.span()
            while sentence[start].isspace():
                start += 1
            role = dataclasses.replace(voice, note=f"{what}; {voice.note}")
            rows.append(clause_row(sentence, offset, start, end, role, ClaimType.ATTRIBUTE))
    return rows
