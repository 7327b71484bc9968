"""The generated package is type-checked, black-clean and installs on its own."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from support import GENERATED

PACKAGE = GENERATED / "normandy_telemetry"
BIN = Path(sys.executable).parent


def run(
    *command: str | Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_generated_package_passes_mypy_strict(tmp_path: Path) -> None:
    result = run(
        BIN / "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        tmp_path / "cache",
        PACKAGE,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_python_is_black_clean() -> None:
    # pyproject.toml excludes generated/ from black for the toolchain's own code
    # (make check); an --extend-exclude given here replaces that one, so black
    # does read these files instead of reporting "No Python files are present".
    result = run(
        BIN / "black",
        "--check",
        "--diff",
        "--target-version",
        "py311",
        "--line-length",
        "88",
        "--extend-exclude",
        "^$",
        GENERATED,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No Python files" not in result.stderr, result.stderr


@pytest.mark.slow
def test_installs_and_imports_in_a_fresh_environment_with_nothing_else(
    tmp_path: Path,
) -> None:
    # A copy, to see what the install writes into the folder: nothing (setuptools
    # left build/ and *.egg-info there, which `make check` reports as drift).
    source = tmp_path / "src"
    shutil.copytree(GENERATED, source, ignore=shutil.ignore_patterns("__pycache__"))
    before = sorted(p.relative_to(source) for p in source.rglob("*"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # What the README tells a client to type: pip fetches the build backend itself.
    installed = run(python, "-m", "pip", "install", "--quiet", source)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert sorted(p.relative_to(source) for p in source.rglob("*")) == before
    probe = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import normandy_telemetry as n\n"
        "assert n.RECIPE_SIGNATURE_INVALID == 'signature_error'\n"
        "assert n.get_event('enroll', 'preference_study') is not None\n"
        "from importlib.metadata import version\n"
        "assert version('normandy-telemetry') == n.__version__, n.__version__\n"
        "added = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "third_party = added - set(sys.stdlib_module_names) - {'normandy_telemetry'}\n"
        "assert not third_party, third_party\n"
        "print(n.__file__)\n"
    )
    imported = run(python, "-I", "-c", probe, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert (
        str(env_dir) in imported.stdout
    ), "imported from the environment, not the source tree"
    listed = run(python, "-m", "pip", "list", "--format=freeze")
    names = {line.split("==")[0].lower() for line in listed.stdout.split()}
    assert names <= {
        "normandy-telemetry",
        "normandy_telemetry",
        "pip",
        "setuptools",  # comes with a new virtual environment on Python 3.11
    }, names
