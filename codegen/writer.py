"""Write outputs atomically, and compare them with what is on disk.

Rendering gives ``{relative path: text}``; this module is the only one that
writes. ``write_atomically`` fills a sibling temporary directory and swaps it
in, so a failure at any point leaves the output directory exactly as it was.
A manifest of content hashes tells a stale file (the spec changed) from one
that was edited by hand.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from codegen.literals import generated_notice

MANIFEST = "MANIFEST.json"
# Left in generated/ by Python, pip or mypy; never ours and never drift.
IGNORED_PARTS = frozenset({"__pycache__", ".mypy_cache", "build", ".pytest_cache"})
IGNORED_SUFFIXES = (".pyc", ".egg-info")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def with_manifest(files: dict[str, str], label: str) -> dict[str, str]:
    """Add ``MANIFEST.json``: every other file's hash, sorted by path."""
    manifest = {
        "$comment": generated_notice(label),
        "files": {path: digest(text) for path, text in sorted(files.items())},
    }
    return {**files, MANIFEST: json.dumps(manifest, indent=2) + "\n"}


def _ignored(relative: Path) -> bool:
    return any(
        part in IGNORED_PARTS or part.endswith(IGNORED_SUFFIXES)
        for part in relative.parts
    )


def files_on_disk(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not _ignored(relative):
            found[relative.as_posix()] = path
    return found


class RefusedOutput(Exception):
    """The output directory holds something the generator did not write."""


def check_replaceable(root: Path, protected: Path) -> None:
    """Refuse to replace a directory that is not ours: writing swaps it whole.

    Ours means empty, absent, or holding the ``MANIFEST.json`` a previous run
    wrote; and never a directory that contains the spec itself.
    """
    root = root.resolve()
    if protected.resolve().is_relative_to(root):
        raise RefusedOutput(
            f"{root} contains the spec {protected}; choose an output directory of its own"
        )
    if root.is_dir() and any(root.iterdir()) and not (root / MANIFEST).is_file():
        raise RefusedOutput(
            f"{root} is not empty and has no {MANIFEST}, so the generator did not write it; "
            "refusing to replace it (empty it, or choose another --out)"
        )


def write_atomically(root: Path, files: dict[str, str]) -> None:
    """Make ``root`` hold exactly ``files``, or leave it untouched on failure."""
    root = root.resolve()
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.new-", dir=root.parent))
    backup = root.parent / f".{root.name}.old-{os.getpid()}"
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        if root.exists():
            os.rename(root, backup)
        try:
            os.rename(staging, root)
        except BaseException:
            if backup.exists():
                os.rename(backup, root)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(backup, ignore_errors=True)


@dataclass
class Drift:
    """How the disk differs from a fresh render."""

    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.missing or self.extra or self.stale or self.edited)

    def report(self, root: str) -> str:
        lines: list[str] = []
        for kind, paths, why in (
            ("missing", self.missing, "not on disk"),
            ("extra", self.extra, "on disk but not generated from the spec"),
            ("edited", self.edited, "changed by hand since it was generated"),
            ("stale", self.stale, "out of date with the spec or templates"),
        ):
            lines.extend(f"{kind}: {root}/{path} ({why})" for path in paths)
        lines.extend(self.diffs)
        lines.append(f"{root}/ does not match the spec: run `make generate`")
        return "\n".join(lines)


def compare(root: Path, files: dict[str, str]) -> Drift:
    drift = Drift()
    on_disk = files_on_disk(root)
    recorded = _recorded_hashes(on_disk.get(MANIFEST))
    # The manifest changes whenever another file does: judge it last, alone.
    paths = sorted((set(files) | set(on_disk)) - {MANIFEST}) + [MANIFEST]
    for relative in paths:
        if relative not in on_disk:
            if relative in files:
                drift.missing.append(relative)
            continue
        if relative not in files:
            drift.extra.append(relative)
            continue
        try:
            current = on_disk[relative].read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            current = ""
        expected = files[relative]
        if current == expected:
            continue
        if relative == MANIFEST:
            if drift.clean:
                drift.edited.append(relative)
            else:
                continue
        elif recorded.get(relative) not in (None, digest(current)):
            drift.edited.append(relative)
        else:
            drift.stale.append(relative)
        drift.diffs.append(_diff(root.name, relative, current, expected))
    return drift


def _diff(
    root: str, relative: str, current: str, expected: str, limit: int = 200
) -> str:
    lines = list(
        difflib.unified_diff(
            current.splitlines(keepends=True),
            expected.splitlines(keepends=True),
            f"{root}/{relative} (on disk)",
            f"{root}/{relative} (from the spec)",
        )
    )
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines\n"]
    return "".join(lines).rstrip("\n")


def _recorded_hashes(manifest: Path | None) -> dict[str, str]:
    if manifest is None:
        return {}
    try:
        data = json.loads(manifest.read_text("utf-8"))
        files = data.get("files", {}) if isinstance(data, dict) else {}
        return (
            {str(k): str(v) for k, v in files.items()}
            if isinstance(files, dict)
            else {}
        )
    except (ValueError, OSError):
        return {}
