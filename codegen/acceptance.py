"""What the generated validators accept, read from the model: the judge of ``diff``.

A change to the spec is breaking when some record the old spec accepts is
refused by the new one, or when something clients use by name disappears.
This module answers both questions from two models:

* :func:`refusals` builds records the old spec's validators accept (events,
  Uptake reports, scalar entries), enough of them to reach every rule that
  decides a verdict (each allowed value, each condition, each limit at its
  edge, each name a key may be recorded under), and returns those the new
  spec's validators refuse, each with *causes*: which rule refused it, so
  that ``diff`` can lay the refusal at the edit that made it.
* :func:`definitions` lists what clients use by name: the package's
  constants, enums, builders and their keywords, scalar validators, and the
  Glean and legacy definitions Firefox's build reads.

The verdicts mirror ``codegen/runtime/validate.py`` (and the scalar and
Uptake checks); ``tests/package/test_diff_property.py`` holds them to the
generated validators themselves.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from codegen import model as m
from codegen.regex_samples import samples
from codegen.targets.legacy import legacy_entries

Cause = tuple[Any, ...]
"""Which rule refused a record: ``("extra-allowed", object, method, key, value)``,
``("event", object, method)``, ``("uptake-value", source, value)``..."""


@dataclass(frozen=True)
class Refusal:
    """A record the old spec accepts and the new one refuses."""

    kind: str
    """``event``, ``uptake`` or ``scalar``."""
    record: Any
    """An event mapping; ``(key, status)`` for Uptake; ``(scalar, key, value)``."""
    causes: tuple[Cause, ...]
    reason: str
    """The new spec's first objection, ``path: message``."""
    full: bool = True
    """False for a record that keeps some old name the new spec renamed: only
    the renames explain its refusal."""


# -- the validators' verdicts ----------------------------------------------------

UUIDS = ("5912ade2-8201-4774-a09d-807731afb9a8", "5912ADE2-8201-4774-A09D-807731AFB9A8")
_UUID = re.compile(m.UUID_PATTERN)

Verdict = list[tuple[Cause, str]]


def _event_index(spec: m.Spec) -> dict[tuple[str, str], m.Event]:
    return {(e.object, e.method): e for e in spec.events.all}


def _domain(key: m.ExtraKey, filler: str, text: str) -> str | None:
    """Why ``key`` refuses the value ``text`` (a cause's name), or None."""
    if key.allowed:
        return None if text in key.allowed_values else "extra-allowed"
    if len(text) > key.max_length:
        return "extra-length"
    if key.format == "enrollment_id" and text != filler and not _UUID.match(text):
        return "extra-format"
    return None


def event_verdict(
    spec: m.Spec, record: dict[str, Any], index: dict[tuple[str, str], m.Event]
) -> Verdict:
    """Every objection ``spec``'s validators make to ``record``, as (cause, text)."""
    found: Verdict = []
    obj, method, value = record["object"], record["method"], record["value"]
    if record["category"] != spec.events.category:
        found.append((("category",), f"category: must be {spec.events.category!r}"))
    event = index.get((obj, method))
    if value is None:
        if event is None or not event.value_optional:
            found.append((("value-null", obj, method), "value: must be a string"))
    elif len(value) > spec.events.value_max_length:
        limit = spec.events.value_max_length
        found.append(
            (
                ("value-length", obj, method),
                f"value: is {len(value)} characters; the limit is {limit}",
            )
        )
    if event is None:
        known = any(o.name == obj for o in spec.events.objects)
        text = (
            f"method: {method!r} is not an event of {obj}"
            if known
            else f"object: {obj!r} is not a Normandy object"
        )
        found.append((("event", obj, method), text))
        return found
    keys: dict[str, m.ExtraKey] = {}
    for key in event.extra:
        keys[key.name] = key
        if key.legacy_name:
            keys.setdefault(key.legacy_name, key)
    seen: dict[str, str] = {}
    strings: dict[str, str] = {}
    filler = spec.enrollment_id.filler
    for recorded, text in record["extra"].items():
        found_key = keys.get(recorded)
        where = f"extra.{recorded}"
        if found_key is None:
            cause = ("extra-unknown", obj, method, recorded)
            found.append((cause, f"{where}: unexpected key"))
            continue
        key = found_key
        if key.name in seen:
            found.append(
                (("extra-twice", obj, method, key.name), f"{where}: sent twice")
            )
            continue
        seen[key.name] = recorded
        strings[key.name] = text
        refused = _domain(key, filler, text)
        if refused:
            found.append(
                (
                    (refused, obj, method, key.name, text),
                    f"{where}: {text!r} is {_DOMAIN_TEXT[refused]}",
                )
            )
    for key in event.extra:
        cause = ("extra-presence", obj, method, key.name)
        if key.required and key.name not in seen:
            found.append((cause, f"extra.{key.name}: missing; it is always sent"))
        elif key.when:
            holds = all(strings.get(c.key) in c.values for c in key.when)
            if holds and key.name not in seen:
                found.append((cause, f"extra.{key.name}: missing under its condition"))
            elif key.name in seen and not holds:
                text = (
                    f"extra.{seen[key.name]}: must be absent unless its condition holds"
                )
                found.append((cause, text))
    return found


