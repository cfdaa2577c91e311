"""What the learned drafter reads of an article: its paragraphs as token sequences, each token
described by features, and, to learn from, each token's tag.

Each body paragraph is one sequence (PolNeAR's contents cross a sentence often, a paragraph
almost never). A token is a run of word characters (with inner apostrophes, hyphens and
full stops: "didn't", "U.S") or one other character. Its features are raw-text ones (the
word, its suffixes and shape), the rules' own signals (the cue lexicon of
`factcheck.drafting.lexicon`, whether the token stands in quotation marks, and what the
rule-based drafter made of it: source, cue or attributed content), where it stands in its
sentence, how far the nearest cue word is, and the same of its neighbours two tokens either
side. A tag is `B-` or `I-` (begins, goes on) with `SRC`, `CUE` or `CON`, or `O`.

`FEATURE_VERSION` names this set of features: a model trained on another set would read
features it never saw, so a model records it and is refused under another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from factcheck.drafting.clauses import Row, body_sentences, draft_article
from factcheck.drafting.lexicon import (
    CITING,
    GROUP_NOUNS,
    HONORIFICS,
    PARTICIPLE_CUES,
    PASSIVE_CUES,
    PEOPLE,
    PRONOUNS,
    REPORTING_VERBS,
    THAT_VERBS,
    THINKING_VERBS,
    TITLES,
)

FEATURE_VERSION = "2"
ROLES = ("SRC", "CUE", "CON")
OUTSIDE = "O"
Span = tuple[int, int]

_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|\S")
_OPENING, _CLOSING = "“‘", "”’"


def _words(alternation: str) -> frozenset[str]:
    """The plain words of a lexicon alternation (`said|says|told \\w+`: said, says, told)."""
    words = set()
    for part in alternation.split("|"):
        first = part.split()[0] if part.split() else ""
        if re.fullmatch(r"[a-z]+", first):
            words.add(first)
    return frozenset(words)


# Each cue class of the lexicon by its words, a word in the first class that holds it.
CUE_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("say", _words(REPORTING_VERBS)),
    ("think", _words(THINKING_VERBS)),
    ("that", _words(THAT_VERBS)),
    ("passive", _words(PASSIVE_CUES)),
    ("participle", _words(PARTICIPLE_CUES)),
    ("citing", _words(CITING)),
    ("according", frozenset({"according"})),
)
_TITLE_WORDS = _words(TITLES.casefold())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph's tokens, and the sentences it holds, each as the indices of its
    first and last token plus one."""

    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]


def paragraphs(text: str) -> list[Paragraph]:
    """The body paragraphs of `text` as token sequences, sentences as the drafter splits
    them (`clauses.body_sentences`)."""
    found: dict[int, list[tuple[int, int]]] = {}
    for start, sentence, paragraph in body_sentences(text):
        found.setdefault(paragraph, []).append((start, start + len(sentence)))
    result = []
    for bounds in found.values():
        tokens: list[Token] = []
        sentences = []
        for a, b in bounds:
            first = len(tokens)
            tokens += [
                Token(a + m.start(), a + m.end(), m.group()) for m in _TOKEN.finditer(text[a:b])
            ]
            if len(tokens) > first:
                sentences.append((first, len(tokens)))
        if tokens:
            result.append(Paragraph(tuple(tokens), tuple(sentences)))
    return result


def rule_marks(text: str) -> dict[int, str]:
    """What the rule-based drafter made of each character it attributed: `SRC`, `CUE` or
    `CON` (the content of an attributed row), by offset."""
    empty = pd.DataFrame({"source_id": [], "name": [], "aliases": []}, dtype=object)
    rows: list[Row] = draft_article(text, "", "PUBLISHER", empty).rows
    marks: dict[int, str] = {}
    for row in rows:
        if row.attribution == "PUBLISHER":
            continue
        for i in range(row.start, row.end):
            marks.setdefault(i, "CON")
        for spans, role in ((row.source_spans, "SRC"), (row.cue_spans, "CUE")):
            for a, b in spans:
                marks.update(dict.fromkeys(range(a, b), role))
    return marks


def cue_class(word: str) -> str:
    lowered = word.casefold()
    return next((name for name, words in CUE_CLASSES if lowered in words), "")


def _shape(word: str) -> str:
    shape = "".join(
        "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word
    )
    return re.sub(r"(.)\1+", r"\1\1", shape)


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 4 else word


def _distance(gap: int | None) -> str:
    if gap is None:
        return "none"
    return str(gap) if gap <= 3 else "near" if gap <= 8 else "far"


