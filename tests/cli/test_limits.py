"""Target limits: a spec that breaks a Glean or legacy Events.yaml limit stops generation.

Each case is ``tests/fixtures/limits/valid.yaml`` with one change, written
here (:data:`CHANGES`) as a sentence saying what it breaks and a
:class:`~support.Patch` of ``valid.yaml``. The spec is written to a temporary
``limits/<kind>.yaml`` whose two comment lines, in place of ``valid.yaml``'s,
say the same. For every kind the CLI (in-process) must exit 1, print exactly
the pinned ``LINE:COL: message`` lines (each checked by eye against its case:
the position is the offending name, the message names the limit, the target
and the fix), print no traceback, and write nothing.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from support import ROOT, Patch, cli, patched, write_spec

from codegen.model import ExtraKey
from codegen.pipeline import load_spec
from codegen.targets.legacy import legacy_entries

LIMITS = ROOT / "tests" / "fixtures" / "limits"
VALID = LIMITS / "valid.yaml"

IDENTIFIER = (
    "the legacy Events.yaml identifier pattern ^[a-zA-Z][a-zA-Z0-9_.]*[a-zA-Z0-9]$ (at least 2 characters: "
    "letters, digits, '_' or '.', starting with a letter and ending with a letter or digit)"
)

EXPECTED: dict[str, tuple[tuple[int, int, str], ...]] = {
    # -- legacy Events.yaml (Firefox's parse_events.py) ---------------------------------
    "legacy_extra_key_name": (
        (
            72,
            13,
            "extra key 'preferenceBranch' of preference_study.enrollFailed has 16 characters, which exceeds the "
            "legacy Events.yaml limit of 15 characters for extra key names; add 'legacy_name:' with the name, at most "
            "15 characters, that Firefox records it under",
        ),
    ),
    "legacy_name_too_long": (
        (
            75,
            28,
            "legacy_name 'prefBranchSetting' of extra key 'preferenceBranch' of preference_study.enrollFailed has "
            "17 characters, which exceeds the legacy Events.yaml limit of 15 characters for extra key names; choose a "
            "shorter legacy_name",
        ),
    ),
    "legacy_extra_key_identifier": (
        (
            76,
            13,
            f"extra key 'x' of preference_study.enrollFailed does not match {IDENTIFIER}; rename it or add 'legacy_name:'",
        ),
    ),
    "legacy_extra_key_count": (
        (
            63,
            9,
            "event preference_study.enrollFailed has 11 extra keys, which exceeds the legacy Events.yaml limit of "
            "10 extra keys per event; split the event or drop keys",
        ),
    ),
    "legacy_key_collision": (
        (
            78,
            28,
            "extra key 'preferenceBranchName' of preference_study.enrollFailed is sent as 'prefBranch', as extra "
            "key 'preferenceBranch' (line 72) may be; Firefox and the validators would mix them up, rename one",
        ),
    ),
    "legacy_category_length": (
        (
            54,
            13,
            "event category 'normandy_category_name_too_long' has 31 characters, which exceeds the legacy "
            "Events.yaml limit of 30 characters for category names; choose a shorter category",
        ),
    ),
    "legacy_category_identifier": (
        (54, 13, f"event category 'normandy_' does not match {IDENTIFIER}; rename it"),
    ),
    "legacy_method_length": (
        (
            63,
            9,
            "method 'enrollFailedForSureNo' has 21 characters, which exceeds the legacy Events.yaml limit of 20 "
            "characters for method names; choose a shorter method name",
        ),
    ),
    "legacy_method_identifier": (
        (63, 9, f"method 'e' does not match {IDENTIFIER}; rename it"),
    ),
    "legacy_event_name_length": (
        (
            63,
            9,
            "the legacy Events.yaml event name 'enroll_failed_again_now' (from method 'enrollFailedAgainNow') has 23 "
            "characters, which exceeds the legacy Events.yaml limit of 20 characters for event names (the method in "
            "snake_case); choose a shorter method name or name the entry with 'legacy_entry:'",
        ),
    ),
    "legacy_entry_length": (
        (
            67,
            25,
            "legacy_entry 'enrollFailedOfTheStudy' of preference_study.enrollFailed has 22 characters, which exceeds "
            "the legacy Events.yaml limit of 20 characters for event names; choose a shorter legacy_entry",
        ),
    ),
    "legacy_entry_clash": (
        (
            67,
            25,
            "the legacy Events.yaml entry 'enroll_failed' of method 'enroll' is also the entry of "
            "preference_study.enrollFailed (line 72); give one of them another 'legacy_entry:'",
        ),
    ),
    "legacy_object_length": (
        (
            59,
            5,
            "object 'preference_study_xyzw' has 21 characters, which exceeds the legacy Events.yaml limit of 20 "
            "characters for object names; choose a shorter object name",
        ),
    ),
    "legacy_object_identifier": (
        (59, 5, f"object 'preference_study_' does not match {IDENTIFIER}; rename it"),
    ),
    # -- Glean metrics.yaml (glean_parser 22) ----------------------------------------------
    "glean_extra_key_count": (
        (
            63,
            9,
            "event preference_study.enrollFailed has 50 extra keys, which exceeds the legacy Events.yaml limit of "
            "10 extra keys per event; split the event or drop keys",
        ),
        (
            63,
            9,
            "event preference_study.enrollFailed has 51 extra keys in Glean metrics.yaml (50 of its own and the "
            "'value' key that carries the legacy event's value), which exceeds the Glean metrics.yaml limit of 50 extra "
            "keys per event; split the event or drop keys",
        ),
    ),
    "glean_extra_key_length": (
        (
            23,
            7,
            "extra key 'triggerOfTheFetchAsReportedByTheComponent' of the uptake event "
            "'uptake.remotecontent.result.uptake_normandy' has 41 characters, which exceeds the Glean metrics.yaml limit "
            "of 40 characters for extra key names; choose a shorter name",
        ),
    ),
    "glean_category_length": (
        (
            21,
            12,
            "the Glean category 'uptake.remotecontent.result.of.every.component' of the uptake event "
            "'uptake.remotecontent.result.of.every.component.uptake_normandy' has 46 characters, which exceeds the Glean "
            "metrics.yaml limit of 40 characters for category names; choose a shorter category",
        ),
    ),
    "glean_reserved_category": (
        (
            54,
            13,
            "event category 'tags' is reserved by Glean metrics.yaml (reserved: pings, tags); choose another category",
        ),
    ),
    "glean_metric_length": (
        (
            35,
            3,
            "the Glean metric name 'recipe_freshness_given_as_the_last_modified_date_of_every_recipe_in_secs' of "
            "scalar 'normandy.recipe_freshness_given_as_the_last_modified_date_of_every_recipe_in_secs' has 72 characters, "
            "which exceeds the Glean metrics.yaml limit of 70 characters for metric names; shorten the scalar's name",
        ),
    ),
    "glean_metric_collision": (
        (
            71,
            9,
            "event failed_xy.enroll becomes the Glean metric normandy.enroll_failed_xy, like event xy.enrollFailed "
            "(line 63); rename one of them",
        ),
    ),
    "glean_name_too_similar": (
        (
            67,
            9,
            "event xy.enrollfailed becomes the Glean metric normandy.enrollfailed_xy, whose name differs from that "
            "of event xy.enrollFailed (line 63) only in '_' and '.', which Glean metrics.yaml rejects (glinter "
            "NAME_TOO_SIMILAR); rename one of them",
        ),
    ),
    "glean_value_key": (
        (
            76,
            13,
            "extra key 'value' of preference_study.enrollFailed is recorded as 'value', which the Glean "
            "metrics.yaml event already uses for the legacy event's value; rename the key or give it another "
            "'legacy_name:'",
        ),
    ),
    "glean_sensitive_key": (
        (
            76,
            13,
            "extra key 'url' of preference_study.enrollFailed is named 'url', which Glean metrics.yaml's linter "
            "rejects as possibly sensitive data (glinter HIGHER_DATA_SENSITIVITY_REQUIRED); choose a name that says what "
            "the value is",
        ),
    ),
    "glean_uptake_reserved_extra": (
        (
            24,
            7,
            "extra key 'source' of the uptake event 'uptake.remotecontent.result.uptake_normandy' is already made "
            "from the uptake sources and statuses; remove it from 'extra'",
        ),
    ),
}


@dataclass(frozen=True)
class Change:
    """What breaks one limit: a sentence that says so, and the edit of valid.yaml."""

    why: str
    patches: tuple[Patch, ...]


def extra_keys(count: int) -> str:
    return "".join(
        f"            key{i:02}:\n              description: Key {i}.\n"
        for i in range(count)
    )


def another_object(name: str, *methods: str) -> str:
    return (
        f"    {name}:\n"
        "      title: Another object\n"
        "      description: An object for the limits test.\n"
        "      events:\n"
    ) + "".join(
        f"        {method}:\n"
        "          title: Another event\n"
        "          description: Sent for the limits test.\n"
        "          value: The slug of the study.\n"
        for method in methods
    )


# The end of valid.yaml: the last key of preference_study.enrollFailed.
LAST_KEY = "              legacy_name: prefBranch\n"
ENROLL_FAILED = "        enrollFailed:\n"
OBJECTS = "  objects:\n"
CATEGORY = "  category: normandy\n"

CHANGES: dict[str, Change] = {
    # -- legacy Events.yaml (Firefox's parse_events.py) ---------------------------------
    "legacy_extra_key_name": Change(
        "Firefox records preferenceBranch as prefBranch; without legacy_name the 16-character name is over the limit.",
        (Patch(find=LAST_KEY, replace=""),),
    ),
    "legacy_name_too_long": Change(
        "A legacy_name must itself fit the limit.",
        (
            Patch(
                find=LAST_KEY, replace="              legacy_name: prefBranchSetting\n"
            ),
        ),
    ),
    "legacy_extra_key_identifier": Change(
        "A one-letter key does not match the Events.yaml identifier pattern.",
        (
            Patch(
                find=LAST_KEY,
                replace=LAST_KEY
                + "            x:\n              description: A one-letter key.\n",
            ),
        ),
    ),
    "legacy_extra_key_count": Change(
        "Eleven extra keys: Events.yaml allows ten.",
        (Patch(find=LAST_KEY, replace=LAST_KEY + extra_keys(9)),),
    ),
    "legacy_key_collision": Change(
        "Two keys recorded under one name.",
        (
            Patch(
                find=LAST_KEY,
                replace=LAST_KEY + "            preferenceBranchName:\n"
                "              description: The same again.\n"
                "              legacy_name: prefBranch\n",
            ),
        ),
    ),
    "legacy_category_length": Change(
        "A 31-character category: Events.yaml allows 30 (Glean 40).",
        (
            Patch(
                find=CATEGORY, replace="  category: normandy_category_name_too_long\n"
            ),
        ),
    ),
    "legacy_category_identifier": Change(
        "A category ending in '_' does not match the Events.yaml identifier pattern.",
        (Patch(find=CATEGORY, replace="  category: normandy_\n"),),
    ),
    "legacy_method_length": Change(
        "A 21-character method: Events.yaml allows 20.",
        (Patch(find=ENROLL_FAILED, replace="        enrollFailedForSureNo:\n"),),
    ),
    "legacy_method_identifier": Change(
        "A one-letter method does not match the Events.yaml identifier pattern.",
        (Patch(find=ENROLL_FAILED, replace="        e:\n"),),
    ),
    "legacy_event_name_length": Change(
        "A 20-character method whose snake_case entry name has 23.",
        (Patch(find=ENROLL_FAILED, replace="        enrollFailedAgainNow:\n"),),
    ),
    "legacy_entry_length": Change(
        "A legacy_entry names an Events.yaml event: at most 20 characters.",
        (
            Patch(
                find="          value: The slug of the study.\n",
                replace="          value: The slug of the study.\n"
                "          legacy_entry: enrollFailedOfTheStudy\n",
            ),
        ),
    ),
    "legacy_entry_clash": Change(
        "Two methods' events under one Events.yaml entry: its methods would mix.",
        (
            Patch(
                find=OBJECTS,
                replace=OBJECTS
                + another_object("xy", "enroll")
                + "          legacy_entry: enroll_failed\n",
            ),
        ),
    ),
    "legacy_object_length": Change(
        "A 21-character object: Events.yaml allows 20.",
        (
            Patch(
                find="    preference_study:\n", replace="    preference_study_xyzw:\n"
            ),
        ),
    ),
    "legacy_object_identifier": Change(
        "An object ending in '_' does not match the Events.yaml identifier pattern.",
        (Patch(find="    preference_study:\n", replace="    preference_study_:\n"),),
    ),
    # -- Glean metrics.yaml (glean_parser 22) ----------------------------------------------
    "glean_extra_key_count": Change(
        "Fifty extra keys plus the value key Glean adds: Glean allows fifty (and Events.yaml ten).",
        (Patch(find=LAST_KEY, replace=LAST_KEY + extra_keys(48)),),
    ),
    "glean_extra_key_length": Change(
        "A 41-character extra key of the uptake event: Glean allows 40.",
        (
            Patch(
                find="      trigger: What started the fetch.\n",
                replace="      triggerOfTheFetchAsReportedByTheComponent: What started the fetch.\n",
            ),
        ),
    ),
    "glean_category_length": Change(
        "A 46-character Glean category for the uptake event: Glean allows 40.",
        (
            Patch(
                find="    event: uptake.remotecontent.result.uptake_normandy\n",
                replace="    event: uptake.remotecontent.result.of.every.component.uptake_normandy\n",
            ),
        ),
    ),
    "glean_reserved_category": Change(
        "'tags' is a reserved Glean category.",
        (Patch(find=CATEGORY, replace="  category: tags\n"),),
    ),
    "glean_metric_length": Change(
        "A 72-character metric name: Glean allows 70.",
        (
            Patch(
                find="    name: normandy.recipe_freshness\n",
                replace="    name: normandy.recipe_freshness_given_as_the_last_modified_date_of_every_recipe_in_secs\n",
            ),
        ),
    ),
    "glean_metric_collision": Change(
        "enroll + failed_xy and enrollFailed + xy both become enroll_failed_xy.",
        (
            Patch(
                find=OBJECTS,
                replace=OBJECTS
                + another_object("xy", "enrollFailed")
                + another_object("failed_xy", "enroll"),
            ),
        ),
    ),
    "glean_name_too_similar": Change(
        "enroll_failed_xy and enrollfailed_xy differ only in '_'.",
        (
            Patch(
                find=OBJECTS,
                replace=OBJECTS + another_object("xy", "enrollFailed", "enrollfailed"),
            ),
        ),
    ),
    "glean_value_key": Change(
        "An extra key named value collides with the key Glean adds for the event's value.",
        (
            Patch(
                find=LAST_KEY,
                replace=LAST_KEY
                + "            value:\n              description: A key named value.\n",
            ),
        ),
    ),
    "glean_sensitive_key": Change(
        "glinter rejects an extra key named url unless the metric is marked highly sensitive.",
        (
            Patch(
                find=LAST_KEY,
                replace=LAST_KEY
                + "            url:\n              description: A page address.\n",
            ),
        ),
    ),
    "glean_uptake_reserved_extra": Change(
        "source is made from the uptake sources and must not be listed again.",
        (
            Patch(
                find="      trigger: What started the fetch.\n",
                replace="      trigger: What started the fetch.\n      source: The key.\n",
            ),
        ),
    ),
}


def spec_text(kind: str) -> str:
    """valid.yaml with the change, its two comment lines replaced by two saying what it is."""
    base = VALID.read_text("utf-8")
    comment = "".join(base.splitlines(keepends=True)[:2])
    assert comment.count("\n") == 2 and all(
        line.startswith("# ") for line in comment.splitlines()
    )
    change = CHANGES[kind]
    return (
        f"# {change.why}\n# (tests/fixtures/limits/valid.yaml with one change.)\n"
        + patched(base[len(comment) :], *change.patches)
    )


def test_every_case_has_expectations() -> None:
    assert set(CHANGES) == set(EXPECTED)


def test_the_valid_fixture_generates_both_files(tmp_path: Path) -> None:
    result = cli("generate", "--spec", str(VALID), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "glean" / "metrics.yaml").is_file()
    assert (tmp_path / "out" / "legacy" / "Events.yaml").is_file()


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_a_broken_limit_stops_generation(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_spec(tmp_path, f"limits/{kind}.yaml", spec_text(kind))
    result = cli(
        "generate", "--spec", f"limits/{kind}.yaml", "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    label = f"limits/{kind}.yaml"
    printed = [
        line for line in result.stderr.splitlines() if line.startswith(label + ":")
    ]
    expected = [
        f"{label}:{line}:{column}: {message}"
        for line, column, message in EXPECTED[kind]
    ]
    assert printed == expected
    assert not out.exists()


def test_the_spec_s_explicit_legacy_name_is_what_firefox_gets() -> None:
    """Without ``legacy_name: prefBranch`` the real spec would stop generation (see above);
    with it, both Firefox outputs use the short name and nothing else changes."""
    spec = load_spec(ROOT / "spec" / "normandy.yaml")
    key = next(
        k
        for e in spec.events.all
        if e.ident == "preference_study.enrollFailed"
        for k in e.extra
        if k.name == "preferenceBranch"
    )
    assert (key.legacy_name, key.legacy_key) == ("prefBranch", "prefBranch")
    assert key.python_name == "preference_branch"


def test_a_spec_without_metadata_skips_both_targets_and_their_limits(
    tmp_path: Path,
) -> None:
    """The ``metadata`` block switches the Firefox outputs on; without it, even a name over
    a legacy limit is fine, because no legacy file is written."""
    text = VALID.read_text("utf-8")
    without = re.sub(r"(?ms)^metadata:\n.*?\n\n", "\n", text).replace(
        "              legacy_name: prefBranch\n", ""
    )
    assert "metadata:" not in without and "legacy_name" not in without
    spec = tmp_path / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    spec.write_text(without, "utf-8")
    result = cli("generate", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "out" / "glean").exists()
    assert not (tmp_path / "out" / "legacy").exists()


def test_an_entry_over_ten_keys_continues_in_a_second_entry() -> None:
    """Firefox registers extra keys per entry (method x objects), so a method whose
    objects use more than ten keys between them is split, never truncated."""
    spec = load_spec(ROOT / "spec" / "normandy.yaml")

    def keys(prefix: str) -> tuple[ExtraKey, ...]:
        template = next(spec.events.all).extra[0]
        return tuple(
            dataclasses.replace(template, name=f"{prefix}{i}", legacy_name=None)
            for i in range(6)
        )

    objects = tuple(
        dataclasses.replace(
            obj,
            events=tuple(
                dataclasses.replace(e, method="enroll", extra=keys(f"k{n}x"))
                for e in obj.events[:1]
            ),
        )
        for n, obj in enumerate(spec.events.objects)
    )
    entries = legacy_entries(dataclasses.replace(spec.events, objects=objects))
    names = ["enroll"] + [f"enroll_{n}" for n in range(2, len(objects) + 1)]
    assert [(e.name, e.objects) for e in entries] == [
        (name, (obj.name,)) for name, obj in zip(names, objects)
    ]
    assert all(len(e.extra_names) <= 10 for e in entries)


def test_limits_wait_for_the_rest_of_the_spec(tmp_path: Path) -> None:
    """As the README says: a broken limit is reported once the spec is otherwise
    right, so that a mistake (here a misspelt field, which leaves the key
    without its legacy_name) is not reported again as the limit it breaks."""
    text = spec_text("legacy_entry_length").replace(
        "              legacy_name: prefBranch\n",
        "              legacy_nme: prefBranch\n",
    )
    write_spec(tmp_path, "limits/two.yaml", text)
    result = cli("generate", "--spec", "limits/two.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "legacy_nme" in result.stderr and "1 problem in" in result.stderr
    assert "legacy_entry" not in result.stderr and "characters" not in result.stderr
    fixed = text.replace("legacy_nme:", "legacy_name:")
    write_spec(tmp_path, "limits/two.yaml", fixed)
    result = cli("generate", "--spec", "limits/two.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "legacy_entry 'enrollFailedOfTheStudy'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_legacy_entry_names_the_entry_and_lifts_the_method_s_limit(
    tmp_path: Path,
) -> None:
    """A method whose snake_case name is over the entry-name limit (see
    ``legacy_event_name_length``) generates once its entry is named; Firefox's
    file gets the name, with the method as it is."""
    text = spec_text("legacy_event_name_length").replace(
        "          value: The slug of the study.\n",
        "          value: The slug of the study.\n          legacy_entry: enrollAgain\n",
        1,
    )
    write_spec(tmp_path, "limits/named.yaml", text)
    out = tmp_path / "out"
    result = cli(
        "generate", "--spec", "limits/named.yaml", "--out", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    events = yaml.safe_load((out / "legacy" / "Events.yaml").read_text("utf-8"))
    assert events["normandy"]["enrollAgain"]["methods"] == ["enrollFailedAgainNow"]
    assert "enroll_failed_again_now" not in events["normandy"]


# The wording of structural messages belongs to the validator; these pin where the
# mistake is reported and that the message names the value and what it should be.
METADATA_MISTAKES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "notification_emails: [normandy-notifications@mozilla.com]": (
        "notification_emails: [normandy-notifications]",
        "9:25",
        ("'normandy-notifications'", "an email address"),
    ),
    "bugs: [1443560]": (
        "bugs: ['1443560']",
        "7:10",
        ("metadata.bugs[0]", "integer"),
    ),
    "  expires: never\n": (
        "  expires: someday\n",
        "10:12",
        ("'someday'", "``never`` or a quoted date"),
    ),
    "    products: [firefox]": (
        "    products: [firefx]",
        "13:16",
        ("'firefx'", "did you mean 'firefox'?"),
    ),
    "legacy_name: prefBranch": (
        "legacy_name: pref-branch",
        "75:28",
        ("'pref-branch'", "an Events.yaml identifier"),
    ),
    "          value: The slug of the study.\n": (
        "          value: The slug of the study.\n          legacy_entry: enroll-failed\n",
        "67:25",
        ("'enroll-failed'", "an Events.yaml identifier"),
    ),
    "    event: uptake.remotecontent.result.uptake_normandy": (
        "    event: uptake_normandy",
        "21:12",
        ("'uptake_normandy'", "a Glean category.name"),
    ),
}


@pytest.mark.parametrize("original", sorted(METADATA_MISTAKES))
def test_metadata_mistakes_are_reported_where_they_are(
    original: str, tmp_path: Path
) -> None:
    replacement, position, phrases = METADATA_MISTAKES[original]
    text = VALID.read_text("utf-8")
    assert text.count(original) == 1
    spec = tmp_path / "limits" / "valid.yaml"
    spec.parent.mkdir()
    spec.write_text(text.replace(original, replacement), "utf-8")
    result = cli(
        "generate",
        "--spec",
        "limits/valid.yaml",
        "--out",
        str(tmp_path / "out"),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    printed = [
        line
        for line in result.stderr.splitlines()
        if line.startswith("limits/valid.yaml:")
    ]
    assert len(printed) == 1 and printed[0].startswith(
        f"limits/valid.yaml:{position}: "
    )
    assert all(phrase in printed[0] for phrase in phrases), printed[0]
