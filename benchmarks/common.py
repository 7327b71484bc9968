"""Helpers shared by the benchmarks: timing a command, its peak memory, specs on disk."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synthetic import synthetic_spec

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


def run_command(command: list[str], cwd: Path = ROOT) -> Run:
    """Wall time and peak resident memory of one run of ``command``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Standard error goes to a file, not a pipe: a command that writes more
    # than a pipe holds (glean_parser warns once per metric) would block on it
    # while this process waits for it to end.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr}")
    return Run(seconds, usage.ru_maxrss / 1024)


def best_of(command: list[str], repeat: int = 3) -> Run:
    runs = [run_command(command) for _ in range(repeat)]
    return Run(min(r.seconds for r in runs), max(r.peak_mib for r in runs))


def spec_with_events(count: int) -> Path:
    """A synthetic spec of ``count`` events under benchmarks/out/, made once."""
    path = OUT / f"spec-{count}" / "normandy.yaml"
    text = synthetic_spec(count)
    if not path.exists() or path.read_text("utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return path


def codegen_generate(spec: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "codegen",
        "generate",
        "--spec",
        str(spec),
        "--out",
        str(out),
    ]
