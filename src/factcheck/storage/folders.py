"""Where the dataset's files are read from: a folder on this machine, or a remote one.

Validation reads each table's bytes on this machine, to check them as a spreadsheet shows
them and for the dialect notice, and reads each article's text; the engine reads the table
itself from where it is (`uri`), so a cluster reads it in parallel. A local folder is read
in place. A remote folder (HDFS, object storage: whatever an engine's file systems read) is
read a file at a time, each copied by the engine into a temporary file that is deleted once
read: the driver of a cluster reads a table once for the byte checks, while the cluster's
workers read it for the rules.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Literal

from factcheck import registry
from factcheck.problems import Problem
from factcheck.storage import reader

# A URI's scheme and the slash after it: `hdfs://`, `s3a://`, `file:/`. Two letters at
# least, so that a Windows drive (`C:\\`) stays a local path.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")

Kind = Literal["file", "folder"]


def is_remote(location: str) -> bool:
    """Whether `location` is a URI for an engine's file systems rather than a local path."""
    return _SCHEME.match(location) is not None


class Folder(ABC):
    """The dataset's folder: its files by name (`claims.csv`, `articles/X.txt`)."""

    location: str  # as the problems name the folder

    @abstractmethod
    def is_dir(self) -> bool:
        """Whether the folder is there."""

    @abstractmethod
    def unopenable(self, name: str, what: str) -> Problem | None:
        """Why the file `name` cannot be opened (missing, a folder, unreadable), if it cannot."""

    @abstractmethod
    def read_bytes(self, name: str, what: str) -> tuple[bytes | None, Problem | None]:
        """The file's bytes, or the fatal problem that says why there are none."""

    @abstractmethod
    def local(self, name: str) -> AbstractContextManager[Path]:
        """A local file with the bytes of `name`, for as long as the context lasts; raises
        `OSError` if they cannot be read."""

    @abstractmethod
    def uri(self, name: str) -> str:
        """Where an engine reads the file `name` from."""


class LocalFolder(Folder):
    """A folder on this machine, read in place."""

    def __init__(self, location: str | Path) -> None:
        self.root = Path(location)
        self.location = str(self.root)

    def is_dir(self) -> bool:
        return self.root.is_dir()

    def unopenable(self, name: str, what: str) -> Problem | None:
        return reader.unopenable(self.root / name, name, what)

    def read_bytes(self, name: str, what: str) -> tuple[bytes | None, Problem | None]:
        return reader.read_bytes(self.root / name, name, what)

    @contextmanager
    def local(self, name: str) -> Iterator[Path]:
        yield self.root / name

    def uri(self, name: str) -> str:
        return str(self.root / name)


class RemoteFolder(Folder):
    """A folder an engine's file systems read: a subclass says what a name is and copies a
    file here, this class does the rest."""

    def __init__(self, location: str) -> None:
        self.location = location

    @abstractmethod
    def kind(self, name: str) -> Kind | None:
        """Whether `name` (or the folder itself, for '') is a file, a folder, or absent;
        raises `OSError` if the file system cannot tell."""

    @abstractmethod
    def copy(self, name: str, target: Path) -> None:
        """Copy the file `name` to the local file `target`; raise `OSError` if it cannot."""

    def uri(self, name: str) -> str:
        return f"{self.location.rstrip('/')}/{name}" if name else self.location

    def is_dir(self) -> bool:
        try:
            return self.kind("") == "folder"
        except OSError:
            return False

    def unopenable(self, name: str, what: str) -> Problem | None:
        try:
            kind = self.kind(name)
        except OSError as error:
            return registry.problem("file.readable", name, error=error.strerror)
        if kind is None:
            return registry.problem("file.exists", name, what=what)
        if kind == "folder":
            return registry.problem("file.is_file", name, what=what)
        return None

    def read_bytes(self, name: str, what: str) -> tuple[bytes | None, Problem | None]:
        problem = self.unopenable(name, what)
        if problem is not None:
            return None, problem
        try:
            with self.local(name) as path:
                return path.read_bytes(), None
        except OSError as error:
            return None, registry.problem("file.readable", name, error=error.strerror)

    @contextmanager
    def local(self, name: str) -> Iterator[Path]:
        directory = tempfile.mkdtemp(prefix="factcheck-")
        try:
            path = Path(directory) / Path(name).name
            self.copy(name, path)
            yield path
        finally:
            shutil.rmtree(directory, ignore_errors=True)
