"""checks/engines/hadoop.py: a folder read through Spark's Hadoop file systems, here by its
`file:` URI (HDFS and object storage are read by the same calls).

It needs pyspark and a Java runtime; without either, these tests are skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip(
    "pyspark", reason="the spark engine needs pyspark: pip install 'factcheck-dataset[spark]'"
)

from conftest import ARTICLE_FILE
from factcheck.checks.engines.hadoop import HadoopFolder
from factcheck.checks.engines.spark import SparkEngine, java_found

if not java_found():
    pytest.skip(
        "the spark engine needs a Java runtime, 17 or later (say, Debian's "
        "openjdk-17-jre-headless): put java on the PATH or set JAVA_HOME",
        allow_module_level=True,
    )

pytestmark = pytest.mark.usefixtures("spark_jvm")  # see conftest.TEST_JVM_OPTIONS


@pytest.fixture
def folder(dataset: Path) -> HadoopFolder:
    found = SparkEngine().folder(dataset.as_uri())
    assert isinstance(found, HadoopFolder)
    return found


def test_names_are_files_folders_or_absent(folder: HadoopFolder) -> None:
    assert folder.is_dir()
    assert folder.kind("claims.csv") == "file"
    assert folder.kind("articles") == "folder"
    assert folder.kind("nothing.csv") is None


def test_a_copy_holds_the_files_bytes_and_is_deleted_after(
    folder: HadoopFolder, dataset: Path
) -> None:
    with folder.local(ARTICLE_FILE) as path:
        assert path.read_bytes() == (dataset / ARTICLE_FILE).read_bytes()
        assert list(path.parent.iterdir()) == [path]  # no checksum file beside it
    assert not path.parent.exists()


def test_a_file_that_cannot_be_copied_is_an_os_error_with_javas_reason(
    folder: HadoopFolder, tmp_path: Path
) -> None:
    with pytest.raises(OSError, match=r"FileNotFoundException: File .*nothing\.csv does not exist"):
        folder.copy("nothing.csv", tmp_path / "copy.csv")


def test_a_local_path_is_read_in_place(dataset: Path) -> None:
    assert not isinstance(SparkEngine().folder(str(dataset)), HadoopFolder)
