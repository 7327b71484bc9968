"""Shared helpers for the tests: paths, a CLI runner, snapshots.

``pyproject.toml`` puts the project root, ``tests/`` and ``generated/`` on the
path, so tests import ``support`` and the committed ``normandy_telemetry``
exactly as a client would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "normandy.yaml"
GENERATED = ROOT / "generated"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_codegen(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> Result:
    """Run ``python -m codegen ARGS`` in a fresh interpreter, as a user would."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, for before/after comparisons."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
