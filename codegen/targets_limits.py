"""Firefox's limits on names, checked on the model before anything is rendered.

Two outputs feed Firefox's build, and each has its own rules:

- Glean ``metrics.yaml``, as ``glean_parser`` 22 enforces them
  (``schemas/metrics.2-0-0.schema.yaml`` and the errors of ``glean_parser glinter``);
- the legacy ``Events.yaml``, as Firefox's ``parse_events.py`` enforces them.

A spec that breaks one stops generation with ``spec/normandy.yaml:LINE:COL:``,
the limit, the target and how to fix it. Nothing is cut or renamed to fit: the
only way round a limit is an explicit choice written in the spec
(``legacy_name`` on an extra key). Rules the spec's own patterns already
guarantee (snake_case Glean names from lowerCamelCase methods and snake_case
objects, for instance) are not repeated here.

The checks run only when the spec has ``metadata``, because only then are the
two files generated. This module also lays out what the two templates render
(``legacy_entries``, ``glean_context``), since that layout is shaped by the limits.
"""

from __future__ import annotations

import re

from codegen.model import Event, Events, LegacyEntry, Loc, Spec, snake_case
from codegen.problems import Problem

GLEAN = "Glean metrics.yaml"
LEGACY = "legacy Events.yaml"

# glean_parser 22: schemas/metrics.2-0-0.schema.yaml and lint.py.
GLEAN_CATEGORY_MAX = 40
GLEAN_RESERVED_CATEGORIES = ("pings", "tags")
GLEAN_METRIC_MAX = 70
GLEAN_EXTRA_KEYS_MAX = 50
GLEAN_EXTRA_KEY_MAX = 40
GLEAN_VALUE_KEY = "value"  # the extra key that carries a legacy event's value
GLEAN_SENSITIVE_KEYS = ("url", "uri")  # glinter's HIGHER_DATA_SENSITIVITY_REQUIRED

# Firefox: toolkit/components/telemetry/build_scripts/mozparsers/parse_events.py.
LEGACY_IDENTIFIER = r"^[a-zA-Z][a-zA-Z0-9_.]*[a-zA-Z0-9]$"
LEGACY_CATEGORY_MAX = 30
LEGACY_METHOD_MAX = 20  # also the limit on an entry's (event's) name
LEGACY_OBJECT_MAX = 20
LEGACY_EXTRA_KEYS_MAX = 10
LEGACY_EXTRA_KEY_MAX = 15

_IDENTIFIER = re.compile(LEGACY_IDENTIFIER)
_IDENTIFIER_HINT = (
    f"the {LEGACY} identifier pattern {LEGACY_IDENTIFIER} (at least 2 characters: letters, digits, "
    "'_' or '.', starting with a letter and ending with a letter or digit)"
)


def legacy_entries(events: Events) -> tuple[LegacyEntry, ...]:
    """The entries of the legacy ``Events.yaml``, in first-use order of their methods.

    As in Firefox's own file, one entry holds a method and every object it is
    recorded with (``enroll_failed: methods: [enrollFailed], objects: [...]``),
    and lists the union of those events' extra keys. When that union would pass
    the 10-key limit, the method continues in another entry (``<name>_2``, ...):
    entry names are labels only, an event is identified by category, method and
    object, so the split changes nothing that Firefox records.
    """
    by_method: dict[str, list[Event]] = {}
    for event in events.all:
        by_method.setdefault(event.method, []).append(event)
    entries: list[LegacyEntry] = []
    for method, method_events in by_method.items():
        groups: list[list[Event]] = []
        keys: set[str] = set()
        for event in method_events:
            event_keys = {k.legacy_key for k in event.extra}
            if not groups or len(keys | event_keys) > LEGACY_EXTRA_KEYS_MAX:
                groups.append([])
                keys = set()
            groups[-1].append(event)
            keys |= event_keys
        base = snake_case(method)
        for index, group in enumerate(groups, 1):
            name = base if index == 1 else f"{base}_{index}"
            entries.append(LegacyEntry(name, method, tuple(group)))
    return tuple(entries)


def glean_categories(spec: Spec) -> list[tuple[str, list[tuple[str, object]]]]:
    """The metrics of ``metrics.yaml`` by category, in spec order: ``(kind, item)`` pairs
    whose kind is ``event``, ``scalar`` or ``uptake``. A category is written once
    (YAML refuses duplicate keys), so items that share one are gathered under it."""
    categories: dict[str, list[tuple[str, object]]] = {}
    for event in spec.events.all:
        categories.setdefault(event.category, []).append(("event", event))
    for scalar in spec.scalars:
        categories.setdefault(scalar.category, []).append(("scalar", scalar))
    if spec.uptake.glean is not None:
        categories.setdefault(spec.uptake.glean.category, []).append(
            ("uptake", spec.uptake.glean)
        )
    return list(categories.items())


