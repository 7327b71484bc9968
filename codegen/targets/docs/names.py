"""Every name a reader may meet for an item, across every output.

An event is ``normandy.enrollFailed#preference_study`` in Firefox's docs, the
Glean metric ``normandy.enroll_failed_preference_study``, the legacy mirror
``Normandy_Enrollfailed_PreferenceStudy``, the ``Events.yaml`` entry
``normandy.enroll_failed``, ``#/$defs/preference_study.enrollFailed`` in the
JSON Schema and ``enroll_failed()`` in Python. The pages show them all and
declare them to the site's ``telemetry`` Sphinx domain
(``docs/_ext/telemetry_domain.py``), so search finds the item by any of them,
names it with its parent, and ``objects.inv`` lists it for other sites.

The names come from the outputs' own code (``glean.glean_files``,
``legacy.legacy_entries``, ``json_schema``'s pointers), so the pages name
exactly what the outputs define; ``tests/integration/test_docs_search.py``
reads the outputs back and searches the site for every name in them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from codegen.model import (
    AllowedValue,
    Event,
    EventObject,
    ExtraKey,
    Scalar,
    Spec,
    Status,
    UptakeGlean,
    UptakeSource,
)
from codegen.targets import json_schema
from codegen.targets.docs.rst import label
from codegen.targets.glean import glean_files
from codegen.targets.legacy import legacy_entries


@dataclass(frozen=True)
class Name:
    """One name of an item, as the ``telemetry`` domain records it."""

    kind: str
    name: str
    """As ``objects.inv`` lists it and a role takes it."""
    display: str
    """What a search result and the general index show: the name, and what it
    belongs to (the site adds the kind of name)."""


@dataclass(frozen=True)
class ItemNames:
    """The names of one documented item: its own (None for a section that is
    not an item) and every other."""

    label: str
    own: Name | None
    others: tuple[Name, ...] = ()

    def directive(self) -> str:
        """The ``telemetry`` directive that declares them, which is also the
        section's label. Each name is a line of JSON, which the directive never
        reads as reStructuredText."""
        kind = self.own.kind if self.own else "names"
        lines = [f".. telemetry:{kind}:: {self.label}", ""]
        if self.own:
            lines.append("   " + _json([self.own.name, self.own.display]))
        for other in self.others:
            lines.append("   " + _json([other.kind, other.name, other.display]))
        return "\n".join(lines)


def value_name(value: str) -> str:
    """An allowed value as part of a domain name, one to one: the domain (like
    docutils) collapses the spaces of names, so ``unknown`` and ``unknown ``
    were one object, documented twice. A value spaces would change (or that
    starts with a quote) is written as a JSON string with its spaces escaped
    (``"unknown\\u0020"``); every other value, as it is."""
    if _one_line(value) == value and not value.startswith('"'):
        return value
    return json.dumps(value, ensure_ascii=True).replace(" ", "\\u0020")


def _json(row: list[str]) -> str:
    # ASCII only (json's own C encoder, as json.dumps would write it): no
    # character of spec text can end the line or the block.
    return _encode_row([_one_line(part) for part in row])


_encode_row = json.JSONEncoder(ensure_ascii=True).encode
"""One C-encoded JSON array of strings, ``["a", "b"]``; made once, not per call."""


def _one_line(text: str) -> str:
    """``text`` with every run of whitespace one space (the common case: as is)."""
    if (
        text.isprintable()
        and "  " not in text
        and text
        and text[0] != " "
        and text[-1] != " "
    ):
        return text
    return " ".join(text.split()) or "(empty)"


@dataclass(frozen=True)
class GleanPlace:
    """Where Firefox declares a Glean metric, and the extra keys it declares."""

    metric: str
    firefox_file: str
    tags: tuple[str, ...]
    extra_keys: tuple[str, ...] = ()


_LAST: list[tuple[Spec, SiteNames]] = []
"""The last spec and its names: the pages of one render share them."""


@dataclass
class SiteNames:
    """Every item's names, computed once per render (a large spec has many)."""

    spec: Spec
    glean: dict[int, GleanPlace] = field(default_factory=dict)
    """By ``id()`` of the event, scalar or uptake event: its Glean metric."""
    entries: dict[int, tuple[str, bool]] = field(default_factory=dict)
    """By ``id()`` of the event: its Events.yaml entry, and whether it is the
    entry's first event (which the entry's name points at)."""
    legacy_scalars: bool = False

    @classmethod
    def of(cls, spec: Spec) -> SiteNames:
        """The names of ``spec``'s items, computed once for all the pages of a render."""
        if _LAST and _LAST[0][0] is spec:
            return _LAST[0][1]
        names = cls._compute(spec)
        _LAST[:] = [(spec, names)]
        return names

    @classmethod
    def _compute(cls, spec: Spec) -> SiteNames:
        names = cls(spec)
        if spec.has_firefox_metadata:  # the Firefox outputs exist only then
            names.legacy_scalars = True
            for file in glean_files(spec):
                for category, metrics in file.categories:
                    for metric in metrics:
                        item = metric.item
                        keys = metric.key_names
                        names.glean[id(item)] = GleanPlace(
                            f"{category}.{_glean_short_name(item)}",
                            file.firefox_path,
                            metric.metadata.tags,
                            keys,
                        )
            for entry in legacy_entries(spec.events):
                for position, event in enumerate(entry.events):
                    names.entries[id(event)] = (
                        f"{spec.events.category}.{entry.name}",
                        position == 0,
                    )
        return names

    # -- events ------------------------------------------------------------------

    def glean_of(self, item: Event | Scalar | object) -> GleanPlace | None:
        return self.glean.get(id(item))

    def entry_of(self, event: Event) -> str | None:
        found = self.entries.get(id(event))
        return found[0] if found else None

    def mirror_of(self, event: Event) -> str | None:
        """The legacy event Firefox's Glean layer also records, when there is both."""
        if self.glean_of(event) is not None and self.entry_of(event) is not None:
            return event.telemetry_mirror
        return None

    def event_names(self, event: Event) -> ItemNames:
        qualified = event.legacy_id
        others = []
        glean = self.glean_of(event)
        if glean:
            others.append(Name("glean", glean.metric, f"{glean.metric} of {qualified}"))
        mirror = self.mirror_of(event)
        if mirror:
            others.append(Name("mirror", mirror, f"{mirror} of {qualified}"))
        found = self.entries.get(id(event))
        if found and found[1]:
            others.append(Name("entry", found[0], f"{found[0]} of {qualified}"))
        pointer = json_schema.event_pointer(event)
        others.append(Name("schema", pointer, f"{pointer} of {qualified}"))
        if event.in_glean:
            pointer = json_schema.glean_event_pointer(event)
            others.append(Name("schema", pointer, f"{pointer} of {qualified}"))
        if event.renamed_from:
            former = f"{event.renamed_from}#{event.object}"
            others.append(Name("former", former, f"{former}, now {qualified}"))
        own = Name("event", _event_name(event), qualified)
        return ItemNames(label(event), own, tuple(others))

    def key_names(self, event: Event, key: ExtraKey) -> ItemNames:
        parent = event.legacy_id
        base = _event_name(event)
        own = Name("extra", f"{base}.{key.name}", f"{key.name} of {parent}")
        others = []
        if key.legacy_name and key.legacy_name != key.name:
            others.append(
                Name(
                    "firefox",
                    f"{base}.{key.legacy_name}",
                    f"{key.legacy_name} of {parent}",
                )
            )
        for pointer in json_schema.key_pointers(event, key):
            others.append(Name("schema", pointer, f"{pointer} of {parent}"))
        if key.renamed_from:
            others.append(
                Name(
                    "former",
                    f"{base}.{key.renamed_from}",
                    f"{key.renamed_from}, now {key.name} of {parent}",
                )
            )
        return ItemNames(label((event, key)), own, tuple(others))

    def value_names(
        self, event: Event, key: ExtraKey, allowed: AllowedValue
    ) -> ItemNames:
        parent = event.legacy_id
        base = f"{_event_name(event)}.{key.name}="
        own = Name(
            "value",
            base + value_name(allowed.value),
            f"{key.name}={allowed.value} of {parent}",
        )
        others = []
        if allowed.renamed_from:
            others.append(
                Name(
                    "former",
                    base + value_name(allowed.renamed_from),
                    f"{key.name}={allowed.renamed_from}, now {allowed.value} of {parent}",
                )
            )
        return ItemNames(label((event, key, allowed)), own, tuple(others))

    def object_names(self, obj: EventObject) -> ItemNames:
        own = Name("object", obj.name, obj.name)
        others = [
            Name("schema", pointer, f"{pointer} of {obj.name}")
            for pointer in json_schema.object_pointers(obj)
        ]
        if obj.renamed_from:
            others.append(
                Name("former", obj.renamed_from, f"{obj.renamed_from}, now {obj.name}")
            )
        return ItemNames(label(obj), own, tuple(others))

    def shared_event_names(self) -> ItemNames:
        """The events schema's definitions of no one event (the events page's opening)."""
        document = json_schema.EVENTS_SCHEMA
        return ItemNames(
            "events-everywhere",
            None,
            tuple(
                Name(
                    "schema",
                    pointer := json_schema.pointer(document, "$defs", name),
                    f"{pointer} of every {self.spec.events.category} event",
                )
                for name in json_schema.SHARED_EVENT_DEFS
            )
            + tuple(
                Name(
                    "schema",
                    pointer := json_schema.pointer(
                        json_schema.GLEAN_EVENTS_SCHEMA, "$defs", name
                    ),
                    f"{pointer} of every {self.spec.events.category} event in Glean",
                )
                for name in json_schema.GLEAN_SHARED_DEFS
            ),
        )

    def enrollment_id_names(self) -> ItemNames:
        pointer = json_schema.pointer(
            json_schema.EVENTS_SCHEMA, "$defs", json_schema.ENROLLMENT_ID_DEF
        )
        return ItemNames(
            "enrollment-ids",
            None,
            (Name("schema", pointer, f"{pointer} of enrollment IDs"),),
        )

    # -- uptake and scalars --------------------------------------------------------

    def source_names(self, source: UptakeSource) -> ItemNames:
        own = Name("source", source.name, source.key)
        pointer = json_schema.source_pointer(self.spec, source)
        others = [Name("schema", pointer, f"{pointer} of {source.key}")]
        if source.renamed_from:
            others.append(
                Name(
                    "former",
                    source.renamed_from,
                    f"{source.renamed_from}, now {source.key}",
                )
            )
        return ItemNames(label(source), own, tuple(others))

    def status_names(self, source: UptakeSource, status: Status) -> ItemNames:
        constant = status.constant
        own = Name("status", constant, f"{constant} of {source.key}")
        others = [
            Name("uptake-value", f"{value} of {constant}", f"{value} of {constant}")
            for value in status.reported_values
        ]
        if status.firefox_name:
            others.append(
                Name(
                    "firefox",
                    status.firefox_name,
                    f"{status.firefox_name} of {source.key}",
                )
            )
        if status.renamed_from:
            others.append(
                Name(
                    "former",
                    status.renamed_from,
                    f"{status.renamed_from}, now {constant} of {source.key}",
                )
            )
        return ItemNames(label(status), own, tuple(others))

    def scalar_names(self, scalar: Scalar) -> ItemNames:
        others = []
        glean = self.glean_of(scalar)
        if glean:
            others.append(
                Name("glean", glean.metric, f"{glean.metric} of {scalar.name}")
            )
            mirror = scalar.telemetry_mirror
            others.append(Name("mirror", mirror, f"{mirror} of {scalar.name}"))
        pointer = json_schema.scalar_pointer(scalar)
        others.append(Name("schema", pointer, f"{pointer} of {scalar.name}"))
        return ItemNames(
            label(scalar), Name("scalar", scalar.name, scalar.name), tuple(others)
        )

    def uptake_glean_names(self) -> ItemNames | None:
        uptake = self.spec.uptake.glean
        glean = self.glean_of(uptake) if uptake else None
        if uptake is None or glean is None:
            return None
        others = []
        if uptake.telemetry_mirror:
            mirror = uptake.telemetry_mirror
            others.append(Name("mirror", mirror, f"{mirror} of {glean.metric}"))
        pointer = json_schema.glean_uptake_pointer(self.spec)
        if pointer is not None:
            others.append(Name("schema", pointer, f"{pointer} of {glean.metric}"))
        own = Name("glean", glean.metric, glean.metric)
        return ItemNames("uptake-glean-event", own, tuple(others))

    def uptake_glean_key_names(self, name: str) -> ItemNames:
        glean = self.uptake_glean_names()
        assert glean is not None and glean.own is not None
        metric = glean.own.name
        own = Name("extra", f"{metric}.{name}", f"{name} of {metric}")
        return ItemNames(f"uptake-glean-{label_slug(name)}", own)


