"""The generated validators, the JSON Schema (through ``jsonschema``, with its
patterns read by Python's ``re`` and by QuickJS as ECMA-262, as validators in
other languages read them) and the typed builders agree on every event the
spec's strategies make, valid or broken; and no input of any kind makes a
validator misbehave."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import ecma
import jsonschema
import normandy_telemetry as nt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from normandy_telemetry import events as builders
from strategies import (
    EVENTS,
    GENERATED_PATH,
    SETTINGS,
    Case,
    any_events,
    disguised,
    json_values,
    mutated_events,
    python_name,
    uuids,
    valid_events,
    within_bytes,
)

from codegen.targets.python.builders import builder_name

SCHEMAS = GENERATED_PATH / "schemas"


def _schema(name: str) -> Any:
    return json.loads((SCHEMAS / f"normandy-{name}.schema.json").read_text("utf-8"))


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema(name))


EVENT_SCHEMA = _validator("events")
UPTAKE_SCHEMA = _validator("uptake")
SCALARS_SCHEMA = _validator("scalars")
# The same documents with every pattern run by a JavaScript engine (ECMA-262).
ECMA_EVENT_SCHEMA = ecma.EcmaValidator(_schema("events"))
ECMA_UPTAKE_SCHEMA = ecma.EcmaValidator(_schema("uptake"))
ECMA_SCALARS_SCHEMA = ecma.EcmaValidator(_schema("scalars"))


def test_the_package_under_test_is_the_one_generated_with_the_schemas() -> None:
    assert (GENERATED_PATH / "normandy_telemetry") in Path(nt.__file__).parents


def verdicts(event: Any) -> dict[str, bool]:
    """What each way of checking says about ``event``."""
    errors = list(nt.iter_event_errors(event))
    try:
        nt.validate_event(event)
        raised = False
    except nt.ValidationError as error:
        raised = True
        assert list(error.errors) == errors
    return {
        "is_valid_event": nt.is_valid_event(event),
        "iter_event_errors": not errors,
        "validate_event": not raised,
        "jsonschema": EVENT_SCHEMA.is_valid(event),
        "jsonschema, ECMA-262 patterns": ECMA_EVENT_SCHEMA.is_valid(event),
    }


def assert_agree(case: Case) -> bool:
    found = verdicts(case.event)
    assert len(set(found.values())) == 1, f"{case}: {found}"
    return found["jsonschema"]


@SETTINGS
@given(valid_events())
def test_valid_events_are_valid_everywhere(case: Case) -> None:
    assert assert_agree(case) is True


@SETTINGS
@given(mutated_events())
def test_mutated_events_get_the_same_verdict_everywhere(case: Case) -> None:
    assert_agree(case)


# Mutations that always break an event whatever was drawn before them.
ALWAYS_INVALID = {
    "overlong_value",
    "wrong_type_value",
    "wrong_type_extra",
    "wrong_category",
    "unknown_method",
    "bad_length",
}


@SETTINGS
@given(mutated_events())
def test_breaking_mutations_are_caught(case: Case) -> None:
    if case.fault in ALWAYS_INVALID:
        assert not nt.is_valid_event(case.event), case
        assert list(nt.iter_event_errors(case.event)), case


def _builder_call(case: Case) -> tuple[Any, dict[str, Any]] | None:
    """The builder and its keyword arguments that describe ``case.event``, when
    a builder can express it (known event, known keys, the mapping shape)."""
    event = case.event
    if not isinstance(event, dict) or set(event) - {
        "category",
        "method",
        "object",
        "value",
        "extra",
    }:
        return None
    if event.get("category") != nt.CATEGORY or "value" not in event:
        return None
    spec_event = next(
        (
            e
            for e in EVENTS
            if (e.method, e.object) == (event.get("method"), event.get("object"))
        ),
        None,
    )
    extra = event.get("extra")
    if spec_event is None or not isinstance(extra, (dict, type(None))):
        return None
    names = {k.name: python_name(k.name) for k in spec_event.extra}
    names.update({k.legacy_key: python_name(k.name) for k in spec_event.extra})
    if set(extra or {}) - set(names) or len({names[k] for k in extra or {}}) < len(
        extra or {}
    ):
        return None
    module = getattr(builders, spec_event.object)
    function = getattr(module, builder_name(spec_event.method))
    kwargs = {names[key]: value for key, value in (extra or {}).items()}
    kwargs["value"] = event["value"]
    return function, kwargs


def _as_built(event: dict[str, Any]) -> dict[str, Any]:
    """What a builder makes of ``event``: None drops a key, truncation applies."""
    spec_event = next(
        e for e in EVENTS if (e.method, e.object) == (event["method"], event["object"])
    )
    keys = {k.legacy_key: k for k in spec_event.extra} | {
        k.name: k for k in spec_event.extra
    }
    extra = {}
    for name, value in (event.get("extra") or {}).items():
        if value is None:
            continue
        key = keys[name]  # builders send Firefox's name, and cut what the sender cuts
        extra[key.legacy_key] = (
            value[: key.truncate] if key.truncate and isinstance(value, str) else value
        )
    return {**event, "extra": extra}


@SETTINGS
@given(any_events())
def test_builders_accept_exactly_what_the_validators_accept(case: Case) -> None:
    call = _builder_call(case)
    if call is None:
        return
    function, kwargs = call
    expected = _as_built(case.event)
    should_pass = nt.is_valid_event(expected)
    assert should_pass == EVENT_SCHEMA.is_valid(expected)
    assert should_pass == ECMA_EVENT_SCHEMA.is_valid(expected)
    try:
        built = function(**kwargs)
    except TypeError as error:  # Python itself refuses a call without a required key
        assert "required keyword-only argument" in str(error)
        assert not should_pass, f"{case}: builder cannot express a valid event"
        return
    except nt.ValidationError as error:
        assert not should_pass, f"{case}: builder refused a valid event: {error}"
        # The validator's errors, each about an extra key naming its keyword.
        assert [
            (e.path, e.message.split(" (keyword argument ")[0]) for e in error.errors
        ] == [(e.path, e.message) for e in nt.iter_event_errors(expected)]
        return
    assert should_pass, f"{case}: builder accepted an invalid event"
    assert built == expected
    assert nt.is_valid_event(built) and EVENT_SCHEMA.is_valid(built)


@SETTINGS
@given(st.data())
def test_builders_cut_what_the_spec_says_the_sender_cuts(data: st.DataObject) -> None:
    truncating = [(e, k) for e in EVENTS for k in e.extra if k.truncate]
    assert truncating, "the spec documents preferenceBranch's truncation"
    event, key = data.draw(st.sampled_from(truncating))
    case = data.draw(
        valid_events(events=(event,)).filter(lambda c: isinstance(c.event, dict))
    )
    extra = dict(case.event.get("extra") or {})
    if key.name not in extra:
        return
    extra[key.name] = data.draw(
        st.text(min_size=key.truncate + 1, max_size=key.truncate + 50)
    )
    kwargs = {python_name(name): value for name, value in extra.items()}
    built = getattr(getattr(builders, event.object), builder_name(event.method))(
        value=case.event["value"], **kwargs
    )
    # Cut to the limit in bytes of UTF-8 at a character's start, as Firefox
    # cuts it, and sent under Firefox's name.
    assert built["extra"][key.legacy_key] == within_bytes(extra[key.name], key.truncate)
    unbuilt = {**case.event, "extra": extra}
    assert not nt.is_valid_event(unbuilt) and not EVENT_SCHEMA.is_valid(unbuilt)


# -- uptake and scalars ---------------------------------------------------------------

SOURCE_KEYS = st.one_of(
    st.just("normandy/runner"),
    st.builds(
        lambda s: "normandy/action/" + s,
        st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
    ),
    st.builds(
        lambda s: "normandy/recipe/" + s, st.from_regex(r"[0-9]+", fullmatch=True)
    ),
    st.sampled_from(
        [
            "normandy/recipe/",
            "normandy/recipe/12\n",
            "normandy/action/Foo",
            "normandy/runner/",
            "normandy/recipe/1a",
            "normandy/action/-x",
            "normandy/recipe/\u0661\u0662",  # Arabic-Indic digits: \\d told them apart
            "normandy/recipe/12\r",
            "normandy/action/a\u2028b",
        ]
    ),
    st.text(max_size=30),
)
STATUSES = st.one_of(
    st.sampled_from(
        sorted(
            {v for s in nt.uptake.SOURCES.values() for v in s.values}
            | {"nope", "sign_error", ""}
        )
    ),
    st.text(max_size=15),
)


@SETTINGS
@given(SOURCE_KEYS, STATUSES)
def test_uptake_validators_agree_with_the_uptake_schema(
    source: str, status: str
) -> None:
    errors = list(nt.iter_uptake_errors(source, status))
    report = {"source": source, "value": status}
    schema = UPTAKE_SCHEMA.is_valid(report)
    assert nt.is_valid_uptake(source, status) is (not errors) is schema, errors
    assert ECMA_UPTAKE_SCHEMA.is_valid(report) is schema
    if not errors:
        assert nt.uptake_report(source, status) == {"source": source, "value": status}
    else:
        with pytest.raises(nt.ValidationError):
            nt.uptake_report(source, status)


KEYS = st.one_of(
    st.from_regex(r"[0-9]+", fullmatch=True),
    st.sampled_from(["", "12\n", "1.0", "-1", "x", "\u0661\u0662", "12\r"]),
    st.text(max_size=6),
)
NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=2**33),
    st.sampled_from([0, 2**32 - 1, 2**32, 1.0, 1.5, -0.0, True, False, None, "12"]),
    st.floats(allow_nan=False, allow_infinity=False),
)


@SETTINGS
@given(KEYS, NUMBERS)
def test_freshness_validators_agree_with_the_scalars_schema(
    key: str, value: Any
) -> None:
    errors = list(nt.iter_recipe_freshness_errors(key, value))
    scalars = {"normandy.recipe_freshness": {key: value}}
    schema = SCALARS_SCHEMA.is_valid(scalars)
    assert nt.is_valid_recipe_freshness(key, value) is (not errors) is schema, errors
    assert ECMA_SCALARS_SCHEMA.is_valid(scalars) is schema


# -- fuzz: anything at all --------------------------------------------------------------


def check_total(value: Any) -> None:
    """Every validator returns a bool or raises ValidationError, and the three
    forms of each agree."""
    for is_valid, iterate, validate, args in (
        (nt.is_valid_event, nt.iter_event_errors, nt.validate_event, (value,)),
        (nt.is_valid_uptake, nt.iter_uptake_errors, nt.validate_uptake, (value, value)),
        (
            nt.is_valid_uptake,
            nt.iter_uptake_errors,
            nt.validate_uptake,
            ("normandy/runner", value),
        ),
        (
            nt.is_valid_recipe_freshness,
            nt.iter_recipe_freshness_errors,
            nt.validate_recipe_freshness,
            (value, value),
        ),
        (
            nt.is_valid_recipe_freshness,
            nt.iter_recipe_freshness_errors,
            nt.validate_recipe_freshness,
            ("1", value),
        ),
    ):
        verdict = is_valid(*args)
        assert type(verdict) is bool
        errors = list(iterate(*args))
        assert all(
            type(e) is nt.FieldError and type(e.path) is str and type(e.message) is str
            for e in errors
        )
        try:
            validate(*args)
        except nt.ValidationError as error:
            assert list(error.errors) == errors and errors
            str(error)
        else:
            assert not errors
        assert verdict is (not errors), (args, errors)


@SETTINGS
@given(json_values)
def test_any_json_value_gets_one_verdict_everywhere(value: Any) -> None:
    check_total(value)
    assert nt.is_valid_event(value) is EVENT_SCHEMA.is_valid(value)


def _shaped(values: Any) -> Any:
    """JSON values in an event's shape, to get past the first checks."""
    return st.one_of(
        st.builds(
            lambda m, o, v, x: {
                "category": "normandy",
                "method": m,
                "object": o,
                "value": v,
                "extra": x,
            },
            st.sampled_from([e.method for e in EVENTS]),
            st.sampled_from([e.object for e in EVENTS]),
            values,
            values,
        ),
        st.builds(
            lambda t, m, o, v, x: [t, "normandy", m, o, v, x],
            values,
            st.sampled_from([e.method for e in EVENTS]),
            st.sampled_from([e.object for e in EVENTS]),
            values,
            values,
        ),
    )


