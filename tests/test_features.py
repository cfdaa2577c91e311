"""What the learned drafter reads of a token (factcheck.drafting.features): its paragraph's
tokens and sentences, the rules' signals among its features, and the tags it learns."""

from __future__ import annotations

from factcheck.drafting.features import cue_class, features, paragraphs, rule_marks, tags

TEXT = "Headline\n\n“It is safe,” Ann Lee said. The road is shut.\n\nShe left.\n"


def test_each_body_paragraph_is_a_sequence_of_tokens_in_sentences() -> None:
    first, second = paragraphs(TEXT)
    assert [t.text for t in first.tokens[:5]] == ["“", "It", "is", "safe", ","]
    assert [first.tokens[a].text for a, _ in first.sentences] == ["“", "The"]
    assert all(TEXT[t.start : t.end] == t.text for t in first.tokens)
    assert [t.text for t in second.tokens] == ["She", "left", "."]


def test_the_rules_signals_are_features() -> None:
    [first, _] = paragraphs(TEXT)
    found = features(first, rule_marks(TEXT))
    words = [t.text for t in first.tokens]
    said, it, road = words.index("said"), words.index("It"), words.index("road")
    assert {"cue=say", "rule=CUE", "q=out"} <= set(found[said])
    assert {"q=in", "rule=CON"} <= set(found[it])
    assert {"rule=O", "sent=1"} <= set(found[road])
    assert "cueright=near" in found[it] or "cueright=3" in found[it]


def test_cue_classes_come_from_the_lexicon() -> None:
    assert (cue_class("Said"), cue_class("believes"), cue_class("citing")) == (
        "say",
        "think",
        "citing",
    )
    assert cue_class("bridge") == ""


def test_tags_begin_each_span_and_a_later_role_overwrites() -> None:
    [first, _] = paragraphs(TEXT)
    ann = TEXT.index("Ann Lee")
    found = tags(first, [([(ann - 2, ann + 12)], "CON"), ([(ann, ann + 7)], "SRC")])
    words = [t.text for t in first.tokens]
    assert found[words.index("Ann") : words.index("said") + 1] == ["B-SRC", "I-SRC", "B-CON"]
