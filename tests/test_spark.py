"""The Spark engine finds what DuckDB finds: the same problems, for the bundled dataset, for
every rule fixture and fuzz case, and for broken copies of it; and the same rows for the SQL
it has to rewrite.

Spark needs pyspark and a Java runtime; without either, these tests are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

pytest.importorskip(
    "pyspark", reason="the spark engine needs pyspark: pip install 'factcheck-dataset[spark]'"
)

import test_folders
from catalogue import Catalogue, together
from conftest import ARTICLE_FILE, REPO, TABLE_FILES, copy_dataset, read_rows, set_cell, write_rows
from factcheck.checks.engines.base import EngineError, EngineUnavailable
from factcheck.checks.engines.duckdb import DuckDBEngine
from factcheck.checks.engines.spark import SparkEngine, java_found
from factcheck.checks.validate import check_dataset
from factcheck.problems import OMITTED
from fixture_batches import Batch, Fixture, apply, pack

if not java_found():
    pytest.skip(
        "the spark engine needs a Java runtime, 17 or later (say, Debian's "
        "openjdk-17-jre-headless): put java on the PATH or set JAVA_HOME",
        allow_module_level=True,
    )

pytestmark = pytest.mark.usefixtures("spark_jvm")  # see conftest.TEST_JVM_OPTIONS


def problems(root: Path, spark: bool) -> list[str]:
    """The problems DuckDB finds in the folder at `root`, or Spark in the same folder named
    by its URI (read as HDFS or object storage is: through Spark's Hadoop file systems)."""
    checked = (
        check_dataset(root.as_uri(), engine=SparkEngine())
        if spark
        else check_dataset(root, engine="duckdb")
    )
    return [p.to_text() for p in checked.problems]


def test_bundled_dataset_gives_the_same_problems_and_tables() -> None:
    spark = check_dataset(REPO, engine=SparkEngine())
    duck = check_dataset(REPO, engine="duckdb")
    assert [p.to_text() for p in spark.problems] == [p.to_text() for p in duck.problems]
    assert spark.tables.keys() == duck.tables.keys()
    for name, table in spark.tables.items():
        assert table.equals(duck.tables[name]), name


# Every rule fixture and fuzz case, on Spark ---------------------------------------------
# Spark takes seconds per validation however small the data, so the fixtures are packed into
# a few copies of the dataset, each checked on DuckDB to hold exactly its fixtures' problems
# (see fixture_batches).


def rule_fixtures() -> list[Fixture]:
    """The fixtures of test_rules and test_schemas, named as the catalogue knows them: each
    rule broken, and each rule every column has broken in every column of a table."""
    import test_rules
    import test_schemas

    found = [
        Fixture(f"rule {rule}", together(edits)) for rule, (edits, _) in test_rules.CASES.items()
    ]
    found += [Fixture(f"schema {case.rule}", together(case.edits)) for case in test_schemas.CASES]
    found += [
        Fixture(name, test_schemas.generic_edit(*generated))
        for name, generated in test_schemas.generic_fixtures(alone=False).items()
    ]
    return found


def fuzz_fixtures(each: int = 25) -> list[Fixture]:
    """The fuzz tests' mutations: `each` of every kind, drawn the same way on every run,
    and each table cut to its header or replaced by a folder."""
    import test_fuzz

    drawn: list[test_fuzz.Mutation] = []
    for strategy in (test_fuzz.table_mutation, test_fuzz.cell_mutation, test_fuzz.file_mutation):

        @settings(derandomize=True, database=None, max_examples=each, phases=[Phase.generate])
        @given(st.composite(strategy)())
        def draw(mutation: test_fuzz.Mutation) -> None:
            drawn.append(mutation)

        draw()
    drawn += [test_fuzz.header_only(name) for name in TABLE_FILES]
    drawn += [test_fuzz.directory_in_place(name) for name in TABLE_FILES]
    return [Fixture(f"fuzz {n} {m.name}", m.apply) for n, m in enumerate(drawn)]


def differences(batches: list[Batch], scratch: Path) -> list[str]:
    """The batches whose problems on Spark are not DuckDB's, with both lists."""
    differing = []
    for number, batch in enumerate(batches):
        root = copy_dataset(scratch / f"spark-{number}")
        apply(batch.changes, root)
        found = [p.to_text() for p in check_dataset(root, engine=SparkEngine()).problems]
        if found != batch.problems:
            differing.append(f"{batch.fixtures}:\nspark  {found}\nduckdb {batch.problems}")
    return differing


# The fuzz cases in two halves, so that two test workers can share them; the rule fixtures
# stay whole, as eight of them break the one row of articles.csv and so need eight batches.
KINDS: dict[str, Callable[[], list[Fixture]]] = {
    "rule": rule_fixtures,
    "fuzz, first half": lambda: fuzz_fixtures()[0::2],
    "fuzz, second half": lambda: fuzz_fixtures()[1::2],
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_rule_fixture_and_fuzz_case_gives_the_same_problems(
    kind: str, tmp_path: Path, catalogue: Catalogue
) -> None:
    fixtures = KINDS[kind]()
    batches = pack(fixtures, tmp_path, catalogue)
    assert sorted(n for b in batches for n in b.fixtures) == sorted(f.name for f in fixtures)
    assert differences(batches, tmp_path) == []


def _broken_cells(root: Path) -> None:
    """A broken cell for most rules of the tables and of the dataset."""
    first_id = set_cell(root, "claims.csv", 2, "claim_id", "c1")
    set_cell(root, "claims.csv", 3, "claim_id", first_id)
    set_cell(root, "claims.csv", 4, "attribution", "CURRENTINDIA > NOWHERE + ALSO-NOT > NOWHERE")
    set_cell(root, "claims.csv", 5, "quote", "Not what the article says")
    set_cell(root, "claims.csv", 6, "span_end", "999999")
    set_cell(root, "claims.csv", 7, "reviewed_on", "2024-13-01")
    set_cell(root, "claims.csv", 8, "reviewed_on", "1999-01-01")
    set_cell(root, "claims.csv", 9, "verdict", "refuted")
    set_cell(root, "claims.csv", 10, "span_start", " 12")
    set_cell(root, "claims.csv", 11, "article_id", "no-such-article")
    set_cell(root, "claims.csv", 12, "quote", "")
    set_cell(root, "claims.csv", 16, "certainty_cue", "expected > would\u2028be")
    set_cell(root, "claims.csv", 21, "attribution_cue", "said > claimed")
    set_cell(root, "sources.csv", 3, "aliases", "KCNA | Korean  central news AGENCY")
    set_cell(root, "sources.csv", 3, "country", "XX")
    set_cell(root, "sources.csv", 4, "source_id", "KCN")
    set_cell(root, "evidence.csv", 2, "published_on", "2030-01-01")
    set_cell(root, "evidence.csv", 3, "stance", "refutes")
    set_cell(root, "evidence.csv", 4, "bears_on", "attribution")
    set_cell(root, "evidence.csv", 5, "claim_id", "C9999")
    set_cell(root, "articles.csv", 2, "text_sha256", "0" * 64)
    set_cell(root, "articles.csv", 2, "language", "xx")


def _changed_text(root: Path) -> None:
    """A sentence no claim covers, and a claim whose span starts in the heading."""
    with (root / ARTICLE_FILE).open("a", encoding="utf-8") as text:
        text.write("\nA closing paragraph that no claim covers.\n")
    set_cell(root, "claims.csv", 2, "span_start", "0")


def _missing_text(root: Path) -> None:
    (root / ARTICLE_FILE).unlink()


def _odd_files(root: Path) -> None:
    """Cells only a CSV reader sees: a quoted empty cell, the text "NA", a line break in a
    quoted cell, CRLF line ends; and a row with a cell too many, which the engine refuses."""
    claims = (root / "claims.csv").read_bytes().replace(b",,", b',"",', 1)
    (root / "claims.csv").write_bytes(claims)
    set_cell(root, "sources.csv", 2, "description", "NA")
    set_cell(root, "sources.csv", 3, "description", "two\nlines")
    evidence = read_rows(root / "evidence.csv")
    evidence[3].append("one too many")
    write_rows(root / "evidence.csv", evidence)
    articles = (root / "articles.csv").read_bytes().replace(b"\n", b"\r\n")
    (root / "articles.csv").write_bytes(articles)


def _no_sources(root: Path) -> None:
    (root / "sources.csv").unlink()


def _odd_bytes(root: Path) -> None:
    """What the byte checks read from a local copy of a remote file (see test_folders), and
    a folder where the sources table should be."""
    test_folders.broken_bytes(root)
    (root / "sources.csv").unlink()
    (root / "sources.csv").mkdir()


BREAKS: dict[str, Callable[[Path], None]] = {
    "cells": _broken_cells,
    "changed text": _changed_text,
    "missing text": _missing_text,
    "odd files": _odd_files,
    "no sources": _no_sources,
    "odd bytes": _odd_bytes,
}


@pytest.mark.parametrize("name", list(BREAKS))
def test_broken_copies_give_the_same_problems(dataset: Path, name: str) -> None:
    """Spark reads each copy by its URI, as it would read one in HDFS or object storage."""
    BREAKS[name](dataset)
    expected = problems(dataset, spark=False)
    assert expected  # each break breaks something
    assert problems(dataset, spark=True) == expected


def test_a_missing_folder_at_a_uri_is_named_as_given(tmp_path: Path) -> None:
    location = (tmp_path / "nowhere").as_uri()
    checked = check_dataset(location, engine=SparkEngine())
    assert [p.to_text() for p in checked.problems] == [
        f"{location}: is not a directory: give the folder that holds the dataset's CSV files "
        "[dataset.directory]"
    ]


def test_a_scheme_spark_cannot_read_is_said_before_any_reading() -> None:
    with pytest.raises(EngineUnavailable, match='No FileSystem for scheme "nosuch"'):
        check_dataset("nosuch://host/data", engine=SparkEngine())


def test_a_limit_lists_and_counts_the_same_problems(dataset: Path) -> None:
    """Under `--limit`, each rule lists its first problems by row and counts the rest."""
    _broken_cells(dataset)
    set_cell(dataset, "claims.csv", 13, "reviewed_on", "2024-14-01")  # a second of a rule
    spark = check_dataset(dataset, limit=1, engine=SparkEngine())
    duck = check_dataset(dataset, limit=1, engine="duckdb")
    assert any(p.rule == OMITTED for p in duck.problems)
    assert [p.to_text() for p in spark.problems] == [p.to_text() for p in duck.problems]
    assert spark.total == duck.total


# The engine itself ----------------------------------------------------------------------


@pytest.fixture
def engines() -> Iterator[tuple[SparkEngine, DuckDBEngine]]:
    spark, duck = SparkEngine(), DuckDBEngine()
    yield spark, duck
    spark.close()
    duck.close()


def test_csv_cells_are_text_numbered_by_spreadsheet_row(
    engines: tuple[SparkEngine, DuckDBEngine], tmp_path: Path
) -> None:
    path = tmp_path / "cells.csv"
    path.write_bytes(b'a,b\nx,""\n,NA\n"two\nlines",None\n" y ",null\n')
    for engine in engines:
        engine.load_csv("cells", path, ["a", "b"])
    spark, duck = (e.query("SELECT * FROM cells ORDER BY _row") for e in engines)
    assert spark == duck
    assert spark[0] == {"_row": 2, "a": "x", "b": None}
    assert [row["_row"] for row in spark] == [2, 3, 4, 5]
    assert engines[0].frame("cells").equals(engines[1].frame("cells"))


def test_a_malformed_csv_is_an_engine_error(
    engines: tuple[SparkEngine, DuckDBEngine], tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\nx,y\nx,y,z\n")
    with pytest.raises(EngineError):
        engines[0].load_csv("bad", path, ["a", "b"])


def test_a_file_not_utf8_is_an_engine_error(
    engines: tuple[SparkEngine, DuckDBEngine], tmp_path: Path
) -> None:
    """Spark's reader would read a Latin-1 é as U+FFFD and say nothing: the loading falls
    back to the dataset's reader, which says where the byte is."""
    path = tmp_path / "latin.csv"
    path.write_bytes("a,b\nx,caf\u00e9\n".encode("latin-1"))
    for engine in engines:
        with pytest.raises(EngineError):
            engine.load_csv("latin", path, ["a", "b"])


def _load_records(engines: tuple[SparkEngine, DuckDBEngine], **tables: pa.Table) -> None:
    for engine in engines:
        for name, table in tables.items():
            engine.load_records(name, table)


# Queries in DuckDB's SQL that sqlglot alone does not translate for Spark (see `_rewrite`).
REWRITTEN = {
    "asof join": (
        "SELECT g.id, p.start FROM g ASOF LEFT JOIN p ON p.k = g.k AND g.at >= p.start "
        "ORDER BY g.id"
    ),
    "strict asof join": (
        "SELECT g.id, p.start FROM g ASOF LEFT JOIN p ON g.k = p.k AND p.start < g.at ORDER BY g.id"
    ),
    "numbered unnest": (
        "SELECT id, item, ordinal FROM (SELECT id, unnest(string_split(s, ' > ')) AS item, "
        "generate_subscripts(string_split(s, ' > '), 1) AS ordinal FROM t) ORDER BY id, ordinal"
    ),
    "ordered string_agg": (
        "SELECT id, string_agg(item, ', ' ORDER BY item DESC) AS items FROM "
        "(SELECT id, unnest(string_split(s, ' > ')) AS item FROM t) GROUP BY id ORDER BY id"
    ),
    "line breaks and $": (
        r"SELECT id, regexp_matches(s, '^a\n?$') AS whole, regexp_matches(s, 'a.b') AS dot "
        "FROM t ORDER BY id"
    ),
}


@pytest.mark.parametrize("name", list(REWRITTEN))
def test_rewritten_sql_gives_duckdbs_rows(
    engines: tuple[SparkEngine, DuckDBEngine], name: str
) -> None:
    _load_records(
        engines,
        t=pa.table(
            {
                "id": [1, 2, 3, 4, 5],
                "s": ["a > b > a", "a\n", "a\u2028", "a\rb", None],
            }
        ),
        g=pa.table({"id": [1, 2, 3, 4], "k": ["x", "x", "x", "y"], "at": [0, 5, 12, 3]}),
        p=pa.table({"k": ["x", "x", "x", "y"], "start": [1, 5, 10, 7]}),
    )
    spark, duck = (engine.query(REWRITTEN[name]) for engine in engines)
    assert spark == duck


def test_python_checks_get_arrow_text_cells_with_null_for_null(
    engines: tuple[SparkEngine, DuckDBEngine],
) -> None:
    def starts_with_a(cells: Any) -> Any:
        # what every engine gives a check: one Arrow array of text, null for NULL; a failed
        # assertion fails the query. (Defined here, Spark's workers get the function itself.)
        assert isinstance(cells, pa.Array)
        assert cells.type == pa.string()
        assert cells.null_count == cells.to_pylist().count(None)
        return pc.or_(pc.is_null(cells), pc.starts_with(cells, "a"))

    _load_records(engines, t=pa.table({"_row": [2, 3, 4], "s": ["ab", None, "ba"]}))
    for engine in engines:
        engine.register("fc_starts_with_a", starts_with_a, None)
    query = "SELECT _row FROM t WHERE NOT fc_starts_with_a(s) ORDER BY _row"
    assert engines[0].query(query) == engines[1].query(query) == [{"_row": 4}]
