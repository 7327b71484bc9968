"""JSON Schema documents for events, uptake reports and scalars, and the render
model of the typed event builders.

The schemas are plain data built from the model; the templates under
``templates/schemas/`` only serialise them. The builder modules grow with the
number of events, so black never sees them (``Target(black=False)``): this
module computes every line whose layout depends on its length, the way black
would lay it out, and every Python literal, so the templates only place them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from black.strings import normalize_string_quotes, str_width

from codegen.literals import generated_notice, json_text
from codegen.model import Event, EventObject, ExtraKey, Spec, core_pattern, snake_case

DRAFT = "https://json-schema.org/draft/2020-12/schema"
LINE_LENGTH = 88  # black's, as codegen.formatting.BLACK_MODE uses it
UUID_PATTERN = (
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
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
    return generated_notice(spec.label)


def _ecma_escape(text: str) -> str:
    """Escape ``text`` for a regular expression in ECMA 262 (``u`` mode) and Python."""
    return _ECMA_SPECIAL.sub(r"\\\1", text)


def whole(pattern: str) -> str:
    """A spec pattern (anchored with ``^...$`` or not) that must match a whole string."""
    return "^(?:" + core_pattern(pattern) + ")" + END


# -- events ---------------------------------------------------------------------


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _key_schema(key: ExtraKey) -> dict[str, Any]:
    schema: dict[str, Any] = {"description": key.description}
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


def _extra_schema(event: Event) -> dict[str, Any]:
    legacy = _legacy_names(event)
    properties: dict[str, Any] = {}
    for key in event.extra:
        properties[key.name] = _key_schema(key)
        if key.name in legacy:
            properties[legacy[key.name]] = {
                **_key_schema(key),
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


def _event_schema(spec: Spec, event: Event) -> dict[str, Any]:
    required = ["category", "method", "object", "value"]
    if _requires_extra(event):
        required.append("extra")
    return {
        "title": f"{event.ident}: {event.title}",
        "description": event.description,
        "type": "object",
        "required": required,
        "properties": {
            "category": {"const": spec.events.category},
            "method": {"const": event.method},
            "object": {"const": event.object},
            "value": {
                "description": event.value,
                "type": "string",
                "maxLength": spec.events.value_max_length,
            },
            "extra": _extra_schema(event),
        },
        "additionalProperties": False,
    }


def _legacy_then(event: Event) -> dict[str, Any]:
    then: dict[str, Any] = {
        "prefixItems": [
            True,
            True,
            True,
            True,
            True,
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
                {"type": "string", "maxLength": events.value_max_length},
            ],
            "allOf": _dispatch(objects, _by_index(3), ".legacy_events"),
        },
        "timestamp": {
            "description": "Milliseconds since the process started: a non-negative integer.",
            "type": "integer",
            "minimum": 0,
        },
        "enrollment_id": {
            "description": spec.enrollment_id.description
            + " "
            + spec.enrollment_id.upload_disabled,
            "anyOf": [
                {"const": spec.enrollment_id.filler},
                {
                    "type": "string",
                    "minLength": 36,
                    "maxLength": 36,
                    "pattern": UUID_PATTERN,
                },
            ],
        },
    }
    for obj in objects:
        defs[f"{obj.name}.events"] = _methods(
            obj, _by_key("method"), lambda e: _ref(e.ident)
        )
        defs[f"{obj.name}.legacy_events"] = _methods(obj, _by_index(2), _legacy_then)
    for event in events.all:
        defs[event.ident] = _event_schema(spec, event)
    return {
        "$comment": _notice(spec),
        "$schema": DRAFT,
        "title": f"{spec.title}: events",
        "description": (
            f"Every event in the {events.category} category, either as a mapping "
            "{category, method, object, value, extra} or as Firefox's legacy event record "
            "[timestamp, category, method, object, value, extra]. extra may be absent or null "
            "when the event has no key that is always sent. Patterns end with (?![\\s\\S]) "
            "rather than $, which in Python also matches before a final newline."
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


def uptake_schema(spec: Spec) -> dict[str, Any]:
    """An uptake report as the extras ``source`` and ``value`` of Firefox's uptake event."""
    branches = []
    for source in spec.uptake.sources:
        values = list(
            dict.fromkeys(v for s in source.statuses for v in s.reported_values)
        )
        pattern = _source_pattern(
            source.key, source.placeholder.pattern if source.placeholder else None
        )
        branches.append(
            {
                "title": f"{source.title} ({source.key})",
                "properties": {
                    "source": {"pattern": pattern},
                    "value": {"enum": values},
                },
            }
        )
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


