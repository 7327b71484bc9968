"""What the documentation pages say about each item, beyond its own text.

The facts of an event and of an extra key are field lists made here rather
than in the templates: a large spec has tens of thousands of them, and one
call that joins a few strings costs a tenth of a dozen template expressions.
Everything here is built from escaped pieces (``rst``), never from raw spec
text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codegen.format_language import iter_records
from codegen.model import (
    AllowedValue,
    Correction,
    EnrollmentId,
    Event,
    EventObject,
    Events,
    ExtraKey,
    Scalar,
    Spec,
    Status,
    UptakeSource,
    correction_title,
    describe_presence,
    only_in_firefox,
    snake_case,
)
from codegen.spec_format import FORMAT_VERSION, SPEC_FORMAT
from codegen.targets import json_schema
from codegen.targets.docs.names import GleanPlace, SiteNames
from codegen.targets.docs.rst import (
    inline,
    label,
    literal,
    pyref,
    ref,
    text,
    title,
    wrap,
)
from codegen.targets.python.builders import builder_name
from codegen.targets.python.layout import python_literal


def builder(event: Event) -> str:
    """A cross-reference to the event's typed builder in ``normandy_telemetry.events``."""
    function = builder_name(event.method)
    return pyref(
        f"normandy_telemetry.events.{event.object}.{function}", "func", parts=3
    )


def key_refs(event: Event) -> str:
    """Links to every extra key of ``event``, or ``none`` (ending a list item)."""
    refs = ", ".join(ref(label((event, key)), key.name) for key in event.extra)
    return wrap(refs, 2) if refs else "none"


def enrollment_id_carriers(events: Events) -> str:
    """Links to every extra key that carries an enrollment ID, as the body of
    the field ``:Declared on:`` (a large spec has thousands: wrapped)."""
    refs: list[str] = []
    added = 0
    for obj in events.objects:
        for event in obj.events:
            for key in event.extra:
                if key.format == "enrollment_id":
                    link = ref(label((event, key)), f"{obj.name} {event.method}")
                    if only_in_firefox(key, event, obj):
                        # The document counts its own: a reader compares.
                        link += " (only in Firefox)"
                        added += 1
                    refs.append(link)
    if not refs:
        return "no event."
    total = count(len(refs), "one event", "{n} events")
    if added:
        total += f", {count(added, 'one', '{n}')} of them only in Firefox"
    return wrap(f"{_and(refs)}: {total}.", 3)


def glean(event: Event) -> str:
    """The event's Glean metric: ``normandy.<method in snake_case>_<object>``."""
    return f"{event.category}.{event.glean_name}"


def count(number: int, one: str, many: str) -> str:
    """``the value below`` for 1, ``one of the 3 values below`` for 3: wording that
    fits the number (``many`` has ``{n}`` where the number goes)."""
    return one if number == 1 else many.format(n=number)


def fields(rows: list[tuple[str, str]]) -> str:
    """A field list; each body's later lines (paragraphs) indented under it, and
    any line docutils would find too long (a list that grows with the spec)
    wrapped."""
    lines = []
    for name, body in rows:
        first, *rest = body.split("\n")
        lines.append(wrap(f":{name}: {first}", 3))
        for line in rest:
            if not line.strip():
                lines.append("")
                continue
            own = len(line) - len(line.lstrip(" "))
            lines += [f"   {part}" for part in wrap(line, own).split("\n")]
    return "\n".join(lines)


def _codes(values: Iterable[str]) -> str:
    return ", ".join(literal(v) for v in values)


def _glean_place(place: GleanPlace) -> str:
    tags = f" (tag {_codes(place.tags)})" if place.tags else ""
    return f"in Firefox's {literal(place.firefox_file)}{tags}"


