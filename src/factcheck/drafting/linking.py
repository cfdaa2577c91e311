"""From tags to claim rows: the learned drafter's spans of source, cue and content joined
into attributions, and the article's clauses drafted in their voices.

Within a sentence, each cue is the anchor of one attribution (failing a cue, each source
is), and every source and content span of the sentence joins its nearest anchor; an anchor
left without a source joins the nearest one that has one. A sentence with content but no
source or cue goes on the attribution before it in its paragraph (a quotation running over
sentences), else takes the first one after it there. A source and cue tagged without
content take the rest of their sentence ("Caddell told Breitbart how surprised he is …").
A pronoun source stands for the name `context` finds for it, as the rules' does; one it
cannot resolve leaves its content in the outlet's voice (on PolNeAR dev, the speaker
before it was more often wrong). A sentence the rules attribute keeps the rules' rows.

Rows: the parts of a sentence an attribution's content covers are split into clauses in its
voice; the rest of the sentence into clauses in the outlet's own voice, but for the words
of source and cue alone after the content ("…, the ministry said"), which say nothing of
their own. Titles and kin in apposition add rows, as with the rules.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from factcheck.drafting.clauses import Draft, Row, appositions, clause_row, clauses
from factcheck.drafting.context import Context, Voice
from factcheck.drafting.features import Paragraph, paragraphs
from factcheck.drafting.lexicon import CITING, RESOLVED_PRONOUNS
from factcheck.drafting.naming import SourceIndex
from factcheck.model import notation
from factcheck.model.vocabularies import ClaimType

Span = tuple[int, int]
Tagger = Callable[[list[Paragraph], str], list[list[str]]]  # paragraphs, text → their tags
_CITING = re.compile(rf"^(?:{CITING})$", re.IGNORECASE)


@dataclass
class Relation:
    """One attribution the tags show: where its content, source and cue stand."""

    content: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)


def spans(
    paragraph: Paragraph, tags: Sequence[str], first: int, last: int
) -> list[tuple[str, Span]]:
    """The tagged spans of tokens `first` to `last`, each with its role: a run of tokens of
    one role, a `B-` tag beginning a new one."""
    found: list[tuple[str, Span]] = []
    current: tuple[str, int, int] | None = None
    for i in range(first, last):
        tag = tags[i]
        token = paragraph.tokens[i]
        role = tag[2:] if tag != "O" else ""
        if current is not None and (not role or tag.startswith("B-") or role != current[0]):
            found.append((current[0], (current[1], current[2])))
            current = None
        if role:
            start = token.start if current is None else current[1]
            current = (role, start, token.end)
    if current is not None:
        found.append((current[0], (current[1], current[2])))
    return found


def relations(paragraph: Paragraph, tags: Sequence[str], text: str) -> list[tuple[int, Relation]]:
    """The attributions of a paragraph, each with the sentence (its index) it is anchored in."""
    found: list[tuple[int, Relation]] = []
    waiting: list[tuple[int, list[Span]]] = []  # content of sentences with nothing to join
    for number, (first, last) in enumerate(paragraph.sentences):
        tagged = spans(paragraph, tags, first, last)
        anchored = _anchored(tagged, text)
        content = [span for role, span in tagged if role == "CON"]
        if anchored:
            for _, before in waiting:
                anchored[0].content[:0] = before
            waiting = []
            found += [(number, r) for r in anchored]
        elif content and found:
            found[-1][1].content.extend(content)
        elif content:
            waiting.append((number, content))
    for number, relation in found:
        if not relation.content and relation.source and relation.cue:
            relation.content = _rest_of(paragraph, relation, *paragraph.sentences[number])
    return found


def _rest_of(paragraph: Paragraph, relation: Relation, first: int, last: int) -> list[Span]:
    """For a source and cue tagged without content: the words of their sentence after them
    ("Caddell told Breitbart how surprised he is …"), else those before them."""
    said = relation.source + relation.cue
    after = [t for t in paragraph.tokens[first:last] if t.start >= max(b for _, b in said)]
    before = [t for t in paragraph.tokens[first:last] if t.end <= min(a for a, _ in said)]
    for words in (after, before):
        words = [t for t in words if t.text not in ".,;:!?"] and words
        if sum(t.text[:1].isalnum() for t in words) >= 3:
            return [(words[0].start, words[-1].end)]
    return []


def _anchored(tagged: list[tuple[str, Span]], text: str) -> list[Relation]:
    """The attributions of one sentence's spans, one per cue (or per source, failing cues)."""
    cues = [span for role, span in tagged if role == "CUE"]
    anchors = cues or [span for role, span in tagged if role == "SRC"]
    if not anchors:
        return []
    made = [Relation(cue=[a] if cues else [], source=[] if cues else [a]) for a in anchors]
    for role, span in tagged:
        if role == "CUE" or (role == "SRC" and not cues):
            continue
        nearest = min(range(len(anchors)), key=lambda i: _gap(anchors[i], span))
        (made[nearest].source if role == "SRC" else made[nearest].content).append(span)
    citing = [r for r in made if r.cue and _CITING.match(text[r.cue[0][0] : r.cue[0][1]])]
    heads = [r for r in made if r not in citing]
    for relation in citing if heads else []:  # "X reported, citing Y": a chain's second link
        home = min(heads, key=lambda r: _gap(r.cue[0], relation.cue[0]))
        home.cue += relation.cue
        home.source += relation.source
        home.content += relation.content
    made = heads or made
    sourced = [r for r in made if r.source]
    if not sourced:
        return [_merged(made)]
    for relation in made:
        if not relation.source:
            home = min(
                sourced, key=lambda r: _gap(r.cue[0] if r.cue else r.source[0], relation.cue[0])
            )
            home.cue += relation.cue
            home.content += relation.content
    return sourced


