"""A real standalone Spark cluster, a master and a worker on 127.0.0.1, started with
pyspark's own `bin/spark-class`: `factcheck validate --master spark://...` runs its queries
on the worker's executors and finds what DuckDB finds, for the bundled dataset and for
broken copies of it (tests/test_spark.py's).

The driver runs in a process of its own: one process has one SparkContext, and this test
process may have started a local one for another module. Spark needs pyspark and a Java
runtime; without either, these tests are skipped.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "pyspark", reason="the spark engine needs pyspark: pip install 'factcheck-dataset[spark]'"
)

import pyspark

import factcheck
from conftest import REPO, copy_dataset
from factcheck.checks.engines.spark import java_found
from factcheck.checks.validate import check_dataset

if not java_found():
    pytest.skip(
        "the spark engine needs a Java runtime, 17 or later (say, Debian's "
        "openjdk-17-jre-headless): put java on the PATH or set JAVA_HOME",
        allow_module_level=True,
    )

# marked as conftest marks the other Spark files (SYSTEM_PROGRAMS)
pytestmark = [pytest.mark.slow, pytest.mark.spark, pytest.mark.usefixtures("spark_jvm")]

SPARK_HOME = Path(pyspark.__file__).parent
START_TIMEOUT = 120  # seconds for the worker to register, on a loaded machine
# A driver that validates each folder it is given on the cluster, and prints the problems.
DRIVER = """
import json, sys
from factcheck.checks.engines.spark import SparkEngine
from factcheck.checks.validate import check_dataset
found = {}
for location in sys.argv[2:]:
    checked = check_dataset(location, engine=SparkEngine(sys.argv[1]), keep_tables=False)
    found[location] = [p.to_text() for p in checked.problems]
print(json.dumps(found))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment() -> dict[str, str]:
    """The cluster's and the driver's: this interpreter for every Python worker, and this
    checkout's factcheck first on its path (the executors import the checks from it)."""
    source = str(Path(factcheck.__file__).resolve().parents[1])
    path = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    return {
        **os.environ,
        "SPARK_HOME": str(SPARK_HOME),
        "PYSPARK_PYTHON": sys.executable,
        "PYTHONPATH": path,
    }


def alive_workers(web_ui: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{web_ui}/json/", timeout=5) as answer:
            return int(json.load(answer).get("aliveworkers", 0))
    except (OSError, ValueError):  # not listening yet
        return 0


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a master with one worker of two cores registered; both stopped after."""
    scratch = tmp_path_factory.mktemp("spark-cluster")
    port, master_ui, worker_ui = free_port(), free_port(), free_port()
    url = f"spark://127.0.0.1:{port}"
    spark_class = str(SPARK_HOME / "bin" / "spark-class")
    commands = {
        "master": [
            *(spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1"),
            *("--port", str(port), "--webui-port", str(master_ui)),
        ],
        "worker": [
            *(spark_class, "org.apache.spark.deploy.worker.Worker", url, "--host", "127.0.0.1"),
            *("--cores", "2", "--memory", "2g", "--webui-port", str(worker_ui)),
            *("--work-dir", str(scratch / "work")),
        ],
    }
    started: list[subprocess.Popen[bytes]] = []
    try:
        for name, command in commands.items():
            with (scratch / f"{name}.log").open("wb") as log:
                process = subprocess.Popen(
                    command, stdout=log, stderr=subprocess.STDOUT, env=environment()
                )
            started.append(process)
        deadline = time.monotonic() + START_TIMEOUT
        while alive_workers(master_ui) < 1:
            if time.monotonic() > deadline or any(p.poll() is not None for p in started):
                logs = {n: (scratch / f"{n}.log").read_text(errors="replace") for n in commands}
                pytest.fail(f"the cluster did not start: {logs}")
            time.sleep(1)
        yield url
    finally:
        for process in reversed(started):
            stop(process)


def test_the_cli_validates_the_bundled_dataset_on_the_cluster(master: str) -> None:
    assert [p.to_text() for p in check_dataset(REPO).problems] == []
    run = subprocess.run(
        [
            *(sys.executable, "-m", "factcheck", "validate", "--engine", "spark"),
            *("--master", master, "--dir", REPO.as_uri()),
        ],
        capture_output=True,
        env=environment(),
        timeout=600,
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-3000:]


def test_broken_copies_give_duckdbs_problems_on_the_cluster(master: str, tmp_path: Path) -> None:
    from test_spark import BREAKS

    expected = {}
    for name, breaking in BREAKS.items():
        root = copy_dataset(tmp_path / name.replace(" ", "-"))
        breaking(root)
        expected[root.as_uri()] = [p.to_text() for p in check_dataset(root).problems]
    assert all(expected.values())  # each break breaks something
    run = subprocess.run(
        [sys.executable, "-c", DRIVER, master, *expected],
        capture_output=True,
        env=environment(),
        timeout=1200,
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-3000:]
    assert json.loads(run.stdout) == expected
