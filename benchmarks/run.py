"""Benchmark `factcheck validate` against a bare pandas parse and against frictionless.

    .venv/bin/python benchmarks/run.py [SIZE ...] [--data DIR] [--frictionless-timeout S]

For each size (claims; default 1000 100000 1000000) it generates a synthetic dataset once
(benchmarks/generate.py, kept under --data for later runs), then runs, each in a fresh
process and measured from start to exit: `factcheck validate` with every rule (on DuckDB);
a bare pandas parse of the same CSV files, every cell as text, with pandas' C engine and
with its Arrow engine (the floor); and the frictionless library validating the same data
package (the peer). `--spark N` adds the Spark engine in local mode at N claims. It
prints a Markdown table of wall time and peak memory (maximum resident set size), the
ratios the targets are stated in, and a cold start of `factcheck validate` on the bundled
dataset. Run it on an idle machine; it measures, it does not assert.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TABLES = ("articles.csv", "sources.csv", "claims.csv", "evidence.csv")

PARSE = """
import sys, pandas as pd
for name in {tables!r}:
    pd.read_csv(sys.argv[1] + "/" + name, dtype=str, keep_default_na=False, na_values=[""],
                skip_blank_lines=False, engine={engine!r})
"""
FRICTIONLESS = """
import sys
from frictionless import validate
report = validate(sys.argv[1] + "/datapackage.json")
sys.exit(0 if report.valid else 1)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    code: int | None  # None: stopped at the timeout


def measure(command: list[str], timeout: float | None = None, output: Path | None = None) -> Run:
    """Wall time and peak RSS of one process, from start to exit; its standard output goes
    to `output` if given."""
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(output.open("wb")) if output else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)  # reaped here
                return Run(time.perf_counter() - start, usage.ru_maxrss / 1024, process.returncode)
            if deadline is not None and time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = os.waitstatus_to_exitcode(status)
                return Run(time.perf_counter() - start, usage.ru_maxrss / 1024, None)
            time.sleep(0.02)


def dataset(size: int, root: Path) -> Path:
    target = root / str(size)
    if not (target / "evidence.csv").exists():
        print(f"generating {size:,} claims in {target} …", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(size), str(target)], check=True
        )
    return target


def csv_bytes(directory: Path) -> int:
    return sum((directory / name).stat().st_size for name in TABLES)


def row(size: int, directory: Path, timeout: float) -> str:
    python = sys.executable
    validate = measure([python, "-m", "factcheck", "validate", "--dir", str(directory)])
    parse = measure([python, "-c", PARSE.format(tables=TABLES, engine="c"), str(directory)])
    arrow = measure([python, "-c", PARSE.format(tables=TABLES, engine="pyarrow"), str(directory)])
    peer = measure([python, "-c", FRICTIONLESS, str(directory)], timeout=timeout)
    total = csv_bytes(directory)
    peer_time = f"{peer.seconds:.1f}" if peer.code is not None else f">{timeout:.0f} (stopped)"
    speedup = peer.seconds / validate.seconds
    return (
        f"| {size:,} | {total / 2**20:,.0f} | {validate.seconds:.2f} | {validate.peak_mib:,.0f} "
        f"| {parse.seconds:.2f} | {parse.peak_mib:,.0f} | {arrow.seconds:.2f} "
        f"| {peer_time} | {peer.peak_mib:,.0f} "
        f"| {validate.seconds / parse.seconds:.2f}× | {validate.seconds / arrow.seconds:.2f}× "
        f"| {'≥' if peer.code is None else ''}{speedup:.1f}× "
        f"| {validate.peak_mib * 2**20 / total:.2f}× |"
        + ("" if validate.code == 0 else f" validate exited {validate.code} |")
    )


