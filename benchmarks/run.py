"""Benchmark `factcheck validate` against its targets, a bare pandas parse and frictionless.

    .venv/bin/python benchmarks/run.py [--sizes N ...] [--data DIR] [--spark N] [--bounded N]
                                       [--markdown docs/benchmarks.md]

For each size (claims; default 1000 100000 1000000) it generates a synthetic dataset once
(benchmarks/generate.py, kept under --data for later runs), then runs, each in a fresh
process and measured from start to exit: `factcheck validate` with every rule (on DuckDB);
a bare pandas parse of the same CSV files, every cell as text, with pandas' C engine and
with its Arrow engine (the floor); and, up to --frictionless-max claims, the frictionless
library validating the same data package (the peer). Then a cold start of `factcheck
validate` on the bundled dataset; a profile of one validation stage by stage, each rule
timed alone (benchmarks/stages.py), at the --reference size; a profile of its memory at
the --large size; with `--bounded N`, N claims validated with two rows broken; with
`--spark N`, Spark in local mode at N claims and on the bundled dataset in a warm session;
and the import-time summary of benchmarks/imports.py where that script exists.

It prints Markdown (progress and each section as it is measured on standard error, the
whole on standard output at the end), with the targets of issue 26 and whether each is
met; `--markdown PATH` also writes it into PATH between the benchmark markers. Run it on
an idle machine: it measures, it does not assert.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TABLES = ("articles.csv", "sources.csv", "claims.csv", "evidence.csv")
START_MARKER = "<!-- benchmark:start -->"
END_MARKER = "<!-- benchmark:end -->"
GIB = 2**30

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
# A process of its own for Spark, so its JVM and workers are not this process's; this file
# is loaded by its path, as it is no package.
WARM_SPARK = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("benchmark_run", {path!r})
run = sys.modules["benchmark_run"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)
print(json.dumps(run.warm_session({master!r}, {runs!r})))
"""


# Measuring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    code: int | None  # None: stopped at the timeout


def measure(command: list[str], timeout: float | None = None, output: Path | None = None) -> Run:
    """Wall time and peak RSS of one process, from start to exit; its standard output goes
    to `output` if given. The peak counts the processes it starts too (validate segments
    texts in a process per core): the larger of its own peak and the sum over the process
    tree, sampled every 20 ms."""
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(output.open("wb")) if output else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL)
        deadline = None if timeout is None else start + timeout
        tree = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)  # reaped here
                peak = max(usage.ru_maxrss * 1024, tree) / 2**20
                return Run(time.perf_counter() - start, peak, process.returncode)
            if deadline is not None and time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = os.waitstatus_to_exitcode(status)
                peak = max(usage.ru_maxrss * 1024, tree) / 2**20
                return Run(time.perf_counter() - start, peak, None)
            tree = max(tree, tree_rss(process.pid))
            time.sleep(0.02)


def tree_rss(pid: int) -> int:
    """The resident bytes of a process and all its descendants now (0 once it is gone)."""
    total, waiting = 0, [pid]
    while waiting:
        current = waiting.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) * 1024
                for line in status.splitlines()
                if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                waiting += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue  # gone between two reads, or a kernel without these files
    return total


def validate_command(directory: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", "validate", "--dir", str(directory), *options]


def dataset(size: int, root: Path) -> Path:
    target = root / str(size)
    # generate.py writes datapackage.json last: without it, a generation is unfinished
    if not (target / "datapackage.json").exists():
        print(f"generating {size:,} claims in {target} …", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(size), str(target)], check=True
        )
    return target


def csv_bytes(directory: Path) -> int:
    return sum((directory / name).stat().st_size for name in TABLES)


@dataclass(frozen=True)
class Sized:
    """One size's runs: validate, the two bare parses, and the peer (None: not run)."""

    size: int
    csv_bytes: int
    validate: Run
    parse: Run
    arrow: Run
    peer: Run | None


def measure_size(size: int, directory: Path, timeout: float, peer: bool) -> Sized:
    python = sys.executable
    return Sized(
        size,
        csv_bytes(directory),
        measure(validate_command(directory)),
        measure([python, "-c", PARSE.format(tables=TABLES, engine="c"), str(directory)]),
        measure([python, "-c", PARSE.format(tables=TABLES, engine="pyarrow"), str(directory)]),
        measure([python, "-c", FRICTIONLESS, str(directory)], timeout=timeout) if peer else None,
    )


