"""Benchmark `factcheck draft` on PolNeAR, a corpus of annotated attributions nobody here wrote.

    .venv/bin/python benchmarks/attribution.py --polnear DIR [--split train|dev]

DIR is a local checkout of PolNeAR (networkdynamics/PolNeAR on GitHub); nothing of it is
kept in this repository, since its texts are the publishers'. Every article of the split is
drafted in memory with the drafter's own code, with no sources listed, and scored against
the annotations (see `factcheck.drafting.benchmark` for the definitions). It prints the
figures as a Markdown table, with the processor time drafting took (one core: the drafter is
single-threaded). Develop on train, measure on dev; the test split is refused, as the corpus
asks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck.drafting.benchmark import measure, render
from factcheck.drafting.polnear import SPLITS, CorpusError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="a PolNeAR checkout")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    args = parser.parse_args(argv)
    try:
        tally, seconds = measure(args.polnear, args.split)
    except CorpusError as error:
        print(f"attribution benchmark: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render(tally, f"PolNeAR {args.split}", seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