def _merged(made: list[Relation]) -> Relation:
    whole = Relation()
    for relation in made:
        whole.content += relation.content
        whole.cue += relation.cue
    return whole


def _gap(a: Span, b: Span) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def draft_tagged(
    text: str,
    article_id: str,
    publisher: str,
    sources: pd.DataFrame,
    tagger: Tagger,
    rules: Draft | None = None,
) -> Draft:
    """Draft claim rows for `text` from the tags `tagger` gives its paragraphs. With the
    `rules`' draft of the same text, a sentence the rules attribute keeps the rules' rows."""
    index = rules.index if rules is not None else SourceIndex(sources)
    draft = Draft(article_id, index)
    context = Context(text)
    found = paragraphs(text)
    tagged = tagger(found, text) if found else []
    for paragraph, tags in zip(found, tagged, strict=True):
        attributions = relations(paragraph, tags, text)
        voices: dict[int, Voice] = {}
        for number, (first, last) in enumerate(paragraph.sentences):
            start, end = paragraph.tokens[first].start, paragraph.tokens[last - 1].end
            context.begin(paragraph.tokens[0].start, start)
            described: list[Span] = []
            for anchored, relation in attributions:
                if anchored == number:
                    voice, more = _voice(relation, text, publisher, index, context)
                    described += more
                    if voice is not None:
                        voices[id(relation)] = voice
                        context.sources += [(s, text[s[0] : s[1]]) for s in voice.sources]
            # each row says which drafter proposed it: a reviewer weighs the two differently
            ruled = _attributed_by(rules, (start, end), publisher)
            if ruled:
                draft.rows += _noted(ruled, "rules")
            else:
                rows = [_description(text, span, publisher) for span in described]
                rows += _sentence_rows(text, (start, end), attributions, voices, publisher)
                draft.rows += _noted(rows, "model")
            context.starts.append(start)
    return draft


def _noted(rows: list[Row], who: str) -> list[Row]:
    return [dataclasses.replace(row, note=f"{who}: {row.note}") for row in rows]


def _attributed_by(rules: Draft | None, bounds: Span, publisher: str) -> list[Row]:
    """The rules' rows of the sentence at `bounds`, if they attribute any of it."""
    if rules is None:
        return []
    rows = [r for r in rules.rows if bounds[0] <= r.start and r.end <= bounds[1]]
    return rows if any(r.attribution != publisher for r in rows) else []


