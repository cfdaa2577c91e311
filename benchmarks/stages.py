"""Where one `factcheck validate` run spends its time, or its memory, stage by stage.

    python benchmarks/stages.py DIR [--memory] [--no-tracemalloc] [--top N]

It repeats `check_dataset`'s stages from outside, calling the same functions in the same
order on DuckDB (start the engine, load each table, the texts, register the checks, the
rules) and prints Markdown. By default it times the stages and each rule's query alone (a
rule that joins its table's one pass runs as a pass of its own), then the rules together as
`check_dataset` runs them. With `--memory` it runs the rules only together, as validation
does, and shows the resident memory (RSS) each stage starts at, peaks at and leaves, and,
with tracemalloc (which sees only Python's allocations, and slows Python down), Python's
share and where it was allocated at its highest.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

START = time.perf_counter()  # before the package's imports, which are a stage of their own

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from factcheck.checks import plan  # noqa: E402
from factcheck.checks.collector import Collector  # noqa: E402
from factcheck.checks.engines.base import Engine  # noqa: E402
from factcheck.checks.engines.duckdb import DuckDBEngine  # noqa: E402
from factcheck.checks.loading import load_table  # noqa: E402
from factcheck.checks.rules import dataset_queries  # noqa: E402
from factcheck.checks.rules.base import Query  # noqa: E402
from factcheck.checks.rules.functions import register_checks  # noqa: E402
from factcheck.checks.rules.run import run_queries  # noqa: E402
from factcheck.checks.texts import cores, load_texts  # noqa: E402
from factcheck.model.tables import TABLES, TableSpec  # noqa: E402
from factcheck.storage.folders import LocalFolder  # noqa: E402

IMPORTED = time.perf_counter()
LIMIT = 100  # the CLI's default --limit (cli.output.DEFAULT_LIMIT), which `validate` runs with
MIB = 2**20


@dataclass(frozen=True)
class Memory:
    """Resident memory around a stage, in bytes: at its start, at its highest, at its end;
    Python's traced allocations at their highest (0 without tracemalloc)."""

    before: int
    peak: int
    after: int
    python_peak: int = 0


@dataclass(frozen=True)
class Stage:
    name: str
    seconds: float
    memory: Memory | None = None


@dataclass
class Profile:
    stages: list[Stage] = field(default_factory=list)
    rules: list[Stage] = field(default_factory=list)  # each rule alone (time mode)
    sites: list[str] = field(default_factory=list)  # tracemalloc's top lines, at its peak
    tracing: int = 0  # bytes tracemalloc itself held at that peak


def _status(key: str) -> int:
    """A figure of /proc/self/status, in bytes (Linux)."""
    text = Path("/proc/self/status").read_text(encoding="ascii")
    found = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) * 1024 if found else 0


def _reset_peak() -> None:
    """Start the kernel's count of the highest RSS afresh (clear_refs, Linux 4.0 and
    later), so each stage's peak is its own and not the process's so far."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
        handle.write("5")


class Recorder:
    """Runs stages, recording each one's time and, with `memory`, its RSS."""

    def __init__(self, memory: bool, trace: bool) -> None:
        self.memory = memory
        self.trace = trace
        self.profile = Profile()
        self._highest = 0  # the highest traced size a snapshot was taken at

    @contextmanager
    def stage(self, name: str, into: list[Stage] | None = None) -> Iterator[None]:
        before = _status("VmRSS") if self.memory else 0
        if self.memory:
            _reset_peak()
        if self.trace:
            tracemalloc.reset_peak()
        start = time.perf_counter()
        yield
        seconds = time.perf_counter() - start
        memory = None
        if self.memory:
            python = tracemalloc.get_traced_memory()[1] if self.trace else 0
            memory = Memory(before, _status("VmHWM"), _status("VmRSS"), python)
        (self.profile.stages if into is None else into).append(Stage(name, seconds, memory))

    def checkpoint(self) -> None:
        """Keep tracemalloc's allocation sites if Python holds more now than at any earlier
        checkpoint: called where a stage's Python rows are all alive (see `Watched`)."""
        if not self.trace:
            return
        current = tracemalloc.get_traced_memory()[0]
        if current <= self._highest:
            return
        self._highest = current
        snapshot = tracemalloc.take_snapshot()
        top = snapshot.statistics("lineno")[:10]
        self.profile.sites = [
            f"{stat.size / MIB:,.0f} MiB in {stat.count:,} blocks: `{_short(stat.traceback[0])}`"
            for stat in top
        ]
        self.profile.tracing = tracemalloc.get_tracemalloc_memory()


def _short(frame: tracemalloc.Frame) -> str:
    """A source line without the machine's own folders: `src/...`, or `package/...`."""
    path = re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", frame.filename)
    return f"{path.removeprefix(str(REPO) + '/')}:{frame.lineno}"


class Watched(DuckDBEngine):
    """DuckDB that lets the recorder look at Python's memory as rows built in Python reach
    the engine: the moment they are all alive at once."""

    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self.recorder = recorder

    def load_records(self, table: str, records: Any) -> None:
        self.recorder.checkpoint()
        super().load_records(table, records)

    def query_all(self, statements: Any) -> list[list[dict[str, Any]]]:
        found = super().query_all(statements)
        self.recorder.checkpoint()
        return found


def queries_for(loaded: list[TableSpec]) -> list[Query]:
    """The queries `check_dataset` runs for the tables that loaded, in its order."""
    names = {spec.name for spec in loaded}
    queries = [q for spec in loaded for q in plan.queries(spec)]  # as check_dataset does
    return queries + [q for q in dataset_queries() if set(q.needs) <= names]


