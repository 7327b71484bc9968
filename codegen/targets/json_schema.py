"""The JSON Schema output: documents for events, uptake reports and scalars.

The schemas are plain data built from the model; the templates under
``templates/json_schema/`` only serialise them, so every document is laid out
by one function (``literals.json_text``). Patterns end with ``(?![\\s\\S])``
rather than ``$``, which in Python also matches before a final newline.
"""

from __future__ import annotations

import re
from typing import Any

from codegen.literals import generated_notice, json_text
from codegen.model import (
    Event,
    EventObject,
    ExtraKey,
    Scalar,
    Spec,
    UptakeSource,
    core_pattern,
    corrected,
    event_corrected,
    named_correction,
)
from codegen.targets.base import Output, Target

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BYTE_LIMITS = (
    "Firefox's length limits count bytes of UTF-8; maxLength counts characters, so it"
    " refuses every text Firefox would cut but lets through a text that is short in"
    " characters and long in bytes, which normandy_telemetry's validators refuse."
)
UINT_MAX = 4294967295
# Ends a pattern at the end of the string in ECMA 262 and in Python alike:
# Python's ``$`` also matches before a final newline, and jsonschema and
# fastjsonschema use ``re.search``.
END = "(?![\\s\\S])"
_ECMA_SPECIAL = re.compile(r"([\\^$.*+?()\[\]{}|/])")


def json_document(value: Any, inline_depth: int = 3, indent: int = 2) -> str:
    """A schema document: one definition's keyword per line (see ``literals.json_text``)."""
    return json_text(value, indent, inline_depth)


def _notice(spec: Spec) -> str:
    return generated_notice(spec.header_name, spec.version)


def _ecma_escape(text: str) -> str:
    """Escape ``text`` for a regular expression in ECMA 262 (``u`` mode) and Python."""
    return _ECMA_SPECIAL.sub(r"\\\1", text)


def whole(pattern: str) -> str:
    """A spec pattern (anchored with ``^...$`` or not) that must match a whole string."""
    return "^(?:" + core_pattern(pattern) + ")" + END


# -- events ---------------------------------------------------------------------


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _key_schema(key: ExtraKey, *outer: object) -> dict[str, Any]:
    """``outer``: the event and object, for the headings of corrections."""
    # the meaning of each allowed value too (the data-collection document's
    # text), and the corrections, as in Firefox's own files
    lines = [key.value_line(a) for a in key.allowed]
    text = key.with_values(lines) + key.value_corrections(*outer)
    schema: dict[str, Any] = {"description": corrected(text, key, *outer)}
    if key.allowed:
        schema["enum"] = list(key.allowed_values)
    elif key.format == "enrollment_id":
        if key.max_length >= 36:
            schema.update(_ref("enrollment_id"))
        else:
            schema["allOf"] = [_ref("enrollment_id"), {"maxLength": key.max_length}]
    else:
        schema.update({"type": "string", "maxLength": key.max_length})
    if key.examples:
        schema["examples"] = list(key.examples)
    return schema


def _legacy_names(event: Event) -> dict[str, str]:
    """Key name -> the name Firefox records it under, where they differ: a
    record may use either, never both."""
    return {
        k.name: k.legacy_name
        for k in event.extra
        if k.legacy_name and k.legacy_name != k.name
    }


def _present(name: str, legacy: dict[str, str]) -> dict[str, Any]:
    if name in legacy:
        return {"anyOf": [{"required": [name]}, {"required": [legacy[name]]}]}
    return {"required": [name]}


def _condition(key: ExtraKey, legacy: dict[str, str]) -> dict[str, Any]:
    tests = []
    for condition in key.when:
        names = [condition.key] + (
            [legacy[condition.key]] if condition.key in legacy else []
        )
        one = [
            {"properties": {n: {"enum": list(condition.values)}}, "required": [n]}
            for n in names
        ]
        tests.append(one[0] if len(one) == 1 else {"anyOf": one})
    test = tests[0] if len(tests) == 1 else {"allOf": tests}
    if len(tests) == 1 and key.when[0].key not in legacy:
        when = {c.key: {"enum": list(c.values)} for c in key.when}
        test = {"properties": when, "required": list(when)}
    return {
        "if": test,
        "then": _present(key.name, legacy),
        "else": {"not": _present(key.name, legacy)},
    }


