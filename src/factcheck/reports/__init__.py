"""How problems are reported: one class per format (`base.Report`), registered by name.

`text` for people (`problems.render_text`), `json` a versioned report with a published JSON
Schema (`json_report`, `report.schema.json`), `github` GitHub Actions' workflow commands
(`github`), `sarif` SARIF 2.1.0 for code scanning (`sarif`), `gitlab` GitLab's Code Quality
report (`gitlab`). A report places a CSV problem at the file's line (`lines`), which is its
spreadsheet row unless a cell holds a line break. `factcheck COMMAND --format NAME` lists
every format registered here, so a new format needs nothing in the command line.
"""

from __future__ import annotations

from factcheck.reports.base import Report, Run
from factcheck.reports.github import GithubReport
from factcheck.reports.gitlab import GitlabReport
from factcheck.reports.json_report import JsonReport
from factcheck.reports.sarif import SarifReport
from factcheck.reports.text import TextReport

REPORTS: dict[str, Report] = {
    report.name: report
    for report in (TextReport(), JsonReport(), GithubReport(), SarifReport(), GitlabReport())
}

__all__ = ["REPORTS", "Report", "Run"]
