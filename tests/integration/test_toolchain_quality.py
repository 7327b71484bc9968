"""The toolchain itself is held to the standard it sets for generated code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT


def test_codegen_passes_mypy_strict(tmp_path: Path) -> None:
    mypy = Path(sys.executable).parent / "mypy"
    result = subprocess.run(
        [
            str(mypy),
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path),
            "codegen",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
