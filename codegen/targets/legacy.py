"""The legacy output: Normandy's entries of Firefox's event registry (``Events.yaml``)
and scalar registry (``Scalars.yaml``).

Its entries are laid out as in Firefox's ``toolkit/components/telemetry/Events.yaml``
(one method and the objects it is recorded with, see :func:`legacy_entries`),
and its names are held to the limits Firefox's ``parse_events.py`` enforces
(:func:`check_limits`): a spec that breaks one stops generation with
``spec/normandy.yaml:LINE:COL:``, the limit and how to fix it. Nothing is cut
or renamed to fit: the only way round a limit is an explicit choice written in
the spec (``legacy_name`` on an extra key).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from codegen.literals import comment_text, yaml_scalar
from codegen.model import (
    Event,
    EventObject,
    Events,
    Loc,
    Metadata,
    Scalar,
    Spec,
    corrected,
    event_corrected,
)
from codegen.problems import Problem
from codegen.targets.base import LimitChecker, Output, Target

LEGACY = "legacy Events.yaml"

# Firefox: toolkit/components/telemetry/build_scripts/mozparsers/parse_events.py.
LEGACY_IDENTIFIER = r"^[a-zA-Z][a-zA-Z0-9_.]*[a-zA-Z0-9]$"
LEGACY_CATEGORY_MAX = 30
LEGACY_METHOD_MAX = 20  # also the limit on an entry's (event's) name
LEGACY_OBJECT_MAX = 20
LEGACY_EXTRA_KEYS_MAX = 10
LEGACY_EXTRA_KEY_MAX = 15
LEGACY_VALUE_MAX = 80
"""Firefox cuts an event's value and each extra value to this many bytes when it records them."""
LEGACY_METADATA_FIELDS = ("bugs", "notification_emails", "legacy")
"""The ``metadata`` fields an ``Events.yaml`` entry is written from."""

_IDENTIFIER = re.compile(LEGACY_IDENTIFIER)
_IDENTIFIER_HINT = (
    f"the {LEGACY} identifier pattern {LEGACY_IDENTIFIER} (at least 2 characters: "
    "letters, digits, '_' or '.', starting with a letter and ending with a letter or "
    "digit)"
)


@dataclass(frozen=True, slots=True)
class LegacyEntry:
    """One entry of the legacy ``Events.yaml``: a method recorded with some objects.

    Firefox registers extra keys per entry, for every (method, object) pair in it,
    so an entry's keys are the union of its events' keys.
    """

    name: str
    method: str
    events: tuple[Event, ...]
    owners: tuple[EventObject, ...]
    """Each event's object, whose correction holds for the event too."""

    @property
    def metadata(self) -> Metadata:
        """The entry's bugs, owners and legacy fields: every event's (they agree)."""
        metadata = self.events[0].metadata
        assert metadata is not None  # the output exists only with metadata
        return metadata

    @property
    def objects(self) -> tuple[str, ...]:
        return tuple(e.object for e in self.events)

    @property
    def extra_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k.legacy_key for e in self.events for k in e.extra))

    def description(self) -> str:
        return _per_object(
            {
                e.object: event_corrected(
                    f"{e.description}\n\nValue: {e.value}", e, obj
                )
                for e, obj in zip(self.events, self.owners)
            },
            len(self.events),
        )

    def extra_keys(self, filler: str) -> list[tuple[str, str]]:
        """``(recorded name, description)`` for each key, in first-use order."""
        texts: dict[str, dict[str, str]] = {}
        for event, obj in zip(self.events, self.owners):
            for key in event.extra:
                texts.setdefault(key.legacy_key, {})[event.object] = (
                    key.firefox_description(filler, event, obj)
                )
        return [
            (name, _per_object(by_object, len(self.events)))
            for name, by_object in texts.items()
        ]


