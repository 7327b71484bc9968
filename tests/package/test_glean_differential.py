"""The Glean event validators agree with themselves (fast path and full check),
with the JSON Schema of Glean event objects (through ``jsonschema``), and with
the legacy validators on the same event, on every event the spec's strategies
make, valid or broken; and no input makes them misbehave."""

from __future__ import annotations

import json
from typing import Any
from unittest import mock

import jsonschema
import normandy_telemetry as nt
from hypothesis import given
from hypothesis import strategies as st
from normandy_telemetry import fast_checks, validate_glean
from strategies import (
    CATEGORY,
    GENERATED_PATH,
    GLEAN_EVENTS,
    SETTINGS,
    Case,
    any_glean_events,
    disguised,
    json_values,
    mutated_glean_events,
    uptake_values,
    valid_glean_events,
)

SCHEMA = jsonschema.Draft202012Validator(
    json.loads(
        (GENERATED_PATH / "schemas" / "normandy-glean-events.schema.json").read_text(
            "utf-8"
        )
    )
)


def check_total(value: Any) -> bool:
    """The three forms agree, return a bool or raise ValidationError, and list
    every error as a FieldError; returns the verdict."""
    verdict = nt.is_valid_glean_event(value)
    assert type(verdict) is bool
    errors = list(nt.iter_glean_event_errors(value))
    assert all(
        type(e) is nt.FieldError and type(e.path) is str and type(e.message) is str
        for e in errors
    )
    try:
        nt.validate_glean_event(value)
    except nt.ValidationError as error:
        assert list(error.errors) == errors and errors
    else:
        assert not errors
    assert verdict is (not errors), (value, errors)
    return verdict


def assert_agree(case: Case) -> bool:
    verdict = check_total(case.event)
    assert SCHEMA.is_valid(case.event) is verdict, (case, verdict)
    return verdict


@SETTINGS
@given(valid_glean_events())
def test_valid_glean_events_are_valid_everywhere(case: Case) -> None:
    assert assert_agree(case) is True


@SETTINGS
@given(mutated_glean_events())
def test_mutated_glean_events_get_one_verdict_everywhere(case: Case) -> None:
    assert_agree(case)


ALWAYS_INVALID = {
    "spec_name",
    "bad_glean_timestamp",
    "overlong_value",
    "wrong_type_value",
    "wrong_type_extra",
    "null_extra",
    "bad_timestamp",
    "drop_top_key",
    "add_top_key",
}


@SETTINGS
@given(mutated_glean_events())
def test_breaking_mutations_are_caught(case: Case) -> None:
    if case.fault in ALWAYS_INVALID:
        assert not nt.is_valid_glean_event(case.event), case


def as_legacy(event: dict[str, Any]) -> dict[str, Any] | None:
    """The legacy event that a Normandy Glean event stands for, when its
    ``extra`` holds only strings under Firefox's names, ``value`` and the
    SDK's ``glean_timestamp`` (well formed); None otherwise."""
    spec = nt.get_glean_event(event.get("category"), event.get("name"))  # type: ignore[arg-type]
    extra = event.get("extra", {})
    if (
        spec is None
        or type(extra) is not dict
        or set(event) - {"category", "name", "timestamp", "extra"}
    ):
        return None
    names = {key.firefox_name for key in spec.extra}
    if set(extra) - names - {"value", "glean_timestamp"}:
        return None
    if (
        "glean_timestamp" in extra
        and validate_glean._timestamp_problem(extra["glean_timestamp"]) is not None
    ):
        return None
    if type(event.get("timestamp")) is not int or event["timestamp"] < 0:
        return None
    if "value" not in extra and not spec.value_optional:
        return None
    if "value" in extra and extra["value"] is None:
        return None  # legacy's null value is Glean's absent one
    return {
        "category": CATEGORY,
        "method": spec.method,
        "object": spec.object,
        "value": extra.get("value"),
        "extra": {
            k: v for k, v in extra.items() if k not in ("value", "glean_timestamp")
        },
    }


@SETTINGS
@given(any_glean_events())
def test_a_glean_event_has_its_legacy_twin_s_verdict(case: Case) -> None:
    """In Glean and in legacy Telemetry the spec's rules are one: the verdict on
    a well-formed Glean event is is_valid_event's on the legacy event it stands for."""
    if type(case.event) is not dict:
        return
    legacy = as_legacy(case.event)
    if legacy is None:
        return
    assert nt.is_valid_glean_event(case.event) is nt.is_valid_event(legacy), (
        case,
        legacy,
    )


# -- the fast path -------------------------------------------------------------------


def _plain(value: Any) -> bool:
    if type(value) is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if type(value) is list:
        return all(_plain(item) for item in value)
    return value is None or type(value) in (str, int, float, bool)


def test_every_glean_event_has_a_generated_check_and_nothing_else_does() -> None:
    pairs = {
        (category, name)
        for category, names in fast_checks.GLEAN_CHECKS.items()
        for name in names
    }
    assert pairs == set(nt.GLEAN_EVENTS)
    assert len(pairs) == len(GLEAN_EVENTS)
    for category, rules in validate_glean._RULES.items():
        for name, rule in rules.items():
            assert rule.check is fast_checks.GLEAN_CHECKS[category][name]
            assert rule.check.__module__ == "normandy_telemetry.fast_checks"


