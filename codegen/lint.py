"""Named lint rules over the model: what is legal but likely wrong.

Each rule has an ID, a severity, a one-line summary and a fix hint. Findings
print as ``spec/normandy.yaml:LINE:COL: ID: message``. A spec item silences a
rule for itself with ``lint_ignore: [ID]``; a suppression that silences nothing
is reported too, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from codegen import model as m
from codegen.problems import did_you_mean
from codegen.targets.glean import GLEAN_METRIC_MAX
from codegen.targets.legacy import (
    LEGACY_EXTRA_KEY_MAX,
    LEGACY_METHOD_MAX,
    LEGACY_OBJECT_MAX,
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
class Finding:
    rule: Rule
    item: Item
    message: str

    @property
    def loc(self) -> m.Loc:
        return self.item.loc

    def render(self, label: str) -> str:
        return (
            f"{label}:{self.loc.line}:{self.loc.column}: {self.rule.id}: {self.message}"
        )


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    hint: str
    check: Callable[[m.Spec], Iterator[tuple[Item, str]]]


def _texts(spec: m.Spec) -> Iterator[tuple[Item, str, str]]:
    for source in spec.uptake.sources:
        yield source, "description", source.description
        for status in source.statuses:
            yield status, "description", status.description
    for obj in spec.events.objects:
        yield obj, "description", obj.description
        for event in obj.events:
            for name in ("title", "description", "value"):
                yield event, name, getattr(event, name)
            for key in event.extra:
                yield key, "description", key.description
                for allowed in key.allowed:
                    yield allowed, "description", allowed.description


def placeholder_text(spec: m.Spec) -> Iterator[tuple[Item, str]]:
    for item, field, text in _texts(spec):
        if PLACEHOLDERS.match(text.strip()) and not isinstance(item, m.AllowedValue):
            yield item, f"{field} '{text.strip()}' is a placeholder"


def duplicate_status_value(spec: m.Spec) -> Iterator[tuple[Item, str]]:
    for source in spec.uptake.sources:
        first: dict[str, m.Status] = {}
        for status in source.statuses:
            earlier = first.setdefault(status.value, status)
            if earlier is not status:
                yield status, (
                    f"{status.constant} and {earlier.constant} both report '{status.value}' under "
                    f"{source.key}; the data cannot tell them apart"
                )


def undescribed_allowed_value(spec: m.Spec) -> Iterator[tuple[Item, str]]:
    for event in spec.events.all:
        for key in event.extra:
            for allowed in key.allowed:
                text = allowed.description.strip().strip(".").strip('"').lower()
                if (
                    not text
                    or PLACEHOLDERS.match(text)
                    or text == allowed.value.lower()
                ):
                    yield allowed, f"allowed value '{allowed.value}' of {event.ident} extra {key.name} has no real description"


def _fold(name: str) -> str:
    return name.replace("_", "").lower()


def confusable_extra_keys(spec: m.Spec) -> Iterator[tuple[Item, str]]:
    seen: dict[str, tuple[m.Event, m.ExtraKey]] = {}
    for event in spec.events.all:
        for key in event.extra:
            first = seen.setdefault(_fold(key.name), (event, key))
            if first[1].name != key.name:
                yield key, (
                    f"extra key '{key.name}' of {event.ident} differs only in case or underscores from "
                    f"'{first[1].name}' of {first[0].ident}"
                )


def naming_convention(spec: m.Spec) -> Iterator[tuple[Item, str]]:
    for source in spec.uptake.sources:
        prefix = source.name.upper() + "_"
        for status in source.statuses:
            if not status.constant.startswith(prefix):
                yield status, f"constant {status.constant} of source '{source.name}' does not start with {prefix}"
    for event in spec.events.all:
        if re.search(r"[A-Z]{2}", event.method):
            yield event, f"method '{event.method}' has consecutive capitals; write acronyms as words (addonId, not addonID)"
        for key in event.extra:
            if re.search(r"[A-Z]{2}", key.name):
                yield key, f"extra key '{key.name}' has consecutive capitals; write acronyms as words (addonId, not addonID)"


def near_target_limit(spec: m.Spec) -> Iterator[tuple[Item, str]]:
    def near(length: int, limit: int) -> bool:
        return limit - NEAR <= length <= limit

    for obj in spec.events.objects:
        if near(len(obj.name), LEGACY_NAME_LIMITS["object"]):
            yield obj, f"object '{obj.name}' is {len(obj.name)} characters; legacy Events.yaml allows {LEGACY_NAME_LIMITS['object']}"
        for event in obj.events:
            if near(len(event.method), LEGACY_NAME_LIMITS["method"]):
                yield event, f"method '{event.method}' is {len(event.method)} characters; legacy Events.yaml allows {LEGACY_NAME_LIMITS['method']}"
            if near(len(event.glean_name), GLEAN_METRIC_NAME_LIMIT):
                yield event, f"Glean metric name '{event.glean_name}' is {len(event.glean_name)} characters; Glean allows {GLEAN_METRIC_NAME_LIMIT}"
            for key in event.extra:
                if near(len(key.name), LEGACY_NAME_LIMITS["extra key"]):
                    yield key, f"extra key '{key.name}' is {len(key.name)} characters; legacy Events.yaml allows {LEGACY_NAME_LIMITS['extra key']}"


def missing_enrollment_id(spec: m.Spec) -> Iterator[tuple[Item, str]]:
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
                yield event, f"{event.ident} has no enrollment-ID extra key, but {', '.join(carrying)} of {obj.name} {verb}"


RULES: tuple[Rule, ...] = (
    Rule(
        "PLACEHOLDER_TEXT",
        ERROR,
        "A title, description or value text is a placeholder (TODO, TBD, ...).",
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
        for item, message in rule.check(spec):
            if rule.id in item.lint_ignore:
                used[id(item)].add(rule.id)
            else:
                findings.append(Finding(rule, item, message))
    checked = {rule.id for rule in rules}
    for item in _suppressible(spec):
        for rule_id in item.lint_ignore:
            if rule_id not in RULES_BY_ID:
                message = f"lint_ignore names unknown rule '{rule_id}'{did_you_mean(rule_id, RULES_BY_ID)}"
                findings.append(Finding(UNUSED_SUPPRESSION, item, message))
            elif rule_id in checked and rule_id not in used[id(item)]:
                findings.append(
                    Finding(
                        UNUSED_SUPPRESSION,
                        item,
                        f"lint_ignore: {rule_id} silences nothing here",
                    )
                )
    return sorted(findings, key=lambda f: (f.loc.line, f.loc.column, f.rule.id))


def error_rules() -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if rule.severity == ERROR)
