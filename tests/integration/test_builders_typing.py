"""mypy holds callers of the typed builders to the spec, and the builder modules,
which black never sees, are black-clean and pass mypy --strict whatever the spec
(here the stress spec, which reaches more cases than the real one).

The builders themselves are tested in ``tests/package/test_builders.py``; these
need the real mypy and black, in subprocesses, and take seconds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from strategies import generate_package, stress_spec_text
from support import GENERATED

BIN = Path(sys.executable).parent


CLIENT_OK = """\
from normandy_telemetry import Event, events

event: Event = events.preference_study.enroll(
    value="pref-study",
    branch="control",
    experiment_type="exp-highpop",
    enrollment_id="5912ade2-8201-4774-a09d-807731afb9a8",
)
failed = events.preference_study.enroll_failed(value="s", reason="invalid-branch")
"""

CLIENT_BAD = """\
from normandy_telemetry import events

events.preference_study.enroll(
    value="pref-study",
    branch="control",
    experiment_type="exp-lowpop",
    enrollment_id="x",
)
events.preference_study.enroll_failed(value="s")
events.addon_study.update("positional")
"""


def test_mypy_holds_callers_to_the_spec(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text(CLIENT_OK)
    (tmp_path / "bad.py").write_text(CLIENT_BAD)
    command = [
        str(BIN / "mypy"),
        "--strict",
        "--no-incremental",
        "--cache-dir",
        str(tmp_path / "cache"),
        "ok.py",
        "bad.py",
    ]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={"MYPYPATH": str(GENERATED), "PATH": ""},
    )
    lines = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert all(line.startswith("bad.py:") for line in lines), result.stdout
    text = "\n".join(lines)
    assert (
        'bad.py:6: error: Argument "experiment_type" to "enroll" has incompatible type "Literal[\'exp-lowpop\']"'
        in text
    )
    assert (
        'bad.py:9: error: Missing named argument "reason" for "enroll_failed"' in text
    )
    assert "bad.py:10: error: Too many positional arguments" in text


# -- the modules' shape, on a spec that reaches more cases ----------------------------------


@pytest.fixture(scope="module")
def stress_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("builders")
    spec = root / "normandy.yaml"
    spec.write_text(stress_spec_text(), "utf-8")
    generate_package(spec, root / "out")
    return root / "out"


def test_builder_modules_are_black_clean_and_typed_for_any_spec(
    stress_package: Path,
) -> None:
    package = stress_package / "normandy_telemetry"
    text = (package / "events" / "stress_object.py").read_text("utf-8")
    assert "def str_(" in text  # a builtin's name gets a trailing underscore
    assert (
        "StrManyValues = Literal[\n" in text
    )  # too long for its line: an alias, exploded
    assert (
        'OneLongValueOnly = Literal[\n    "a-single' in text
    )  # one value: no trailing comma
    assert "'say \"hi\" \\\\ now'" in text  # quoted as black quotes it
    black = subprocess.run(
        [
            str(BIN / "black"),
            "--check",
            "--diff",
            "--target-version",
            "py311",
            str(stress_package),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert black.returncode == 0, black.stdout + black.stderr
    mypy = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(stress_package.parent / "cache"),
            str(package),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
