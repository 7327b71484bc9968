"""Write outputs atomically, and compare them with what is on disk.

Rendering gives ``{relative path: text}``; this module is the only one that
writes. ``write_atomically`` fills a sibling staging directory, flushes it to
disk, and exchanges it with the output directory in one ``renameat2`` call, so
any reader, at any instant, sees either the whole old tree or the whole new
one; a run killed at any point leaves at worst a hidden sibling
(``.generated.tmp-*``), which the next run removes. The tree keeps the modes
of the one it replaces.

The output directory is the generator's own: a ``MANIFEST.json`` it wrote
records every file (with its hash, which tells a stale file from one edited by
hand) and the spec they came from. ``generate`` replaces only such a
directory, or an empty one, and names anything else it finds there instead of
deleting it silently. ``check`` reads only regular files, never follows a
link, and reports everything else in the directory as drift.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import difflib
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from codegen.literals import generated_notice
from codegen.problems import escape

MANIFEST = "MANIFEST.json"
GENERATOR = "python -m codegen generate"
# Python writes byte-code caches next to the modules it imports; generate never
# does. A cache in the output directory is reported (check) or removed and
# named (generate): a forged one runs on import.
BYTE_CODE_DIR = "__pycache__"
FILE_MODE, DIR_MODE = 0o644, 0o755
_STAGING = ".tmp-"
# Siblings an interrupted run of this or an earlier version may have left.
_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:tmp|new|old)-[A-Za-z0-9_]+")
_NOTICE = re.compile(
    r"Generated from (?P<spec>.+?)(?: \(version [^)]*\))? by python -m codegen generate\. "
)
_DIGEST = re.compile(r"[0-9a-f]{64}")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def with_manifest(
    files: dict[str, str], source: str, version: str | None = None
) -> dict[str, str]:
    """Add ``MANIFEST.json``: the spec (its header name, ``source``, and its
    version), and every other file's hash, sorted by path."""
    manifest: dict[str, object] = {
        "$comment": generated_notice(source, version),
        "generator": GENERATOR,
        "spec": source,
    }
    if version is not None:
        manifest["version"] = version
    manifest["files"] = {path: digest(text) for path, text in sorted(files.items())}
    return {**files, MANIFEST: json.dumps(manifest, indent=2) + "\n"}


# -- reading a tree without following links ------------------------------------


@dataclass
class Entry:
    """One thing in the output directory, as ``lstat`` sees it."""

    relative: str  # posix, relative to the root
    mode: int  # st_mode, links not followed
    links: int = 1  # hard links to it

    @property
    def kind(self) -> str:
        if stat.S_ISREG(self.mode) and self.links > 1:
            # Another name for a file that may live anywhere: never read.
            return "hard link"
        return _kind(self.mode)


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISLNK(mode):
        return "symbolic link"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


_OPEN_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_OPEN_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _walk(fd: int, prefix: str, found: list[Entry]) -> None:
    with os.scandir(fd) as listing:
        children = sorted(listing, key=lambda e: e.name)
    for child in children:
        relative = prefix + child.name
        info = child.stat(follow_symlinks=False)
        found.append(Entry(relative, info.st_mode, info.st_nlink))
        if stat.S_ISDIR(info.st_mode):
            sub = os.open(child.name, _OPEN_DIR, dir_fd=fd)
            try:
                _walk(sub, relative + "/", found)
            finally:
                os.close(sub)


class _Moved(Exception):
    """The directory was swapped while it was being read."""


@contextlib.contextmanager
def _open_root(root: Path) -> Iterator[int | None]:
    """A descriptor of the directory ``root``, or None if there is none: absent,
    or not a directory (``check`` reports that by itself)."""
    try:
        fd = os.open(root, _OPEN_DIR)
    except (FileNotFoundError, NotADirectoryError):
        yield None
        return
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        yield None
        return
    try:
        yield fd
    finally:
        os.close(fd)


