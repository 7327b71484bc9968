"""Writing is all or nothing, as any reader sees it, even when the writer is killed.

The kill tests fork a child that writes a new tree over an old one and
``SIGKILL`` s itself at its N-th call into the system (every ``os``,
``fcntl``, ``ctypes`` or other built-in function the writer calls: each
``mkdir``, ``open``, ``write``, ``chmod``, ``syncfs``, ``renameat2`` and each
unlink of the old tree), for every N until a run completes. After each kill the
output directory must be exactly the old tree or exactly the new one, with
their modes, and the next run must leave nothing else behind.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import SPEC, cli, snapshot

from codegen import writer

OLD = {"a.txt": "old a\n", "sub/b.txt": "old b\n", "sub/deep/c.txt": "old c\n"}
NEW = {"a.txt": "new a\n", "sub/b.txt": "new b\n", "other/d.txt": "new d\n"}


def modes(root: Path) -> dict[str, int]:
    """Every entry's permission bits, the root's as ``.``."""
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[path.relative_to(root).as_posix()] = stat.S_IMODE(path.lstat().st_mode)
    return found


def as_bytes(files: dict[str, str]) -> dict[str, bytes]:
    return {path: text.encode() for path, text in files.items()}


def siblings(root: Path) -> list[str]:
    return sorted(p.name for p in root.parent.iterdir())


# -- the basic contract ----------------------------------------------------------


def test_write_replaces_the_directory_exactly(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, {"a.txt": "one\n", "sub/b.txt": "two\n"})
    writer.write_atomically(out, {"a.txt": "uno\n"})
    assert snapshot(out) == {"a.txt": b"uno\n"}
    assert siblings(out) == ["generated"], "no staging or old tree left"


def test_a_new_tree_is_readable_by_everyone(tmp_path: Path) -> None:
    """0755 directories and 0644 files, whatever mkdtemp and the umask do."""
    out = tmp_path / "generated"
    previous = os.umask(0o077)
    try:
        writer.write_atomically(out, OLD)
    finally:
        os.umask(previous)
    assert modes(out) == {
        ".": 0o755,
        "a.txt": 0o644,
        "sub": 0o755,
        "sub/b.txt": 0o644,
        "sub/deep": 0o755,
        "sub/deep/c.txt": 0o644,
    }


def test_a_replaced_tree_keeps_the_modes_it_had(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, OLD)
    os.chmod(out, 0o750)
    os.chmod(out / "sub", 0o711)
    os.chmod(out / "a.txt", 0o600)
    os.chmod(out / "sub" / "b.txt", 0o640)
    writer.write_atomically(out, NEW)
    assert modes(out) == {
        ".": 0o750,
        "a.txt": 0o600,
        "sub": 0o711,
        "sub/b.txt": 0o640,
        "other": 0o750,  # a new folder takes the root's mode
        "other/d.txt": 0o644,
    }


def test_the_data_is_on_disk_before_the_swap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, OLD)
    calls: list[str] = []
    real_flush, real_exchange = writer._flush, writer.exchange

    def flush(staging: Path) -> None:
        calls.append("flush")
        real_flush(staging)

    def exchange(first: Path, second: Path) -> None:
        calls.append("exchange")
        real_exchange(first, second)

    monkeypatch.setattr(writer, "_flush", flush)
    monkeypatch.setattr(writer, "exchange", exchange)
    writer.write_atomically(out, NEW)
    assert calls == ["flush", "exchange"]


# -- failures --------------------------------------------------------------------


def test_failure_while_writing_leaves_old_output_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, OLD)
    before, before_modes = snapshot(out), modes(out)
    real_write = os.write
    calls = {"n": 0}

    def failing_write(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(writer.os, "write", failing_write)
    with pytest.raises(OSError):
        writer.write_atomically(out, NEW)
    monkeypatch.undo()
    assert snapshot(out) == before and modes(out) == before_modes
    assert siblings(out) == ["generated"]


def test_failure_during_the_swap_leaves_old_output_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, OLD)
    before = snapshot(out)

    def exchange(first: Path, second: Path) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(writer, "exchange", exchange)
    with pytest.raises(OSError):
        writer.write_atomically(out, NEW)
    assert snapshot(out) == before
    assert siblings(out) == ["generated"]


def test_the_exchange_fallback_swaps_too(tmp_path: Path) -> None:
    """Where renameat2 is missing, three renames swap the two trees."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "f").write_text("1")
    (second / "s").write_text("2")
    real = writer._LIBC
    writer._LIBC = None
    try:
        writer.exchange(first, second)
    finally:
        writer._LIBC = real
    assert [p.name for p in first.iterdir()] == ["s"]
    assert [p.name for p in second.iterdir()] == ["f"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "second"]