def cold_start(runs: int = 10) -> list[float]:
    """Process start to exit of `factcheck validate` on the bundled dataset, `runs` times."""
    return [measure(validate_command(REPO)).seconds for _ in range(runs)]


def spark_run(directory: Path, master: str) -> Run:
    """`factcheck validate --engine spark` in local mode, start to exit (the JVM's start
    included, and its memory: the JVM and Python workers are the command's processes)."""
    return measure(validate_command(directory, "--engine", "spark", "--master", master))


@dataclass(frozen=True)
class Warm:
    """Spark on the bundled dataset in one process: starting the session, the first
    validation in it, and the later ones, in seconds."""

    start: float
    first: float
    later: list[float]


def warm_session(master: str, runs: int) -> dict[str, object]:
    """Validate the bundled dataset `runs` times on one `SparkEngine`. `check_dataset`
    closes the engine it is given, but a Spark engine's `close` only drops its views: the
    session and its JVM stay up, and the next run loads the tables again, as a service
    validating dataset after dataset would. Run in a process of its own (`WARM_SPARK`)."""
    sys.path.insert(0, str(REPO / "src"))
    from factcheck.checks.engines.spark import SparkEngine
    from factcheck.checks.validate import check_dataset

    began = time.perf_counter()
    engine = SparkEngine(master)
    started = time.perf_counter()
    times = []
    for _ in range(runs):
        before = time.perf_counter()
        check_dataset(REPO, engine=engine, keep_tables=False)
        times.append(time.perf_counter() - before)
    return {"start": started - began, "first": times[0], "later": times[1:]}


def measure_warm(master: str, runs: int) -> Warm | None:
    code = WARM_SPARK.format(path=str(HERE / "run.py"), master=master, runs=runs)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return Warm(float(found["start"]), float(found["first"]), [float(t) for t in found["later"]])


def java_found() -> bool:
    """Whether Spark could start: a JAVA_HOME, or `java` on the PATH (as the engine asks)."""
    home = os.environ.get("JAVA_HOME")
    if home:
        return (Path(home) / "bin" / "java").is_file()
    return any((Path(p) / "java").is_file() for p in os.environ.get("PATH", "").split(os.pathsep))


def profile(directory: Path, *options: str) -> str:
    """benchmarks/stages.py's Markdown, in a process of its own, so its memory is its own."""
    command = [sys.executable, str(HERE / "stages.py"), str(directory), *options]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"The profile failed (exit code {done.returncode}):\n\n    " + "\n    ".join(
            done.stderr.strip().splitlines()[-5:]
        )
    return done.stdout.strip()


def imports() -> str:
    """benchmarks/imports.py's table of import times, if that script is there."""
    script = HERE / "imports.py"
    if not script.exists():
        return "Skipped: benchmarks/imports.py, which measures import times, is not there yet."
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    if done.returncode != 0:
        return f"benchmarks/imports.py failed (exit code {done.returncode})."
    return done.stdout.strip()


# The bounded-memory run -----------------------------------------------------------------


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