def _requires_extra(event: Event) -> bool:
    return any(key.required for key in event.extra)


def _extra_schema(event: Event, obj: EventObject) -> dict[str, Any]:
    legacy = _legacy_names(event)
    properties: dict[str, Any] = {}
    for key in event.extra:
        properties[key.name] = _key_schema(key, event, obj)
        if key.name in legacy:
            properties[legacy[key.name]] = {
                **properties[key.name],
                "description": f"{key.name}, as Firefox records it.",
            }
    schema: dict[str, Any] = {
        "type": "object" if _requires_extra(event) else ["object", "null"],
        "properties": properties,
    }
    required = [
        key.name for key in event.extra if key.required and key.name not in legacy
    ]
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    rules = [
        _present(k.name, legacy) for k in event.extra if k.required and k.name in legacy
    ]
    rules += [{"not": {"required": [name, other]}} for name, other in legacy.items()]
    rules += [_condition(key, legacy) for key in event.extra if key.when]
    if rules:
        schema["allOf"] = rules
    return schema


def _event_description(event: Event, obj: EventObject) -> str:
    """The event's description with its correction and its object's."""
    return event_corrected(event.description, event, obj)


def _event_schema(spec: Spec, event: Event, obj: EventObject) -> dict[str, Any]:
    required = ["category", "method", "object", "value"]
    if _requires_extra(event):
        required.append("extra")
    return {
        "title": f"{event.ident}: {event.title}",
        "description": _event_description(event, obj),
        "type": "object",
        "required": required,
        "properties": {
            "category": {"const": spec.events.category},
            "method": {"const": event.method},
            "object": {"const": event.object},
            "value": {
                "description": event.value,
                "type": ["string", "null"] if event.value_optional else "string",
                "maxLength": spec.events.value_max_length,
            },
            "extra": _extra_schema(event, obj),
        },
        "additionalProperties": False,
    }


def _legacy_then(event: Event) -> dict[str, Any]:
    value = _ref(f"{event.ident}/properties/value")
    then: dict[str, Any] = {
        "prefixItems": [
            True,
            True,
            True,
            True,
            value,
            _ref(f"{event.ident}/properties/extra"),
        ]
    }
    if _requires_extra(event):
        then["minItems"] = 6
    return then


def _dispatch(
    objects: tuple[EventObject, ...], object_at: Any, suffix: str
) -> list[dict[str, Any]]:
    """``if object is o: see #/$defs/o<suffix>``, one branch per object."""
    return [
        {"if": object_at({"const": obj.name}), "then": _ref(obj.name + suffix)}
        for obj in objects
    ]


def _methods(obj: EventObject, method_at: Any, then: Any) -> dict[str, Any]:
    """The method is one of the object's, and ``if method is m: then(event)``."""
    return {
        **method_at({"enum": [e.method for e in obj.events]}),
        "allOf": [
            {"if": method_at({"const": e.method}), "then": then(e)} for e in obj.events
        ],
    }


def _by_key(name: str) -> Any:
    return lambda schema: {"properties": {name: schema}, "required": [name]}


def _by_index(index: int) -> Any:
    return lambda schema: {"prefixItems": [True] * index + [schema]}


def _enrollment_id(spec: Spec) -> dict[str, Any]:
    return {
        "description": corrected(
            f"{spec.enrollment_id.description} {spec.enrollment_id.upload_disabled}",
            spec.enrollment_id,
        ),
        "anyOf": [
            {"const": spec.enrollment_id.filler},
            {
                "type": "string",
                "minLength": 36,
                "maxLength": 36,
                "pattern": spec.enrollment_id.pattern,
            },
        ],
    }


