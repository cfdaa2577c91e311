"""One grammar for every command: a description, the exit codes and where output goes in
each help, `--format` and `--limit` wherever problems are reported, and `--version`."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

import factcheck
from conftest import REPO
from factcheck import cli
from factcheck.cli.grammar import EXIT_CODES, OUTPUTS
from factcheck.reports import REPORTS


def commands() -> dict[str, argparse.ArgumentParser]:
    """Every command and subcommand, by its name on the command line."""
    found = {}
    stack = [cli.build_parser(["export"])]
    while stack:
        parser = stack.pop()
        found[parser.prog] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack += list(action.choices.values())
    return found


def leaves() -> dict[str, argparse.ArgumentParser]:
    return {
        name: parser
        for name, parser in commands().items()
        if not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    }


def flags(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions for flag in action.option_strings}


def test_every_command_is_described_and_its_help_ends_with_outputs_and_exit_codes() -> None:
    every = commands()
    assert len(every) > 15  # the exports' formats among them
    for name, parser in every.items():
        assert parser.description, name
        help_text = " ".join(parser.format_help().split())
        assert " ".join(EXIT_CODES.split()) in help_text, name
        if name != "factcheck":
            assert " ".join(OUTPUTS.split()) in help_text, name


def test_every_command_reports_problems_in_every_format_with_a_limit() -> None:
    for name, parser in leaves().items():
        assert {"--format", "--limit"} <= flags(parser), name
        form = next(a for a in parser._actions if "--format" in a.option_strings)
        assert list(form.choices or ()) == list(REPORTS), name


def test_the_format_check_help_says_what_its_exit_codes_mean(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["format", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "exit 1 if any file would be rewritten (as when the data breaks a rule" in said
    assert "2 the data cannot be read or the command cannot run" in said


def test_version_is_the_packages() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (0, f"factcheck {factcheck.__version__}\n")


def test_nothing_is_written_to_a_place_the_user_did_not_name() -> None:
    """One rule for outputs: one text file goes to standard output unless -o names a file;
    anything else needs -o. The only default is the draft's, a file of the dataset's folder."""
    from factcheck.exports import formats

    for name, parser in leaves().items():
        output = next((a for a in parser._actions if "-o" in a.option_strings), None)
        if output is None or name == "factcheck draft":
            continue
        assert output.default is None, name
        chosen = formats().get(name.removeprefix("factcheck export "))
        needed = True if name == "factcheck site" else chosen is not None and chosen.needs_output
        assert output.required == needed, name
    assert {n for n, f in formats().items() if f.needs_output} == {"xlsx", "parquet", "card"}


@pytest.mark.parametrize("command", [["site", "--reviewer-name", "x", "--reviewer-url",
                                      "https://example.org", "--corrections", "We correct.",
                                      "--contact", "desk@example.org"],
                                     ["export", "xlsx"]])  # fmt: skip
def test_a_command_whose_output_is_not_text_refuses_to_guess_where(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(command)
    assert stopped.value.code == 2
    assert "-o/--output" in capsys.readouterr().err
