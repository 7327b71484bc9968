"""``check`` catches every way generated/ can drift from the spec.

In-process, except the last test: a generate and check round trip through a
real interpreter, as ``make generate`` and ``make check`` run them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import SPEC, cli, run_codegen, snapshot


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real spec generated once, for each test to copy."""
    out = tmp_path_factory.mktemp("pristine") / "generated"
    assert cli("generate", "--spec", str(SPEC), "--out", str(out)).returncode == 0
    return out


@pytest.fixture
def project(tmp_path: Path, pristine: Path) -> tuple[Path, Path]:
    """A spec copy and a freshly generated output directory beside it."""
    spec = tmp_path / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    shutil.copy(SPEC, spec)
    out = tmp_path / "generated"
    shutil.copytree(pristine, out)
    return spec, out


def check(spec: Path, out: Path) -> tuple[int, str]:
    result = cli("check", "--spec", str(spec), "--out", str(out))
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr


def test_clean_output_passes(project: tuple[Path, Path]) -> None:
    spec, out = project
    code, _ = check(spec, out)
    assert code == 0


def test_hand_edited_file_is_reported_as_edited(project: tuple[Path, Path]) -> None:
    spec, out = project
    target = out / "normandy_telemetry" / "uptake.py"
    target.write_text(
        target.read_text().replace(
            'RUNNER_SUCCESS: Final = "success"', 'RUNNER_SUCCESS: Final = "succeeded"'
        )
    )
    code, err = check(spec, out)
    assert code == 1
    assert f"edited: {out}/normandy_telemetry/uptake.py" in err
    assert '+RUNNER_SUCCESS: Final = "success"' in err
    assert "run `make generate`" in err


def test_spec_changed_without_regenerating_is_reported_as_stale(
    project: tuple[Path, Path],
) -> None:
    spec, out = project
    spec.write_text(
        spec.read_text().replace(
            "ACTION_NETWORK_ERROR:\n          value: network_error",
            "ACTION_NETWORK_ERROR:\n          value: timeout_error",
        )
    )
    before = snapshot(out)
    code, err = check(spec, out)
    assert code == 1
    assert f"stale: {out}/normandy_telemetry/uptake.py" in err
    assert "edited:" not in err
    assert '+ACTION_NETWORK_ERROR: Final = "timeout_error"' in err
    assert snapshot(out) == before, "check must never write"


def test_missing_file_is_reported(project: tuple[Path, Path]) -> None:
    spec, out = project
    (out / "normandy_telemetry" / "catalog.json").unlink()
    code, err = check(spec, out)
    assert code == 1
    assert f"missing: {out}/normandy_telemetry/catalog.json" in err


def test_extra_file_is_reported_but_caches_are_not(project: tuple[Path, Path]) -> None:
    spec, out = project
    (out / "normandy_telemetry" / "leftover.py").write_text("X = 1\n")
    cache = out / "normandy_telemetry" / "__pycache__"
    cache.mkdir()
    (cache / "uptake.cpython-311.pyc").write_bytes(b"\0")
    code, err = check(spec, out)
    assert code == 1
    assert f"extra: {out}/normandy_telemetry/leftover.py" in err
    assert "pycache" not in err


def test_missing_output_directory_lists_every_file(tmp_path: Path) -> None:
    code, err = check(SPEC, tmp_path / "nothing")
    assert code == 1
    assert f"missing: {tmp_path}/nothing/normandy_telemetry/__init__.py" in err


def test_generate_then_check_round_trips_after_a_spec_change(
    project: tuple[Path, Path],
) -> None:
    """The smoke test of this module: both commands in real interpreters."""
    spec, out = project
    spec.write_text(
        spec.read_text().replace(
            "ACTION_NETWORK_ERROR:\n          value: network_error",
            "ACTION_NETWORK_ERROR:\n          value: timeout_error",
        )
    )
    assert (
        run_codegen("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    )
    result = run_codegen("check", "--spec", str(spec), "--out", str(out))
    assert "Traceback" not in result.stderr
    assert result.returncode == 0
