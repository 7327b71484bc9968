"""The diff formats the command line offers are the renderers that exist."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT

from codegen import cli, diff_output


def test_the_command_line_offers_every_renderer() -> None:
    assert list(cli.DIFF_FORMATS) == sorted(diff_output.RENDERERS)


def test_generating_does_not_load_the_diff_machinery() -> None:
    probe = "import sys, codegen.cli; print(sorted(m for m in sys.modules if m.startswith('codegen.')))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for module in (
        "codegen.diff",
        "codegen.acceptance",
        "codegen.spec_edits",
        "codegen.diff_output",
    ):
        assert f"'{module}'" not in loaded.stdout
    assert "'black'" not in loaded.stdout