def test_cli_reports_a_write_failure_without_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = cli("generate", "--spec", str(SPEC), "--out", str(blocker / "generated"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text() == "not a directory"


# -- killed at every step ----------------------------------------------------------


def _kill_at(step: int, root: Path, files: dict[str, str]) -> int | None:
    """Write ``files`` to ``root`` in a child that kills itself at its
    ``step``-th call into the system; the signal it died of, or None if the
    write finished first."""
    pid = os.fork()
    if pid == 0:  # the child: count the writer's calls of built-in functions
        try:
            count = 0
            here = writer.__file__

            def profile(frame: Any, event: str, arg: Any) -> None:
                nonlocal count
                if event == "c_call" and frame.f_code.co_filename in (
                    here,
                    *_SHUTIL,
                ):
                    count += 1
                    if count == step:
                        os.kill(os.getpid(), signal.SIGKILL)

            sys.setprofile(profile)
            writer.write_atomically(root, files)
            sys.setprofile(None)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else None


_SHUTIL = tuple(
    str(Path(module.__file__))
    for module in (sys.modules["shutil"], sys.modules["tempfile"])
    if module.__file__
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_killed_at_any_step_the_output_is_the_old_tree_or_the_new(
    tmp_path: Path,
) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, OLD)
    os.chmod(out / "a.txt", 0o640)
    old_tree, old_modes = snapshot(out), modes(out)
    new_tree = as_bytes(NEW)
    outcomes = {"old": 0, "new": 0}
    for step in range(1, 10_000):
        killed = _kill_at(step, out, NEW)
        now = snapshot(out)
        assert now in (old_tree, new_tree), f"killed at step {step}: {sorted(now)}"
        if now == old_tree:
            outcomes["old"] += 1
            assert modes(out) == old_modes, f"killed at step {step}"
        else:
            outcomes["new"] += 1
            assert modes(out)["a.txt"] == 0o640, f"killed at step {step}"
        # The next run removes whatever the killed one left, and writes the old tree back.
        writer.write_atomically(out, OLD)
        assert siblings(out) == ["generated"], f"killed at step {step}"
        assert snapshot(out) == old_tree
        if killed is None:
            break
        assert killed == signal.SIGKILL
    else:
        pytest.fail("the write never finished")
    # Dozens of steps stage the new tree; after the exchange, the rest remove the old.
    assert outcomes["old"] > 20 and outcomes["new"] > 5, outcomes


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_killed_while_writing_the_first_tree_leaves_none_or_all(
    tmp_path: Path,
) -> None:
    out = tmp_path / "generated"
    for step in range(1, 10_000):
        killed = _kill_at(step, out, NEW)
        if out.exists():
            assert snapshot(out) == as_bytes(NEW), f"killed at step {step}"
            assert modes(out)["."] == 0o755
        writer.write_atomically(out, NEW)
        assert siblings(out) == ["generated"]
        writer.write_atomically(out, {})
        os.rmdir(out)
        if killed is None:
            break


def test_a_reader_sees_the_old_tree_or_the_new_never_a_mixture(tmp_path: Path) -> None:
    """``check`` reads through one directory descriptor and starts again if the
    tree was swapped meanwhile, while another thread keeps swapping it."""
    out = tmp_path / "generated"
    first = {f"d{i % 3}/f{i}.txt": f"first {i}\n" for i in range(30)}
    second = {f"d{i % 4}/f{i}.txt": f"second {i}\n" for i in range(25)}
    writer.write_atomically(out, first)
    stop = threading.Event()

    def keep_swapping() -> None:
        while not stop.is_set():
            writer.write_atomically(out, second)
            writer.write_atomically(out, first)

    swapper = threading.Thread(target=keep_swapping)
    swapper.start()
    try:
        wanted = {path: 1024 for path in {**first, **second}}
        seen = set()
        for _ in range(200):
            tree = writer.read_tree(out, wanted)
            files = {
                path: data
                for path, data in tree.contents.items()
                if tree.entries[path].kind == "file"
            }
            assert files in (as_bytes(first), as_bytes(second))
            seen.add(len(files))
    finally:
        stop.set()
        swapper.join()
    assert siblings(out) == ["generated"]


def test_a_concurrent_run_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    errors: list[BaseException] = []

    def run(files: dict[str, str]) -> Callable[[], None]:
        def go() -> None:
            try:
                for _ in range(20):
                    writer.write_atomically(out, files)
            except BaseException as exc:  # reported below
                errors.append(exc)

        return go

    threads = [threading.Thread(target=run(f)) for f in (OLD, NEW)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert snapshot(out) in (as_bytes(OLD), as_bytes(NEW))
    assert siblings(out) == ["generated"]


def test_leftovers_of_older_versions_are_removed_too(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    for name in (".generated.new-abc123", ".generated.old-4242", ".generated.tmp-xyz"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub" / "f").write_text("x")
    (tmp_path / ".other.tmp-keep").mkdir()
    writer.write_atomically(out, OLD)
    assert siblings(out) == [".other.tmp-keep", "generated"]


# -- the system calls the guarantees rest on ---------------------------------------


def _tree_at(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_the_swap_is_one_exchange_never_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three renames would leave a moment with no tree at all: on Linux the
    two trees are exchanged by one renameat2 call, which renames nothing."""
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "sub").mkdir(parents=True)
    (first / "sub" / "a.txt").write_text("first\n")
    second.mkdir()
    (second / "b.txt").write_text("second\n")

    def no_rename(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"exchange fell back to renames: {args}")

    monkeypatch.setattr(writer.os, "rename", no_rename)
    writer.exchange(first, second)
    assert _tree_at(second) == {"sub/a.txt": "first\n"}
    assert _tree_at(first) == {"b.txt": "second\n"}


def test_a_failed_fallback_swap_puts_the_tree_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where renameat2 is missing, the swap is three renames; when the middle
    one fails, the tree that was moved aside returns to its place."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    (first / "new.txt").write_text("new\n")
    second.mkdir()
    (second / "old.txt").write_text("old\n")
    real_rename = os.rename
    calls: list[tuple[str, str]] = []

    def rename(src: Path, dst: Path) -> None:
        calls.append((Path(src).name, Path(dst).name))
        if len(calls) == 2:
            raise OSError(errno.EIO, "disk gone", str(src))
        real_rename(src, dst)

    monkeypatch.setattr(writer, "_LIBC", None)
    monkeypatch.setattr(writer.os, "rename", rename)
    with pytest.raises(OSError, match="disk gone"):
        writer.exchange(first, second)
    assert calls == [
        ("second", "first_old"),
        ("first", "second"),
        ("first_old", "second"),
    ]
    assert _tree_at(second) == {"old.txt": "old\n"}
    assert _tree_at(first) == {"new.txt": "new\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "second"]


class _RecordingLibc:
    """libc, with each ``syncfs`` recorded as the directory its descriptor holds."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.synced: list[str] = []

    def syncfs(self, fd: int) -> int:
        self.synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        return int(self.real.syncfs(fd))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.mark.skipif(not writer._CAN_SYNC_FILE_SYSTEM, reason="no syncfs (Linux's) here")
def test_the_staged_tree_is_synced_to_disk_before_the_swap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, OLD)
    libc = _RecordingLibc(writer._LIBC)
    monkeypatch.setattr(writer, "_LIBC", libc)
    swapped: list[list[str]] = []
    real_exchange = writer.exchange

    def exchange(first: Path, second: Path) -> None:
        swapped.append(list(libc.synced))
        real_exchange(first, second)

    monkeypatch.setattr(writer, "exchange", exchange)
    writer.write_atomically(out, NEW)
    assert len(swapped) == 1 and len(swapped[0]) == 1, swapped
    staged = Path(swapped[0][0])
    assert staged.parent == tmp_path and staged != out  # the staging folder
    assert _tree_at(out) == NEW


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/fd")
def test_without_syncfs_the_staged_tree_is_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(writer, "_CAN_SYNC_FILE_SYSTEM", False)
    monkeypatch.setattr(writer.os, "fsync", fsync)
    writer._flush(staging)
    assert synced == [str(staging)]


def test_a_reading_that_a_swap_overtook_starts_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``read_tree`` holds the folder it started to read; when a new tree is
    swapped in before it is done (the old one still whole beside it, as a
    killed generate leaves it), it reads again and gives the new tree, never
    the old tree read through a folder that is no longer the output."""
    out, staged = tmp_path / "generated", tmp_path / "staged"
    writer.write_atomically(out, OLD)
    writer.write_atomically(staged, NEW)
    real_walk = writer._walk
    walks: list[str] = []

    def walk_then_swap(fd: int, prefix: str, found: list[writer.Entry]) -> None:
        real_walk(fd, prefix, found)
        if prefix == "":
            walks.append("walk")
            if len(walks) == 1:
                writer.exchange(staged, out)

    monkeypatch.setattr(writer, "_walk", walk_then_swap)
    wanted = {path: 1024 for path in {**OLD, **NEW}}
    tree = writer.read_tree(out, wanted)
    assert walks == ["walk", "walk"]
    files = {p: d for p, d in tree.contents.items() if tree.entries[p].kind == "file"}
    assert files == {path: text.encode() for path, text in NEW.items()}