NO_FIREFOX_FILES = (
    "not generated: the spec has no ``metadata:``, which Firefox's files need"
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

    return describe_presence(key, name, value)  # wrapped by fields()


def _formerly(renamed_from: str | None) -> list[tuple[str, str]]:
    return [("Formerly", literal(renamed_from))] if renamed_from else []


def event_facts(event: Event, names: SiteNames, value_max_length: int) -> str:
    """The field list under an event's title: its names in every output, and limits."""
    method, obj = event.method, event.object
    snake = snake_case(method)
    catalog = "normandy_telemetry.catalog"
    value = text(event.value) + f"\n\nAt most {value_max_length} bytes of UTF-8."
    if event.value_optional:
        value += " Firefox sends some of these events without a value."
    rows = [
        (
            "Event",
            f"{literal(event.legacy_id)}: category {literal(event.category)},"
            f" method {literal(method)}, object {literal(obj)}",
        ),
        ("Value", value),
    ]
    place = names.glean_of(event)
    if not names.spec.has_firefox_metadata:
        rows.append(("Glean metric", NO_FIREFOX_FILES))
    elif place is None:
        rows.append(
            (
                "Glean metric",
                "none; Firefox records this event in legacy telemetry only",
            )
        )
    else:
        own = {key.legacy_key for key in event.extra}
        shared = [key for key in place.extra_keys if key not in own]
        body = (
            f"{literal(place.metric)}, an event metric {_glean_place(place)}. The event's"
            f" value is its extra key ``value``"
        )
        if shared:
            body += (
                f"; like every {literal(method)} metric, it also declares the keys of the"
                f" method's other events: {_codes(shared)}"
            )
        rows.append(("Glean metric", body + "."))
    mirror = names.mirror_of(event)
    if mirror:
        rows.append(
            (
                "Telemetry mirror",
                f"{literal(mirror)}: the legacy event that Firefox's Glean layer records"
                " too (the metric's ``telemetry_mirror``)",
            )
        )
    entry = names.entry_of(event)
    if not names.spec.has_firefox_metadata:
        rows.append(("Events.yaml", NO_FIREFOX_FILES))
    elif entry is None:
        rows.append(("Events.yaml", "none; Firefox records this event in Glean only"))
    else:
        rows.append(
            (
                "Events.yaml",
                f"entry {literal(entry)} (method {literal(method)}, object {literal(obj)})",
            )
        )
    rows += [
        (
            "JSON Schema",
            literal(json_schema.event_pointer(event))
            + (
                f"; in Glean, {literal(json_schema.glean_event_pointer(event))}"
                if event.in_glean
                else ""
            ),
        ),
        (
            "Python",
            f"builder {builder(event)}; constants"
            f" {pyref(f'{catalog}.EventObject.{obj.upper()}', 'attr', 2)} and"
            f" {pyref(f'{catalog}.EventMethod.{snake.upper()}', 'attr', 2)};"
            f" {literal(f'get_event({method!r}, {obj!r})')} (module {pyref(catalog, 'mod', 2)})",
        ),
        *_formerly(event.renamed_from),
    ]
    return fields(rows)


def in_document(*items: object) -> bool:
    """Whether Normandy's data-collection document has all of ``items`` (none
    records a ``firefox_source``)."""
    return not only_in_firefox(*items)


def key_facts(
    key: ExtraKey, obj: EventObject, event: Event, names: SiteNames, filler: str
) -> str:
    """The field list of an extra key: presence, values, limits, names."""
    if key.allowed:
        where = "above" if key.leads_into_values else "below"
        values = count(
            len(key.allowed), f"the value {where}", f"one of the {{n}} values {where}"
        )
    elif key.format == "enrollment_id":
        values = f"an :ref:`enrollment ID <enrollment-ids>`, or {literal(filler)} while Telemetry upload is disabled"
    elif key.examples:
        values = "any string, for example " + " or ".join(
            literal(example) for example in key.examples
        )
    else:
        values = "any string"
    limit = f"at most {key.max_length} bytes of UTF-8"
    if key.truncate:
        limit += f"; the sender cuts longer values to {key.truncate} bytes"
    rows = [
        ("Presence", presence((event, key))),
        ("Values", values),
        ("Limit", limit),
    ]
    recorded = key.legacy_key
    if recorded != key.name:
        whose = (
            "the data-collection document's"
            if in_document(obj, event, key)
            else "the spec's"
        )
        rows.append(
            (
                "Recorded as",
                f"{literal(recorded)} in ``Events.yaml`` and in Glean, and what the"
                f" builders send (the name above is {whose}; the validators accept either)",
            )
        )
    place = names.glean_of(event)
    if place is not None:
        rows.append(
            ("Glean", f"extra key {literal(recorded)} of {literal(place.metric)}")
        )
    rows += [
        (
            "JSON Schema",
            " and ".join(literal(p) for p in json_schema.key_pointers(event, key)),
        ),
        (
            "Python",
            f"keyword argument {literal(snake_case(key.name))} of {builder(event)}",
        ),
        *_formerly(key.renamed_from),
    ]
    return fields(rows)


def notes(item: object, *outer: object) -> str:
    """What a page says beside an item: that only Firefox has it, and where the
    spec corrects the data-collection document or Firefox's definitions
    (every page's, through the filter ``rst_notes``). ``outer``: the items it
    belongs to; where one of them is only in Firefox already, this says only
    which Firefox file has the item."""
    blocks = []
    source = getattr(item, "firefox_source", None)
    if source and only_in_firefox(*outer):
        # What it belongs to is marked so already: only where this comes from.
        blocks.append(f"Firefox defines or sends this in {literal(source)}.")
    elif source:
        blocks.append(
            ".. admonition:: Only in Firefox\n\n"
            "   Normandy's data-collection document does not have this; Firefox defines"
            f" or sends it in\n   {literal(source)}."
        )
    correction = getattr(item, "correction", None)
    if correction:
        blocks.append(
            f".. admonition:: {correction_title(item, *outer)}\n\n"
            f"   {text(correction, 3)}"
        )
    return "\n\n".join(blocks)


def corrected_below(item: object, *outer: object) -> str:
    """A line to put before an item's text when a correction of it follows
    further down (a phone reader met the document's words a few screens
    before the correction): which text the correction corrects. Empty when
    there is none; ``outer[0]``'s correction counts (an object's, on each
    of its events)."""
    for corrected in (item, *outer[:1]):
        if getattr(corrected, "correction", None):
            rest = outer[1:] if corrected is outer[0] else outer
            return f"*{correction_title(corrected, *rest)} below.*"
    return ""


def key_section(
    key: ExtraKey, obj: EventObject, event: Event, names: SiteNames, filler: str
) -> str:
    """An extra key's section, its allowed values included: one call per key
    rather than a few dozen template expressions (a large spec has tens of
    thousands of keys)."""
    about = [key_facts(key, obj, event, names, filler)]
    if key.firefox_source or key.correction:
        about.append(notes(key, obj, event))
    values = []
    for allowed in key.allowed:
        body = [text(allowed.description, 3), *value_notes(allowed, obj, event, key)]
        values += [
            names.value_names(event, key, allowed).directive(),
            literal(allowed.value) + "\n   " + "\n\n   ".join(body),
        ]
    # The document's "Possible values are:" leads into the values themselves.
    leads_in = key.leads_into_values
    marker = corrected_below(key, obj, event) if key.correction else ""
    return "\n\n".join(
        [
            names.key_names(event, key).directive(),
            title(key.name, "^", code=True),
            *([marker] if marker else []),
            text(key.description),
            *((values + about) if leads_in else (about + values)),
        ]
    )


def value_notes(allowed: AllowedValue, *outer: object) -> list[str]:
    """What follows an allowed value's meaning: where Firefox has it, corrections,
    its former name (each a paragraph). ``outer``: the items it belongs to."""
    notes = []
    if allowed.firefox_source:
        notes.append(f"*Only in Firefox:* {literal(allowed.firefox_source)}")
    if allowed.correction:
        heading = correction_title(allowed, *outer)
        notes.append(f"*{heading}:* {text(allowed.correction, 3)}")
    if allowed.renamed_from:
        notes.append(f"*Formerly:* {literal(allowed.renamed_from)}")
    return notes


def object_facts(obj: EventObject, names: SiteNames) -> str:
    catalog = "normandy_telemetry.catalog"
    rows = [
        ("Object", literal(obj.name)),
        (
            "Python",
            f"{pyref(f'{catalog}.EventObject.{obj.name.upper()}', 'attr', 2)}; builders"
            f" in {pyref(f'normandy_telemetry.events.{obj.name}', 'mod', 2)}",
        ),
        (
            "JSON Schema",
            " and ".join(literal(p) for p in json_schema.object_pointers(obj)),
        ),
        *_formerly(obj.renamed_from),
    ]
    return fields(rows)


def source_facts(source: UptakeSource, spec: Spec) -> str:
    rows = [("Key", literal(source.key))]
    if source.placeholder:
        placeholder = source.placeholder
        rows.append(
            (
                "Placeholder",
                f"{literal('<' + placeholder.name + '>')}: {text(placeholder.description)}"
                f"\n\nEvery real value matches the regular expression {literal(placeholder.pattern)}.",
            )
        )
    if source.shared_values:
        shared = [
            f"{literal(value)} for {_and([ref(label(s), s.constant) for s in statuses], 'both ')}"
            for value, statuses in source.shared_values
        ]
        these = "this value" if len(shared) == 1 else "these values"
        rows.append(
            (
                "Shared values",
                f"Firefox reports {'; '.join(shared)}. A count of {these} cannot"
                " tell those statuses apart.",
            )
        )
    rows += [
        (
            "Python",
            f"{pyref('normandy_telemetry.uptake.' + source.enum_name, 'class', 2)},"
            f" {literal('normandy_telemetry.uptake.SOURCES[' + python_literal(source.name) + ']')}",
        ),
        ("JSON Schema", literal(json_schema.source_pointer(spec, source))),
        *_formerly(source.renamed_from),
    ]
    return fields(rows)


def _and(items: list[str], two: str = "") -> str:
    """``a``, ``a and b`` (after ``two``), ``a, b and c``."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{two}{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + " and " + items[-1]


def status_facts(
    status: Status, source: UptakeSource, spec: Spec, names: SiteNames
) -> str:
    legal = set(spec.uptake.legal_values)
    value = literal(status.value)
    if status.value not in legal:
        value += ", which Firefox's ``UptakeTelemetry.STATUS`` does not have"
    rows = [("Telemetry value", value)]
    if status.firefox_value:
        rows.append(("Firefox sends", literal(status.firefox_value)))
    if status.firefox_name:
        rows.append(
            (
                "Firefox name",
                f"{literal(status.firefox_name)}, the constant's name in Firefox's"
                f" ``Uptake.sys.mjs``",
            )
        )
    rows.append(("Key", literal(source.key)))
    uptake = names.uptake_glean_names()
    if uptake is not None and uptake.own is not None:
        values = " or ".join(literal(v) for v in status.reported_values)
        rows.append(
            (
                "Glean",
                f"the event :ref:`{uptake.own.name} <uptake-glean>` with ``source``"
                f" the key and ``value`` {values}",
            )
        )
    python = [
        pyref(f"normandy_telemetry.uptake.{status.constant}", "data", 2),
        pyref(
            f"normandy_telemetry.uptake.{source.enum_name}.{status.constant}", "attr", 3
        ),
    ]
    if status.firefox_name:
        python.append(
            pyref(f"normandy_telemetry.uptake.{status.firefox_name}", "data", 2)
        )
    rows += [("Python", ", ".join(python)), *_formerly(status.renamed_from)]
    return fields(rows)


def scalar_facts(scalar: Scalar, names: SiteNames) -> str:
    rows = [
        ("Kind", f"{literal(scalar.kind)}: one number per key"),
        (
            "Key",
            f"the {inline(scalar.key.name)}.\n\n{text(scalar.key.description)}"
            f"\n\nEvery real key matches the regular expression {literal(scalar.key.pattern)}.",
        ),
        ("Value", text(scalar.value)),
        ("Unit", literal(scalar.unit)),
    ]
    place = names.glean_of(scalar)
    if names.legacy_scalars:
        rows.append(
            (
                "Scalars.yaml",
                f"{literal(scalar.short_name)} in category {literal(scalar.category)},"
                " a keyed ``uint``",
            )
        )
    if place is not None:
        rows += [
            (
                "Glean metric",
                f"{literal(place.metric)}, a {literal(scalar.glean_type)} whose labels are"
                f" the keys, {_glean_place(place)}",
            ),
            (
                "Telemetry mirror",
                f"{literal(scalar.telemetry_mirror)}: the legacy scalar that Firefox's Glean"
                " layer records too (the metric's ``telemetry_mirror``)",
            ),
        ]
    elif not names.spec.has_firefox_metadata:
        rows.append(("Glean and Scalars.yaml", NO_FIREFOX_FILES))
    ident = scalar.ident
    rows += [
        ("JSON Schema", literal(json_schema.scalar_pointer(scalar))),
        (
            "Python",
            ", ".join(
                [
                    pyref(f"normandy_telemetry.catalog.{ident.upper()}", "data", 2),
                    pyref(
                        f"normandy_telemetry.validate_scalars.validate_{ident}",
                        "func",
                        1,
                    ),
                    pyref(
                        f"normandy_telemetry.validate_scalars.iter_{ident}_errors",
                        "func",
                        1,
                    ),
                    pyref(
                        f"normandy_telemetry.validate_scalars.is_valid_{ident}",
                        "func",
                        1,
                    ),
                ]
            ),
        ),
    ]
    return fields(rows)


def uptake_glean_facts(spec: Spec, names: SiteNames) -> str:
    uptake = spec.uptake.glean
    place = names.glean_of(uptake) if uptake else None
    assert uptake is not None and place is not None
    rows = [
        (
            "Glean metric",
            f"{literal(place.metric)}, an event metric {_glean_place(place)}",
        )
    ]
    if uptake.telemetry_mirror:
        rows.append(
            (
                "Telemetry mirror",
                f"{literal(uptake.telemetry_mirror)}: the legacy event that Firefox's Glean"
                " layer records too (the metric's ``telemetry_mirror``)",
            )
        )
    rows += [
        (
            "JSON Schema",
            f"{literal(json_schema.UPTAKE_SCHEMA)}, a report's ``source`` and ``value``"
            + (
                f"; the whole event, {literal(glean_pointer)}"
                if (glean_pointer := json_schema.glean_uptake_pointer(spec))
                else ""
            ),
        ),
        (
            "Python",
            ", ".join(
                pyref(f"normandy_telemetry.validate.{name}", "func", 1)
                for name in (
                    "uptake_report",
                    "validate_uptake",
                    "iter_uptake_errors",
                    "is_valid_uptake",
                )
            ),
        ),
    ]
    return fields(rows)


def uptake_values(spec: Spec) -> str:
    """What the Uptake page says of the values, true of every status: the legal
    values, and each status whose documented value is not one of them."""
    legal = set(spec.uptake.legal_values)
    outside = [
        (source, status)
        for source, status in spec.uptake.statuses
        if status.value not in legal
    ]
    sentence = (
        "Firefox's ``UptakeTelemetry.STATUS`` accepts these telemetry values: "
        + _codes(spec.uptake.legal_values)
        + "."
    )
    if not outside:
        return sentence + " Every status's telemetry value is one of them."
    listed = []
    for _, status in outside:
        sent = (
            f", which Firefox sends as {literal(status.firefox_value)}"
            if status.firefox_value
            else ""
        )
        listed.append(
            f"{literal(status.value)}, the value Normandy's data-collection document gives"
            f" {ref(label(status), status.constant)}{sent}"
        )
    together = (
        listed[0]
        if len(listed) == 1
        else "; ".join(listed[:-1]) + "; and " + listed[-1]
    )
    return (
        sentence
        + " Every status's telemetry value is one of them, except "
        + together
        + ". The spec keeps the document's "
        + count(len(listed), "value", "values")
        + " (see "
        + ref("corrections", "the corrections")
        + ")."
    )


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
