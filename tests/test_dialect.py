"""The canonical CSV dialect: what it is, and how departures from it are named."""

from __future__ import annotations

import mmap
import os
import random
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, read_rows, write_rows
from factcheck.model.tables import TABLES
from factcheck.storage import dialect
from factcheck.storage.reader import parse

SOURCES = next(spec for spec in TABLES if spec.name == "sources")


def test_natural_order_reads_numbers_as_numbers() -> None:
    ids = ["C10000", "C0002", "C9999", "KP-STATE-MEDIA", "KCNA", "E0010", "E0009"]
    assert sorted(ids, key=dialect.natural_key) == [
        "C0002",
        "C9999",
        "C10000",
        "E0009",
        "E0010",
        "KCNA",
        "KP-STATE-MEDIA",
    ]


@pytest.mark.parametrize("spec", TABLES, ids=[spec.name for spec in TABLES])
def test_committed_files_are_canonical(spec: object) -> None:
    data = (REPO / spec.file).read_bytes()
    assert dialect.canonical(spec, parse(data.decode("utf-8"))) == data
    assert not data.startswith(dialect.BOM)
    assert b"\r" not in data
    assert data.endswith(b"\n")
    assert not data.endswith(b"\n\n")


def test_quotes_only_where_a_cell_needs_them() -> None:
    table = [["a", "b"], ["plain", 'has, comma and "quotes"']]
    assert dialect.render(table) == b'a,b\nplain,"has, comma and ""quotes"""\n'


def departures(path: Path, data: bytes) -> list[str]:
    path.write_bytes(data)
    return dialect.differences(data, SOURCES, parse(data.decode("utf-8-sig")))


def test_each_departure_is_named(tmp_path: Path) -> None:
    path = tmp_path / "sources.csv"
    original = (REPO / "sources.csv").read_bytes()
    assert departures(path, original) == []
    assert departures(path, dialect.BOM + original) == ["a byte-order mark"]
    assert departures(path, original.replace(b"\n", b"\r\n")) == ["CRLF line endings"]
    assert departures(path, original + b"\n\n") == ["empty lines at the end"]
    rows = read_rows(REPO / "sources.csv")
    write_rows(path, [rows[0], *reversed(rows[1:])])
    assert departures(path, path.read_bytes()) == ["rows out of order"]
    write_rows(path, [[r[1], r[0], *r[2:]] for r in rows])
    assert departures(path, path.read_bytes()) == ["columns out of order"]
    quoted = (
        b"\n".join(b",".join(b'"' + cell.encode() + b'"' for cell in row) for row in rows) + b"\n"
    )
    assert departures(path, quoted) == ["quotes around cells that need none"]


@pytest.mark.parametrize(
    "keys",
    [
        ["C0001", "C0002", "C9999", "C10000"],
        ["C0002", "C0001"],
        ["C10000", "C9999"],
        ["C1", "C01"],
        ["C01", "C1"],
        ["C0010", "C010"],
        ["C1", "B01"],
        ["B01", "C1"],
        ["A9", "B10", "B9"],
        ["KCNA", "KP-STATE-MEDIA", "YONHAP"],
        ["YONHAP", "KCNA"],
        [],
    ],
)
def test_order_check_agrees_with_sorting(keys: list[str]) -> None:
    series = pd.Series(keys, dtype="str")
    assert dialect.is_in_order(series) == (dialect._natural_order(series) == list(range(len(keys))))


def variants(original: bytes) -> list[bytes]:
    """Spellings of one table that a spreadsheet or a hand edit might save."""
    lines = original.split(b"\n")
    body = original.rstrip(b"\n")
    return [
        original,
        dialect.BOM + original,
        original.replace(b"\n", b"\r\n"),
        body,
        original + b"\n",
        b"\n".join([lines[0], *reversed(lines[1:-1])]) + b"\n",
        original.replace(b"\nKCNA,", b'\n"KCNA",'),
        original.replace(b"KCNA", b'KC"NA'),
        original.replace(b"KCNA", b'"KC,NA"'),
        original.replace(b"Central News Agency,", b'"Central,News" Agency,'),
        original.replace(b",publisher,", b',"publisher",', 1),
        original.replace(b"KCNA,", b'"KCNA"",""x",', 1),
        original.replace(b"KCNA", b'"KCNA"'),
        original.replace(b"\n", b"\r"),
    ]