_DOMAIN_TEXT = {
    "extra-allowed": "not an allowed value",
    "extra-length": "longer than the key's limit",
    "extra-format": "neither a UUID without braces nor the enrollment-ID filler",
}


def uptake_source(spec: m.Spec, key: str) -> m.UptakeSource | None:
    """The source whose key ``key`` is: the first that matches, as the validators read them."""
    for source in spec.uptake.sources:
        if re.fullmatch(source.key_regex, key):
            return source
    return None


def uptake_accepts(spec: m.Spec, key: str, value: str) -> bool:
    source = uptake_source(spec, key)
    return source is not None and value in _reported(source)


def _reported(source: m.UptakeSource) -> set[str]:
    return {v for status in source.statuses for v in status.reported_values}


# -- counterparts: an item of the old spec and the one it became -------------------

Item = TypeVar("Item")


def counterparts(
    old: Sequence[Item], new: Sequence[Item], name: Callable[[Item], str]
) -> dict[str, Item]:
    """Each old item's name -> the new item of that name, or the one that records
    ``renamed_from`` it (when the old name is gone)."""
    by_name = {name(item): item for item in new}
    found = {name(item): by_name[name(item)] for item in old if name(item) in by_name}
    old_names = {name(item) for item in old}
    for item in new:
        origin = getattr(item, "renamed_from", None)
        if (
            origin in old_names
            and origin not in by_name
            and name(item) not in old_names
        ):
            found[origin] = item
    return found


# -- records the old spec accepts ------------------------------------------------


def _free_values(
    key: m.ExtraKey, filler: str, others: Sequence[m.ExtraKey]
) -> list[str]:
    """Values of a key without allowed values: the longest it takes, the shortest,
    and what the new spec singles out (its allowed values, an enrollment ID)."""
    limit = key.max_length
    if key.format == "enrollment_id":
        return [v for v in (*UUIDS, filler) if len(v) <= limit]
    values = ["x", "x" * limit]
    for other in others:
        values.append("x" * (other.max_length + 1))  # just over a narrower limit
        values += other.allowed_values
        values += [*UUIDS, filler]
        closed = set(other.allowed_values)
        values.append(next(s for s in ("x", "y", "zz", "x-y_1") if s not in closed))
    return [v for v in dict.fromkeys(values) if len(v) <= limit]


@dataclass
class _EventPair:
    old_spec: m.Spec
    new_spec: m.Spec
    old: m.Event
    new: m.Event | None
    key_map: dict[str, m.ExtraKey]
    value_maps: dict[str, dict[str, str]]


