"""The plan: what validation needs of the models, generated from them into `plan.json`.

The pandera models (`model.schemas`) are the schema of record, but importing pandera costs
more than validating the bundled dataset. `python -m factcheck.checks.plan` writes, from
the models, each table's columns, key and references and the queries and Python functions
its rules run as; the validator reads this file instead of the models, and a test
regenerates it and requires the committed file to be the same.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

PLAN_FILE = Path(__file__).with_name("plan.json")
REGENERATE = "python -m factcheck.checks.plan"  # the command that writes the plan


@functools.cache
def plan() -> dict[str, Any]:
    """The committed plan, read once."""
    found: dict[str, Any] = json.loads(PLAN_FILE.read_text(encoding="utf-8"))
    return found


def table(name: str) -> dict[str, Any]:
    """The plan of the table called `name`."""
    found: dict[str, Any] = plan()["tables"][name]
    return found
