"""Where the command line's output goes (factcheck.cli.output): what a command produces on
standard output; on standard error the problems that stopped it, the line saying nothing was
written, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import registry
from factcheck.cli.output import Reporting, fail, refuse, write_output
from factcheck.problems import ExitCode

BROKEN = registry.problem("claims.claim_type.allowed", "claims.csv", 6, "claim_type", "fact",
                          allowed="event, attribute")  # fmt: skip
MISSING = registry.problem("file.exists", "sources.csv", what="CSV file")


def test_a_refusal_prints_its_problems_a_note_and_nothing_written_on_standard_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    merge = Reporting("merge")
    assert refuse(merge, [BROKEN], "fix the draft", "a note on them") == ExitCode.INVALID
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "claims.csv, row 6, column claim_type: 'fact' must be one of: event, attribute "
        "[claims.claim_type.allowed]",
        "1 problem in 1 file",
        "factcheck merge: a note on them",
        "factcheck merge: nothing written; fix the draft",
    ]


def test_a_refusal_exits_as_its_worst_problem_and_needs_no_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert refuse(Reporting("summary"), [BROKEN, MISSING]) == ExitCode.CANNOT_RUN
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-2:] == ["2 problems in 2 files", "factcheck summary: nothing written"]


def test_an_error_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert fail("no article 'x'") == ExitCode.CANNOT_RUN
    assert capsys.readouterr() == ("", "factcheck: no article 'x'\n")


def test_output_goes_to_standard_output_a_file_or_a_folder(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert write_output(b"data\n", None) == []
    assert capsysbinary.readouterr() == (b"data\n", b"")
    target = tmp_path / "out.json"
    assert write_output(b"{}", str(target)) == [str(target)]
    assert target.read_bytes() == b"{}"
    folder = tmp_path / "site"
    files = {"index.html": b"<p>", "articles/a.html": b"<p>a"}
    assert write_output(files, str(folder)) == [str(folder / name) for name in files]
    assert (folder / "articles" / "a.html").read_bytes() == b"<p>a"
    assert capsysbinary.readouterr() == (b"", b"")


def test_a_reader_gone_away_stays_a_broken_pipe_for_main_to_end_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Closed:
        def write(self, data: bytes) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            pass

    class Stdout:
        buffer = Closed()

        def flush(self) -> None:
            pass

    monkeypatch.setattr("sys.stdout", Stdout())
    with pytest.raises(BrokenPipeError):
        write_output(b"{}", None)
