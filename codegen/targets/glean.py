"""The Glean output: ``metrics.yaml`` in the format of Firefox's own.

Firefox's ``toolkit/components/normandy/metrics.yaml`` is what this output
stands in for; :func:`context` lays out what its template renders and
:func:`check_limits` holds the spec to the limits ``glean_parser`` 22 enforces
(``schemas/metrics.2-0-0.schema.yaml`` and the errors of ``glean_parser
glinter``). A spec that breaks one stops generation with
``spec/normandy.yaml:LINE:COL:``, the limit and how to fix it. Rules the spec's
own patterns already guarantee (snake_case Glean names from lowerCamelCase
methods and snake_case objects, for instance) are not repeated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.literals import comment_text, yaml_scalar
from codegen.model import (
    NORMANDY_GLEAN_FILE,
    Event,
    EventObject,
    Loc,
    Metadata,
    Scalar,
    Spec,
    UptakeGlean,
    corrected,
    event_corrected,
    named_correction,
)
from codegen.problems import Problem
from codegen.targets.base import LimitChecker, Output, Target

GLEAN = "Glean metrics.yaml"

# glean_parser 22: schemas/metrics.2-0-0.schema.yaml and lint.py.
GLEAN_CATEGORY_MAX = 40
GLEAN_RESERVED_CATEGORIES = ("pings", "tags")
GLEAN_METRIC_MAX = 70
GLEAN_EXTRA_KEYS_MAX = 50
GLEAN_EXTRA_KEY_MAX = 40
GLEAN_VALUE_KEY = "value"  # the extra key that carries a legacy event's value
GLEAN_SENSITIVE_KEYS = ("url", "uri")  # glinter's HIGHER_DATA_SENSITIVITY_REQUIRED
GLEAN_EXTRA_VALUE_MAX = 500
"""The Glean SDK keeps at most this many bytes of an event's extra value."""
GLEAN_METADATA_FIELDS = (
    "bugs",
    "data_reviews",
    "notification_emails",
    "expires",
    "tags",
    "glean_file",
)
"""The ``metadata`` fields a Glean metric is written from."""


@dataclass(frozen=True)
class GleanMetric:
    """One metric as a Glean file declares it."""

    kind: str
    """``event``, ``scalar`` or ``uptake``: which template branch writes it."""
    item: Event | Scalar | UptakeGlean
    metadata: Metadata
    group: tuple[Event, ...] = ()
    """The events whose keys an event metric declares besides its own (``per_method``)."""
    filler: str = ""
    owner: EventObject | None = None
    """An event's object, whose correction holds for the event too."""

    @property
    def event_description(self) -> str:
        """An event's description with its corrections and its object's."""
        assert isinstance(self.item, Event)
        return event_corrected(self.item.description, self.item, self.owner)

    @property
    def key_names(self) -> tuple[str, ...]:
        """An event's extra keys besides ``value``, without their descriptions."""
        if not isinstance(self.item, Event):
            return ()
        names = dict.fromkeys(key.legacy_key for key in self.item.extra)
        names.update(
            dict.fromkeys(key.legacy_key for e in self.group for key in e.extra)
        )
        return tuple(names)

    @property
    def extra_keys(self) -> tuple[tuple[str, str], ...]:
        """``(name, description)`` of an event's keys, besides ``value``: made
        only for the file itself (the docs need the names alone)."""
        if not isinstance(self.item, Event):
            return ()
        return _event_keys(self.item, list(self.group), self.filler, self.owner)


@dataclass(frozen=True)
class GleanFile:
    """One ``metrics.yaml``: Normandy's own, or another component's file that
    holds some of Normandy's metrics (Uptake, Nimbus)."""

    path: str
    """Where it is generated, relative to the output directory."""
    firefox_path: str
    """The file in Firefox's source tree it stands for."""
    tags: tuple[str, ...]
    """``$tags`` of the whole file: the tags every metric in it shares."""
    categories: tuple[tuple[str, tuple[GleanMetric, ...]], ...]
    """The metrics by category, in spec order: a category is written once (YAML
    refuses duplicate keys), so metrics that share one are gathered under it."""

    def own_tags(self, metric: GleanMetric) -> tuple[str, ...]:
        """Tags the metric must state itself, when the file's ``$tags`` do not say them."""
        return () if metric.metadata.tags == self.tags else metric.metadata.tags


def output_path(glean_file: str) -> str:
    """Normandy's file at its stable path; another component's under its own."""
    return (
        "glean/metrics.yaml"
        if glean_file == NORMANDY_GLEAN_FILE
        else f"glean/{glean_file}"
    )


def _event_keys(
    event: Event, group: list[Event], filler: str, owner: EventObject | None = None
) -> tuple[tuple[str, str], ...]:
    """The event's keys, then (``per_method``) the other keys of its method's events."""
    keys = {
        key.legacy_key: key.firefox_description(filler, event, owner)
        for key in event.extra
    }
    others: dict[str, list[str]] = {}
    for other in group:
        for key in other.extra:
            if key.legacy_key not in keys:
                others.setdefault(key.legacy_key, []).append(other.object)
    for name, objects in others.items():
        keys[name] = (
            f"Not sent with {event.object} events: every `{event.method}` metric "
            f"declares the keys of all `{event.method}` events, as Firefox's own file "
            f"does. Declared for {', '.join(objects)} events."
        )
    return tuple(keys.items())


