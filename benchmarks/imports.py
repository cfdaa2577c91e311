"""What `factcheck validate` imports on the bundled dataset, and what each import costs.

    .venv/bin/python benchmarks/imports.py [--runs N] [--top N]

It runs `python -X importtime -m factcheck validate` in the repository root (which holds the
bundled dataset) in a fresh process, N times (default 5), and prints a Markdown table of the
top-level packages by cumulative import time (the median over the runs), then the total of
every import. Run it on an idle machine; it measures, it does not assert.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# `import time: self [us] | cumulative | imported package`, indented by how deep it is
_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$")


@dataclass
class Package:
    """A top-level package's import time, in microseconds: its own modules (`own`), and
    with the packages it was the first to import (`cumulative`, as `-X importtime` counts)."""

    own: int = 0
    cumulative: int = 0


def import_times(stderr: str) -> dict[str, Package]:
    """Each top-level package's import times, from `python -X importtime`'s report (which
    lists a module after the modules it imported, one level deeper)."""
    packages: dict[str, Package] = defaultdict(Package)
    pending: list[tuple[int, str, int]] = []  # imports whose importer is not listed yet
    for line in stderr.splitlines():
        found = _LINE.match(line)
        if found is None:
            continue
        own, cumulative, depth = int(found.group(1)), int(found.group(2)), len(found.group(3))
        package = found.group(4).split(".")[0]
        packages[package].own += own
        while pending and pending[-1][0] > depth:  # what this module imported
            _, inner, inner_time = pending.pop()
            if inner != package:
                packages[inner].cumulative += inner_time
        pending.append((depth, package, cumulative))
    for _, package, cumulative in pending:  # imported by nothing listed: the script's own
        packages[package].cumulative += cumulative
    return dict(packages)


def run_once(python: str = sys.executable) -> dict[str, Package]:
    """One cold `factcheck validate` of the bundled dataset, with its import times."""
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [python, "-X", "importtime", "-m", "factcheck", "validate"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"factcheck validate failed:\n{result.stdout}{result.stderr}")
    return import_times(result.stderr)


def summary(runs: list[dict[str, Package]], top: int = 12) -> str:
    """The median import times of the top-level packages over `runs`, most costly first
    (with what they import first), as a Markdown table; the total is every import's."""
    names = {name for run in runs for name in run}

    def median(name: str, part: str) -> float:
        return float(statistics.median(getattr(run.get(name, Package()), part) for run in runs))

    total = statistics.median(sum(p.own for p in run.values()) for run in runs)
    ranked = sorted(names, key=lambda name: (-median(name, "cumulative"), name))
    lines = [
        "| package | cumulative (ms) | own modules (ms) |",
        "|---|---:|---:|",
    ]
    for name in ranked[:top]:
        cumulative, own = median(name, "cumulative"), median(name, "own")
        lines.append(f"| `{name}` | {cumulative / 1000:.0f} | {own / 1000:.0f} |")
    rest = sum(median(name, "own") for name in ranked[top:])
    lines.append(f"| {len(ranked) - top} others | | {rest / 1000:.0f} |")
    lines.append(f"| **every import** | **{total / 1000:.0f}** | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs to take the median of")
    parser.add_argument("--top", type=int, default=12, help="packages listed by name")
    arguments = parser.parse_args(argv)
    runs = [run_once() for _ in range(arguments.runs)]
    print(f"`python -X importtime -m factcheck validate`, median of {arguments.runs} runs:\n")
    print(summary(runs, arguments.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
