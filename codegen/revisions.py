"""Read a spec from a file or from a git revision, for ``diff``.

A revision comes from the command line, so it is never handed to git where
it could be read as an option (``--output=...`` makes ``git show`` write a
file): it must not start with ``-``, it is resolved with ``rev-parse --verify
--end-of-options`` to a commit hash, and only that hash reaches ``cat-file``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from codegen.model import Spec
from codegen.pipeline import load_spec, load_spec_bytes

# What a revision may look like: a name, a hash, ``HEAD~2``, ``main^``,
# ``origin/main``, ``v1.0``, ``@{u}``. No leading ``-``, no whitespace or
# control characters, nothing git could read as anything but a revision.
_REVISION = re.compile(r"[A-Za-z0-9_@{}~^./+][A-Za-z0-9_@{}~^./+-]*")
_HASH = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


class RevisionError(Exception):
    """A side of a diff is neither a spec file nor something git can show."""

    def __init__(self, message: str, revision_at_fault: bool = True) -> None:
        super().__init__(message)
        self.revision_at_fault = revision_at_fault
        """Whether another revision could be read: not where git, or the
        spec's repository, is what is missing."""


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RevisionError(f"cannot run git: {exc}", revision_at_fault=False) from None


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else "unknown error"


def commit_of(revision: str, directory: Path) -> str:
    """The commit hash ``revision`` names in the repository at ``directory``."""
    if not _REVISION.fullmatch(revision):
        raise RevisionError(
            f"'{revision}' is not a git revision (a branch, tag, commit hash or "
            "an expression such as HEAD~1; it may not start with '-')"
        )
    resolved = _git(
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        f"{revision}^{{commit}}",
        cwd=directory,
    )
    commit = resolved.stdout.decode(errors="replace").strip()
    if resolved.returncode != 0 or not _HASH.fullmatch(commit):
        raise RevisionError(f"'{revision}' is not a commit in this git repository")
    return commit


def spec_at_revision(revision: str, spec_path: Path) -> Spec:
    """The spec as committed at ``revision`` (``main``, ``HEAD~2``, a hash)."""
    # The folder resolved, not the file: a spec that is a link in the working
    # tree is still read at its own path in the revision.
    directory = spec_path.absolute().parent.resolve()
    if not directory.is_dir():
        raise RevisionError(
            f"{spec_path} is not here, so '{revision}' cannot be read: run from"
            " the folder that holds it (the repository's top), or pass --spec",
            revision_at_fault=False,
        )
    top = _git("rev-parse", "--show-toplevel", cwd=directory)
    if top.returncode != 0:
        raise RevisionError(
            f"{spec_path} is not inside a git repository, so '{revision}' cannot be read",
            revision_at_fault=False,
        )
    relative = (
        (directory / spec_path.name)
        .relative_to(Path(top.stdout.decode().strip()))
        .as_posix()
    )
    commit = commit_of(revision, directory)
    listed = _git(
        "ls-tree", "--full-tree", "--end-of-options", commit, relative, cwd=directory
    )
    if listed.stdout.startswith(b"120000 "):
        raise RevisionError(
            f"{relative} is a symbolic link in {revision}; a spec is read from a"
            " regular file only"
        )
    shown = _git("cat-file", "blob", f"{commit}:{relative}", cwd=directory)
    if shown.returncode != 0:
        raise RevisionError(
            f"git cannot show {revision}:{relative}: {_last_line(shown.stderr)}"
        )
    return load_spec_bytes(shown.stdout, f"{revision}:{relative}")


def resolve_side(side: str, spec_path: Path) -> tuple[Spec, str]:
    """A spec from a path, or from a git revision of ``spec_path``; and how to name it."""
    as_path = Path(side)
    if as_path.is_file():
        if _is_also_a_revision(side, spec_path):
            raise RevisionError(
                f"'{side}' is both a file here and a git revision; write ./{side}"
                f" for the file, or {side}^{{commit}} for the revision"
            )
        return load_spec(as_path), side
    if as_path.exists():
        what = "a directory" if as_path.is_dir() else "not a regular file"
        raise RevisionError(
            f"'{side}' is {what}, not a spec file or a git revision; give the"
            " spec file (spec/normandy.yaml) or a revision (main, HEAD~1)"
        )
    try:
        return spec_at_revision(side, spec_path), side
    except RevisionError as error:
        if "/" in side or side.endswith((".yaml", ".yml")):
            # Meant as a file, by its look: say so, not "not a commit".
            raise RevisionError(
                f"'{side}' is neither a file here nor a git revision ({error})"
            ) from None
        raise


def _is_also_a_revision(side: str, spec_path: Path) -> bool:
    """Whether a bare name (no folder: ``main``) also names a commit, as git
    would refuse it as ambiguous."""
    directory = spec_path.resolve().parent
    if "/" in side or not directory.is_dir() or not _REVISION.fullmatch(side):
        return False
    try:
        commit_of(side, directory)
    except RevisionError:
        return False
    return True


def revision_range(side: str) -> tuple[str, str] | None:
    """``A..B`` as (A, B), each side defaulting to ``HEAD`` as git's own ranges do;
    None for anything else (a file, one revision). ``A...B`` is refused rather
    than read as a revision git cannot show."""
    if Path(side).exists() or ".." not in side:
        return None
    if "..." in side:
        raise RevisionError(
            f"'{side}' is a three-dot range, which diff does not take; compare "
            "two revisions with A..B (for the merge base: git merge-base A B)"
        )
    old, new = side.split("..", 1)
    if ".." in new:
        raise RevisionError(f"'{side}' is not a revision range A..B")
    return old or "HEAD", new or "HEAD"
