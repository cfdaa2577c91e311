"""The report formats (factcheck.reports): each problem placed at its file and line, in
the text, JSON, GitHub, SARIF and GitLab formats, every JSON report valid against the schema
the package ships, every SARIF log against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import factcheck
from conftest import REPO, read_rows, set_cell, write_rows
from factcheck import cli, registry
from factcheck.problems import ExitCode, Problem, Severity
from factcheck.reports import REPORTS, Run
from factcheck.reports.github import annotation
from factcheck.reports.json_report import schema
from factcheck.reports.lines import Lines

CELL = registry.problem("claims.claim_type.allowed", "data/claims.csv", 6, "claim_type", "fact",
                        allowed="event, attribute")  # fmt: skip
NOTE = Problem("data/claims.csv", None, None, None, "csv.canonical", "uses CRLF", Severity.NOTICE)
# the OASIS schema, errata 01, as published (its "id" is its address)
SARIF_SCHEMA = json.loads((REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text())


def validate(dataset: Path, form: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["validate", "--dir", str(dataset), "--format", form])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def break_cell(dataset: Path) -> None:
    set_cell(dataset, "claims.csv", 6, "claim_type", "fact")


def make_fatal(dataset: Path) -> None:
    (dataset / "sources.csv").unlink()


STATES = {"valid": lambda d: None, "invalid": break_cell, "fatal": make_fatal}
CODES = {"valid": ExitCode.VALID, "invalid": ExitCode.INVALID, "fatal": ExitCode.CANNOT_RUN}


def report_on(
    dataset: Path, state: str, form: str, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    """The report `validate --format form` writes on the dataset made `state`, read as JSON,
    once its exit code is the state's."""
    STATES[state](dataset)
    code, out = validate(dataset, form, capsys)
    assert code == CODES[state]
    report: dict[str, Any] = json.loads(out)
    return report


def test_the_formats_are_registered_once_and_offered_everywhere() -> None:
    assert list(REPORTS) == ["text", "json", "github", "sarif", "gitlab"]
    assert [name for name, report in REPORTS.items() if not report.machine] == ["text"]


# --- JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", list(STATES))
def test_every_json_report_is_valid_against_the_published_schema(
    dataset: Path, state: str, capsys: pytest.CaptureFixture[str]
) -> None:
    report = report_on(dataset, state, "json", capsys)
    jsonschema.validate(report, schema(), cls=jsonschema.Draft202012Validator)
    assert report["valid"] == (state == "valid")
    assert report["tool"]["version"] == factcheck.__version__