def _per_object(texts: dict[str, str], objects: int) -> str:
    """One text if every one of the entry's ``objects`` says the same, else each object's text under its name."""
    distinct = set(texts.values())
    if len(distinct) == 1 and len(texts) == objects:
        return distinct.pop()
    return "\n\n".join(f"For {obj}: {text}" for obj, text in texts.items())


def _ownership(event: Event) -> tuple[object, ...]:
    """What an Events.yaml entry states once for all its events: its name too."""
    md = event.metadata
    owners = () if md is None else (md.bugs, md.notification_emails, md.legacy)
    return (*owners, event.entry_name)


def legacy_entries(events: Events) -> tuple[LegacyEntry, ...]:
    """The entries of the legacy ``Events.yaml``, in first-use order of their methods.

    As in Firefox's own file, one entry holds a method and every object it is
    recorded with (``enroll_failed: methods: [enrollFailed], objects: [...]``),
    and lists the union of those events' extra keys; it is named after the
    method in snake_case unless the events say otherwise (``legacy_entry``).
    Events of one method whose bugs, owners, legacy fields or entry names
    differ, or whose keys together would pass the 10-key limit, go to another
    entry of the method (``<name>_2``, ...): entry names are labels only, an
    event is identified by category, method and object, so the split changes
    nothing that Firefox records. Events recorded in Glean only are left out.
    """
    entries: list[LegacyEntry] = []
    owners = events.owners()
    for method, method_events in events.by_method().items():
        groups: list[tuple[tuple[object, ...], set[str], list[Event]]] = []
        for event in method_events:
            if not event.in_legacy:
                continue
            owner = _ownership(event)
            event_keys = {k.legacy_key for k in event.extra}
            for group_owner, keys, members in groups:
                if (
                    group_owner == owner
                    and len(keys | event_keys) <= LEGACY_EXTRA_KEYS_MAX
                ):
                    keys |= event_keys
                    members.append(event)
                    break
            else:
                groups.append((owner, set(event_keys), [event]))
        named: dict[str, int] = {}
        for _, _, members in groups:
            base = members[0].entry_name
            named[base] = index = named.get(base, 0) + 1
            name = base if index == 1 else f"{base}_{index}"
            entries.append(
                LegacyEntry(
                    name,
                    method,
                    tuple(members),
                    tuple(owners[e.object] for e in members),
                )
            )
    return tuple(entries)


def context(spec: Spec) -> dict[str, Any]:
    """What ``templates/legacy/Events.yaml.j2`` needs besides the spec."""
    return {"entries": legacy_entries(spec.events)}


def scalars_context(spec: Spec) -> dict[str, Any]:
    """What ``templates/legacy/Scalars.yaml.j2`` needs: the scalars by category."""
    categories: dict[str, list[Scalar]] = {}
    for scalar in spec.scalars:
        categories.setdefault(scalar.category, []).append(scalar)
    return {"categories": list(categories.items())}


def check_limits(spec: Spec) -> list[Problem]:
    """Every place the spec breaks a limit of ``Events.yaml``, in no order."""
    checker = _Checker()
    checker.legacy(spec)
    return checker.problems


