"""Shared helpers for the tests: paths, two CLI runners, spec patches, snapshots.

``pyproject.toml`` puts the project root, ``tests/`` and ``generated/`` on the
path, so tests import ``support`` and the committed ``normandy_telemetry``
exactly as a client would.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "normandy.yaml"
GENERATED = ROOT / "generated"

ISSUE_ENROLL_FAILED = {
    "category": "normandy",
    "name": "enroll_failed_preference_study",
    "timestamp": 0,
    "extra": {
        "glean_timestamp": "1796171152405",
        "prefBranch": "user",
        "reason": "invalid-branch",
        "value": "my-study",
    },
}
"""A valid event of issue 12's Glean events ping, as the Glean SDK sent it."""


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str, cwd: Path = ROOT) -> Result:
    """Run ``python -m codegen ARGS`` in this process, from ``cwd``.

    ``codegen.cli.main`` runs with stdout and stderr captured, in the same
    working directory :func:`run_codegen` uses, and gives the same
    :class:`Result` in a few milliseconds instead of half a second. argparse's
    exits (``--help``, usage errors) become their exit code. Any other
    exception is what a user would see as a traceback: it fails the test.
    """
    from codegen.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            code = main(list(args))
        except SystemExit as exited:
            if exited.code is None or isinstance(exited.code, int):
                code = exited.code or 0
            else:  # as the interpreter does: print the message, exit 1
                print(exited.code, file=sys.stderr)
                code = 1
        except Exception as exc:
            raise AssertionError(
                f"python -m codegen {' '.join(args)} raised {exc!r}; "
                "a user would see a traceback"
            ) from exc
    return Result(code, stdout.getvalue(), stderr.getvalue())


def run_codegen(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> Result:
    """Run ``python -m codegen ARGS`` in a fresh interpreter, as a user would.

    Slow (an interpreter start each time): kept for the few smoke tests that
    need a real process. Everything else uses :func:`cli`.
    """
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


@dataclass(frozen=True)
class Patch:
    """One exact edit of a base spec: replace ``find``, which occurs exactly once.

    A mistake written as a patch of a known-good spec shows what is wrong in one
    line and keeps every other line, and so every pinned LINE:COL, where it was.
    """

    find: str
    replace: str


def patched(base: str, *patches: Patch) -> str:
    """``base`` with each patch applied in turn; each must match it exactly once."""
    text = base
    for patch in patches:
        count = base.count(patch.find)
        assert count == 1, f"{patch.find!r} occurs {count} times in the base, not once"
        assert text.count(patch.find) == 1, f"an earlier patch changed {patch.find!r}"
        text = text.replace(patch.find, patch.replace)
    return text


def write_spec(directory: Path, name: str, text: str | bytes) -> Path:
    """Write a spec to ``directory/name`` (``errors/wrong_type.yaml``) and return its path.

    Messages name a spec by the path it was given as, so a test that runs the
    CLI from ``directory`` with ``--spec name`` reads ``name`` in them.
    """
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path
