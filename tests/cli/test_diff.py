"""``diff`` reports every change at field level and classifies it correctly.

Each case edits ``tests/fixtures/lint/base.yaml`` (OLD) into NEW and pins the
classified changes; the CLI tests cover the three output formats, exit codes,
and a spec edited in a real git repository compared with ``--against``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from support import ROOT, cli

from codegen.diff import BREAKING, COMPATIBLE, DOCS, diff_specs
from codegen.pipeline import load_spec_bytes

BASE = ROOT / "tests" / "fixtures" / "lint" / "base.yaml"
EVENTS = "events.objects.preference_study.events"

CASES: dict[str, tuple[tuple[tuple[str, str], ...], set[tuple[str, str, str]]]] = {
    "status removed": (
        (
            (
                "        RUNNER_SERVER_ERROR:\n          value: server_error\n          description: The server sent bad data.\n",
                "",
            ),
        ),
        {
            (
                BREAKING,
                "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR",
                "status removed",
            )
        },
    ),
    "status added": (
        (
            (
                "          description: The recipe ran.\n",
                "          description: The recipe ran.\n        RECIPE_BACKOFF:\n          value: backoff\n          description: Skipped.\n",
            ),
        ),
        {(COMPATIBLE, "uptake.sources.recipe.statuses.RECIPE_BACKOFF", "status added")},
    ),
    "telemetry value changed": (
        (("value: server_error", "value: backoff"),),
        {
            (
                BREAKING,
                "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR.value",
                "value changed",
            )
        },
    ),
    "constant renamed without record": (
        (("RUNNER_SERVER_ERROR:", "RUNNER_BAD_DATA:"),),
        {
            (
                BREAKING,
                "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR",
                "status removed",
            ),
            (
                COMPATIBLE,
                "uptake.sources.runner.statuses.RUNNER_BAD_DATA",
                "status added",
            ),
        },
    ),
    "constant renamed with record": (
        (
            (
                "RUNNER_SERVER_ERROR:\n",
                "RUNNER_BAD_DATA:\n          renamed_from: RUNNER_SERVER_ERROR\n",
            ),
        ),
        {
            (
                BREAKING,
                "uptake.sources.runner.statuses.RUNNER_BAD_DATA",
                "status renamed from RUNNER_SERVER_ERROR to RUNNER_BAD_DATA",
            )
        },
    ),
    "key pattern changed": (
        (("key: normandy/runner", "key: normandy/run"),),
        {(BREAKING, "uptake.sources.runner.key", "key changed")},
    ),
    "legal value removed": (
        (
            (
                "legal_values: [success, backoff, server_error]",
                "legal_values: [success, server_error]",
            ),
        ),
        {(BREAKING, "uptake.legal_values.backoff", "legal Uptake value removed")},
    ),
    "method changed": (
        (("        enroll:\n", "        enrolled:\n"),),
        {
            (BREAKING, f"{EVENTS}.enroll", "event removed"),
            (COMPATIBLE, f"{EVENTS}.enrolled", "event added"),
        },
    ),
    "extra key removed": (
        (
            (
                "            prefBranch:\n              description: The preference branch the recipe named.\n              when: {reason: [invalid-branch]}\n",
                "",
            ),
        ),
        {(BREAKING, f"{EVENTS}.enrollFailed.extra.prefBranch", "extra key removed")},
    ),
    "optional extra key added": (
        (
            (
                "              when: {reason: [invalid-branch]}\n",
                "              when: {reason: [invalid-branch]}\n            detail:\n              description: More.\n              optional: true\n",
            ),
        ),
        {(COMPATIBLE, f"{EVENTS}.enrollFailed.extra.detail", "extra key added")},
    ),
    "required extra key added": (
        (
            (
                "              when: {reason: [invalid-branch]}\n",
                "              when: {reason: [invalid-branch]}\n            detail:\n              description: More.\n",
            ),
        ),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.detail",
                "required extra key added (old events lack it)",
            )
        },
    ),
    "allowed value removed and added": (
        (
            ("invalid-branch: The recipe", "bad-branch: The recipe"),
            ("[invalid-branch]", "[bad-branch]"),
        ),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.reason.allowed.invalid-branch",
                "allowed value removed",
            ),
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.reason.allowed.bad-branch",
                "allowed value added",
            ),
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.prefBranch.presence",
                "condition for the key changed",
            ),
        },
    ),
    "optional key made required": (
        (("              when: {reason: [invalid-branch]}\n", ""),),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.prefBranch.presence",
                "key made required",
            )
        },
    ),
    "required key made optional": (
        (
            (
                "              description: Why the enrollment failed.\n",
                "              description: Why the enrollment failed.\n              optional: true\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.reason.presence",
                "required key made optional",
            )
        },
    ),
    "limit narrowed": (
        (("extra_max_length: 80", "extra_max_length: 60"),),
        {(BREAKING, "events.extra_max_length", "limit narrowed")}
        | {
            (BREAKING, f"{EVENTS}.{e}.extra.{k}.max_length", "limit narrowed")
            for e, k in (
                ("enroll", "enrollmentId"),
                ("enrollFailed", "reason"),
                ("enrollFailed", "prefBranch"),
            )
        },
    ),
    "limit widened": (
        (("value_max_length: 80", "value_max_length: 100"),),
        {(COMPATIBLE, "events.value_max_length", "limit widened")},
    ),
    "type changed": (
        (("              format: enrollment_id\n", ""),),
        {(BREAKING, f"{EVENTS}.enroll.extra.enrollmentId.format", "format changed")},
    ),
    "documentation only": (
        (
            (
                "description: Why the enrollment failed.",
                "description: Why enrolling failed.",
            ),
            ("title: Enrollment Failed", "title: Enrolment failed"),
        ),
        {
            (
                DOCS,
                f"{EVENTS}.enrollFailed.extra.reason.description",
                "description changed",
            ),
            (DOCS, f"{EVENTS}.enrollFailed.title", "title changed"),
        },
    ),
    "closed set removed": (
        (
            (
                "              allowed:\n                invalid-branch: The recipe names an invalid preference branch.\n",
                "",
            ),
            (
                "              when: {reason: [invalid-branch]}\n",
                "              optional: true\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.reason.allowed",
                "closed set of values removed: any string is allowed now",
            ),
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.prefBranch.presence",
                "key may now be absent without a condition",
            ),
        },
    ),
    "lines moved only": (
        (
            (
                "title: Lint base",
                "title: Lint base\n# a comment that moves every line below\n",
            ),
        ),
        set(),
    ),
    "correction added": (
        (
            (
                "          description: The recipe ran.\n",
                "          description: The recipe ran.\n          correction: Clarified.\n",
            ),
        ),
        {
            (
                DOCS,
                "uptake.sources.recipe.statuses.RECIPE_SUCCESS.correction",
                "correction changed",
            )
        },
    ),
}


def edited(edits: tuple[tuple[str, str], ...]) -> str:
    text = BASE.read_text("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("name", sorted(CASES))
def test_change_is_found_and_classified(name: str) -> None:
    edits, expected = CASES[name]
    old = load_spec_bytes(BASE.read_bytes(), "old")
    new = load_spec_bytes(edited(edits).encode(), "new")
    assert {(c.kind, c.path, c.what) for c in diff_specs(old, new)} == expected


def test_identical_specs_have_no_changes() -> None:
    spec = load_spec_bytes(BASE.read_bytes(), "x")
    assert diff_specs(spec, spec) == []


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name / "normandy.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_cli_text_output_and_exit_codes(tmp_path: Path) -> None:
    new = write(tmp_path, "new", edited(CASES["status removed"][0]))
    result = cli("diff", str(BASE), str(new))
    assert result.returncode == 1
    assert "breaking (1):" in result.stdout
    assert (
        "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR: status removed"
        in result.stdout
    )
    assert cli("diff", str(BASE), str(new), "--allow-breaking").returncode == 0
    compatible = write(tmp_path, "compatible", edited(CASES["limit widened"][0]))
    assert cli("diff", str(BASE), str(compatible)).returncode == 0


def test_cli_markdown_is_ready_for_a_pull_request(tmp_path: Path) -> None:
    new = write(tmp_path, "new", edited(CASES["allowed value removed and added"][0]))
    result = cli(
        "diff", str(BASE), str(new), "--format", "markdown", "--allow-breaking"
    )
    assert result.returncode == 0
    assert result.stdout.startswith("## Spec changes:")
    assert (
        "### Breaking changes" in result.stdout
        and "### Compatible changes" in result.stdout
    )
    assert (
        f"| `{EVENTS}.enrollFailed.extra.reason.allowed.bad-branch` | allowed value added |"
        in result.stdout
    )


def test_cli_json_is_machine_readable(tmp_path: Path) -> None:
    new = write(tmp_path, "new", edited(CASES["documentation only"][0]))
    result = cli("diff", str(BASE), str(new), "--format", "json")
    payload = json.loads(result.stdout)
    assert result.returncode == 0
    assert payload["breaking"] is False
    assert payload["counts"] == {"breaking": 0, "compatible": 0, "docs": 2}
    assert {c["path"] for c in payload["changes"]} == {
        p for _, p, _ in CASES["documentation only"][1]
    }


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_against_a_git_revision(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    spec = write(repo, "spec", BASE.read_text("utf-8"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "-m",
        "spec",
    )
    spec.write_text(edited(CASES["telemetry value changed"][0]), "utf-8")
    result = cli("diff", "--against", "main", "--spec", "spec/normandy.yaml", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "main:spec/normandy.yaml" in result.stdout
    assert (
        "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR.value: value changed: server_error -> backoff"
        in result.stdout
    )
    # Both sides may be revisions too.
    git(
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-qam",
        "change",
    )
    both = cli("diff", "main~1", "main", "--spec", "spec/normandy.yaml", cwd=repo)
    assert both.returncode == 1 and "value changed" in both.stdout


def test_unknown_revision_and_bad_usage_are_clear(tmp_path: Path) -> None:
    result = cli("diff", "--against", "no-such-branch")
    assert result.returncode == 1
    assert "git cannot show no-such-branch:spec/normandy.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    usage = cli("diff")
    assert usage.returncode == 2 and "give OLD [NEW], or --against REV" in usage.stderr


def test_broken_old_spec_reports_its_problems(tmp_path: Path) -> None:
    broken = write(
        tmp_path,
        "old",
        BASE.read_text("utf-8").replace("value: server_error", "value: sever_error"),
    )
    result = cli("diff", str(broken), str(BASE))
    assert result.returncode == 1
    assert (
        "did you mean 'server_error'" in result.stderr
        and "Traceback" not in result.stderr
    )


def test_markdown_cells_survive_pipes_and_backticks(tmp_path: Path) -> None:
    edits = (
        ("invalid-branch: The recipe", "'x|y`z': The recipe"),
        ("[invalid-branch]", "['x|y`z']"),
    )
    new = write(tmp_path, "new", edited(edits))
    result = cli(
        "diff", str(BASE), str(new), "--format", "markdown", "--allow-breaking"
    )
    row = next(
        line for line in result.stdout.splitlines() if "allowed value added" in line
    )
    assert (
        row.count(" | ") == 3
    ), row  # four cells: no pipe from the value splits the row
    assert "``x\\|y`z``" in row
