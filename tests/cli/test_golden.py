"""The golden records: each spec's committed output is exactly what it produces.

``generated/`` is the real spec's record; ``tests/golden/minimal/`` and
``tests/golden/stress/`` are those of ``tests/fixtures/minimal.yaml`` (the
smallest spec: no Firefox outputs) and ``tests/fixtures/stress.yaml`` (every
branch the real spec does not reach). A change to the model, a template or the
runtime shows in all three as a reviewable diff.

On failure the message shows a unified diff per file and the command that
regenerates every record, so a contributor never has to guess.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import GENERATED, ROOT, SPEC

from codegen.pipeline import load_spec, render_outputs
from codegen.writer import compare

FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"

# name -> (spec, its golden record)
RECORDS: dict[str, tuple[Path, Path]] = {
    "real": (SPEC, GENERATED),
    "minimal": (FIXTURES / "minimal.yaml", GOLDEN / "minimal"),
    "stress": (FIXTURES / "stress.yaml", GOLDEN / "stress"),
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, str]]:
    """Each spec rendered once, in-process."""
    return {
        name: render_outputs(load_spec(spec)) for name, (spec, _) in RECORDS.items()
    }


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_golden_record_matches_a_fresh_render(
    name: str, rendered: dict[str, dict[str, str]]
) -> None:
    spec, record = RECORDS[name]
    drift = compare(record, rendered[name])
    where = record.relative_to(ROOT).as_posix()
    assert drift.clean, (
        f"\n{drift.report(where, fix='make golden')}\n"
        f"If the change is intended, `make golden` regenerates {where}/ from "
        f"{spec.relative_to(ROOT).as_posix()} (and every other golden record); "
        "review and commit the diff with the change."
    )


def test_every_generated_file_names_its_source_and_forbids_edits(
    rendered: dict[str, dict[str, str]],
) -> None:
    for path, text in rendered["real"].items():
        head = text[:600]
        assert "spec/normandy.yaml" in head, path
        assert "Do not edit" in head, path


def test_every_golden_record_is_compared() -> None:
    on_disk = {path.name for path in GOLDEN.iterdir() if path.is_dir()}
    assert on_disk == {
        name for name, (_, record) in RECORDS.items() if record.parent == GOLDEN
    }
