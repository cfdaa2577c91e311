"""MkDocs hooks: the pages the site writes from the repository rather than keeps a copy of.

- `index.md` is the README (the dataset card's body), its links into `docs/` made relative
  to the site, and `changelog.md` is CHANGELOG.md: one text each, on the code host and here.
- The rules reference on `validating.md` is written from the rule registry
  (`factcheck.registry.RULES`) by the data dictionary's own table writer, grouped by what a
  rule is about, so it lists exactly the rules the tools report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from factcheck import registry
from factcheck.exports.card import readme_body
from factcheck.exports.dictionary import RULES_INTRO, rules_table
from factcheck.model.tables import TABLES

REPO = Path(__file__).resolve().parent.parent
RULES_MARKER = "<!-- rules: written from factcheck.registry by docs/hooks.py -->"

# A rule's first id segment, when it is not a table's name, and the heading of its group;
# any other is a command's own (`add`, `draft`, `xlsx`).
GROUPS = {
    "dataset": "The dataset's folder, its files, the report",
    "file": "The dataset's folder, its files, the report",
    "csv": "The dataset's folder, its files, the report",
    "report": "The dataset's folder, its files, the report",
    "*": "Any table",
}
COMMANDS = "What only one command checks"

# The repository's pages the site writes, as a page of docs/ links them (so the link works on
# the code host too), and as the site has them.
REPOSITORY_PAGES = {"../README.md": "index.md", "../CHANGELOG.md": "changelog.md"}

LINK = re.compile(r"\[([^\]]*)\]\((?!https?:|mailto:|#)([^)\s]+)\)")


def on_files(files: Files, config: Any) -> Files:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    files.append(File.generated(config, "index.md", content=site_page(readme)))
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    files.append(File.generated(config, "changelog.md", content=changelog))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    for target, on_site in REPOSITORY_PAGES.items():
        markdown = markdown.replace(f"]({target}", f"]({on_site}")
    if page.file.src_uri != "validating.md":
        return markdown
    if RULES_MARKER not in markdown:
        raise ValueError(f"validating.md has lost its marker {RULES_MARKER}")
    return markdown.replace(RULES_MARKER, rules_reference())


def site_page(readme: str) -> str:
    """The README without its front matter, its links to `docs/` and to the changelog made
    the site's own; a link to another file of the repository is left as its text and path,
    since the site holds only `docs/`."""
    return LINK.sub(_site_link, readme_body(readme))


def _site_link(match: re.Match[str]) -> str:
    text, target = match.groups()
    if target.startswith("docs/"):
        return f"[{text}]({target.removeprefix('docs/')})"
    if target == "CHANGELOG.md":
        return f"[{text}](changelog.md)"
    return f"{text} (`{target}`)"


def rules_reference() -> str:
    """Every declared rule, grouped by what it is about (in the registry's order), each group
    a table."""
    groups: dict[str, list[registry.Rule]] = {}
    for declared in registry.RULES.values():
        groups.setdefault(_group(declared.id.split(".")[0]), []).append(declared)
    parts = [RULES_INTRO]
    for heading, rules in groups.items():
        parts += [f"### {heading}", "\n".join(rules_table(rules))]
    return "\n\n".join(parts) + "\n"


def _group(first: str) -> str:
    tables = {spec.name for spec in TABLES}
    return f"`{first}.csv`" if first in tables else GROUPS.get(first, COMMANDS)
