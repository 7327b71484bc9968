"""The differential tests again, on a spec that reaches what the real one does
not: an event without extra keys, events whose keys may all be absent (so
``extra`` may be null or left out), conditions on conditions, keys Firefox
records under another name (one of them always sent, one a condition), allowed
values with quotes and backslashes, limits other than 80; in legacy Telemetry
and in Glean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from strategies import generate_package, stress_spec_text
from support import ROOT


@pytest.fixture(scope="module")
def stress(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("stress")
    spec = root / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    spec.write_text(stress_spec_text(), "utf-8")
    generate_package(spec, root / "generated")
    return spec, root / "generated"


def test_differential_and_fuzz_tests_pass_on_the_stress_spec(
    stress: tuple[Path, Path],
) -> None:
    spec, generated = stress
    env = {
        **os.environ,
        "NORMANDY_SPEC": str(spec),
        "NORMANDY_GENERATED": str(generated),
        "NORMANDY_EXAMPLES": os.environ.get("NORMANDY_EXAMPLES", "100"),
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-x",
        "-p",
        "no:cacheprovider",
        # The stress package, not generated/, is the one to import.
        "-o",
        f"pythonpath={ROOT} {ROOT / 'tests'} {generated}",
        str(ROOT / "tests" / "package" / "test_validators_differential.py"),
        str(ROOT / "tests" / "package" / "test_glean_differential.py"),
    ]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout


def run_in_package(tmp_path: Path, spec_text: str, script: str) -> Any:
    """What ``script`` prints (JSON), run against the package generated from
    ``spec_text`` in a fresh interpreter (not the generated/ one imported here)."""
    spec = tmp_path / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    spec.write_text(spec_text, "utf-8")
    generate_package(spec, tmp_path / "generated")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "generated")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


LEGACY_ONLY = """
import json, sys
import normandy_telemetry as nt
event = {"category": "normandy", "name": "enroll_preference_study", "timestamp": 0,
         "extra": {"value": "s"}}
print(json.dumps({
    "glean": nt.is_valid_glean_event(event),
    "errors": [str(e) for e in nt.iter_glean_event_errors(event)],
    "legacy": nt.is_valid_event([0, "normandy", "enroll", "preference_study", "s", {"enrollmentId": nt.ENROLLMENT_ID_FILLER}]),
    "known": sorted(name for _, name in nt.GLEAN_EVENTS),
}))
"""


def test_an_event_recorded_in_legacy_telemetry_only_is_no_glean_event(
    tmp_path: Path,
) -> None:
    from support import Patch, patched

    base = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text("utf-8")
    text = patched(
        base,
        Patch(
            "          description: Sent when the client enrolls.\n",
            "          description: Sent when the client enrolls.\n          recorded_in: [legacy]\n",
        ),
    )
    found = run_in_package(tmp_path, text, LEGACY_ONLY)
    assert found == {
        "glean": False,
        "errors": [
            "name: Firefox records preference_study.enroll in legacy Telemetry only, not in Glean"
        ],
        "legacy": True,
        "known": ["enroll_failed_preference_study"],
    }
    schema = json.loads(
        (
            tmp_path / "generated" / "schemas" / "normandy-glean-events.schema.json"
        ).read_text()
    )
    event = {
        "category": "normandy",
        "name": "enroll_preference_study",
        "timestamp": 0,
        "extra": {"value": "s"},
    }
    assert not jsonschema.Draft202012Validator(schema).is_valid(event)


UPTAKE_IN_NORMANDY = """
import json
from normandy_telemetry import pings
from normandy_telemetry.validate_glean import is_valid_decoded_glean_event
glean = {"category": "normandy", "name": "uptake_normandy", "timestamp": 1,
         "extra": {"source": "normandy/runner", "value": "success"}}
legacy = [1, "normandy", "uptake", "normandy", "success", {"source": "normandy/runner"}]
lines = [json.dumps({"events": [glean]}), json.dumps({"payload": {"events": {"parent": [legacy]}}})]
dead = []
tally = pings.check_lines(enumerate(lines, 1), None, dead.append)
print(json.dumps({
    "routes": [pings.route_glean(glean), pings.route_legacy(legacy)],
    "decoded": is_valid_decoded_glean_event(glean),
    "summary": tally.summary(),
    "uptake": sorted(map(list, tally.uptake.items())),
    "dead": dead,
}))
"""


def test_an_uptake_event_in_normandy_s_category_is_an_uptake_report(
    tmp_path: Path,
) -> None:
    """A spec may give the uptake event the category of Normandy's events; its
    records are still uptake reports, in both shapes, not events."""
    from support import Patch, patched

    text = patched(
        stress_spec_text(),
        Patch(
            "    event: uptake.remotecontent.result.uptake_normandy\n",
            "    event: normandy.uptake_normandy\n",
        ),
    )
    found = run_in_package(tmp_path, text, UPTAKE_IN_NORMANDY)
    assert found["routes"] == ["uptake", "uptake"]
    assert found["decoded"] is False  # a report, not one of Normandy's events
    assert found["dead"] == []
    assert found["summary"]["valid_events"] == 0
    assert found["summary"]["uptake_reports"] == 2
    assert found["uptake"] == [[["runner", "success"], 2]]
