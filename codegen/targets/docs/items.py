"""What the documentation pages say about each item, beyond its own text.

The facts of an event and of an extra key are field lists made here rather
than in the templates: a large spec has tens of thousands of them, and one
call that joins a few strings costs a tenth of a dozen template expressions.
Everything here is built from escaped pieces (``rst``), never from raw spec
text.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from codegen.format_language import iter_records
from codegen.model import (
    AllowedValue,
    Correction,
    EnrollmentId,
    Event,
    ExtraKey,
    Spec,
    describe_presence,
    snake_case,
)
from codegen.spec_format import FORMAT_VERSION, SPEC_FORMAT
from codegen.targets.docs.rst import index_target, label, literal, pyref, ref, text
from codegen.targets.python.builders import builder_name


def builder(event: Event) -> str:
    """A cross-reference to the event's typed builder in ``normandy_telemetry.events``."""
    function = builder_name(event.method)
    return pyref(
        f"normandy_telemetry.events.{event.object}.{function}", "func", parts=3
    )


def key_refs(event: Event) -> str:
    """Links to every extra key of ``event``, or ``none``."""
    return (
        ", ".join(ref(label((event, key)), key.name) for key in event.extra) or "none"
    )


def glean(event: Event) -> str:
    """The event's Glean metric: ``normandy.<method in snake_case>_<object>``."""
    return f"{event.category}.{event.glean_name}"


def event_index(event: Event) -> str:
    """The event's label and index entries: method, object and Glean metric."""
    method, obj = event.method, event.object
    return index_target(
        label(event),
        [
            (method, f"{obj} event"),
            (obj, f"{method} event"),
            (glean(event), "Glean metric"),
        ],
    )


def key_index(pair: tuple[Event, ExtraKey]) -> str:
    """An extra key's label and index entries (and its legacy name, if it has one)."""
    event, key = pair
    where = f"{event.object} {event.method} extra key"
    entries = [(key.name, where)]
    if key.legacy_name:
        entries.append((key.legacy_name, f"{where} {key.name}"))
    return index_target(label(pair), entries)


def value_index(triple: tuple[Event, ExtraKey, AllowedValue]) -> str:
    event, key, allowed = triple
    return index_target(
        label(triple), [(allowed.value, f"{event.object} {event.method} {key.name}")]
    )


def presence(pair: tuple[Event, ExtraKey]) -> str:
    """When an extra key is sent: the model's sentence, with links to the keys
    and values it depends on."""
    event, key = pair
    siblings = {other.name: other for other in event.extra}

    def name(other: str) -> str:
        return ref(label((event, siblings[other])), other)

    def value(other: str, text: str) -> str:
        allowed = {a.value: a for a in siblings[other].allowed}
        return ref(label((event, siblings[other], allowed[text])), text)

    return describe_presence(key, name, value)


def event_facts(event: Event, value_max_length: int) -> str:
    """The field list under an event's title: names in every output, and limits."""
    method, obj = event.method, event.object
    snake = snake_case(method)
    catalog = "normandy_telemetry.catalog"
    limit = f"        At most {value_max_length} characters."
    if event.value_optional:
        limit += " Firefox sends some of these events without a value."
    lines = [
        f":Method: {literal(method)}",
        f":Object: {literal(obj)}",
        f":Value: {text(event.value, 8)}",
        "",
        limit,
    ]
    if event.in_glean:
        lines += [
            f":Glean metric: {literal(glean(event))}, an event metric; the event's value",
            "               is sent as its extra key ``value``",
        ]
    else:
        lines.append(
            ":Glean metric: none; Firefox records this event in legacy telemetry only"
        )
    if event.in_legacy:
        category = literal(event.category)
        lines.append(
            f":Events.yaml: category {category}, method {literal(method)}, object {literal(obj)}"
        )
    else:
        lines.append(":Events.yaml: none; Firefox records this event in Glean only")
    lines += [
        f":Python builder: {builder(event)}",
        f":Python constants: {pyref(f'{catalog}.EventObject.{obj.upper()}', 'attr', 2)},",
        f"                   {pyref(f'{catalog}.EventMethod.{snake.upper()}', 'attr', 2)},",
        f"                   {literal(f'get_event({method!r}, {obj!r})')}",
        f"                   (module {pyref(catalog, 'mod', 2)})",
    ]
    return "\n".join(lines)


@cache
def key_facts(key: ExtraKey, filler: str) -> str:
    """The field list of an extra key after its presence: values, limits, names."""
    if key.allowed:
        values = f"one of the {len(key.allowed)} values below"
    elif key.format == "enrollment_id":
        values = f"an :ref:`enrollment ID <enrollment-ids>`, or {literal(filler)}\n         while Telemetry upload is disabled"
    elif key.examples:
        values = "any string, for example " + " or ".join(
            literal(example) for example in key.examples
        )
    else:
        values = "any string"
    limit = f"at most {key.max_length} characters"
    if key.truncate:
        limit += f"; the sender cuts longer values to {key.truncate} characters"
    lines = [f":Values: {values}", f":Limit: {limit}"]
    if key.legacy_name and key.legacy_name != key.name:
        lines.append(
            f":Recorded as: {literal(key.legacy_name)} in ``Events.yaml`` and in Glean, and what the builders send (the name above is the data-collection document's)"
        )
    lines.append(
        f":Python: keyword argument {literal(snake_case(key.name))} of the builder"
    )
    return "\n".join(lines)


def labelled_corrections(spec: Spec) -> Iterator[tuple[str, Correction]]:
    """:meth:`Spec.corrections` with the label of each corrected item."""
    for correction in spec.corrections():
        item = correction.item
        yield ("enrollment-ids" if isinstance(item, EnrollmentId) else label(item)), correction  # type: ignore[arg-type]


def spec_format_context(spec: Spec) -> dict[str, object]:
    """Context of the spec-format page: every record of the format, top level first."""
    return {
        "records": list(iter_records(SPEC_FORMAT)),
        "format_version": FORMAT_VERSION,
    }


def corrections_context(spec: Spec) -> dict[str, object]:
    additions = [(label(c.item), c) for c in spec.firefox_additions()]  # type: ignore[arg-type]
    return {"corrections": list(labelled_corrections(spec)), "additions": additions}
