"""The pre-commit hook (.pre-commit-hooks.yaml): it runs on the dataset's files, and `pre-commit
try-repo` with this checkout passes on the dataset and fails naming the cell a change broke.

try-repo installs the hook from this checkout into a fresh environment (pip installs the
package and its dependencies from the package index): a minute or more. It uses the
checkout's last commit with the changes to its tracked files; a new file must be added to
git first."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ARTICLE_FILE, REPO, TABLE_FILES, copy_dataset, set_cell
from factcheck.model.tables import TABLES, article_path

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())


def test_the_hook_validates_the_whole_dataset_when_one_of_its_files_changes() -> None:
    [hook] = HOOKS
    assert (hook["id"], hook["language"], hook["pass_filenames"]) == (
        "factcheck-validate",
        "python",
        False,
    )
    assert hook["entry"] == "factcheck validate"
    files = re.compile(hook["files"])
    dataset_files = [spec.file for spec in TABLES] + [article_path("x"), ARTICLE_FILE]
    for name in dataset_files:
        assert files.search(name), name
        assert files.search(f"data/{name}"), name  # a dataset in a folder (args: [--dir, data])
    for name in ("README.md", "claims.csv.bak", "articles/x.md", "drafts/claims.csv.txt"):
        assert not files.search(name), name
    assert sorted(TABLE_FILES) == sorted(spec.file for spec in TABLES)


# who commits, in the test's repository and in try-repo's shadow copy of this checkout
IDENTITY = {
    "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.org",
}  # fmt: skip


def _git(folder: Path, *args: str) -> None:
    env = {**os.environ, **IDENTITY}
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=env)


@pytest.mark.slow
def test_pre_commit_try_repo_passes_on_the_dataset_and_fails_on_a_broken_cell(
    tmp_path: Path,
) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git: install it (apt-get install git)")
    repo = copy_dataset(tmp_path / "repo")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "dataset")
    run = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "factcheck-validate",
           "--all-files"]  # fmt: skip
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), **IDENTITY}
    passed = subprocess.run(run, cwd=repo, capture_output=True, text=True, check=False, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"factcheck validate\.+Passed", passed.stdout)
    set_cell(repo, "claims.csv", 6, "claim_type", "fact")
    failed = subprocess.run(run, cwd=repo, capture_output=True, text=True, check=False, env=env)
    assert failed.returncode == 1
    assert re.search(r"factcheck validate\.+Failed", failed.stdout)
    assert "claims.csv, row 6, column claim_type: 'fact' must be one of:" in failed.stdout
