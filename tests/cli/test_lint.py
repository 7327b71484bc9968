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
CASES = [
    Case(
        "PLACEHOLDER_TEXT",
        (("description: The run finished.", "description: TODO"),),
        "14:9: PLACEHOLDER_TEXT: description 'TODO' is a placeholder",
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
    result = cli("lint", "--spec", str(spec), *flags)
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
    edits = CASES[4].edits + CASES[0].edits + CASES[6].edits
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
    broken = edited(tmp_path, CASES[0].edits, "broken.yaml")
    result = cli("generate", "--spec", str(broken), "--out", str(out))
    assert result.returncode == 1
    assert (
        "lint/broken.yaml:14:9: PLACEHOLDER_TEXT: description 'TODO' is a placeholder"
        in result.stderr
    )
    assert "nothing was written" in result.stderr
    assert snapshot(out) == before


def test_warnings_do_not_stop_generation(tmp_path: Path) -> None:
    spec = edited(tmp_path, CASES[6].edits)
    assert (
        cli("generate", "--spec", str(spec), "--out", str(tmp_path / "out")).returncode
        == 0
    )


def test_lint_help_lists_every_rule() -> None:
    result = cli("lint", "--help")
    named = {
        "PLACEHOLDER_TEXT",
        "DUPLICATE_STATUS_VALUE",
        "UNDESCRIBED_ALLOWED_VALUE",
        "CONFUSABLE_EXTRA_KEYS",
        "NAMING_CONVENTION",
        "NEAR_TARGET_LIMIT",
        "MISSING_ENROLLMENT_ID",
        "UNUSED_SUPPRESSION",
    }
    for rule_id in named:
        assert rule_id in result.stdout