def events_schema(spec: Spec) -> dict[str, Any]:
    """One JSON Schema (draft 2020-12) for every Normandy event, in both shapes.

    It dispatches on the object, then on the method, with ``if``/``then`` and
    ``const``, so a validator looks at one branch per level rather than trying
    every event. Each event's mapping shape is also a definition of its own
    (``#/$defs/<object>.<method>``), for a pipeline that dispatches itself.
    """
    events = spec.events
    objects = events.objects
    defs: dict[str, Any] = {
        "event": {
            "description": "An event as a mapping.",
            "type": "object",
            "required": ["category", "method", "object", "value"],
            "properties": {"object": {"enum": [o.name for o in objects]}},
            "allOf": _dispatch(objects, _by_key("object"), ".events"),
        },
        "legacy_event": {
            "description": "Firefox's legacy event record: [timestamp, category, method, object, value, extra].",
            "type": "array",
            "minItems": 5,
            "maxItems": 6,
            "prefixItems": [
                _ref("timestamp"),
                {"const": events.category},
                {"type": "string"},
                {"enum": [o.name for o in objects]},
                {"type": ["string", "null"], "maxLength": events.value_max_length},
            ],
            "allOf": _dispatch(objects, _by_index(3), ".legacy_events"),
        },
        "timestamp": {
            "description": "Milliseconds since the process started: a non-negative integer.",
            "type": "integer",
            "minimum": 0,
        },
        "enrollment_id": _enrollment_id(spec),
    }
    for obj in objects:
        defs[f"{obj.name}.events"] = _methods(
            obj, _by_key("method"), lambda e: _ref(e.ident)
        )
        defs[f"{obj.name}.legacy_events"] = _methods(obj, _by_index(2), _legacy_then)
    for obj in objects:
        for event in obj.events:
            defs[event.ident] = _event_schema(spec, event, obj)
    return {
        "$comment": _notice(spec),
        "$schema": DRAFT,
        "title": f"{spec.title}: events",
        "description": (
            f"Every event in the {events.category} category, either as a mapping "
            "{category, method, object, value, extra} or as Firefox's legacy event record "
            "[timestamp, category, method, object, value, extra]. extra may be absent or null "
            "when the event has no key that is always sent. Patterns end with (?![\\s\\S]) "
            "rather than $, which in Python also matches before a final newline. "
            + BYTE_LIMITS
        ),
        "if": {"type": "array"},
        "then": _ref("legacy_event"),
        "else": _ref("event"),
        "$defs": defs,
    }


# -- uptake and scalars -------------------------------------------------------------


def _source_pattern(key: str, placeholder_pattern: str | None) -> str:
    if placeholder_pattern is None:
        return "^" + _ecma_escape(key) + END
    prefix = key.split("<", 1)[0]
    return "^" + _ecma_escape(prefix) + whole(placeholder_pattern).removeprefix("^")


def _uptake_branches(spec: Spec) -> list[dict[str, Any]]:
    """One branch per source: its key pattern and the values it reports."""
    branches = []
    for source in spec.uptake.sources:
        values = list(
            dict.fromkeys(v for s in source.statuses for v in s.reported_values)
        )
        pattern = _source_pattern(
            source.key, source.placeholder.pattern if source.placeholder else None
        )
        # The source's text from the data-collection document leads into its
        # statuses ("one of the following statuses is reported under the key
        # ...:"): each with its value, its text, Firefox's value where it
        # differs, then the corrections, as in Firefox's metrics.yaml.
        statuses = "\n".join(
            f"- `{status.value}`: {status.constant}"
            + (" (only in Firefox)" if status.firefox_source else "")
            + f". {' '.join(status.description.split())}"
            + (
                f" Firefox sends `{status.firefox_value}`."
                if status.firefox_value
                else ""
            )
            for status in source.statuses
        ) + "".join(
            named_correction(status, status.constant, source)
            for status in source.statuses
        )
        description = " ".join(source.description.split()) + "\n" + statuses
        branches.append(
            {
                "title": f"{source.title} ({source.key})",
                "description": corrected(description, source),
                "properties": {
                    "source": {"pattern": pattern},
                    "value": {"enum": values},
                },
            }
        )
    return branches


