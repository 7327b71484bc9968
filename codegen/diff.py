"""Field-level differences between two versions of a spec, classified.

Telemetry definitions live for years; what breaks a pipeline is a change
nobody noticed. Every difference is reported with its path in the spec and
one of three classes:

* ``breaking``: something removed; a value, name, key or type changed; a key
  made required; a limit narrowed.
* ``compatible``: something added; a limit widened; a key made optional.
* ``docs``: descriptions, titles, corrections and metadata only.

A rename is a removal plus an addition unless the new item records
``renamed_from:``; then it is one breaking change that names both.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from codegen import model as m

BREAKING, COMPATIBLE, DOCS = "breaking", "compatible", "docs"
CLASSES = (BREAKING, COMPATIBLE, DOCS)
TITLES = {
    BREAKING: "Breaking changes",
    COMPATIBLE: "Compatible changes",
    DOCS: "Documentation-only changes",
}


@dataclass(frozen=True)
class Change:
    kind: str
    path: str
    what: str
    old: Any = None
    new: Any = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "path": self.path,
            "change": self.what,
            "old": self.old,
            "new": self.new,
        }


# How each identifiable collection is keyed, and what its items are called.
IDENTITY = {
    m.UptakeSource: ("name", "uptake source"),
    m.Status: ("constant", "status"),
    m.Scalar: ("ident", "scalar"),
    m.EventObject: ("name", "object"),
    m.Event: ("method", "event"),
    m.ExtraKey: ("name", "extra key"),
    m.AllowedValue: ("value", "allowed value"),
}
# Fields whose change says nothing to a consumer of the data.
DOC_FIELDS = {
    "title",
    "description",
    "correction",
    "value_description",
    "lifetime",
    "upload_disabled",
    "examples",
    "lint_ignore",
    "renamed_from",
    "metadata",
    "bugs",
    "data_reviews",
    "notification_emails",
}
# Integer limits: narrowing breaks consumers, widening does not.
LIMIT_FIELDS = {"max_length", "value_max_length", "extra_max_length"}
DOC_TYPES = (m.Loc,)


def diff_specs(old: m.Spec, new: m.Spec) -> list[Change]:
    return list(_compare(old, new, "spec"))


def _compare(
    old: Any, new: Any, path: str, skip: frozenset[str] = frozenset()
) -> Iterator[Change]:
    for field in dataclasses.fields(old):
        name = field.name
        if name == "label" or name in skip or not field.compare:
            continue  # where an item is written, not what it says
        before, after = getattr(old, name), getattr(new, name, None)
        where = f"{path}.{name}" if path != "spec" else name
        if isinstance(old, m.Event) and name == "value":
            if before != after:
                yield Change(
                    DOCS, where, "description of the event value changed", before, after
                )
            continue
        yield from _compare_field(old, name, before, after, where)


def _compare_field(
    owner: Any, name: str, before: Any, after: Any, where: str
) -> Iterator[Change]:
    if before == after:
        return
    if (
        isinstance(before, tuple)
        and before
        and type(before[0]) in IDENTITY
        or isinstance(after, tuple)
        and after
        and type(after[0]) in IDENTITY
    ):
        yield from _compare_collection(before, after, where)
        return
    if (
        dataclasses.is_dataclass(before)
        and dataclasses.is_dataclass(after)
        and not isinstance(before, type)
    ):
        yield from _compare(before, after, where)
        return
    if name in DOC_FIELDS or isinstance(before, DOC_TYPES):
        yield Change(DOCS, where, f"{name} changed", _plain(before), _plain(after))
    elif name == "legal_values":
        removed = [v for v in before if v not in after]
        added = [v for v in after if v not in before]
        for value in removed:
            yield Change(
                BREAKING, f"{where}.{value}", "legal Uptake value removed", value, None
            )
        for value in added:
            yield Change(
                COMPATIBLE, f"{where}.{value}", "legal Uptake value added", None, value
            )
    elif name in LIMIT_FIELDS and isinstance(before, int) and isinstance(after, int):
        kind, verb = (
            (BREAKING, "narrowed") if after < before else (COMPATIBLE, "widened")
        )
        yield Change(kind, where, f"limit {verb}", before, after)
    elif name == "truncate":
        widened = after is None or (before is not None and after > before)
        yield Change(
            COMPATIBLE if widened else BREAKING,
            where,
            "truncation changed",
            before,
            after,
        )
    elif isinstance(owner, m.ExtraKey) and name in ("when", "channels", "optional"):
        return  # judged once, through presence, below
    else:
        yield Change(BREAKING, where, f"{name} changed", _plain(before), _plain(after))


def _compare_collection(
    before: tuple[Any, ...], after: tuple[Any, ...], where: str
) -> Iterator[Change]:
    sample = (before or after)[0]
    key_field, noun = IDENTITY[type(sample)]
    old_items = {getattr(item, key_field): item for item in before}
    new_items = {getattr(item, key_field): item for item in after}
    renamed: dict[str, str] = {}
    for key, item in new_items.items():
        origin = getattr(item, "renamed_from", None)
        if origin and origin in old_items and origin not in new_items:
            renamed[origin] = key
    if before and not after and type(sample) is m.AllowedValue:
        yield Change(
            COMPATIBLE,
            where,
            "closed set of values removed: any string is allowed now",
            None,
            None,
        )
        return
    for key, item in old_items.items():
        if key in new_items:
            yield from _compare(item, new_items[key], f"{where}.{key}")
            if isinstance(item, m.ExtraKey):
                yield from _presence(item, new_items[key], f"{where}.{key}")
        elif key in renamed:
            target = renamed[key]
            yield Change(
                BREAKING,
                f"{where}.{target}",
                f"{noun} renamed from {key} to {target}",
                key,
                target,
            )
            # The rename itself is the change; its record and new name are not more.
            yield from _compare(
                item,
                new_items[target],
                f"{where}.{target}",
                frozenset({key_field, "renamed_from"}),
            )
        else:
            yield Change(BREAKING, f"{where}.{key}", f"{noun} removed", key, None)
    for key, item in new_items.items():
        if key in old_items or key in renamed.values():
            continue
        required_key = (
            isinstance(item, m.ExtraKey) and item.required and bool(old_items)
        )
        closing_set = isinstance(item, m.AllowedValue) and not old_items
        if required_key:
            yield Change(
                BREAKING,
                f"{where}.{key}",
                f"required {noun} added (old events lack it)",
                None,
                key,
            )
        elif closing_set:
            yield Change(
                BREAKING,
                f"{where}.{key}",
                f"{noun} added where any value was allowed",
                None,
                key,
            )
        else:
            yield Change(COMPATIBLE, f"{where}.{key}", f"{noun} added", None, key)


def _presence(old: m.ExtraKey, new: m.ExtraKey, where: str) -> Iterator[Change]:
    if (old.presence, old.when, old.channels) == (new.presence, new.when, new.channels):
        return
    describe = _presence_text
    if new.required:
        yield Change(
            BREAKING,
            f"{where}.presence",
            "key made required",
            describe(old),
            describe(new),
        )
    elif old.required:
        yield Change(
            COMPATIBLE,
            f"{where}.presence",
            "required key made optional",
            describe(old),
            describe(new),
        )
    elif new.presence == "optional":
        yield Change(
            COMPATIBLE,
            f"{where}.presence",
            "key may now be absent without a condition",
            describe(old),
            describe(new),
        )
    else:
        yield Change(
            BREAKING,
            f"{where}.presence",
            "condition for the key changed",
            describe(old),
            describe(new),
        )


def _presence_text(key: m.ExtraKey) -> str:
    return m.describe_presence(key)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "loc"
        }
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


# -- output -------------------------------------------------------------------


def grouped(changes: list[Change]) -> dict[str, list[Change]]:
    return {kind: [c for c in changes if c.kind == kind] for kind in CLASSES}


def _show(value: Any) -> str:
    return (
        json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    )


def render_text(changes: list[Change], old: str, new: str) -> str:
    if not changes:
        return f"no changes between {old} and {new}"
    lines = [f"{len(changes)} change(s) between {old} and {new}"]
    for kind, items in grouped(changes).items():
        if not items:
            continue
        lines.append(f"\n{kind} ({len(items)}):")
        for change in items:
            detail = ""
            if change.old is not None or change.new is not None:
                detail = f": {_show(change.old) if change.old is not None else '(none)'} -> {_show(change.new) if change.new is not None else '(none)'}"
            lines.append(f"  {change.path}: {change.what}{detail}")
    return "\n".join(lines)


def _md(value: Any) -> str:
    """A Markdown code span of ``value`` that survives inside a table cell."""
    text = _show(value).replace("|", "\\|")
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def render_markdown(changes: list[Change], old: str, new: str) -> str:
    lines = [f"## Spec changes: `{old}` → `{new}`", ""]
    if not changes:
        return "\n".join(lines + ["No changes."])
    summary = ", ".join(
        f"{len(items)} {kind}" for kind, items in grouped(changes).items() if items
    )
    lines += [f"**{summary}**", ""]
    for kind, items in grouped(changes).items():
        if not items:
            continue
        lines += [
            f"### {TITLES[kind]}",
            "",
            "| where | change | before | after |",
            "| --- | --- | --- | --- |",
        ]
        for c in items:
            before = _md(c.old) if c.old is not None else ""
            after = _md(c.new) if c.new is not None else ""
            lines.append(
                f"| {_md(c.path)} | {c.what} | {before} | {after} |".replace("\n", " ")
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_json(changes: list[Change], old: str, new: str) -> str:
    payload = {
        "old": old,
        "new": new,
        "breaking": any(c.kind == BREAKING for c in changes),
        "counts": {kind: len(items) for kind, items in grouped(changes).items()},
        "changes": [c.as_json() for c in changes],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
