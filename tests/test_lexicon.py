"""The drafter's word lists (factcheck.drafting.lexicon): each word once, the lists that must
not share a word apart, the pronoun lists made of the same pieces, every list documented."""

from __future__ import annotations

import ast
import inspect
import re
from itertools import combinations

import pytest

from factcheck.drafting import lexicon
from factcheck.drafting.lexicon import (
    ARTICLES,
    DAYS,
    DEMONSTRATIVES,
    GROUP_HEADS,
    HONORIFICS,
    LINKING_WORDS,
    MONTHS,
    NOT_IN_NAMES,
    NOT_PERSON,
    OBJECT_PRONOUNS,
    OTHER_POSSESSIVES,
    PEOPLE,
    PLURAL,
    POSSESSIVES,
    PRONOUNS,
    RECORD_HEADS,
    RESOLVED_PRONOUNS,
    SUBJECT_PRONOUNS,
    UNRESOLVED_PRONOUNS,
)

SOURCE = inspect.getsource(lexicon)
TREE = ast.parse(SOURCE)
NAMES = [
    target.id
    for node in TREE.body
    if isinstance(node, ast.Assign)
    for target in node.targets
    if isinstance(target, ast.Name)
]
WORD_LISTS = {
    n: getattr(lexicon, n) for n in NAMES if isinstance(getattr(lexicon, n), tuple | frozenset)
}
ALTERNATIONS = {n: getattr(lexicon, n) for n in NAMES if isinstance(getattr(lexicon, n), str)}


def literals() -> list[tuple[int, list[str]]]:
    """Each tuple or set written out in the module, by line: a set keeps no duplicate, so
    they are read from the source."""
    return [
        (node.lineno, [e.value for e in node.elts if isinstance(e, ast.Constant)])
        for node in ast.walk(TREE)
        if isinstance(node, ast.Tuple | ast.Set)
    ]


@pytest.mark.parametrize(("line", "words"), literals(), ids=lambda v: str(v)[:20])
def test_no_list_is_written_with_a_word_twice(line: int, words: list[str]) -> None:
    assert len(words) == len(set(words)), f"line {line}"


@pytest.mark.parametrize("name", sorted(ALTERNATIONS))
def test_each_alternation_compiles_without_a_repeat_or_an_empty_branch(name: str) -> None:
    alternation = ALTERNATIONS[name]
    branches = alternation.split("|")
    assert len(branches) == len(set(branches))
    # an empty branch ("a||b", a trailing "|") would match anywhere
    assert re.fullmatch(f"(?:{alternation})", "") is None


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_word_lists_hold_lower_case_words(name: str) -> None:
    """They are looked up casefolded and joined into patterns: no capital, no pattern syntax."""
    for word in WORD_LISTS[name]:
        assert re.fullmatch(r"[a-z]+", word), (name, word)


def test_the_heads_of_source_phrases_are_apart_from_each_other_and_from_clause_words() -> None:
    heads = {"GROUP_HEADS": set(GROUP_HEADS), "PEOPLE": PEOPLE, "RECORD_HEADS": RECORD_HEADS}
    for (a, first), (b, second) in combinations(heads.items(), 2):
        assert not first & second, (a, b, first & second)
    every = set().union(*heads.values())
    # a head among the words that make a phrase a clause, or a pronoun, never makes a source
    assert not every & NOT_IN_NAMES
    assert not every & PRONOUNS


def test_the_words_that_name_no_person_are_defined_once() -> None:
    pieces = (
        frozenset(ARTICLES),
        LINKING_WORDS,
        SUBJECT_PRONOUNS,
        POSSESSIVES,
        OTHER_POSSESSIVES,
        DEMONSTRATIVES,
        frozenset(DAYS),
        frozenset(MONTHS),
    )
    for first, second in combinations(pieces, 2):
        assert not first & second, first & second
    assert frozenset().union(*pieces) == NOT_PERSON
    # an honorific makes the name after it a person's: it cannot also name no one
    assert not set(HONORIFICS) & NOT_PERSON
    assert (len(DAYS), len(MONTHS)) == (7, 12)


def test_the_pronoun_lists_are_made_of_the_same_pieces() -> None:
    # every pronoun the drafter resolves is one that is no source by itself
    assert RESOLVED_PRONOUNS <= PRONOUNS
    assert PLURAL <= RESOLVED_PRONOUNS
    assert UNRESOLVED_PRONOUNS <= SUBJECT_PRONOUNS | OBJECT_PRONOUNS
    assert {"he", "she", "him", "her", "they", "them"} == RESOLVED_PRONOUNS
    assert {"i", "me", "we", "us", "you", "it", "his", "their"} == PRONOUNS - RESOLVED_PRONOUNS


def test_every_list_says_what_it_is_for() -> None:
    lines = SOURCE.splitlines()
    for node in TREE.body:
        if isinstance(node, ast.Assign):
            above = lines[node.lineno - 2]
            assert above.startswith("# "), lines[node.lineno - 1]
            assert not above.startswith("# fmt"), lines[node.lineno - 1]


def test_the_lexicon_is_data_only() -> None:
    for node in TREE.body:
        assert isinstance(node, ast.Assign | ast.Expr | ast.ImportFrom), ast.dump(node)[:60]
        if isinstance(node, ast.ImportFrom):
            assert node.module == "__future__"
