"""``diff``: every change found once, where it was made, and classified by what it
does to the records the old spec accepts.

The first cases edit ``tests/fixtures/lint/base.yaml`` (OLD) into NEW; the
issue-13 cases edit the shipped spec, as a maintainer would. Each pins the
classified changes; a breaking one must come with an example the new spec
refuses. The CLI tests cover the three output formats, the exit codes a CI job
relies on (0 nothing breaking, 1 breaking, 2 could not tell), revisions and
ranges in a real git repository, and spec text that tries to forge lines.
``tests/package/test_diff_property.py`` checks the classes against the
generated validators on random edits.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from support import ROOT, SPEC, Patch, cli, patched

from codegen.diff import BREAKING, COMPATIBLE, DOCS, change_class, diff_specs
from codegen.diff_output import render_json, render_markdown, render_text
from codegen.pipeline import load_spec_bytes
from codegen.problems import SpecError

BASE = ROOT / "tests" / "fixtures" / "lint" / "base.yaml"
EVENTS = "events.objects.preference_study.events"
WHEN = "              when: {reason: [invalid-branch]}\n"
REASON_ALLOWED = (
    "                invalid-branch: The recipe names an invalid preference branch.\n"
)
SECOND_REASON = (
    REASON_ALLOWED + "                name-conflict: Another study set it.\n"
)

Expected = set[tuple[str, str, str]]
CASES: dict[str, tuple[tuple[tuple[str, str], ...], Expected]] = {
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
    "Events.yaml entry renamed": (
        (
            (
                "        enrollFailed:\n",
                "        enrollFailed:\n          legacy_entry: enrollFailedEntry\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.legacy_entry",
                "Events.yaml entry renamed",
            )
        },
    ),
    "Events.yaml entry named as it was": (
        (
            (
                "        enrollFailed:\n",
                "        enrollFailed:\n          legacy_entry: enroll_failed\n",
            ),
        ),
        set(),
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
    "key changed": (
        (("key: normandy/runner", "key: normandy/run"),),
        {(BREAKING, "uptake.sources.runner.key", "key changed")},
    ),
    "placeholder pattern narrowed": (
        (
            (
                "pattern: '^[0-9]+$'\n      description",
                "pattern: '^[0-9]{1,3}$'\n      description",
            ),
        ),
        {(BREAKING, "uptake.sources.recipe.placeholder.pattern", "pattern changed")},
    ),
    "placeholder pattern widened": (
        (
            (
                "pattern: '^[0-9]+$'\n      description",
                "pattern: '^[0-9a-f]+$'\n      description",
            ),
        ),
        {(COMPATIBLE, "uptake.sources.recipe.placeholder.pattern", "pattern changed")},
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
    "firefox value added": (
        (
            (
                "          value: server_error\n",
                "          value: server_error\n          firefox_value: backoff\n"
                "          correction: Firefox sends backoff.\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR.firefox_value",
                "Firefox's value changed",
            ),
            (
                DOCS,
                "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR.correction",
                "correction changed",
            ),
        },
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
                "            prefBranch:\n              description: The preference branch the recipe named.\n"
                + WHEN,
                "",
            ),
        ),
        {(BREAKING, f"{EVENTS}.enrollFailed.extra.prefBranch", "extra key removed")},
    ),
    "optional extra key added": (
        (
            (
                WHEN,
                WHEN
                + "            detail:\n              description: More.\n              optional: true\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.detail",
                "extra key added (May be absent.)",
            )
        },
    ),
    "required extra key added": (
        (
            (
                WHEN,
                WHEN + "            detail:\n              description: More.\n",
            ),
        ),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.detail",
                "extra key added (Always sent.)",
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
                f"{EVENTS}.enrollFailed.extra.prefBranch.when",
                "presence changed",
            ),
        },
    ),
    "allowed value renamed with record": (
        (
            (
                "invalid-branch: The recipe names an invalid preference branch.",
                "bad-branch: {description: The recipe names an invalid preference branch., "
                "renamed_from: invalid-branch}",
            ),
            ("[invalid-branch]", "[bad-branch]"),
        ),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.reason.allowed.bad-branch",
                "allowed value renamed from invalid-branch to bad-branch",
            ),
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.prefBranch.when",
                "presence changed",
            ),
        },
    ),
    # The base's reason has one value, so prefBranch is in fact always sent:
    # dropping its condition refuses nothing. With a second reason it does.
    "conditional key made required, nothing refused": (
        ((WHEN, ""),),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.prefBranch.when",
                "presence changed",
            )
        },
    ),
    "conditional key made required": (
        ((WHEN, ""),),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.prefBranch.when",
                "presence changed",
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
                f"{EVENTS}.enrollFailed.extra.reason.optional",
                "presence changed",
            )
        },
    ),
    "renamed key with a presence change": (
        (
            (
                "            prefBranch:\n              description: The preference branch the recipe named.\n"
                + WHEN,
                "            branch:\n              renamed_from: prefBranch\n"
                "              description: The preference branch the recipe named.\n",
            ),
        ),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.branch",
                "extra key renamed from prefBranch to branch",
            ),
            (BREAKING, f"{EVENTS}.enrollFailed.extra.branch.when", "presence changed"),
        },
    ),
    "limit narrowed, reported once where it is written": (
        (("extra_max_length: 80", "extra_max_length: 60"),),
        {(BREAKING, "events.extra_max_length", "limit narrowed")},
    ),
    "limit widened": (
        (("value_max_length: 80", "value_max_length: 100"),),
        {(COMPATIBLE, "events.value_max_length", "limit widened")},
    ),
    "a key with allowed values takes no length limit": (
        (
            (
                "              description: Why the enrollment failed.\n",
                "              description: Why the enrollment failed.\n              max_length: 20\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.reason.max_length",
                "limit narrowed",
            )
        },
    ),
    "format dropped": (
        (("              format: enrollment_id\n", ""),),
        {(COMPATIBLE, f"{EVENTS}.enroll.extra.enrollmentId.format", "format changed")},
    ),
    "format added": (
        ((WHEN, WHEN + "              format: enrollment_id\n"),),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.prefBranch.format",
                "format changed",
            )
        },
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
                "              allowed:\n" + REASON_ALLOWED,
                "",
            ),
            (WHEN, "              optional: true\n"),
        ),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.reason.allowed",
                "closed set of values removed: any value of at most 80 bytes is allowed now",
            ),
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.extra.prefBranch.when",
                "presence changed",
            ),
        },
    ),
    "closed set added": (
        (
            (
                "              description: The preference branch the recipe named.\n",
                "              description: The preference branch the recipe named.\n"
                "              allowed: {user: The user branch., default: The default branch.}\n",
            ),
        ),
        {
            (
                BREAKING,
                f"{EVENTS}.enrollFailed.extra.prefBranch.allowed",
                "closed set of values added where any value was allowed",
            )
        },
    ),
    "value may be absent": (
        (
            (
                "          title: Enrollment Failed\n",
                "          title: Enrollment Failed\n          value_optional: true\n"
                "          correction: Firefox sends it without a value.\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                f"{EVENTS}.enrollFailed.value_optional",
                "value may be absent",
            ),
            (DOCS, f"{EVENTS}.enrollFailed.correction", "correction changed"),
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
    "suppressions change no output": (
        (
            (
                "          lint_ignore: [MISSING_ENROLLMENT_ID]  # nothing was enrolled, so there is no ID\n",
                "",
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


# Cases that need a reason besides invalid-branch, in both specs, to show their point.
TWO_REASONS = {"conditional key made required", "renamed key with a presence change"}


def edited(edits: tuple[tuple[str, str], ...], base: str | None = None) -> str:
    text = BASE.read_text("utf-8") if base is None else base
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("name", sorted(CASES))
def test_change_is_found_and_classified(name: str) -> None:
    edits, expected = CASES[name]
    base = edited(((REASON_ALLOWED, SECOND_REASON),) if name in TWO_REASONS else ())
    old = load_spec_bytes(base.encode(), "old")
    new = load_spec_bytes(edited(edits, base).encode(), "new")
    changes = diff_specs(old, new)
    assert {(c.kind, c.path, c.what) for c in changes} == expected
    assert len(changes) == len(expected), "a change reported twice"
    for change in changes:
        # A breaking change says why; nothing else claims to.
        assert (change.example is not None) == (change.kind == BREAKING), change


def test_identical_specs_have_no_changes() -> None:
    spec = load_spec_bytes(BASE.read_bytes(), "x")
    assert diff_specs(spec, spec) == []
    assert change_class(spec, spec) is None


def test_examples_show_what_the_new_spec_refuses() -> None:
    old = load_spec_bytes(BASE.read_bytes(), "old")
    new = load_spec_bytes(
        edited(CASES["placeholder pattern narrowed"][0]).encode(), "new"
    )
    (change,) = diff_specs(old, new)
    assert change.example is not None
    assert change.example.kind == "uptake"
    key, status = change.example.record
    assert key == "normandy/recipe/" + "0" * 40 and status == "success"
    base = edited(((REASON_ALLOWED, SECOND_REASON),))
    old = load_spec_bytes(base.encode(), "old")
    edits = CASES["conditional key made required"][0]
    new = load_spec_bytes(edited(edits, base).encode(), "new")
    (example,) = [c.example for c in diff_specs(old, new) if c.example]
    assert example.record["extra"] == {"reason": "name-conflict"}
    assert example.reason == "extra.prefBranch: missing; it is always sent"


def test_change_class_is_the_worst_change() -> None:
    old = load_spec_bytes(BASE.read_bytes(), "old")

    def of(name: str) -> str | None:
        return change_class(
            old, load_spec_bytes(edited(CASES[name][0]).encode(), "new")
        )

    assert of("status removed") == BREAKING
    assert of("method changed") == BREAKING  # an addition beside it does not hide it
    assert of("limit widened") == COMPATIBLE
    assert of("firefox value added") == COMPATIBLE  # with a docs change beside it
    assert of("documentation only") == DOCS
    assert of("suppressions change no output") is None


# -- issue 13, on the shipped spec --------------------------------------------------

SHIPPED = SPEC.read_text("utf-8")
UNENROLL_FAILED = "events.objects.preference_study.events.unenrollFailed"
ORIGINAL_REASON_DESCRIPTION = "                The code that would had been used for the unenrollment, had it not failed.\n"
ALREADY_UNENROLLED = (
    "                  The system attempted to unenroll a study that has already been unenrolled.\n"
    "                  This is likely a bug.\n"
)
RUNNER_SERVER_ERROR = "        RUNNER_SERVER_ERROR:\n          value: server_error\n"
GLEAN_BLOCK_START = "  glean:\n    event: uptake.remotecontent.result.uptake_normandy\n"

SHIPPED_CASES: dict[str, tuple[tuple[Patch, ...], Expected]] = {
    # Both were called compatible, yet old events are refused afterwards.
    "a condition on a key that was always sent": (
        (
            Patch(
                ORIGINAL_REASON_DESCRIPTION,
                ORIGINAL_REASON_DESCRIPTION
                + "              when: {reason: [does-not-exist]}\n",
            ),
        ),
        {
            (
                BREAKING,
                f"{UNENROLL_FAILED}.extra.originalReason.when",
                "presence changed",
            )
        },
    ),
    "a new key with a condition": (
        (
            Patch(
                ALREADY_UNENROLLED,
                ALREADY_UNENROLLED
                + "            detail:\n              description: More.\n"
                "              when: {reason: [does-not-exist]}\n",
            ),
        ),
        {
            (
                BREAKING,
                f"{UNENROLL_FAILED}.extra.detail",
                "extra key added (Sent only when `reason` is `does-not-exist`; absent otherwise.)",
            )
        },
    ),
    # All of these were called breaking.
    "a description of the Glean uptake event": (
        (
            Patch(
                "        How long the synchronization took, in milliseconds.",
                "        How long the synchronization took, in ms.",
            ),
        ),
        {(DOCS, "uptake.glean.extra.duration.description", "description changed")},
    ),
    "Firefox's value added": (
        (
            Patch(
                RUNNER_SERVER_ERROR,
                RUNNER_SERVER_ERROR + "          firefox_value: timeout_error\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR.firefox_value",
                "Firefox's value changed",
            )
        },
    ),
    "a wider placeholder pattern": (
        (
            Patch(
                "        pattern: '^[0-9]+$'\n      description: >-\n        For each recipe",
                "        pattern: '^[0-9a-f]+$'\n      description: >-\n        For each recipe",
            ),
        ),
        {(COMPATIBLE, "uptake.sources.recipe.placeholder.pattern", "pattern changed")},
    ),
    "a process added": (
        (
            Patch(
                "    record_in_processes: [main]\n",
                "    record_in_processes: [main, content]\n",
            ),
        ),
        {
            (
                COMPATIBLE,
                "metadata.legacy.record_in_processes.content",
                "process added",
            )
        },
    ),
    # Reported once each, where they are written, not once per heir.
    "a wider extra limit": (
        (Patch("  extra_max_length: 80\n", "  extra_max_length: 100\n"),),
        {(COMPATIBLE, "events.extra_max_length", "limit widened")},
    ),
    "a new category": (
        (Patch("  category: normandy\n", "  category: normandy_events\n"),),
        {(BREAKING, "events.category", "category changed")},
    ),
    "an earlier expiry": (
        (Patch("  expires: never\n", "  expires: '2099-01-01'\n"),),
        {(BREAKING, "metadata.expires", "expiry brought forward")},
    ),
    "a suppression": (
        (
            Patch(
                "              # Glean keeps 500 bytes of it; only the legacy mirror cuts it to 80.\n"
                "              lint_ignore: [LIMIT_ABOVE_TARGET]\n"
                "              description: >-\n"
                "                The IDs of the missing",
                "              # Glean keeps 500 bytes of it; only the legacy mirror cuts it to 80.\n"
                "              lint_ignore: [LIMIT_ABOVE_TARGET, NEAR_TARGET_LIMIT]\n"
                "              description: >-\n"
                "                The IDs of the missing",
            ),
        ),
        set(),
    ),
}


def shipped(*patches: Patch) -> str:
    return patched(SHIPPED, *patches)


@pytest.fixture(scope="module")
def shipped_model() -> object:
    return load_spec_bytes(SHIPPED.encode(), "old")


@pytest.mark.parametrize("name", sorted(SHIPPED_CASES))
def test_issue_cases_on_the_shipped_spec(name: str, shipped_model: object) -> None:
    patches, expected = SHIPPED_CASES[name]
    new = load_spec_bytes(shipped(*patches).encode(), "new")
    changes = diff_specs(shipped_model, new)  # type: ignore[arg-type]
    assert {(c.kind, c.path, c.what) for c in changes} == expected
    assert len(changes) == len(expected)
    for change in changes:
        assert (change.example is not None) == (change.kind == BREAKING), change


def test_the_conditions_that_broke_old_events_show_them(shipped_model: object) -> None:
    for name, refusal in (
        ("a condition on a key that was always sent", "must be absent unless"),
        ("a new key with a condition", "extra.detail: missing"),
    ):
        new = load_spec_bytes(shipped(*SHIPPED_CASES[name][0]).encode(), "new")
        (change,) = diff_specs(shipped_model, new)  # type: ignore[arg-type]
        assert change.example is not None and refusal in change.example.reason
        assert change.example.record["method"] == "unenrollFailed"


def test_adding_the_glean_uptake_event_is_compatible(shipped_model: object) -> None:
    start = SHIPPED.index(GLEAN_BLOCK_START)
    end = SHIPPED.index("  sources:\n", start)
    without = load_spec_bytes((SHIPPED[:start] + SHIPPED[end:]).encode(), "old")
    assert {(c.kind, c.path) for c in diff_specs(without, shipped_model)} == {  # type: ignore[arg-type]
        (COMPATIBLE, "uptake.glean")
    }
    (removed,) = diff_specs(shipped_model, without)  # type: ignore[arg-type]
    assert removed.kind == BREAKING and removed.example is not None
    assert removed.example.record.startswith(
        "Glean metric uptake.remotecontent.result.uptake_normandy"
    )


def test_firefox_definitions_that_disappear_are_breaking(shipped_model: object) -> None:
    glean_only = Patch(
        "          metadata:\n            bugs: [1675104]\n",
        "          recorded_in: [glean]\n          metadata:\n            bugs: [1675104]\n",
    )
    new = load_spec_bytes(shipped(glean_only).encode(), "new")
    (change,) = diff_specs(shipped_model, new)  # type: ignore[arg-type]
    assert change.kind == BREAKING and change.path.endswith(
        ".expose.recorded_in.legacy"
    )
    assert change.example is not None
    assert (
        change.example.record == "Events.yaml event normandy.expose#nimbus_experiment"
    )


# -- renamed_from is checked ----------------------------------------------------------


def test_renamed_from_naming_nothing_is_an_error_with_a_suggestion() -> None:
    """Reported at the renamed_from's value, the text to fix (line 18), not
    at the status that carries it (line 17)."""
    old = load_spec_bytes(BASE.read_bytes(), "old")
    typo = (
        (
            "RUNNER_SERVER_ERROR:\n",
            "RUNNER_BAD_DATA:\n          renamed_from: RUNER_SERVER_ERROR\n",
        ),
    )
    new = load_spec_bytes(edited(typo).encode(), "new")
    with pytest.raises(SpecError) as raised:
        diff_specs(old, new)
    assert raised.value.report().splitlines() == [
        "new:18:25: status 'RUNNER_BAD_DATA' records renamed_from: 'RUNER_SERVER_ERROR', but old has "
        "no status 'RUNER_SERVER_ERROR' here; did you mean 'RUNNER_SERVER_ERROR'?",
        "1 problem in new",
    ]


def test_renamed_from_older_than_the_old_spec_is_no_error() -> None:
    """The new item was added since OLD, and renamed since too: nothing of OLD was
    removed, so its renamed_from speaks of history OLD does not have."""
    old = load_spec_bytes(BASE.read_bytes(), "old")
    added = (
        (
            "          description: The recipe ran.\n",
            "          description: The recipe ran.\n        RECIPE_BACKOFF:\n"
            "          renamed_from: RECIPE_SKIPPED\n          value: backoff\n"
            "          description: Skipped.\n",
        ),
    )
    new = load_spec_bytes(edited(added).encode(), "new")
    assert [c.what for c in diff_specs(old, new)] == ["status added"]


# -- the command line ---------------------------------------------------------------


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
    assert (
        '    e.g. uptake ["normandy/runner", "server_error"] is refused (status: '
        "'server_error' is not a status of normandy/runner)" in result.stdout
    )
    assert cli("diff", str(BASE), str(new), "--allow-breaking").returncode == 0
    compatible = write(tmp_path, "compatible", edited(CASES["limit widened"][0]))
    assert cli("diff", str(BASE), str(compatible)).returncode == 0
    docs = write(tmp_path, "docs", edited(CASES["documentation only"][0]))
    assert cli("diff", str(BASE), str(docs)).returncode == 0


def test_cli_cannot_tell_exits_2(tmp_path: Path) -> None:
    """A bad revision, an invalid spec on either side, a wrong renamed_from and a
    wrong command line all exit 2, never 1: CI can tell them from a breaking change."""
    broken = write(
        tmp_path,
        "broken",
        BASE.read_text("utf-8").replace("value: server_error", "value: sever_error"),
    )
    typo = write(
        tmp_path,
        "typo",
        edited(
            (
                (
                    "RUNNER_SERVER_ERROR:\n",
                    "RUNNER_X:\n          renamed_from: RUNNER_SERVER_EROR\n",
                ),
            )
        ),
    )
    for args, says in (
        (
            ("--against", "no-such-branch"),
            "'no-such-branch' is not a commit in this git repository",
        ),
        (
            ("--against=--output=/tmp/pwned",),  # a revision is never a git option
            "'--output=/tmp/pwned' is not a git revision",
        ),
        ((str(broken), str(BASE)), "did you mean 'server_error'"),
        ((str(BASE), str(broken)), "did you mean 'server_error'"),
        ((str(BASE), str(typo)), "did you mean 'RUNNER_SERVER_ERROR'?"),
        ((), "give OLD [NEW], or --against REV"),
        (("--against", "main", str(BASE)), "not both"),
        (("main...HEAD",), "three-dot range"),
    ):
        result = cli("diff", *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert says in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""


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
    assert payload["breaking"] is False and payload["class"] == DOCS
    assert payload["counts"] == {"breaking": 0, "compatible": 0, "docs": 2}
    assert {c["path"] for c in payload["changes"]} == {
        p for _, p, _ in CASES["documentation only"][1]
    }
    removed = write(tmp_path, "removed", edited(CASES["status removed"][0]))
    payload = json.loads(
        cli("diff", str(BASE), str(removed), "--format", "json").stdout
    )
    (change,) = payload["changes"]
    assert change["example"] == {
        "kind": "uptake",
        "record": ["normandy/runner", "server_error"],
        "reason": "status: 'server_error' is not a status of normandy/runner",
    }


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose main has two commits: the base spec, then a breaking edit."""
    repo = tmp_path / "repo"
    spec = write(repo, "spec", BASE.read_text("utf-8"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "spec")
    spec.write_text(edited(CASES["telemetry value changed"][0]), "utf-8")
    git(repo, "commit", "-qam", "change")
    return repo


def test_against_a_git_revision(repo: Path) -> None:
    (repo / "spec" / "normandy.yaml").write_text(BASE.read_text("utf-8"), "utf-8")
    result = cli(
        "diff", "--against", "main~1", "--spec", "spec/normandy.yaml", cwd=repo
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("no changes between main~1:spec/normandy.yaml")
    result = cli("diff", "--against", "main", "--spec", "spec/normandy.yaml", cwd=repo)
    assert result.returncode == 1
    assert (
        "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR.value: value changed: backoff -> server_error"
        in result.stdout
    )


def test_revisions_and_ranges(repo: Path) -> None:
    """``OLD NEW`` as revisions, and ``A..B`` (which read as one revision, an empty spec)."""
    expected = "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR.value: value changed: server_error -> backoff"
    for args in (
        ("main~1", "main"),
        ("main~1..main",),
        ("HEAD~1..HEAD",),
        ("HEAD~1..",),
    ):
        result = cli("diff", *args, "--spec", "spec/normandy.yaml", cwd=repo)
        assert result.returncode == 1, (args, result.stderr)
        assert expected in result.stdout
    backwards = cli("diff", "main..main~1", "--spec", "spec/normandy.yaml", cwd=repo)
    assert backwards.stdout.startswith("1 change(s) between main and main~1")
    assert "value changed: backoff -> server_error" in backwards.stdout
    usage = cli(
        "diff", "main~1..main", "main", "--spec", "spec/normandy.yaml", cwd=repo
    )
    assert usage.returncode == 2 and "alone" in usage.stderr


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
    # Four cells (a compatible change has no example): no pipe in the value splits the row.
    assert row.count(" | ") == 3, row
    assert "``x\\|y`z``" in row


# -- spec text reaches the terminal escaped, in every format ------------------------

# What the spec's format lets through: line breaks, a C1 control (CSI on some
# terminals), bidirectional overrides, separators and invisible characters. (C0
# controls such as ESC are refused in a spec; a path or revision may hold them.)
HOSTILE = "Why.\nbreaking (0):\n\x9b2J \u202egnp.exe\u2028end\u200b"
BAD_LABEL = "new\x1b[31m"


def test_no_format_lets_spec_text_forge_a_line() -> None:
    old = load_spec_bytes(BASE.read_bytes(), "old")
    text = edited(
        (
            (
                "description: Why the enrollment failed.",
                "description: " + json.dumps(HOSTILE),
            ),
        )
    )
    new = load_spec_bytes(text.encode(), BAD_LABEL)
    changes = diff_specs(old, new)
    assert [c.new for c in changes] == [HOSTILE]
    for render in (render_text, render_markdown, render_json):
        out = render(changes, "old", BAD_LABEL)
        assert not any(c in out for c in "\x1b\x9b\u202e\u2028\u200b"), render
        assert not any(line.startswith("breaking") for line in out.splitlines())
    text_out = render_text(changes, "old", BAD_LABEL)
    assert "Why.\\nbreaking (0):\\n\\x9b2J \\u202egnp.exe\\u2028end\\u200b" in text_out
    assert "between old and new\\x1b[31m" in text_out
    payload = json.loads(render_json(changes, "old", BAD_LABEL))
    assert (
        payload["changes"][0]["new"] == HOSTILE
    )  # escaped on screen, exact in the data
    assert payload["new"] == BAD_LABEL
    markdown = render_markdown(changes, "old", "new")
    row = next(line for line in markdown.splitlines() if "description changed" in line)
    assert "\\nbreaking (0):\\n" in row


# -- a maintainer's trial: revisions that are not what they seem ---------------------


def test_a_spec_committed_as_a_link_is_named_as_one(repo: Path) -> None:
    spec = repo / "spec" / "normandy.yaml"
    (repo / "spec" / "real.yaml").write_text(spec.read_text("utf-8"), "utf-8")
    spec.unlink()
    spec.symlink_to("real.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "link")
    result = cli("diff", "main~1", "main", cwd=repo)
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "spec/normandy.yaml is a symbolic link in main; a spec is read from a"
        " regular file only"
    )


def test_a_file_named_like_a_revision_is_ambiguous(repo: Path) -> None:
    (repo / "main").write_text(BASE.read_text("utf-8"), "utf-8")
    result = cli("diff", "main", "HEAD", cwd=repo)
    assert result.returncode == 2
    assert "'main' is both a file here and a git revision" in result.stderr
    as_file = cli("diff", "./main", "HEAD", cwd=repo)
    assert as_file.returncode == 1, as_file.stderr  # the base spec vs the edit
    as_revision = cli("diff", "main^{commit}", "HEAD", cwd=repo)
    assert as_revision.returncode == 0, as_revision.stderr
    assert as_revision.stdout.startswith("no changes")


def test_diff_from_a_subfolder_says_where_the_spec_is_not(repo: Path) -> None:
    result = cli("diff", "HEAD~1..HEAD", cwd=repo / "spec")
    assert result.returncode == 2
    assert "spec/normandy.yaml is not here" in result.stderr
    assert "pass --spec" in result.stderr
    ok = cli("diff", "HEAD~1..HEAD", "--spec", "normandy.yaml", cwd=repo / "spec")
    assert ok.returncode == 1, ok.stderr


def test_a_missing_file_or_a_folder_is_not_called_a_commit(repo: Path) -> None:
    """A maintainer's trial: 'diff HEAD nosuch.yaml' said "'nosuch.yaml' is
    not a commit", and 'diff HEAD spec' "spec:1:1: is not a file"."""
    missing = cli("diff", "HEAD", "nosuch.yaml", cwd=repo)
    assert missing.returncode == 2
    assert missing.stderr.startswith(
        "error: 'nosuch.yaml' is neither a file here nor a git revision"
    )
    folder = cli("diff", "HEAD", "spec", cwd=repo)
    assert folder.returncode == 2
    assert folder.stderr == (
        "error: 'spec' is a directory, not a spec file or a git revision; give the"
        " spec file (spec/normandy.yaml) or a revision (main, HEAD~1)\n"
    )
    revision = cli("diff", "HEAD", "no-such-branch", cwd=repo)
    assert revision.stderr == (
        "error: 'no-such-branch' is not a commit in this git repository\n"
    )
