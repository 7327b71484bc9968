"""``support.cli`` stands in for ``python -m codegen``: same results, and no state left behind.

The cli tier runs the command line in-process; these pin that doing so is
faithful. The real-interpreter smoke tests (``run_codegen``) are beside the
tests they mirror: an error case in ``test_spec_errors.py``, determinism in
``test_determinism.py``, a generate and check round trip in ``test_check.py``.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from support import ROOT, cli


@pytest.mark.parametrize("enabled", [True, False])
def test_main_leaves_the_collector_as_it_found_it(
    enabled: bool, tmp_path: Path
) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        result = cli(
            "lint", "--spec", str(ROOT / "tests" / "fixtures" / "minimal.yaml")
        )
        assert result.returncode == 0, result.stderr
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_argparse_exits_become_exit_codes() -> None:
    help_text = cli("--help")
    assert help_text.returncode == 0 and "generate" in help_text.stdout
    usage = cli("no-such-command")
    assert usage.returncode == 2 and "invalid choice" in usage.stderr


def test_an_escaping_exception_fails_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash inside main() is a failure in-process, as a traceback is in a subprocess."""
    import codegen.cli

    def crash(path: Path) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(codegen.cli, "load_spec", crash)
    with pytest.raises(AssertionError, match="a user would see a traceback"):
        cli("lint")


def test_runs_from_the_project_root_like_the_subprocess_runner() -> None:
    result = cli("lint")
    assert result.stdout.splitlines()[-1].endswith("in spec/normandy.yaml")
