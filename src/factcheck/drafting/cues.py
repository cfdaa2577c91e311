"""Attribution cues: the patterns by which an article says who a sentence comes from.

Each `Pattern` is one deterministic regular expression over a sentence, with named groups:
`src` the source phrase, `via` the source it relies on (a nested chain), `cue` and `cue2` the
article's words for each link, and `quoted` the words in quotation marks when the content is
a quotation. Where the content lies is the pattern's `content`: the words `before` the cue,
`after` it, or `quoted`. A pattern whose content comes `after` its cue ("officials allege
that …") also makes the reporting itself a claim in the outlet's own voice, as
"North Korean state media reported" is.

The patterns are tried in order and the first that matches a sentence wins; the table is
rendered into the README by `describe()`, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

# Reporting verbs, as the article writes them; cue words are kept exactly as found.
SAY = (
    r"reported|reports|report|said|says|say|stated|states|announced|announces|added|"
    r"confirmed|confirms|claimed|claims|claim|warned|warns|told reporters|told \w+|wrote|"
    r"alleged|alleges|allege|insisted|insists|denied|denies|noted|notes|argued|argues"
)
# A source phrase: a run of words without a clause break, shortest first.
PHRASE = r"[^,;:“”\"()]{2,90}?"
# what may close a sentence after its last cue: "in a statement", then its punctuation
CLOSE = r"(?:\s+(?:in a statement|in a report|in a briefing|on \w+day))?[.!?”\"’']*$"
OPEN_QUOTE = '“"'
CLOSE_QUOTE = '”"'

Content = Literal["before", "after", "quoted", "around"]


@dataclass(frozen=True)
class Pattern:
    """One attribution cue pattern, with an example sentence it matches."""

    name: str
    regex: re.Pattern[str]
    content: Content
    example: str
    reports: bool = False  # the reporting clause before the content is a claim of its own


def _p(name: str, regex: str, content: Content, example: str, reports: bool = False) -> Pattern:
    return Pattern(name, re.compile(regex), content, example, reports)


PATTERNS: tuple[Pattern, ...] = (
    _p(
        "quote, then speaker",
        rf"^[{OPEN_QUOTE}](?P<quoted>[^{CLOSE_QUOTE}]+?)[,.!?]?[{CLOSE_QUOTE}],?\s+"
        rf"(?:(?P<src>{PHRASE})\s+(?P<cue>{SAY})|(?P<cue_b>{SAY})\s+(?P<src_b>{PHRASE})){CLOSE}",
        "quoted",
        "“We will not step back,” the ministry said.",
    ),
    _p(
        "speaker, then quote",
        rf"^(?P<src>{PHRASE})\s+(?P<cue>{SAY}):?\s+[{OPEN_QUOTE}](?P<quoted>[^{CLOSE_QUOTE}]+?)"
        rf"[,.!?]?[{CLOSE_QUOTE}]{CLOSE}",
        "quoted",
        "The ministry said: “We will not step back.”",
    ),
    _p(
        "X reported, citing Y (after the content)",
        rf",\s+(?P<src>{PHRASE})\s+(?P<cue>{SAY}),?\s+(?P<cue2>citing|quoting)\s+"
        rf"(?P<via>{PHRASE}){CLOSE}",
        "before",
        "His arrival was expected later Tuesday, Yonhap reported, citing the broadcaster.",
    ),
    _p(
        "X, citing Y, reported that (before the content)",
        rf"^(?:(?P<lead>[^,;]+),\s+)?(?P<src>{PHRASE}),\s+(?P<cue2>citing|quoting)\s+"
        rf"(?P<via>{PHRASE}),\s+(?P<cue>{SAY})\s+(?:that\s+)?",
        "after",
        "Reuters, citing two officials, reported that the talks had stalled.",
        reports=True,
    ),
    _p(
        "according to X (after the content)",
        rf",?\s+(?P<cue>according to)\s+(?P<src>{PHRASE}){CLOSE}",
        "before",
        "Kim left late Monday, according to the Korean Central News Agency.",
    ),
    _p(
        "According to X, (before the content)",
        rf"^(?P<cue>According to)\s+(?P<src>{PHRASE}),\s+",
        "after",
        "According to the ministry, the talks will resume.",
    ),
    _p(
        "passive: was reported by X",
        rf",?\s+(?:as\s+)?(?:(?:was|were|had been|has been)(?:\s+first|\s+\w+ly)?\s+)?"
        rf"(?P<cue>(?:reported|announced|"
        rf"confirmed|quoted|cited|disclosed) by)\s+(?P<src>{PHRASE}){CLOSE}",
        "before",
        "The launch was reported by Japan's coast guard.",
    ),
    _p(
        "content, X said (after the content)",
        rf",[”\"’]?\s+(?:(?P<src>{PHRASE})\s+(?P<cue>{SAY})|(?P<cue_b>said|says|added)\s+"
        rf"(?P<src_b>{PHRASE})){CLOSE}",
        "before",
        "The talks will resume next week, the ministry said.",
    ),
    _p(
        "content, X said, content (parenthetical)",
        rf",\s+(?P<src>{PHRASE})\s+(?P<cue>{SAY}),\s+(?!citing|quoting)",
        "around",
        "The talks, officials said, will resume next week.",
    ),
    _p(
        "X reported that / X said / X allege that (before the content)",
        rf"(?:^|,\s+)(?P<src>{PHRASE})\s+(?P<cue>{SAY})\s+(?:that\s+)?(?=\S)",
        "after",
        "U.S. and South Korean officials allege that Pyongyang sent troops.",
        reports=True,
    ),
)


@dataclass(frozen=True)
class Found:
    """A cue found in a sentence: offsets are within the sentence text."""

    pattern: Pattern
    sources: tuple[tuple[int, int], ...]  # the source phrase, then the one it cites
    cues: tuple[str, ...]  # one per link, in chain order
    content: tuple[tuple[int, int], ...]  # where the attributed words are
    reporting: tuple[int, int] | None  # the reporting clause, a claim in the outlet's voice


def find(sentence: str, is_source: Callable[[str], bool]) -> Found | None:
    """The first pattern whose source phrases all pass `is_source`, applied to `sentence`."""
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(sentence):
            found = _found(pattern, match)
            if found is not None and all(is_source(sentence[a:b]) for a, b in found.sources):
                return found
    return None


def _group(match: re.Match[str], *names: str) -> tuple[int, int] | None:
    for name in names:
        if name in match.re.groupindex and match.group(name) is not None:
            return match.span(name)
    return None


def _found(pattern: Pattern, match: re.Match[str]) -> Found | None:
    source = _group(match, "src", "src_b")
    cue = _group(match, "cue", "cue_b")
    if source is None or cue is None:
        return None
    sources, cues = [source], [match.string[cue[0] : cue[1]]]
    via = _group(match, "via")
    if via is not None:
        sources.append(via)
        cues.append(match.group("cue2"))
    end = len(match.string)
    content = {
        "quoted": [match.span("quoted")] if "quoted" in match.re.groupindex else [],
        "before": [(0, match.start())],
        "around": [(0, match.start()), (match.end(), end)],
        "after": [(match.end(), end)],
    }[pattern.content]
    reporting = (0, cue[1]) if pattern.reports else None
    return Found(pattern, tuple(sources), tuple(cues), tuple(content), reporting)


def describe() -> str:
    """The patterns as a Markdown table, for the README."""
    lines = ["| pattern | the attributed content | example |", "|---|---|---|"]
    where = {
        "before": "the words before the cue",
        "after": "the words after the cue",
        "quoted": "the words in quotation marks",
        "around": "the words on both sides",
    }
    for pattern in PATTERNS:
        lines.append(f"| {pattern.name} | {where[pattern.content]} | {pattern.example} |")
    return "\n".join(lines) + "\n"
