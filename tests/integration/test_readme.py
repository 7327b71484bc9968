"""Every Python example in the README runs, so the README cannot go stale."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

BLOCKS = re.findall(
    r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S
)


def test_readme_has_examples() -> None:
    assert BLOCKS


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_example_runs(index: int) -> None:
    exec(compile(BLOCKS[index], f"README.md python block {index + 1}", "exec"), {})


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    first_block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines()[0].startswith("make generate")
    assert first_block.splitlines()[1].startswith("make test")


def test_the_glinter_command_passes_as_written() -> None:
    """A user trial copied the README's glinter loop and got INVALID_TAGS:
    the metrics name tags that only tags.yaml defines."""
    text = (ROOT / "README.md").read_text("utf-8")
    (command,) = [
        line.strip()
        for block in re.findall(r"```sh\n(.*?)```", text, re.S)
        for line in block.splitlines()
        if "glinter" in line
    ]
    venv_bin = str(Path(sys.executable).parent)
    result = subprocess.run(
        command.replace(".venv/bin", venv_bin),
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Your metrics are Glean" in result.stdout + result.stderr