def _own(tokens: tuple[Token, ...], marks: dict[int, str]) -> list[dict[str, str]]:
    """Each token's own features, before its neighbours'."""
    quoted, state = [], False
    for token in tokens:
        if token.text in _OPENING or (token.text == '"' and not state):
            state = True
            quoted.append("open")
        elif token.text in _CLOSING or token.text == '"':
            state = False
            quoted.append("close")
        else:
            quoted.append("in" if state else "out")
    own = []
    for token, quote in zip(tokens, quoted, strict=True):
        word, lowered = token.text, token.text.casefold()
        own.append(
            {
                "w": lowered,
                "stem": _stem(lowered),
                "s3": lowered[-3:],
                "s2": lowered[-2:],
                "shape": _shape(word),
                "cue": cue_class(word),
                "kind": _kind(lowered),
                "q": quote,
                "rule": marks.get(token.start, OUTSIDE),
            }
        )
    return own


def _kind(lowered: str) -> str:
    if lowered in PRONOUNS:
        return "pronoun"
    if lowered in GROUP_NOUNS or lowered in PEOPLE:
        return "group"
    if lowered.rstrip(".") in HONORIFICS or lowered in _TITLE_WORDS:
        return "title"
    return ""


def features(paragraph: Paragraph, marks: dict[int, str]) -> list[list[str]]:
    """The features of each token of `paragraph`, as `name=value` strings; `marks` are the
    rules' (`rule_marks`) for the whole article."""
    own = _own(paragraph.tokens, marks)
    result: list[list[str]] = [[] for _ in own]
    opens = bool(own) and own[0]["q"] == "open"
    before = "none"  # what the sentence before said: a cue word, the rules' attribution
    closed: int | None = None  # where the last quotation closed
    for number, (first, last) in enumerate(paragraph.sentences):
        cues = [i for i in range(first, last) if own[i]["cue"]]
        quoted = any(own[i]["q"] == "open" for i in range(first, last))
        ruled = "|".join(sorted({own[i]["rule"] for i in range(first, last)} - {OUTSIDE}))
        for i in range(first, last):
            if own[i]["q"] == "close":
                closed = i
            left = max((c for c in cues if c < i), default=None)
            right = min((c for c in cues if c > i), default=None)
            mine = own[i]
            found = [f"{k}={v}" for k, v in mine.items()]
            found += [
                "bias",
                f"sent={min(number, 2)}",
                f"at={min(i - first, 4)}",
                f"toend={min(last - 1 - i, 3)}",
                f"cueleft={_distance(None if left is None else i - left)}",
                f"cueright={_distance(None if right is None else right - i)}",
                f"cuesent={bool(cues)}",
                f"quotesent={quoted}",
                f"w|rule={mine['w']}|{mine['rule']}",
                f"ruledsent={ruled}",
                f"before={before}",
                f"popen={opens}",
                f"afterquote={_distance(None if closed is None else i - closed)}",
                f"cueleft|q={_distance(None if left is None else i - left)}|{mine['q']}",
            ]
            for offset in (-2, -1, 1, 2):
                j = i + offset
                if not first <= j < last:
                    found.append(f"{offset}:edge")
                    continue
                other = own[j]
                found += [f"{offset}:{k}={other[k]}" for k in ("w", "cue", "kind", "q", "rule")]
                if abs(offset) == 1:
                    found += [f"{offset}:shape={other['shape']}", f"{offset}:stem={other['stem']}"]
            if i > first:
                found.append(f"bigram={own[i - 1]['w']}|{mine['w']}")
            result[i] = found
        before = f"{bool(cues)}|{ruled}"
    return result


def tags(paragraph: Paragraph, relations: Iterable[tuple[Iterable[Span], str]]) -> list[str]:
    """The tag of each token of `paragraph`, from annotated spans each with its role: a
    token is in a span when its first character is; a later role overwrites an earlier, and
    a span's first token begins it, as does the first after another role."""
    found = [OUTSIDE] * len(paragraph.tokens)
    for spans, role in relations:
        for a, b in spans:
            inside = [i for i, t in enumerate(paragraph.tokens) if a <= t.start < b]
            for n, i in enumerate(inside):
                begins = n == 0 or inside[n - 1] != i - 1
                found[i] = f"{'B' if begins else 'I'}-{role}"
    for i in range(1, len(found)):
        if found[i].startswith("I-") and found[i - 1][2:] != found[i][2:]:
            found[i] = "B-" + found[i][2:]
    if found and found[0].startswith("I-"):
        found[0] = "B-" + found[0][2:]
    return found
