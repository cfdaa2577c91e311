"""The CI examples of docs/ci.md (docs/examples/) are what their CI systems accept: each
workflow against its system's schema (check-jsonschema's built-in copies, no network),
the pre-commit files by pre-commit itself; and the page shows the files as they are."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

EXAMPLES = REPO / "docs" / "examples"
SCHEMAS = {"github-workflow.yml": "vendor.github-workflows", "gitlab-ci.yml": "vendor.gitlab-ci"}


def check(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_each_workflow_is_valid_for_its_ci_system(name: str, tmp_path: Path) -> None:
    result = check(SCHEMAS[name], EXAMPLES / name)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / name  # the same file with a key its system does not know
    broken.write_text((EXAMPLES / name).read_text() + "not_a_key_nor_a_job: 1\n")
    assert check(SCHEMAS[name], broken).returncode != 0


@pytest.mark.parametrize(
    ("command", "path"),
    [
        ("validate-manifest", REPO / ".pre-commit-hooks.yaml"),
        ("validate-config", EXAMPLES / "pre-commit-config.yaml"),
    ],
)
def test_pre_commit_accepts_the_hook_and_the_example_config(command: str, path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", command, str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_page_includes_every_example() -> None:
    page = (REPO / "docs" / "ci.md").read_text()
    for example in sorted(EXAMPLES.iterdir()):
        assert f'--8<-- "docs/examples/{example.name}"' in page, example.name
