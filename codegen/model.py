"""The render model: frozen, typed, and the only thing templates see.

Derived facts (Python names, Glean names, key regexes) are computed here, once,
so every output agrees on them.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Iterator


def snake_case(name: str) -> str:
    """``enrollFailed`` -> ``enroll_failed``; ``addonId`` -> ``addon_id``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def is_python_name(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not keyword.issoftkeyword(name)


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    """Where an item is written in the spec (1-based), for checks after the model
    is built: target limits, lint rules. Not part of an item's identity."""

    line: int = 0
    column: int = 0


NOWHERE = Loc()


def _loc() -> Loc:
    return field(default=NOWHERE, compare=False, repr=False)  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Correction:
    """A place where the spec corrects or clarifies the seed, for the docs' list."""

    subject: str
    text: str


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

    @property
    def reported_values(self) -> tuple[str, ...]:
        """Values that may arrive in data for this status: the seed's, then Firefox's."""
        return (self.value,) if self.firefox_value is None else (self.value, self.firefox_value)


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

    @property
    def enum_name(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("_")) + "Status"

    @property
    def key_prefix(self) -> str:
        """The fixed part of the key before its placeholder (the whole key if none)."""
        return self.key.split("<", 1)[0]

    @property
    def key_regex(self) -> str:
        if self.placeholder is None:
            return re.escape(self.key)
        return re.escape(self.key_prefix) + "(?:" + self.placeholder.pattern.strip("^$") + ")"


@dataclass(frozen=True, slots=True)
class Uptake:
    description: str
    legal_values: tuple[str, ...]
    sources: tuple[UptakeSource, ...]

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

    @property
    def category(self) -> str:
        return self.name.split(".", 1)[0]

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


@dataclass(frozen=True, slots=True)
class AllowedValue:
    value: str
    description: str
    correction: str | None
    lint_ignore: tuple[str, ...] = ()
    renamed_from: str | None = None
    loc: Loc = _loc()


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

    @property
    def python_name(self) -> str:
        return snake_case(self.name)

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

    @property
    def python_name(self) -> str:
        return snake_case(self.method)

    @property
    def glean_name(self) -> str:
        return f"{snake_case(self.method)}_{self.object}"

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


@dataclass(frozen=True, slots=True)
class Events:
    category: str
    description: str
    value_max_length: int
    extra_max_length: int
    objects: tuple[EventObject, ...]

    @property
    def all(self) -> Iterator[Event]:
        for obj in self.objects:
            yield from obj.events

    @property
    def methods(self) -> tuple[str, ...]:
        """Every method, in first-use order."""
        return tuple(dict.fromkeys(e.method for e in self.all))


@dataclass(frozen=True, slots=True)
class Spec:
    label: str
    format_version: int
    title: str
    description: str
    uptake: Uptake
    scalars: tuple[Scalar, ...]
    enrollment_id: EnrollmentId
    events: Events

    def corrections(self) -> Iterator[Correction]:
        """Every correction of the seed, in spec order."""
        for source, status in self.uptake.statuses:
            if status.correction:
                yield Correction(f"{status.constant} ({source.key})", status.correction)
        for scalar in self.scalars:
            if scalar.correction:
                yield Correction(scalar.name, scalar.correction)
        if self.enrollment_id.correction:
            yield Correction("Enrollment IDs", self.enrollment_id.correction)
        for obj in self.events.objects:
            if obj.correction:
                yield Correction(obj.name, obj.correction)
            for event in obj.events:
                if event.correction:
                    yield Correction(event.ident, event.correction)
                for key in event.extra:
                    if key.correction:
                        yield Correction(f"{event.ident} extra {key.name}", key.correction)
                    for allowed in key.allowed:
                        if allowed.correction:
                            yield Correction(f"{event.ident} extra {key.name} = {allowed.value}", allowed.correction)