def glean_files(spec: Spec) -> list[GleanFile]:
    """Every Glean file the spec's metrics go to, Normandy's own first."""
    assert spec.metadata is not None  # the output is enabled only with metadata
    filler = spec.enrollment_id.filler
    per_method = spec.events.glean_extra_keys == "per_method"
    groups = spec.events.by_method()
    owners = spec.events.owners()
    metrics: list[tuple[str, GleanMetric]] = []  # (category, metric) in spec order
    for event in spec.events.all:
        if event.in_glean and event.metadata is not None:
            group = (
                tuple(e for e in groups[event.method] if e.in_glean)
                if per_method
                else ()
            )
            metric = GleanMetric(
                "event", event, event.metadata, group, filler, owners[event.object]
            )
            metrics.append((event.category, metric))
    for scalar in spec.scalars:
        if scalar.metadata is not None:
            metrics.append(
                (scalar.category, GleanMetric("scalar", scalar, scalar.metadata))
            )
    uptake = spec.uptake.glean
    if uptake is not None and uptake.metadata is not None:
        metrics.append(
            (uptake.category, GleanMetric("uptake", uptake, uptake.metadata))
        )
    by_file: dict[str, dict[str, list[GleanMetric]]] = {spec.metadata.glean_file: {}}
    for category, metric in metrics:
        by_file.setdefault(metric.metadata.glean_file, {}).setdefault(
            category, []
        ).append(metric)
    files = []
    for firefox_path, categories in by_file.items():
        tag_sets = {m.metadata.tags for ms in categories.values() for m in ms}
        tags = tag_sets.pop() if len(tag_sets) == 1 else ()
        files.append(
            GleanFile(
                output_path(firefox_path),
                firefox_path,
                tags,
                tuple((c, tuple(ms)) for c, ms in categories.items()),
            )
        )
    return files


def instances(spec: Spec) -> list[tuple[str, dict[str, Any]]]:
    return [(file.path, {"file": file}) for file in glean_files(spec)]


def tags_file(spec: Spec) -> list[tuple[str, dict[str, Any]]]:
    """``glean/tags.yaml``, defining every tag the metrics use, when they use any:
    glean_parser refuses a tag it has no definition of. Firefox's build has its
    own (``toolkit/components/glean/tags.yaml``), which defines these already."""
    tags = sorted(
        {
            t
            for f in glean_files(spec)
            for _, ms in f.categories
            for m in ms
            for t in m.metadata.tags
        }
    )
    return [("glean/tags.yaml", {"tags": tags})] if tags else []


def context(spec: Spec) -> dict[str, Any]:
    """What ``templates/glean/metrics.yaml.j2`` needs besides the spec and its file."""
    uptake = spec.uptake
    sources = [
        f"- `{source.key}`: {' '.join(source.title.split())}."
        + (
            f" `<{source.placeholder.name}>`: {' '.join(source.placeholder.description.split())}"
            if source.placeholder
            else ""
        )
        for source in uptake.sources
    ]
    source_corrections = "".join(  # after the list, which markdown joins into a line
        named_correction(source, f"`{source.key}`") for source in uptake.sources
    )
    values = [
        f"- `{value}`: reported for {', '.join(constants)}"
        for value, constants in uptake.reported_values.items()
    ]
    return {
        "uptake_source_text": "The Uptake key the status is reported under.\n\nAllowed values:\n"
        + "\n".join(sources)
        + source_corrections,
        "uptake_value_text": "The status's Uptake value.\n\nAllowed values:\n"
        + "\n".join(values)
        + "".join(
            named_correction(status, status.constant, source)
            for source, status in uptake.statuses
        ),
    }


def check_limits(spec: Spec) -> list[Problem]:
    """Every place the spec breaks a limit of ``metrics.yaml``, in no order."""
    checker = _Checker()
    checker.glean(spec)
    return checker.problems


class _Checker(LimitChecker):
    def __init__(self) -> None:
        super().__init__()
        self.metrics: dict[str, tuple[Loc, str]] = {}  # category.name -> first use
        self.squashed: dict[str, tuple[Loc, str]] = {}  # the same without '_' and '.'

    def glean(self, spec: Spec) -> None:
        events = spec.events
        self.glean_category(
            events.loc, events.category, f"event category '{events.category}'"
        )
        per_method = events.glean_extra_keys == "per_method"
        shared = {
            method: {k.legacy_key for e in group if e.in_glean for k in e.extra}
            for method, group in events.by_method().items()
        }
        for event in events.all:
            if not event.in_glean:
                continue
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
            own = len(shared[event.method]) if per_method else len(event.extra)
            self.glean_extra_count(
                event.loc,
                where,
                own,
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


OUTPUT = Output(
    name="glean",
    summary="Glean metrics.yaml, as Firefox's build reads it",
    targets=(
        Target("glean/metrics.yaml.j2", "glean/metrics.yaml", context, instances),
        Target("glean/tags.yaml.j2", "glean/tags.yaml", instances=tags_file),
    ),
    filters={"yaml": yaml_scalar, "comment": comment_text, "corrected": corrected},
    enabled=lambda spec: spec.has_firefox_metadata,
    check_limits=check_limits,
    cost=0.15,
)
