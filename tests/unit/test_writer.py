"""Writing is all or nothing: a failure leaves the output directory as it was."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest
from support import SPEC, cli, snapshot

from codegen import writer


def test_write_replaces_the_directory_exactly(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, {"a.txt": "one\n", "sub/b.txt": "two\n"})
    writer.write_atomically(out, {"a.txt": "uno\n"})
    assert snapshot(out) == {"a.txt": b"uno\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "generated"
    ], "no staging or backup left"


def test_failure_while_writing_leaves_old_output_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, {"a.txt": "old\n", "b.txt": "old\n"})
    before = snapshot(out)
    real_open = builtins.open
    calls = {"n": 0}

    def failing_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode:
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(28, "No space left on device")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", failing_open)
    with pytest.raises(OSError):
        writer.write_atomically(
            out, {"a.txt": "new\n", "b.txt": "new\n", "c.txt": "new\n"}
        )
    monkeypatch.undo()
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


def test_failure_during_the_swap_restores_the_old_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "generated"
    writer.write_atomically(out, {"a.txt": "old\n"})
    before = snapshot(out)
    real_rename = writer.os.rename

    def rename(src: Any, dst: Any) -> None:
        if ".new-" in str(src):
            raise OSError(18, "Invalid cross-device link")
        real_rename(src, dst)

    monkeypatch.setattr(writer.os, "rename", rename)
    with pytest.raises(OSError):
        writer.write_atomically(out, {"a.txt": "new\n"})
    assert snapshot(out) == before


def test_cli_reports_a_write_failure_without_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = cli("generate", "--spec", str(SPEC), "--out", str(blocker / "generated"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text() == "not a directory"


def test_generate_refuses_a_directory_it_did_not_write(tmp_path: Path) -> None:
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    result = cli("generate", "--spec", str(SPEC), "--out", str(foreign))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "has no MANIFEST.json" in result.stderr
    assert snapshot(foreign) == {"notes.txt": b"keep me"}


def test_generate_refuses_to_write_over_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    spec.write_bytes(SPEC.read_bytes())
    result = cli("generate", "--spec", str(spec), "--out", str(spec.parent))
    assert result.returncode == 1 and "contains the spec" in result.stderr
    assert spec.read_bytes() == SPEC.read_bytes()
