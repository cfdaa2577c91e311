"""The drafter's word lists (factcheck.drafting.lexicon): each word once, the lists that must
not share a word apart, the pronoun lists made of the same pieces, every list documented, and
the one pattern of a person's name: what it reads and refuses, and that the drafter reads no
other."""

from __future__ import annotations

import ast
import inspect
import re
from itertools import combinations
from pathlib import Path

import pytest

from factcheck.drafting import clauses, context, lexicon, naming
from factcheck.drafting.lexicon import (
    ARTICLES,
    CAPITALISED,
    DAYS,
    DEMONSTRATIVES,
    GROUP_HEADS,
    HONORIFICS,
    LINKING_WORDS,
    MONTHS,
    NAME,
    NAME_WORD,
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
# The patterns of names are no alternations of words: the tests at the end hold them.
NAME_PATTERNS = {"SMALL_LETTER", "NAME_WORD", "INITIAL", "HONORIFIC", "NAME", "CAPITALISED"}
ALTERNATIONS = {
    n: getattr(lexicon, n)
    for n in NAMES
    if isinstance(getattr(lexicon, n), str) and n not in NAME_PATTERNS
}


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


def names_in(text: str) -> list[str]:
    return [m.group() for m in re.finditer(NAME, text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Sen. Ted Cruz said so", ["Sen. Ted Cruz"]),  # an honorific
        ("Mr Kim left", ["Mr Kim"]),  # without its full stop
        ("George W. Bush", ["George W. Bush"]),  # an initial
        ("Foreign Minister Choe Son-hui", ["Foreign Minister Choe Son-hui"]),
        ("Jean-Claude Juncker", ["Jean-Claude Juncker"]),  # hyphenated
        ("Conan O'Brien and Beto O’Rourke", ["Conan O'Brien", "Beto O’Rourke"]),  # apostrophes
        ("Sen. John McCain and Douglas MacArthur", ["Sen. John McCain", "Douglas MacArthur"]),
        ("Recep Tayyip Erdoğan", ["Recep Tayyip Erdoğan"]),  # a small letter not a-z
        # a run of capitalised words: which are a person's is the rules' to say (after a
        # title in `clauses`, as a subject in `context`)
        ("North Korean leader Kim Jong Un", ["North Korean", "Kim Jong Un"]),
        ("Obama’s plan", ["Obama’s"]),  # the possessive stays in the word
        ("Kim Jong Un Ri Sol Ju", ["Kim Jong Un Ri", "Sol Ju"]),  # four words at most
    ],
)
def test_a_persons_name_reads(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("the FBI said", []),  # a word in capitals
        ("I said", []),  # one capital alone
        ("U.S. officials", []),  # an abbreviation
        ("the president said", []),  # no capital
        ("2016 campaign", []),
        ("Bashar al-Assad", ["Bashar"]),  # no name starts after a hyphen
        ("DuVernay", ["Du"]),  # nor is a capital read inside a word, but after Mc, Mac, O'
    ],
)
def test_a_persons_name_refuses(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize("honorific", HONORIFICS)
def test_every_honorific_may_open_a_name(honorific: str) -> None:
    for written in (honorific.title(), f"{honorific.title()}."):
        assert re.fullmatch(NAME, f"{written} Ann Lee"), written


def test_a_persons_name_word_is_a_capitalised_word() -> None:
    """A person's name word is a narrower capitalised word: any name may hold one."""
    for word in ("Kim", "Son-hui", "O'Brien", "McConnell", "Erdoğan", "Obama’s"):
        assert re.fullmatch(NAME_WORD, word), word
        assert re.fullmatch(CAPITALISED, word), word
    for word in ("Reuters", "U.S.", "AT&T", "YouTube", "CNBC's", "F.B.I."):
        assert re.fullmatch(CAPITALISED, word), word
    for word in ("reuters", "(AP)", "’s"):
        assert not re.fullmatch(CAPITALISED, word), word


def test_the_drafter_reads_one_pattern_of_a_name() -> None:
    """context and clauses read the lexicon's name; no other module writes a capitalised word
    (`[A-Z]`) of its own: a name word is defined in the lexicon only."""
    assert context._NAME.pattern == NAME
    assert f"(?P<name>{NAME})" in clauses._TITLED.pattern
    assert f"(?P<name>{NAME})" in clauses._KIN.pattern
    assert CAPITALISED in naming._DESCRIBED.pattern
    folder = Path(lexicon.__file__).parent
    for module in sorted(folder.glob("*.py")):
        if module.name != "lexicon.py":
            assert "[A-Z]" not in module.read_text(encoding="utf-8"), module.name