def test_a_refusal_in_json_is_a_report_on_standard_output(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_cell(dataset)
    assert cli.main(["summary", "--dir", str(dataset), "--format", "json"]) == ExitCode.INVALID
    out, err = capsys.readouterr()
    report = json.loads(out)
    jsonschema.validate(report, schema(), cls=jsonschema.Draft202012Validator)
    assert report["command"] == "summary"
    assert [p["file"] for p in report["problems"]] == [f"{dataset}/claims.csv"]
    assert err == "factcheck summary: nothing written\n"


def test_the_schema_refuses_what_is_not_a_report() -> None:
    summary = {"errors": 0, "listed": 0, "files": 0, "notices": 0}
    report = {"report_version": 1, "tool": {"name": "factcheck", "version": "1"},
              "command": "validate", "valid": True, "summary": summary, "problems": []}  # fmt: skip
    jsonschema.validate(report, schema(), cls=jsonschema.Draft202012Validator)
    for broken in ({**report, "report_version": 2}, {**report, "problems": [{"file": "x"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema(), cls=jsonschema.Draft202012Validator)


def test_the_schema_is_in_the_package_and_in_the_docs() -> None:
    shipped = REPO / "src" / "factcheck" / "reports" / "report.schema.json"
    assert json.loads(shipped.read_text()) == schema()
    assert (
        '--8<-- "src/factcheck/reports/report.schema.json"' in (REPO / "docs" / "ci.md").read_text()
    )


# --- GitHub --------------------------------------------------------------------------------


def test_a_github_annotation_names_file_line_and_rule_and_escapes() -> None:
    assert annotation(CELL, 6) == (
        "::error file=data/claims.csv,line=6,title=claims.claim_type.allowed::column "
        "claim_type: 'fact' must be one of: event, attribute"
    )
    odd = Problem("a,b:c.csv", 2, None, "50%", "r.x", "is\nodd\r")  # a message of two lines
    assert annotation(odd, 3) == "::error file=a%2Cb%3Ac.csv,line=3,title=r.x::'50%25' is%0Aodd%0D"
    assert annotation(NOTE, None) == "::notice file=data/claims.csv,title=csv.canonical::uses CRLF"


def test_github_format_annotates_the_path_given_and_ends_with_the_summary(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_cell(dataset)
    code, out = validate(dataset, "github", capsys)
    assert code == ExitCode.INVALID
    assert out.splitlines() == [
        f"::error file={dataset}/claims.csv,line=6,title=claims.claim_type.allowed::column "
        "claim_type: 'fact' must be one of: event, time_or_quantity, attribute, "
        "expectation_or_plan, analysis_or_opinion",
        "1 problem in 1 file",
    ]


def test_a_dataset_given_as_the_current_folder_keeps_its_file_names(
    dataset: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    break_cell(dataset)
    monkeypatch.chdir(dataset)
    assert cli.main(["validate", "--format", "github"]) == ExitCode.INVALID
    assert capsys.readouterr().out.startswith("::error file=claims.csv,line=6,")
    assert cli.main(["validate", "--dir", "."]) == ExitCode.INVALID
    assert capsys.readouterr().out.startswith("claims.csv, row 6, column claim_type:")


def test_the_line_is_where_the_row_starts_when_a_cell_above_holds_a_line_break(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = read_rows(dataset / "claims.csv")
    claim = rows[0].index("claim")
    rows[2][claim] += "\nand a second line"  # row 3 spans two lines
    rows[5][rows[0].index("claim_type")] = "fact"  # row 6, now line 7
    write_rows(dataset / "claims.csv", rows)
    found = [
        line for line in validate(dataset, "github", capsys)[1].splitlines()
        if "claims.claim_type.allowed" in line
    ]  # fmt: skip
    assert found[0].startswith(f"::error file={dataset}/claims.csv,line=7,")
    assert Lines()(Problem("nowhere.csv", 4, None, None, "r.x", "m")) == 4  # no file: the row


# --- SARIF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("state", list(STATES))
def test_every_sarif_log_is_valid_against_the_sarif_2_1_0_schema(
    dataset: Path, state: str, capsys: pytest.CaptureFixture[str]
) -> None:
    log = report_on(dataset, state, "sarif", capsys)
    jsonschema.validate(log, SARIF_SCHEMA, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    assert run["tool"]["driver"]["version"] == factcheck.__version__
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert bool(run["results"]) == (state != "valid")


def test_sarif_results_are_placed_and_their_rules_described_from_the_registry(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_cell(dataset)
    run = json.loads(validate(dataset, "sarif", capsys)[1])["runs"][0]
    [result] = run["results"]
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": (dataset / "claims.csv").as_uri()},
        "region": {"startLine": 6},
    }
    assert run["tool"]["driver"]["rules"] == [
        {
            "id": "claims.claim_type.allowed",
            "shortDescription": {"text": "must be one of: <allowed>"},
            "defaultConfiguration": {"level": "error"},
            "properties": {"severity": "error"},
        }
    ]


def test_the_sarif_schema_refuses_a_log_that_is_not_sarif() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{}]}, SARIF_SCHEMA,
                            cls=jsonschema.Draft4Validator)  # fmt: skip


def test_a_relative_path_stays_a_relative_uri() -> None:
    out = _written("sarif", [CELL, NOTE])
    results = json.loads(out)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == [
        "data/claims.csv",
        "data/claims.csv",
    ]
    assert [r["level"] for r in results] == ["error", "note"]
    jsonschema.validate(json.loads(out), SARIF_SCHEMA, cls=jsonschema.Draft4Validator)


# --- GitLab --------------------------------------------------------------------------------


def test_gitlab_code_quality_issues_have_stable_fingerprints() -> None:
    issues = json.loads(_written("gitlab", [CELL, NOTE]))
    assert issues[0] == {
        "description": "column claim_type: 'fact' must be one of: event, attribute",
        "check_name": "claims.claim_type.allowed",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "data/claims.csv", "lines": {"begin": 6}},
    }
    assert issues[1]["severity"] == "info"
    assert issues[1]["location"]["lines"] == {"begin": 1}  # a whole file: its first line
    assert json.loads(_written("gitlab", [CELL]))[0]["fingerprint"] == issues[0]["fingerprint"]
    assert len({issue["fingerprint"] for issue in issues}) == 2


def _written(form: str, problems: list[Problem]) -> str:
    import io

    stream = io.StringIO()
    REPORTS[form].write(problems, Run("validate"), stream)
    return stream.getvalue()


def test_a_workbook_problem_says_its_sheet_and_row_and_points_at_no_line() -> None:
    """A workbook has sheets, not lines: a machine format says where in words."""
    problem = Problem("edited.xlsx", 5, "M (verdict)", "bogus", "claims.verdict.allowed",
                      "is no verdict", sheet="claims")  # fmt: skip
    assert Lines()(problem) is None
    assert annotation(problem, Lines()(problem)) == (
        "::error file=edited.xlsx,title=claims.verdict.allowed::"
        "sheet claims, row 5, column M (verdict): 'bogus' is no verdict"
    )
