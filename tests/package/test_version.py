"""The package says which spec it was built from: its version and the spec's digest."""

from __future__ import annotations

import hashlib
import re
import tomllib

import normandy_telemetry as nt
from support import GENERATED, SPEC

from codegen.pipeline import load_spec


def test_the_package_version_is_the_specs() -> None:
    spec = load_spec(SPEC)
    assert re.fullmatch(r"\d+\.\d+\.\d+", nt.__version__)
    assert nt.__version__ == spec.version
    project = tomllib.loads((GENERATED / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["version"] == nt.__version__


def test_the_digest_names_the_spec_file() -> None:
    expected = hashlib.sha256(SPEC.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
    assert nt.SPEC_DIGEST == f"sha256:{expected}"
    assert "SPEC_DIGEST" in nt.__all__


def test_every_generated_file_names_the_version_in_its_header() -> None:
    stamp = f"Generated from spec/normandy.yaml (version {nt.__version__})"
    for path in sorted(GENERATED.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        head = " ".join(path.read_text("utf-8")[:400].split())
        assert stamp in head.replace("# ", ""), path.relative_to(GENERATED)
