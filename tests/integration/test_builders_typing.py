"""mypy holds callers of the typed builders to the spec, and the builder modules,
which black never sees, are black-clean and pass mypy --strict whatever the spec
(here the stress spec, which reaches more cases than the real one).

The builders themselves are tested in ``tests/package/test_builders.py``; these
need the real mypy and black, in subprocesses, and take seconds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from strategies import generate_package, stress_spec_text
from support import GENERATED

BIN = Path(sys.executable).parent


HEADER = """\
from normandy_telemetry import Event, events
from normandy_telemetry.events.preference_study import EnrollFailedReason

"""

# Client code mypy must accept: every call here is one the validator accepts.
MUST_PASS = {
    "enroll": """\
event: Event = events.preference_study.enroll(
    value="pref-study",
    branch="control",
    experiment_type="exp-highpop",
    enrollment_id="5912ade2-8201-4774-a09d-807731afb9a8",
)
""",
    "conditional_key_with_its_reason": """\
events.preference_study.enroll_failed(
    value="s", reason="invalid-branch", preference_branch="user"
)
""",
    "other_reason_without_the_key": """\
events.preference_study.enroll_failed(value="s", reason="name-conflict")
""",
    "two_keys_of_one_reason": """\
events.nimbus_experiment.unenroll(
    value="x", branch="control", reason="prefFlips-failed", pref_name="p", pref_type="bool"
)
events.nimbus_experiment.unenroll(value="x", branch="control", reason="unknown")
""",
    "a_reason_narrowed_first": """\
def failed(reason: EnrollFailedReason, branch: str) -> Event:
    if reason == "invalid-branch":
        return events.preference_study.enroll_failed(
            value="s", reason=reason, preference_branch=branch
        )
    return events.preference_study.enroll_failed(value="s", reason=reason)
""",
}

# Client code mypy must refuse, each with what mypy says: every one of these
# calls would raise ValidationError at run time, or is not a call of the API.
MUST_FAIL = {
    "value_not_allowed": (
        """\
events.preference_study.enroll(
    value="pref-study", branch="control", experiment_type="exp-lowpop"
)
""",
        'Argument "experiment_type" to "enroll" has incompatible type "Literal[\'exp-lowpop\']"',
    ),
    "required_key_missing": (
        'events.preference_study.enroll_failed(value="s")\n',
        'No overload variant of "enroll_failed" matches argument type "str"',
    ),
    "conditional_key_missing_for_its_reason": (
        'events.preference_study.enroll_failed(value="s", reason="invalid-branch")\n',
        'No overload variant of "enroll_failed" matches argument types "str", "str"',
    ),
    "conditional_key_sent_for_another_reason": (
        """\
events.preference_study.enroll_failed(
    value="s", reason="name-conflict", preference_branch="user"
)
""",
        'No overload variant of "enroll_failed" matches argument types "str", "str", "str"',
    ),
    "one_of_two_keys_missing": (
        """\
events.nimbus_experiment.unenroll(
    value="x", branch="control", reason="prefFlips-failed", pref_name="p"
)
""",
        'No overload variant of "unenroll" matches',
    ),
    "a_reason_not_narrowed": (
        """\
def failed(reason: EnrollFailedReason) -> Event:
    return events.preference_study.enroll_failed(value="s", reason=reason)
""",
        'Argument "reason" to "enroll_failed" has incompatible type',
    ),
    "positional": (
        'events.addon_study.update("positional")\n',
        "Too many positional arguments",
    ),
}


def test_mypy_holds_callers_to_the_spec(tmp_path: Path) -> None:
    names = []
    for name, code in MUST_PASS.items():
        (tmp_path / f"ok_{name}.py").write_text(HEADER + code)
        names.append(f"ok_{name}.py")
    for name, (code, _) in MUST_FAIL.items():
        (tmp_path / f"bad_{name}.py").write_text(HEADER + code)
        names.append(f"bad_{name}.py")
    command = [
        str(BIN / "mypy"),
        "--strict",
        "--no-incremental",
        "--cache-dir",
        str(tmp_path / "cache"),
        *names,
    ]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={"MYPYPATH": str(GENERATED), "PATH": ""},
    )
    errors: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        if ": error:" in line:
            errors.setdefault(line.split(":", 1)[0], []).append(line)
    passed = [f"ok_{name}.py" for name in MUST_PASS]
    assert not [e for name in passed for e in errors.get(name, [])], result.stdout
    for name, (_, expected) in MUST_FAIL.items():
        found = errors.get(f"bad_{name}.py", [])
        assert found, f"mypy accepted bad_{name}.py:\n{MUST_FAIL[name][0]}"
        assert any(expected in line for line in found), "\n".join(found)


# -- the modules' shape, on a spec that reaches more cases ----------------------------------


@pytest.fixture(scope="module")
def stress_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("builders")
    spec = root / "normandy.yaml"
    spec.write_text(stress_spec_text(), "utf-8")
    generate_package(spec, root / "out")
    return root / "out"


def test_builder_modules_are_black_clean_and_typed_for_any_spec(
    stress_package: Path,
) -> None:
    package = stress_package / "normandy_telemetry"
    text = (package / "events" / "stress_object.py").read_text("utf-8")
    assert "def str_(" in text  # a builtin's name gets a trailing underscore
    assert (
        "StrManyValues = Literal[\n" in text
    )  # too long for its line: an alias, exploded
    assert (
        'OneLongValueOnly = Literal[\n    "a-single' in text
    )  # one value: no trailing comma
    assert "'say \"hi\" \\\\ now'" in text  # quoted as black quotes it
    # A key decided by a key that is itself conditional: one overload per case,
    # cases that send the same keys merged (mode a or b with level low).
    assert text.count("@overload\ndef chained(") == 4
    assert (
        '    mode: Literal["a", "b"],\n    level: Literal["low"],\n    detail: None = None,'
        in text
    )
    assert "    mode: Literal['say \"hi\" \\\\ now'],\n    level: None = None," in text
    black = subprocess.run(
        [
            str(BIN / "black"),
            "--check",
            "--diff",
            "--target-version",
            "py311",
            str(stress_package),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert black.returncode == 0, black.stdout + black.stderr
    mypy = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(stress_package.parent / "cache"),
            str(package),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
