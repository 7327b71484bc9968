"""``generate`` replaces only an output directory it wrote itself, and says what
it removes besides its own files (issue 14, item 4).

Ours means absent, empty, or holding a ``MANIFEST.json`` that the generator
wrote, from the same spec. Anything else in it is named, and removed only with
``--force``; byte-code is removed and named; a file is never turned into a
directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import SPEC, cli, snapshot

MINIMAL = SPEC.parent.parent / "tests" / "fixtures" / "minimal.yaml"


def generate(out: Path, *flags: str, spec: Path = MINIMAL) -> tuple[int, str, str]:
    result = cli("generate", "--spec", str(spec), "--out", str(out), *flags)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output directory generate wrote from minimal.yaml."""
    path = tmp_path / "generated"
    assert generate(path)[0] == 0
    return path


def test_the_manifest_names_the_generator_and_the_spec(out: Path) -> None:
    manifest = json.loads((out / "MANIFEST.json").read_text())
    assert manifest["generator"] == "python -m codegen generate"
    assert manifest["spec"] == "fixtures/minimal.yaml"
    assert "MANIFEST.json" not in manifest["files"]


def test_generate_refuses_a_directory_it_did_not_write(tmp_path: Path) -> None:
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    code, _, err = generate(foreign)
    assert code == 1
    assert "has no MANIFEST.json" in err
    assert snapshot(foreign) == {"notes.txt": b"keep me"}
    # --force replaces only what the generator wrote (its --help says so)
    code, _, err = generate(foreign, "--force")
    assert code == 1 and "has no MANIFEST.json" in err
    assert snapshot(foreign) == {"notes.txt": b"keep me"}
    assert "not empty and has no MANIFEST.json is never replaced" in " ".join(
        cli("generate", "--help").stdout.split()
    )


def test_a_manifest_it_did_not_write_is_not_enough(tmp_path: Path) -> None:
    """A directory that merely holds a file named MANIFEST.json is not ours."""
    foreign = tmp_path / "project"
    (foreign / "src").mkdir(parents=True)
    (foreign / "src" / "main.c").write_text("int main;\n")
    (foreign / "MANIFEST.json").write_text('{"name": "my project"}\n')
    before = snapshot(foreign)
    code, _, err = generate(foreign)
    assert code == 1
    assert "has a MANIFEST.json that the generator did not write" in err
    assert snapshot(foreign) == before
    code, _, err = generate(foreign, "--force")
    assert code == 1, "--force does not make a foreign directory ours"
    assert snapshot(foreign) == before


def test_a_file_is_never_turned_into_a_directory(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("my notes\n")
    code, _, err = generate(target)
    assert code == 1
    assert "is a file, not a directory" in err
    assert target.read_text() == "my notes\n"


def test_generate_refuses_to_write_over_the_spec(tmp_path: Path) -> None:
    spec = tmp_path / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    spec.write_bytes(SPEC.read_bytes())
    code, _, err = generate(spec.parent, spec=spec)
    assert code == 1 and "contains the spec" in err
    assert spec.read_bytes() == SPEC.read_bytes()


def test_files_a_user_put_there_are_named_and_kept_without_force(out: Path) -> None:
    """The README's own `pip install ./generated` used to leave build/ and
    *.egg-info there; generate deleted them (and anything else) silently."""
    (out / "build" / "lib").mkdir(parents=True)
    (out / "build" / "lib" / "x.py").write_text("X = 1\n")
    (out / "normandy_telemetry.egg-info").mkdir()
    (out / "notes.txt").write_text("my notes\n")
    (out / "link").symlink_to("/etc/hostname")
    before = snapshot(out)
    code, _, err = generate(out)
    assert code == 1
    assert (
        "holds what the generator did not write: build/, link (a symbolic link), "
        "normandy_telemetry.egg-info/, notes.txt;" in err
    )
    assert "--force" in err
    assert snapshot(out) == before
    code, stdout, err = generate(out, "--force")
    assert code == 0
    assert (
        f"removed (not written by generate; --force): {out}/build/, {out}/link "
        f"(a symbolic link), {out}/normandy_telemetry.egg-info/, {out}/notes.txt" in err
    )
    assert not (out / "build").exists() and not (out / "notes.txt").exists()
    assert stdout.startswith("wrote ")


def test_byte_code_is_removed_and_named(out: Path) -> None:
    cache = out / "normandy_telemetry" / "__pycache__"
    cache.mkdir()
    (cache / "validate.cpython-311.pyc").write_bytes(b"forged")
    code, _, err = generate(out)
    assert code == 0
    assert (
        f"removed byte-code (Python recreates it on import): {out}/normandy_telemetry/__pycache__/"
        in err
    )
    assert not cache.exists()


def test_hand_edits_of_generated_files_are_named_as_they_are_replaced(
    out: Path,
) -> None:
    edited = out / "normandy_telemetry" / "uptake.py"
    edited.write_text(edited.read_text() + "# mine\n")
    code, _, err = generate(out)
    assert code == 0
    assert (
        f"replaced hand edits (generated files are not edited by hand): {out}/normandy_telemetry/uptake.py"
        in err
    )
    assert "# mine" not in edited.read_text()


def test_output_of_another_spec_is_replaced_only_with_force(out: Path) -> None:
    code, _, err = generate(out, spec=SPEC)
    assert code == 1
    # A maintainer's trial: only the header names were shown ("not from
    # trial-work/other.yaml"), which no editor opens; the spec as given is too.
    assert (
        "was generated from a spec named fixtures/minimal.yaml, not from"
        f" {SPEC} (named spec/normandy.yaml)" in err
    )
    assert generate(out, "--force", spec=SPEC)[0] == 0
    assert (
        json.loads((out / "MANIFEST.json").read_text())["spec"] == "spec/normandy.yaml"
    )


def test_a_manifest_of_an_earlier_version_is_still_recognised(out: Path) -> None:
    """generated/ written before the manifest named its generator and spec."""
    manifest = json.loads((out / "MANIFEST.json").read_text())
    del manifest["generator"], manifest["spec"]
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    code, _, err = generate(out)
    assert code == 0, err
