"""Every lint rule: it fires where it should, with its exact message and place,
and a ``lint_ignore`` on the item silences it.

Each case edits ``tests/fixtures/lint/base.yaml`` (which passes every rule) in
one place; the suppression edit adds ``lint_ignore`` to the item the finding
points at.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from support import ROOT, cli, snapshot

from codegen.lint import RULES, RULES_BY_ID

BASE = ROOT / "tests" / "fixtures" / "lint" / "base.yaml"


@dataclass(frozen=True)
class Case:
    rule: str
    edits: tuple[tuple[str, str], ...]
    expected: str  # LINE:COL: ID: message
    suppress: tuple[str, str]  # an edit adding lint_ignore to the reported item


RUNNER_SUCCESS = "        RUNNER_SUCCESS:\n"
RECIPE_STATUSES = "        RECIPE_SUCCESS:\n          value: success\n          description: The recipe ran.\n"
PINNED_SOURCE = (
    "    pinned:\n"
    "      title: Pinned Recipe Status\n"
    "      key: normandy/recipe/7\n"
    "      description: Reported for recipe 7, which is special.\n"
    "      statuses:\n"
    "        PINNED_SUCCESS:\n"
    "          value: success\n"
    "          description: The recipe ran.\n"
)
WHEN = "              when: {reason: [invalid-branch]}\n"
REASON = "              description: Why the enrollment failed.\n"
ENROLL_VALUE = "          description: Sent when the client enrolls.\n          value: The slug of the study.\n"
PREF_BRANCH_IGNORE = "            prefBranch:\n              lint_ignore: [{}]\n"
METADATA = """metadata:
  bugs: [1443560]
  data_reviews: ['https://bugzil.la/1443560']
  notification_emails: [normandy-notifications@mozilla.com]
  expires: never
  legacy:
    record_in_processes: [main]
    products: [firefox]
    expiry_version: never
    release_channel_collection: opt-out
