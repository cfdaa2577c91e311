"""Reading a local checkout of PolNeAR, the Political News Attribution Relations corpus.

PolNeAR (networkdynamics/PolNeAR on GitHub) holds 1,008 US political news articles whose
attributions are annotated in brat standoff: a relation `E<n>` joins a `Content` span to its
`Source` and `Cue` spans, each span one or more `start end` fragments in characters of the
article's text. Nothing of the corpus is kept in this repository, since the texts are the
publishers': it is read from a checkout whose path the user gives.

Layout read: `data/<split>/text/<name>.txt`, `data/<split>/attributions/<name>_<annotator>.ann`
and, where present, `data/<split>/corenlp/<name>.txt.xml`, CoreNLP's automatic annotation, of
which only the coreference chains are read: they say who a pronoun source ("he said") is.
An article annotated by several annotators is scored against the first annotator's file by
name, so that every article counts once. The test split is never read: the corpus asks that
it not be looked at, and this module refuses it.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]
SPLITS = ("train", "dev")  # never "test": the corpus asks its users not to look at it


class CorpusError(Exception):
    """The directory given is not a PolNeAR checkout, or a file of it is not as described."""


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution relation: where its content, source and cue are."""

    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]


@dataclass(frozen=True)
class Article:
    """One article's text, its annotated attributions, and coreference chains (CoreNLP's)."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]
    coreference: Path | None = None  # CoreNLP's annotation, read only when a pronoun asks

    def chain_of(self, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        """The mentions coreferent with any mention overlapping `spans`, `spans` included."""
        found = list(spans)
        chains = read_chains(self.coreference) if self.coreference is not None else ()
        for chain in chains:
            if any(overlap(a, b) for a in chain for b in spans):
                found += chain
        return tuple(found)


def articles(root: Path, split: str) -> Iterator[Article]:
    """The articles of `split` in the checkout at `root`, in order of name."""
    if split not in SPLITS:
        raise CorpusError(f"split {split!r} is not read: choose one of {', '.join(SPLITS)}")
    base = root / "data" / split
    texts = sorted((base / "text").glob("*.txt"))
    if not texts:
        raise CorpusError(f"{base / 'text'} holds no .txt files: is {root} a PolNeAR checkout?")
    annotations = _first_annotation(base / "attributions")
    for path in texts:
        ann = annotations.get(path.stem)
        if ann is None:
            raise CorpusError(f"{path.name} has no annotation file in {base / 'attributions'}")
        text = path.read_text(encoding="utf-8")
        coref = base / "corenlp" / f"{path.name}.xml"
        yield Article(path.stem, text, read_attributions(ann), coref if coref.is_file() else None)


def _first_annotation(folder: Path) -> dict[str, Path]:
    """Each article's first annotation file by name: `<article>_<annotator>.ann`."""
    first: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        first.setdefault(article, path)
    return first


def read_attributions(path: Path) -> tuple[Attribution, ...]:
    """The attribution relations of one brat standoff file."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations: list[dict[str, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        # a span's text may hold line breaks: its other lines are none of these
        if re.match(r"T\d+\t", line):
            spans[line.split("\t", 1)[0]] = _fragments(line, path, number)
        elif re.match(r"E\d+\t", line):
            relations.append(_roles(line, path, number))
    found = [_attribution(relation, spans) for relation in relations]
    return tuple(a for a in found if a.content)  # a relation without content has no claim


def _roles(line: str, path: Path, number: int) -> dict[str, list[str]]:
    """An event line's roles, each with the spans it names (`Content` and `Content2` are
    both content)."""
    roles: dict[str, list[str]] = {}
    for role in line.split("\t")[1].split():
        name, colon, span = role.partition(":")
        if not colon:
            raise CorpusError(f"{path.name}, line {number}: not a brat event role: {role!r}")
        roles.setdefault(name.rstrip("0123456789"), []).append(span)
    return roles


def _attribution(relation: dict[str, list[str]], spans: dict[str, tuple[Span, ...]]) -> Attribution:
    def role(name: str) -> tuple[Span, ...]:
        return tuple(span for key in relation.get(name, []) for span in spans.get(key, ()))

    return Attribution(role("Content"), role("Source"), role("Cue"))


_TEXT_BOUND = re.compile(r"^T\d+\t\S+ (?P<fragments>\d+ \d+(?:;\d+ \d+)*)\t")


def _fragments(line: str, path: Path, number: int) -> tuple[Span, ...]:
    match = _TEXT_BOUND.match(line)
    if match is None:
        raise CorpusError(f"{path.name}, line {number}: not a brat text-bound annotation")
    pairs = (fragment.split() for fragment in match["fragments"].split(";"))
    return tuple((int(a), int(b)) for a, b in pairs)


@functools.lru_cache(maxsize=2)
def read_chains(path: Path) -> tuple[tuple[Span, ...], ...]:
    """CoreNLP's coreference chains, each mention as character offsets into the text."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise CorpusError(f"{path.name} is not CoreNLP's XML: {error}") from error
    tokens: dict[tuple[int, int], Span] = {}
    for sentence in root.iter("sentence"):
        if sentence.get("id") is None:
            continue
        for token in sentence.iter("token"):
            key = (int(sentence.get("id", 0)), int(token.get("id", 0)))
            tokens[key] = (
                int(token.findtext("CharacterOffsetBegin", "0")),
                int(token.findtext("CharacterOffsetEnd", "0")),
            )
    chains = []
    for chain in root.iter("coreference"):
        mentions = chain.findall("mention")
        if not mentions:
            continue
        spans = []
        for mention in mentions:
            number = int(mention.findtext("sentence", "0"))
            first = tokens.get((number, int(mention.findtext("start", "0"))))
            last = tokens.get((number, int(mention.findtext("end", "0")) - 1))
            if first is not None and last is not None:
                spans.append((first[0], last[1]))
        chains.append(tuple(spans))
    return tuple(chains)


def overlap(a: Span, b: Span) -> int:
    """The characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