def _same_directory(root: Path, fd: int) -> bool:
    try:
        now = os.stat(root, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


@dataclass
class Tree:
    """A consistent reading of the output directory: every entry, and the
    contents of the regular files among them that were asked for."""

    exists: bool
    entries: dict[str, Entry] = field(default_factory=dict)
    contents: dict[str, bytes | None] = field(default_factory=dict)


def read_tree(
    root: Path, wanted: dict[str, int] | None = None, tries: int = 20
) -> Tree:
    """Every entry under ``root`` (links not followed), and the bytes of each
    regular file named in ``wanted`` (relative path -> the most bytes worth
    reading; a larger file reads as None).

    The walk holds a descriptor of ``root`` and reads through it, then checks
    that ``root`` is still that directory: a generate that swapped it in the
    meantime makes the reading start again, so the result is the old tree or
    the new one, never a mixture.
    """
    wanted = wanted or {}
    for _ in range(tries):
        try:
            return _read_once(root, wanted)
        except _Moved:
            continue
    return _read_once(root, wanted)


def _read_once(root: Path, wanted: dict[str, int]) -> Tree:
    with _open_root(root) as fd:
        if fd is None:
            return Tree(False)
        try:
            found: list[Entry] = []
            _walk(fd, "", found)
            tree = Tree(True, {e.relative: e for e in found})
            for relative, limit in wanted.items():
                entry = tree.entries.get(relative)
                if entry is not None and entry.kind == "file":
                    tree.contents[relative] = _read_file(fd, relative, limit)
        except FileNotFoundError:
            raise _Moved from None
        except NotADirectoryError:
            raise _Moved from None
        if not _same_directory(root, fd):
            raise _Moved
        return tree


def _read_file(root_fd: int, relative: str, limit: int) -> bytes | None:
    """A regular file's bytes through ``root_fd``, no link followed on the way."""
    *parents, name = relative.split("/")
    fds: list[int] = []
    try:
        current = root_fd
        for part in parents:
            current = os.open(part, _OPEN_DIR, dir_fd=current)
            fds.append(current)
        fd = os.open(name, _OPEN_FILE, dir_fd=current)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = b""
            while len(data) <= limit:
                chunk = os.read(fd, limit + 1 - len(data))
                if not chunk:
                    return data
                data += chunk
            return None
        finally:
            os.close(fd)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise _Moved from None
        return None
    finally:
        for opened in fds:
            os.close(opened)


def _recorded(data: bytes | None) -> tuple[str, dict[str, str]] | None:
    """The spec and file hashes of a manifest this generator wrote, or None."""
    if data is None:
        return None
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(manifest, dict):
        return None
    files = manifest.get("files")
    comment = manifest.get("$comment")
    notice = _NOTICE.match(comment) if isinstance(comment, str) else None
    if not isinstance(files, dict) or notice is None:
        return None
    if not all(
        isinstance(k, str) and isinstance(v, str) and _DIGEST.fullmatch(v)
        for k, v in files.items()
    ):
        return None
    spec = manifest.get("spec", notice["spec"])
    return (spec if isinstance(spec, str) else notice["spec"]), dict(files)


def _is_byte_code(relative: str) -> bool:
    parts = relative.split("/")
    return BYTE_CODE_DIR in parts or relative.endswith((".pyc", ".pyo"))


# -- what generate may replace -------------------------------------------------


class RefusedOutput(Exception):
    """The output directory holds something the generator did not write."""


@dataclass
class Replaceable:
    """What replacing the output directory will remove besides its own files."""

    strays: list[str] = field(default_factory=list)  # not written by generate
    byte_code: list[str] = field(default_factory=list)  # __pycache__ and *.pyc
    edited: list[str] = field(default_factory=list)  # its files, changed by hand


def check_replaceable(
    root: Path, protected: Path, source: str | None = None, force: bool = False
) -> Replaceable:
    """Refuse to replace what is not ours: writing swaps the directory whole.

    Ours means absent, empty, or holding a ``MANIFEST.json`` that this
    generator wrote, from the same spec (``source``, the header name); never
    a file, and never a directory that contains the spec itself. Anything in it
    that the manifest does not record (a user's file, ``build/``, a link) is
    refused unless ``force``; byte-code caches and hand edits of generated
    files are replaced, and returned so that they can be named.
    """
    shown = escape(str(root))
    with contextlib.suppress(OSError, ValueError):
        if Path(os.path.realpath(protected)).is_relative_to(os.path.realpath(root)):
            raise RefusedOutput(
                f"{shown} contains the spec {escape(str(protected))}; "
                "choose an output directory of its own"
            )
    try:
        info = os.stat(root)
    except (FileNotFoundError, NotADirectoryError):
        return Replaceable()  # writing says what is in the way
    except OSError as exc:
        raise RefusedOutput(f"cannot read {shown}: {exc.strerror}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise RefusedOutput(
            f"{shown} is a {_kind(info.st_mode)}, not a directory; refusing to replace "
            "it (choose another --out)"
        )
    real = Path(os.path.realpath(root))
    tree = read_tree(real, {MANIFEST: 64 * 1024 * 1024})
    if not tree.entries:
        return Replaceable()
    recorded = _recorded(tree.contents.get(MANIFEST))
    if recorded is None:
        reason = (
            f"has no {MANIFEST}, so the generator did not write it"
            if MANIFEST not in tree.entries
            else f"has a {MANIFEST} that the generator did not write"
        )
        raise RefusedOutput(
            f"{shown} is not empty and {reason}; "
            "refusing to replace it (empty it, or choose another --out)"
        )
    spec, hashes = recorded
    if source is not None and spec != source and not force:
        raise RefusedOutput(
            f"{_from_another_spec(shown, spec, protected, source)}; refusing to"
            " replace it (choose another --out, or pass --force to replace it)"
        )
    found = Replaceable()
    ours = set(hashes) | {MANIFEST}
    parents = {p for path in ours for p in _parents(path)}
    wanted = {path: 64 * 1024 * 1024 for path in hashes}
    contents = read_tree(real, wanted).contents
    for relative, entry in sorted(tree.entries.items()):
        if _is_byte_code(relative):
            if BYTE_CODE_DIR not in relative.split("/")[:-1]:
                found.byte_code.append(_shown_entry(entry))
            continue
        if entry.kind == "directory" and relative in parents:
            continue
        if entry.kind == "file" and relative in ours:
            data = contents.get(relative)
            if relative != MANIFEST and (
                data is None or hashlib.sha256(data).hexdigest() != hashes[relative]
            ):
                found.edited.append(relative)
            continue
        if not any(relative.startswith(s + "/") for s in _stray_dirs(found.strays)):
            found.strays.append(_shown_entry(entry))
    if found.strays and not force:
        listed = ", ".join(escape(s) for s in found.strays[:10])
        more = f" and {len(found.strays) - 10} more" if len(found.strays) > 10 else ""
        raise RefusedOutput(
            f"{shown} holds what the generator did not write: {listed}{more}; "
            "generate replaces the whole directory, so move them out of it, or pass "
            "--force to delete them"
        )
    return found


def _parents(relative: str) -> Iterator[str]:
    parts = relative.split("/")[:-1]
    for end in range(1, len(parts) + 1):
        yield "/".join(parts[:end])


def _stray_dirs(strays: list[str]) -> Iterator[str]:
    return (s[:-1] for s in strays if s.endswith("/"))


def _shown_entry(entry: Entry) -> str:
    if entry.kind == "directory":
        return entry.relative + "/"
    if entry.kind == "file":
        return entry.relative
    return f"{entry.relative} (a {entry.kind})"


# -- writing -------------------------------------------------------------------


def write_atomically(root: Path, files: dict[str, str]) -> None:
    """Make ``root`` hold exactly ``files``, or leave it untouched on failure.

    Staged beside ``root``, flushed to disk, then exchanged with it in one
    step; concurrent runs take turns on a lock of the parent directory, and
    each first removes what killed runs left there.
    """
    root = Path(os.path.realpath(root))
    parent = root.parent
    parent.mkdir(parents=True, exist_ok=True)
    with _locked(parent):
        remove_leftovers(root)
        modes = _old_modes(root)
        staging = Path(tempfile.mkdtemp(prefix=f".{root.name}{_STAGING}", dir=parent))
        try:
            _fill(staging, files, modes)
            _swap(staging, root)
            _fsync_directory(parent)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def remove_leftovers(root: Path) -> list[str]:
    """Remove staging and old trees that killed runs left beside ``root``."""
    removed = []
    with contextlib.suppress(OSError):
        for sibling in root.parent.iterdir():
            match = _LEFTOVER.fullmatch(sibling.name)
            if match and match["name"] == root.name and not sibling.is_symlink():
                if sibling.is_dir():
                    shutil.rmtree(sibling, ignore_errors=True)
                    removed.append(sibling.name)
    return removed


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """An exclusive lock on ``directory`` for the whole write (where the file
    system supports ``flock`` on directories; without it, no lock)."""
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


@dataclass
class _Modes:
    """Permission bits of the tree being replaced, by relative path."""

    root: int = DIR_MODE
    file: int = FILE_MODE  # for files the old tree does not have
    by_path: dict[str, int] = field(default_factory=dict)


def _old_modes(root: Path) -> _Modes:
    try:
        info = os.stat(root)
    except OSError:
        return _Modes()
    modes = _Modes(root=stat.S_IMODE(info.st_mode) & 0o777)
    if not stat.S_ISDIR(info.st_mode):
        return _Modes()
    tree = read_tree(root)
    for relative, entry in tree.entries.items():
        if entry.kind in ("file", "directory"):
            modes.by_path[relative] = stat.S_IMODE(entry.mode) & 0o777
    manifest = tree.entries.get(MANIFEST)
    if manifest is not None and manifest.kind == "file":
        modes.file = stat.S_IMODE(manifest.mode) & 0o777
    return modes


def _fill(staging: Path, files: dict[str, str], modes: _Modes) -> None:
    directories: set[str] = set()
    for relative, text in files.items():
        parts = relative.split("/")
        for end in range(1, len(parts)):
            directory = "/".join(parts[:end])
            if directory not in directories:
                directories.add(directory)
                os.mkdir(staging / directory, 0o700)
        data = text.encode("utf-8")
        fd = os.open(
            staging / relative,
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
            0o600,
        )
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fchmod(fd, modes.by_path.get(relative, modes.file))
            if not _CAN_SYNC_FILE_SYSTEM:
                os.fsync(fd)
        finally:
            os.close(fd)
    for directory in sorted(directories, key=lambda d: -d.count("/")):
        path = staging / directory
        os.chmod(path, modes.by_path.get(directory, modes.root))
        if not _CAN_SYNC_FILE_SYSTEM:
            _fsync_directory(path)
    os.chmod(staging, modes.root)
    _flush(staging)


def _flush(staging: Path) -> None:
    """Put everything written under ``staging`` on disk before the swap: one
    ``syncfs`` of its file system where there is one (a single journal commit,
    where an ``fsync`` per file costs milliseconds each), else each file and
    directory was synced as it was written and this syncs the top."""
    fd = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if _CAN_SYNC_FILE_SYSTEM and _LIBC is not None:
            if _LIBC.syncfs(fd) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), str(staging))
        else:
            os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _swap(staging: Path, root: Path) -> None:
    """Put ``staging`` at ``root`` in one step; the old tree ends up at ``staging``."""
    if not root.exists() and not root.is_symlink():
        os.rename(staging, root)  # atomic; fails if root appeared and is not empty
        return
    exchange(staging, root)


