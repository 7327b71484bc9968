"""The Glean event validators: Normandy's events and the uptake event as they
appear in a Glean events ping, every problem with its path and message; and
the uptake event as legacy Telemetry records it."""

from __future__ import annotations

import copy
import json
from typing import Any

import normandy_telemetry as nt
import pytest
from normandy_telemetry import validate_glean
from normandy_telemetry.uptake import UPTAKE_EVENT
from support import ISSUE_ENROLL_FAILED

UUID = "5912ade2-8201-4774-a09d-807731afb9a8"

# The issue's ping, as the Glean SDK sent it (tests/integration/test_glean_ping.py
# records the same events through the real SDK).
ENROLL_FAILED = ISSUE_ENROLL_FAILED
UPTAKE = {
    "category": "uptake.remotecontent.result",
    "name": "uptake_normandy",
    "timestamp": 0,
    "extra": {
        "glean_timestamp": "1796171152405",
        "source": "normandy/recipe/123",
        "trigger": "timer",
        "value": "sign_error",
    },
}


def problems(event: Any) -> list[tuple[str, str]]:
    """(path, message) of every problem, after checking the three forms agree."""
    errors = list(nt.iter_glean_event_errors(event))
    assert nt.is_valid_glean_event(event) is (not errors)
    if errors:
        with pytest.raises(nt.ValidationError) as caught:
            nt.validate_glean_event(event)
        assert caught.value.errors == tuple(errors)
    else:
        assert nt.validate_glean_event(event) is None
    return [(e.path, e.message) for e in errors]


