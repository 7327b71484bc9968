"""generated/ is exactly what the spec produces (the golden record).

On failure the message shows a unified diff per file and the command that
fixes it, so a contributor never has to guess.
"""

from __future__ import annotations

from support import GENERATED, SPEC

from codegen.pipeline import load_spec, render_outputs
from codegen.writer import compare


def test_generated_directory_matches_a_fresh_render() -> None:
    files = render_outputs(load_spec(SPEC))
    drift = compare(GENERATED, files)
    assert drift.clean, "\n" + drift.report("generated")


def test_every_generated_file_names_its_source_and_forbids_edits() -> None:
    files = render_outputs(load_spec(SPEC))
    for path, text in files.items():
        head = text[:600]
        assert "spec/normandy.yaml" in head, path
        assert "Do not edit" in head, path
