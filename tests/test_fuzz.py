"""Property-based tests: mutate the valid dataset in every way an editor, a spreadsheet or a
broken disk could, and check what `factcheck validate` and `load_dataset` do about it.

For every mutation: no traceback and no internal error; the exit code is 0, 1 or 2, and
never 0 when the mutation certainly broke the data; every reported problem names its file,
and its row or column wherever the rule is about a row or a cell; the files are
byte-identical afterwards; and the Python API raises only the package's own exceptions.
The number of cases per test is set by the Hypothesis profile (`HYPOTHESIS_PROFILE`, default
`ci`); the closing line of each run reports what was generated.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import factcheck
from conftest import REPO, TABLE_FILES, copy_dataset, read_rows, write_rows
from factcheck.cli import main
from factcheck.model.tables import TABLES
from factcheck.reports.json_report import schema

REPORT_SCHEMA = schema()

settings.register_profile(
    "ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Problems about a whole file or a whole table have no row or column to name.
FILE_LEVEL = ("file.", "csv.", "dataset.", "xlsx.")


@dataclass(frozen=True)
class Mutation:
    """A change to one file, and whether it certainly makes the data invalid."""

    name: str
    apply: Callable[[Path], None]
    breaks: bool


def table_mutation(draw: st.DrawFn) -> Mutation:
    """Columns deleted, duplicated, renamed or reordered; rows duplicated or truncated."""
    spec = draw(st.sampled_from(TABLES))
    path_of = lambda d: d / spec.file  # noqa: E731
    rows = read_rows(REPO / spec.file)
    kind = draw(
        st.sampled_from(
            [
                "delete column",
                "duplicate column",
                "rename column",
                "reorder columns",
                "duplicate row",
                "truncate rows",
            ]
        )
    )
    column = draw(st.integers(0, len(rows[0]) - 1))
    row = draw(st.integers(1, len(rows) - 1))
    if kind == "delete column":
        changed = [r[:column] + r[column + 1 :] for r in rows]
    elif kind == "duplicate column":
        changed = [[*r, r[column]] for r in rows]
    elif kind == "rename column":
        header = [c if i != column else f"{c}_renamed" for i, c in enumerate(rows[0])]
        changed = [header, *rows[1:]]
    elif kind == "reorder columns":
        order = draw(st.permutations(range(len(rows[0]))))
        changed = [[r[i] for i in order] for r in rows]
    elif kind == "duplicate row":
        changed = [*rows[: row + 1], rows[row], *rows[row + 1 :]]
    else:  # truncate rows: some may still be valid (dropping an evidence item with a twin)
        changed = rows[:row]
    breaks = kind not in ("reorder columns", "truncate rows")
    return Mutation(f"{kind} {spec.file}", lambda d: write_rows(path_of(d), changed), breaks)


def cell_mutation(draw: st.DrawFn) -> Mutation:
    """A cell emptied, padded, retyped, lengthened, given control characters or decomposed."""
    spec = draw(st.sampled_from(TABLES))
    rows = read_rows(REPO / spec.file)
    row = draw(st.integers(1, len(rows) - 1))
    column = draw(st.integers(0, len(rows[0]) - 1))
    name = rows[0][column]
    field = spec.schema.columns[name]
    dtype = field.metadata["dtype"]
    old = rows[row][column]
    kinds = [
        "whitespace",
        "control character",
        "decomposed accent",
        "very long",
        "formula",
        "stray quote",
    ]
    if not field.nullable:
        kinds.append("empty")
    if dtype != "string":
        kinds.append("wrong type")
    kind = draw(st.sampled_from(kinds))
    if kind == "whitespace":
        value = draw(st.sampled_from([" ", "  ", "\u00a0", f" {old}", f"{old} "]))
    elif kind == "control character":
        control = draw(st.sampled_from(["\x01", "\x07", "\x1b", "\x7f", "\t", "\r", "\n"]))
        value = old[: len(old) // 2] + control + old[len(old) // 2 :]
    elif kind == "decomposed accent":
        value = unicodedata.normalize("NFD", f"{old}é")
    elif kind == "very long":
        value = old + draw(st.sampled_from(["a", "Kim ", "é"])) * draw(st.integers(10_000, 60_000))
    elif kind == "formula":
        value = draw(st.sampled_from(["=", "+", "-", "@"])) + old
    elif kind == "stray quote":
        value = old[:1] + '"' + old[1:]
    elif kind == "empty":
        value = ""
    else:
        value = draw(st.sampled_from(["abc", "1.5", "2025-13-45", "yes", "-1", "1e3"]))
    changed = [list(r) for r in rows]
    changed[row][column] = value
    # a long cell or a quote mark in free text may stay valid; the rest breaks a rule
    breaks = kind not in ("very long", "stray quote") and value != old
    return Mutation(
        f"{kind} in {spec.file} row {row + 1} {name}",
        lambda d: write_rows(d / spec.file, changed),
        breaks,
    )


def file_mutation(draw: st.DrawFn) -> Mutation:
    """A file cut mid-row, re-encoded, unbalanced, emptied, or replaced by a folder or bytes."""
    name = draw(st.sampled_from(TABLE_FILES))
    data = (REPO / name).read_bytes()
    kind = draw(
        st.sampled_from(
            [
                "cut",
                "latin-1",
                "utf-16",
                "cp1252",
                "unbalanced quote",
                "empty",
                "directory",
                "binary",
            ]
        )
    )
    if kind == "cut":
        at = draw(st.integers(1, len(data) - 2))
        content: bytes | None = data[:at]
        breaks = False  # a cut at a line end may leave a shorter, valid table
    elif kind in ("latin-1", "cp1252", "utf-16"):
        text = data.decode("utf-8")
        if kind == "latin-1":
            text = text.replace("’", "é")  # Latin-1 has no curly quote; keep a non-ASCII byte
        content = text.encode(kind)
        breaks = not is_utf8(content)
    elif kind == "unbalanced quote":
        at = draw(st.integers(0, len(data) - 1))
        content = data[:at] + b'"' + data[at:]
        breaks = False  # a quote can land where CSV reads it as harmless
    elif kind == "empty":
        content, breaks = b"", True
    elif kind == "binary":
        content = draw(st.binary(min_size=1, max_size=2000))
        breaks = True
    else:
        content, breaks = None, True

    def apply(directory: Path) -> None:
        path = directory / name
        path.unlink()
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)

    return Mutation(f"{kind} {name}", apply, breaks)


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def check(mutation: Mutation) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        directory = copy_dataset(Path(scratch) / "dataset")
        mutation.apply(directory)
        before = snapshot(directory)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["validate", "--dir", str(directory), "--format", "json"])
        assert err.getvalue() == "", mutation.name  # an internal error is printed there
        assert code in (0, 1, 2), mutation.name
        if mutation.breaks:
            assert code in (1, 2), mutation.name
        report = json.loads(out.getvalue())
        jsonschema.validate(report, REPORT_SCHEMA)  # every report, however broken the data
        for record in report["problems"]:
            assert record["file"], (mutation.name, record)
            if record["severity"] != "notice" and not record["rule"].startswith(FILE_LEVEL):
                assert record["row"] is not None or record["column"] is not None, (
                    mutation.name,
                    record,
                )
        assert snapshot(directory) == before, mutation.name
        try:
            factcheck.load_dataset(directory)
            assert code == 0, mutation.name
        except factcheck.DatasetUnreadable:
            assert code == 2, mutation.name
        except factcheck.DatasetInvalid:
            assert code == 1, mutation.name
        assert snapshot(directory) == before, mutation.name


@pytest.mark.slow
@given(st.data())
def test_table_mutations_are_reported_never_raised(data: st.DataObject) -> None:
    check(data.draw(st.composite(lambda draw: table_mutation(draw))()))


@pytest.mark.slow
@given(st.data())
def test_cell_mutations_are_reported_never_raised(data: st.DataObject) -> None:
    check(data.draw(st.composite(lambda draw: cell_mutation(draw))()))


@pytest.mark.slow
@given(st.data())
def test_file_mutations_are_reported_never_raised(data: st.DataObject) -> None:
    check(data.draw(st.composite(lambda draw: file_mutation(draw))()))


def directory_in_place(name: str) -> Mutation:
    def apply(directory: Path) -> None:
        (directory / name).unlink()
        (directory / name).mkdir()

    return Mutation(f"directory {name}", apply, breaks=True)


def header_only(name: str) -> Mutation:
    def apply(directory: Path) -> None:
        write_rows(directory / name, read_rows(directory / name)[:1])

    return Mutation(f"header only {name}", apply, breaks=True)


@pytest.mark.parametrize("name", TABLE_FILES)
def test_a_directory_in_place_of_each_file(name: str) -> None:
    check(directory_in_place(name))


@pytest.mark.parametrize("name", TABLE_FILES)
def test_each_table_cut_to_its_header(name: str) -> None:
    """Found by the fuzz: an empty claims table once kept a str dtype into a numeric rule."""
    check(header_only(name))


@pytest.mark.parametrize("strategy", [table_mutation, cell_mutation, file_mutation])
def test_every_table_is_exercised(strategy: Callable[[st.DrawFn], Mutation]) -> None:
    """Each strategy can build a mutation of every table the schema declares: none is left
    out of its sample, and none fails to build for one table's columns."""
    assert {spec.file for spec in TABLES} == set(TABLE_FILES)
    reached = settings(derandomize=True, max_examples=200, database=None)
    for file in TABLE_FILES:
        found = find(
            st.composite(strategy)(), lambda m, f=file: f in m.name.split(), settings=reached
        )
        assert file in found.name.split()