def uptake_schema(spec: Spec) -> dict[str, Any]:
    """An uptake report as the extras ``source`` and ``value`` of Firefox's uptake event."""
    branches = _uptake_branches(spec)
    return {
        "$comment": _notice(spec),
        "$schema": DRAFT,
        "title": f"{spec.title}: uptake reports",
        "description": (
            spec.uptake.description
            + " A report is the pair (source, value) that Uptake Telemetry records; other extras"
            " that Uptake Telemetry adds for every component are not constrained here."
        ),
        "type": "object",
        "required": ["source", "value"],
        "properties": {
            "source": {"description": "The uptake key.", "type": "string"},
            "value": {
                "description": "The telemetry value of the status.",
                "type": "string",
            },
        },
        "anyOf": branches,
    }


# -- Glean event objects ----------------------------------------------------------

GLEAN_VALUE_KEY = "value"
GLEAN_TIMESTAMP_KEY = "glean_timestamp"
GLEAN_TIMESTAMP_DIGITS = 20


def _glean_condition(key: ExtraKey, firefox: dict[str, str]) -> dict[str, Any]:
    when = {firefox[c.key]: {"enum": list(c.values)} for c in key.when}
    present = {"required": [key.legacy_key]}
    return {
        "if": {"properties": when, "required": list(when)},
        "then": present,
        "else": {"not": present},
    }


def _glean_extra(spec: Spec, event: Event, obj: EventObject) -> dict[str, Any]:
    """The ``extra`` of the event's Glean object: its value as ``value``, its
    keys under Firefox's names only, and the Glean SDK's ``glean_timestamp``."""
    value = {
        "description": event.value,
        "type": "string",
        "maxLength": spec.events.value_max_length,
    }
    properties: dict[str, Any] = {GLEAN_VALUE_KEY: value}
    for key in event.extra:
        properties[key.legacy_key] = _key_schema(key, event, obj)
    properties[GLEAN_TIMESTAMP_KEY] = _ref("glean_timestamp")
    required = [] if event.value_optional else [GLEAN_VALUE_KEY]
    required += [key.legacy_key for key in event.extra if key.required]
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    firefox = {key.name: key.legacy_key for key in event.extra}
    rules = [_glean_condition(key, firefox) for key in event.extra if key.when]
    if rules:
        schema["allOf"] = rules
    return schema


def _glean_event(spec: Spec, event: Event, obj: EventObject) -> dict[str, Any]:
    extra = _glean_extra(spec, event, obj)
    schema: dict[str, Any] = {
        "title": f"{event.category}.{event.glean_name}: {event.title}",
        "description": f"{_event_description(event, obj)}\n\nIn legacy Telemetry:"
        f" {event.legacy_id}.",
        "properties": {"extra": extra},
    }
    if "required" in extra:
        schema["required"] = ["extra"]
    return schema


def _glean_uptake(spec: Spec, category: str, name: str) -> dict[str, Any]:
    assert spec.uptake.glean is not None
    properties: dict[str, Any] = {
        "source": {"description": "The Uptake key.", "type": "string"},
        GLEAN_VALUE_KEY: {
            "description": "The telemetry value of the status.",
            "type": "string",
        },
    }
    for extra in spec.uptake.glean.extra:
        properties[extra.name] = {"description": extra.description, "type": "string"}
    properties[GLEAN_TIMESTAMP_KEY] = _ref("glean_timestamp")
    return {
        "title": f"{category}.{name}: uptake reports",
        "description": spec.uptake.description,
        "required": ["extra"],
        "properties": {
            "extra": {
                "type": "object",
                "properties": properties,
                "required": ["source", GLEAN_VALUE_KEY],
                "additionalProperties": False,
                "anyOf": _uptake_branches(spec),
            }
        },
    }


