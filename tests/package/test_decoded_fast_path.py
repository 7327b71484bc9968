"""The pings reader's own fast path: ``is_valid_decoded_glean_event`` and
``is_valid_decoded_record`` judge what ``json.loads`` gave, without the public
validators' reading of every key's type, and must give their verdicts on
everything JSON can hold. ``check_lines`` must take that path for every
record, and a legacy array's mapping is still not a record.

These tests fail if the two verdicts ever differ, if the reader silently
falls back to the public validators (or their full checks), or if the uptake
sources' remembered matches ever answer differently from a match."""

from __future__ import annotations

import contextlib
import json
from typing import Any
from unittest import mock

import normandy_telemetry as nt
from hypothesis import given
from hypothesis import strategies as st
from normandy_telemetry import pings, validate, validate_glean
from normandy_telemetry.validate import is_valid_decoded_record
from normandy_telemetry.validate_glean import is_valid_decoded_glean_event
from strategies import (
    CATEGORY,
    EVENTS,
    GLEAN_EVENTS,
    SETTINGS,
    Case,
    any_events,
    any_glean_events,
    as_legacy,
    json_scalars,
    json_values,
    uptake_values,
    valid_events,
    valid_glean_events,
)


def decoded(value: Any) -> Any:
    """``value`` as a ping's line gives it back, or None if JSON cannot hold it."""
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError, RecursionError):
        return None


def glean_expected(event: Any) -> bool:
    """A valid Glean event of Normandy's categories (the uptake event is a report)."""
    return nt.is_valid_glean_event(event) and pings.route_glean(event) == pings.EVENT


def legacy_expected(record: Any) -> bool:
    return type(record) is list and nt.is_valid_event(record)


@SETTINGS
@given(any_glean_events())
def test_decoded_glean_events_get_the_public_verdict(case: Case) -> None:
    event = decoded(case.event)
    assert is_valid_decoded_glean_event(event) is glean_expected(event), event


@SETTINGS
@given(
    st.fixed_dictionaries(
        {
            "category": st.sampled_from([CATEGORY, "uptake.remotecontent.result", "x"]),
            "name": st.sampled_from(
                [e.glean_name for e in GLEAN_EVENTS] + ["uptake_normandy"]
            ),
            "timestamp": json_values,
            "extra": json_values,
        },
        optional={"other": json_values},
    ),
    st.sampled_from(["keep", "no extra", "no timestamp", "no name"]),
)
def test_glean_shaped_json_gets_the_public_verdict(
    event: dict[str, Any], fault: str
) -> None:
    dropped = {"no extra": "extra", "no timestamp": "timestamp", "no name": "name"}
    event.pop(dropped.get(fault, ""), None)
    event = decoded(event)
    assert is_valid_decoded_glean_event(event) is glean_expected(event), event


@SETTINGS
@given(any_events())
def test_decoded_records_get_the_public_verdict(case: Case) -> None:
    record = decoded(case.event)
    assert is_valid_decoded_record(record) is legacy_expected(record), record


@SETTINGS
@given(
    st.lists(json_values, min_size=4, max_size=7),
    st.sampled_from([e for e in EVENTS]),
    st.sampled_from(["as drawn", "event's names", "names and category"]),
)
def test_record_shaped_json_gets_the_public_verdict(
    items: list[Any], event: Any, fill: str
) -> None:
    if fill != "as drawn":
        items[2:4] = [event.method, event.object]
    if fill == "names and category":
        items[1] = CATEGORY
    record = decoded(items)
    assert is_valid_decoded_record(record) is legacy_expected(record), record


SCALARS = st.one_of(
    json_scalars,
    st.sampled_from([-1, 0, 2**63, -0.0, 1.0, 1.5, -2.0, True, "1", "", CATEGORY]),
)


@SETTINGS
@given(valid_glean_events(), valid_events(), st.integers(0, 5), SCALARS)
def test_one_field_of_a_valid_event_replaced_gets_the_public_verdict(
    glean: Case, legacy: Case, position: int, scalar: Any
) -> None:
    """Each field the decoded paths read themselves, given any JSON scalar."""
    event = dict(glean.event)
    field = ["timestamp", "category", "name", "extra", "timestamp", "name"][position]
    event[field] = scalar
    event = decoded(event)
    assert is_valid_decoded_glean_event(event) is glean_expected(event), event
    record = decoded(legacy.event)
    if type(record) is list:
        record[min(position, len(record) - 1)] = scalar
        assert is_valid_decoded_record(record) is legacy_expected(record), record