@SETTINGS
@given(_shaped(json_values))
def test_event_shaped_json_gets_one_verdict_everywhere(value: Any) -> None:
    check_total(value)
    assert nt.is_valid_event(value) is EVENT_SCHEMA.is_valid(value)


@SETTINGS
@given(
    st.one_of(st.floats(), st.integers(min_value=-(2**70), max_value=2**70), uuids())
)
def test_numbers_and_edge_floats_as_timestamps(number: Any) -> None:
    spec_event = EVENTS[-1]
    extra = {
        k.name: (
            k.allowed_values[0]
            if k.allowed
            else nt.ENROLLMENT_ID_FILLER if k.format else "x"
        )
        for k in spec_event.extra
        if k.required
    }
    event = [number, nt.CATEGORY, spec_event.method, spec_event.object, "slug", extra]
    check_total(event)
    if not (isinstance(number, float) and math.isnan(number)):
        assert nt.is_valid_event(event) is EVENT_SCHEMA.is_valid(event)


# -- subclasses are read as json.dumps writes them (issue 14) ---------------------------


def _as_json(value: Any) -> Any | None:
    """What json.dumps writes of ``value``, read back; None when it cannot be
    written, or when it writes one key twice (JSON readers disagree on those)."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        return None

    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise KeyError("repeated")
        return dict(pairs)

    try:
        return json.loads(text, object_pairs_hook=no_repeats)
    except KeyError:
        return None


@SETTINGS
@given(st.data())
def test_subclasses_get_the_verdict_of_what_json_dumps_writes(
    data: st.DataObject,
) -> None:
    case = data.draw(any_events())
    value = data.draw(disguised(case.event))
    written = _as_json(value)
    check_total(value)
    errors = [(e.path, e.message) for e in nt.iter_event_errors(value)]
    if written is None:
        assert errors, "json.dumps cannot write it, or writes a key twice"
        return
    assert nt.is_valid_event(value) is nt.is_valid_event(written)
    assert errors == [(e.path, e.message) for e in nt.iter_event_errors(written)]