def _options(
    pair: _EventPair, key: m.ExtraKey, optional: bool, conditions: Sequence[m.Condition]
) -> list[tuple[str, str] | None]:
    """The ways an old record may carry ``key``: absent (None) or (recorded name,
    value), one value per class of values that no rule tells apart."""
    filler = pair.old_spec.enrollment_id.filler
    new_key = pair.key_map.get(key.name)
    new_filler = pair.new_spec.enrollment_id.filler
    if key.allowed:
        values = list(key.allowed_values)
    else:
        values = _free_values(key, filler, [new_key] if new_key else [])
    names = [key.name]
    if key.legacy_name and key.legacy_name != key.name:
        names.append(key.legacy_name)
    kept: dict[object, str] = {}
    for value in values:
        translated = pair.value_maps.get(key.name, {}).get(value, value)
        refused = (
            _domain(new_key, new_filler, translated) if new_key is not None else "gone"
        )
        marks = tuple(value in c.values for c in conditions if c.key == key.name)
        kept.setdefault((marks, refused, value if refused else None), value)
    options: list[tuple[str, str] | None] = [None] if optional else []
    options += [(name, value) for name in names for value in kept.values()]
    return options


def _old_records(pair: _EventPair) -> Iterator[dict[str, str]]:
    """Extra mappings the old spec accepts for the old event: every combination of
    the keys that conditions tie together, each other key varied alone."""
    old, new = pair.old, pair.new
    conditions = [c for k in old.extra for c in k.when]
    if new is not None:
        conditions += [c for k in new.extra for c in k.when]
    back = {k.name: name for name, k in pair.key_map.items()}
    tied = {c.key for c in conditions} | {back.get(c.key, c.key) for c in conditions}
    tied |= {k.name for k in old.extra if k.when}
    if new is not None:
        tied |= {back[k.name] for k in new.extra if k.when and k.name in back}
    ruled = [k for k in old.extra if k.name in tied]
    free = [k for k in old.extra if k.name not in tied]
    ruled_options = [_options(pair, k, not k.required, conditions) for k in ruled]
    free_options = [_options(pair, k, not k.required, conditions) for k in free]
    base = [opts[0] for opts in free_options]
    variations: list[list[tuple[str, str] | None]] = [base]
    for index, opts in enumerate(free_options):
        for option in opts[1:]:
            variations.append(base[:index] + [option] + base[index + 1 :])
    for combination in itertools.islice(itertools.product(*ruled_options), 20_000):
        chosen = dict(zip((k.name for k in ruled), combination))
        if not _conditions_hold(old, chosen):
            continue
        for variation in variations:
            extra = {}
            for option in (*combination, *variation):
                if option is not None:
                    extra[option[0]] = option[1]
            yield extra


def _conditions_hold(event: m.Event, chosen: dict[str, tuple[str, str] | None]) -> bool:
    """Whether the tied keys' choice obeys the old event's presence rules."""
    values = {name: option[1] for name, option in chosen.items() if option}
    for key in event.extra:
        if key.name not in chosen:
            continue
        present = chosen[key.name] is not None
        if key.required and not present:
            return False
        if key.when:
            holds = all(values.get(c.key) in c.values for c in key.when)
            if holds != present:
                return False
    return True


def _translate(
    pair: _EventPair, record: dict[str, Any], event: bool, keys: bool, values: bool
) -> dict[str, Any]:
    """The record with the old names the new spec renamed replaced by the new ones."""
    new = pair.new
    assert new is not None
    extra = {}
    by_recorded = {}
    for key in pair.old.extra:
        by_recorded[key.name] = key
        if key.legacy_name:
            by_recorded[key.legacy_name] = key
    for recorded, text in record["extra"].items():
        old_key = by_recorded[recorded]
        target = pair.key_map.get(old_key.name)
        name = recorded
        if keys and target is not None:
            name = (
                target.legacy_key
                if recorded == old_key.legacy_name and target.legacy_name
                else target.name
            )
        if values:
            text = pair.value_maps.get(old_key.name, {}).get(text, text)
        extra[name] = text
    translated = dict(record, extra=extra)
    if event:
        translated.update(object=new.object, method=new.method)
    return translated


