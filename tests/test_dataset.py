"""The loader: validated tables with the dtypes the schemas document, or a clear refusal."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

import factcheck
from conftest import REPO, copy_dataset, read_rows, set_cell, write_rows
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


def test_with_no_folder_it_loads_the_bundled_release(data: factcheck.Dataset) -> None:
    """In a checkout the bundled release is the checkout's own files (the wheel's copy is
    tested in test_bundled.py)."""
    loaded = factcheck.load_dataset()
    assert loaded.folder == REPO == factcheck.bundled_path()
    assert loaded.claims.equals(data.claims)
    assert loaded.validated


def test_an_error_names_the_folder_it_looked_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder that holds no dataset (the notebooks' folder, say), the error says
    which folder that was, absolute, though it was given as '.'."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(factcheck.DatasetUnreadable) as refused:
        factcheck.load_dataset(".")
    assert refused.value.folder == str(tmp_path)
    assert str(refused.value).startswith(f"4 problem(s) in the dataset folder {tmp_path}:\n")
    assert "claims.csv: is missing" in str(refused.value)


def test_a_folder_that_is_not_there_is_named(tmp_path: Path) -> None:
    with pytest.raises(factcheck.DatasetUnreadable, match=re.escape(str(tmp_path / "absent"))):
        factcheck.load_dataset(tmp_path / "absent")


def test_invalid_data_opens_for_repair_as_text_with_its_problems(dataset: Path) -> None:
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")
    set_cell(dataset, "claims.csv", 7, "span_start", "twelve")
    rows = read_rows(dataset / "sources.csv")
    write_rows(
        dataset / "sources.csv", [[*row, "note" if i else "notes"] for i, row in enumerate(rows)]
    )
    (dataset / "evidence.csv").unlink()
    opened = factcheck.load_dataset(dataset, validate=False)
    assert not opened.validated
    assert opened.folder == dataset
    claims = opened.claims
    assert claims.loc[4, "claim_type"] == "fact"  # spreadsheet row 6: the header is row 1
    assert claims.loc[5, "span_start"] == "twelve"
    assert {str(claims[c].dtype) for c in claims.columns} == {"str"}
    assert pd.isna(claims.loc[0, "certainty_cue"])
    assert list(opened.sources.columns)[-1] == "notes"  # a column the rules refuse is kept
    assert opened.evidence.empty
    assert list(opened.evidence.columns) == next(s.columns for s in TABLES if s.name == "evidence")
    rules = {p.rule for p in opened.problems}
    assert {"claims.claim_type.allowed", "sources.columns.known", "file.exists"} <= rules
    assert any(p.rule.startswith("claims.span_start") and p.row == 7 for p in opened.problems)
    assert opened.texts.keys() == {"2025-09-02-kim-jong-un-train-beijing"}
    assert "not validated" in repr(opened)


def test_valid_data_opened_unvalidated_is_the_cells_as_written(
    dataset: Path, data: factcheck.Dataset
) -> None:
    opened = factcheck.load_dataset(dataset, validate=False)
    assert opened.problems == ()
    assert opened.claims["span_start"].tolist() == [str(n) for n in data.claims["span_start"]]
    assert opened.claims["claim_id"].tolist() == data.claims["claim_id"].tolist()


def test_a_table_the_checks_cannot_load_opens_as_its_file_has_it(
    dataset: Path, data: factcheck.Dataset
) -> None:
    """A misnamed header or bytes that are not UTF-8 keep the checks from loading a table;
    repair needs its rows all the same."""
    rows = read_rows(dataset / "claims.csv")
    rows[0] = ["when_" if name == "when" else name for name in rows[0]]
    write_rows(dataset / "claims.csv", rows)
    (dataset / "sources.csv").write_bytes((dataset / "sources.csv").read_bytes() + b"\xff\xfe")
    opened = factcheck.load_dataset(dataset, validate=False)
    assert "when_" in opened.claims.columns
    assert opened.claims["claim_id"].tolist() == data.claims["claim_id"].tolist()
    assert opened.sources["source_id"].tolist()[:-1] == data.sources["source_id"].tolist()
    assert "\ufffd" in opened.sources["source_id"].tolist()[-1]  # the bytes, shown as such
    assert {p.file for p in opened.problems if p.fatal} == {"claims.csv", "sources.csv"}


def test_a_folder_that_is_not_there_is_refused_even_unvalidated(tmp_path: Path) -> None:
    with pytest.raises(factcheck.DatasetUnreadable):
        factcheck.load_dataset(tmp_path / "absent", validate=False)


def test_repr_is_one_line_of_counts(data: factcheck.Dataset) -> None:
    counts = ", ".join(f"{s.name} {len(getattr(data, s.name))}" for s in TABLES)
    assert repr(data) == f"Dataset({str(REPO)!r}): {counts}, texts 1"
    assert "\n" not in repr(data)


def test_repr_html_is_a_small_escaped_table(tmp_path: Path) -> None:
    folder = copy_dataset(tmp_path / "<b>&'data'")
    shown = factcheck.load_dataset(folder)._repr_html_()
    assert "<b>" not in shown
    assert html.escape(str(folder)) in shown
    rows = re.findall(r"<tr><td>(\w+)</td><td>(\d+)</td>", shown)
    assert rows == [(s.name, str(len(read_rows(folder / s.file)) - 1)) for s in TABLES] + [
        ("texts", "1")
    ]


def test_when_bounds_parse_the_notation(dataset: Path) -> None:
    set_cell(dataset, "claims.csv", 2, "when", "2018-03/2019-01")
    set_cell(dataset, "claims.csv", 3, "when", "2023")
    set_cell(dataset, "claims.csv", 4, "when", "")
    data = factcheck.load_dataset(dataset)
    bounds = data.when_bounds()
    assert list(bounds.columns) == ["claim_id", "when_start", "when_end", "when_precision"]
    assert str(bounds["when_start"].dtype) == str(bounds["when_end"].dtype) == "datetime64[ns]"
    assert bounds["claim_id"].tolist() == data.claims["claim_id"].tolist()
    first, second, third = bounds.iloc[0], bounds.iloc[1], bounds.iloc[2]
    assert (first["when_start"], first["when_end"]) == (
        pd.Timestamp("2018-03-01"),
        pd.Timestamp("2019-01-31"),
    )
    assert first["when_precision"] == "month"
    assert (second["when_start"], second["when_end"]) == (
        pd.Timestamp("2023-01-01"),
        pd.Timestamp("2023-12-31"),
    )
    assert second["when_precision"] == "year"
    assert pd.isna(third["when_start"])
    assert pd.isna(third["when_end"])
    assert pd.isna(third["when_precision"])
    assert data.claims["when"].iloc[0] == "2018-03/2019-01"  # the column stays as written


def test_when_bounds_span_every_dated_claim(data: factcheck.Dataset) -> None:
    bounds = data.when_bounds()
    dated = data.claims["when"].notna().to_numpy()
    assert bounds["when_start"].notna().to_numpy().tolist() == dated.tolist()
    assert (bounds["when_start"][dated] <= bounds["when_end"][dated]).all()
    one_day = (bounds["when_precision"] == "day") & ~data.claims["when"].str.contains("/")
    assert one_day.sum() > 0
    assert (bounds["when_start"][one_day] == bounds["when_end"][one_day]).all()
    written = bounds["when_start"][one_day].dt.strftime("%Y-%m-%d")
    assert written.tolist() == data.claims["when"][one_day].tolist()


def test_original_sources_are_the_last_links(data: factcheck.Dataset) -> None:
    found = data.original_sources()
    by_claim = found.groupby("claim_id", sort=False)["source_id"].agg(list)
    assert by_claim["C0015"] == ["KP-BROADCASTER"]
    assert by_claim["C0028"] == ["US-OFFICIALS", "KR-OFFICIALS"]
    assert found[found["claim_id"] == "C0028"]["joint"].all()
    assert by_claim["C0001"] == ["CURRENTINDIA"]  # the outlet's own voice
    assert list(by_claim.index) == data.claims["claim_id"].tolist()
    last = data.claims["attribution"].str.split(" > ", regex=False).str[-1]
    last = last.str.split(" + ", regex=False)
    assert by_claim.tolist() == last.tolist()


def test_independent_publishers_are_what_the_rules_count(data: factcheck.Dataset) -> None:
    """The analyst's count and the rules' are one definition: the rules' SQL, run on the
    same evidence, finds each claim's publishers exactly."""
    import duckdb

    from factcheck.checks.rules.claims import _content_publishers

    evidence = data.evidence.astype("str").where(data.evidence.notna())
    connection = duckdb.connect()
    connection.register("evidence", evidence)
    rows = connection.execute(_content_publishers()).fetchall()
    by_rules: dict[str, set[str]] = {}
    for claim_id, who in rows:
        by_rules.setdefault(claim_id, set()).add(who)
    found = data.independent_publishers()
    assert list(found["claim_id"]) == list(data.claims["claim_id"])
    for row in found.itertuples():
        assert set(row.names) == by_rules.get(row.claim_id, set()), row.claim_id
        assert row.publishers == len(row.names)
    # a wire story carried by several sites counts as its originator (E0148, E0149: Reuters)
    names = found.set_index("claim_id").loc["C0056", "names"]
    assert "Reuters" in names
    assert not {"Yahoo News", "webjosh.com"} & set(names)
