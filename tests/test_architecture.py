"""The package layout holds to what docs/architecture.md says of it.

The import rules are stated once, as import-linter's layers contract in pyproject.toml;
import-linter checks the code against them, and the architecture document's list of layers
must be that contract, so neither can drift from the other.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import networkx as nx

from conftest import REPO

PACKAGE = REPO / "src" / "factcheck"
ARCHITECTURE = REPO / "docs" / "architecture.md"
MAX_LINES = 400


def contract_layers() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return [str(layer) for layer in contract["layers"]]


def documented_layers() -> list[str]:
    """The numbered list between the layer markers of docs/architecture.md, as contract lines."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    block = text.split("<!-- layers -->")[1].split("<!-- /layers -->")[0]
    items = re.findall(r"^\d+\. (.+)$", block, re.M)
    return [" | ".join(f"factcheck.{p}" for p in re.findall(r"`([\w.]+)`", i)) for i in items]


def test_the_document_lists_the_contracts_layers() -> None:
    assert documented_layers() == contract_layers()


def test_the_code_keeps_the_import_contract() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_no_module_imports_itself_through_others() -> None:
    """No import cycle among modules, counting imports inside functions too."""
    graph = grimp.build_graph("factcheck", cache_dir=None)
    edges = nx.DiGraph()
    for module in graph.modules:
        edges.add_node(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != "factcheck":  # the package's lazy public names, not a module
                edges.add_edge(module, imported)
    cycles = list(nx.simple_cycles(edges))
    assert cycles == [], cycles


def test_every_package_is_in_one_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    layered = {
        name.removeprefix("factcheck.")
        for layer in contract_layers()
        for name in layer.split(" | ")
    }
    assert packages | modules == layered


def test_no_module_is_renamed_on_import() -> None:
    """`from factcheck.model import notation`, never `... import notation as chain`."""
    modules = {p.stem for p in PACKAGE.rglob("*.py")}
    found = []
    for path in [*PACKAGE.rglob("*.py"), *(REPO / "tests").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck"):
                found += [
                    f"{path.name}: {a.name} as {a.asname}"
                    for a in node.names
                    if a.asname and a.name in modules
                ]
            if isinstance(node, ast.Import):
                found += [
                    f"{path.name}: import {a.name} as {a.asname}"
                    for a in node.names
                    if a.asname and a.name.startswith("factcheck")
                ]
    assert found == []


def test_modules_are_short_or_say_why_they_are_not() -> None:
    """A module over 400 lines is one idea that reads better whole, and its docstring says so."""
    long = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if text.count("\n") > MAX_LINES and "reads better whole" not in docstring:
            long.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
    assert long == []


def test_a_dataset_rule_lives_in_the_module_of_the_table_it_reports_on() -> None:
    """`checks/rules/<table>.py` holds the rules whose ids start with `<table>.`; the
    references between tables, whatever table they report on, are `references`."""
    from factcheck.checks.rules import MODULES, references

    misplaced = [
        f"{module.__name__}: {query.id}"
        for module in MODULES
        if module is not references
        for query in module.queries()
        if query.id.split(".")[0] != module.__name__.rsplit(".", 1)[1]
    ]
    assert misplaced == []


def documented_modules(package: str) -> set[str]:
    """The modules the table of packages names in a package's row, in backticks."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith(f"| `{package}/`"))
    return set(re.findall(r"`(\w+)(?:\.py|/)?`", row.split("|")[2]))


def test_the_document_names_every_module_of_every_package() -> None:
    """A newcomer reads the table of packages as a table of contents: each package's row
    names each of its modules and subpackages (`base`, the interface, aside), and nothing
    that is not one."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    packages = re.findall(r"^\| `(\w+)/` \|", text, re.M)
    assert sorted(packages) == sorted(
        p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()
    )
    for package in packages:
        found = {
            p.stem
            for p in (PACKAGE / package).iterdir()
            if p.suffix == ".py" or (p / "__init__.py").exists()
        }
        modules = found - {"__init__", "base"}
        named = documented_modules(package)
        assert (sorted(modules - named), sorted(named - modules - {"base"})) == ([], []), package
