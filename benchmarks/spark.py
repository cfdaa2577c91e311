"""Benchmark the Spark engine: its start measured apart from its work, and DuckDB beside it.

    .venv/bin/python benchmarks/spark.py [CLAIMS] [--data DIR] [--master URL] [--repeat N]

In one process, it starts Spark (the session's start, timed on its own), validates the
bundled dataset on that warm session `--repeat` times (the median is reported; each
validation has an engine of its own, closed after it, on the one Spark of the process, as
every engine of a process has), then validates CLAIMS generated claims (default 1000000;
0 skips it) on DuckDB and on Spark, and says whether both found the same problems. The
generated dataset is read from --data, or generated there if it is missing
(benchmarks/generate.py; a million claims take some 20 s). It prints a Markdown table;
it measures, it does not assert. Run it on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from factcheck.checks.engines.spark import SparkEngine
from factcheck.checks.validate import Checked, check_dataset

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def timed(directory: Path, engine: str | SparkEngine) -> tuple[float, Checked]:
    """Seconds to validate `directory` on `engine`, and what it found."""
    start = time.perf_counter()
    checked = check_dataset(directory, engine=engine, keep_tables=False)
    return time.perf_counter() - start, checked


def dataset(claims: int, data: Path | None) -> Path:
    """The folder of `claims` generated claims, generated first if it is not there."""
    folder = data or HERE / "data" / str(claims)
    if not (folder / "claims.csv").is_file():
        command = [sys.executable, str(HERE / "generate.py"), str(claims), str(folder)]
        subprocess.run(command, check=True)
    return folder


def texts(checked: Checked) -> list[str]:
    return [p.to_text() for p in checked.problems]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, help="the generated dataset's folder")
    parser.add_argument("--master", default="local[2]", help="Spark's master (%(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="bundled validations (%(default)s)")
    args = parser.parse_args()
    # Spark's Python workers import the checks too: this checkout's, not an installed copy
    source = str(REPO / "src")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))

    print("| measure | value |\n|---|---|")
    first = SparkEngine(args.master)  # starts Spark: nothing else is timed with it
    row("Spark session start", f"{first.started_in:.1f} s")
    first.close()
    timed(REPO, SparkEngine(args.master))  # Python workers started, the JVM's code warm
    bundled = [timed(REPO, SparkEngine(args.master))[0] for _ in range(args.repeat)]
    each = ", ".join(f"{s:.2f}" for s in bundled)
    median = f"{statistics.median(bundled):.2f} s (each: {each})"
    row(f"bundled dataset, warm session (median of {args.repeat})", median)
    if args.claims:
        folder = dataset(args.claims, args.data)
        duck, on_duck = timed(folder, "duckdb")
        row(f"{args.claims} claims on DuckDB", f"{duck:.1f} s")
        spark, on_spark = timed(folder, SparkEngine(args.master))
        row(f"{args.claims} claims on Spark {args.master}", f"{spark:.1f} s")
        row("Spark / DuckDB", f"{spark / duck:.1f}x")
        row("the same problems", "yes" if texts(on_duck) == texts(on_spark) else "NO")


def row(measure: str, value: str) -> None:
    """A row of the table, printed as soon as it is measured: a run takes minutes."""
    print(f"| {measure} | {value} |", flush=True)


if __name__ == "__main__":
    main()
