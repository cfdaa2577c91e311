"""Benchmark `factcheck draft` on PolNeAR, a corpus of annotated attributions nobody here wrote:
the rules and the learned drafter side by side.

    .venv/bin/python benchmarks/attribution.py --polnear DIR [--split dev] [--model FILE]
    .venv/bin/python benchmarks/attribution.py --polnear DIR --rules-only

DIR is a local checkout of PolNeAR (networkdynamics/PolNeAR on GitHub); nothing of it is
kept in this repository, since its texts are the publishers'. Unless `--model` names a model
already trained, the learned drafter is first trained on the train split, into a temporary
file deleted afterwards (no model trained on PolNeAR is kept either: the corpus states no
licence). Every article of the split is then drafted in memory, with no sources listed, by
the rules, by the model alone, and by the model with the rules first (a sentence the rules
attribute keeps their rows, as `factcheck draft` drafts), and scored against the
annotations (see `factcheck.drafting.benchmark` for the definitions, the same for all). It
prints the figures as Markdown tables, with the processor time training and drafting took
(one core: both are single-threaded) and the model's size. Develop on train, measure on
dev; the test split is refused, as the corpus asks.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from factcheck.drafting.benchmark import measure, render, render_side_by_side
from factcheck.drafting.drafters import RULES, Drafter
from factcheck.drafting.learned import ModelError, load, train
from factcheck.drafting.polnear import SPLITS, CorpusError, articles
from factcheck.drafting.training import examples, polnear


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="a PolNeAR checkout")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--model", type=Path, help="a trained model (default: train one)")
    choice.add_argument("--rules-only", action="store_true", help="measure the rules alone")
    args = parser.parse_args(argv)
    try:
        if args.rules_only:
            tally, seconds = measure(args.polnear, args.split)
            sys.stdout.write(render(tally, f"PolNeAR {args.split}", seconds))
            return 0
        with tempfile.TemporaryDirectory() as folder:
            report = _side_by_side(args.polnear, args.split, args.model, Path(folder))
    except (CorpusError, ModelError) as error:
        print(f"attribution benchmark: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(report)
    return 0


def _side_by_side(root: Path, split: str, model: Path | None, folder: Path) -> str:
    lines = []
    if model is None:
        model = folder / "drafter.model"
        start = time.process_time()
        train(examples(polnear(root, "train")), model, "PolNeAR train")
        lines.append(
            f"trained on PolNeAR train in {time.process_time() - start:.0f} s of processor"
        )
    drafter = Drafter(load(model))
    lines.append(f"model: {model.stat().st_size / 1e6:.1f} MB, {drafter.describe()}")
    count = sum(1 for _ in articles(root, split))
    tallies, seconds = {}, {}
    alone = Drafter(drafter.model, rules_first=False)
    for name, chosen in (("rules", RULES), ("model alone", alone), ("model, rules first", drafter)):
        tallies[name], seconds[name] = measure(root, split, chosen)
        lines.append(
            f"{name}: drafted {count} articles in {seconds[name]:.1f} s of processor, "
            f"{1000 * seconds[name] / max(count, 1):.0f} ms an article"
        )
    return "\n".join(lines) + "\n\n" + render_side_by_side(tallies, f"PolNeAR {split}")


if __name__ == "__main__":
    sys.exit(main())