def glean_context(spec: Spec) -> dict[str, object]:
    """What ``templates/glean/metrics.yaml.j2`` needs besides the spec."""
    uptake = spec.uptake
    sources = [
        f"- `{source.key}`: {' '.join(source.description.split())}"
        + (
            f" `<{source.placeholder.name}>`: {' '.join(source.placeholder.description.split())}"
            if source.placeholder
            else ""
        )
        for source in uptake.sources
    ]
    values = [
        f"- `{value}`: reported for {', '.join(constants)}"
        for value, constants in uptake.reported_values.items()
    ]
    return {
        "categories": glean_categories(spec),
        "uptake_source_text": "The Uptake key the status is reported under.\n\nAllowed values:\n"
        + "\n".join(sources),
        "uptake_value_text": "The status's Uptake value.\n\nAllowed values:\n"
        + "\n".join(values),
    }


def check_target_limits(spec: Spec) -> list[Problem]:
    """Every place the spec breaks a limit of the Glean or legacy output, in no order."""
    if spec.metadata is None:
        return []
    checker = _Checker()
    checker.glean(spec)
    checker.legacy(spec)
    return checker.problems


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.metrics: dict[str, tuple[Loc, str]] = (
            {}
        )  # Glean category.name -> first use
        self.squashed: dict[str, tuple[Loc, str]] = {}  # the same without '_' and '.'

    def add(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(loc.line, loc.column, message))

    def too_long(
        self,
        loc: Loc,
        subject: str,
        name: str,
        target: str,
        limit: int,
        kind: str,
        fix: str,
    ) -> None:
        """``subject`` names the item and quotes ``name``, whose length is checked."""
        if len(name) > limit:
            self.add(
                loc,
                f"{subject} has {len(name)} characters, which exceeds the {target} limit of "
                f"{limit} characters for {kind}; {fix}",
            )

    # -- Glean ----------------------------------------------------------------

    def glean(self, spec: Spec) -> None:
        events = spec.events
        self.glean_category(
            events.loc, events.category, f"event category '{events.category}'"
        )
        for event in events.all:
            where = f"event {event.ident}"
            name = event.glean_name
            self.too_long(
                event.loc,
                f"the Glean metric name '{name}' (from {where})",
                name,
                GLEAN,
                GLEAN_METRIC_MAX,
                "metric names (method and object in snake_case, joined by '_')",
                "shorten the method or the object name",
            )
            self.glean_metric(event.loc, event.category, name, where)
            self.glean_extra_count(
                event.loc,
                where,
                len(event.extra),
                "the 'value' key that carries the legacy event's value",
                1,
            )
            for key in event.extra:
                recorded = key.legacy_key
                if (
                    len(recorded) <= GLEAN_EXTRA_KEY_MAX
                    and recorded != GLEAN_VALUE_KEY
                    and recorded not in GLEAN_SENSITIVE_KEYS
                ):
                    continue  # the usual case, checked without building any message
                key_where = f"extra key '{key.name}' of {event.ident}"
                if recorded == GLEAN_VALUE_KEY:
                    self.add(
                        key.legacy_loc if key.legacy_name else key.loc,
                        f"{key_where} is recorded as '{GLEAN_VALUE_KEY}', which the {GLEAN} event already uses "
                        f"for the legacy event's value; rename the key or give it another 'legacy_name:'",
                    )
                described = (
                    f"{key_where}, recorded as '{recorded}',"
                    if key.legacy_name
                    else key_where
                )
                self.glean_extra_key(
                    key.legacy_loc if key.legacy_name else key.loc, described, recorded
                )
        for scalar in spec.scalars:
            where = f"scalar '{scalar.name}'"
            name_loc = scalar.loc
            self.glean_category(
                name_loc,
                scalar.category,
                f"the Glean category '{scalar.category}' of {where}",
            )
            self.too_long(
                name_loc,
                f"the Glean metric name '{scalar.short_name}' of {where}",
                scalar.short_name,
                GLEAN,
                GLEAN_METRIC_MAX,
                "metric names",
                "shorten the scalar's name",
            )
            self.glean_metric(name_loc, scalar.category, scalar.short_name, where)
        uptake = spec.uptake.glean
        if uptake is not None:
            where = f"uptake event '{uptake.category}.{uptake.name}'"
            self.glean_category(
                uptake.loc,
                uptake.category,
                f"the Glean category '{uptake.category}' of the {where}",
            )
            self.too_long(
                uptake.loc,
                f"the Glean metric name '{uptake.name}' of the {where}",
                uptake.name,
                GLEAN,
                GLEAN_METRIC_MAX,
                "metric names",
                "shorten it",
            )
            self.glean_metric(uptake.loc, uptake.category, uptake.name, where)
            self.glean_extra_count(
                uptake.loc, f"the {where}", len(uptake.extra), "'source' and 'value'", 2
            )
            for extra in uptake.extra:
                if extra.name in ("source", GLEAN_VALUE_KEY):
                    self.add(
                        extra.loc,
                        f"extra key '{extra.name}' of the {where} is already made from the uptake sources "
                        "and statuses; remove it from 'extra'",
                    )
                self.glean_extra_key(
                    extra.loc, f"extra key '{extra.name}' of the {where}", extra.name
                )

    def glean_category(self, loc: Loc, category: str, subject: str) -> None:
        """``subject`` names the item and quotes ``category``."""
        self.too_long(
            loc,
            subject,
            category,
            GLEAN,
            GLEAN_CATEGORY_MAX,
            "category names",
            "choose a shorter category",
        )
        if category in GLEAN_RESERVED_CATEGORIES:
            self.add(
                loc,
                f"{subject} is reserved by {GLEAN} (reserved: {', '.join(GLEAN_RESERVED_CATEGORIES)}); choose another category",
            )

    def glean_metric(self, loc: Loc, category: str, name: str, where: str) -> None:
        """Two items must not become one metric, nor two whose names differ only in '_' and '.'
        (glinter's NAME_TOO_SIMILAR error)."""
        full = f"{category}.{name}"
        squashed = full.replace("_", "").replace(".", "")
        exact = self.metrics.get(full)
        similar = self.squashed.get(squashed)
        if exact is not None:
            self.add(
                loc,
                f"{where} becomes the Glean metric {full}, like {exact[1]} (line {exact[0].line}); rename one of them",
            )
        elif similar is not None:
            self.add(
                loc,
                f"{where} becomes the Glean metric {full}, whose name differs from that of {similar[1]} (line "
                f"{similar[0].line}) only in '_' and '.', which {GLEAN} rejects (glinter NAME_TOO_SIMILAR); rename one of them",
            )
        self.metrics.setdefault(full, (loc, where))
        self.squashed.setdefault(squashed, (loc, where))

    def glean_extra_count(
        self, loc: Loc, where: str, own: int, added: str, added_count: int
    ) -> None:
        count = own + added_count
        if count > GLEAN_EXTRA_KEYS_MAX:
            self.add(
                loc,
                f"{where} has {count} extra keys in {GLEAN} ({own} of its own and {added}), which exceeds the "
                f"{GLEAN} limit of {GLEAN_EXTRA_KEYS_MAX} extra keys per event; split the event or drop keys",
            )

    def glean_extra_key(self, loc: Loc, where: str, name: str) -> None:
        """``where`` names the key and quotes ``name``."""
        self.too_long(
            loc,
            where,
            name,
            GLEAN,
            GLEAN_EXTRA_KEY_MAX,
            "extra key names",
            "choose a shorter name",
        )
        if name in GLEAN_SENSITIVE_KEYS:
            self.add(
                loc,
                f"{where} is named '{name}', which {GLEAN}'s linter rejects as possibly sensitive data "
                "(glinter HIGHER_DATA_SENSITIVITY_REQUIRED); choose a name that says what the value is",
            )

    # -- legacy Events.yaml -----------------------------------------------------

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
        for entry in legacy_entries(events):
            if len(entry.method) > LEGACY_METHOD_MAX:
                continue  # already reported for the method itself
            first = entry.events[0]
            self.too_long(
                first.loc,
                f"the {LEGACY} event name '{entry.name}' (from method '{entry.method}')",
                entry.name,
                LEGACY,
                LEGACY_METHOD_MAX,
                "event names (the method in snake_case)",
                "choose a shorter method name",
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
        recorded: dict[str, str] = {}
        for key in event.extra:
            name = key.legacy_key
            if (
                len(name) <= LEGACY_EXTRA_KEY_MAX
                and name not in recorded
                and (key.legacy_name or _IDENTIFIER.match(name))
            ):
                recorded[name] = key.name
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
            other = recorded.get(key.legacy_key)
            if other is not None:
                self.add(
                    key.legacy_loc if key.legacy_name else key.loc,
                    f"{where} is recorded as '{key.legacy_key}', like extra key '{other}'; Firefox would mix them up, rename one",
                )
            recorded.setdefault(key.legacy_key, key.name)
