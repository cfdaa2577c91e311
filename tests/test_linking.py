"""From tags to attributions and rows (factcheck.drafting.linking), with tags written here by
hand, so what is tested is the joining, not a model."""

from __future__ import annotations

import pandas as pd

from factcheck.drafting.features import Paragraph, paragraphs
from factcheck.drafting.linking import draft_tagged, relations

NO_SOURCES = pd.DataFrame({"source_id": [], "name": [], "aliases": []}, dtype=object)


def tagger(marked: dict[str, str]) -> object:
    """Tags each token by the role of the marked words it begins (`{"Ann Lee": "SRC"}`)."""

    def tag(found: list[Paragraph], text: str) -> list[list[str]]:
        result = []
        for paragraph in found:
            tags = ["O"] * len(paragraph.tokens)
            for words, role in marked.items():
                start = text.index(words)
                inside = [
                    i
                    for i, t in enumerate(paragraph.tokens)
                    if start <= t.start < start + len(words)
                ]
                for n, i in enumerate(inside):
                    tags[i] = f"{'B' if n == 0 else 'I'}-{role}"
            result.append(tags)
        return result

    return tag


def rows(text: str, marked: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    draft = draft_tagged(text, "a", "WIRE", NO_SOURCES, tagger(marked))  # type: ignore[arg-type]
    return {r.quote: (r.attribution, r.attribution_cue) for r in draft.rows}


def test_content_takes_the_voice_of_its_source_and_cue() -> None:
    text = "Ann Lee said the bridge would reopen. The road is shut.\n"
    found = rows(text, {"Ann Lee": "SRC", "said": "CUE", "the bridge would reopen": "CON"})
    assert found == {
        "the bridge would reopen": ("WIRE > ANN-LEE", "said"),
        "Ann Lee said": ("WIRE", None),  # the report itself, in the outlet's voice
        "The road is shut": ("WIRE", None),
    }


def test_a_content_only_sentence_goes_on_the_attribution_before_it() -> None:
    text = "“We will rebuild,” Ann Lee said. “It will take a year.”\n"
    marked = {"“We will rebuild,”": "CON", "Ann Lee": "SRC", "said": "CUE"}
    found = rows(text, marked | {"“It will take a year.”": "CON"})
    assert found["It will take a year"] == ("WIRE > ANN-LEE", "said")
    assert "Ann Lee said" not in found  # source and cue alone after the content: no row


def test_a_pronoun_source_stands_for_the_name_before_it() -> None:
    text = "Ann Lee visited the site. She said the bridge would reopen.\n"
    found = rows(text, {"She": "SRC", "said": "CUE", "the bridge would reopen": "CON"})
    assert found["the bridge would reopen"] == ("WIRE > ANN-LEE", "said")


def test_a_citing_cue_makes_a_chain() -> None:
    text = "The talks stalled, Yonhap reported, citing two officials.\n"
    marked = {"The talks stalled": "CON", "Yonhap": "SRC", "reported": "CUE"}
    found = rows(text, marked | {"citing": "CUE", "two officials": "SRC"})
    assert found["The talks stalled"] == ("WIRE > YONHAP > TWO-OFFICIALS", "reported > citing")


def test_two_cues_in_a_sentence_are_two_attributions() -> None:
    text = "Ann Lee said the bridge was safe, but Bo Chan said the road was not.\n"
    [paragraph] = paragraphs(text)
    marked = {"Ann Lee": "SRC", "said": "CUE", "the bridge was safe": "CON"}
    marked |= {"Bo Chan": "SRC", "the road was not": "CON"}
    tags = tagger(marked)([paragraph], text)[0]  # type: ignore[operator]
    second = text.index("said", 20)
    tags[[t.start for t in paragraph.tokens].index(second)] = "B-CUE"
    found = relations(paragraph, tags, text)
    assert [[text[a:b] for a, b in r.source] for _, r in found] == [["Ann Lee"], ["Bo Chan"]]
    assert [[text[a:b] for a, b in r.content] for _, r in found] == [
        ["the bridge was safe"],
        ["the road was not"],
    ]


def test_a_source_and_cue_without_content_take_the_rest_of_their_sentence() -> None:
    text = "Ann Lee told reporters the bridge would reopen.\n"
    found = rows(text, {"Ann Lee": "SRC", "told": "CUE"})
    assert found["reporters the bridge would reopen"] == ("WIRE > ANN-LEE", "told")


def test_a_pronoun_nobody_was_named_for_leaves_the_outlets_voice() -> None:
    text = "She said the bridge would reopen.\n"
    found = rows(text, {"She": "SRC", "said": "CUE", "the bridge would reopen": "CON"})
    assert found == {"She said the bridge would reopen": ("WIRE", None)}