def _glean_short_name(item: Event | Scalar | UptakeGlean) -> str:
    """A metric's name within its category, as the Glean template writes it."""
    if isinstance(item, Event):
        return item.glean_name
    if isinstance(item, Scalar):
        return item.short_name
    return item.name


def _event_name(event: Event) -> str:
    """How the inventory names an event: ``enrollFailed#preference_study``
    (the category, always the spec's one, may be put before it in a role)."""
    return f"{event.method}#{event.object}"


def label_slug(name: str) -> str:
    """An extra key name of the uptake event as part of a label."""
    return "".join(c if c.isalnum() else "_" for c in name).lower()


def every_item(spec: Spec, names: SiteNames) -> Iterator[ItemNames]:
    """Every item's names, in page order (for tests and the search coverage)."""
    for source in spec.uptake.sources:
        yield names.source_names(source)
        for status in source.statuses:
            yield names.status_names(source, status)
    uptake = names.uptake_glean_names()
    if uptake is not None and spec.uptake.glean is not None:
        yield uptake
        for name in ("source", "value", *(e.name for e in spec.uptake.glean.extra)):
            yield names.uptake_glean_key_names(name)
    for scalar in spec.scalars:
        yield names.scalar_names(scalar)
    yield names.shared_event_names()
    yield names.enrollment_id_names()
    for obj in spec.events.objects:
        yield names.object_names(obj)
        for event in obj.events:
            yield names.event_names(event)
            for key in event.extra:
                yield names.key_names(event, key)
                for allowed in key.allowed:
                    yield names.value_names(event, key, allowed)