def test_departures_found_exactly_when_bytes_differ_from_canonical(tmp_path: Path) -> None:
    original = (REPO / "sources.csv").read_bytes()
    for data in variants(original):
        try:
            frame = parse(data.decode("utf-8-sig"))
        except Exception:
            continue  # unparseable text is the reader's to report
        if not set(SOURCES.columns) <= set(frame.columns):
            continue  # a missing column is the schema's to report
        canonical = dialect.canonical(SOURCES, frame)
        assert (dialect.differences(data, SOURCES, frame) == []) == (data == canonical), data[:80]


def test_a_rewritten_file_keeps_its_permissions_and_a_new_one_follows_the_umask(
    tmp_path: Path,
) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"old\n")
    kept.chmod(0o640)
    dialect.write_atomically(kept, b"new\n")
    assert (kept.read_bytes(), kept.stat().st_mode & 0o777) == (b"new\n", 0o640)
    mask = os.umask(0o022)
    try:
        dialect.write_atomically(tmp_path / "new.csv", b"x\n")
    finally:
        os.umask(mask)
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    "keys",
    [
        ["C0001", "C0002", "C9999", "C10000", "C10001"],
        ["C0001", "C0003", "C0002"],
        ["C9999", "C10000", "C0002"],
        ["E0001", "C0002"],
        ["a-1", "a-2", "a-10", "b"],
        ["b", "a-10"],
        ["C0001", "C0001"],
        ["KCNA", "YONHAP", "AP"],
        [],
    ],
)
def test_keys_read_in_chunks_are_in_order_exactly_when_read_whole(keys: list[str]) -> None:
    whole = _sorted_naturally(keys)
    assert dialect.is_in_order(pd.Series(keys, dtype="str")) == whole
    for size in range(1, len(keys) + 1):
        chunks = [pd.Series(keys[at : at + size], dtype="str") for at in range(0, len(keys), size)]
        assert dialect.chunks_in_order(chunks) == whole, (keys, size)


def _sorted_naturally(keys: list[str | None]) -> bool:
    """The definition: keys are in order when sorting them naturally leaves them as they are."""
    return dialect._natural_order(pd.Series(keys, dtype="str")) == list(range(len(keys)))


def test_the_order_read_in_chunks_is_the_order_sorting_gives_whatever_the_chunks() -> None:
    # ids padded and not, other prefixes, keys that are no ids, and missing keys, in random
    # sequences cut at random places (an engine's batches vary in size from run to run)
    pool = ["C0001", "C0002", "C01", "C1", "C10", "C0010", "C9999", "C10000", "E0001",
            "a", "b-1", "b-01", "b-2", "", None, "KCNA", "C", "10"]  # fmt: skip
    chance = random.Random(26)
    for _ in range(3_000):
        keys = chance.choices(pool, k=chance.randint(1, 7))
        if chance.random() < 0.5:  # sorted sequences, so that "in order" is often the answer
            keys = [keys[i] for i in dialect._natural_order(pd.Series(keys, dtype="str"))]
        cuts = sorted(chance.sample(range(1, len(keys) + 1), chance.randint(0, len(keys))))
        chunks = [
            pd.Series(keys[a:b], dtype="str")
            for a, b in zip([0, *cuts], [*cuts, len(keys)], strict=True)
        ]
        assert dialect.chunks_in_order(chunks) == _sorted_naturally(keys), (keys, cuts)


def test_quoted_cells_and_finds_read_in_windows_are_those_of_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # windows of a few bytes, so that cells, quotes and empty lines straddle their edges
    pieces = [b"a", b",", b"\n", b"\r\n", b'"x,y"', b'"q""r"', b'"line\nbreak"', b'""', b'"', b"zz"]
    chance = random.Random(26)
    for width in (1, 2, 3, 5, 8):
        monkeypatch.setattr(dialect, "WINDOW", width)
        for _ in range(300):
            data = b"".join(chance.choices(pieces, k=chance.randint(0, 12)))
            path = tmp_path / "t.csv"
            path.write_bytes(data or b"x")
            with (
                path.open("rb") as handle,
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped,
            ):
                whole = bytes(mapped)
                assert list(dialect.quoted_cells(mapped)) == dialect._QUOTED.findall(whole), whole
                for sub in (b'"', b"\r\n", b"\n\n"):
                    assert dialect.find(mapped, sub) == whole.find(sub), (whole, sub)
