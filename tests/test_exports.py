"""The export formats: one interface, one registry, and the command line built from it."""

from __future__ import annotations

import argparse
import pkgutil
from pathlib import Path

import pytest

from conftest import REPO
from factcheck import cli, exports
from factcheck.exports.base import REGISTRY, ExportError, Format, Source


def test_every_module_of_the_package_is_one_registered_format() -> None:
    modules = {m.name for m in pkgutil.iter_modules(exports.__path__)} - {"base"}
    found = exports.formats()
    assert {type(f).__module__.rsplit(".", 1)[1] for f in found.values()} == modules
    assert len(found) == len(modules)
    assert list(found) == sorted(found)


def test_the_command_line_offers_every_format_with_its_options() -> None:
    parser = cli.build_parser(["export"])
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = commands.choices["export"]
    formats = next(a for a in export._actions if isinstance(a, argparse._SubParsersAction))
    assert sorted(formats.choices) == sorted(exports.formats())
    for name, chosen in exports.formats().items():
        flags = {f for a in formats.choices[name]._actions for f in a.option_strings}
        wanted = {"--output", *(o.flag for o in chosen.options)}
        assert wanted | ({"--dir"} if chosen.reads_data else set()) <= flags
        assert ("--dir" in flags) == chosen.reads_data  # no folder it would not read


def test_a_new_format_is_one_subclass(tmp_path: Path) -> None:
    """Defining a subclass registers it; nothing else is needed to list it."""

    class Lines(Format):
        name = "test-lines"
        help = "one line per claim id"
        suffix = ".txt"

        def render(self, source: Source, **options: str) -> bytes:
            return "\n".join(source.dataset.claims["claim_id"]).encode()

    try:
        assert exports.formats()["test-lines"].render(Source(REPO)).startswith(b"C0001\n")
        output = tmp_path / "ids.txt"
        assert cli.main(["export", "test-lines", "--dir", str(REPO), "-o", str(output)]) == 0
        claims = (REPO / "claims.csv").read_text(encoding="utf-8").count("\n") - 1
        assert output.read_text().count("\n") == claims - 1  # ids joined by line breaks
        with pytest.raises(TypeError, match="two export formats"):
            type("Again", (Format,), {"name": "test-lines", "render": Lines.render})
    finally:
        REGISTRY.pop("test-lines")


def test_a_wrong_option_is_an_export_error_with_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(ExportError, match="reviewer-url"):
        exports.formats()["claimreview"].render(
            Source(REPO), reviewer_name="x", reviewer_url="nope", review_url="{claim_id}"
        )
    options = ["--reviewer-name", "x", "--reviewer-url", "nope"]
    assert cli.main(["export", "claimreview", "--dir", str(REPO), *options]) == 2
    assert capsys.readouterr().err == (
        "factcheck: --reviewer-url must be an absolute http(s) address\n"
    )


def test_a_folder_format_writes_each_file(tmp_path: Path) -> None:
    assert exports.formats()["parquet"].writes_folder
    assert cli.main(["export", "parquet", "--dir", str(REPO), "-o", str(tmp_path / "p")]) == 0
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == [
        "articles.parquet",
        "claims.parquet",
        "evidence.parquet",
        "sources.parquet",
    ]
