"""The spec's version and the bump each class of change needs (``codegen.versioning``)."""

from __future__ import annotations

import pytest
from support import ROOT, Patch, patched

from codegen.model import Spec
from codegen.pipeline import load_spec_bytes, spec_digest
from codegen.versioning import Version, change_class, required_bump, version_problems

MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text("utf-8")
VERSIONED = patched(
    MINIMAL, Patch("format_version: 1\n", "format_version: 1\nversion: 1.2.3\n")
)

BREAKING = Patch("value: server_error", "value: backoff")
COMPATIBLE = Patch(
    "                invalid-branch: The recipe names an invalid preference branch.\n",
    "                invalid-branch: The recipe names an invalid preference branch.\n"
    "                name-conflict: The slug is taken.\n",
)
DOCS = Patch("description: The run finished.", "description: The run is over.")
COMMENT = Patch(
    "format_version: 1\n", "format_version: 1\n# a comment changes nothing\n"
)


def spec(text: str, *patches: Patch) -> Spec:
    return load_spec_bytes(
        patched(text, *patches).encode("utf-8"), "spec/normandy.yaml"
    )


def with_version(version: str, *patches: Patch) -> Spec:
    return spec(VERSIONED, Patch("version: 1.2.3", f"version: {version}"), *patches)


def test_versions_parse_bump_and_order() -> None:
    assert Version.parse("1.2.3") == Version(1, 2, 3)
    assert str(Version(1, 2, 3).bumped("major")) == "2.0.0"
    assert str(Version(1, 2, 3).bumped("minor")) == "1.3.0"
    assert str(Version(1, 2, 3).bumped("patch")) == "1.2.4"
    assert Version.parse("1.10.0") > Version.parse("1.9.9")


def test_a_spec_without_a_version_is_1_0_0_and_the_model_reads_it() -> None:
    assert spec(MINIMAL).version == "1.0.0"
    versioned = spec(VERSIONED)
    assert versioned.version == "1.2.3"
    assert (versioned.version_loc.line, versioned.version_loc.column) == (2, 10)


def test_the_digest_is_the_sha256_of_the_spec_text_whatever_its_line_ends() -> None:
    data = VERSIONED.encode("utf-8")
    assert spec(VERSIONED).digest == spec_digest(data)
    assert spec_digest(data).startswith("sha256:") and len(spec_digest(data)) == 71
    assert spec_digest(data.replace(b"\n", b"\r\n")) == spec_digest(data)
    assert spec_digest(data + b"# more\n") != spec_digest(data)


@pytest.mark.parametrize(
    ("patches", "kind", "bump"),
    [
        ((BREAKING,), "breaking", "major"),
        ((BREAKING, COMPATIBLE, DOCS), "breaking", "major"),
        ((COMPATIBLE,), "compatible", "minor"),
        ((COMPATIBLE, DOCS), "compatible", "minor"),
        ((DOCS,), "docs", "patch"),
        ((COMMENT,), None, None),
        ((), None, None),
    ],
)
def test_the_class_of_a_change_is_its_highest_and_sets_the_bump(
    patches: tuple[Patch, ...], kind: str | None, bump: str | None
) -> None:
    old, new = spec(VERSIONED), spec(VERSIONED, *patches)
    assert change_class(old, new) == kind
    assert required_bump(old, new) == bump


def test_a_new_version_alone_is_no_change() -> None:
    assert change_class(spec(VERSIONED), with_version("7.0.0")) is None


@pytest.mark.parametrize(
    ("patches", "enough", "too_low"),
    [
        ((BREAKING,), ("2.0.0", "3.1.0"), ("1.9.0", "1.2.4")),
        ((COMPATIBLE,), ("1.3.0", "2.0.0"), ("1.2.4", "1.2.3")),
        ((DOCS,), ("1.2.4", "1.3.0", "2.0.0"), ("1.2.3",)),
        ((), ("1.2.3", "1.2.4"), ()),
    ],
)
def test_each_class_needs_its_bump(
    patches: tuple[Patch, ...], enough: tuple[str, ...], too_low: tuple[str, ...]
) -> None:
    old = spec(VERSIONED)
    for version in enough:
        assert version_problems(old, with_version(version, *patches), "main") == []
    for version in too_low:
        assert version_problems(old, with_version(version, *patches), "main"), version


def test_the_message_says_what_changed_what_is_needed_and_where() -> None:
    old = spec(VERSIONED)
    [problem] = version_problems(old, with_version("1.2.4", COMPATIBLE), "main")
    assert (problem.line, problem.column) == (2, 10)
    assert problem.message == (
        "version 1.2.4 must be at least 1.3.0: the spec has compatible changes since main,"
        " where it was 1.2.3, and a compatible change bumps MINOR"
        " (`python -m codegen diff --against main` lists the changes)"
    )
    [down] = version_problems(old, with_version("1.0.0"), "main")
    assert down.message == (
        "version 1.0.0 is lower than 1.2.3, the version at main; a version never"
        " goes down: write 1.2.3 (the spec is as it was at main)"
    )
    # A maintainer's trial: it said only "never goes down", not what to write.
    [breaking] = version_problems(old, with_version("1.0.0", BREAKING), "main")
    assert breaking.message == (
        "version 1.0.0 is lower than 1.2.3, the version at main; a version never"
        " goes down: write 2.0.0, which the breaking changes since main need"
    )


def test_a_spec_without_a_version_is_told_so() -> None:
    [problem] = version_problems(spec(MINIMAL), spec(MINIMAL, BREAKING), "main")
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith(
        "version 1.0.0 (the spec has no 'version:', so it is 1.0.0) must be at least 2.0.0:"
        " the spec has breaking changes since main"
    )