def profile(directory: Path, memory: bool = False, trace: bool = True) -> Profile:
    """The stages of one validation of `directory`, as `check_dataset` runs them."""
    recorder = Recorder(memory, memory and trace)
    if recorder.trace:
        tracemalloc.start()
    folder = LocalFolder(str(directory))
    engine: Engine
    with recorder.stage("start DuckDB"):
        engine = Watched(recorder) if memory else DuckDBEngine()
    try:
        loaded = _load(recorder, engine, folder)
        queries = queries_for(loaded)
        if not memory:
            for query in queries:
                with recorder.stage(query.id, into=recorder.profile.rules):
                    run_queries(engine, [query], Collector(LIMIT))
        with recorder.stage(f"rules together, {len(queries)} queries, as validate runs them"):
            run_queries(engine, queries, Collector(LIMIT))
    finally:
        engine.close()
    return recorder.profile


def _load(recorder: Recorder, engine: Engine, folder: LocalFolder) -> list[TableSpec]:
    loaded = []
    for spec in TABLES:
        with recorder.stage(f"load {spec.file}"):
            header, _ = load_table(engine, folder, spec)
        if header is not None:
            loaded.append(spec)
    names = {spec.name for spec in loaded}
    if "articles" in names:
        with recorder.stage("read and segment the texts"):
            load_texts(engine, folder, "claims" in names, False, cores())
    with recorder.stage("register the checks"):
        register_checks(engine)
    return loaded


# Rendering ------------------------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size / MIB:,.0f}"


def stage_table(
    stages: list[Stage], imports: float | None = None, rules: list[Stage] | None = None
) -> list[str]:
    lines = ["| stage | s |", "|---|---:|"]
    if imports is not None:
        lines.append(f"| imports | {imports:.2f} |")
    lines += [f"| {stage.name} | {stage.seconds:.2f} |" for stage in stages]
    if rules:
        alone = sum(stage.seconds for stage in rules)
        lines.append(f"| the same {len(rules)} rules, each alone (sum) | {alone:.2f} |")
    return lines


def rule_table(rules: list[Stage], top: int) -> list[str]:
    """The `top` slowest rules, each timed alone, and the sum of all."""
    ranked = sorted(rules, key=lambda stage: stage.seconds, reverse=True)
    total = sum(stage.seconds for stage in rules)
    lines = ["| rule | s | share |", "|---|---:|---:|"]
    lines += [
        f"| `{stage.name}` | {stage.seconds:.2f} | {stage.seconds / total:.0%} |"
        for stage in ranked[:top]
        if total > 0
    ]
    lines.append(f"| all {len(rules)} rules, each alone | {total:.2f} | 100% |")
    return lines


def every_rule(rules: list[Stage]) -> list[str]:
    """Every rule's time alone, in the order validation lists them, for the record: folded
    away, for a few hundred rules would bury the page they are pasted into."""
    listed = ", ".join(f"`{stage.name}` {stage.seconds:.3f}" for stage in rules)
    summary = f"Every rule alone, s, in the order validation runs them ({len(rules)})"
    return ["<details>", f"<summary>{summary}</summary>", "", listed, "", "</details>"]


def memory_table(stages: list[Stage]) -> list[str]:
    lines = [
        "| stage | s | RSS before MiB | RSS peak MiB | peak − before MiB | RSS after MiB "
        "| Python's peak MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for stage in stages:
        m = stage.memory
        assert m is not None  # memory mode records it
        lines.append(
            f"| {stage.name} | {stage.seconds:.1f} | {_mib(m.before)} | {_mib(m.peak)} "
            f"| {_mib(m.peak - m.before)} | {_mib(m.after)} "
            f"| {_mib(m.python_peak) if m.python_peak else '—'} |"
        )
    return lines


def highest(stages: list[Stage]) -> str:
    """Which stage the process's peak is in, and by how much that stage raised RSS."""
    measured = [s for s in stages if s.memory is not None]
    top = max(measured, key=lambda s: s.memory.peak if s.memory else 0)
    assert top.memory is not None
    return (
        f"The peak, {_mib(top.memory.peak)} MiB of RSS, is in *{top.name}*, which raised RSS "
        f"by {_mib(top.memory.peak - top.memory.before)} MiB over the "
        f"{_mib(top.memory.before)} MiB it started at."
    )


def render(found: Profile, top: int, imports: float | None) -> list[str]:
    lines: list[str] = []
    if found.rules:
        lines += [*stage_table(found.stages, imports, found.rules), ""]
        lines += [f"Top {top} rules by time, each run alone:", ""]
        lines += [*rule_table(found.rules, top), ""]
        lines += every_rule(found.rules)
        return lines
    lines += [*memory_table(found.stages), "", highest(found.stages)]
    if found.sites:
        lines += [
            "",
            "Python's share (tracemalloc, which slows Python and adds its own "
            f"{_mib(found.tracing)} MiB to RSS here), its largest allocation sites at the "
            "highest point seen:",
            "",
        ]
        lines += [f"- {site}" for site in found.sites]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--memory", action="store_true", help="RSS per stage, not each rule")
    parser.add_argument("--no-tracemalloc", dest="trace", action="store_false")
    parser.add_argument("--top", type=int, default=15, help="how many rules to rank")
    args = parser.parse_args(argv)
    imports = None if args.memory else IMPORTED - START
    found = profile(args.directory, memory=args.memory, trace=args.trace)
    print("\n".join(render(found, args.top, imports)))


if __name__ == "__main__":
    main()
