"""The loader: validated tables with the dtypes the schemas document, or a clear refusal."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import factcheck
from conftest import set_cell
from factcheck.model.tables import TABLES
from factcheck.model.vocabularies import Certainty, ClaimType, SourceKind

DTYPES = {
    "string": "str",
    "Int64": "Int64",
    "boolean": "boolean",
    "date": "datetime64[ns]",
    "category": "category",
}


def test_every_column_has_the_documented_dtype(data: factcheck.Dataset) -> None:
    for spec in TABLES:
        frame = getattr(data, spec.name)
        assert list(frame.columns) == spec.columns
        for name, column in spec.schema.columns.items():
            assert str(frame[name].dtype) == DTYPES[column.metadata["dtype"]], (spec.name, name)


def test_enums_are_categoricals_in_definition_order(data: factcheck.Dataset) -> None:
    assert list(data.claims["claim_type"].cat.categories) == ClaimType.values()
    assert list(data.claims["certainty"].cat.categories) == Certainty.values()
    assert list(data.sources["kind"].cat.categories) == SourceKind.values()


def test_typed_values(data: factcheck.Dataset) -> None:
    article = data.articles.iloc[0]
    assert article["published_on"] == pd.Timestamp("2025-09-02")
    claims = data.claims.set_index("claim_id")
    assert claims.loc["C0015", "span_start"] == 444
    assert pd.isna(claims.loc["C0001", "certainty_cue"])
    sources = data.sources.set_index("source_id")
    assert bool(sources.loc["KCNA", "state_controlled"]) is True
    assert bool(sources.loc["YONHAP", "state_controlled"]) is False
    assert pd.isna(sources.loc["CURRENTINDIA", "state_controlled"])


def test_booleans_a_spreadsheet_wrote_in_capitals_load_as_booleans(dataset: Path) -> None:
    original = factcheck.load_dataset(dataset).sources["state_controlled"]
    rows = (dataset / "sources.csv").read_text(encoding="utf-8")
    (dataset / "sources.csv").write_text(
        rows.replace(",true,", ",TRUE,").replace(",false,", ",False,"), encoding="utf-8"
    )
    assert ",TRUE," in (dataset / "sources.csv").read_text(encoding="utf-8")
    data = factcheck.load_dataset(dataset).sources["state_controlled"]
    assert data.dtype == "boolean"
    assert data.equals(original)


def test_texts_are_the_stored_articles(data: factcheck.Dataset) -> None:
    text = data.texts["2025-09-02-kim-jong-un-train-beijing"]
    assert len(text) == 2622
    for claim in data.claims.itertuples():
        assert text[claim.span_start : claim.span_end] == claim.quote


def test_attributions_in_long_form(data: factcheck.Dataset) -> None:
    links = data.attributions()
    chain = links[links["claim_id"] == "C0015"]
    assert chain["depth"].tolist() == [0, 1, 2]
    assert chain["source_id"].tolist() == ["CURRENTINDIA", "YONHAP", "KP-BROADCASTER"]
    assert chain["cue"].isna().tolist() == [True, False, False]
    assert chain["cue"].dropna().tolist() == ["reported", "citing"]
    assert not chain["joint"].any()
    joint = links[links["claim_id"] == "C0028"]
    assert joint["source_id"].tolist() == ["CURRENTINDIA", "US-OFFICIALS", "KR-OFFICIALS"]
    assert joint["joint"].tolist() == [False, True, True]
    assert joint["cue"].dropna().tolist() == ["allege", "allege"]
    own_voice = links[links["claim_id"] == "C0001"]
    assert own_voice["source_id"].tolist() == ["CURRENTINDIA"]


def test_invalid_data_is_refused_with_its_problems(dataset: Path) -> None:
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")
    with pytest.raises(factcheck.DatasetInvalid) as refused:
        factcheck.load_dataset(dataset)
    assert [p.rule for p in refused.value.problems] == ["claims.claim_type.allowed"]
    assert "claims.csv, row 6, column claim_type: 'fact'" in str(refused.value)


def test_unreadable_data_is_refused(dataset: Path) -> None:
    (dataset / "sources.csv").unlink()
    with pytest.raises(factcheck.DatasetUnreadable):
        factcheck.load_dataset(dataset)
    assert issubclass(factcheck.DatasetUnreadable, factcheck.DatasetError)


def test_source_names_by_id_in_table_order(data: factcheck.Dataset) -> None:
    names = data.source_names()
    assert list(names) == list(data.sources["source_id"])
    assert names["YONHAP"] == "Yonhap News Agency"


def test_the_package_lists_what_it_offers() -> None:
    """`dir(factcheck)` (and so tab completion) shows the loader, though it is imported only
    when first used."""
    assert set(factcheck.__all__) <= set(dir(factcheck))


def test_help_says_what_each_table_holds() -> None:
    """Each table's entry in `help(Dataset)` names every column (its words, underscores
    read as spaces where the prose spells them out)."""
    from factcheck.model.tables import TABLES

    entries: dict[str, str] = {}
    for line in (factcheck.Dataset.__doc__ or "").splitlines():
        opened = re.match(r"        (\w+): (.*)", line)
        if opened:
            entries[opened[1]] = opened[2]
        elif line.startswith(" " * 12) and entries:
            entries[list(entries)[-1]] += " " + line.strip()
    for spec in TABLES:
        said = entries[spec.name]
        unsaid = [c for c in spec.columns if c not in said and c.replace("_", " ") not in said]
        assert unsaid == [], spec.name
    assert "texts" in entries
    assert "DatasetInvalid" in (factcheck.load_dataset.__doc__ or "")
