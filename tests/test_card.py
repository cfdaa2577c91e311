"""The dataset's card: one definition, and every file made from it agrees with it."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest
import yaml
from huggingface_hub import DatasetCard

import factcheck
from conftest import REPO
from factcheck.cli import main
from factcheck.exports.base import ExportError, Source
from factcheck.exports.card import REQUIRED_BLOCKS, CardFormat, front_matter, update_readme
from factcheck.model.card import card
from factcheck.model.tables import TABLES

GENERATED = ("README.md", "CITATION.cff", "LICENSE", "datapackage.json")
# Hugging Face's size categories, by the most rows a table of that size may have.
SIZES = {"n<1K": 999, "1K<n<10K": 9_999, "10K<n<100K": 99_999}


def rows(name: str) -> list[dict[str, str]]:
    with (REPO / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", GENERATED)
def test_committed_file_is_what_the_card_makes(name: str) -> None:
    made = CardFormat().render(Source(REPO))
    assert isinstance(made, dict)
    committed = (REPO / name).read_text(encoding="utf-8")
    assert committed == made[name].decode("utf-8"), "run: factcheck export card -o ."


def test_the_packages_licence_is_the_cards() -> None:
    """The wheel carries the code, the data and the texts: it declares all three licences."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert project["license"] == card().licence_expression
    assert project["license-files"] == ["LICENSE"]


def test_the_version_is_the_packages() -> None:
    # pyproject.toml reads the version from `factcheck.version` (hatch's version source)
    with (REPO / "pyproject.toml").open("rb") as handle:
        source = tomllib.load(handle)["tool"]["hatch"]["version"]["path"]
    assert source == "src/factcheck/version.py"
    assert card().version == factcheck.__version__


def test_every_file_of_the_dataset_has_one_licence_group() -> None:
    about = card()
    for group in about.licences:
        for path in group.paths:
            assert (REPO / path).exists(), f"{group.group} names {path}, which is not there"
    assert [g.group for g in about.licences if g.covers("articles/x.txt")] == ["article texts"]
    for spec in TABLES:
        assert [g.spdx for g in about.licences if g.covers(spec.file)] == ["CC-BY-4.0"]
    assert about.licence_of("docs/data-dictionary.md").spdx == "CC-BY-4.0"
    assert about.licence_of("src/factcheck/dataset.py").spdx == "MIT"
    assert about.licence_of("pyproject.toml").spdx == "MIT"  # every file not named


def test_the_size_category_and_the_one_article_are_the_datas() -> None:
    about = card()
    assert max(len(rows(spec.file)) for spec in TABLES) <= SIZES[about.size_category]
    assert len(rows("articles.csv")) == 1, "the card's limitations say: one article"
    assert about.limitations[0].startswith("One article.")


def test_the_front_matter_is_a_hugging_face_dataset_card() -> None:
    data = DatasetCard.load(REPO / "README.md").data
    assert data.license == ["cc-by-4.0", "other", "mit"]
    assert data.license_link == "LICENSE"
    assert data.language == ["en"]
    assert data.pretty_name == "factcheck"
    assert data.size_categories == [card().size_category]
    configs = {c["config_name"]: c for c in data.configs}
    assert {name: c["data_files"] for name, c in configs.items()} == {
        spec.name: spec.file for spec in TABLES
    }
    assert [name for name, c in configs.items() if c.get("default")] == ["claims"]
    features = {info["config_name"]: info["features"] for info in data.dataset_info}
    for spec in TABLES:
        assert [f["name"] for f in features[spec.name]] == spec.columns


README = """\
# A title

<!-- card:glance -->
<!-- /card:glance -->

Words the generator must leave alone, `<!-- card:fields -->` in code included.

<!-- card:fields -->
stale
<!-- /card:fields -->

Between.

<!-- card:limitations -->
<!-- /card:limitations -->
<!-- card:licence -->
old licence text
<!-- /card:licence -->
<!-- card:citation -->
<!-- /card:citation -->
Last line.
"""


def test_only_the_front_matter_and_the_blocks_are_rewritten() -> None:
    about = card()
    once = update_readme(README, about)
    assert once.startswith(front_matter(about) + "# A title\n")
    assert update_readme(once, about) == once  # the old front matter is replaced, not kept
    assert "stale" not in once
    assert "old licence text" not in once
    assert "Between.\n" in once
    assert once.endswith("Last line.\n")
    assert "`<!-- card:fields -->` in code included." in once
    assert about.limitations[1] in once
    assert about.bibtex in once
    assert "<!-- card:uses -->" not in once  # an optional block the README does not have


@pytest.mark.parametrize("name", REQUIRED_BLOCKS)
def test_a_missing_block_is_an_error_naming_its_markers(name: str) -> None:
    broken = README.replace(f"<!-- /card:{name} -->", "")
    with pytest.raises(ExportError, match=f"no block <!-- card:{name} --> … <!-- /card:{name}"):
        update_readme(broken, card())


def test_the_command_writes_nothing_when_a_block_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text("# no blocks\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text((REPO / "LICENSE").read_text(encoding="utf-8"))
    assert main(["export", "card", "--dir", str(tmp_path), "-o", str(tmp_path)]) == 2
    assert "no block <!-- card:fields -->" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LICENSE", "README.md"]


def test_the_command_rewrites_the_files_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    mit = (REPO / "LICENSE").read_text(encoding="utf-8").split("\n\n")[:5]  # the MIT text
    (tmp_path / "LICENSE").write_text("\n\n".join(mit) + "\n\nAn old closing paragraph.\n")
    assert main(["export", "card", "--dir", str(tmp_path), "-o", str(tmp_path)]) == 0
    assert capsys.readouterr().out.count("wrote ") == len(GENERATED)
    licence = (tmp_path / "LICENSE").read_text(encoding="utf-8")
    assert "An old closing paragraph" not in licence
    assert licence.startswith("MIT License\n")
    assert "evidence.csv" in licence
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == update_readme(README, card())


def test_a_licence_without_the_mit_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "LICENSE").write_text("All rights reserved.\n", encoding="utf-8")
    with pytest.raises(ExportError, match="MIT licence"):
        CardFormat().render(Source(tmp_path))


def test_citation_cff_says_what_the_card_says() -> None:
    about = card()
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["title"] == about.title
    assert citation["version"] == about.version
    assert citation["date-released"] == about.released.isoformat()
    assert citation["license"] == ["CC-BY-4.0", "MIT"]
    assert citation["abstract"] == about.summary
