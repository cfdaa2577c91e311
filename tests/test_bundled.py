"""The dataset released with the package: found in a checkout, and inside a built wheel
installed elsewhere, where `factcheck.load_dataset()` loads it."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import factcheck
from conftest import REPO, TABLE_FILES, read_rows
from factcheck.model.tables import TABLES
from factcheck.storage.bundled import locate

DATA_FILES = sorted(
    [spec.file for spec in TABLES]
    + [f"articles/{p.name}" for p in (REPO / "articles").iterdir() if p.is_file()]
)


def test_in_a_checkout_it_is_the_repository_root() -> None:
    assert factcheck.bundled_path() == REPO


def make_package(root: Path, *, tables: bool, data: bool) -> Path:
    package = root / "src" / "factcheck"
    package.mkdir(parents=True)
    for name in TABLE_FILES if tables else ():
        (root / name).write_text("", encoding="utf-8")
    if data:
        (package / "data").mkdir()
    return package


def test_an_installed_copy_comes_before_the_checkout(tmp_path: Path) -> None:
    package = make_package(tmp_path, tables=True, data=True)
    assert locate(package) == package / "data"


def test_a_checkout_without_its_tables_is_not_the_dataset(tmp_path: Path) -> None:
    """A build that left the data out points at the package's data folder, which is not
    there, so loading says which folder is missing."""
    package = make_package(tmp_path, tables=False, data=False)
    assert locate(package) == package / "data"
    with pytest.raises(factcheck.DatasetUnreadable, match=str(package / "data")):
        factcheck.load_dataset(package / "data")


def test_the_wheel_build_bundles_the_tables_the_model_names() -> None:
    """pyproject.toml lists the files the wheel carries; they are the model's tables and
    the article texts, so a new table cannot be left out of the wheel unnoticed."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    hook = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]
    assert sorted(hook["bundle"]) == sorted([spec.file for spec in TABLES] + ["articles"])
    assert hook["into"] == "factcheck/data"


def run(*command: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An sdist built from the checkout, and the wheel built from that sdist (so the sdist
    is shown to carry the data too), with the project's pinned build backend."""
    out = tmp_path_factory.mktemp("dist")
    run(
        sys.executable,
        "-c",
        f"from hatchling.build import build_sdist; build_sdist({str(out)!r})",
        cwd=REPO,
    )
    (sdist,) = out.glob("*.tar.gz")
    wheels = out / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "--no-index", "-q", "-w", wheels, sdist, cwd=out)  # fmt: skip
    (wheel,) = wheels.glob("*.whl")
    return sdist, wheel


@pytest.mark.slow
def test_the_sdist_and_the_wheel_hold_every_data_file(built: tuple[Path, Path]) -> None:
    sdist, wheel = built
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert set(DATA_FILES) <= in_sdist
    with zipfile.ZipFile(wheel) as archive:
        bundled = {
            name.removeprefix("factcheck/data/"): archive.read(name)
            for name in archive.namelist()
            if name.startswith("factcheck/data/")
        }
    assert sorted(bundled) == DATA_FILES
    assert all(bundled[name] == (REPO / name).read_bytes() for name in DATA_FILES)


PROBE = """
import importlib.metadata, json, factcheck
data = factcheck.load_dataset()
print(json.dumps({
    "module": factcheck.__file__,
    "bundled": str(factcheck.bundled_path()),
    "claims": data.claims["claim_id"].tolist(),
    "validated": data.validated,
    "repr": repr(data),
    "version": factcheck.__version__,
    "metadata": importlib.metadata.version("factcheck-dataset"),
    "installed": str(importlib.metadata.distribution("factcheck-dataset")
                     .locate_file("factcheck/__init__.py")),
}))
"""


@pytest.mark.slow
def test_a_plain_install_of_the_wheel_loads_the_bundled_release(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """The wheel installed in a fresh venv, run from a folder outside the checkout.

    The venv gets the wheel alone; the packages factcheck needs are this interpreter's,
    through a .pth file that lists their folders (a .pth file's lines are added to the path,
    but the .pth files inside them are not read), so the checkout's editable install of
    factcheck stays out of reach and factcheck can only come from the wheel."""
    _, wheel = built
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q",
        "--no-deps", "--no-index", wheel, cwd=tmp_path)  # fmt: skip
    target = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                      cwd=tmp_path).strip())  # fmt: skip
    ours = {sysconfig.get_path("purelib"), *site.getsitepackages()}
    (target / "dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    found = json.loads(run(python, "-c", PROBE, cwd=elsewhere))

    module = Path(found["module"])
    assert module.is_relative_to(target), module
    assert Path(found["installed"]) == module
    assert Path(found["bundled"]) == module.parent / "data"
    rows = read_rows(REPO / "claims.csv")
    column = rows[0].index("claim_id")
    assert found["claims"] == [row[column] for row in rows[1:]]
    assert len(found["claims"]) == 57
    assert found["validated"]
    assert found["repr"].startswith(f"Dataset(bundled release {factcheck.__version__} at ")
    assert found["version"] == found["metadata"] == factcheck.__version__
    command = venv / "bin" / "factcheck"
    assert run(command, "--version", cwd=elsewhere) == f"factcheck {factcheck.__version__}\n"
    run(command, "validate", "--dir", found["bundled"], cwd=elsewhere)  # exit 0
