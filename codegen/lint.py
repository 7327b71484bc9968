"""Named lint rules over the model: what is legal but likely wrong.

Each rule has an ID, a severity, a one-line summary and a fix hint. Findings
print as ``spec/normandy.yaml:LINE:COL: ID: message``, at the field they are
about. A spec item silences a rule for itself with ``lint_ignore: [ID]``; a
suppression that silences nothing is reported too, so stale ones do not pile
up. Findings about the spec's top-level sections (which carry no
``lint_ignore``) cannot be silenced.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from codegen import model as m
from codegen.format_language import SpecPath, dotted, locate
from codegen.problems import did_you_mean, escape
from codegen.regex_samples import samples
from codegen.spec_format import ALLOWED_VALUE
from codegen.targets.glean import (
    GLEAN,
    GLEAN_EXTRA_VALUE_MAX,
    GLEAN_METADATA_FIELDS,
    GLEAN_METRIC_MAX,
)
from codegen.targets.legacy import (
    LEGACY,
    LEGACY_EXTRA_KEY_MAX,
    LEGACY_METADATA_FIELDS,
    LEGACY_METHOD_MAX,
    LEGACY_OBJECT_MAX,
    LEGACY_VALUE_MAX,
)

ERROR, WARNING = "error", "warning"

# Target name-length limits a lint warns about before they become errors.
LEGACY_NAME_LIMITS = {
    "method": LEGACY_METHOD_MAX,
    "object": LEGACY_OBJECT_MAX,
    "extra key": LEGACY_EXTRA_KEY_MAX,
}
GLEAN_METRIC_NAME_LIMIT = GLEAN_METRIC_MAX
NEAR = 1  # warn this many characters or fewer below a limit

PLACEHOLDERS = re.compile(
    r"^\W*(todo|tbd|fixme|xxx|tba|placeholder|description|\.\.\.|\?+)\W*$", re.I
)


class Suppressible(Protocol):
    @property
    def lint_ignore(self) -> tuple[str, ...]: ...

    @property
    def loc(self) -> m.Loc: ...


Item = m.Status | m.UptakeSource | m.EventObject | m.Event | m.ExtraKey | m.AllowedValue


@dataclass(frozen=True)
class Hit:
    """What a rule found: the item that may silence it (None for the top-level
    sections), the message, and where (by default the item's own place)."""

    item: Item | None
    message: str
    loc: m.Loc | None = None


@dataclass(frozen=True)
class Finding:
    rule: Rule
    item: Item | None
    message: str
    loc: m.Loc

    def render(self, label: str) -> str:
        """The finding on one terminal line: spec text in it is shown escaped."""
        return f"{label}:{self.loc.line}:{self.loc.column}: {self.rule.id}: {escape(self.message)}"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    hint: str
    check: Callable[[m.Spec], Iterator[Hit]]


def _at(spec: m.Spec, path: SpecPath) -> m.Loc | None:
    found = locate(spec.tree, path)
    return m.Loc(*found) if found else None


# -- where every free text of the spec is ------------------------------------------

EVENT = ("events", "objects")


def _texts(spec: m.Spec) -> Iterator[tuple[Item | None, SpecPath, str]]:
    """Every free text, with the item that may silence a finding on it and its path."""
    parts: SpecPath
    for name in ("title", "description"):
        yield None, (name,), getattr(spec, name)
    uptake = spec.uptake
    yield None, ("uptake", "description"), uptake.description
    if uptake.glean is not None:
        for extra in uptake.glean.extra:
            yield None, ("uptake", "glean", "extra", extra.name), extra.description
    for source in uptake.sources:
        parts = ("uptake", "sources", source.name)
        for name in ("title", "description", "correction"):
            yield source, (*parts, name), getattr(source, name) or ""
        if source.placeholder is not None:
            for name in ("name", "description"):
                text = getattr(source.placeholder, name)
                yield source, (*parts, "placeholder", name), text
        for status in source.statuses:
            for name in ("description", "correction"):
                text = getattr(status, name) or ""
                yield status, (*parts, "statuses", status.constant, name), text
    for scalar in spec.scalars:
        parts = ("scalars", scalar.ident)
        for name in ("description", "value", "unit", "correction"):
            yield None, (*parts, name), getattr(scalar, name) or ""
        for name in ("name", "description"):
            yield None, (*parts, "key", name), getattr(scalar.key, name)
    enrollment = spec.enrollment_id
    for name in ("description", "lifetime", "upload_disabled", "correction"):
        yield None, ("enrollment_id", name), getattr(enrollment, name) or ""
    yield None, ("events", "description"), spec.events.description
    for obj in spec.events.objects:
        parts = (*EVENT, obj.name)
        for name in ("title", "description", "correction"):
            yield obj, (*parts, name), getattr(obj, name) or ""
        for event in obj.events:
            event_parts = (*parts, "events", event.method)
            for name in ("title", "description", "value", "correction"):
                yield event, (*event_parts, name), getattr(event, name) or ""
            for key in event.extra:
                key_parts = (*event_parts, "extra", key.name)
                for name in ("description", "correction"):
                    yield key, (*key_parts, name), getattr(key, name) or ""
                for index, example in enumerate(key.examples):
                    yield key, (*key_parts, "examples", index), example
                for allowed in key.allowed:
                    allowed_parts = (*key_parts, "allowed", allowed.value)
                    yield allowed, allowed_parts, allowed.description
                    if allowed.correction:
                        yield allowed, (
                            *allowed_parts,
                            "correction",
                        ), allowed.correction


def _is_placeholder(text: str) -> bool:
    return bool(PLACEHOLDERS.match(text.strip()))


def placeholder_text(spec: m.Spec) -> Iterator[Hit]:
    for item, path, text in _texts(spec):
        if text and _is_placeholder(text):
            where = _at(spec, path)
            yield Hit(item, f"{dotted(path)} is a placeholder: '{text.strip()}'", where)


# -- the rules ----------------------------------------------------------------------


def duplicate_status_value(spec: m.Spec) -> Iterator[Hit]:
    for source in spec.uptake.sources:
        first: dict[str, m.Status] = {}
        for status in source.statuses:
            earlier = first.setdefault(status.value, status)
            if earlier is not status:
                yield Hit(
                    status,
                    f"{status.constant} and {earlier.constant} both report '{status.value}' under "
                    f"{source.key}; the data cannot tell them apart",
                )


def overlapping_source_keys(spec: m.Spec) -> Iterator[Hit]:
    """Two sources whose keys one report can match: the validators take the first
    source, the JSON Schema either, so they disagree on its statuses."""
    sources = spec.uptake.sources
    for index, later in enumerate(sources):
        for earlier in sources[:index]:
            shared = _shared_key(earlier, later)
            if shared is not None:
                yield Hit(
                    later,
                    f"the keys of uptake sources '{earlier.name}' ({earlier.key}) and "
                    f"'{later.name}' ({later.key}) overlap: '{shared}' is both; the "
                    "validators read it as the first, the JSON Schema as either",
                )


def _shared_key(one: m.UptakeSource, other: m.UptakeSource) -> str | None:
    for source, against in ((one, other), (other, one)):
        keys = (
            [source.key]
            if source.placeholder is None
            else [source.key_prefix + s for s in samples(source.placeholder.pattern)]
        )
        for key in keys:
            if re.fullmatch(against.key_regex, key) and re.fullmatch(
                source.key_regex, key
            ):
                return key
    return None


def _target_limit(event: m.Event) -> tuple[int, str]:
    """The longest value every output the event is recorded in keeps, and which output."""
    if event.in_legacy:
        return (
            LEGACY_VALUE_MAX,
            f"Firefox's {LEGACY} cuts values to {LEGACY_VALUE_MAX} bytes",
        )
    return (
        GLEAN_EXTRA_VALUE_MAX,
        f"the Glean SDK keeps at most {GLEAN_EXTRA_VALUE_MAX} bytes of a value",
    )


def limit_above_target(spec: m.Spec) -> Iterator[Hit]:
    """A limit the validators allow but Firefox never sends: data that long is cut."""
    events = spec.events
    events_list = list(events.all)
    if events_list:
        limit, why = min(_target_limit(e) for e in events_list)
        for name in ("value_max_length", "extra_max_length"):
            value = getattr(events, name)
            if value > limit:
                yield Hit(
                    None,
                    f"events.{name} is {value}, but {why}",
                    _at(spec, ("events", name)),
                )
    for event in events_list:
        limit, why = _target_limit(event)
        for key in event.extra:
            path = (*EVENT, event.object, "events", event.method, "extra", key.name)
            where = _at(spec, (*path, "max_length"))
            if where is not None and key.max_length > limit and not key.allowed:
                yield Hit(
                    key,
                    f"extra key '{key.name}' of {event.ident} allows {key.max_length} "
                    f"bytes, but {why}",
                    where,
                )


def invalid_example(spec: m.Spec) -> Iterator[Hit]:
    """An example the validators would refuse misleads every reader of the docs."""
    filler = spec.enrollment_id.filler
    for event in spec.events.all:
        for key in event.extra:
            path = (*EVENT, event.object, "events", event.method, "extra", key.name)
            for index, example in enumerate(key.examples):
                problem = _example_problem(key, example, filler)
                if problem:
                    where = _at(spec, (*path, "examples", index))
                    message = f"example '{example}' of extra key '{key.name}' of {event.ident} {problem}"
                    yield Hit(key, message, where)


def _example_problem(key: m.ExtraKey, example: str, filler: str) -> str | None:
    if key.allowed and example not in key.allowed_values:
        return f"is not one of its allowed values{did_you_mean(example, key.allowed_values)}"
    size = len(example.encode("utf-8", "surrogatepass"))  # Firefox counts bytes
    if size > key.max_length:
        return f"has {size} bytes in UTF-8; the key allows {key.max_length}"
    if key.truncate is not None and size > key.truncate:
        return (
            f"has {size} bytes in UTF-8, but the sender cuts the key to {key.truncate}"
        )
    if (
        key.format == "enrollment_id"
        and example != filler
        and not re.fullmatch(m.UUID_PATTERN, example)
    ):
        return f"is neither a UUID without braces nor '{filler}'"
    return None


def _metadata_places(
    spec: m.Spec,
) -> Iterator[tuple[Item | None, SpecPath, m.Metadata | None]]:
    """Every place a ``metadata`` block may be written, with its item and its result."""
    yield None, ("metadata",), spec.metadata
    if spec.uptake.glean is not None:
        yield None, ("uptake", "glean", "metadata"), spec.uptake.glean.metadata
    for scalar in spec.scalars:
        yield None, ("scalars", scalar.ident, "metadata"), scalar.metadata
    for obj in spec.events.objects:
        yield obj, (*EVENT, obj.name, "metadata"), obj.metadata
        for event in obj.events:
            path = (*EVENT, obj.name, "events", event.method, "metadata")
            yield event, path, event.metadata


def expired(spec: m.Spec, today: datetime.date | None = None) -> Iterator[Hit]:
    """A Glean expiry date in the past: glinter warns EXPIRED on every such metric,
    and Firefox records nothing for it."""
    today = today or datetime.date.today()
    for item, path, metadata in _metadata_places(spec):
        where = _at(spec, (*path, "expires"))
        if where is None or metadata is None or metadata.expires == "never":
            continue
        try:
            date = datetime.date.fromisoformat(metadata.expires)
        except ValueError:
            continue  # the format check has reported it
        if date <= today:
            yield Hit(
                item,
                f"{dotted((*path, 'expires'))} is {metadata.expires}, which has passed: "
                "Firefox records nothing for an expired metric",
                where,
            )


def _written(spec: m.Spec, path: SpecPath) -> list[str]:
    """The fields written at the ``metadata`` block ``path`` (``legacy.products``...)."""
    fields = []
    for name in (*GLEAN_METADATA_FIELDS, "legacy"):
        if _at(spec, (*path, name)) is None:
            continue
        if name != "legacy":
            fields.append(name)
            continue
        for legacy in (
            "record_in_processes",
            "products",
            "expiry_version",
            "release_channel_collection",
        ):
            if _at(spec, (*path, name, legacy)) is not None:
                fields.append(f"legacy.{legacy}")
    return fields


def _uses(event: m.Event, field: str) -> bool:
    """Whether an output the event is recorded in is written from ``field``."""
    top = field.split(".")[0]
    return (event.in_glean and top in GLEAN_METADATA_FIELDS) or (
        event.in_legacy and top in LEGACY_METADATA_FIELDS
    )


def _unread_legacy_entry(spec: m.Spec, event: m.Event) -> str | None:
    """Why the event's ``legacy_entry`` changes nothing, if it does not."""
    if spec.metadata is None or not event.in_legacy:
        return "no Events.yaml declares the event"
    if event.legacy_entry == m.snake_case(event.method):
        return "it is the name the entry has without it"
    return None


def override_without_effect(spec: m.Spec) -> Iterator[Hit]:
    """An override no output reads: the maintainer meant something that does not happen."""
    path: SpecPath
    for obj in spec.events.objects:
        path = (*EVENT, obj.name, "metadata")
        for field in _written(spec, path):
            heirs = [
                e
                for e in obj.events
                if field
                not in _written(
                    spec, (*EVENT, obj.name, "events", e.method, "metadata")
                )
            ]
            if not any(_uses(e, field) for e in heirs):
                why = (
                    "every event of the object overrides it"
                    if not heirs
                    else f"the events that inherit it ({', '.join(e.method for e in heirs)}) "
                    "are recorded in no output that reads it"
                )
                field_path = (*path, *field.split("."))
                yield Hit(
                    obj,
                    f"{dotted(field_path)} has no effect: {why}",
                    _at(spec, field_path),
                )
        for event in obj.events:
            path = (*EVENT, obj.name, "events", event.method, "metadata")
            for field in _written(spec, path):
                if not _uses(event, field):
                    outputs = " and ".join(event.recorded_in)
                    field_path = (*path, *field.split("."))
                    yield Hit(
                        event,
                        f"{dotted(field_path)} has no effect: the event is recorded in "
                        f"{outputs} only, which does not read it",
                        _at(spec, field_path),
                    )
    glean = spec.uptake.glean
    if glean is not None:
        path = ("uptake", "glean", "metadata")
        for field in _written(spec, path):
            if field.startswith("legacy."):
                field_path = (*path, *field.split("."))
                yield Hit(
                    None,
                    f"{dotted(field_path)} has no effect: the uptake event is generated "
                    f"for Glean only, and {GLEAN} has no legacy fields",
                    _at(spec, field_path),
                )
    for event in spec.events.all:
        if event.legacy_entry is not None:
            unread = _unread_legacy_entry(spec, event)
            if unread is not None:
                path = (*EVENT, event.object, "events", event.method, "legacy_entry")
                yield Hit(
                    event, f"{dotted(path)} has no effect: {unread}", _at(spec, path)
                )
        for key in event.extra:
            path = (*EVENT, event.object, "events", event.method, "extra", key.name)
            if not key.allowed:
                continue
            for name in ("truncate", "format"):
                if getattr(key, name) is not None:
                    yield Hit(
                        key,
                        f"{dotted((*path, name))} has no effect: the key has allowed values, "
                        "and only they are checked",
                        _at(spec, (*path, name)),
                    )


def undescribed_allowed_value(spec: m.Spec) -> Iterator[Hit]:
    for event in spec.events.all:
        for key in event.extra:
            for allowed in key.allowed:
                text = allowed.description.strip().strip(".").strip('"').lower()
                if _is_placeholder(allowed.description):
                    continue  # PLACEHOLDER_TEXT, an error, says it
                if not text or text == allowed.value.lower():
                    yield Hit(
                        allowed,
                        f"allowed value '{allowed.value}' of {event.ident} extra {key.name} has no real description",
                    )


def value_named_like_a_field(spec: m.Spec) -> Iterator[Hit]:
    """An allowed value is a name and a description, and a plain string is
    shorthand for its description: so a field of the value above
    (``correction:``) written one level too far out is valid YAML and a valid
    spec, read as a new value named ``correction``."""
    fields = ALLOWED_VALUE.field_map()
    for event in spec.events.all:
        for key in event.extra:
            for allowed in key.allowed:
                if allowed.value in fields:
                    yield Hit(
                        allowed,
                        f"allowed value '{allowed.value}' of {event.ident} extra {key.name} "
                        "is named like a field of an allowed value; if it belongs to the "
                        "value above it, indent it under that value",
                    )


def _fold(name: str) -> str:
    return name.replace("_", "").lower()


def confusable_extra_keys(spec: m.Spec) -> Iterator[Hit]:
    seen: dict[str, tuple[m.Event, m.ExtraKey]] = {}
    for event in spec.events.all:
        for key in event.extra:
            first = seen.setdefault(_fold(key.name), (event, key))
            if first[1].name != key.name:
                yield Hit(
                    key,
                    f"extra key '{key.name}' of {event.ident} differs only in case or underscores from "
                    f"'{first[1].name}' of {first[0].ident}",
                )


def naming_convention(spec: m.Spec) -> Iterator[Hit]:
    for source in spec.uptake.sources:
        prefix = source.name.upper() + "_"
        for status in source.statuses:
            if not status.constant.startswith(prefix):
                yield Hit(
                    status,
                    f"constant {status.constant} of source '{source.name}' does not start with {prefix}",
                )
    for event in spec.events.all:
        if re.search(r"[A-Z]{2}", event.method):
            yield Hit(
                event,
                f"method '{event.method}' has consecutive capitals; write acronyms as words (addonId, not addonID)",
            )
        for key in event.extra:
            if re.search(r"[A-Z]{2}", key.name):
                yield Hit(
                    key,
                    f"extra key '{key.name}' has consecutive capitals; write acronyms as words (addonId, not addonID)",
                )


def near_target_limit(spec: m.Spec) -> Iterator[Hit]:
    def near(length: int, limit: int) -> bool:
        return limit - NEAR <= length <= limit

    for obj in spec.events.objects:
        if near(len(obj.name), LEGACY_NAME_LIMITS["object"]):
            yield Hit(
                obj,
                f"object '{obj.name}' is {len(obj.name)} characters; legacy Events.yaml allows {LEGACY_NAME_LIMITS['object']}",
            )
        for event in obj.events:
            if near(len(event.method), LEGACY_NAME_LIMITS["method"]):
                yield Hit(
                    event,
                    f"method '{event.method}' is {len(event.method)} characters; legacy Events.yaml allows {LEGACY_NAME_LIMITS['method']}",
                )
            if near(len(event.glean_name), GLEAN_METRIC_NAME_LIMIT):
                yield Hit(
                    event,
                    f"Glean metric name '{event.glean_name}' is {len(event.glean_name)} characters; Glean allows {GLEAN_METRIC_NAME_LIMIT}",
                )
            for key in event.extra:
                if near(len(key.name), LEGACY_NAME_LIMITS["extra key"]):
                    yield Hit(
                        key,
                        f"extra key '{key.name}' is {len(key.name)} characters; legacy Events.yaml allows {LEGACY_NAME_LIMITS['extra key']}",
                    )


def missing_enrollment_id(spec: m.Spec) -> Iterator[Hit]:
    for obj in spec.events.objects:
        carrying = [
            e.method
            for e in obj.events
            if any(k.format == "enrollment_id" for k in e.extra)
        ]
        if not carrying:
            continue
        for event in obj.events:
            if event.method not in carrying:
                verb = "carries one" if len(carrying) == 1 else "carry one"
                yield Hit(
                    event,
                    f"{event.ident} has no enrollment-ID extra key, but {', '.join(carrying)} of {obj.name} {verb}",
                )


RULES: tuple[Rule, ...] = (
    Rule(
        "PLACEHOLDER_TEXT",
        ERROR,
        "A text of the spec (a title, description, correction, example...) is a placeholder (TODO, TBD, ...).",
        "write what the item means; readers of the docs see this text",
        placeholder_text,
    ),
    Rule(
        "DUPLICATE_STATUS_VALUE",
        ERROR,
        "Two statuses of one source report the same telemetry value.",
        "give each status its own value, or add lint_ignore: [DUPLICATE_STATUS_VALUE] to the later one if it is intended",
        duplicate_status_value,
    ),
    Rule(
        "OVERLAPPING_SOURCE_KEYS",
        ERROR,
        "Two uptake sources have keys that one report can match.",
        "make the keys disjoint: a fixed key outside the other's placeholder pattern, or patterns that exclude each other",
        overlapping_source_keys,
    ),
    Rule(
        "INVALID_EXAMPLE",
        ERROR,
        "An example of an extra key is a value the validators refuse.",
        "give an example the key accepts: within its limits, one of its allowed values, in its format",
        invalid_example,
    ),
    Rule(
        "LIMIT_ABOVE_TARGET",
        ERROR,
        "A length limit exceeds what the outputs the events are recorded in keep.",
        "lower the limit to what Firefox keeps; where an output really carries more (Glean keeps 500 bytes), lint_ignore the rule on the key and say why",
        limit_above_target,
    ),
    Rule(
        "EXPIRED",
        ERROR,
        "A Glean expiry date has passed.",
        "extend expires (a later date, or never), or remove the metrics that expired",
        expired,
    ),
    Rule(
        "OVERRIDE_WITHOUT_EFFECT",
        ERROR,
        "An override that no output reads.",
        "remove it, or record the item in the output that reads it",
        override_without_effect,
    ),
    Rule(
        "UNDESCRIBED_ALLOWED_VALUE",
        WARNING,
        "An allowed value has no real description.",
        "say what the value means, not just the value again",
        undescribed_allowed_value,
    ),
    Rule(
        "CONFUSABLE_EXTRA_KEYS",
        WARNING,
        "Extra key names differ only in case or underscores.",
        "use one spelling for one meaning across the catalogue",
        confusable_extra_keys,
    ),
    Rule(
        "VALUE_NAMED_LIKE_A_FIELD",
        WARNING,
        "An allowed value is named like a field of an allowed value (description, correction, ...).",
        "indent it under the value it belongs to; if Firefox really sends this value, lint_ignore the rule on it",
        value_named_like_a_field,
    ),
    Rule(
        "NAMING_CONVENTION",
        WARNING,
        "A name breaks the spec's naming convention.",
        "constants start with their source (RECIPE_...); camelCase names write acronyms as words",
        naming_convention,
    ),
    Rule(
        "NEAR_TARGET_LIMIT",
        WARNING,
        "A name is at, or one character below, a target's length limit.",
        "shorten it now, before a longer sibling breaks the limit",
        near_target_limit,
    ),
    Rule(
        "MISSING_ENROLLMENT_ID",
        WARNING,
        "An event lacks an enrollment ID that its siblings carry.",
        "add an enrollmentId extra key (format: enrollment_id), or lint_ignore the rule where the data-collection document says so",
        missing_enrollment_id,
    ),
)
UNUSED_SUPPRESSION = Rule(
    "UNUSED_SUPPRESSION",
    WARNING,
    "A lint_ignore entry silences nothing.",
    "remove it, or fix the rule ID",
    lambda spec: iter(()),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}


def _suppressible(spec: m.Spec) -> Iterator[Item]:
    for source in spec.uptake.sources:
        yield source
        yield from source.statuses
    for obj in spec.events.objects:
        yield obj
        for event in obj.events:
            yield event
            for key in event.extra:
                yield key
                yield from key.allowed


def lint(spec: m.Spec, rules: tuple[Rule, ...] = RULES) -> list[Finding]:
    """Every finding of ``rules``, suppressions applied, in file order."""
    findings: list[Finding] = []
    used: dict[int, set[str]] = defaultdict(set)
    for rule in rules:
        for hit in rule.check(spec):
            item = hit.item
            if item is not None and rule.id in item.lint_ignore:
                used[id(item)].add(rule.id)
                continue
            loc = hit.loc or (item.loc if item is not None else m.NOWHERE)
            findings.append(Finding(rule, item, hit.message, loc))
    checked = {rule.id for rule in rules}
    for item in _suppressible(spec):
        for rule_id in item.lint_ignore:
            if rule_id not in RULES_BY_ID:
                message = f"lint_ignore names unknown rule '{rule_id}'{did_you_mean(rule_id, RULES_BY_ID)}"
                findings.append(Finding(UNUSED_SUPPRESSION, item, message, item.loc))
            elif rule_id in checked and rule_id not in used[id(item)]:
                message = f"lint_ignore: {rule_id} silences nothing here"
                findings.append(Finding(UNUSED_SUPPRESSION, item, message, item.loc))
    return sorted(
        findings, key=lambda f: (f.loc.line, f.loc.column, f.rule.id, f.message)
    )


def error_rules() -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if rule.severity == ERROR)