class _Checker(LimitChecker):

    def legacy(self, spec: Spec) -> None:
        events = spec.events
        self.legacy_name(
            events.loc,
            "event category",
            events.category,
            LEGACY_CATEGORY_MAX,
            "category names",
            "choose a shorter category",
        )
        for obj in events.objects:
            self.legacy_name(
                obj.loc,
                "object",
                obj.name,
                LEGACY_OBJECT_MAX,
                "object names",
                "choose a shorter object name",
            )
        methods_seen: set[str] = set()
        for event in events.all:
            if not event.in_legacy:
                continue
            if event.method not in methods_seen:
                methods_seen.add(event.method)
                self.legacy_name(
                    event.loc,
                    "method",
                    event.method,
                    LEGACY_METHOD_MAX,
                    "method names",
                    "choose a shorter method name",
                )
            self.legacy_extra(event)
        declared: dict[str, Event] = {}
        for entry in legacy_entries(events):
            first = entry.events[0]
            self.entry_name(entry, first, declared.get(entry.name))
            declared.setdefault(entry.name, first)

    def entry_name(self, entry: LegacyEntry, first: Event, clash: Event | None) -> None:
        """An entry's name: short enough, and no other method's."""
        given = first.legacy_entry is not None
        loc = first.legacy_entry_loc if given else first.loc
        if clash is not None:
            # at the legacy_entry that made the clash, naming the other event
            here, there = (first, clash) if given else (clash, first)
            self.add(
                here.legacy_entry_loc if here.legacy_entry else here.loc,
                f"the {LEGACY} entry '{entry.name}' of method '{here.method}' is also "
                f"the entry of {there.ident} (line {there.loc.line}); give one of them "
                "another 'legacy_entry:'",
            )
        if given:
            self.too_long(
                loc,
                f"legacy_entry '{entry.name}' of {first.ident}",
                entry.name,
                LEGACY,
                LEGACY_METHOD_MAX,
                "event names",
                "choose a shorter legacy_entry",
            )
        elif len(entry.method) <= LEGACY_METHOD_MAX:  # else reported for the method
            self.too_long(
                loc,
                f"the {LEGACY} event name '{entry.name}' (from method '{entry.method}')",
                entry.name,
                LEGACY,
                LEGACY_METHOD_MAX,
                "event names (the method in snake_case)",
                "choose a shorter method name or name the entry with 'legacy_entry:'",
            )

    def legacy_name(
        self, loc: Loc, subject: str, name: str, limit: int, kind: str, fix: str
    ) -> None:
        self.too_long(loc, f"{subject} '{name}'", name, LEGACY, limit, kind, fix)
        if not _IDENTIFIER.match(name):
            self.add(
                loc, f"{subject} '{name}' does not match {_IDENTIFIER_HINT}; rename it"
            )

    def legacy_extra(self, event: Event) -> None:
        if len(event.extra) > LEGACY_EXTRA_KEYS_MAX:
            self.add(
                event.loc,
                f"event {event.ident} has {len(event.extra)} extra keys, which exceeds the {LEGACY} limit of "
                f"{LEGACY_EXTRA_KEYS_MAX} extra keys per event; split the event or drop keys",
            )
        for key in event.extra:  # two keys under one name are refused at load
            name = key.legacy_key
            if len(name) <= LEGACY_EXTRA_KEY_MAX and (
                key.legacy_name or _IDENTIFIER.match(name)
            ):
                continue  # the usual case, checked without building any message
            where = f"extra key '{key.name}' of {event.ident}"
            if key.legacy_name is not None:
                self.too_long(
                    key.legacy_loc,
                    f"legacy_name '{key.legacy_name}' of {where}",
                    key.legacy_name,
                    LEGACY,
                    LEGACY_EXTRA_KEY_MAX,
                    "extra key names",
                    "choose a shorter legacy_name",
                )
            else:
                self.too_long(
                    key.loc,
                    where,
                    key.name,
                    LEGACY,
                    LEGACY_EXTRA_KEY_MAX,
                    "extra key names",
                    f"add 'legacy_name:' with the name, at most {LEGACY_EXTRA_KEY_MAX} characters, that Firefox records it under",
                )
                if not _IDENTIFIER.match(key.name):
                    self.add(
                        key.loc,
                        f"{where} does not match {_IDENTIFIER_HINT}; rename it or add 'legacy_name:'",
                    )


OUTPUT = Output(
    name="legacy",
    summary="Normandy's entries of Firefox's legacy Events.yaml",
    targets=(
        Target("legacy/Events.yaml.j2", "legacy/Events.yaml", context),
        Target("legacy/Scalars.yaml.j2", "legacy/Scalars.yaml", scalars_context),
    ),
    filters={"yaml": yaml_scalar, "comment": comment_text, "corrected": corrected},
    enabled=lambda spec: spec.has_firefox_metadata,
    check_limits=check_limits,
    cost=0.07,
)
