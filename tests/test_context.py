"""What earlier sentences tell a later one (factcheck.drafting.context): pronoun sources and
quotations that go on."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from factcheck.drafting.clauses import draft_article
from factcheck.drafting.context import Context


def context(text: str, *starts: int) -> Context:
    """The context of the last sentence of `text`, the sentences before it starting at
    `starts`."""
    found = Context(text)
    found.starts += starts
    found.current = [m.end() for m in re.finditer(r"[.!?][\"”]?\s+", text)][-1]
    return found


def named(found: Context, pronoun: str) -> str | None:
    at = found.text.rindex(pronoun)
    span = found.antecedent(pronoun, at)
    return None if span is None else found.text[span[0] : span[1]]


def test_the_first_persons_name_in_the_sentence_before() -> None:
    text = "Ann Lee met Tom Hart in the United States. Then he said it went well."
    assert named(context(text, 0), "he") == "Ann Lee"  # its subject, not "United States"


def test_a_name_earlier_in_the_same_sentence_comes_first() -> None:
    text = "Ann Lee spoke. After Tom Hart left, he said it went well."
    assert named(context(text, 0), "he") == "Tom Hart"


def test_a_source_already_quoted_comes_before_a_nearer_name() -> None:
    text = "Ann Lee said Tom Hart would come. She added more."
    found = context(text, 0)
    found.sources.append(((0, 7), "Ann Lee"))
    assert named(found, "She") == "Ann Lee"


def test_one_word_must_be_a_surname_the_article_also_writes_after_a_given_name() -> None:
    text = "Donald Trump left. Trump spoke. Later he said so."
    assert named(context(text, text.index("Trump spoke")), "he") == "Trump"
    text = "Donald Trump left. Texas voted. Later he said so."
    assert named(context(text, text.index("Texas")), "he") is None


def test_a_name_with_an_apostrophe_or_mc_is_read_whole() -> None:
    text = "Beto O’Rourke met Mitch McConnell. Then he said it went well."
    assert named(context(text, 0), "he") == "Beto O’Rourke"
    text = "Sen. John McCain met Ann Lee. Then he said it went well."
    assert named(context(text, 0), "he") == "Sen. John McCain"


def test_names_in_quotation_marks_are_not_antecedents() -> None:
    text = 'Ann Lee wrote "Tom Hart is wrong." He said so.'
    assert named(context(text, 0), "He") == "Ann Lee"


def test_they_is_only_a_group_already_quoted() -> None:
    text = "Officials met Ann Lee. They said little."
    assert named(context(text, 0), "They") is None
    found = context(text, 0)
    found.sources.append(((0, 9), "Officials"))
    assert named(found, "They") == "Officials"


def test_further_back_only_a_source_already_quoted_is_taken() -> None:
    text = "Ann Lee spoke. Rain fell. Wind blew. Then he said more."
    found = context(text, 0, 15, 26)
    assert named(found, "he") is None  # "Ann Lee" is named, but never quoted
    found.sources.append(((0, 7), "Ann Lee"))
    assert named(found, "he") == "Ann Lee"  # quoted, three sentences back
    text = "Ann Lee spoke. Sun shone. Rain fell. Wind blew. Then he said more."
    found = context(text, 0, 15, 26, 37)
    found.sources.append(((0, 7), "Ann Lee"))
    assert named(found, "he") is None  # four sentences back


@pytest.mark.parametrize(
    ("text", "goes_on"),
    [
        ('"We are ready," Ann Lee said. "The road is safe."', True),
        ('"We are ready," Ann Lee said.\n\n"The road is safe."', False),  # a new paragraph
        ('Ann Lee said they were ready. "The road is safe."', False),  # no quotation before
    ],
)
def test_a_quotation_goes_on_in_its_paragraph(text: str, goes_on: bool) -> None:
    sources = pd.DataFrame({"source_id": [], "name": [], "aliases": []}, dtype=object)
    draft = draft_article(text, "a", "PUB", sources)
    [last] = [r for r in draft.rows if r.quote == "The road is safe"]
    assert (last.attribution == "PUB > ANN-LEE") is goes_on


def test_a_sentence_drafted_alone_takes_no_pronoun_for_a_source() -> None:
    from factcheck.drafting.clauses import draft_sentence
    from factcheck.drafting.naming import SourceIndex

    sources = pd.DataFrame({"source_id": [], "name": [], "aliases": []}, dtype=object)
    rows = draft_sentence('"It is safe," she said.', 1034, "PUB", SourceIndex(sources))
    assert {r.attribution for r in rows} == {"PUB"}