def _when(name: str, value: str) -> dict[str, Any]:
    return {"properties": {name: {"const": value}}, "required": [name]}


def glean_events_schema(spec: Spec) -> dict[str, Any]:
    """One event object of a Glean events ping, for every Normandy event Firefox
    records in Glean and for Normandy's uptake event. It dispatches on the
    category, then on the name; each event is also ``#/$defs/<category>.<name>``."""
    events = [
        (event, obj)
        for obj in spec.events.objects
        for event in obj.events
        if event.in_glean
    ]
    uptake = spec.uptake.glean
    defs: dict[str, Any] = {
        "glean_timestamp": {
            "description": "Added by the Glean SDK to every event: when it was recorded, in milliseconds since the epoch, as decimal text.",
            "type": "string",
            "pattern": f"^[0-9]{{1,{GLEAN_TIMESTAMP_DIGITS}}}" + END,
        },
        "enrollment_id": _enrollment_id(spec),
    }
    by_category: dict[str, list[tuple[str, str]]] = {}
    for event, obj in events:
        ident = f"{event.category}.{event.glean_name}"
        defs[ident] = _glean_event(spec, event, obj)
        by_category.setdefault(event.category, []).append((event.glean_name, ident))
    if uptake is not None:
        ident = f"{uptake.category}.{uptake.name}"
        defs[ident] = _glean_uptake(spec, uptake.category, uptake.name)
        by_category.setdefault(uptake.category, []).append((uptake.name, ident))
    dispatch = []
    for category, names in by_category.items():
        dispatch.append(
            {
                "if": _when("category", category),
                "then": {
                    "properties": {"name": {"enum": [name for name, _ in names]}},
                    "allOf": [
                        {"if": _when("name", name), "then": _ref(ident)}
                        for name, ident in names
                    ],
                },
            }
        )
    return {
        "$comment": _notice(spec),
        "$schema": DRAFT,
        "title": f"{spec.title}: events in Glean",
        "description": (
            "One event object of a Glean events ping ({category, name, timestamp, extra}), for "
            f"every {spec.events.category} event Firefox records in Glean and for Normandy's uptake "
            "event. extra carries the legacy event's value as the key value and its keys under the "
            "names Firefox sends, all strings; glean_timestamp is added by the Glean SDK. Patterns "
            "end with (?![\\s\\S]) rather than $, which in Python also matches before a final newline. "
            + BYTE_LIMITS
        ),
        "type": "object",
        "required": ["category", "name", "timestamp"],
        "properties": {
            "category": {"enum": list(by_category) or [spec.events.category]},
            "name": {"type": "string"},
            "timestamp": {
                "description": "Milliseconds since the first event of the ping: a non-negative integer.",
                "type": "integer",
                "minimum": 0,
            },
            "extra": {"type": "object"},
        },
        "additionalProperties": False,
        "allOf": dispatch,
        "$defs": defs,
    }


def scalars_schema(spec: Spec) -> dict[str, Any]:
    """The Normandy entries of a ping's ``keyedScalars`` section."""
    defs = {
        scalar.ident: {
            "description": corrected(
                f"{scalar.description} Keys: {scalar.key.description} Values: {scalar.value}",
                scalar,
            ),
            "type": "object",
            "propertyNames": {"pattern": whole(scalar.key.pattern)},
            "additionalProperties": {
                "type": "integer",
                "minimum": 0,
                "maximum": UINT_MAX,
            },
        }
        for scalar in spec.scalars
    }
    return {
        "$comment": _notice(spec),
        "$schema": DRAFT,
        "title": f"{spec.title}: keyed scalars",
        "description": "The Normandy scalars in a ping's keyedScalars section; other scalars are not constrained.",
        "type": "object",
        "properties": {scalar.name: _ref(scalar.ident) for scalar in spec.scalars},
        "$defs": defs,
    }