def _voice(
    relation: Relation,
    text: str,
    publisher: str,
    index: SourceIndex,
    context: Context,
) -> tuple[Voice | None, list[Span]]:
    """Who the relation's content comes from (None when no source can be told), and the
    words of its source phrases that describe a source beyond its name."""
    cues = [text[a:b] for a, b in sorted(relation.cue)]
    sources = relation.source
    levels, notes, places, described = [publisher], [], [], []
    chain = len(sources) > 1 and any(_CITING.match(c) for c in cues)
    groups = [[s] for s in sources] if chain else [sources] if sources else []
    for group in groups:
        phrase = " ".join(text[a:b] for a, b in group).strip(" ,;:“”\"'‘’()—–-")
        span = (group[0][0], group[-1][1])
        if not re.search(r"\w", phrase):
            continue
        if phrase.casefold() in RESOLVED_PRONOUNS:
            antecedent = context.antecedent(phrase, span[0])
            if antecedent is not None:
                named = text[antecedent[0] : antecedent[1]]
                notes.append(f"'{phrase}' taken to be '{named}', named before it: check")
                phrase, span = named, antecedent
            else:
                return None, []  # measured on dev: the speaker before is wrong more often
        places.append(span)
        ids = []
        for part in index.split(phrase):
            match = index.match(part)
            ids.append(match.source_id)
            notes.append(match.note(part))
            if match.description is not None and part == phrase and len(group) == 1:
                a, b = match.description
                described.append((span[0] + a, span[0] + b))
        levels.append(notation.JOINT.join(ids))
    if len(levels) < 2:
        return None, described
    cue = _cue_words(cues, len(levels) - 1)
    voice = Voice(
        notation.LINK.join(levels),
        cue,
        f"cue '{cue}' (tagged): " + "; ".join(notes),
        tuple(places),
        tuple(sorted(relation.cue)),
    )
    return voice, described


def _description(text: str, span: Span, publisher: str) -> Row:
    """A row for words that describe a source ("the state-run Korean Central News Agency"):
    a claim of the outlet's own."""
    own = Voice(publisher, None, "the outlet's own words about its source")
    return clause_row(text, 0, span[0], span[1], own, ClaimType.ATTRIBUTE)


def _cue_words(cues: list[str], links: int) -> str:
    """The cue cell: the cue words of each link (a chain's second after "citing")."""
    words = [re.sub(r"\s+", " ", re.sub(r"[>+]", " ", c)).strip() for c in cues]
    words = [w for w in words if w] or ["said"]
    if links > 1:
        split = next((i for i, w in enumerate(words) if _CITING.match(w)), len(words) - 1)
        parts = [" ".join(words[:split]) or words[0], " ".join(words[split:])]
        return notation.LINK.join(parts[:links])
    return " ".join(words)


def _sentence_rows(
    text: str,
    bounds: Span,
    attributions: list[tuple[int, Relation]],
    voices: dict[int, Voice],
    publisher: str,
) -> list[Row]:
    """The rows of one sentence: the clauses of each attributed part in its voice, the rest
    in the outlet's own."""
    start, end = bounds
    sentence = text[start:end]
    covered: list[tuple[int, int, Voice]] = []
    said: list[Span] = []  # source and cue words in the sentence
    for _, relation in attributions:
        voice = voices.get(id(relation))
        if voice is None:
            continue
        for a, b in relation.content:
            a, b = max(a, start), min(b, end)
            if a < b:
                covered.append((a - start, b - start, voice))
        said += [(a - start, b - start) for a, b in relation.source + relation.cue]
    covered.sort(key=lambda c: c[0])
    rows: list[Row] = []
    own = Voice(publisher, None, "no attribution found: the outlet's own voice")
    at, last = 0, None
    for a, b, voice in covered:
        if a > at:
            rows += _own_rows(sentence, start, (at, a), said, own, before=last is None)
        rows += [clause_row(sentence, start, x, y, voice) for x, y in clauses(sentence, a, b)]
        at, last = max(at, b), voice
    if at < len(sentence):
        rows += _own_rows(sentence, start, (at, len(sentence)), said, own, before=last is None)
    rows += appositions(sentence, start, last or own)
    return sorted(rows, key=lambda r: (r.start, -r.end))


def _own_rows(
    sentence: str, offset: int, gap: Span, said: list[Span], own: Voice, before: bool
) -> list[Row]:
    """The clauses of words no attribution covers; after an attributed part, not those that
    hold only its source and cue words."""
    rows = []
    for a, b in clauses(sentence, *gap):
        if not before:
            left = sentence[a:b]
            for x, y in said:
                if a <= x and y <= b:
                    left = left[: x - a] + " " * (y - x) + left[y - a :]
            if len(re.findall(r"\w+", left)) < 3:
                continue
        rows.append(clause_row(sentence, offset, a, b, own))
    return rows