def _event_pairs(old: m.Spec, new: m.Spec) -> Iterator[_EventPair]:
    objects = counterparts(old.events.objects, new.events.objects, lambda o: o.name)
    for obj in old.events.objects:
        new_obj = objects.get(obj.name)
        events = (
            counterparts(obj.events, new_obj.events, lambda e: e.method)
            if new_obj
            else {}
        )
        for event in obj.events:
            target = events.get(event.method)
            key_map = (
                counterparts(event.extra, target.extra, lambda k: k.name)
                if target
                else {}
            )
            value_maps = {}
            for key in event.extra:
                if key.name in key_map:
                    allowed = counterparts(
                        key.allowed, key_map[key.name].allowed, lambda a: a.value
                    )
                    value_maps[key.name] = {
                        old_value: item.value for old_value, item in allowed.items()
                    }
            yield _EventPair(old, new, event, target, key_map, value_maps)


def _same_rules(old: m.Spec, new: m.Spec) -> bool:
    return (
        old.events.category,
        old.events.value_max_length,
        old.enrollment_id.filler,
    ) == (new.events.category, new.events.value_max_length, new.enrollment_id.filler)


def event_refusals(old: m.Spec, new: m.Spec) -> Iterator[Refusal]:
    old_index, new_index = _event_index(old), _event_index(new)
    same = _same_rules(old, new)
    for pair in _event_pairs(old, new):
        event = pair.old
        if same and pair.new == event:
            continue  # nothing that decides a verdict changed
        longest = old.events.value_max_length
        narrower = min(longest, new.events.value_max_length + 1)
        values: list[str | None] = list(
            dict.fromkeys(["v", "v" * narrower, "v" * longest])
        )
        if event.value_optional:
            values.append(None)
        renamed = pair.new is not None and (
            (pair.new.object, pair.new.method) != (event.object, event.method)
            or any(
                k.name != pair.key_map[k.name].name
                for k in event.extra
                if k.name in pair.key_map
            )
            or any(
                v != w
                for mapping in pair.value_maps.values()
                for v, w in mapping.items()
            )
        )
        records = _old_records(pair)
        if pair.new is None:  # every record is refused alike: one shows it
            records = itertools.islice(records, 1)
        for index, extra in enumerate(records):
            for value in values if index == 0 else values[:1]:
                record = {
                    "category": old.events.category,
                    "method": event.method,
                    "object": event.object,
                    "value": value,
                    "extra": extra,
                }
                if event_verdict(old, record, old_index):
                    continue  # not a record the old spec accepts
                variants = [record]
                if renamed:
                    variants += [
                        _translate(pair, record, True, True, True),
                        _translate(pair, record, True, False, True),
                        _translate(pair, record, True, True, False),
                    ]
                complete = _frozen(variants[-3] if renamed else record)
                for variant in dict.fromkeys(map(_frozen, variants)):
                    shown = _thawed(variant)
                    verdict = event_verdict(new, shown, new_index)
                    if verdict:
                        # The record as the old spec's sender writes it, and what
                        # the new spec says of it (read with the new names, where
                        # the new spec renamed something).
                        reason = verdict[0][1]
                        if variant != _frozen(record):
                            reason += " (read with the names the new spec gave it)"
                        yield Refusal(
                            "event",
                            record,
                            tuple(c for c, _ in verdict),
                            reason,
                            variant == complete,
                        )


