"""The event catalogue: every Normandy event, its extra keys and their allowed
values.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Normandy records enrollment and unenrollment of users into studies, and records
that data using Telemetry Events. All data is stored in the normandy category.

Per-event facts are read from ``catalog.json`` beside this module, so the code
stays small however many events the spec holds; everything is exposed as
frozen, typed objects.
"""

import enum
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, Literal

CATEGORY: Final = "normandy"
"""The category of every Normandy event."""

VALUE_MAX_LENGTH: Final = 80
"""Longest event value, in bytes of UTF-8 (Firefox cuts it there)."""

EXTRA_MAX_LENGTH: Final = 80
"""Longest extra value, in bytes of UTF-8, unless a key says otherwise."""

ENROLLMENT_ID_FILLER: Final = "__NO_ENROLLMENT_ID__"
"""When Telemetry upload is disabled, we must clear these enrollment IDs. This is
done by replacing existing enrollment IDs with a filler value. New changes
continue to receive a enrollment IDs as normal. The only thing that enrollment
IDs are used for Telemetry, and so generated them while Telemetry is disabled
is fine. They don’t correlate to anything else, and won’t be sent anywhere.
"""

ENROLLMENT_ID_FORMAT: Final = "uuid"
"""Most Normandy telemetry carries an enrollment ID. These IDs are generated when
Normandy enrolls the client in a change, be it a study, rollout, or something
else.

These enrollment IDs are used for the lifetime of that change, and are only
used for that change (not shared between similar changes). Once a change ends
(either via unenrollment, graduation, or another method) the enrollment ID
should not be used again.
"""

