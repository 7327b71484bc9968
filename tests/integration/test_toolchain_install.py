"""The toolchain installs whole: pre-commit installs it into an environment of
its own and runs ``python -m codegen`` in another repository (README, "Linting
and diffing the spec"). A user trial found the wheel held only ``codegen``
itself: ``ModuleNotFoundError: No module named 'codegen.targets'``.

The wheel is built from this repository, unpacked into a folder of its own
(its dependencies come from this environment), and run from a copy of the
spec in an empty repository: lint, generate and check, with the templates and
the runtime sources it carries.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import GENERATED, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy: an in-tree build would leave build/ in this repository.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("codegen", "templates"):
        shutil.copytree(
            ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    wheels = tmp_path_factory.mktemp("wheels")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("*.whl")
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import sys, runpy, codegen; print(codegen.__file__, file=sys.stderr); runpy.run_module('codegen', run_name='__main__')"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_carries_every_module_template_and_runtime_source(
    installed: Path,
) -> None:
    package = installed / "codegen"
    for source in (ROOT / "codegen").rglob("*.py"):
        relative = source.relative_to(ROOT / "codegen")
        assert (package / relative).is_file(), relative
    for template in (ROOT / "templates").rglob("*.j2"):
        relative = template.relative_to(ROOT / "templates")
        assert (package / "templates" / relative).is_file(), relative


def test_another_repository_lints_generates_and_checks(
    installed: Path, tmp_path: Path
) -> None:
    repo = tmp_path / "elsewhere"
    (repo / "spec").mkdir(parents=True)
    shutil.copy(ROOT / "spec" / "normandy.yaml", repo / "spec" / "normandy.yaml")
    for command in (["lint"], ["generate"], ["check"]):
        result = run(installed, repo, *command)
        assert result.returncode == 0, result.stderr
        # The installed copy ran, not this repository's.
        assert result.stderr.splitlines()[0].startswith(str(installed)), result.stderr
    made = sorted(
        p.relative_to(repo / "generated")
        for p in (repo / "generated").rglob("*")
        if p.is_file()
    )
    ours = sorted(
        p.relative_to(GENERATED)
        for p in GENERATED.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert made == ours
    for path in made:
        assert (repo / "generated" / path).read_bytes() == (
            GENERATED / path
        ).read_bytes(), path
