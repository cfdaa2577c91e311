"""The benchmark's synthetic data is valid under every rule, so the benchmark measures the
full validation, and canonical, so its files are what `factcheck format` would write; and
the benchmark's pieces (its tables, its verdicts on the targets, where it writes in the
docs, the stage profile) do what they say, on tiny datasets. No timing is asserted: the
figures depend on the machine and on what else runs on it."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from frictionless import validate

from conftest import REPO
from factcheck.checks.validate import check_dataset
from factcheck.edits.formatting import format_dataset
from factcheck.model.tables import TABLES
from factcheck.problems import blocking


def _benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ loaded by its path: the folder is no package, and is kept
    off sys.path."""
    spec = importlib.util.spec_from_file_location(
        f"benchmark_{name}", REPO / "benchmarks" / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _benchmark("generate").generate
run = _benchmark("run")


def test_generated_data_passes_every_rule_and_is_canonical(tmp_path: Path) -> None:
    generate(730, tmp_path)
    checked = check_dataset(tmp_path)
    assert blocking(checked.problems) == []
    assert checked.problems == []  # no notice either: the files are canonical
    assert format_dataset(tmp_path, check_only=True).changed == {}
    claims = checked.tables["claims"]
    assert len(claims) == 730
    assert set(claims["verdict"]) == {
        "supported",
        "partly_supported",
        "refuted",
        "not_enough_evidence",
        "not_checkable",
    }
    assert claims["attribution"].str.contains(" > ").any()
    assert len(checked.tables["evidence"]) > len(claims)
    assert validate(str(tmp_path / "datapackage.json")).valid


def test_bounded_run_finds_the_rows_broken_near_each_end(
    tmp_path: Path,
) -> None:
    generate(730, tmp_path / "730")
    printed = "\n".join(run.bounded(730, tmp_path))
    assert "exit code 1" in printed
    for row in (10, 657):
        assert f"claims.csv, row {row}, column certainty: 'maybe' must be one of" in printed
    assert (tmp_path / "730" / "claims.csv").read_bytes().count(b"maybe") == 0


def _sized(size: int, seconds: float, peer: float | None, stopped: bool = False) -> object:
    return run.Sized(
        size,
        2**20,
        run.Run(seconds, 300.0, 0),
        run.Run(seconds / 2, 100.0, 0),
        run.Run(seconds / 4, 100.0, 0),
        None if peer is None else run.Run(peer, 50.0, None if stopped else 0),
    )


@pytest.mark.parametrize(
    ("most", "strict", "value", "at_least", "expected"),
    [
        (True, False, 1.0, False, "**met**"),  # at most, the limit itself meets it
        (True, True, 1.0, False, "**not met**"),  # strictly under: the limit does not
        (True, False, 1.2, False, "**not met**"),
        (False, False, 50.0, False, "**met**"),
        (False, False, 49.0, False, "**not met**"),
        (False, False, 60.0, True, "**met**"),  # a lower bound past the goal settles it
        (False, False, 20.0, True, "not known (a lower bound)"),
        (True, False, 2.0, True, "**not met**"),  # already above an at-most goal
        (True, False, 0.5, True, "not known (a lower bound)"),
        (True, False, None, False, "not measured"),
    ],
)
def test_a_target_is_met_or_not_and_a_lower_bound_settles_only_one_way(
    most: bool, strict: bool, value: float | None, at_least: bool, expected: str
) -> None:
    target = run.Target("x", 1.0 if most else 50, "×", most=most, strict=strict)
    assert run.verdict(target, run.Figure(value, at_least=at_least)) == expected


def test_the_target_table_shows_a_stopped_peer_as_at_least() -> None:
    results = run.Results(1000, 10000, {1000: _sized(1000, 2.0, 200.0, stopped=True)}, [0.8, 1.2])
    table = "\n".join(run.target_table(run.targets(results)))
    assert (
        "| frictionless `validate` ÷ ours, same 1k package | ≥ 50× | ≥ 100.00× | **met** |" in table
    )
    assert "| peak memory, 10k claims | < 2 GiB | — | not measured |" in table
    assert "median of 2 | < 1 s | 1.00 s | **not met** |" in table
    assert table.count("\n") == 1 + 8  # a header, its rule, and a row per target


def test_the_size_table_keeps_its_columns_with_or_without_the_peer() -> None:
    columns = run.SIZE_HEADER[0].count("|")
    for sized in (
        _sized(1000, 2.0, 1.0),
        _sized(1000, 2.0, 9.0, stopped=True),
        _sized(1000, 2.0, None),
    ):
        assert run.size_row(sized).count("|") == columns
    assert "| >9 (stopped) |" in run.size_row(_sized(1000, 2.0, 9.0, stopped=True))
    assert "| ≥4.5× |" in run.size_row(_sized(1000, 2.0, 9.0, stopped=True))
    assert "| not run | — |" in run.size_row(_sized(1000, 2.0, None))


def test_sizes_are_named_as_the_targets_name_them() -> None:
    assert [run.short(n) for n in (1_000_000, 10_000_000, 1_000, 1_500, 730)] == [
        "1M",
        "10M",
        "1k",
        "1,500",
        "730",
    ]


def test_the_run_is_written_between_the_markers_only() -> None:
    page = f"# Benchmarks\n\nIntro.\n\n{run.START_MARKER}\nold\n{run.END_MARKER}\nAfter.\n"
    written = run.replace_marked(page, "## Measured\n\nnew\n")
    inside = f"{run.START_MARKER}\n## Measured\n\nnew\n{run.END_MARKER}"
    assert written == f"# Benchmarks\n\nIntro.\n\n{inside}\nAfter.\n"
    assert run.replace_marked(written, "## Measured\n\nnew\n") == written  # again: the same
    with pytest.raises(ValueError, match="benchmark:start"):
        run.replace_marked("no markers", "new")


def test_the_benchmarks_page_has_the_markers() -> None:
    page = (REPO / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert page.count(run.START_MARKER) == page.count(run.END_MARKER) == 1
    assert page.index(run.START_MARKER) < page.index(run.END_MARKER)


def test_the_profile_times_every_rule_once(tmp_path: Path) -> None:
    generate(1000, tmp_path)
    script = REPO / "benchmarks" / "stages.py"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=True
    )
    folded = done.stdout.split("<details>")[1]  # every rule, in the order they run
    listed = re.findall(r"`([a-z_]+\.[a-z_0-9]+\.[a-z_0-9]+)` [0-9.]+", folded)
    profile = _benchmark("stages")
    expected = [query.id for query in profile.queries_for(list(TABLES))]
    assert listed == expected
    assert len(set(listed)) == len(listed)
    for stage in (
        "imports",
        *(f"load {spec.file}" for spec in TABLES),
        "read and segment the texts",
    ):
        assert f"| {stage} | " in done.stdout
    assert done.stdout.count("| `") == 15  # the top 15 rules


def test_the_memory_profile_shows_each_stage_and_where_the_peak_is(tmp_path: Path) -> None:
    generate(300, tmp_path)
    script = REPO / "benchmarks" / "stages.py"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path), "--memory"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "| read and segment the texts |" in done.stdout
    assert re.search(r"The peak, [0-9,]+ MiB of RSS, is in \*", done.stdout)
    assert "largest allocation sites" in done.stdout