ENROLLMENT_ID_PATTERN: Final = (
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
"""The regular expression every real enrollment ID matches, whole."""

RECIPE_FRESHNESS: Final = "normandy.recipe_freshness"
"""Additionally, Normandy reports a keyed scalar to measure recipe freshness. This
scalar is called normandy.recipe_freshness, and it corresponds to the
last_modified date of each recipe (using its ID as the key), reported as
seconds since 1970 in UTC. Key: The numeric ID of the recipe on the Normandy
server. Value: The recipe's last_modified date, as seconds since 1970-01-01
00:00 UTC, says the data-collection document; Firefox records the recipe's
revision ID.
"""


class EventObject(enum.StrEnum):
    """The objects Normandy events are about."""

    PREFERENCE_STUDY = "preference_study"
    PREFERENCE_ROLLOUT = "preference_rollout"
    ADDON_STUDY = "addon_study"
    ADDON_ROLLOUT = "addon_rollout"
    NIMBUS_EXPERIMENT = "nimbus_experiment"
    PREFERENCE_ROLLBACK = "preference_rollback"
    ADDON_ROLLBACK = "addon_rollback"


class EventMethod(enum.StrEnum):
    """The methods (what happened) of Normandy events."""

    ENROLL = "enroll"
    ENROLL_FAILED = "enrollFailed"
    UNENROLL = "unenroll"
    UNENROLL_FAILED = "unenrollFailed"
    EXP_PREF_CHANGED = "expPrefChanged"
    UPDATE = "update"
    GRADUATE = "graduate"
    UPDATE_FAILED = "updateFailed"
    EXPOSE = "expose"
    VALIDATION_FAILED = "validationFailed"


Presence = Literal["always", "conditional", "channels", "optional"]


@dataclass(frozen=True, slots=True)
class AllowedValueDef:
    """One value an extra key may take, and what it means."""

    value: str
    description: str
    firefox_source: str | None = None
    """Where Firefox defines or sends the value, when Normandy's data-collection
    document does not list it."""


@dataclass(frozen=True, slots=True)
class ExtraKeyDef:
    """One extra key of an event."""

    name: str
    """The key as Firefox records it: ``enrollmentId``."""
    python_name: str
    """The key as a Python keyword argument: ``enrollment_id``."""
    description: str
    presence: Presence
    """``always``; ``conditional`` (see ``when``); ``channels``; or ``optional``."""
    when: dict[str, tuple[str, ...]]
    """For a conditional key: present exactly when one of these keys has one of
    these values."""
    channels: tuple[str, ...]
    """For a channel-only key: the release channels that send it."""
    allowed: tuple[AllowedValueDef, ...]
    """The closed set of values, or empty when any string is allowed."""
    examples: tuple[str, ...]
    format: str | None
    """``enrollment_id`` for a UUID or :data:`ENROLLMENT_ID_FILLER`."""
    max_length: int
    """The longest value, in bytes of UTF-8, as Firefox counts."""
    truncate: int | None
    """The sender cuts longer values to this many bytes of UTF-8, at a
    character's start."""
    legacy_name: str | None = None
    """The name Firefox records the key under, when it is not ``name``."""
    firefox_source: str | None = None
    """Where Firefox defines or sends the key, when Normandy's data-collection
    document does not have it."""

    @property
    def firefox_name(self) -> str:
        """The name Firefox sends: ``legacy_name`` if set, else ``name``."""
        return self.legacy_name or self.name

    @property
    def required(self) -> bool:
        return self.presence == "always"

    @property
    def allowed_values(self) -> frozenset[str]:
        return frozenset(a.value for a in self.allowed)


@dataclass(frozen=True, slots=True)
class EventDef:
    """One event: a (method, object) pair in :data:`CATEGORY`."""

    category: str
    object: str
    method: str
    title: str
    description: str
    value: str
    """What the event's value holds."""
    extra: tuple[ExtraKeyDef, ...]
    glean_category: str
    glean_name: str
    """The Glean event metric: ``<glean_category>.<glean_name>``
    (``normandy.enroll_failed_preference_study``)."""
    recorded_in: tuple[str, ...]
    """``glean``, ``legacy`` or both: where Firefox records the event."""
    value_optional: bool
    """Whether Firefox sends the event without a value in some cases (a null
    value, or no ``value`` key in Glean)."""
    firefox_source: str | None = None
    """Where Firefox defines or sends the event, when Normandy's data-collection
    document does not have it."""

    @property
    def extra_keys(self) -> dict[str, ExtraKeyDef]:
        return {key.name: key for key in self.extra}


def _extra_key(data: dict[str, Any]) -> ExtraKeyDef:
    return ExtraKeyDef(
        name=data["name"],
        python_name=data["python_name"],
        description=data["description"],
        presence=data["presence"],
        when={key: tuple(values) for key, values in data["when"].items()},
        channels=tuple(data["channels"]),
        allowed=tuple(
            AllowedValueDef(a["value"], a["description"], a["firefox_source"])
            for a in data["allowed"]
        ),
        examples=tuple(data["examples"]),
        format=data["format"],
        max_length=data["max_length"],
        truncate=data["truncate"],
        legacy_name=data["legacy_name"],
        firefox_source=data["firefox_source"],
    )


def _load() -> dict[tuple[str, str], EventDef]:
    text = resources.files(__package__).joinpath("catalog.json").read_text("utf-8")
    data = json.loads(text)
    events: dict[tuple[str, str], EventDef] = {}
    for obj in data["objects"]:
        for event in obj["events"]:
            events[(event["method"], event["object"])] = EventDef(
                category=data["category"],
                object=event["object"],
                method=event["method"],
                title=event["title"],
                description=event["description"],
                value=event["value"],
                extra=tuple(_extra_key(key) for key in event["extra"]),
                glean_category=event["glean_category"],
                glean_name=event["glean_name"],
                recorded_in=tuple(event["recorded_in"]),
                value_optional=event["value_optional"],
                firefox_source=event["firefox_source"],
            )
    return events


EVENTS: Final[dict[tuple[str, str], EventDef]] = _load()
"""Every event, keyed by ``(method, object)``, in the spec's order."""

OBJECTS: Final[tuple[str, ...]] = tuple(EventObject)
"""Every object, in the spec's order."""

METHODS: Final[tuple[str, ...]] = tuple(EventMethod)
"""Every method, in first-use order."""


GLEAN_EVENTS: Final[dict[tuple[str, str], EventDef]] = {
    (event.glean_category, event.glean_name): event
    for event in EVENTS.values()
    if "glean" in event.recorded_in
}
"""Every event Firefox records in Glean, keyed by its Glean ``(category, name)``."""


def get_event(method: str, object: str) -> EventDef | None:
    """The event recorded as ``(CATEGORY, method, object)``, if the spec has it."""
    return EVENTS.get((method, object))


def get_glean_event(category: str, name: str) -> EventDef | None:
    """The event Firefox records as the Glean event ``category.name``
    (``normandy``, ``enroll_failed_preference_study``), if the spec has it."""
    return GLEAN_EVENTS.get((category, name))