def bounded(size: int, root: Path) -> list[str]:
    """Validate `size` claims with two rows broken, one near each end: Markdown lines that
    show both are found alike and what memory the run took."""
    rows = [10, size - min(1_000, size // 10)]
    directory = broken_copy(dataset(size, root), rows)
    report = directory / "report.txt"
    run = measure(validate_command(directory), output=report)
    total = csv_bytes(directory)
    lines = [
        f"{size:,} claims ({total / GIB:.1f} GiB of CSV) validated in {run.seconds:,.0f} s "
        f"with a peak of {run.peak_mib:,.0f} MiB; exit code {run.code}. Rows {rows[0]:,} and "
        f"{rows[1]:,} of claims.csv were broken; the report says:",
        "",
    ]
    # the files named as in the dataset's folder: the page shows no path of this machine
    found = report.read_text(encoding="utf-8").replace(f"{directory}/", "")
    return lines + [f"    {line}" for line in found.splitlines()]


# Targets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A target of issue 26: the figure must be at most (or, `most` False, at least)
    `limit`; `strict`, strictly so."""

    what: str
    limit: float
    unit: str
    most: bool = True
    strict: bool = False

    @property
    def goal(self) -> str:
        sign = ("<" if self.strict else "≤") if self.most else (">" if self.strict else "≥")
        return f"{sign} {self.limit:g}{self.unit}"


@dataclass(frozen=True)
class Figure:
    """What was measured for a target: None if it was not; `at_least` when the figure is
    only a lower bound (the peer was stopped at its timeout)."""

    value: float | None
    at_least: bool = False
    note: str = ""

    def shown(self, unit: str) -> str:
        if self.value is None:
            return "—"
        return f"{'≥ ' if self.at_least else ''}{self.value:,.2f}{unit}"


def verdict(target: Target, figure: Figure) -> str:
    """Whether `figure` meets `target`. A lower bound settles an at-least target only if
    it meets it, and an at-most target only if it misses it: else the truth is not known."""
    if figure.value is None:
        return "not measured"
    value, limit = figure.value, target.limit
    if target.most:
        ok = value < limit if target.strict else value <= limit
    else:
        ok = value > limit if target.strict else value >= limit
    if not figure.at_least or ok != target.most:
        return "**met**" if ok else "**not met**"
    return "not known (a lower bound)"


def target_table(results: list[tuple[Target, Figure]]) -> list[str]:
    lines = ["| target | goal | measured | met? | note |", "|---|---:|---:|---|---|"]
    for target, figure in results:
        lines.append(
            f"| {target.what} | {target.goal} | {figure.shown(target.unit)} "
            f"| {verdict(target, figure)} | {figure.note} |"
        )
    return lines


def short(size: int) -> str:
    """1,000,000 as 1M, 10,000 as 10k: how the targets name sizes."""
    for step, suffix in ((1_000_000, "M"), (1_000, "k")):
        if size >= step and size % step == 0:
            return f"{size // step:,}{suffix}"
    return f"{size:,}"


@dataclass
class Results:
    """Everything measured, by what the targets need."""

    reference: int
    large: int
    sizes: dict[int, Sized]
    cold: list[float]
    spark_size: int = 0
    spark: Run | None = None
    duckdb_at_spark: Run | None = None
    warm: Warm | None = None
    master: str = "local[2]"


def targets(r: Results) -> list[tuple[Target, Figure]]:
    ref, big = r.sizes.get(r.reference), r.sizes.get(r.large)
    at, large = short(r.reference), short(r.large)
    return [
        (
            Target(f"{at} claims, every rule, ÷ bare pandas C parse of the same CSVs", 1.0, "×"),
            _ratio(ref, lambda s: s.validate.seconds / s.parse.seconds),
        ),
        (
            Target(f"frictionless `validate` ÷ ours, same {at} package", 50, "×", most=False),
            _peer(ref),
        ),
        (
            Target(f"peak memory ÷ CSV bytes, {at}", 1.5, "×"),
            _ratio(ref, lambda s: s.validate.peak_mib * 2**20 / s.csv_bytes),
        ),
        (
            Target(f"peak memory, {large} claims", 2, " GiB", strict=True),
            _ratio(big, lambda s: s.validate.peak_mib / 1024),
        ),
        (
            Target(f"time {large} ÷ time {at}", 10.5, "×"),
            _scaling(ref, big),
        ),
        (
            Target(
                f"cold `factcheck validate` of the bundled data, median of {len(r.cold)}",
                1.0,
                " s",
                strict=True,
            ),
            Figure(statistics.median(r.cold) if r.cold else None),
        ),
        (
            Target(f"Spark {r.master} ÷ DuckDB, {short(r.spark_size)}, same machine", 3, "×"),
            _spark(r),
        ),
        (
            Target("Spark, bundled dataset, warm session", 3, " s"),
            Figure(statistics.median(r.warm.later)) if r.warm and r.warm.later else Figure(None),
        ),
    ]


def _ratio(sized: Sized | None, figure: Callable[[Sized], float]) -> Figure:
    return Figure(None) if sized is None else Figure(figure(sized))


def _peer(sized: Sized | None) -> Figure:
    if sized is None or sized.peer is None:
        return Figure(None)
    stopped = sized.peer.code is None
    note = f"frictionless stopped at {sized.peer.seconds:,.0f} s" if stopped else ""
    return Figure(sized.peer.seconds / sized.validate.seconds, at_least=stopped, note=note)


def _scaling(small: Sized | None, big: Sized | None) -> Figure:
    if small is None or big is None:
        return Figure(None)
    linear = f"{big.size / small.size:g}× the claims"
    return Figure(big.validate.seconds / small.validate.seconds, note=linear)


def _spark(r: Results) -> Figure:
    if r.spark is None or r.duckdb_at_spark is None:
        return Figure(None)
    note = f"{r.spark.seconds:,.1f} s ÷ {r.duckdb_at_spark.seconds:,.1f} s"
    return Figure(r.spark.seconds / r.duckdb_at_spark.seconds, note=note)


# Rendering ------------------------------------------------------------------------------

SIZE_HEADER = [
    "| claims | CSV MiB | validate s | validate MiB | C parse s | C parse MiB | "
    "Arrow parse s | frictionless s | frictionless MiB | validate ÷ C parse | "
    "validate ÷ Arrow parse | frictionless ÷ validate | validate peak ÷ CSV size |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]


def size_row(s: Sized) -> str:
    validate, parse, arrow, peer = s.validate, s.parse, s.arrow, s.peer
    if peer is None:
        peer_time, peer_mib, speedup = "not run", "—", "—"
    else:
        stopped = peer.code is None
        peer_time = f">{peer.seconds:.0f} (stopped)" if stopped else f"{peer.seconds:.1f}"
        peer_mib = f"{peer.peak_mib:,.0f}"
        speedup = f"{'≥' if stopped else ''}{peer.seconds / validate.seconds:.1f}×"
    return (
        f"| {s.size:,} | {s.csv_bytes / 2**20:,.0f} | {validate.seconds:.2f} "
        f"| {validate.peak_mib:,.0f} | {parse.seconds:.2f} | {parse.peak_mib:,.0f} "
        f"| {arrow.seconds:.2f} | {peer_time} | {peer_mib} "
        f"| {validate.seconds / parse.seconds:.2f}× | {validate.seconds / arrow.seconds:.2f}× "
        f"| {speedup} | {validate.peak_mib * 2**20 / s.csv_bytes:.2f}× |"
        + ("" if validate.code == 0 else f" validate exited {validate.code} |")
    )


def cold_line(times: list[float]) -> str:
    return (
        f"Cold `factcheck validate` of the bundled dataset, process start to exit, "
        f"{len(times)} runs: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f})."
    )


def spark_lines(r: Results) -> list[str]:
    lines = []
    if r.spark is not None and r.duckdb_at_spark is not None:
        lines.append(
            f"`--engine spark --master {r.master}`, {r.spark_size:,} claims, process start to "
            f"exit: {r.spark.seconds:,.1f} s (exit code {r.spark.code}), "
            f"peak {r.spark.peak_mib:,.0f} MiB of the command's processes (the JVM and Spark's "
            "Python workers included); DuckDB "
            f"{r.duckdb_at_spark.seconds:,.1f} s on the same files."
        )
    if r.warm is not None:
        later = ", ".join(f"{t:.2f}" for t in r.warm.later)
        lines += [
            "",
            f"Bundled dataset, one `SparkEngine` on {r.master} in one process: starting the "
            f"session (the JVM) {r.warm.start:.1f} s; the first validation in it (the cold "
            f"session) {r.warm.first:.2f} s; the next {len(r.warm.later)} (warm) {later} s.",
        ]
    return lines


def machine() -> str:
    cpus = os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB
    return (
        f"{platform.system()} {platform.machine()}, {cpus} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}"
    )


def replace_marked(text: str, body: str) -> str:
    """`text` with what lies between the benchmark markers replaced by `body`."""
    start, end = text.find(START_MARKER), text.find(END_MARKER)
    if start < 0 or end < start:
        raise ValueError(f"no {START_MARKER} … {END_MARKER} pair to write between")
    return f"{text[: start + len(START_MARKER)]}\n{body.strip()}\n{text[end:]}"


class Output:
    """The Markdown, section by section: each shown on standard error as it is measured
    (a long run shows its progress, and keeps what it measured if it fails later), all of
    it in order at the end."""

    def __init__(self) -> None:
        self.sections: dict[str, list[str]] = {}

    def add(self, heading: str, lines: list[str]) -> None:
        self.sections[heading] = lines
        print("\n".join([f"### {heading}", "", *lines, ""]), file=sys.stderr, flush=True)

    def render(self, head: list[str], order: list[str]) -> str:
        out = list(head)
        for heading in order + [h for h in self.sections if h not in order]:
            if heading in self.sections:
                out += ["", f"### {heading}", "", *self.sections[heading]]
        return "\n".join(out) + "\n"


# The run --------------------------------------------------------------------------------


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--sizes", nargs="+", type=int, default=[1_000, 100_000, 1_000_000], metavar="N")
    add("--data", type=Path, default=HERE / "data", help="where generated datasets are kept")
    add("--reference", type=int, default=1_000_000, metavar="N", help="the targets' 1M")
    add("--large", type=int, default=10_000_000, metavar="N", help="the targets' 10M")
    add("--frictionless-timeout", type=float, default=1800, metavar="S")
    add("--frictionless-max", type=int, default=1_000_000, metavar="N")
    add("--cold-runs", type=int, default=10, metavar="K")
    add("--profile", type=int, metavar="N", help="stage profile at N (default --reference)")
    add("--memory-profile", type=int, metavar="N", help="memory profile (default --large)")
    add("--bounded", type=int, default=0, metavar="N", help="N claims, two rows broken")
    add("--spark", type=int, default=0, metavar="N", help="Spark in local mode at N claims")
    add("--master", default="local[2]", help="Spark's master for --spark")
    add("--warm-runs", type=int, default=5, metavar="K", help="validations in the warm session")
    add("--markdown", type=Path, metavar="PATH", help="also write between PATH's markers")
    args = parser.parse_args(argv)
    measured = set(args.sizes)
    if args.profile is None:
        args.profile = args.reference if args.reference in measured else 0
    if args.memory_profile is None:
        args.memory_profile = args.large if args.large in measured else 0
    return args


PROFILED = (
    "`check_dataset`'s stages repeated from outside in a process of their own "
    "(benchmarks/stages.py), each stage and then each rule's query timed alone:"
)
WATCHED = (
    "the same stages with the rules run together as validation runs them, and the resident "
    "memory (RSS) of the process around each, its peak per stage from the kernel:"
)
ORDER = [
    "Targets",
    "By size",
    "Cold start",
    "Where the time goes",
    "Where the memory goes",
    "Bounded memory",
    "Spark",
    "Imports",
]


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    out = Output()
    results = Results(args.reference, args.large, {}, [], args.spark or args.reference)
    results.master = args.master
    measure_sizes(args, results, out)
    results.cold = cold_start(args.cold_runs)
    out.add("Cold start", [cold_line(results.cold)])
    if args.profile:
        lines = [profile(dataset(args.profile, args.data))]
        out.add("Where the time goes", [f"{args.profile:,} claims, {PROFILED}", "", *lines])
    if args.memory_profile:
        lines = [profile(dataset(args.memory_profile, args.data), "--memory")]
        out.add("Where the memory goes", [f"{args.memory_profile:,} claims, {WATCHED}", "", *lines])
    if args.bounded:
        out.add("Bounded memory", bounded(args.bounded, args.data))
    measure_spark(args, results, out)
    out.add("Imports", [imports()])
    out.add("Targets", target_table(targets(results)))
    given = sys.argv[1:] if argv is None else argv
    # where the data was generated is this machine's business, not the page's
    command = shlex.join(["benchmarks/run.py", *given]).replace(str(args.data), "DIR")
    head = [
        f"## Measured {datetime.date.today().isoformat()}",
        "",
        f"Machine: {machine()}. Command: `{command}`.",
    ]
    text = out.render(head, ORDER)
    print(text, end="")
    if args.markdown:
        args.markdown.write_text(
            replace_marked(args.markdown.read_text(encoding="utf-8"), text), encoding="utf-8"
        )


def measure_sizes(args: argparse.Namespace, results: Results, out: Output) -> None:
    rows = list(SIZE_HEADER)
    for size in args.sizes:
        peer = size <= args.frictionless_max
        results.sizes[size] = measure_size(
            size, dataset(size, args.data), args.frictionless_timeout, peer
        )
        rows.append(size_row(results.sizes[size]))
        out.add("By size", rows)
    skipped = [size for size in args.sizes if size > args.frictionless_max]
    if skipped:
        out.add(
            "By size",
            [
                *rows,
                "",
                f"frictionless is run up to {args.frictionless_max:,} claims only "
                f"(--frictionless-max), not at {', '.join(f'{s:,}' for s in skipped)}: it "
                "validates row by row in Python, so it would run for hours there, and the "
                f"ratio is the target's at {short(args.reference)}.",
            ],
        )


def measure_spark(args: argparse.Namespace, results: Results, out: Output) -> None:
    if not args.spark:
        return
    if not java_found():
        out.add("Spark", ["Not measured: no Java runtime (`java` on the PATH, or JAVA_HOME)."])
        return
    directory = dataset(args.spark, args.data)
    results.spark = spark_run(directory, args.master)
    known = results.sizes.get(args.spark)
    results.duckdb_at_spark = known.validate if known else measure(validate_command(directory))
    results.warm = measure_warm(args.master, args.warm_runs)
    out.add("Spark", spark_lines(results))


if __name__ == "__main__":
    main()