def changed(event: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """``event`` with ``extra`` keys set (``None`` removes one)."""
    out = copy.deepcopy(event)
    for key, value in extra.items():
        if value is None:
            out["extra"].pop(key, None)
        else:
            out["extra"][key] = value
    return out


def test_the_events_of_a_real_ping_are_valid() -> None:
    assert problems(ENROLL_FAILED) == []
    assert problems(UPTAKE) == []
    assert problems(changed(UPTAKE, glean_timestamp=None, trigger=None)) == []


def test_the_glean_names_are_the_catalogue_s() -> None:
    event = nt.get_glean_event("normandy", "enroll_failed_preference_study")
    assert event is not None and (event.method, event.object) == (
        "enrollFailed",
        "preference_study",
    )
    assert UPTAKE_EVENT is not None
    assert (UPTAKE_EVENT.category, UPTAKE_EVENT.glean_name) == (
        "uptake.remotecontent.result",
        "uptake_normandy",
    )
    assert (UPTAKE_EVENT.method, UPTAKE_EVENT.object) == ("uptake", "normandy")
    assert UPTAKE_EVENT.extra_keys == (
        "trigger",
        "age",
        "duration",
        "timestamp",
        "errorName",
    )


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            {"preferenceBranch": "user", "prefBranch": None},
            [
                (
                    "extra.preferenceBranch",
                    "unexpected key; in Glean, Firefox sends preferenceBranch as prefBranch",
                ),
                (
                    "extra.prefBranch",
                    "missing; it is sent when reason is 'invalid-branch'",
                ),
            ],
        ),
        (
            {"value": None},
            [
                (
                    "extra.value",
                    "missing; Firefox sends the event's value as the extra key 'value'",
                )
            ],
        ),
        (
            {"value": "v" * 81},
            [("extra.value", "is 81 bytes in UTF-8; the limit is 80")],
        ),
        (
            {"reason": "name-conflict"},
            [
                (
                    "extra.prefBranch",
                    "must be absent unless reason is 'invalid-branch'",
                )
            ],
        ),
        (
            {"reason": None, "prefBranch": None},
            [("extra.reason", "missing; reason is always sent")],
        ),
        (
            {"glean_timestamp": "17961711524O5"},
            [
                (
                    "extra.glean_timestamp",
                    "'17961711524O5' is not a time in milliseconds: at most 20 digits 0-9",
                )
            ],
        ),
        (
            {"glean_timestamp": 1796171152405},
            [("extra.glean_timestamp", "must be a string, not an integer")],
        ),
        (
            {"glean_timestamp": "١٢"},  # digits to str.isdigit(), not to Glean
            [
                (
                    "extra.glean_timestamp",
                    "'١٢' is not a time in milliseconds: at most 20 digits 0-9",
                )
            ],
        ),
        (
            {"prefBranch": 3},
            [("extra.prefBranch", "must be a string, not an integer")],
        ),
        (
            {"branch": "x"},
            [
                (
                    "extra.branch",
                    "unexpected key; preference_study.enrollFailed has value, reason, prefBranch (and the Glean SDK's glean_timestamp)",
                )
            ],
        ),
    ],
)
def test_every_problem_of_a_normandy_event(
    extra: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(changed(ENROLL_FAILED, **extra)) == expected


def test_problems_of_the_event_object() -> None:
    assert problems({**ENROLL_FAILED, "timestamp": -1, "method": "x"}) == [
        (
            "method",
            "unexpected key; a Glean event has the keys category, name, timestamp and extra",
        ),
        ("timestamp", "must be a non-negative integer, not a negative one"),
    ]
    assert problems({"category": "normandy"}) == [
        ("name", "missing"),
        ("timestamp", "missing"),
    ]
    assert problems({**ENROLL_FAILED, "name": "enroll_failed_preference_studies"}) == [
        (
            "name",
            "'enroll_failed_preference_studies' is not a Normandy event in Glean;"
            " did you mean 'enroll_failed_preference_study'?",
        )
    ]
    assert problems({**ENROLL_FAILED, "name": "restarted"}) == [
        (
            "name",
            "'restarted' is not a Normandy event in Glean; each is named <method>_<object> in snake_case, such as 'enroll_preference_study'",
        )
    ]
    # Far longer than any name: not compared, at once.
    huge = "enroll_failed_preference_study" * 400_000
    assert problems({**ENROLL_FAILED, "name": huge})[0][1].endswith(
        "such as 'enroll_preference_study'"
    )
    assert problems({**ENROLL_FAILED, "category": "glean", "name": "restarted"}) == [
        (
            "category",
            "'glean' is not a category of Normandy's Glean events; they are 'normandy', 'uptake.remotecontent.result'",
        )
    ]
    assert problems({**UPTAKE, "name": "uptake_remotesettings"}) == [
        (
            "name",
            "'uptake_remotesettings' is not Normandy's uptake event 'uptake_normandy'",
        )
    ]
    assert problems({**ENROLL_FAILED, "extra": None}) == [
        ("extra", "must be an object that maps strings to strings, not null")
    ]
    assert problems([0, "normandy", "enrollFailed", "preference_study", "s", {}]) == [
        ("", "a Glean event is an object, not an array")
    ]


def test_an_event_sent_without_a_value_may_lack_it_in_glean() -> None:
    spec = nt.get_event("updateFailed", "addon_rollout")
    assert spec is not None and spec.value_optional
    event = {
        "category": "normandy",
        "name": spec.glean_name,
        "timestamp": 5,
        "extra": {"reason": "download-failure"},
    }
    assert problems(event) == []
    assert problems({**event, "extra": {**event["extra"], "value": None}}) == [
        ("extra.value", "must be a string, not null")
    ]
    no_keys = {k: v for k, v in event.items() if k != "extra"}
    assert [p for p, _ in problems(no_keys)] == ["extra.reason"]


def test_extra_may_be_absent_only_when_nothing_in_it_is_always_sent() -> None:
    optional = [
        e
        for e in nt.GLEAN_EVENTS.values()
        if e.value_optional and not any(k.required for k in e.extra)
    ]
    for event in optional:
        bare = {"category": "normandy", "name": event.glean_name, "timestamp": 1}
        assert problems(bare) == []
    bare = {k: v for k, v in ENROLL_FAILED.items() if k != "extra"}
    assert [p for p, _ in problems(bare)] == ["extra.value", "extra.reason"]


def test_every_glean_event_agrees_with_its_legacy_twin() -> None:
    """A valid event of each kind, in both shapes: valid in each."""
    for (category, name), event in nt.GLEAN_EVENTS.items():
        extra = {}
        for key in event.extra:
            if key.required:
                extra[key.firefox_name] = (
                    key.allowed[0].value if key.allowed else UUID if key.format else "x"
                )
        for key in event.extra:
            if key.when and all(
                extra.get(event.extra_keys[k].firefox_name) in v
                for k, v in key.when.items()
            ):
                extra[key.firefox_name] = key.allowed[0].value if key.allowed else "x"
        legacy = {
            "category": nt.CATEGORY,
            "method": event.method,
            "object": event.object,
            "value": "slug",
            "extra": extra,
        }
        glean = {
            "category": category,
            "name": name,
            "timestamp": 0,
            "extra": {"value": "slug", **extra},
        }
        assert problems(glean) == [], event
        assert nt.is_valid_event(legacy), event


# -- the uptake event ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            {"source": "normandy/runner", "value": "sign_error"},
            [
                (
                    "extra.value",
                    "'sign_error' is not a status of normandy/runner; its statuses are 'success', 'server_error', 'network_error'",
                )
            ],
        ),
        (
            {"source": None},
            [("extra.source", "missing; every uptake report names its source")],
        ),
        (
            {"source": None, "value": "nope"},
            [
                ("extra.source", "missing; every uptake report names its source"),
                (
                    "extra.value",
                    "'nope' is not a Normandy uptake status; the statuses are 'apply_error', 'backoff', 'content_error', 'custom_1_error', 'custom_2_error', 'download_error', 'network_error', 'server_error', 'sign_error', 'signature_error', 'success'",
                ),
            ],
        ),
        (
            {"value": None},
            [("extra.value", "missing; every uptake report has a status")],
        ),
        (
            {"age": 12, "duration": "300", "errorName": "NetworkError"},
            [("extra.age", "must be a string, not an integer")],
        ),
        (
            {"x": "y"},
            [
                (
                    "extra.x",
                    "unexpected key; the uptake event has source, value, trigger, age, duration, timestamp, errorName (and the Glean SDK's glean_timestamp)",
                )
            ],
        ),
    ],
)
def test_every_problem_of_an_uptake_event(
    extra: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(changed(UPTAKE, **extra)) == expected


def uptake_record(**changes: Any) -> list[Any]:
    extra = {"source": "normandy/recipe/123", "trigger": "timer"}
    record = [
        9,
        "uptake.remotecontent.result",
        "uptake",
        "normandy",
        "sign_error",
        extra,
    ]
    for index, name in enumerate(
        ("timestamp", "category", "method", "object", "value")
    ):
        if name in changes:
            record[index] = changes.pop(name)
    extra.update(changes)
    return record


def record_problems(record: Any) -> list[tuple[str, str]]:
    return [(e.path, e.message) for e in validate_glean.uptake_record_errors(record)]


def test_the_uptake_event_as_legacy_telemetry_records_it() -> None:
    assert record_problems(uptake_record()) == []
    assert record_problems(uptake_record(value="nope", age=3, value_=None)) == [
        ("extra.age", "must be a string, not an integer"),
        (
            "extra.value_",
            "unexpected key; the uptake event has source, trigger, age, duration, timestamp, errorName",
        ),
        (
            "value",
            "'nope' is not a status of normandy/recipe/<recipe id>; its statuses are 'custom_1_error', 'backoff', 'apply_error', 'content_error', 'download_error', 'success', 'signature_error', 'sign_error'",
        ),
    ]
    assert record_problems(uptake_record(value=None)) == [
        ("value", "must be a string, not null")
    ]
    assert record_problems(uptake_record(timestamp=True, object="remotesettings")) == [
        ("timestamp", "must be a non-negative integer, not a boolean"),
        ("object", "must be 'normandy', not 'remotesettings'"),
    ]
    no_extra = uptake_record()[:5]
    assert record_problems(no_extra) == [
        ("extra.source", "missing; every uptake report names its source")
    ]
    assert record_problems(uptake_record() + [1]) == [
        (
            "",
            "an uptake record is [timestamp, category, method, object, status, extra]",
        )
    ]
    glean_key = uptake_record(glean_timestamp="1")
    assert [p for p, _ in record_problems(glean_key)] == ["extra.glean_timestamp"]


# -- inputs made to misbehave -------------------------------------------------------------


class Boom(Exception):
    pass


class Raising(dict):  # type: ignore[type-arg]
    def items(self) -> Any:
        raise Boom


class Lying(str):
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return hash("category")


@pytest.mark.parametrize(
    "value",
    [
        None,
        "event",
        [ENROLL_FAILED],
        Raising(x=1),
        {**ENROLL_FAILED, "extra": Raising(x=1)},
        {
            Lying("x"): "normandy",
            "name": ENROLL_FAILED["name"],
            "timestamp": 0,
            "extra": ENROLL_FAILED["extra"],
        },
        {**ENROLL_FAILED, "timestamp": float("nan")},
        {**ENROLL_FAILED, "timestamp": 10**5000},
        {**ENROLL_FAILED, "extra": {**ENROLL_FAILED["extra"], 1: "x"}},
        {**UPTAKE, "extra": {**UPTAKE["extra"], (1,): "x"}},
        {**ENROLL_FAILED, "name": b"bytes"},
        object(),
    ],
)
def test_hostile_inputs_get_a_verdict_and_never_an_exception(value: Any) -> None:
    verdict = nt.is_valid_glean_event(value)
    errors = list(nt.iter_glean_event_errors(value))
    assert type(verdict) is bool and verdict is (not errors)
    assert verdict is (
        value.get("timestamp") == 10**5000 if type(value) is dict else False
    )
    try:
        written = json.loads(json.dumps(value))
    except (TypeError, ValueError, Boom):
        return
    if type(value) is dict and all(type(k) is str for k in value):
        assert verdict is nt.is_valid_glean_event(written)


def test_validation_does_not_change_the_event() -> None:
    event = copy.deepcopy(ENROLL_FAILED)
    nt.is_valid_glean_event(event), list(nt.iter_glean_event_errors(event))
    assert event == ENROLL_FAILED