def _frozen(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(
        (k, tuple(v.items()) if isinstance(v, dict) else v) for k, v in record.items()
    )


def _thawed(frozen: tuple[Any, ...]) -> dict[str, Any]:
    return {k: dict(v) if k == "extra" else v for k, v in frozen}


def _source_keys(source: m.UptakeSource) -> list[str]:
    if source.placeholder is None:
        return [source.key]
    return [source.key_prefix + s for s in samples(source.placeholder.pattern)]


def uptake_refusals(old: m.Spec, new: m.Spec) -> Iterator[Refusal]:
    if old.uptake.sources == new.uptake.sources:
        return
    for source in old.uptake.sources:
        for key in _source_keys(source):
            if uptake_source(old, key) is not source:
                continue  # an earlier source claims it
            target = uptake_source(new, key)
            for value in dict.fromkeys(
                v for s in source.statuses for v in s.reported_values
            ):
                if target is None:
                    cause: Cause = ("uptake-key", source.name)
                    reason = f"source: {key!r} is not a Normandy uptake key"
                elif value in _reported(target):
                    continue
                elif target.name == source.name or target.renamed_from == source.name:
                    cause = ("uptake-value", source.name, value)
                    reason = f"status: {value!r} is not a status of {target.key}"
                else:
                    cause = ("uptake-claimed", source.name, target.name)
                    reason = f"status: {value!r} is not a status of {target.key}"
                yield Refusal("uptake", (key, value), (cause,), reason)


def scalar_refusals(old: m.Spec, new: m.Spec) -> Iterator[Refusal]:
    scalars = {s.ident: s for s in new.scalars}
    for scalar in old.scalars:
        target = scalars.get(scalar.ident)
        if target is None or target.key.pattern == scalar.key.pattern:
            continue
        for key in samples(scalar.key.pattern):
            if not re.fullmatch(target.key.pattern, key):
                reason = f"key: {key!r} is not a {target.key.name}"
                cause = ("scalar-key", scalar.ident)
                yield Refusal("scalar", (scalar.ident, key, 0), (cause,), reason)


def refusals(old: m.Spec, new: m.Spec) -> list[Refusal]:
    """Records the old spec accepts and the new refuses (none: nothing old breaks)."""
    return [
        *event_refusals(old, new),
        *uptake_refusals(old, new),
        *scalar_refusals(old, new),
    ]


# -- what clients use by name ----------------------------------------------------

Path = tuple[str, ...]


@dataclass(frozen=True)
class Definition:
    """Something a client uses by name, and what in the spec decides it."""

    name: str
    paths: tuple[Path, ...]
    """The spec items that define it."""
    fields: tuple[str, ...] = ()
    """Fields of those items it depends on (``recorded_in.glean``, ``legacy_name``)."""
    inherited: tuple[str, ...] = ()
    """Fields it inherits from any enclosing item (``metadata.glean_file``)."""
    container: str | None = None
    key: str | None = None
    """For an extra key, the metric or ``Events.yaml`` event that declares it."""


def declared_keys(spec: m.Spec) -> dict[str, set[str]]:
    """The extra keys each Glean metric and ``Events.yaml`` event declares. That is
    more than the event's own keys: a Glean metric declares those of every event
    of its method (``per_method``), and Firefox registers an ``Events.yaml``
    entry's keys for every event in it. An event keeps a key, for its clients,
    as long as some output still declares it for the event."""
    found: dict[str, set[str]] = {}
    if spec.metadata is None:
        return found
    per_method = spec.events.glean_extra_keys == "per_method"
    for events in spec.events.by_method().values():
        shared = {k.legacy_key for e in events if e.in_glean for k in e.extra}
        for event in events:
            if event.in_glean and event.metadata is not None:
                metric = f"Glean metric {event.category}.{event.glean_name} in {event.metadata.glean_file}"
                found[metric] = (
                    shared if per_method else {k.legacy_key for k in event.extra}
                )
    for entry in legacy_entries(spec.events):
        keys = set(entry.extra_names)
        for event in entry.events:
            found[f"Events.yaml event {event.legacy_id}"] = keys
    return found


def is_defined(
    definition: Definition, names: dict[str, Definition], declared: dict[str, set[str]]
) -> bool:
    """Whether a spec whose definitions are ``names`` still defines ``definition``."""
    if definition.name in names:
        return True
    return definition.container is not None and definition.key in declared.get(
        definition.container, ()
    )


def _event_path(event: m.Event) -> Path:
    return ("events", "objects", event.object, "events", event.method)


def _key_path(event: m.Event, key: m.ExtraKey) -> Path:
    return (*_event_path(event), "extra", key.name)


def definitions(spec: m.Spec) -> dict[str, Definition]:
    """Every name clients use (the package's, and those of the Firefox files),
    by the text that names it."""
    found: dict[str, Definition] = {}

    def add(
        name: str,
        *paths: Path,
        fields: tuple[str, ...] = (),
        inherited: tuple[str, ...] = (),
        container: str | None = None,
        key: str | None = None,
    ) -> None:
        if name not in found:
            found[name] = Definition(name, paths, fields, inherited, container, key)

    package = "normandy_telemetry"
    for value in spec.uptake.legal_values:
        add(
            f"{package}.uptake.LEGAL_UPTAKE_VALUES holds {value!r}",
            ("uptake", "legal_values", value),
        )
    for source in spec.uptake.sources:
        source_path = ("uptake", "sources", source.name)
        add(f"{package}.uptake.{source.enum_name}", source_path)
        for status in source.statuses:
            status_path = (*source_path, "statuses", status.constant)
            add(
                f"{package}.{status.constant} == {status.value!r}",
                status_path,
                fields=("value",),
            )
            add(f"{package}.uptake.{source.enum_name}.{status.constant}", status_path)
            if status.firefox_name:
                sent = status.firefox_value or status.value
                add(
                    f"{package}.{status.firefox_name} == {sent!r}",
                    status_path,
                    fields=("firefox_name", "firefox_value", "value"),
                )
    for scalar in spec.scalars:
        add(f"{package}.is_valid_{scalar.ident}", ("scalars", scalar.ident))
    for event in spec.events.all:
        builder = f"{package}.events.{event.object}.{event.python_name}"
        add(f"{builder}()", _event_path(event))
        for key in event.extra:
            add(f"{builder}({key.python_name}=...)", _key_path(event, key))
    if spec.metadata is not None:
        _firefox_definitions(spec, add)
    return found


def _firefox_definitions(spec: m.Spec, add: Callable[..., None]) -> None:
    shared = ("metadata", "metadata.glean_file", "category")
    for event in spec.events.all:
        if event.in_glean and event.metadata is not None:
            metric = f"Glean metric {event.category}.{event.glean_name} in {event.metadata.glean_file}"
            add(
                metric,
                _event_path(event),
                fields=("recorded_in.glean",),
                inherited=shared,
            )
            for key in event.extra:
                add(
                    f"{metric}: extra key {key.legacy_key}",
                    _key_path(event, key),
                    fields=("legacy_name",),
                    inherited=(*shared, "glean_extra_keys", "recorded_in.glean"),
                    container=metric,
                    key=key.legacy_key,
                )
        if event.in_legacy:
            name = f"Events.yaml event {event.legacy_id}"
            add(
                name,
                _event_path(event),
                fields=("recorded_in.legacy",),
                inherited=("metadata", "category"),
            )
            for key in event.extra:
                add(
                    f"{name}: extra key {key.legacy_key}",
                    _key_path(event, key),
                    fields=("legacy_name",),
                    inherited=("metadata", "category", "recorded_in.legacy"),
                    container=name,
                    key=key.legacy_key,
                )
    for scalar in spec.scalars:
        if scalar.metadata is None:
            continue
        path = ("scalars", scalar.ident)
        add(
            f"Scalars.yaml scalar {scalar.name}",
            path,
            fields=("name",),
            inherited=("metadata",),
        )
        add(
            f"Glean metric {scalar.name} in {scalar.metadata.glean_file}",
            path,
            fields=("name",),
            inherited=("metadata", "metadata.glean_file"),
        )
    glean = spec.uptake.glean
    if glean is not None and glean.metadata is not None:
        path = ("uptake", "glean")
        metric = (
            f"Glean metric {glean.category}.{glean.name} in {glean.metadata.glean_file}"
        )
        add(
            metric,
            path,
            fields=("event",),
            inherited=("metadata", "metadata.glean_file"),
        )
        for extra in ("source", "value", *(e.name for e in glean.extra)):
            add(
                f"{metric}: extra key {extra}",
                (*path, "extra", extra),
                inherited=("metadata", "metadata.glean_file", "event"),
            )
        if glean.telemetry_mirror:
            add(
                f"{metric}: mirrored to {glean.telemetry_mirror}",
                path,
                fields=("telemetry_mirror", "event"),
                inherited=("metadata",),
            )