_RENAME_EXCHANGE = 2
_SYSCALL_RENAMEAT2 = {"x86_64": 316, "aarch64": 276}
_AT_FDCWD = -100


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()
_CAN_SYNC_FILE_SYSTEM = _LIBC is not None and hasattr(_LIBC, "syncfs")


def exchange(first: Path, second: Path) -> None:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``).

    Where the system cannot (another kernel, a file system without it), the
    two paths are swapped with three renames instead: a reader may then
    briefly find ``second`` missing."""
    if _LIBC is not None:
        a, b = os.fsencode(first), os.fsencode(second)
        function = getattr(_LIBC, "renameat2", None)
        if function is not None:
            result = function(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
        else:
            number = _SYSCALL_RENAMEAT2.get(os.uname().machine)
            result = (
                _LIBC.syscall(number, _AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
                if number is not None
                else -1
            )
            if number is None:
                ctypes.set_errno(errno.ENOSYS)
        if result == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(first), None, str(second))
    aside = first.with_name(first.name + "_old")
    os.rename(second, aside)
    try:
        os.rename(first, second)
    except BaseException:
        os.rename(aside, second)
        raise
    os.rename(aside, first)


# -- check ----------------------------------------------------------------------


def _foreign(
    shown: str,
    recorded: tuple[str, dict[str, str]] | None,
    ours: set[str],
    spec: tuple[Path, str],
) -> str | None:
    """``Drift.foreign``: the directory ``shown`` holds no manifest of ours and
    none of our files but perhaps a manifest of someone else's, or a
    manifest naming another spec than ``spec``."""
    if recorded is None:
        if ours - {MANIFEST}:
            return None  # ours, damaged: the drift names each difference
        what = (
            f"a {MANIFEST} the generator did not write"
            if MANIFEST in ours
            else f"no {MANIFEST}"
        )
        return (
            f"{shown}/ holds {what} and none of the files generate writes, so it"
            " is not generated output; give --out the directory generate wrote"
        )
    given, source = spec
    if recorded[0] == source:
        return None
    return (
        f"{_from_another_spec(shown + '/', recorded[0], given, source)}; give"
        " --spec the spec it was generated from, or --out this spec's output"
    )


def _from_another_spec(shown: str, spec: str, given: Path, source: str) -> str:
    """That ``shown`` was generated from the spec named ``spec``, not from
    ``given``: both as the generated headers name them (the last two parts
    of a path, ``source`` for ``given``), and the spec given as it was given,
    which an editor opens."""
    return (
        f"{shown} was generated from a spec named {escape(spec)}, not from"
        f" {escape(str(given))} (named {escape(source)})"
    )


@dataclass
class Drift:
    """How the disk differs from a fresh render."""

    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    byte_code: list[str] = field(default_factory=list)
    not_files: list[tuple[str, str]] = field(default_factory=list)  # (path, kind)
    diffs: list[str] = field(default_factory=list)
    foreign: str | None = None
    """Why the directory is no output of this spec at all, in one line (rather
    than every file it lacks and holds, each named): it holds no manifest of
    ours and none of the files, or its manifest names another spec."""
    strays: list[str] = field(default_factory=list)
    """What is there that generate did not write (neither generated now nor
    recorded in the manifest): generate refuses to delete it without --force."""
    unrecorded: bool = False
    """It is ours, damaged, without a manifest of ours: ``generate`` refuses
    to replace such a directory, so it must be moved aside first."""

    @property
    def clean(self) -> bool:
        return not (
            self.foreign
            or self.missing
            or self.extra
            or self.stale
            or self.edited
            or self.byte_code
            or self.not_files
        )

    def report(self, root: str, fix: str = "make generate") -> str:
        """The drift, line by line, ending with ``fix``: the command that
        writes ``root`` (``make golden`` for the test specs' records)."""
        lines: list[str] = []
        for kind, paths, why in (
            ("missing", self.missing, "not on disk"),
            ("extra", self.extra, "on disk but not generated from the spec"),
            ("edited", self.edited, "changed by hand since it was generated"),
            ("stale", self.stale, "out of date with the spec, templates or runtime"),
            (
                "byte-code",
                self.byte_code,
                "generate never writes it, and Python runs it on import: delete it",
            ),
        ):
            lines.extend(f"{kind}: {root}/{path} ({why})" for path in paths)
        lines.extend(
            f"not a regular file: {root}/{path} (a {kind}; generate writes only regular files)"
            for path, kind in self.not_files
        )
        lines.extend(self.diffs)
        if self.unrecorded:
            lines.append(
                f"{root}/ does not match the spec, and without its {MANIFEST}"
                f" generate will not replace it: move it aside, then run `{fix}`"
            )
        elif self.strays:
            lines.append(
                f"{root}/ does not match the spec, and holds what generate did not"
                f" write ({self.strays[0]}{' ...' if len(self.strays) > 1 else ''}),"
                f" which generate will not delete: move it out, then run `{fix}`"
            )
        else:
            lines.append(f"{root}/ does not match the spec: run `{fix}`")
        return "\n".join(escape(line) for line in "\n".join(lines).split("\n"))


def compare(
    root: Path,
    files: dict[str, str],
    spec: tuple[Path, str] | None = None,
) -> Drift:
    """How ``root`` differs from ``files``, read as one consistent tree.

    With ``spec`` (the spec given and its header name), a directory that is
    no output of that spec is said to be so (``Drift.foreign``), and nothing
    else. ``root`` itself may be a link to the directory; nothing inside it
    is followed."""
    drift = Drift()
    shown = escape(root.as_posix())
    root = Path(os.path.realpath(root))
    with contextlib.suppress(FileNotFoundError):
        info = os.stat(root)
        if not stat.S_ISDIR(info.st_mode):
            drift.not_files.append((".", _kind(info.st_mode)))
    wanted = {
        path: 2 * len(text.encode("utf-8")) + 4096 for path, text in files.items()
    }
    wanted[MANIFEST] = max(wanted.get(MANIFEST, 0), 64 * 1024 * 1024)
    tree = read_tree(root, wanted)
    recorded = _recorded(tree.contents.get(MANIFEST))
    if spec is not None:
        drift.foreign = _foreign(shown, recorded, set(files) & set(tree.entries), spec)
        if drift.foreign:
            return drift
    drift.unrecorded = recorded is None
    hashes = recorded[1] if recorded else {}
    parents = {p for path in files for p in _parents(path)}
    reported_dirs: list[str] = []
    for relative, entry in sorted(tree.entries.items()):
        if any(relative.startswith(d + "/") for d in reported_dirs):
            continue
        if _is_byte_code(relative):
            drift.byte_code.append(_shown_entry(entry))
            if entry.kind == "directory":
                reported_dirs.append(relative)
            continue
        if entry.kind == "directory":
            if relative not in parents:
                drift.extra.append(relative + "/")
                reported_dirs.append(relative)
            continue
        if entry.kind != "file":
            drift.not_files.append((relative, entry.kind))
            continue
        if relative not in files:
            drift.extra.append(relative)
    # What generate would refuse to delete (check_replaceable's strays): an
    # extra file or folder the manifest does not record, and any link or
    # special file.
    drift.strays = [
        path
        for path in drift.extra
        if not (
            any(h.startswith(path) for h in hashes)
            if path.endswith("/")
            else path in hashes
        )
    ] + [path for path, _ in drift.not_files if path != "."]
    present = {r for r, e in tree.entries.items() if e.kind == "file"}
    # The manifest changes whenever another file does: judge it last, alone.
    for relative in sorted(set(files) - {MANIFEST}) + [MANIFEST]:
        if relative not in files:
            continue
        if relative not in present:
            if relative not in {p for p, _ in drift.not_files}:
                drift.missing.append(relative)
            continue
        data = tree.contents.get(relative)
        expected = files[relative]
        if data is not None and data == expected.encode("utf-8"):
            continue
        current = _as_text(data)
        if relative == MANIFEST:
            if drift.clean:
                drift.edited.append(relative)
            else:
                continue
        elif data is not None and hashes.get(relative) not in (
            None,
            hashlib.sha256(data).hexdigest(),
        ):
            drift.edited.append(relative)
        else:
            drift.stale.append(relative)
        drift.diffs.append(_diff(root.name, relative, current, expected))
    return drift


def _as_text(data: bytes | None) -> str:
    if data is None:
        return "(too large to show)\n"
    return data.decode("utf-8", errors="replace")


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
    return "".join(
        line if line.endswith("\n") else line + "\n" for line in lines
    ).rstrip("\n")
