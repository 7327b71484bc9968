"""``check`` catches every way generated/ can drift from the spec.

In-process, except the last test: a generate and check round trip through a
real interpreter, as ``make generate`` and ``make check`` run them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
from pathlib import Path

import pytest
from support import SPEC, cli, run_codegen, snapshot


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real spec generated once, for each test to copy."""
    out = tmp_path_factory.mktemp("pristine") / "generated"
    assert cli("generate", "--spec", str(SPEC), "--out", str(out)).returncode == 0
    return out


@pytest.fixture
def project(tmp_path: Path, pristine: Path) -> tuple[Path, Path]:
    """A spec copy and a freshly generated output directory beside it."""
    spec = tmp_path / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    shutil.copy(SPEC, spec)
    out = tmp_path / "generated"
    shutil.copytree(pristine, out)
    return spec, out


def check(spec: Path, out: Path) -> tuple[int, str]:
    result = cli("check", "--spec", str(spec), "--out", str(out))
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr


def test_clean_output_passes(project: tuple[Path, Path]) -> None:
    spec, out = project
    code, _ = check(spec, out)
    assert code == 0


def test_hand_edited_file_is_reported_as_edited(project: tuple[Path, Path]) -> None:
    spec, out = project
    target = out / "normandy_telemetry" / "uptake.py"
    target.write_text(
        target.read_text().replace(
            'RUNNER_SUCCESS: Final = "success"', 'RUNNER_SUCCESS: Final = "succeeded"'
        )
    )
    code, err = check(spec, out)
    assert code == 1
    assert f"edited: {out}/normandy_telemetry/uptake.py" in err
    assert '+RUNNER_SUCCESS: Final = "success"' in err
    # Not the project's own spec and output: the command names both.
    assert err.splitlines()[-1] == (
        f"{out}/ does not match the spec: run `python -m codegen generate"
        f" --spec {spec} --out {out}`"
    )


def test_the_project_s_own_spec_and_output_are_fixed_by_make_generate(
    project: tuple[Path, Path],
) -> None:
    spec, out = project
    (out / "normandy_telemetry" / "catalog.json").unlink()
    result = cli("check", cwd=spec.parent.parent)  # spec/normandy.yaml, generated/
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "generated/ does not match the spec: run `make generate`"
    )


def test_the_command_check_advises_is_quoted_for_a_shell(tmp_path: Path) -> None:
    spec = tmp_path / "my spec.yaml"
    shutil.copy(SPEC, spec)
    out = tmp_path / "out $HOME"
    assert cli("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    (out / "MANIFEST.json").write_text(
        (out / "MANIFEST.json").read_text().replace('"files"', '"files" ', 1)
    )
    code, err = check(spec, out)
    assert code == 1
    command = err.splitlines()[-1].split("run `", 1)[1].rstrip("`")
    assert shlex.split(command) == [
        "python",
        "-m",
        "codegen",
        "generate",
        "--spec",
        str(spec),
        "--out",
        str(out),
    ]


def test_spec_changed_without_regenerating_is_reported_as_stale(
    project: tuple[Path, Path],
) -> None:
    spec, out = project
    spec.write_text(
        spec.read_text().replace(
            "ACTION_NETWORK_ERROR:\n          value: network_error",
            "ACTION_NETWORK_ERROR:\n          value: timeout_error",
        )
    )
    before = snapshot(out)
    code, err = check(spec, out)
    assert code == 1
    assert f"stale: {out}/normandy_telemetry/uptake.py" in err
    assert "edited:" not in err
    assert '+ACTION_NETWORK_ERROR: Final = "timeout_error"' in err
    assert snapshot(out) == before, "check must never write"


def test_missing_file_is_reported(project: tuple[Path, Path]) -> None:
    spec, out = project
    (out / "normandy_telemetry" / "catalog.json").unlink()
    code, err = check(spec, out)
    assert code == 1
    assert f"missing: {out}/normandy_telemetry/catalog.json" in err