def _document(build: Any) -> Any:
    return lambda spec: {"document": json_document(build(spec))}


# -- where each item is described, for readers (the docs name these) -----------------

EVENTS_SCHEMA = "normandy-events.schema.json"
GLEAN_EVENTS_SCHEMA = "normandy-glean-events.schema.json"
UPTAKE_SCHEMA = "normandy-uptake.schema.json"
SCALARS_SCHEMA = "normandy-scalars.schema.json"
SHARED_EVENT_DEFS = ("event", "legacy_event", "timestamp")
"""Definitions of ``normandy-events.schema.json`` that are about no one event."""
ENROLLMENT_ID_DEF = "enrollment_id"


def pointer(document: str, *path: str) -> str:
    """``document#/a/b``: a JSON Pointer (RFC 6901) into a schema, as a URI fragment."""
    joined = "/".join(path)
    if "~" in joined or joined.count("/") != len(path) - 1:  # a part holds / or ~
        joined = "/".join(p.replace("~", "~0").replace("/", "~1") for p in path)
    return f"{document}#/{joined}"


def object_pointers(obj: EventObject) -> tuple[str, str]:
    """The definitions that dispatch an object's events, in both shapes."""
    return (
        pointer(EVENTS_SCHEMA, "$defs", f"{obj.name}.events"),
        pointer(EVENTS_SCHEMA, "$defs", f"{obj.name}.legacy_events"),
    )


def event_pointer(event: Event) -> str:
    return pointer(EVENTS_SCHEMA, "$defs", event.ident)


GLEAN_SHARED_DEFS = ("glean_timestamp", ENROLLMENT_ID_DEF)
"""Definitions of ``normandy-glean-events.schema.json`` that are about no one event."""


def glean_event_pointer(event: Event) -> str:
    """The event's Glean event object (for an event Firefox records in Glean)."""
    return pointer(GLEAN_EVENTS_SCHEMA, "$defs", f"{event.category}.{event.glean_name}")


def glean_uptake_pointer(spec: Spec) -> str | None:
    """The uptake event's Glean event object, if the spec names the event."""
    uptake = spec.uptake.glean
    if uptake is None:
        return None
    return pointer(GLEAN_EVENTS_SCHEMA, "$defs", f"{uptake.category}.{uptake.name}")


def key_pointers(event: Event, key: ExtraKey) -> tuple[str, ...]:
    """The key's property, and the one of the name Firefox records it under."""
    names = [key.name]
    if key.legacy_name and key.legacy_name != key.name:
        names.append(key.legacy_name)
    return tuple(
        pointer(
            EVENTS_SCHEMA,
            "$defs",
            event.ident,
            "properties",
            "extra",
            "properties",
            name,
        )
        for name in names
    )


def source_pointer(spec: Spec, source: UptakeSource) -> str:
    return pointer(UPTAKE_SCHEMA, "anyOf", str(spec.uptake.sources.index(source)))


def scalar_pointer(scalar: Scalar) -> str:
    return pointer(SCALARS_SCHEMA, "$defs", scalar.ident)


OUTPUT = Output(
    name="json_schema",
    summary="JSON Schema (draft 2020-12) for events in both shapes, uptake reports and the scalar",
    targets=tuple(
        Target(
            f"json_schema/{name}.schema.json.j2",
            f"schemas/{name}.schema.json",
            _document(build),
        )
        for name, build in (
            (EVENTS_SCHEMA.removesuffix(".schema.json"), events_schema),
            (GLEAN_EVENTS_SCHEMA.removesuffix(".schema.json"), glean_events_schema),
            (UPTAKE_SCHEMA.removesuffix(".schema.json"), uptake_schema),
            (SCALARS_SCHEMA.removesuffix(".schema.json"), scalars_schema),
        )
    ),
    cost=0.55,
)
