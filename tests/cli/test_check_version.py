"""``check --base REV`` fails when the spec changed since REV without the bump
its changes need, in a real git repository (``make check`` passes ``--base main``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import ROOT, cli

MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text("utf-8")
BASE = MINIMAL.replace("format_version: 1\n", "format_version: 1\nversion: 1.4.2\n")
COMPATIBLE_EDIT = (
    "          description: The recipe ran.\n",
    "          description: The recipe ran.\n"
    "        RECIPE_BACKOFF:\n          value: backoff\n          description: Skipped.\n",
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose main holds the spec at 1.4.2 and what it generates."""
    root = tmp_path / "repo"
    (root / "spec").mkdir(parents=True)
    (root / "spec" / "normandy.yaml").write_text(BASE, "utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "spec")
    return root


def edit(repo: Path, version: str, *edits: tuple[str, str]) -> None:
    """Change the working tree's spec and regenerate, so only the version is in question."""
    spec = repo / "spec" / "normandy.yaml"
    text = BASE.replace("version: 1.4.2", f"version: {version}")
    for find, replace in edits:
        assert text.count(find) == 1
        text = text.replace(find, replace)
    spec.write_text(text, "utf-8")
    assert cli("generate", cwd=repo).returncode == 0


def check(repo: Path, *args: str) -> tuple[int, str, str]:
    result = cli("check", *args, cwd=repo)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def test_a_change_without_its_bump_fails_and_says_which_bump(repo: Path) -> None:
    edit(repo, "1.4.3", COMPATIBLE_EDIT)
    code, _, err = check(repo, "--base", "main")
    assert code == 1
    assert err.strip() == (
        "spec/normandy.yaml:2:10: version 1.4.3 must be at least 1.5.0: the spec has"
        " compatible changes since main, where it was 1.4.2, and a compatible change bumps"
        " MINOR (`python -m codegen diff --against main` lists the changes)"
    )
    # Without --base, check compares generated/ only (the pre-commit hook, the tests).
    assert check(repo)[0] == 0


def test_the_bump_passes_and_is_reported(repo: Path) -> None:
    edit(repo, "1.5.0", COMPATIBLE_EDIT)
    code, out, err = check(repo, "--base", "main")
    assert code == 0, err
    assert "version 1.5.0 follows the changes since main" in out


def test_an_unchanged_spec_needs_no_bump_and_a_version_never_goes_down(
    repo: Path,
) -> None:
    edit(repo, "1.4.2")
    assert check(repo, "--base", "main")[0] == 0
    edit(repo, "1.4.1")
    code, _, err = check(repo, "--base", "main")
    assert code == 1 and "version 1.4.1 is lower than 1.4.2, the version at main" in err


def test_drift_and_a_missing_bump_are_both_reported(repo: Path) -> None:
    edit(repo, "1.4.2", COMPATIBLE_EDIT)
    (repo / "generated" / "pyproject.toml").write_text("edited\n", "utf-8")
    code, _, err = check(repo, "--base", "main")
    assert code == 1
    assert "edited: generated/pyproject.toml" in err
    assert "must be at least 1.5.0" in err


def test_an_unknown_base_is_a_clear_error(repo: Path) -> None:
    edit(repo, "1.4.2")
    code, _, err = check(repo, "--base", "no-such-branch")
    assert code == 1
    assert err.startswith("error: cannot check the version against no-such-branch:")
    assert "pass --base (make check: BASE=) a revision that has the spec" in err


def test_a_spec_outside_git_is_not_blamed_on_the_base(tmp_path: Path) -> None:
    """A helper's trial: a spec outside any repository was told to pass --base
    a revision that has the spec, which they had."""
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "normandy.yaml").write_text(BASE, "utf-8")
    assert cli("generate", cwd=tmp_path).returncode == 0
    result = cli("check", "--base", "main", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: cannot check the version against main: spec/normandy.yaml is not"
        " inside a git repository, so 'main' cannot be read; without --base, check"
        " compares the generated output only"
    ]
    assert cli("check", cwd=tmp_path).returncode == 0


def _make_check_base(clone: Path, *variables: str) -> list[str]:
    """The ``codegen check`` line ``make check`` would run in ``clone``, and
    what it says on its own (``make -n`` prints both, running neither)."""
    dry = subprocess.run(
        [
            "make",
            "-n",
            "-f",
            str(ROOT / "Makefile"),
            "-o",
            ".venv/.installed",
            "check",
            *variables,
        ],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        line
        for line in dry.stdout.splitlines()
        if "codegen check" in line or "make check:" in line
    ]


def test_make_check_passes_the_base() -> None:
    (line,) = _make_check_base(ROOT, "BASE=some-branch")
    assert line.endswith("-m codegen check --base 'some-branch'")
    # An empty BASE reaches check, which refuses it, rather than skipping the
    # version rule with a wrong reason.
    (line,) = _make_check_base(ROOT, "BASE=")
    assert line.endswith("-m codegen check --base ''")


def test_make_check_compares_with_origin_main_in_a_clone_of_a_branch(
    repo: Path, tmp_path: Path
) -> None:
    """A CI clone of a pull request's branch has origin/main, not main: the
    version rule must still have a base, not compare the spec with itself."""
    git(repo, "checkout", "-q", "-b", "work")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--branch", "work", str(repo), str(clone))
    (line,) = _make_check_base(clone)
    assert line.endswith("-m codegen check --base 'origin/main'")


def test_make_check_says_when_there_is_no_base(tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    git(lone, "init", "-q", "-b", "work")
    lines = _make_check_base(lone)
    # Said first: a maintainer's trial never saw it when the drift check
    # failed, since make stops at the first command that fails.
    assert "the spec's version is not checked" in lines[0]
    assert lines[1].endswith("-m codegen check ")


def test_an_empty_base_is_refused(repo: Path) -> None:
    edit(repo, "1.4.2")
    code, _, err = check(repo, "--base", "")
    assert code == 2
    assert "--base needs a git revision" in err


def test_a_renamed_from_naming_nothing_at_the_base_is_an_error_not_a_traceback(
    repo: Path,
) -> None:
    """generate cannot know what a renamed_from should name; the version check,
    which compares with the base, finds it names nothing there."""
    edit(
        repo,
        "2.0.0",
        (
            "RUNNER_SUCCESS:\n",
            "RUNNER_DONE:\n          renamed_from: RUNER_SUCCESS\n",
        ),
    )
    code, _, err = check(repo, "--base", "main")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == (
        "error: cannot check the version against main: the changes since it cannot be told:"
    )
    assert lines[1].startswith("spec/normandy.yaml:")
    assert "records renamed_from: 'RUNER_SUCCESS'" in lines[1]
    assert "did you mean 'RUNNER_SUCCESS'?" in lines[1]