def test_extra_file_and_byte_code_are_reported(project: tuple[Path, Path]) -> None:
    """Byte-code is drift too: a forged .pyc in generated/ runs on import."""
    spec, out = project
    (out / "normandy_telemetry" / "leftover.py").write_text("X = 1\n")
    cache = out / "normandy_telemetry" / "__pycache__"
    cache.mkdir()
    (cache / "uptake.cpython-311.pyc").write_bytes(b"\0")
    code, err = check(spec, out)
    assert code == 1
    assert f"extra: {out}/normandy_telemetry/leftover.py" in err
    assert f"byte-code: {out}/normandy_telemetry/__pycache__/ (" in err
    assert "uptake.cpython-311.pyc" not in err, "the folder is named once"


def generate(spec: Path, out: Path) -> int:
    return cli("generate", "--spec", str(spec), "--out", str(out)).returncode


def test_the_advice_for_a_stray_file_is_to_move_it_out_first(
    project: tuple[Path, Path],
) -> None:
    """A helper's trial: check said to run generate, which then refused to
    delete the stray file. Following the advice now mends the folder."""
    spec, out = project
    (out / "NOTES.md").write_text("mine\n")
    (out / "build").mkdir()
    (out / "build" / "x").write_text("\n")
    code, err = check(spec, out)
    assert code == 1
    assert err.splitlines()[-1] == (
        f"{out}/ does not match the spec, and holds what generate did not write"
        " (NOTES.md ...), which generate will not delete: move it out, then run"
        f" `python -m codegen generate --spec {spec} --out {out}`"
    )
    assert generate(spec, out) == 1  # as check said: it will not delete them
    (out / "NOTES.md").rename(out.parent / "NOTES.md")
    shutil.rmtree(out / "build")
    assert generate(spec, out) == 0
    assert check(spec, out) == (0, "")


def test_an_output_generate_no_longer_writes_is_no_stray(
    project: tuple[Path, Path],
) -> None:
    """A file an earlier generate wrote (its manifest records it) and the spec
    no longer gives is replaced by generate: the advice is just to run it."""
    spec, out = project
    old = out / "normandy_telemetry" / "retired.py"
    old.write_text("X = 1\n")
    manifest = json.loads((out / "MANIFEST.json").read_text())
    manifest["files"]["normandy_telemetry/retired.py"] = hashlib.sha256(
        old.read_bytes()
    ).hexdigest()
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    code, err = check(spec, out)
    assert code == 1
    assert f"extra: {out}/normandy_telemetry/retired.py" in err
    assert err.splitlines()[-1] == (
        f"{out}/ does not match the spec: run `python -m codegen generate"
        f" --spec {spec} --out {out}`"
    )
    assert generate(spec, out) == 0
    assert check(spec, out) == (0, "")


def test_a_missing_output_directory_is_one_line_that_says_what_to_do(
    tmp_path: Path,
) -> None:
    """A maintainer's trial: it was 39 lines, one "missing" per file."""
    code, err = check(SPEC, tmp_path / "nothing")
    assert code == 1
    assert err.splitlines() == [
        f"error: {tmp_path}/nothing/ does not exist; generate it first:"
        f" python -m codegen generate --spec {SPEC} --out {tmp_path}/nothing"
    ]


def test_a_file_given_as_the_output_directory_is_one_line(tmp_path: Path) -> None:
    """The same trial: ``--out README.md`` listed 39 "missing: README.md/..."
    lines and "not a regular file: README.md/."."""
    (tmp_path / "README.md").write_text("a file\n")
    code, err = check(SPEC, tmp_path / "README.md")
    assert code == 1
    assert err.splitlines() == [
        f"error: {tmp_path}/README.md is not a directory; give --out the"
        " directory generate wrote"
    ]


def test_a_folder_generate_did_not_write_is_one_line(
    project: tuple[Path, Path],
) -> None:
    """A helper's trial: ``--out spec`` listed 39 files missing and the spec
    itself as extra, then "run make generate", which would not help."""
    spec, _ = project
    code, err = check(spec, spec.parent)
    assert code == 1
    assert err.splitlines() == [
        f"error: {spec.parent}/ holds no MANIFEST.json and none of the files"
        " generate writes, so it is not generated output; give --out the"
        " directory generate wrote"
    ]


