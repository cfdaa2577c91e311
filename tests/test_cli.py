"""The command line: exit codes, both output formats, no tracebacks, no writes."""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import ARTICLE_ID, REPO, problems_in, set_cell
from factcheck import cli
from factcheck.problems import ExitCode


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_bundled_dataset_is_valid_from_its_directory() -> None:
    result = run("validate")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "valid: no problems found\n",
        "",
    )


def test_directory_defaults_to_the_current_one(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")
    monkeypatch.chdir(dataset)
    assert cli.main(["validate"]) == ExitCode.INVALID
    assert "claims.csv, row 6, column claim_type: 'fact'" in capsys.readouterr().out


def test_json_format_gives_the_same_problems_as_records(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")
    (dataset / "sources.csv").unlink()
    assert cli.main(["validate", "--dir", str(dataset), "--format", "json"]) == ExitCode.CANNOT_RUN
    report = json.loads(capsys.readouterr().out)
    records = report["problems"]
    assert [{**r, "file": r["file"].removeprefix(f"{dataset}/")} for r in records] == [
        p.to_record() for p in problems_in(dataset)
    ]
    assert records[0] == {
        "file": f"{dataset}/claims.csv",
        "row": 6,
        "column": "claim_type",
        "value": "fact",
        "rule": "claims.claim_type.allowed",
        "message": "must be one of: event, time_or_quantity, attribute, expectation_or_plan, "
        "analysis_or_opinion",
        "severity": "error",
    }
    assert records[1]["file"] == f"{dataset}/sources.csv"
    assert records[1]["severity"] == "fatal"
    assert (report["valid"], report["command"]) == (False, "validate")
    assert report["summary"] == {"errors": 2, "listed": 2, "files": 2, "notices": 0}


def test_valid_json_is_a_report_without_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", "--dir", str(REPO), "--format", "json"]) == ExitCode.VALID
    report = json.loads(capsys.readouterr().out)
    assert (report["valid"], report["problems"]) == (True, [])
    assert report["tool"] == {"name": "factcheck", "version": version("factcheck-dataset")}


BAD_INPUTS = {
    "binary": (b"\x00\x01\x02\xff" * 50, 2),
    "utf16": ("claim_id,quote\nC0001,x\n".encode("utf-16"), 2),
    "empty": (b"", 2),
    "header only": (b"claim_id\n", 2),
    "cut mid-row": (b"", 1),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_never_gives_a_traceback_nor_writes(
    dataset: Path, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In this process, as `main` runs from the command (test_bundled_dataset_is_valid_from_
    its_directory runs the command itself): an exception it does not expect is one line on
    stderr, and with FACTCHECK_DEBUG unset a traceback would be that line."""
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    data, expected_code = BAD_INPUTS[name]
    path = dataset / "claims.csv"
    if name == "cut mid-row":
        data = path.read_bytes()
        tenth_row = data.index(b"\nC0009,") + 1
        data = data[: tenth_row + len(b"C0009,2025-09")]  # ends inside an unquoted cell
    path.write_bytes(data)
    before = snapshot(dataset)
    assert cli.main(["validate", "--dir", str(dataset)]) == expected_code
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    assert printed.err == ""
    assert snapshot(dataset) == before


def snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def test_internal_errors_are_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("factcheck.checks.validate.check_dataset", broken)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    assert cli.main(["validate", "--dir", str(REPO)]) == ExitCode.CANNOT_RUN
    assert capsys.readouterr().err == (
        "factcheck: internal error, please report it: RuntimeError('boom')\n"
    )
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["validate", "--dir", str(REPO)])


def test_a_uri_the_engine_cannot_read_is_said_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["validate", "--dir", REPO.as_uri()]) == ExitCode.CANNOT_RUN
    assert capsys.readouterr().err == (
        f"factcheck: {REPO.as_uri()}: the duckdb engine reads folders on this machine; "
        "validate a remote folder with --engine spark\n"
    )


def test_spark_without_java_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spark = pytest.importorskip(
        "factcheck.checks.engines.spark",
        reason="the spark engine needs pyspark: pip install 'factcheck-dataset[spark]'",
    )
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))  # no bin/java there
    monkeypatch.setattr(spark, "_started", {})  # as if no test had started Spark yet
    assert cli.main(["validate", "--engine", "spark"]) == ExitCode.CANNOT_RUN
    assert capsys.readouterr().err == f"factcheck: {spark.JAVA_MISSING}\n"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["validate", "--format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_console_script_is_declared() -> None:
    assert 'factcheck = "factcheck.cli:main"' in (REPO / "pyproject.toml").read_text()


def test_reports_are_capped_per_rule_and_still_name_rows(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for row in range(2, 59):
        set_cell(dataset, "claims.csv", row, "claim_type", "fact")
    assert cli.main(["validate", "--dir", str(dataset), "--limit", "5"]) == ExitCode.INVALID
    out = capsys.readouterr().out.splitlines()
    listed = [line for line in out if line.endswith("[claims.claim_type.allowed]")]
    assert [line.split(",")[1] for line in listed] == [f" row {r}" for r in range(2, 7)]
    assert out[-2] == (
        f"{dataset}/claims.csv: notice: 'claims.claim_type.allowed' 52 more problems of this "
        "rule were found; only the first 5 are listed [report.omitted]"
    )
    assert out[-1] == "57 problems in 1 file, 5 listed"
    assert cli.main(["validate", "--dir", str(dataset), "--limit", "0"]) == ExitCode.INVALID
    assert capsys.readouterr().out.count("[claims.claim_type.allowed]") == 57


def test_json_is_capped_the_same_way_and_streamed_as_an_object(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for row in range(2, 59):
        set_cell(dataset, "claims.csv", row, "claim_type", "fact")
    assert cli.main(["validate", "--dir", str(dataset), "--format", "json", "--limit", "2"]) == 1
    text = capsys.readouterr().out
    assert text.startswith('{\n  "report_version": 1,')
    assert text.endswith("}\n  ]\n}\n")
    report = json.loads(text)
    records = report["problems"]
    assert [r["row"] for r in records if r["rule"] == "claims.claim_type.allowed"] == [2, 3]
    assert records[-1]["rule"] == "report.omitted"
    assert records[-1]["value"] == "claims.claim_type.allowed"
    assert records[-1]["message"].startswith("55 more problems of this rule")
    assert report["summary"] == {"errors": 57, "listed": 2, "files": 1, "notices": 0}


def test_the_directory_is_dir_in_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`--dir DIR` names the dataset everywhere, and only it: every command that reads the
    dataset has it, and the two made from the schemas alone do not."""
    assert cli.main(["validate", "--dir", str(REPO)]) == ExitCode.VALID
    assert capsys.readouterr().err == ""
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for command in commands.choices.values():
        subcommands = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        leaves = [*subcommands[0].choices.values()] if subcommands else [command]
        for leaf in leaves:
            flags = {flag for action in leaf._actions for flag in action.option_strings}
            schemas_only = leaf.prog.endswith(("dictionary", "datapackage"))
            assert ("--dir" in flags) != schemas_only, leaf.prog


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["format"],
        ["summary"],
        ["export", "claimreview", "--reviewer-name", "N", "--reviewer-url", "https://e.org"],
        ["import", "xlsx", "dataset.xlsx"],
    ],
)
def test_the_directory_as_a_plain_argument_is_gone(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The first release's spelling, `factcheck validate DIR`, was deprecated in the next and
    is now refused as any stray argument is, before anything is read."""
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*command, str(REPO)])
    assert exit_info.value.code == ExitCode.CANNOT_RUN
    assert f"unrecognized arguments: {REPO}" in capsys.readouterr().err


def test_the_data_dictionary_is_only_an_export(capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck dictionary` was the same as `factcheck export dictionary`, which stays."""
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["dictionary"])
    assert exit_info.value.code == ExitCode.CANNOT_RUN
    assert "invalid choice: 'dictionary'" in capsys.readouterr().err
    assert cli.main(["export", "dictionary"]) == ExitCode.VALID
    assert capsys.readouterr().out.startswith("# Data dictionary\n")


# Where output goes: standard output carries what a command produces, standard error what
# stopped it. A refusal prints its problems and `factcheck COMMAND: nothing written` there,
# and nothing on standard output, so a pipe or a redirected export never holds a problem.

ARTICLES = Path(__file__).parent / "articles"
PUBLISHER = ["--reviewer-name", "Test desk", "--reviewer-url", "https://example.org"]
REFUSING = {
    "format": ["format"],
    "summary": ["summary"],
    "export": ["export", "claimreview", *PUBLISHER],
    "site": ["site", "-o", "{tmp}/site", *PUBLISHER, "--corrections", "We correct errors.",
             "--contact", "desk@example.org"],
    "import xlsx": ["import", "xlsx", "{tmp}/empty.xlsx"],
    "add-article": ["add-article", "2026-01-08-missile-launch", str(ARTICLES / "wire-missile.txt"),
                    "--published-on", "2026-01-08", "--publisher-source", "Yonhap"],
    "draft": ["draft", ARTICLE_ID],
    "merge": ["merge", "{tmp}/missing.csv"],
    "evaluate": ["evaluate", ARTICLE_ID],
}  # fmt: skip


@pytest.mark.parametrize("command", list(REFUSING))
def test_a_refusal_goes_to_standard_error_and_says_nothing_was_written(
    dataset: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    Workbook().save(tmp_path / "empty.xlsx")  # a workbook without the tables' sheets
    (dataset / "claims.csv").write_bytes(b"claim_id,article_id\n\xff\n")  # not UTF-8
    before = snapshot(dataset)
    argv = [arg.format(tmp=tmp_path) for arg in REFUSING[command]]
    assert cli.main([*argv, "--dir", str(dataset)]) == ExitCode.CANNOT_RUN
    out, err = capsys.readouterr()
    assert out == ""
    *problems, summary, closing = err.splitlines()
    assert problems
    assert all(line.endswith("]") for line in problems)  # each ends with its rule id
    assert summary.startswith(f"{len(problems)} problem")
    assert closing.startswith(f"factcheck {command}: nothing written")
    assert snapshot(dataset) == before
    assert not (tmp_path / "site").exists()


def test_validate_reports_its_problems_on_standard_output(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What validate finds is what it produces: problems on standard output, in text and in
    JSON, with nothing on standard error."""
    (dataset / "claims.csv").write_bytes(b"claim_id,article_id\n\xff\n")
    assert cli.main(["validate", "--dir", str(dataset)]) == ExitCode.CANNOT_RUN
    out, err = capsys.readouterr()
    assert f"{dataset}/claims.csv: is not UTF-8 text" in out
    assert err == ""
    assert cli.main(["validate", "--dir", str(dataset), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out)["problems"][0]["file"] == f"{dataset}/claims.csv"
    assert err == ""


SITE = ["site", "-o", "{tmp}/site", "--reviewer-name", "N"]
POLICY = ["--corrections", "We correct errors.", "--contact", "desk@example.org"]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["draft", "2026-01-08-none"], "no article '2026-01-08-none': add it first with "
         "factcheck add-article"),
        (["evaluate", ARTICLE_ID, "--split", "dev"], "--split names a PolNeAR split: give "
         "--polnear DIR too"),
        (["add-article", "2026-01-08-none", "{tmp}/none.txt", "--published-on", "2026-01-08",
          "--publisher-source", "Yonhap"], "{tmp}/none.txt is not a file"),
        (["import", "xlsx", "{tmp}/none.xlsx"], "{tmp}/none.xlsx is not a file"),
        ([*SITE, "--reviewer-url", "example.org", *POLICY],
         "--reviewer-url must be an absolute http(s) address"),
        ([*SITE, "--reviewer-url", "https://e.org", "--corrections", "{tmp}/none.md",
          "--contact", "desk@example.org"],
         "--corrections: {tmp}/none.md is not a file (give the corrections policy's text, or a "
         "file holding it)"),
        ([*SITE, "--reviewer-url", "https://e.org", "--corrections", " ", "--contact",
          "desk@example.org"],
         "--corrections must not be empty: give the corrections policy's text, or a file "
         "holding it"),
        ([*SITE, "--reviewer-url", "https://e.org", "--corrections", "We correct errors.",
          "--contact", "the desk"],
         "--contact must be an email address or an absolute http(s) address, not 'the desk'"),
        (["export", "croissant", "-o", "{tmp}"], "{tmp}: cannot write: Is a directory"),
        (["export", "croissant", "-o", "{tmp}/none/croissant.json"],
         "{tmp}/none/croissant.json: cannot write: No such file or directory"),
    ],
)  # fmt: skip
def test_an_error_is_one_line_on_standard_error(
    tmp_path: Path, argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command that cannot run at all says why in one line, and exits 2."""
    argv = [arg.format(tmp=tmp_path) for arg in argv]
    assert cli.main([*argv, "--dir", str(REPO)]) == ExitCode.CANNOT_RUN
    assert capsys.readouterr() == ("", f"factcheck: {said.format(tmp=tmp_path)}\n")


@pytest.mark.parametrize("limit", ["-1", "many"])
def test_a_limit_is_a_whole_number_0_or_more(
    limit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A negative limit would list no problem and pass invalid data."""
    with pytest.raises(SystemExit) as exited:
        cli.main(["validate", "--dir", str(REPO), "--limit", limit])
    assert exited.value.code == ExitCode.CANNOT_RUN
    assert f"argument --limit: {limit!r} is not a whole number, 0 or more" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("command", ["add-article", "draft", "evaluate"])
def test_a_folder_that_is_not_there_is_one_problem_in_every_command(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [arg.format(tmp=tmp_path) for arg in REFUSING[command]]
    assert cli.main([*argv, "--dir", str(tmp_path / "nowhere")]) == ExitCode.CANNOT_RUN
    said = capsys.readouterr().err.splitlines()
    assert [line for line in said if line.endswith("[dataset.directory]")] == [
        f"{tmp_path / 'nowhere'}: is not a directory: give the folder that holds the "
        "dataset's CSV files [dataset.directory]"
    ]
    assert not [line for line in said if line.endswith("[file.exists]")]  # not one per table
