"""The render model: frozen, typed, and the only thing templates see.

Derived facts (Python names, Glean names, key regexes) are computed here, once,
so every output agrees on them.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache


@cache
def snake_case(name: str) -> str:
    """``enrollFailed`` -> ``enroll_failed``; ``addonId`` -> ``addon_id``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def core_pattern(pattern: str) -> str:
    """A spec pattern without its optional anchors, to embed in a larger regex."""
    core = pattern[1:] if pattern.startswith("^") else pattern
    if core.endswith("$") and not core.endswith("\\$"):
        core = core[:-1]
    return core


# Soft keywords of every Python the package supports, fixed here so that which
# names a spec may use does not depend on the Python running the generator
# (``type`` became one in 3.12).
SOFT_KEYWORDS = frozenset({"_", "case", "match", "type"})


def is_python_name(name: str) -> bool:
    return (
        name.isidentifier()
        and not keyword.iskeyword(name)
        and name not in SOFT_KEYWORDS
    )


DEFAULT_VERSION = "1.0.0"
"""The version of a spec without ``version:``: the number every package generated
before the field existed carried."""

UUID_PATTERN = (
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
"""A UUID as an enrollment ID carries it: 36 characters, no braces, any case."""


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    """Where an item is written in the spec (1-based), for checks after the model
    is built: target limits, lint rules. Not part of an item's identity."""

    line: int = 0
    column: int = 0


NOWHERE = Loc()


def _loc() -> Loc:
    return field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Correction:
    """A place where the spec departs from Normandy's data-collection document, for the docs' list."""

    subject: str
    text: str
    item: object = field(default=None, compare=False, repr=False)
    """The corrected item (a status, an event, ``(event, key)``...), for links to it."""
    of_firefox: bool = False
    """The item, or one it belongs to, is only in Firefox: the correction is of
    Firefox's hand-kept definitions (its code does otherwise), not of the document."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    description: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Status:
    constant: str
    value: str
    description: str
    firefox_value: str | None
    correction: str | None
    lint_ignore: tuple[str, ...] = ()
    renamed_from: str | None = None
    loc: Loc = _loc()
    firefox_source: str | None = None
    firefox_name: str | None = None

    @property
    def reported_values(self) -> tuple[str, ...]:
        """Values that may arrive in data for this status: the document's, then Firefox's."""
        return (
            (self.value,)
            if self.firefox_value is None
            else (self.value, self.firefox_value)
        )


@dataclass(frozen=True, slots=True)
class UptakeSource:
    name: str
    title: str
    key: str
    placeholder: Placeholder | None
    description: str
    statuses: tuple[Status, ...]
    correction: str | None
    lint_ignore: tuple[str, ...] = ()
    renamed_from: str | None = None
    loc: Loc = _loc()
    firefox_source: str | None = None

    @property
    def enum_name(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("_")) + "Status"

    @property
    def shared_values(self) -> tuple[tuple[str, tuple[Status, ...]], ...]:
        """Each telemetry value that several of its statuses report, with them,
        in the spec's order: a count of such a value cannot tell them apart."""
        by_value: dict[str, list[Status]] = {}
        for status in self.statuses:
            by_value.setdefault(status.value, []).append(status)
        return tuple(
            (value, tuple(statuses))
            for value, statuses in by_value.items()
            if len(statuses) > 1
        )

    @property
    def key_prefix(self) -> str:
        """The fixed part of the key before its placeholder (the whole key if none)."""
        return self.key.split("<", 1)[0]

    @property
    def key_regex(self) -> str:
        if self.placeholder is None:
            return re.escape(self.key)
        return (
            re.escape(self.key_prefix)
            + "(?:"
            + core_pattern(self.placeholder.pattern)
            + ")"
        )


NORMANDY_GLEAN_FILE = "toolkit/components/normandy/metrics.yaml"
"""Where Firefox keeps Normandy's own Glean metrics (``generated/glean/metrics.yaml``)."""


@dataclass(frozen=True, slots=True)
class LegacyMetadata:
    """The fields every legacy ``Events.yaml`` entry needs that Glean does not."""

    record_in_processes: tuple[str, ...]
    products: tuple[str, ...]
    expiry_version: str
    release_channel_collection: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """Bugs, reviews, owners and expiry of one Firefox metric (the spec's ``metadata``,
    with an item's ``metadata`` override already applied)."""

    bugs: tuple[int, ...]
    data_reviews: tuple[str, ...]
    notification_emails: tuple[str, ...]
    expires: str
    legacy: LegacyMetadata
    tags: tuple[str, ...] = ()
    glean_file: str = NORMANDY_GLEAN_FILE
    """The Firefox ``metrics.yaml`` that holds the metric."""

    @property
    def bug_urls(self) -> tuple[str, ...]:
        """Glean wants URLs, not numbers (its linter's ``BUG_NUMBER`` check)."""
        return tuple(f"https://bugzil.la/{number}" for number in self.bugs)


@dataclass(frozen=True, slots=True)
class GleanExtra:
    """An extra key of the Glean uptake event that the spec states (not ``source`` or ``value``)."""

    name: str
    description: str
    loc: Loc = _loc()


@dataclass(frozen=True, slots=True)
class UptakeGlean:
    """The Glean event Firefox reports Uptake statuses with."""

    category: str
    name: str
    extra: tuple[GleanExtra, ...]
    metadata: Metadata | None
    telemetry_mirror: str | None = None
    loc: Loc = _loc()

    @property
    def legacy_method(self) -> str:
        """The method of the legacy event this metric mirrors: Firefox names an
        event metric ``<method>_<object>`` (``uptake_normandy`` is the legacy
        ``uptake.remotecontent.result`` event ``uptake`` of object ``normandy``)."""
        return self.name.split("_", 1)[0]

    @property
    def legacy_object(self) -> str:
        """The object of the legacy event this metric mirrors (``normandy``)."""
        return self.name.split("_", 1)[-1]


@dataclass(frozen=True, slots=True)
class Uptake:
    description: str
    legal_values: tuple[str, ...]
    sources: tuple[UptakeSource, ...]
    glean: UptakeGlean | None = None

    @property
    def reported_values(self) -> dict[str, tuple[str, ...]]:
        """Every value a report may carry, in spec order, with the constants that send it."""
        found: dict[str, list[str]] = {}
        for _, status in self.statuses:
            for value in status.reported_values:
                found.setdefault(value, []).append(status.constant)
        return {
            value: tuple(dict.fromkeys(constants)) for value, constants in found.items()
        }

    @property
    def statuses(self) -> Iterator[tuple[UptakeSource, Status]]:
        for source in self.sources:
            for status in source.statuses:
                yield source, status


@dataclass(frozen=True, slots=True)
class Scalar:
    ident: str
    name: str
    kind: str
    description: str
    key: Placeholder
    value: str
    unit: str
    correction: str | None
    loc: Loc = _loc()
    metadata: Metadata | None = None

    @property
    def category(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def glean_type(self) -> str:
        """Firefox moved keyed scalars to labeled Glean metrics (labels are the keys)."""
        return {"keyed_uint": "labeled_quantity"}[self.kind]

    @property
    def telemetry_mirror(self) -> str:
        """The legacy scalar's name in Firefox's generated C++ (``NORMANDY_RECIPE_FRESHNESS``)."""
        return self.name.upper().replace(".", "_")

    @property
    def short_name(self) -> str:
        return self.name.split(".", 1)[1]


@dataclass(frozen=True, slots=True)
class EnrollmentId:
    description: str
    lifetime: str
    upload_disabled: str
    format: str
    filler: str
    correction: str | None

    @property
    def pattern(self) -> str:
        """The regular expression every real ID matches (``format: uuid``)."""
        return UUID_PATTERN


@dataclass(frozen=True, slots=True)
class AllowedValue:
    value: str
    description: str
    correction: str | None
    lint_ignore: tuple[str, ...] = ()
    renamed_from: str | None = None
    loc: Loc = _loc()
    firefox_source: str | None = None


@dataclass(frozen=True, slots=True)
class Condition:
    """Present exactly when extra key ``key`` has one of ``values``."""

    key: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExtraKey:
    name: str
    description: str
    allowed: tuple[AllowedValue, ...]
    examples: tuple[str, ...]
    when: tuple[Condition, ...]
    channels: tuple[str, ...]
    optional: bool
    format: str | None
    max_length: int
    truncate: int | None
    correction: str | None
    lint_ignore: tuple[str, ...] = ()
    renamed_from: str | None = None
    loc: Loc = _loc()
    legacy_name: str | None = None
    legacy_loc: Loc = _loc()
    firefox_source: str | None = None

    @property
    def python_name(self) -> str:
        return snake_case(self.name)

    @property
    def legacy_key(self) -> str:
        """The name Firefox records the key under (Events.yaml and Glean): ``legacy_name`` if set."""
        return self.legacy_name or self.name

    def firefox_description(self, filler: str, *outer: object) -> str:
        """The description, with its allowed values, presence, format and
        corrections spelled out, for outputs whose readers see nothing but this
        text (metrics.yaml, Events.yaml). ``outer``: the event and object."""
        facts = []
        if not self.required:
            facts.append(describe_presence(self))
        if self.format == "enrollment_id":
            facts.append(
                f"A UUID without braces, or `{filler}` when Telemetry upload is disabled."
            )
        # the examples the description does not give already (the document's
        # "(example: ...)")
        others = [v for v in self.examples if f'"{v}"' not in self.description]
        if others:
            label = "Other examples" if len(others) < len(self.examples) else "Examples"
            facts.append(f"{label}: " + ", ".join(f"`{v}`" for v in others) + ".")
        lines = [self.value_line(a) for a in self.allowed]
        text = self.with_values(lines, facts) + self.value_corrections(*outer)
        return corrected(text, self, *outer)

    def value_corrections(self, *outer: object) -> str:
        """The corrections of the allowed values, each a paragraph naming its
        value: after the list, which markdown joins into one line."""
        return "".join(
            named_correction(a, f"`{a.value}`", self, *outer) for a in self.allowed
        )

    @property
    def leads_into_values(self) -> bool:
        """The description ends by leading into the allowed values (the
        document's "Possible values are:"): they come right after it."""
        return bool(self.allowed) and self.description.rstrip().endswith(":")

    def value_line(self, allowed: AllowedValue) -> str:
        """An allowed value and its meaning, as a line of a plain-text list."""
        only = " (only in Firefox)" if allowed.firefox_source else ""
        return f"- `{allowed.value}`{only}: {' '.join(allowed.description.split())}"

    def with_values(self, lines: Sequence[str], facts: Sequence[str] = ()) -> str:
        """The description, the ``facts`` an output adds, and the allowed
        values' ``lines``; the document's "Possible values are:" leads into
        the list itself, so the facts come after it there."""
        description = " ".join(self.description.split())
        if lines and self.leads_into_values:
            text = description + "\n" + "\n".join(lines)
            return text + "".join("\n\n" + fact for fact in facts)
        text = " ".join([description, *facts])
        if lines:
            text += "\n\nAllowed values:\n" + "\n".join(lines)
        return text

    @property
    def presence(self) -> str:
        """``always``, ``conditional``, ``channels`` or ``optional``."""
        if self.when:
            return "conditional"
        if self.channels:
            return "channels"
        return "optional" if self.optional else "always"

    @property
    def required(self) -> bool:
        return self.presence == "always"

    @property
    def allowed_values(self) -> tuple[str, ...]:
        return tuple(a.value for a in self.allowed)


@dataclass(frozen=True, slots=True)
class Event:
    category: str
    object: str
    method: str
    title: str
    description: str
    value: str
    extra: tuple[ExtraKey, ...]
    correction: str | None
    lint_ignore: tuple[str, ...] = ()
    renamed_from: str | None = None
    loc: Loc = _loc()
    firefox_source: str | None = None
    metadata: Metadata | None = None
    """The event's own, with every override on the way applied; None without
    top-level ``metadata``."""
    recorded_in: tuple[str, ...] = ("glean", "legacy")
    value_optional: bool = False
    """Firefox sends the event without a value in some cases."""
    legacy_entry: str | None = None
    """The spec's ``legacy_entry``: the name of its ``Events.yaml`` entry, if set."""
    legacy_entry_loc: Loc = _loc()

    @property
    def entry_name(self) -> str:
        """The name of the ``Events.yaml`` entry that declares the event (a
        second entry of the same name gets a suffix): ``legacy_entry``, else
        the method in snake_case."""
        return self.legacy_entry or snake_case(self.method)

    @property
    def in_glean(self) -> bool:
        return "glean" in self.recorded_in

    @property
    def in_legacy(self) -> bool:
        return "legacy" in self.recorded_in

    @property
    def python_name(self) -> str:
        return snake_case(self.method)

    @property
    def glean_name(self) -> str:
        return f"{snake_case(self.method)}_{self.object}"

    @property
    def legacy_id(self) -> str:
        """How Firefox's docs name the legacy event: ``normandy.enrollFailed#preference_study``."""
        return f"{self.category}.{self.method}#{self.object}"

    @property
    def telemetry_mirror(self) -> str:
        """The legacy event's name in Firefox's generated C++ (``Normandy_Enrollfailed_PreferenceStudy``),
        which a Glean metric's ``telemetry_mirror`` names; built as Firefox's ``parse_events.py`` does.
        """

        def cpp(name: str, sep: str) -> str:
            return "".join(word.capitalize() for word in name.split(sep))

        return (
            f"{cpp(self.category, '.')}_{cpp(self.method, '_')}_{cpp(self.object, '_')}"
        )

    @property
    def ident(self) -> str:
        """A name unique in the catalogue: ``preference_study.enrollFailed``."""
        return f"{self.object}.{self.method}"


@dataclass(frozen=True, slots=True)
class EventObject:
    name: str
    title: str
    description: str
    events: tuple[Event, ...]
    correction: str | None
    lint_ignore: tuple[str, ...] = ()
    renamed_from: str | None = None
    loc: Loc = _loc()
    firefox_source: str | None = None
    metadata: Metadata | None = None


@dataclass(frozen=True, slots=True)
class Events:
    category: str
    description: str
    value_max_length: int
    extra_max_length: int
    objects: tuple[EventObject, ...]
    loc: Loc = _loc()  # of the category's value
    glean_extra_keys: str = "per_event"
    """``per_event`` or ``per_method``: which keys each Glean event metric declares."""

    def owners(self) -> dict[str, EventObject]:
        """Each object by its name, to find an event's (``event.object``)."""
        return {obj.name: obj for obj in self.objects}

    @property
    def all(self) -> Iterator[Event]:
        for obj in self.objects:
            yield from obj.events

    @property
    def methods(self) -> tuple[str, ...]:
        """Every method, in first-use order."""
        return tuple(dict.fromkeys(e.method for e in self.all))

    @property
    def count(self) -> int:
        return sum(len(obj.events) for obj in self.objects)

    def by_method(self) -> dict[str, list[Event]]:
        """The events of each method, methods in first-use order."""
        groups: dict[str, list[Event]] = {}
        for event in self.all:
            groups.setdefault(event.method, []).append(event)
        return groups


@dataclass(frozen=True, slots=True)
class Spec:
    label: str  # how messages name the spec: a path an editor can open
    format_version: int
    title: str
    description: str
    uptake: Uptake
    scalars: tuple[Scalar, ...]
    enrollment_id: EnrollmentId
    events: Events
    metadata: Metadata | None = None
    version: str = field(default=DEFAULT_VERSION, compare=False)
    """MAJOR.MINOR.PATCH (the spec's ``version``). Not compared: the version
    says how the rest changed, it is not itself a change to the telemetry."""
    version_loc: Loc = _loc()
    digest: str = field(default="", compare=False)
    """``sha256:`` and the hex digest of the spec's text (line ends as LF), set
    by ``pipeline.load_spec_bytes``: which exact spec a package was built from."""
    tree: object = field(default=None, compare=False, repr=False)
    """The document the model was built from (``codegen.loader`` nodes), for the
    tools that point at a field the model does not keep (lint, diff)."""
    # How generated files' headers name the spec (``spec/normandy.yaml``): the
    # same from any working directory and however ``--spec`` was spelled. Not
    # part of what the spec says, so not compared (``diff`` skips it).
    source_name: str = field(default="", compare=False)

    @property
    def header_name(self) -> str:
        return self.source_name or self.label

    @property
    def has_firefox_metadata(self) -> bool:
        """Whether the spec says what Firefox's build needs besides the telemetry
        (bugs, reviews, owners, expiry): the Firefox outputs exist only then."""
        return self.metadata is not None

    def firefox_additions(self) -> Iterator[Correction]:
        """Every item Normandy's data-collection document lacks, in spec order, each
        with where Firefox defines or sends it (as the correction's text)."""
        for source in self.uptake.sources:
            if source.firefox_source:
                yield Correction(
                    f"{source.name} ({source.key})", source.firefox_source, source
                )
            for status in source.statuses:
                if status.firefox_source:
                    subject = f"{status.constant} ({source.key})"
                    yield Correction(subject, status.firefox_source, status)
        for obj in self.events.objects:
            if obj.firefox_source:
                yield Correction(obj.name, obj.firefox_source, obj)
            for event in obj.events:
                if event.firefox_source and not obj.firefox_source:
                    yield Correction(event.ident, event.firefox_source, event)
                for key in event.extra:
                    if (
                        key.firefox_source
                        and not event.firefox_source
                        and not obj.firefox_source
                    ):
                        subject = f"{event.ident} extra {key.name}"
                        yield Correction(subject, key.firefox_source, (event, key))
                    for allowed in key.allowed:
                        if (
                            allowed.firefox_source
                            and not key.firefox_source
                            and not event.firefox_source
                            and not obj.firefox_source
                        ):
                            subject = (
                                f"{event.ident} extra {key.name} = {allowed.value}"
                            )
                            yield Correction(
                                subject, allowed.firefox_source, (event, key, allowed)
                            )

    def corrections(self) -> Iterator[Correction]:
        """Every correction, in spec order, each with the item it is on."""
        for source in self.uptake.sources:
            if source.correction:
                yield Correction(
                    f"{source.name} ({source.key})",
                    source.correction,
                    source,
                    only_in_firefox(source),
                )
        for source, status in self.uptake.statuses:
            if status.correction:
                yield Correction(
                    f"{status.constant} ({source.key})",
                    status.correction,
                    status,
                    only_in_firefox(source, status),
                )
        for scalar in self.scalars:
            if scalar.correction:
                yield Correction(
                    scalar.name, scalar.correction, scalar, only_in_firefox(scalar)
                )
        if self.enrollment_id.correction:
            yield Correction(
                "Enrollment IDs", self.enrollment_id.correction, self.enrollment_id
            )
        for obj in self.events.objects:
            if obj.correction:
                yield Correction(obj.name, obj.correction, obj, only_in_firefox(obj))
            for event in obj.events:
                if event.correction:
                    yield Correction(
                        event.ident,
                        event.correction,
                        event,
                        only_in_firefox(obj, event),
                    )
                for key in event.extra:
                    if key.correction:
                        yield Correction(
                            f"{event.ident} extra {key.name}",
                            key.correction,
                            (event, key),
                            only_in_firefox(obj, event, key),
                        )
                    for allowed in key.allowed:
                        if allowed.correction:
                            subject = (
                                f"{event.ident} extra {key.name} = {allowed.value}"
                            )
                            yield Correction(
                                subject,
                                allowed.correction,
                                (event, key, allowed),
                                only_in_firefox(obj, event, key, allowed),
                            )


def only_in_firefox(*items: object) -> bool:
    """Whether any of ``items`` (an item and those it belongs to) records a
    ``firefox_source``: the data-collection document lacks it."""
    return any(getattr(item, "firefox_source", None) for item in items)


def correction_title(*items: object) -> str:
    """What a correction of ``items[0]`` corrects (the others are those it
    belongs to): the data-collection document, or, where the document lacks the
    item, Firefox's hand-kept definitions, which its code contradicts."""
    if only_in_firefox(*items):
        return "Correction of Firefox's hand-kept definitions"
    return "Correction of the data-collection document"


def event_corrected(text: str, event: Event, obj: EventObject | None) -> str:
    """``text`` about an event, then the event's correction and its object's,
    which holds for every event of the object."""
    text = corrected(text, event, obj)
    return corrected(text, obj) if obj is not None else text


def named_correction(item: object, name: str, *outer: object) -> str:
    """``item``'s correction as a paragraph that names the item (``name``),
    or "": for the corrections that follow a list of items, which markdown
    joins into one line."""
    return corrected("", item, *outer).replace(": ", f" ({name}): ", 1)


def corrected(text: str, item: object, *outer: object) -> str:
    """``text``, then ``item``'s correction if it has one, as a paragraph headed
    by what it corrects (``outer``: the items ``item`` belongs to). For outputs
    whose readers see only this text (Firefox's metrics.yaml, Events.yaml and
    Scalars.yaml), where the document's text would otherwise stand uncorrected."""
    correction = getattr(item, "correction", None)
    if not correction:
        return text
    title = correction_title(item, *outer)
    return f"{text}\n\n{title}: {' '.join(correction.split())}"


def _code(text: str) -> str:
    return f"`{text}`"


def describe_presence(
    key: ExtraKey,
    name: Callable[[str], str] = _code,
    value: Callable[[str, str], str] = lambda key, text: _code(text),
) -> str:
    """When ``key`` is sent, as one sentence: the single wording every output uses.

    ``name`` shows another key's name and ``value(key, value)`` one of its
    values (code spans by default; the docs make them links, the builders'
    docstrings quote them)."""
    if key.when:
        parts = [
            f"{name(c.key)} is " + " or ".join(value(c.key, v) for v in c.values)
            for c in key.when
        ]
        return "Sent only when " + ", and ".join(parts) + "; absent otherwise."
    if key.channels:
        plural = "s" if len(key.channels) > 1 else ""
        return f"Sent only on the {', '.join(key.channels)} channel{plural}."
    return "May be absent." if key.optional else "Always sent."