def _no_full_check(event: object) -> list[nt.FieldError]:
    raise AssertionError(f"the fast path fell back to the full check for {event!r}")


@SETTINGS
@given(any_glean_events())
def test_plain_glean_events_never_take_the_slow_path(case: Case) -> None:
    if not _plain(case.event):
        return
    expected = not list(nt.iter_glean_event_errors(case.event))
    with mock.patch.object(validate_glean, "_glean_errors", _no_full_check):
        assert nt.is_valid_glean_event(case.event) is expected


@SETTINGS
@given(any_glean_events())
def test_each_glean_check_gives_the_full_check_s_verdict(case: Case) -> None:
    event = case.event
    if type(event) is not dict or not _plain(event):
        return
    extra = event.get("extra")
    check = fast_checks.GLEAN_CHECKS.get(event.get("category"), {}).get(event.get("name"))  # type: ignore[arg-type]
    if check is None or type(extra) is not dict:
        return
    full = [
        e
        for e in nt.iter_glean_event_errors({**event, "timestamp": 0})
        if e.path.startswith(("extra.", "extra["))
    ]
    try:
        verdict = check(extra)
    except KeyError:
        verdict = False
    assert verdict is (not full), (case, full)


@SETTINGS
@given(valid_glean_events())
def test_a_str_subclass_takes_the_full_check(case: Case) -> None:
    class Text(str):
        pass

    extra = case.event.get("extra")
    if not extra:
        return
    key = next(iter(extra))
    altered = {**case.event, "extra": {**extra, key: Text(extra[key])}}
    assert nt.is_valid_glean_event(altered) is True


# -- anything at all ---------------------------------------------------------------------


@SETTINGS
@given(json_values)
def test_any_json_value_gets_one_verdict_everywhere(value: Any) -> None:
    assert check_total(value) is SCHEMA.is_valid(value)


@SETTINGS
@given(
    st.builds(
        lambda c, n, t, x: {"category": c, "name": n, "timestamp": t, "extra": x},
        st.sampled_from([CATEGORY, "uptake.remotecontent.result", "glean"]),
        st.sampled_from([e.glean_name for e in GLEAN_EVENTS] + ["uptake_normandy"]),
        json_values,
        json_values,
    )
)
def test_glean_shaped_json_gets_one_verdict_everywhere(value: Any) -> None:
    assert check_total(value) is SCHEMA.is_valid(value)


@SETTINGS
@given(st.data())
def test_subclasses_get_the_verdict_of_what_json_dumps_writes(
    data: st.DataObject,
) -> None:
    case = data.draw(any_glean_events())
    value = data.draw(disguised(case.event))
    check_total(value)
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        assert not nt.is_valid_glean_event(value)
        return
    pairs_seen: list[list[str]] = []
    written = json.loads(
        text,
        object_pairs_hook=lambda p: pairs_seen.append([k for k, _ in p]) or dict(p),
    )
    if any(len(set(keys)) != len(keys) for keys in pairs_seen):
        assert not nt.is_valid_glean_event(value)  # a key written twice
        return
    assert nt.is_valid_glean_event(value) is nt.is_valid_glean_event(written)
    assert [(e.path, e.message) for e in nt.iter_glean_event_errors(value)] == [
        (e.path, e.message) for e in nt.iter_glean_event_errors(written)
    ]


# -- the uptake event as legacy Telemetry records it ------------------------------------


@SETTINGS
@given(
    st.sampled_from(uptake_values()),
    st.dictionaries(
        st.sampled_from(
            ["trigger", "age", "errorName", "glean_timestamp", "value", "x"]
        ),
        st.one_of(st.text(max_size=4), st.integers(), st.none()),
        max_size=3,
    ),
    st.one_of(
        st.integers(min_value=-2, max_value=2**40),
        st.sampled_from([1.0, 1.5, True, "1", None]),
    ),
    st.sampled_from(
        ["keep", "status", "source", "no extra", "short", "object", "not a dict"]
    ),
)
def test_the_legacy_uptake_record_s_fast_path_gives_its_full_check_s_verdict(
    report: tuple[str, str], extra: dict[str, Any], timestamp: Any, fault: str
) -> None:
    source, status = report
    record: list[Any] = [
        timestamp,
        "uptake.remotecontent.result",
        "uptake",
        "normandy",
        status,
        {"source": source, **extra},
    ]
    if fault == "status":
        record[4] = "nope"
    elif fault == "source":
        record[5]["source"] = source + "/x"
    elif fault == "no extra":
        record.pop()
    elif fault == "short":
        record = record[:3]
    elif fault == "object":
        record[3] = "remotesettings"
    elif fault == "not a dict":
        record[5] = [source]
    errors = validate_glean.uptake_record_errors(record)
    assert validate_glean.is_valid_uptake_record(record) is (not errors), errors
