"""storage/folders.py: a folder read in place, and a remote one read through local copies,
give validation the same bytes, the same problems, and nothing left behind."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from conftest import ARTICLE_FILE, REPO
from factcheck.checks.engines.base import EngineUnavailable
from factcheck.checks.engines.duckdb import DuckDBEngine
from factcheck.checks.loading import load_table
from factcheck.checks.validate import check_dataset
from factcheck.model.tables import spec_named
from factcheck.storage.folders import Folder, Kind, LocalFolder, RemoteFolder, is_remote


class Mirror(RemoteFolder):
    """A local directory read as a remote folder is: through `kind` and `copy` alone. It
    counts the copies it makes, and fails to copy the names in `failing`."""

    def __init__(self, root: Path, failing: tuple[str, ...] = ()) -> None:
        super().__init__(f"mirror://{root}")
        self.root, self.failing = root, failing
        self.copies: list[Path] = []

    def kind(self, name: str) -> Kind | None:
        path = self.root / name
        if not path.exists():
            return None
        return "folder" if path.is_dir() else "file"

    def copy(self, name: str, target: Path) -> None:
        if name in self.failing:
            raise OSError(errno.EIO, "the connection was reset")
        shutil.copyfile(self.root / name, target)
        self.copies.append(target)

    def uri(self, name: str) -> str:
        return str(self.root / name)  # DuckDB reads the file where it is


class MirrorEngine(DuckDBEngine):
    """DuckDB given a `Mirror` of the folder: the path validation takes for a remote one."""

    def __init__(self) -> None:
        super().__init__()
        self.mirror: Mirror | None = None

    def folder(self, location: str) -> Folder:
        self.mirror = Mirror(Path(location))
        return self.mirror


@pytest.mark.parametrize(
    ("location", "remote"),
    [
        ("hdfs://namenode:8020/data/factcheck", True),
        ("s3a://bucket/factcheck", True),
        ("file:/srv/factcheck", True),
        ("/srv/factcheck", False),
        ("factcheck", False),
        ("C:\\data\\factcheck", False),
        ("C:/data/factcheck", False),
        ("notes:v2", False),
    ],
)
def test_a_uri_is_remote_and_a_path_is_not(location: str, remote: bool) -> None:
    assert is_remote(location) is remote


def test_a_local_folder_reads_in_place(dataset: Path) -> None:
    folder = LocalFolder(dataset)
    assert folder.is_dir()
    with folder.local("claims.csv") as path:
        assert path == dataset / "claims.csv"
    assert folder.read_bytes("claims.csv", "CSV file") == (path.read_bytes(), None)
    problem = folder.unopenable("articles", "CSV file")
    assert problem is not None
    assert problem.to_text() == "articles: is a directory, not a CSV file [file.is_file]"


def test_a_remote_folder_reads_through_copies_it_deletes(dataset: Path) -> None:
    folder = Mirror(dataset)
    assert folder.is_dir()
    assert not Mirror(dataset / "nowhere").is_dir()
    assert folder.read_bytes(ARTICLE_FILE, "article text") == (
        (dataset / ARTICLE_FILE).read_bytes(),
        None,
    )
    with folder.local("claims.csv") as path:
        assert path.read_bytes() == (dataset / "claims.csv").read_bytes()
    assert not path.exists()
    assert not path.parent.exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing.csv", "missing.csv: is missing: the dataset needs this CSV file [file.exists]"),
        ("articles", "articles: is a directory, not a CSV file [file.is_file]"),
    ],
)
def test_a_remote_name_that_is_no_file_says_so(dataset: Path, name: str, expected: str) -> None:
    problem = Mirror(dataset).unopenable(name, "CSV file")
    assert problem is not None
    assert problem.to_text() == expected


def test_a_remote_file_that_cannot_be_copied_is_unreadable_not_an_error(dataset: Path) -> None:
    folder = Mirror(dataset, failing=("sources.csv", ARTICLE_FILE))
    columns, problems = load_table(DuckDBEngine(), folder, spec_named("sources"))
    assert columns is None
    assert [p.to_text() for p in problems] == [
        "sources.csv: cannot be read: the connection was reset [file.readable]"
    ]
    data, problem = folder.read_bytes(ARTICLE_FILE, "article text")
    assert data is None
    assert problem is not None
    assert problem.rule == "file.readable"


def broken_bytes(root: Path) -> None:
    """What a local copy must carry to the byte checks: a byte-order mark and CRLF line
    ends, an empty line between records, a cell that is not UTF-8, a missing text."""
    claims = (root / "claims.csv").read_bytes()
    (root / "claims.csv").write_bytes(b"\xef\xbb\xbf" + claims.replace(b"\n", b"\r\n"))
    evidence = (root / "evidence.csv").read_bytes().split(b"\n")
    (root / "evidence.csv").write_bytes(b"\n".join([*evidence[:3], b"", *evidence[3:]]))
    sources = (root / "sources.csv").read_bytes()
    (root / "sources.csv").write_bytes(sources.replace(b"Korea", b"Kor\xe9a", 1))
    (root / ARTICLE_FILE).unlink()


def test_a_remote_folder_gives_the_problems_of_the_same_folder_read_in_place(
    dataset: Path,
) -> None:
    broken_bytes(dataset)
    expected = [p.to_text() for p in check_dataset(dataset, engine="duckdb").problems]
    assert len(expected) > 5
    engine = MirrorEngine()
    assert [p.to_text() for p in check_dataset(dataset, engine=engine).problems] == expected
    assert engine.mirror is not None
    assert len(engine.mirror.copies) == 4  # each table once; the missing text not at all
    assert not any(path.exists() for path in engine.mirror.copies)


def test_an_engine_that_reads_local_folders_refuses_a_uri() -> None:
    with pytest.raises(EngineUnavailable, match="reads folders on this machine"):
        check_dataset(REPO.as_uri(), engine="duckdb")
