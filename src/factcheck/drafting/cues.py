"""Attribution cues: the patterns by which an article says who a sentence comes from.

Each `Pattern` is one deterministic regular expression over a sentence, with named groups:
`src` the source phrase, `via` the source it relies on (a nested chain), `cue` and `cue2` the
article's words for each link, and `quoted` the words in quotation marks when the content is
a quotation. Where the content lies is the pattern's `content`: the words `before` the cue,
`after` it, or `quoted`. A pattern whose content comes `after` its cue ("officials allege
that …") also makes the reporting itself a claim in the outlet's own voice, as
"North Korean state media reported" is.

The patterns are tried in order and the first that matches a sentence wins; the table is
rendered into docs/drafting.md by `describe()`, so the documentation cannot drift from the code.
The words the patterns alternate over (reporting verbs, sentence openers …) are
`factcheck.drafting.lexicon`'s; their structure is here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from factcheck.drafting.lexicon import (
    BEFORE_SAY_WORDS,
    CAPITALISED,
    CIRCUMSTANCE_OPENERS,
    CITING,
    CLOSING_WORDS,
    DESCRIPTION_OPENERS,
    GROUP_HEADS,
    OPENERS,
    PARTICIPLE_CUES,
    PASSIVE_CUES,
    REPORTING_VERBS,
    SAY_BEFORE,
    THAT_VERBS,
    THINKING_VERBS,
)

# Reporting verbs, and what a source thinks or finds; a verb that also takes a plain object
# is a cue only before "that" (see drafting.lexicon). Cue words are kept exactly as found.
SAY = rf"{REPORTING_VERBS}|{THINKING_VERBS}|(?:{THAT_VERBS})(?=\s+that\b)"
# Words that may stand between a source and its verb: "Galvin also said", "has argued".
BEFORE_SAY = rf"(?:(?:{BEFORE_SAY_WORDS})\s+){{0,2}}"
# A source phrase: a run of words without a clause break, shortest first.
PHRASE = r"(?:[^,;:“”\"()]|\([^()“”\"]{1,30}\)){2,90}?"
# Words describing a source, set off by commas after its name: "Jeff Weaver, Sanders'
# campaign manager, said". They are not part of the source phrase.
APPOSITION = r"(?:,\s+[^,;:“”\"]{2,120}?(?:,\s+[^,;:“”\"]{2,60}?)?,)?"
# What may follow the speaker: after a comma, a participle or a description ("…,” Trump said,
# harping on his theme; "…,” said Jim Clyburn, a congressman from South Carolina), or, with
# or without a comma, a prepositional phrase ("…,” Cruz said after a brief apology).
AFTERWORD = (
    rf"(?:,\s+(?:{DESCRIPTION_OPENERS})\b[^“”\"]{{0,160}}?"
    rf"|,?\s+(?:{CIRCUMSTANCE_OPENERS})\b[^“”\"]{{0,160}}?)?"
)
# After a speaker named behind the verb ("…,” said Dean Baker, co-director of a think tank,
# who …), any words at all: they describe the speaker, and the sentence ends there.
AFTER_NAME = r"(?:,\s+.{1,250}?)?"
# The end of a sentence after a cue, with how or when it was said: "in a statement".
CLOSE = rf"(?:\s+(?:{CLOSING_WORDS}))?[.!?”\"’']*$"
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
        rf"(?:(?P<src>{PHRASE}){APPOSITION}\s+{BEFORE_SAY}(?P<cue>{SAY})(?P<after>{AFTERWORD})"
        rf"|(?P<cue_b>{SAY})\s+(?P<src_b>{PHRASE})(?P<after_b>{AFTER_NAME})){CLOSE}",
        "quoted",
        "“We will not step back,” the ministry said.",
    ),
    _p(
        "quote, speaker, quote",
        rf"^[{OPEN_QUOTE}](?P<quoted>[^{CLOSE_QUOTE}]+?)[,.!?]?[{CLOSE_QUOTE}],?\s+"
        rf"(?:(?P<src>{PHRASE})\s+{BEFORE_SAY}(?P<cue>{SAY})"
        rf"|(?P<cue_b>{SAY})\s+(?P<src_b>{PHRASE}))"
        rf",\s*[{OPEN_QUOTE}](?P<quoted2>[^{CLOSE_QUOTE}]+?)[,.!?]?[{CLOSE_QUOTE}]?{CLOSE}",
        "quoted",
        "“We will not,” the ministry said, “step back.”",
    ),
    _p(
        "speaker, then quote",
        rf"^(?P<src>{PHRASE}){APPOSITION}\s+{BEFORE_SAY}(?P<cue>{SAY}),?:?\s*"
        rf"[{OPEN_QUOTE}](?P<quoted>[^{CLOSE_QUOTE}]+?)[,.!?]?[{CLOSE_QUOTE}]{CLOSE}",
        "quoted",
        "The ministry said: “We will not step back.”",
    ),
    _p(
        "X reported, citing Y (after the content)",
        rf",\s+(?P<src>{PHRASE})\s+(?P<cue>{SAY}),?\s+(?P<cue2>{CITING})\s+"
        rf"(?P<via>{PHRASE}){CLOSE}",
        "before",
        "His arrival was expected later Tuesday, Yonhap reported, citing the broadcaster.",
    ),
    _p(
        "X, citing Y, reported that (before the content)",
        rf"^(?:(?P<lead>[^,;]+),\s+)?(?P<src>{PHRASE}),\s+(?P<cue2>{CITING})\s+"
        rf"(?P<via>{PHRASE}),\s+(?P<cue>{SAY})\s+(?:that\s+)?",
        "after",
        "Reuters, citing two officials, reported that the talks had stalled.",
        reports=True,
    ),
    _p(
        "X reported, citing Y, that (before the content)",
        rf"^(?P<src>{PHRASE})\s+(?P<cue>{SAY}),\s+(?P<cue2>{CITING})\s+(?P<via>{PHRASE}),"
        rf"\s+(?:that\s+)?",
        "after",
        "The newspaper reported, citing a document, that repairs would cost more.",
        reports=True,
    ),
    _p(
        "according to X (after the content)",
        rf",?\s+(?P<cue>according to)\s+(?P<src>{PHRASE}){CLOSE}",
        "before",
        "Kim left late Monday, according to the Korean Central News Agency.",
    ),
    _p(
        "content, according to X, content",
        rf",\s+(?P<cue>according to)\s+(?P<src>{PHRASE}),\s+",
        "around",
        "The talks, according to the ministry, will resume next week.",
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
        rf"(?P<cue>(?:{PASSIVE_CUES}) by)\s+(?P<src>{PHRASE}){CLOSE}",
        "before",
        "The launch was reported by Japan's coast guard.",
    ),
    _p(
        "content, X said (after the content)",
        rf",[”\"’]?\s+(?:(?P<src>{PHRASE}){APPOSITION}\s+{BEFORE_SAY}(?P<cue>{SAY})"
        rf"|(?P<cue_b>{SAY_BEFORE})\s+(?P<src_b>{PHRASE})(?P<after_b>{AFTER_NAME}))"
        rf"(?P<after>{AFTERWORD}){CLOSE}",
        "before",
        "The talks will resume next week, the ministry said.",
    ),
    _p(
        "content, X said, content (parenthetical)",
        rf",\s+(?P<src>{PHRASE})\s+(?P<cue>{SAY}),\s+(?!{CITING})",
        "around",
        "The talks, officials said, will resume next week.",
    ),
    _p(
        "X did something, saying (the content after)",
        rf"^(?!(?:{OPENERS})\b)(?P<src>(?:{CAPITALISED}\s+){{0,4}}{CAPITALISED}"
        rf"|[Tt]he(?:\s+[\w’'-]+){{0,4}}?\s+(?:{'|'.join(GROUP_HEADS)}))\s+[^“”\";]*?,\s+"
        rf"(?P<cue>{PARTICIPLE_CUES})\s+(?:that\s+)?",
        "after",
        "The ministry denied the report, saying no talks had taken place.",
        reports=True,
    ),
    _p(
        "X reported that / X said / X allege that (before the content)",
        rf"(?:^(?P<src_b>{PHRASE}){APPOSITION}|(?:^|,\s+|\s[-–—]\s+)(?P<src>{PHRASE}))"
        rf"\s+{BEFORE_SAY}(?P<cue>{SAY})\s+(?:that\s+)?(?=\S)",
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
    cue_spans: tuple[tuple[int, int], ...]  # where each of `cues` stands
    content: tuple[tuple[int, int], ...]  # where the attributed words are
    rest: tuple[int, int] | None  # words after the speaker (who they are), in the outlet's voice
    reporting: tuple[int, int] | None  # the reporting clause, a claim in the outlet's voice


def find(sentence: str, is_source: Callable[[str], bool]) -> Found | None:
    """The first pattern whose source phrases all pass `is_source`, applied to `sentence`."""
    sentence = plain_quotes(sentence)
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(sentence):
            found = _found(pattern, match)
            if found is not None and all(is_source(sentence[a:b]) for a, b in found.sources):
                return found
    return None


def plain_quotes(sentence: str) -> str:
    """`sentence` with two apostrophes, as some newspapers quote (''Yes,'' she said), written
    as a quotation mark and a space: the patterns read one quotation mark, and every offset
    stays where it was."""
    return sentence.replace("''", '" ')


def opens_quotation(sentence: str) -> bool:
    """Whether `sentence` begins with quotation marks."""
    return sentence[:1] != "" and plain_quotes(sentence)[:1] in OPEN_QUOTE


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
    sources, cues, spans = [source], [match.string[cue[0] : cue[1]]], [cue]
    via = _group(match, "via")
    if via is not None:
        sources.append(via)
        cues.append(match.group("cue2"))
        spans.append(match.span("cue2"))
    end = len(match.string)
    quoted = [g for g in ("quoted", "quoted2") if g in match.re.groupindex and match.group(g)]
    content = {
        "quoted": [match.span(g) for g in quoted],
        "before": [(0, match.start())],
        "around": [(0, match.start()), (match.end(), end)],
        "after": [(match.end(), end)],
    }[pattern.content]
    reporting = (0, cue[1]) if pattern.reports else None
    return Found(
        pattern, tuple(sources), tuple(cues), tuple(spans), tuple(content), _rest(match), reporting
    )


def _rest(match: re.Match[str]) -> tuple[int, int] | None:
    """Where the words after the speaker stand ("…,” said Dean Baker, co-director of …):
    they say who the speaker is, a claim of the outlet's own."""
    found = [match.span(g) for g in ("after_b", "after") if _group(match, g) is not None]
    found = [(a, b) for a, b in found if a < b]
    if not found or re.match(CLOSE, match.string[found[0][0] :]):
        return None  # only "in a statement" and the like: how, not who
    return found[0][0], found[-1][1]


def describe() -> str:
    """The patterns as a Markdown table, for docs/drafting.md."""
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