"""
CASES = [
    Case(
        "PLACEHOLDER_TEXT",
        (("description: The run finished.", "description: TODO"),),
        "16:11: PLACEHOLDER_TEXT: uptake.sources.runner.statuses.RUNNER_SUCCESS.description is a "
        "placeholder: 'TODO'",
        (
            RUNNER_SUCCESS,
            RUNNER_SUCCESS + "          lint_ignore: [PLACEHOLDER_TEXT]\n",
        ),
    ),
    Case(
        "DUPLICATE_STATUS_VALUE",
        (("value: server_error", "value: success"),),
        "17:9: DUPLICATE_STATUS_VALUE: RUNNER_SERVER_ERROR and RUNNER_SUCCESS both report 'success' under "
        "normandy/runner; the data cannot tell them apart",
        (
            "        RUNNER_SERVER_ERROR:\n",
            "        RUNNER_SERVER_ERROR:\n          lint_ignore: [DUPLICATE_STATUS_VALUE]\n",
        ),
    ),
    Case(
        "OVERLAPPING_SOURCE_KEYS",
        ((RECIPE_STATUSES, RECIPE_STATUSES + PINNED_SOURCE),),
        "32:5: OVERLAPPING_SOURCE_KEYS: the keys of uptake sources 'recipe' (normandy/recipe/<recipe id>) "
        "and 'pinned' (normandy/recipe/7) overlap: 'normandy/recipe/7' is both; the validators read it "
        "as the first, the JSON Schema as either",
        (
            "    pinned:\n",
            "    pinned:\n      lint_ignore: [OVERLAPPING_SOURCE_KEYS]\n",
        ),
    ),
    Case(
        "INVALID_EXAMPLE",
        ((WHEN, WHEN + "              examples: [main, " + "x" * 81 + "]\n"),),
        "83:32: INVALID_EXAMPLE: example '"
        + "x" * 81
        + "' of extra key 'prefBranch' of preference_study.enrollFailed has 81 bytes in"
        " UTF-8; the key allows 80",
        ("            prefBranch:\n", PREF_BRANCH_IGNORE.format("INVALID_EXAMPLE")),
    ),
    Case(  # Firefox counts bytes: 41 characters of two bytes each are 82
        "INVALID_EXAMPLE",
        ((WHEN, WHEN + "              examples: [main, " + "é" * 41 + "]\n"),),
        "83:32: INVALID_EXAMPLE: example '"
        + "é" * 41
        + "' of extra key 'prefBranch' of preference_study.enrollFailed has 82 bytes in"
        " UTF-8; the key allows 80",
        ("            prefBranch:\n", PREF_BRANCH_IGNORE.format("INVALID_EXAMPLE")),
    ),
    Case(
        "LIMIT_ABOVE_TARGET",
        ((WHEN, WHEN + "              max_length: 200\n"),),
        "83:15: LIMIT_ABOVE_TARGET: extra key 'prefBranch' of preference_study.enrollFailed allows 200 "
        "bytes, but Firefox's legacy Events.yaml cuts values to 80 bytes",
        ("            prefBranch:\n", PREF_BRANCH_IGNORE.format("LIMIT_ABOVE_TARGET")),
    ),
    Case(
        "EXPIRED",
        (
            ("title: Lint base\n", "title: Lint base\n" + METADATA),
            (
                ENROLL_VALUE,
                ENROLL_VALUE + "          metadata: {expires: '2020-01-01'}\n",
            ),
        ),
        "76:22: EXPIRED: events.objects.preference_study.events.enroll.metadata.expires is 2020-01-01, "
        "which has passed: Firefox records nothing for an expired metric",
        ("        enroll:\n", "        enroll:\n          lint_ignore: [EXPIRED]\n"),
    ),
    Case(
        "OVERRIDE_WITHOUT_EFFECT",
        ((REASON, REASON + "              truncate: 20\n"),),
        "78:15: OVERRIDE_WITHOUT_EFFECT: "
        "events.objects.preference_study.events.enrollFailed.extra.reason.truncate has no effect: "
        "the key has allowed values, and only they are checked",
        (
            "            reason:\n",
            "            reason:\n              lint_ignore: [OVERRIDE_WITHOUT_EFFECT]\n",
        ),
    ),
    Case(
        "UNDESCRIBED_ALLOWED_VALUE",
        (
            (
                "invalid-branch: The recipe names an invalid preference branch.",
                "invalid-branch: invalid-branch",
            ),
        ),
        "79:17: UNDESCRIBED_ALLOWED_VALUE: allowed value 'invalid-branch' of preference_study.enrollFailed extra "
        "reason has no real description",
        (
            "invalid-branch: invalid-branch",
            "invalid-branch: {description: invalid-branch, lint_ignore: [UNDESCRIBED_ALLOWED_VALUE]}",
        ),
    ),
    Case(
        "VALUE_NAMED_LIKE_A_FIELD",
        (
            (
                "invalid-branch: The recipe names an invalid preference branch.\n",
                "invalid-branch:\n"
                "                  description: The recipe names an invalid preference branch.\n"
                "                correction: The document says otherwise.\n",
            ),
        ),
        "81:17: VALUE_NAMED_LIKE_A_FIELD: allowed value 'correction' of preference_study.enrollFailed "
        "extra reason is named like a field of an allowed value; if it belongs to the value above it, "
        "indent it under that value",
        (
            "                correction: The document says otherwise.\n",
            "                correction:\n"
            "                  description: The document says otherwise.\n"
            "                  lint_ignore: [VALUE_NAMED_LIKE_A_FIELD]\n",
        ),
    ),
    Case(
        "CONFUSABLE_EXTRA_KEYS",
        (
            (
                "              description: The enrollment ID.\n",
                "              description: The enrollment ID.\n            prefbranch:\n              description: A branch.\n",
            ),
        ),
        "82:13: CONFUSABLE_EXTRA_KEYS: extra key 'prefBranch' of preference_study.enrollFailed differs only in case "
        "or underscores from 'prefbranch' of preference_study.enroll",
        (
            "            prefBranch:\n",
            "            prefBranch:\n              lint_ignore: [CONFUSABLE_EXTRA_KEYS]\n",
        ),
    ),
    Case(
        "NAMING_CONVENTION",
        (("RECIPE_SUCCESS:", "SUCCESS_OF_RECIPE:"),),
        "29:9: NAMING_CONVENTION: constant SUCCESS_OF_RECIPE of source 'recipe' does not start with RECIPE_",
        (
            "        SUCCESS_OF_RECIPE:\n",
            "        SUCCESS_OF_RECIPE:\n          lint_ignore: [NAMING_CONVENTION]\n",
        ),
    ),
    Case(
        "NEAR_TARGET_LIMIT",
        (("prefBranch:", "preferenceBranc:"),),
        "80:13: NEAR_TARGET_LIMIT: extra key 'preferenceBranc' is 15 characters; legacy Events.yaml allows 15",
        (
            "            preferenceBranc:\n",
            "            preferenceBranc:\n              lint_ignore: [NEAR_TARGET_LIMIT]\n",
        ),
    ),
    Case(
        "MISSING_ENROLLMENT_ID",
        (
            (
                "          lint_ignore: [MISSING_ENROLLMENT_ID]  # nothing was enrolled, so there is no ID\n",
                "",
            ),
        ),
        "70:9: MISSING_ENROLLMENT_ID: preference_study.enrollFailed has no enrollment-ID extra key, but enroll of "
        "preference_study carries one",
        (
            "        enrollFailed:\n",
            "        enrollFailed:\n          lint_ignore: [MISSING_ENROLLMENT_ID]\n",
        ),
    ),
]
CASE = {case.rule: case for case in CASES}


def edited(
    tmp_path: Path, edits: tuple[tuple[str, str], ...], name: str = "normandy.yaml"
) -> Path:
    text = BASE.read_text("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "lint" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def lint(spec: Path, *flags: str) -> tuple[int, list[str]]:
    result = cli("lint", "--spec", f"lint/{spec.name}", *flags, cwd=spec.parent.parent)
    assert "Traceback" not in result.stderr
    findings = [
        line.split(" (fix: ")[0].removeprefix("lint/normandy.yaml:")
        for line in result.stdout.splitlines()
        if line.startswith("lint/")
    ]
    return result.returncode, findings


def test_every_rule_has_a_case() -> None:
    assert {case.rule for case in CASES} == set(RULES_BY_ID)
    for rule in RULES:
        assert (
            rule.summary.endswith(".")
            and rule.hint
            and rule.severity in ("error", "warning")
        )


def test_base_spec_passes_every_rule(tmp_path: Path) -> None:
    assert lint(edited(tmp_path, ()), "--strict") == (0, [])


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_rule_fires_with_exact_message_and_place(case: Case, tmp_path: Path) -> None:
    code, findings = lint(edited(tmp_path, case.edits))
    assert findings == [case.expected]
    severity = RULES_BY_ID[case.rule].severity
    assert code == (1 if severity == "error" else 0)
    if severity == "warning":
        assert lint(edited(tmp_path, case.edits), "--strict")[0] == 1


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_suppression_silences_the_rule(case: Case, tmp_path: Path) -> None:
    assert lint(edited(tmp_path, case.edits + (case.suppress,)), "--strict") == (0, [])


def test_suppression_that_silences_nothing_is_reported(tmp_path: Path) -> None:
    spec = edited(
        tmp_path,
        (
            (
                RUNNER_SUCCESS,
                RUNNER_SUCCESS + "          lint_ignore: [PLACEHOLDER_TEXT]\n",
            ),
        ),
    )
    code, findings = lint(spec)
    assert findings == [
        "14:9: UNUSED_SUPPRESSION: lint_ignore: PLACEHOLDER_TEXT silences nothing here"
    ]
    assert code == 0


def test_suppression_naming_an_unknown_rule_suggests_the_right_one(
    tmp_path: Path,
) -> None:
    spec = edited(
        tmp_path,
        (
            (
                RUNNER_SUCCESS,
                RUNNER_SUCCESS + "          lint_ignore: [PLACEHOLDR_TEXT]\n",
            ),
        ),
    )
    code, findings = lint(spec)
    assert findings == [
        "14:9: UNUSED_SUPPRESSION: lint_ignore names unknown rule 'PLACEHOLDR_TEXT'; did you mean 'PLACEHOLDER_TEXT'?"
    ]


def test_findings_are_collected_in_file_order(tmp_path: Path) -> None:
    edits = CASE["NAMING_CONVENTION"].edits + CASE["PLACEHOLDER_TEXT"].edits
    edits += CASE["MISSING_ENROLLMENT_ID"].edits
    _, findings = lint(edited(tmp_path, edits))
    assert [f.split(": ")[1] for f in findings] == [
        "PLACEHOLDER_TEXT",
        "NAMING_CONVENTION",
        "MISSING_ENROLLMENT_ID",
    ]


def test_generate_runs_error_rules_first_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        cli(
            "generate",
            "--spec",
            str(
                edited(tmp_path, ()),
            ),
            "--out",
            str(out),
        ).returncode
        == 0
    )
    before = snapshot(out)
    edited(tmp_path, CASE["PLACEHOLDER_TEXT"].edits, "broken.yaml")
    result = cli(
        "generate", "--spec", "lint/broken.yaml", "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 1
    assert (
        "lint/broken.yaml:16:11: PLACEHOLDER_TEXT: uptake.sources.runner.statuses.RUNNER_SUCCESS."
        "description is a placeholder: 'TODO'" in result.stderr
    )
    assert "nothing was written" in result.stderr
    assert snapshot(out) == before


def test_warnings_do_not_stop_generation(tmp_path: Path) -> None:
    spec = edited(tmp_path, CASE["MISSING_ENROLLMENT_ID"].edits)
    assert (
        cli("generate", "--spec", str(spec), "--out", str(tmp_path / "out")).returncode
        == 0
    )


def test_lint_help_lists_every_rule() -> None:
    result = cli("lint", "--help")
    for rule_id in (*RULES_BY_ID, "UNUSED_SUPPRESSION"):
        assert rule_id in result.stdout


# Issue 13: every text, every number, every override. Each edit of the base spec
# and every finding it must give (LINE:COL: ID: message), in file order.
MORE: dict[str, tuple[tuple[tuple[str, str], ...], list[str]]] = {
    "placeholder texts everywhere": (
        (
            (
                "description: A spec that every lint rule passes; each lint test breaks one rule.",
                "description: TBD",
            ),
            ("      title: Runner Status\n", "      title: TODO\n"),
            (
                "        description: The numeric ID of the recipe.\n        pattern: '^[0-9]+$'\n      description",
                "        description: ...\n        pattern: '^[0-9]+$'\n      description",
            ),
            ("    unit: second\n", "    unit: tbd\n"),
            (
                "  lifetime: Used for the lifetime of one change only.\n",
                "  lifetime: FIXME\n",
            ),
            (WHEN, WHEN + "              examples: [main, TODO]\n"),
            (
                "              format: enrollment_id\n",
                "              format: enrollment_id\n              correction: TBD.\n",
            ),
        ),
        [
            "3:1: PLACEHOLDER_TEXT: description is a placeholder: 'TBD'",
            "10:7: PLACEHOLDER_TEXT: uptake.sources.runner.title is a placeholder: 'TODO'",
            "25:9: PLACEHOLDER_TEXT: uptake.sources.recipe.placeholder.description is a placeholder: '...'",
            "43:5: PLACEHOLDER_TEXT: scalars.recipe_freshness.unit is a placeholder: 'tbd'",
            "47:3: PLACEHOLDER_TEXT: enrollment_id.lifetime is a placeholder: 'FIXME'",
            "69:15: PLACEHOLDER_TEXT: events.objects.preference_study.events.enroll.extra.enrollmentId."
            "correction is a placeholder: 'TBD.'",
            "84:32: PLACEHOLDER_TEXT: events.objects.preference_study.events.enrollFailed.extra.prefBranch."
            "examples[1] is a placeholder: 'TODO'",
        ],
    ),
    "examples outside the key's values": (
        (
            (
                "              description: Why the enrollment failed.\n",
                "              description: Why the enrollment failed.\n"
                "              examples: [invalid-brnch]\n",
            ),
            (
                "              description: The enrollment ID.\n",
                "              description: The enrollment ID.\n"
                "              examples: ['{5912ade2-8201-4774-a09d-807731afb9a8}']\n",
            ),
            (
                WHEN,
                WHEN + "              truncate: 5\n              examples: [release]\n",
            ),
        ),
        [
            "70:26: INVALID_EXAMPLE: example '{5912ade2-8201-4774-a09d-807731afb9a8}' of extra key "
            "'enrollmentId' of preference_study.enroll is neither a UUID without braces nor "
            "'__NO_ENROLLMENT_ID__'",
            "79:26: INVALID_EXAMPLE: example 'invalid-brnch' of extra key 'reason' of "
            "preference_study.enrollFailed is not one of its allowed values; did you mean 'invalid-branch'?",
            "86:26: INVALID_EXAMPLE: example 'release' of extra key 'prefBranch' of "
            "preference_study.enrollFailed has 7 bytes in UTF-8, but the sender cuts the key to 5",
        ],
    ),
    "limits above Firefox's": (
        (
            ("value_max_length: 80", "value_max_length: 200"),
            ("extra_max_length: 80", "extra_max_length: 81"),
        ),
        [
            "55:3: LIMIT_ABOVE_TARGET: events.value_max_length is 200, but Firefox's legacy Events.yaml "
            "cuts values to 80 bytes",
            "56:3: LIMIT_ABOVE_TARGET: events.extra_max_length is 81, but Firefox's legacy Events.yaml "
            "cuts values to 80 bytes",
        ],
    ),
    "a Glean-only event may carry more": (
        (
            (
                "          title: Enrollment Failed\n",
                "          title: Enrollment Failed\n          recorded_in: [glean]\n",
            ),
            (WHEN, WHEN + "              max_length: 500\n"),
            (
                "              description: Why the enrollment failed.\n",
                "              description: Why the enrollment failed.\n              max_length: 501\n",
            ),
        ),
        [],
    ),
    "expired at the top": (
        (
            (
                "title: Lint base\n",
                "title: Lint base\n"
                + METADATA.replace("never\n  legacy", "'2020-01-01'\n  legacy"),
            ),
        ),
        [
            "7:3: EXPIRED: metadata.expires is 2020-01-01, which has passed: Firefox records nothing for "
            "an expired metric",
        ],
    ),
    "overrides no output reads": (
        (
            ("title: Lint base\n", "title: Lint base\n" + METADATA),
            (
                ENROLL_VALUE,
                ENROLL_VALUE
                + "          recorded_in: [glean]\n"
                + "          metadata: {legacy: {products: [firefox]}}\n",
            ),
            (
                "          title: Enrollment Failed\n",
                "          title: Enrollment Failed\n          recorded_in: [legacy]\n"
                "          metadata: {expires: never, tags: ['Firefox :: Normandy Client']}\n",
            ),
            (
                "      description: Studies that change preferences.\n",
                "      description: Studies that change preferences.\n"
                "      metadata: {bugs: [1]}\n",
            ),
        ),
        [
            "78:31: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.events.enroll.metadata."
            "legacy.products has no effect: the event is recorded in glean only, which does not read it",
            "86:22: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.events.enrollFailed.metadata."
            "expires has no effect: the event is recorded in legacy only, which does not read it",
            "86:38: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.events.enrollFailed.metadata."
            "tags has no effect: the event is recorded in legacy only, which does not read it",
        ],
    ),
    "an object's override that no event inherits": (
        (
            ("title: Lint base\n", "title: Lint base\n" + METADATA),
            (
                "      description: Studies that change preferences.\n",
                "      description: Studies that change preferences.\n"
                "      metadata: {tags: [A], data_reviews: ['https://bugzil.la/1']}\n",
            ),
            (ENROLL_VALUE, ENROLL_VALUE + "          metadata: {tags: [B]}\n"),
            (
                "          title: Enrollment Failed\n",
                "          title: Enrollment Failed\n          recorded_in: [legacy]\n",
            ),
        ),
        [
            "71:18: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.metadata.tags has no "
            "effect: the events that inherit it (enrollFailed) are recorded in no output that reads it",
        ],
    ),
    "an object's override that every event replaces": (
        (
            ("title: Lint base\n", "title: Lint base\n" + METADATA),
            (
                "      description: Studies that change preferences.\n",
                "      description: Studies that change preferences.\n"
                "      metadata: {expires: '2031-01-01'}\n",
            ),
            (
                ENROLL_VALUE,
                ENROLL_VALUE + "          metadata: {expires: '2032-01-01'}\n",
            ),
            (
                "          title: Enrollment Failed\n",
                "          title: Enrollment Failed\n          metadata: {expires: '2033-01-01'}\n",
            ),
        ),
        [
            "71:18: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.metadata.expires has no "
            "effect: every event of the object overrides it",
        ],
    ),
    "a legacy_entry no Events.yaml reads": (
        (
            ("title: Lint base\n", "title: Lint base\n" + METADATA),
            (
                ENROLL_VALUE,
                ENROLL_VALUE
                + "          recorded_in: [glean]\n          legacy_entry: enrollment\n",
            ),
            (
                "          title: Enrollment Failed\n",
                "          title: Enrollment Failed\n          legacy_entry: enroll_failed\n",
            ),
        ),
        [
            "77:11: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.events.enroll.legacy_entry "
            "has no effect: no Events.yaml declares the event",
            "84:11: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.events.enrollFailed."
            "legacy_entry has no effect: it is the name the entry has without it",
        ],
    ),
    "a legacy_entry without metadata": (
        (
            (
                ENROLL_VALUE,
                ENROLL_VALUE + "          legacy_entry: enrollment\n",
            ),
        ),
        [
            "66:11: OVERRIDE_WITHOUT_EFFECT: events.objects.preference_study.events.enroll.legacy_entry "
            "has no effect: no Events.yaml declares the event",
        ],
    ),
    "the uptake event has no legacy entry": (
        (
            ("title: Lint base\n", "title: Lint base\n" + METADATA),
            (
                "  legal_values: [success, backoff, server_error]\n",
                "  legal_values: [success, backoff, server_error]\n"
                "  glean:\n"
                "    event: uptake.remotecontent.result.uptake_normandy\n"
                "    metadata: {legacy: {products: [thunderbird]}}\n",
            ),
        ),
        [
            "20:25: OVERRIDE_WITHOUT_EFFECT: uptake.glean.metadata.legacy.products has no effect: the "
            "uptake event is generated for Glean only, and Glean metrics.yaml has no legacy fields",
        ],
    ),
    "overlapping placeholder keys": (
        (
            (
                RECIPE_STATUSES,
                RECIPE_STATUSES
                + PINNED_SOURCE.replace(
                    "normandy/recipe/7", "normandy/recipe/<pin>"
                ).replace(
                    "      description: Reported",
                    "      placeholder: {name: pin, description: A pin., pattern: '^[0-9a-f]+$'}\n"
                    "      description: Reported",
                ),
            ),
        ),
        [
            "32:5: OVERLAPPING_SOURCE_KEYS: the keys of uptake sources 'recipe' (normandy/recipe/<recipe id>) "
            "and 'pinned' (normandy/recipe/<pin>) overlap: 'normandy/recipe/0' is both; the validators read "
            "it as the first, the JSON Schema as either",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(MORE))
def test_every_text_number_and_override_is_checked(name: str, tmp_path: Path) -> None:
    edits, expected = MORE[name]
    code, findings = lint(edited(tmp_path, edits))
    assert findings == expected
    assert code == (1 if expected else 0)


def test_a_placeholder_at_the_top_stops_generation(tmp_path: Path) -> None:
    spec = edited(tmp_path, MORE["placeholder texts everywhere"][0][:1])
    out = tmp_path / "out"
    result = cli(
        "generate", "--spec", f"lint/{spec.name}", "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 1 and not out.exists()
    assert (
        "lint/normandy.yaml:3:1: PLACEHOLDER_TEXT: description is a placeholder: 'TBD'"
        in result.stderr
    )


def test_findings_show_spec_text_escaped(tmp_path: Path) -> None:
    """An example is printed in its finding: line breaks and bidirectional
    overrides in it are shown as escapes, so it cannot forge a line."""
    example = '"' + "x" * 81 + "\\n1 error(s), 0 warning(s) \\u202e" + '"'
    spec = edited(tmp_path, ((WHEN, WHEN + f"              examples: [{example}]\n"),))
    result = cli("lint", "--spec", f"lint/{spec.name}", cwd=tmp_path)
    (finding,) = [
        line for line in result.stdout.splitlines() if "INVALID_EXAMPLE" in line
    ]
    assert "\\n1 error(s), 0 warning(s) \\u202e" in finding
    assert "\u202e" not in result.stdout
    assert (
        result.stdout.splitlines()[-1]
        == "1 error(s), 0 warning(s) in lint/normandy.yaml"
    )
