"""Reading a PolNeAR checkout: brat standoff relations, CoreNLP coreference, the splits read.

The corpus itself is never in this repository; these tests build a tiny checkout of their own
in the corpus's layout, from sentences written here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.drafting.polnear import CorpusError, articles, overlap, read_attributions

TEXT = 'Ann Lee said the bridge would reopen.\n\n"It is safe," she said.\n'


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def brat(text: str, relations: list[dict[str, tuple[int, int] | list[tuple[int, int]]]]) -> str:
    """A brat standoff file for `relations`, each {role: span or spans}, as PolNeAR writes
    it: text-bound spans, then an event joining them."""
    lines, number = [], 0
    for e, relation in enumerate(relations, 1):
        roles = []
        for role, spans in relation.items():
            number += 1
            spans = spans if isinstance(spans, list) else [spans]
            fragments = ";".join(f"{a} {b}" for a, b in spans)
            words = " ".join(text[a:b] for a, b in spans)
            lines.append(f"T{number}\t{role} {fragments}\t{words}")
            roles.append(f"{role}:T{number}")
        lines.append(f"E{e}\tAttribution:T{number} " + " ".join(roles))
    return "\n".join(lines) + "\n"


def token(number: int, word: str, where: tuple[int, int]) -> str:
    return (
        f'<token id="{number}"><word>{word}</word>'
        f"<CharacterOffsetBegin>{where[0]}</CharacterOffsetBegin>"
        f"<CharacterOffsetEnd>{where[1]}</CharacterOffsetEnd></token>"
    )


def mention(sentence: int, start: int, end: int) -> str:
    return (
        f"<mention><sentence>{sentence}</sentence><start>{start}</start><end>{end}</end></mention>"
    )


def coref() -> str:
    """CoreNLP's XML for TEXT, as far as it is read: tokens, and one chain, Ann Lee = she."""
    ann, lee = span(TEXT, "Ann"), span(TEXT, "Lee")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<root><document><sentences>'
        f'<sentence id="1"><tokens>{token(1, "Ann", ann)}{token(2, "Lee", lee)}</tokens>'
        f'</sentence><sentence id="2"><tokens>{token(1, "she", span(TEXT, "she"))}</tokens>'
        f"</sentence></sentences><coreference><coreference>{mention(1, 1, 3)}"
        f"{mention(2, 1, 2)}</coreference></coreference></document></root>\n"
    )


def checkout(root: Path, split: str = "dev") -> Path:
    """A checkout with one article, two annotators' files and CoreNLP's chains."""
    base = root / "data" / split
    for folder in ("text", "attributions", "corenlp"):
        (base / folder).mkdir(parents=True)
    (base / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    first = [
        {
            "Source": span(TEXT, "Ann Lee"),
            "Cue": span(TEXT, "said"),
            "Content": span(TEXT, "the bridge would reopen"),
        },
        {
            "Source": span(TEXT, "she"),
            "Cue": span(TEXT, "said", 40),
            "Content": span(TEXT, '"It is safe,"'),
        },
    ]
    (base / "attributions" / "a1_aaaa.ann").write_text(brat(TEXT, first), encoding="utf-8")
    (base / "attributions" / "a1_bbbb.ann").write_text(brat(TEXT, first[:1]), encoding="utf-8")
    (base / "corenlp" / "a1.txt.xml").write_text(coref(), encoding="utf-8")
    return root


def test_an_article_is_read_with_the_first_annotators_relations(tmp_path: Path) -> None:
    [article] = articles(checkout(tmp_path), "dev")
    assert (article.name, article.text) == ("a1", TEXT)
    assert len(article.attributions) == 2  # a1_aaaa, not a1_bbbb
    quoted = article.attributions[1]
    assert TEXT[slice(*quoted.content[0])] == '"It is safe,"'
    assert TEXT[slice(*quoted.source[0])] == "she"


def test_a_pronoun_reaches_its_antecedent_through_corenlps_chain(tmp_path: Path) -> None:
    [article] = articles(checkout(tmp_path), "dev")
    she = article.attributions[1].source
    assert span(TEXT, "Ann Lee") in article.chain_of(she)
    assert article.chain_of(((30, 31),)) == ((30, 31),)  # in no chain: itself only


def test_the_test_split_is_never_read(tmp_path: Path) -> None:
    root = checkout(tmp_path, "test")
    with pytest.raises(CorpusError, match="split 'test' is not read"):
        list(articles(root, "test"))


def test_a_folder_that_is_no_checkout_is_named(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"is .* a PolNeAR checkout"):
        list(articles(tmp_path, "dev"))


def test_an_article_without_annotations_is_refused(tmp_path: Path) -> None:
    root = checkout(tmp_path)
    for ann in (root / "data" / "dev" / "attributions").glob("*.ann"):
        ann.unlink()
    with pytest.raises(CorpusError, match=re.escape("a1.txt has no annotation file")):
        list(articles(root, "dev"))


def test_fragments_and_span_texts_across_lines_are_read(tmp_path: Path) -> None:
    # A span of two fragments whose text holds a line break: brat writes the text's second
    # line as a line of its own, which is neither a span nor a relation.
    ann = tmp_path / "x_a.ann"
    ann.write_text(
        "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 10 12;14 20\tab\n"
        "The next line of T3's text\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    [relation] = read_attributions(ann)
    assert relation.content == ((10, 12), (14, 20))
    assert (relation.source, relation.cue) == (((0, 3),), ((4, 8),))


def test_a_malformed_span_line_is_located(tmp_path: Path) -> None:
    ann = tmp_path / "x_a.ann"
    ann.write_text("T1\tSource three four\tAnn\n", encoding="utf-8")
    with pytest.raises(
        CorpusError, match=re.escape("x_a.ann, line 1: not a brat text-bound annotation")
    ):
        read_attributions(ann)


def test_overlap_counts_shared_characters() -> None:
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 5), (5, 9)) == 0


def test_second_content_spans_count_and_relations_without_content_are_skipped(
    tmp_path: Path,
) -> None:
    ann = tmp_path / "x_a.ann"
    ann.write_text(
        "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 10 12\tab\nT4\tContent 20 25\tcdefg\n"
        "E1\tAttribution:T2 Content:T3 Content2:T4 Cue:T2 Source:T1\n"
        "E2\tAttribution:T2 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    [relation] = read_attributions(ann)
    assert relation.content == ((10, 12), (20, 25))


def test_a_malformed_role_or_coreference_file_is_named(tmp_path: Path) -> None:
    ann = tmp_path / "x_a.ann"
    ann.write_text("T1\tSource 0 3\tAnn\nE1\tAttribution Source:T1\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape("x_a.ann, line 2: not a brat event role")):
        read_attributions(ann)
    root = checkout(tmp_path / "corpus")
    (root / "data" / "dev" / "corenlp" / "a1.txt.xml").write_text("<root>", encoding="utf-8")
    [article] = articles(root, "dev")
    with pytest.raises(CorpusError, match=re.escape("a1.txt.xml is not CoreNLP's XML")):
        article.chain_of(article.attributions[1].source)
