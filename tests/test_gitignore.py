"""Drafts are a reviewer's work in progress, not the dataset: git leaves them out."""

from __future__ import annotations

import subprocess

from conftest import REPO
from factcheck.drafting.files import DRAFTS_DIR


def test_drafts_are_not_committed() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", f"{DRAFTS_DIR}/2026-01-08-an-article.xlsx"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ignored.returncode == 0, "drafts/ must be in .gitignore"