def scalars_schema(spec: Spec) -> dict[str, Any]:
    """The Normandy entries of a ping's ``keyedScalars`` section."""
    defs = {
        scalar.ident: {
            "description": f"{scalar.description} Keys: {scalar.key.description} Values: {scalar.value}",
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


# -- typed builders -------------------------------------------------------------

# Names a builder function must not take: the module uses them.
RESERVED_FUNCTIONS = frozenset({"str", "annotations"})


_PLAIN = re.compile(r"[^\\'\"\x00-\x1f\x7f-\xa0\xad\u2028\u2029]*")


def py_string(text: str) -> str:
    """A string literal exactly as black writes it."""
    if _PLAIN.fullmatch(text) and text.isprintable():
        return '"' + text + '"'  # what repr() and black agree on, without asking black
    return normalize_string_quotes(repr(text))


def _fits(line: str) -> bool:
    return (len(line) if line.isascii() else str_width(line)) <= LINE_LENGTH


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _doc_text(text: str) -> str:
    """Prose made safe for a docstring black leaves alone: whitespace collapsed,
    backslashes, quote runs and control characters escaped."""
    text = " ".join(text.split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@cache
def _wrapper(width: int) -> re.Pattern[str]:
    return re.compile(rf"(.{{1,{width}}})(?: |$)|(\S+)(?: |$)")


@cache
def _fill(text: str, first: str, rest: str, width: int = 79) -> tuple[str, ...]:
    """Word-wrap ``text`` after the indentation ``first``, continuing after ``rest``.

    Every line gets the width the longer indentation leaves (black never
    rewraps a docstring, so lines need only be short, not as full as they could
    be); one regular expression does the work, which ``textwrap`` takes ten
    times longer to do. Descriptions repeat across events, hence the cache."""
    pattern = _wrapper(width - max(len(first), len(rest)))
    chunks = [a or b for a, b in pattern.findall(_doc_text(text))]
    if not chunks:
        return (first.rstrip(),)
    return (first + chunks[0], *(rest + chunk for chunk in chunks[1:]))


class Builder(NamedTuple):
    """One builder function, every piece ready to place."""

    function: str
    docstring: str
    params: tuple[str, ...]
    """Whole parameter lines, indented, each with its trailing comma."""
    method: str
    object: str
    value_param: str
    extra: tuple[tuple[str, str], ...]
    """(key literal, parameter name) in spec order."""


@dataclass(frozen=True)
class BuilderModule:
    name: str
    docstring_text: str
    aliases: tuple[str, ...]
    """Module-level ``Name = Literal[...]`` statements, each complete."""
    builders: tuple[Builder, ...]

    @property
    def uses_literal(self) -> bool:
        return any("Literal[" in a for a in self.aliases) or any(
            "Literal[" in p for b in self.builders for p in b.params
        )


def _always(key: ExtraKey) -> bool:
    """``key.required``, without the model's chain of properties (hot in large specs)."""
    return not (key.when or key.channels or key.optional)


def builder_name(method: str) -> str:
    """The builder function of ``method``: its snake_case name, with ``_`` after
    a name the module needs for itself (``str``)."""
    name = snake_case(method)
    return name + "_" if name in RESERVED_FUNCTIONS else name


def _camel(name: str) -> str:
    return "".join(
        part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part
    )


def _literal(values: tuple[str, ...]) -> str:
    return "Literal[" + ", ".join(py_string(v) for v in values) + "]"


def _alias_statement(name: str, values: tuple[str, ...]) -> str:
    one_line = f"{name} = {_literal(values)}"
    if _fits(one_line):
        return one_line
    body = [f"    {py_string(v)}," for v in values]
    if len(values) == 1:
        body[0] = body[0][:-1]  # black adds no magic trailing comma to one element
    return "\n".join([f"{name} = Literal[", *body, "]"])


def value_parameter(taken: Collection[str]) -> str:
    """The keyword that takes the event's value: ``value``, unless an extra key
    already has that Python name.

    The value's description names what it holds (``the slug of the study``),
    but a name derived from prose would change whenever a description is
    reworded, which the spec diff counts as documentation only; ``value`` is
    stable and is what Glean calls it. ``taken``: the extra keys' Python names."""
    name = "value"
    while name in taken:
        name = "event_" + name
    return name


def _presence_note(key: ExtraKey) -> str:
    if key.when:
        parts = []
        for condition in key.when:
            values = " or ".join(f'"{v}"' for v in condition.values)
            parts.append(f"{condition.key} is {values}")
        return f" Sent only when {' and '.join(parts)}; leave it None otherwise."
    if key.channels:
        return f" Sent only on {', '.join(key.channels)}; may be None."
    if key.optional:
        return " May be None."
    return ""


def _key_doc(key: ExtraKey, name: str, first: str, rest: str) -> list[str]:
    text = f"{name}: {key.description}{_presence_note(key)}"
    if key.format == "enrollment_id":
        text += " A UUID without braces, or the enrollment-ID filler."
    elif key.truncate:
        text += f" Longer values are cut to {key.truncate} characters."
    elif not key.allowed:
        text += f" At most {key.max_length} characters."
    lines = list(_fill(text + (" One of:" if key.allowed else ""), first, rest))
    if key.allowed:
        lines.append("")
        for allowed in key.allowed:
            item = f"- ``{py_string(allowed.value)}``: {allowed.description}"
            lines += _fill(item, rest, rest + "  ")
        lines.append("")
    return lines


def _builder_docstring(
    spec: Spec, event: Event, value_param: str, names: list[str]
) -> str:
    pad = "    "
    opening = pad + '"""'
    lines = list(_fill(f"Build {event.ident}: {event.title}.", opening, pad))
    lines[0] = lines[0][len(opening) :]
    if lines[0].startswith('"'):
        lines[0] = " " + lines[0]  # as black pads a docstring that starts with a quote
    lines += ["", *_fill(event.description, pad, pad)]
    if event.correction:
        lines += ["", *_fill("Correction of the seed: " + event.correction, pad, pad)]
    lines += ["", pad + "Args:"]
    value_doc = f"{event.value} At most {spec.events.value_max_length} characters."
    lines += _fill(f"{value_param}: {value_doc}", pad * 2, pad * 3)
    for key, name in zip(event.extra, names):
        lines += _key_doc(key, name, pad * 2, pad * 3)
    if lines[-1] == "":
        lines.pop()
    lines += [
        "",
        pad + "Returns:",
        *_fill(f"The event {event.ident} as a mapping.", pad * 2, pad * 3),
        "",
        pad + "Raises:",
        *_fill("ValidationError: a value the spec does not allow.", pad * 2, pad * 3),
    ]
    return '"""' + "\n".join(lines) + "\n" + pad + '"""'


def _param_line(name: str, annotation: str, optional: bool) -> str:
    suffix = " | None = None" if optional else ""
    return f"    {name}: {annotation}{suffix},"


def _builders(spec: Spec, obj: EventObject) -> BuilderModule:
    # Two methods with one snake_case name (aBC, aBc) are refused when the model
    # is built (they would also share an EventMethod constant), so no two
    # builders of a module share a name.
    aliases: list[str] = []
    alias_names: set[str] = set()
    builders = []
    for event in obj.events:
        function = builder_name(event.method)
        names = [snake_case(key.name) for key in event.extra]
        value_param = value_parameter(names)
        params = ["    *,", _param_line(value_param, "str", False)]
        for key, name in zip(event.extra, names):
            optional = not _always(key)
            annotation = (
                _literal(tuple(a.value for a in key.allowed)) if key.allowed else "str"
            )
            line = _param_line(name, annotation, optional)
            if not _fits(line):
                alias = base = _camel(event.method) + _camel(key.name)
                number = 1
                while alias in alias_names:
                    number += 1
                    alias = f"{base}{number}"
                alias_names.add(alias)
                aliases.append(
                    _alias_statement(alias, tuple(a.value for a in key.allowed))
                )
                line = _param_line(name, alias, optional)
                if not _fits(
                    line
                ):  # what black does with an annotation too long to fit
                    default = " = None" if optional else ""
                    inner = f"{alias} | None" if optional else alias
                    line = f"    {name}: (\n        {inner}\n    ){default},"
            params.append(line)
        builders.append(
            Builder(
                function=function,
                docstring=_builder_docstring(spec, event, value_param, names),
                params=tuple(params),
                method=py_string(event.method),
                object=py_string(event.object),
                value_param=value_param,
                extra=tuple(
                    (py_string(key.name), name) for key, name in zip(event.extra, names)
                ),
            )
        )
    text = (
        f"Typed builders for the {obj.name} events: {obj.title}.\n\n"
        "Each function takes the event's value and extra keys as keyword arguments, applies "
        "the truncations the spec documents, and returns the event as a mapping, or raises "
        "ValidationError for a value the spec does not allow."
    )
    return BuilderModule(obj.name, text, tuple(aliases), tuple(builders))


def package_context(spec: Spec) -> dict[str, Any]:
    """The builder package's ``__init__``: its submodules, and ``__all__`` as black writes it."""
    names = sorted(obj.name for obj in spec.events.objects)
    return {"submodules": names, "exports": [py_string(name) for name in names]}


def builder_context(spec: Spec) -> dict[str, Any]:
    """``modules``: the render model of every builder module, by object name."""
    return {"modules": {obj.name: _builders(spec, obj) for obj in spec.events.objects}}
