"""pandera's own `validate` is a path of its own through every model check: on every
fixture of the schema rules it must find what the engine finds, row for row and rule for
rule (model/failures.py reads pandera's report back as rule ids)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

import test_schemas
from catalogue import Catalogue, Checked, together
from conftest import REPO
from factcheck.checks.rules.columns import schema_rule_ids
from factcheck.model.failures import MISSING_COLUMN_RULE, Failure, NotReadable, failures
from factcheck.model.schemas import ClaimTable, SourceTable
from factcheck.model.tables import TABLES, TableSpec
from factcheck.storage.reader import parse, read_table


def pandera_found(directory: Path, spec: TableSpec) -> list[Failure] | None:
    """What pandera's `validate` of the model finds in the table, read as the one reader
    reads it; None when the reader cannot (its own problems are not a model's)."""
    frame, _, _ = read_table(directory / spec.file, spec)
    if frame is None:
        return None
    try:
        spec.model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return failures(spec.name, errors)
    return []


def engine_found(checked: Checked, spec: TableSpec) -> list[Failure]:
    """What the engine reports of the model's rules for the table, as failures."""
    rules = set(schema_rule_ids(spec))
    found = {
        Failure(p.rule, p.row, p.column)
        for p in checked.problems()
        if p.file == spec.file and p.rule in rules
    }
    return sorted(found, key=lambda f: (f.row or 0, f.rule, f.column or ""))


def column_rule_fixtures() -> dict[str, tuple[str, object]]:
    """Every fixture of the schema rules, by the name the catalogue knows it by."""
    found: dict[str, tuple[str, object]] = {
        f"schema {case.rule}": ("case", case) for case in test_schemas.CASES
    }
    for name, generated in test_schemas.generic_fixtures().items():
        found[name] = ("columns", generated)
    found["blank lines"] = ("case", test_schemas.BLANK_LINES)
    return found


FIXTURES = column_rule_fixtures()


def _checked(catalogue: Catalogue, name: str) -> Checked:
    kind, fixture = FIXTURES[name]
    if kind == "case":
        assert isinstance(fixture, test_schemas.Case)
        return catalogue.checked(name, together(fixture.edits))
    table, rule, group = fixture  # type: ignore[misc]
    return test_schemas.generic_checked(catalogue, table, rule, group)


@pytest.mark.slow  # pandera validates the tables each of 81 fixtures changed
@pytest.mark.parametrize("name", list(FIXTURES))
def test_pandera_finds_what_the_engine_finds(catalogue: Catalogue, name: str) -> None:
    checked = _checked(catalogue, name)
    compared = 0
    for spec in TABLES:
        if (checked.directory / spec.file).read_bytes() == (REPO / spec.file).read_bytes():
            # pandera passes the bundled table (the test below): so must the engine
            assert engine_found(checked, spec) == [], spec.file
            continue
        by_pandera = pandera_found(checked.directory, spec)
        if by_pandera is None:
            continue
        assert by_pandera == engine_found(checked, spec), spec.file
        compared += len(by_pandera)
    assert compared > 0  # the fixture broke a rule of some model, and both saw it


def test_the_bundled_tables_pass_as_the_docs_and_the_reader_read_them() -> None:
    """The example of docs/python.md: every cell as text, only empty cells missing; and the tables
    as the dataset's reader reads them, as the differential above does."""
    for spec in TABLES:
        spec.model.validate(parse((REPO / spec.file).read_bytes()), lazy=True)
        assert pandera_found(REPO, spec) == [], spec.file


def _errors(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pa.errors.SchemaErrors:
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        model.validate(frame, lazy=True)
    return raised.value


def _claims() -> pd.DataFrame:
    return parse((REPO / "claims.csv").read_bytes())


def test_a_column_missing_or_unknown_is_named_with_no_row() -> None:
    frame = _claims().drop(columns=["quote"]).assign(extra="x")
    assert failures("claims", _errors(ClaimTable, frame)) == [
        Failure("claims.columns.known", None, "extra"),
        Failure(MISSING_COLUMN_RULE, None, "quote"),
    ]


def test_a_cell_rule_names_each_failing_cell_and_a_row_rule_its_column() -> None:
    frame = _claims()
    frame.loc[0, ["quote", "claim"]] = [" x", " y"]
    frame.loc[3, "span_end"] = "1"
    assert failures("claims", _errors(ClaimTable, frame)) == [
        Failure("claims.claim.trimmed", 2, "claim"),
        Failure("claims.quote.trimmed", 2, "quote"),
        Failure("claims.span_end.after_start", 5, "span_end"),
    ]


def test_a_check_comparing_rows_runs_its_sql_with_its_python_functions() -> None:
    """`aliases.distinct` compares names by `names.name_key`, a Python function its SQL
    calls: pandera's DuckDB runs it too."""
    frame = parse((REPO / "sources.csv").read_bytes())
    frame.loc[1, "aliases"] = str(frame.loc[0, "name"]).upper()
    assert failures("sources", _errors(SourceTable, frame)) == [
        Failure("sources.aliases.distinct", 3, "aliases")
    ]


def test_the_python_pages_example_runs_and_reads_a_broken_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pandera example of docs/python.md, run as written in a folder whose claims.csv has
    a span that ends before it starts (row 7)."""
    page = (REPO / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    (example,) = [b for b in blocks if "ClaimTable.validate" in b]
    rows = (REPO / "claims.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    frame = _claims()
    start = str(frame.loc[5, "span_start"])
    rows[6] = rows[6].replace(f",{frame.loc[5, 'span_end']},", f",{int(start) - 1},", 1)
    (tmp_path / "claims.csv").write_text("".join(rows), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(example, {})
    assert capsys.readouterr().out == "7 span_end claims.span_end.after_start\n"


def test_a_check_that_reads_a_missing_column_says_no_more_than_the_header() -> None:
    """Without `claim`, the duplicate check cannot run: the missing column is the failure."""
    frame = _claims().drop(columns=["claim"])
    assert failures("claims", _errors(ClaimTable, frame)) == [
        Failure(MISSING_COLUMN_RULE, None, "claim")
    ]


def test_a_frame_not_read_as_text_or_not_by_position_is_refused_clearly() -> None:
    numbers = pd.read_csv(REPO / "claims.csv")  # spans read as integers
    with pytest.raises(NotReadable, match="read every cell as text"):
        failures("claims", _errors(ClaimTable, numbers))
    labelled = _claims().assign(extra="x")
    labelled.index = [f"r{i}" for i in range(len(labelled))]
    with pytest.raises(NotReadable, match="positions"):
        failures("claims", _errors(ClaimTable, labelled))
