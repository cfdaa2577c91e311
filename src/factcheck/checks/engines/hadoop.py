"""The files Spark reads, wherever they are: through the Hadoop file systems of its JVM.

A location such as `hdfs://namenode/data/factcheck` or `s3a://bucket/factcheck` is read
with the same client, configuration and credentials as Spark's CSV reader reads the tables
(`spark.hadoop.*` settings, `HADOOP_CONF_DIR`), so validation reads every path Spark can.
The driver's JVM copies a file to a local temporary file in one call: bytes passed one call
at a time through Spark's Python bridge travel at some 10 MB/s (measured), a copy by the
JVM at the speed of the disk and the network.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from factcheck.checks.engines.base import EngineUnavailable
from factcheck.storage.folders import Kind, RemoteFolder

try:
    from py4j.protocol import Py4JJavaError  # type: ignore[import-untyped, unused-ignore]
    from pyspark.sql import SparkSession
except ImportError as error:  # pragma: no cover - depends on what is installed
    raise ImportError(
        "the spark engine needs pyspark 4: pip install 'factcheck-dataset[spark]'"
    ) from error


class HadoopFolder(RemoteFolder):
    """A folder at a URI that Spark's Hadoop file systems read."""

    def __init__(self, location: str, spark: SparkSession) -> None:
        super().__init__(location)
        context = spark.sparkContext
        self._path = context._jvm.org.apache.hadoop.fs.Path  # type: ignore[union-attr, attr-defined, unused-ignore]
        try:
            self._fs = self._path(location).getFileSystem(context._jsc.hadoopConfiguration())  # type: ignore[union-attr, unused-ignore]
        except Py4JJavaError as error:  # a scheme no file system on the class path serves
            message = f"{location}: Spark cannot read it: {_message(error)}"
            raise EngineUnavailable(message) from error

    def kind(self, name: str) -> Kind | None:
        path = self._path(self.uri(name))
        try:
            if not self._fs.exists(path):
                return None
            return "folder" if self._fs.getFileStatus(path).isDirectory() else "file"
        except Py4JJavaError as error:
            raise OSError(errno.EIO, _message(error)) from error

    def copy(self, name: str, target: Path) -> None:
        local = self._path(target.resolve().as_uri())
        try:
            # keep the source; the raw local file system writes no checksum file beside it
            self._fs.copyToLocalFile(False, self._path(self.uri(name)), local, True)
        except Py4JJavaError as error:
            raise OSError(errno.EIO, _message(error)) from error


def _message(error: Any) -> str:
    """The Java exception's own message, without the Python bridge's stack trace."""
    java = error.java_exception
    return f"{java.getClass().getSimpleName()}: {java.getMessage()}"