def test_the_output_of_another_spec_is_one_line_naming_both(
    project: tuple[Path, Path],
) -> None:
    """The same trial: the minimal spec checked against the real spec's
    output printed 414 lines of drift and named neither spec."""
    _, out = project
    minimal = SPEC.parent.parent / "tests" / "fixtures" / "minimal.yaml"
    code, err = check(minimal, out)
    assert code == 1
    assert err.splitlines() == [
        f"error: {out}/ was generated from a spec named spec/normandy.yaml, not"
        f" from {minimal} (named fixtures/minimal.yaml); give --spec the spec it"
        " was generated from, or --out this spec's output"
    ]


def test_an_output_that_lost_its_manifest_is_still_compared_file_by_file(
    project: tuple[Path, Path],
) -> None:
    """Not mistaken for a stranger's folder: the drift names what is wrong."""
    spec, out = project
    (out / "MANIFEST.json").unlink()
    code, err = check(spec, out)
    assert code == 1
    assert f"missing: {out}/MANIFEST.json (not on disk)" in err.splitlines()
    assert "not generated output" not in err
    # A helper's trial: check said "run make generate", which then refused to
    # replace a folder without its manifest, even with --force.
    fix = (
        f"{out}/ does not match the spec, and without its MANIFEST.json generate"
        " will not replace it: move it aside, then run `python -m codegen"
        f" generate --spec {spec} --out {out}`"
    )
    assert err.splitlines()[-1] == fix
    assert cli("generate", "--spec", str(spec), "--out", str(out)).returncode == 1
    out.rename(out.with_name("aside"))
    assert cli("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    assert check(spec, out) == (0, "")


def test_a_folder_with_a_stranger_s_manifest_and_none_of_our_files_is_one_line(
    tmp_path: Path,
) -> None:
    """A helper's trial: a foreign MANIFEST.json made check list every file
    as missing, 40 lines, and advise make generate, which would refuse."""
    folder = tmp_path / "dist"
    folder.mkdir()
    (folder / "MANIFEST.json").write_text('{"name": "some other tool"}\n')
    (folder / "index.html").write_text("<p>hi</p>\n")
    code, err = check(SPEC, folder)
    assert code == 1
    assert err.splitlines() == [
        f"error: {folder}/ holds a MANIFEST.json the generator did not write and"
        " none of the files generate writes, so it is not generated output; give"
        " --out the directory generate wrote"
    ]


def test_check_reads_the_output_once(
    project: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The foreign-folder test and the comparison share one read of the tree."""
    from codegen import writer

    spec, out = project
    reads: list[Path] = []
    real = writer.read_tree

    def counted(root: Path, wanted: dict[str, int]) -> writer.Tree:
        reads.append(root)
        return real(root, wanted)

    monkeypatch.setattr(writer, "read_tree", counted)
    assert check(spec, out) == (0, "")
    assert len(reads) == 1


def test_generate_then_check_round_trips_after_a_spec_change(
    project: tuple[Path, Path],
) -> None:
    """The smoke test of this module: both commands in real interpreters."""
    spec, out = project
    spec.write_text(
        spec.read_text().replace(
            "ACTION_NETWORK_ERROR:\n          value: network_error",
            "ACTION_NETWORK_ERROR:\n          value: timeout_error",
        )
    )
    assert (
        run_codegen("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    )
    result = run_codegen("check", "--spec", str(spec), "--out", str(out))
    assert "Traceback" not in result.stderr
    assert result.returncode == 0


# -- issue 14: check reports the truth about generated/, and reads only its own files


def test_a_link_out_of_generated_is_reported_and_never_read(
    project: tuple[Path, Path], tmp_path: Path
) -> None:
    """A generated file replaced by a link to /proc/self/environ (CI secrets) or
    to any file outside: reported as a link, its target never printed."""
    spec, out = project
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=hunter2\n")
    target = out / "normandy_telemetry" / "catalog.json"
    target.unlink()
    target.symlink_to(secret)
    environ = out / "normandy_telemetry" / "uptake.py"
    environ.unlink()
    environ.symlink_to("/proc/self/environ")
    code, err = check(spec, out)
    assert code == 1
    assert "hunter2" not in err and "PATH=" not in err
    assert (
        f"not a regular file: {out}/normandy_telemetry/catalog.json (a symbolic link;"
        in err
    )
    assert (
        f"not a regular file: {out}/normandy_telemetry/uptake.py (a symbolic link;"
        in err
    )


def test_a_link_to_an_identical_copy_does_not_match(
    project: tuple[Path, Path], tmp_path: Path
) -> None:
    spec, out = project
    copy = tmp_path / "copy.py"
    original = out / "normandy_telemetry" / "uptake.py"
    copy.write_bytes(original.read_bytes())
    original.unlink()
    original.symlink_to(copy)
    code, err = check(spec, out)
    assert code == 1
    assert "uptake.py (a symbolic link;" in err


def test_a_linked_directory_inside_generated_is_reported(
    project: tuple[Path, Path], tmp_path: Path
) -> None:
    spec, out = project
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "private.txt").write_text("do not print\n")
    (out / "normandy_telemetry" / "more").symlink_to(elsewhere)
    code, err = check(spec, out)
    assert code == 1
    assert f"{out}/normandy_telemetry/more (a symbolic link;" in err
    assert "private.txt" not in err and "do not print" not in err


def test_a_forged_byte_code_file_is_reported(project: tuple[Path, Path]) -> None:
    """An unchecked-hash .pyc runs on import however its source reads: it is drift."""
    spec, out = project
    cache = out / "normandy_telemetry" / "__pycache__"
    cache.mkdir()
    (cache / "validate.cpython-311.pyc").write_bytes(
        b"\xa7\r\r\n\x01\0\0\0" + b"\0" * 8
    )
    (out / "normandy_telemetry" / "stray.pyc").write_bytes(b"\0")
    code, err = check(spec, out)
    assert code == 1
    assert f"byte-code: {out}/normandy_telemetry/__pycache__/ (" in err
    assert f"byte-code: {out}/normandy_telemetry/stray.pyc (" in err


def test_build_leftovers_are_reported(project: tuple[Path, Path]) -> None:
    spec, out = project
    (out / "build" / "lib" / "normandy_telemetry").mkdir(parents=True)
    (out / "build" / "lib" / "normandy_telemetry" / "uptake.py").write_text("X = 1\n")
    (out / "normandy_telemetry.egg-info").mkdir()
    (out / "normandy_telemetry.egg-info" / "PKG-INFO").write_text("Name: x\n")
    (out / "empty").mkdir()
    code, err = check(spec, out)
    assert code == 1
    for name in ("build/", "normandy_telemetry.egg-info/", "empty/"):
        assert f"extra: {out}/{name} (" in err
    assert "PKG-INFO" not in err, "a folder is named once, not file by file"


def test_special_files_are_reported_without_reading_them(
    project: tuple[Path, Path],
) -> None:
    """A named pipe where a file should be: reported at once, never opened (it would hang)."""
    spec, out = project
    pipe = out / "normandy_telemetry" / "catalog.json"
    pipe.unlink()
    os.mkfifo(pipe)
    hard = out / "normandy_telemetry" / "hard.txt"
    os.link(out / "MANIFEST.json", hard)
    code, err = check(spec, out)
    assert code == 1
    assert f"{out}/normandy_telemetry/catalog.json (a named pipe;" in err
    assert f"{out}/normandy_telemetry/hard.txt (a hard link;" in err
    assert f"{out}/MANIFEST.json (a hard link;" in err


def test_a_hand_edit_is_shown_with_its_control_characters_escaped(
    project: tuple[Path, Path],
) -> None:
    spec, out = project
    edited = out / "normandy_telemetry" / "uptake.py"
    edited.write_text(
        edited.read_text() + "# \x1b]0;owned\x07\x1b[2J\u202eevil\n" + "0 problems\r\n"
    )
    code, err = check(spec, out)
    assert code == 1
    assert "\x1b" not in err and "\u202e" not in err and "\r" not in err
    assert "+# \\x1b]0;owned\\x07\\x1b[2J\\u202eevil" in err or (
        "-# \\x1b]0;owned\\x07\\x1b[2J\\u202eevil" in err
    )


def test_check_is_not_fooled_by_a_link_to_the_directory_itself(
    tmp_path: Path, pristine: Path
) -> None:
    """``--out`` may itself be a link to the output directory; what is inside is
    still never followed."""
    link = tmp_path / "generated"
    link.symlink_to(pristine)
    code, err = check(SPEC, link)
    assert code == 0, err
