"""The JSON Schema documents: valid draft 2020-12, one dispatch branch per
object and per method, every event's keys from the spec, usable by fastjsonschema
one event at a time, and patterns that mean the same in Python and ECMA 262."""

from __future__ import annotations

import json
import re
from typing import Any

import ecma
import fastjsonschema
import jsonschema
import normandy_telemetry as nt
import pytest
from strategies import MODEL
from support import GENERATED

from codegen.targets.json_schema import END, whole

SCHEMAS = GENERATED / "schemas"
NAMES = ("events", "uptake", "scalars")
UUID = "5912ade2-8201-4774-a09d-807731afb9a8"


def load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"normandy-{name}.schema.json").read_text("utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_each_document_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = load(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(schema)[0] == "$comment"
    assert (
        "spec/normandy.yaml" in schema["$comment"]
        and "Do not edit" in schema["$comment"]
    )


def test_the_events_schema_dispatches_on_object_then_method() -> None:
    schema = load("events")
    defs = schema["$defs"]
    assert schema["if"] == {"type": "array"}
    assert schema["then"] == {"$ref": "#/$defs/legacy_event"} and schema["else"] == {
        "$ref": "#/$defs/event"
    }
    objects = MODEL.events.objects
    for shape, suffix in (("event", ".events"), ("legacy_event", ".legacy_events")):
        branches = defs[shape]["allOf"]
        assert len(branches) == len(objects)
        for branch, obj in zip(branches, objects):
            assert branch["then"] == {"$ref": f"#/$defs/{obj.name}{suffix}"}
            methods = defs[obj.name + suffix]["allOf"]
            assert len(methods) == len(obj.events)
            consts = [json.dumps(m["if"]) for m in methods]
            assert all(
                f'"const": "{e.method}"' in c for c, e in zip(consts, obj.events)
            )


@pytest.mark.parametrize("event", list(MODEL.events.all), ids=lambda e: e.ident)
def test_each_event_has_its_own_definition_with_the_spec_keys(event: Any) -> None:
    definition = load("events")["$defs"][event.ident]
    properties = definition["properties"]
    assert properties["method"] == {"const": event.method} and properties["object"] == {
        "const": event.object
    }
    assert definition["additionalProperties"] is False
    extra = properties["extra"]
    names = [k.name for k in event.extra]
    legacy = [k.legacy_name for k in event.extra if k.legacy_name]
    assert list(extra["properties"]) == [
        n for k in event.extra for n in (k.name, k.legacy_name) if n
    ]
    assert set(names) | set(legacy) == set(extra["properties"])
    always = [k.name for k in event.extra if k.required and not k.legacy_name]
    assert extra.get("required", []) == always
    for key in event.extra:
        schema = extra["properties"][key.name]
        if key.allowed:
            assert schema["enum"] == list(key.allowed_values)
        elif key.format == "enrollment_id":
            assert schema["$ref"] == "#/$defs/enrollment_id"
        else:
            assert schema["maxLength"] == key.max_length


def _fastjsonschema_for(schema: dict[str, Any], ident: str) -> Any:
    return fastjsonschema.compile({**schema["$defs"][ident], "$defs": schema["$defs"]})


def test_fastjsonschema_compiles_every_event_definition_and_agrees() -> None:
    schema = load("events")
    for event in MODEL.events.all:
        validate = _fastjsonschema_for(schema, event.ident)
        sample = {
            "category": "normandy",
            "method": event.method,
            "object": event.object,
            "value": "v",
            "extra": {},
        }
        for key in event.extra:
            if key.required:
                sample["extra"][key.name] = (
                    key.allowed_values[0]
                    if key.allowed
                    else UUID if key.format else "x"
                )
        for candidate in (
            sample,
            {**sample, "value": "v" * 81},
            {**sample, "extra": {**sample["extra"], "nope": "x"}},
            {**sample, "extra": None},
        ):
            try:
                validate(candidate)
                verdict = True
            except fastjsonschema.JsonSchemaValueException:
                verdict = False
            assert verdict is nt.is_valid_event(candidate), (event.ident, candidate)


def test_the_uptake_schema_leaves_other_uptake_extras_alone() -> None:
    validator = jsonschema.Draft202012Validator(load("uptake"))
    assert validator.is_valid(
        {
            "source": "normandy/recipe/12",
            "value": "sign_error",
            "trigger": "timer",
            "age": "3",
        }
    )
    assert not validator.is_valid({"source": "normandy/recipe/12"})
    assert not validator.is_valid(
        {"source": "normandy/recipe/12\n", "value": "success"}
    )


def test_the_scalars_schema_checks_a_keyed_scalars_section() -> None:
    validator = jsonschema.Draft202012Validator(load("scalars"))
    assert validator.is_valid(
        {
            "normandy.recipe_freshness": {"12": 1_700_000_000, "13": 0},
            "other.scalar": {"x": -1},
        }
    )
    assert not validator.is_valid({"normandy.recipe_freshness": {"12": -1}})
    assert not validator.is_valid({"normandy.recipe_freshness": {"12\n": 1}})
    assert not validator.is_valid({"normandy.recipe_freshness": {"12": 2**32}})


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


@pytest.mark.parametrize("name", NAMES)
def test_patterns_compile_in_python_and_in_a_javascript_engine(name: str) -> None:
    """Each pattern compiles in Python and in QuickJS with the u flag (as Ajv
    runs them); tests/unit/test_patterns.py shows they then mean the same."""
    patterns = _patterns(load(name))
    assert patterns
    for pattern in patterns:
        re.compile(pattern)
        assert ecma.compiles(pattern), pattern
        # Anchored at both ends, and never with a bare $ (which Python also
        # matches before a final newline) unless the length is pinned too.
        assert pattern.startswith("^")
        assert pattern.endswith(END) or pattern.endswith("{12}$"), pattern


def test_whole_anchors_a_spec_pattern_at_both_ends() -> None:
    assert whole("^[0-9]+$") == "^(?:[0-9]+)" + END
    assert whole("a|b") == "^(?:a|b)" + END
    assert re.search(whole("a|b"), "ab") is None and re.search(whole("a|b"), "b")
    assert re.search(whole("^[0-9]+$"), "12\n") is None


@pytest.mark.parametrize("name", ["events", "glean-events"])
def test_the_schema_says_what_maxlength_cannot_check(name: str) -> None:
    """Firefox's limits count bytes of UTF-8; maxLength counts characters. A
    value of 41 two-byte characters passes the schema and is refused by the
    validators, and the schema's description says so."""
    schema = load(name)
    assert "count bytes of UTF-8" in schema["description"]
    validator = jsonschema.Draft202012Validator(schema)
    text = "é" * 41  # 41 characters, 82 bytes
    if name == "events":
        event: Any = {
            "category": "normandy",
            "method": "enrollFailed",
            "object": "preference_study",
            "value": text,
            "extra": {"reason": "name-conflict"},
        }
        assert validator.is_valid(event) and not nt.is_valid_event(event)
        assert not validator.is_valid({**event, "value": "x" * 81})
    else:
        event = {
            "category": "normandy",
            "name": "enroll_failed_preference_study",
            "timestamp": 0,
            "extra": {"reason": "name-conflict", "value": text},
        }
        assert validator.is_valid(event) and not nt.is_valid_glean_event(event)