@SETTINGS
@given(json_values)
def test_any_json_value_gets_the_public_verdicts(value: Any) -> None:
    assert is_valid_decoded_glean_event(value) is glean_expected(value)
    assert is_valid_decoded_record(value) is legacy_expected(value)


class Text(str):
    """Not what JSON gives: read for what it holds, as the public validators do."""


@SETTINGS
@given(valid_glean_events(), valid_events())
def test_a_str_subclass_is_read_by_the_public_validators(
    glean: Case, legacy: Case
) -> None:
    event = glean.event
    if event.get("extra") and glean.spec_event is not None:
        extra = {k: Text(v) for k, v in event["extra"].items()}
        assert is_valid_decoded_glean_event({**event, "extra": extra}) is True
    record = legacy.event
    if type(record) is list and len(record) == 6 and record[5]:
        extra = {k: Text(v) for k, v in record[5].items()}
        assert is_valid_decoded_record([*record[:5], extra]) is True


# -- the reader takes the path -----------------------------------------------------


def _refuse(*args: object) -> Any:
    raise AssertionError(f"the reader fell back to a public validator: {args!r}")


SLOW_PATHS = [
    (pings, "is_valid_glean_event"),
    (pings, "is_valid_event"),
    (validate_glean, "is_valid_glean_event"),
    (validate_glean, "_glean_errors"),
    (validate, "is_valid_event"),
    (validate, "_event_errors"),
]


@SETTINGS
@given(
    st.lists(valid_glean_events(), max_size=8),
    st.lists(valid_events(), max_size=8),
)
def test_check_lines_validates_every_event_on_the_decoded_path(
    glean: list[Case], legacy: list[Case]
) -> None:
    """With the public validators and their full checks made to fail loudly,
    every valid Normandy event of both kinds of ping is still counted."""
    events = [c.event for c in glean if c.spec_event is not None]  # not uptake
    records = [
        c.event if type(c.event) is list else as_legacy(c.event, 0, False)
        for c in legacy
    ]
    text = [
        json.dumps({"events": events}),
        json.dumps({"payload": {"events": {"parent": records}}}),
    ]
    with contextlib.ExitStack() as stack:
        for module, name in SLOW_PATHS:
            stack.enter_context(mock.patch.object(module, name, _refuse))
        tally = pings.check_lines(enumerate(text, 1), None, None)
    assert tally.valid_events == len(events) + len(records)
    assert sum(tally.dead_letters.values()) == 0


def test_a_mapping_in_a_legacy_array_is_not_a_record() -> None:
    event = nt.events.addon_rollout.enroll(
        value="rollout", addon_id="addon@example.com", addon_version="1.0"
    )
    assert nt.is_valid_event(event)
    line = json.dumps({"id": "p", "payload": {"events": {"parent": [event]}}})
    dead: list[str] = []
    tally = pings.check_lines([(1, line)], None, dead.append)
    assert tally.valid_events == 0
    [letter] = [json.loads(text) for text in dead]
    assert letter["kind"] == "ping" and letter["record"] == event
    assert letter["errors"] == [
        {"path": "payload.events.parent[0]", "message": pings.NOT_A_RECORD}
    ]


# -- uptake sources, matched once ------------------------------------------------------


@given(
    st.sampled_from(uptake_values()),
    st.sampled_from(["", "0" * 200, "/x", "Action"]),
)
def test_a_remembered_source_is_the_matched_one(
    report: tuple[str, str], suffix: str
) -> None:
    source, status = report
    key = source + suffix
    matched = validate._match_source(key)
    for _ in range(2):  # the first time matched, then remembered
        found = validate.uptake_source(key)
        assert found is (None if matched is None else matched[0])
        valid = not list(nt.iter_uptake_errors(key, status))
        assert validate.is_valid_uptake(key, status) is valid
    assert validate.uptake_source(Text(key)) is found


def test_a_long_key_is_not_kept() -> None:
    key = "normandy/recipe/" + "7" * 500
    validate._remembered_source.cache_clear()
    assert validate.uptake_source(key) is not None
    assert validate.is_valid_uptake(key, "success")
    assert validate._remembered_source.cache_info().currsize == 0
    assert validate.uptake_source("normandy/recipe/7") is not None
    assert validate._remembered_source.cache_info().currsize == 1