def spark_row(size: int, directory: Path, master: str) -> str:
    """`factcheck validate --engine spark` in local mode, start to exit (the JVM's start
    included), beside the embedded engine's time of the same run's table."""
    command = [sys.executable, "-m", "factcheck", "validate", "--dir", str(directory)]
    spark = measure([*command, "--engine", "spark", "--master", master])
    return (
        f"Spark local mode (`--engine spark --master {master}`), {size:,} claims: "
        f"{spark.seconds:.1f} s, peak {spark.peak_mib:,.0f} MiB of the Python process "
        f"(the JVM's memory is not counted); exit code {spark.code}."
    )


def cold_start(runs: int = 7) -> str:
    times = [
        measure([sys.executable, "-m", "factcheck", "validate", "--dir", str(REPO)]).seconds
        for _ in range(runs)
    ]
    return (
        f"Cold `factcheck validate` of the bundled dataset, process start to exit, "
        f"{runs} runs: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f})."
    )


def broken_copy(directory: Path, rows: list[int]) -> Path:
    """A copy of a generated dataset with `certainty` set to a value outside its vocabulary
    in the given spreadsheet rows of claims.csv (generated records are one line each); the
    other files are linked, not copied."""
    target = directory.with_name(f"{directory.name}-broken")
    target.mkdir(exist_ok=True)
    for name in ("articles", "articles.csv", "sources.csv", "evidence.csv"):
        link = target / name
        if not link.exists():
            link.symlink_to(directory / name)
    wanted = set(rows)
    with (
        (directory / "claims.csv").open(encoding="utf-8", newline="") as source,
        (target / "claims.csv").open("w", encoding="utf-8", newline="") as copy,
    ):
        header = source.readline()
        column = next(csv.reader([header])).index("certainty")
        copy.write(header)
        for number, line in enumerate(source, start=2):
            if number in wanted:
                cells = next(csv.reader([line]))
                cells[column] = "maybe"
                csv.writer(copy, lineterminator="\n").writerow(cells)
            else:
                copy.write(line)
    return target


def bounded(size: int, root: Path) -> None:
    """Validate `size` claims with two rows broken, one near each end, and show
    that both are found alike and what memory the run took."""
    rows = [10, size - min(1_000, size // 10)]
    directory = broken_copy(dataset(size, root), rows)
    report = directory / "report.txt"
    run = measure(
        [sys.executable, "-m", "factcheck", "validate", "--dir", str(directory)], output=report
    )
    total = csv_bytes(directory)
    print(
        f"Bounded memory: {size:,} claims ({total / 2**30:.1f} GiB of CSV) validated "
        f"in {run.seconds:,.0f} s with a peak of {run.peak_mib:,.0f} MiB; exit code {run.code}. "
        f"Rows {rows[0]:,} and {rows[1]:,} of claims.csv were broken; the report says:\n"
    )
    for line in report.read_text(encoding="utf-8").splitlines():
        print(f"    {line}")


def machine() -> str:
    cpus = os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.system()} {platform.machine()}, {cpus} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 100_000, 1_000_000])
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--frictionless-timeout", type=float, default=1800)
    parser.add_argument(
        "--bounded",
        type=int,
        default=0,
        metavar="N",
        help="also validate N generated claims with two rows broken (say 10000000)",
    )
    parser.add_argument(
        "--spark",
        type=int,
        default=0,
        metavar="N",
        help="also validate N generated claims on Spark in local mode (say 1000000)",
    )
    parser.add_argument("--master", default="local[2]", help="Spark's master for --spark")
    args = parser.parse_args()
    print(f"Machine: {machine()}\n")
    print(
        "| claims | CSV MiB | validate s | validate MiB | C parse s | C parse MiB | "
        "Arrow parse s | frictionless s | frictionless MiB | validate ÷ C parse | "
        "validate ÷ Arrow parse | frictionless ÷ validate | validate peak ÷ CSV size |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        print(row(size, dataset(size, args.data), args.frictionless_timeout), flush=True)
    print()
    print(cold_start())
    if args.spark:
        print()
        print(spark_row(args.spark, dataset(args.spark, args.data), args.master))
    if args.bounded:
        print()
        bounded(args.bounded, args.data)


if __name__ == "__main__":
    main()
