"""The documentation: the README as a dataset card's body, and the site built from docs/.

The site is built as CI builds it, `mkdocs build --strict`, so a broken link or anchor, a
page left out of the navigation or a docstring mkdocstrings cannot read fails here. The hooks
that write its home page, its changelog and its rules reference (docs/hooks.py) are tested
directly as well, without a build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import factcheck
from conftest import REPO, copy_dataset, load_script
from factcheck import registry
from factcheck.exports.card import readme_body
from factcheck.model.card import card
from factcheck.model.tables import TABLES

DOCS = REPO / "docs"
CARD_BLOCKS = ("fields", "limitations", "licence", "citation")
FIRST_SCREEN = 40  # lines of the README after its front matter


hooks = load_script(DOCS / "hooks.py", "docs_hooks")


def card_body() -> str:
    """The README as its reader sees it below the front matter (generated YAML)."""
    return readme_body((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_first_screen_says_what_how_to_load_licence_and_citation() -> None:
    screen = "\n".join(card_body().splitlines()[:FIRST_SCREEN])
    assert screen.startswith("# ")
    for needed in (
        "factcheck validate",  # the first of the two commands
        'pd.read_csv("claims.csv", dtype=str, keep_default_na=False)',
        "factcheck.load_dataset(",
        '"claims", split="train")',  # Hugging Face datasets, by the card's configs
        "(#licence)",
        "(#citation)",
        card().citation,  # the dataset cited in full, as the card says it
        *(group.spdx for group in card().licences if group.spdx),  # each licence, by its id
    ):
        assert needed in screen, needed


@pytest.mark.slow
def test_the_first_screens_loading_runs_as_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The README's loading block, paragraph by paragraph, in a copy of the checkout: pandas,
    factcheck, and Hugging Face `datasets` reading the card's front matter (offline)."""
    (block,) = re.findall(r"```python\n(.*?)```", card_body(), flags=re.S)
    pandas_part, factcheck_part, datasets_part = block.split("\n\n")
    checkout = copy_dataset(tmp_path / "checkout")
    shutil.copyfile(REPO / "README.md", checkout / "README.md")
    monkeypatch.chdir(checkout)
    names: dict[str, Any] = {}
    exec(pandas_part + "\n" + factcheck_part, names)
    assert len(names["claims"]) == 57
    assert set(names["claims"].map(type).stack()) == {str}  # every cell as text
    assert names["data"].claims["claim_id"].tolist() == names["claims"]["claim_id"].tolist()
    for variable, value in {"HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    exec(datasets_part, names)
    assert names["claims"]["claim_id"] == names["data"].claims["claim_id"].tolist()


def test_the_card_has_each_generated_block_once_in_its_section() -> None:
    body = card_body()
    sections = {"fields": "## Dataset structure", "limitations": "## Limitations and biases"}
    sections |= {"licence": "## Licence", "citation": "## Citation"}
    for block in CARD_BLOCKS:
        start, end = f"<!-- card:{block} -->", f"<!-- /card:{block} -->"
        assert body.count(f"\n{start}\n") == body.count(f"\n{end}\n") == 1, block
        section = body[body.index(sections[block]) :].split("\n## ", 2)[:2]
        assert start in "\n## ".join(section), (block, sections[block])


def test_the_readme_body_stays_a_card_not_a_manual() -> None:
    """Under 1,500 words, not counting the generated blocks: what grows goes to docs/."""
    body = re.sub(r"<!-- card:(\w+) -->.*?<!-- /card:\1 -->", "", card_body(), flags=re.S)
    assert len(body.split()) < 1500


def test_every_relative_link_of_the_readme_and_the_pages_resolves() -> None:
    for page in [REPO / "README.md", REPO / "CHANGELOG.md", *DOCS.glob("*.md")]:
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\((?!https?:|mailto:|#)([^)#\s]+)", text):
            assert (page.parent / target).exists(), f"{page.name} links {target}"


class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml as YAML: its `!relative` tag (a path relative to the file) as a string."""


_MkdocsLoader.add_constructor("!relative", lambda loader, node: str(node.value))


def mkdocs_config() -> dict[str, Any]:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return dict(yaml.load(text, Loader=_MkdocsLoader))  # a SafeLoader, one tag added


def test_every_page_is_in_the_navigation() -> None:
    config = mkdocs_config()
    listed = set(re.findall(r"[\w-]+\.md", str(config["nav"])))
    generated = {"index.md", "changelog.md"}  # written by docs/hooks.py
    assert listed == {p.name for p in DOCS.glob("*.md")} | generated


def test_the_home_page_is_the_readme_with_the_sites_links() -> None:
    readme = "---\nlicense: x\n---\n# t\n[a](docs/python.md) [b](CHANGELOG.md) [c](LICENSE) [d](#x)"
    assert hooks.site_page(readme) == (
        "# t\n[a](python.md) [b](changelog.md) c (`LICENSE`) [d](#x)"
    )


def test_the_rules_reference_lists_every_declared_rule_once() -> None:
    reference = hooks.rules_reference()
    listed = re.findall(r"^\| `([^`]+)` \|", reference, flags=re.M)
    assert listed == list(registry.RULES)
    headings = re.findall(r"^### (.+)$", reference, flags=re.M)
    assert len(headings) == len(set(headings))  # each group under one heading
    assert "`claims.csv`" in headings


def test_the_rules_reference_goes_where_its_marker_is() -> None:
    assert (DOCS / "validating.md").read_text(encoding="utf-8").count(hooks.RULES_MARKER) == 1


@pytest.mark.slow
def test_the_site_builds_with_no_warning(tmp_path: Path) -> None:
    # docs/hooks.py imports factcheck: this checkout's, whatever the environment installed.
    env = os.environ | {"PYTHONPATH": str(REPO / "src"), "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            REPO / "mkdocs.yml",
            "-d",
            site,
        ],
        cwd=tmp_path,  # snippets and hooks are found from mkdocs.yml, wherever it runs
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    rules = (site / "validating" / "index.html").read_text(encoding="utf-8")
    assert all(f"<code>{rule_id}</code>" in rules for rule_id in registry.RULES)
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "DatasetInvalid" in api
    assert "attributions" in api
    # each Returns section is one value, however many lines its description wraps over
    returns = re.findall(r"Returns:.*?<tbody>(.*?)</tbody>", api, flags=re.S)
    assert len(returns) >= 5
    assert all(section.count("<tr") == 1 for section in returns)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "How it was made" in home
    assert 'href="python/"' in home
    assert (site / "changelog" / "index.html").exists()


def test_the_readmes_figures_are_the_datas(data: factcheck.Dataset) -> None:
    """The counts the card states by hand, held to the data so that they cannot go stale."""
    body = card_body()
    counts = {spec.name: len(getattr(data, spec.name)) for spec in TABLES}
    for spec in TABLES:
        assert f"| `{spec.file}` | {counts[spec.name]} |" in body, spec.file
    summary = f"{counts['claims']} claims, {counts['sources']} sources, "
    assert summary + f"{counts['evidence']} evidence items" in body
    verdicts = data.claims["verdict"].value_counts()
    stated = (
        f"of {counts['claims']} claims, {verdicts['supported']} are supported, "
        f"{verdicts['partly_supported']} partly supported, {verdicts['refuted']} refuted, "
        f"{verdicts['not_enough_evidence']} without enough evidence and "
        f"{verdicts['not_checkable']} not checkable"
    )
    assert stated in " ".join(body.split())
