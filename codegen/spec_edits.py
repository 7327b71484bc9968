"""The edits between two versions of a spec, field by field, each where it was made.

What ``diff`` classifies (``codegen.diff``). Items are matched by name, or
through ``renamed_from``; a ``renamed_from`` that names nothing the old spec had,
where the new spec removed something, is a problem reported with a
did-you-mean. Each edit is found once, at the field the maintainer edited: a
value an item inherits (``events.extra_max_length``, ``metadata``) is compared
with its parent's, so an heir that merely follows its parent is no edit of its
own. Fields that change no output (``lint_ignore``, ``renamed_from`` itself,
where a line is) are not edits.

An edit is *documentation* (descriptions, titles, corrections, examples,
provenance); *judged*, when it changes an output and ``diff`` decides from the
records and names it breaks, with the causes of refusal it can explain
(``blame``); or breaking or compatible by rule, for what no validator sees
(expiry dates, processes, products, channels).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from codegen import model as m
from codegen.acceptance import Cause, counterparts
from codegen.format_language import SpecPath, dotted, field_of_item_at
from codegen.problems import Problem, did_you_mean

BREAKING, COMPATIBLE, DOCS = "breaking", "compatible", "docs"
JUDGED = "judged"
"""An edit that changes outputs: breaking if some record or name shows it, else compatible."""


@dataclass
class Edit:
    parts: SpecPath
    what: str
    old: Any
    new: Any
    judge: str
    """``docs``, ``compatible``, ``breaking`` (with its example) or ``judged``."""
    blame: tuple[tuple[int, Cause], ...] = ()
    """Refusals this edit explains: (priority, cause pattern; None matches anything)."""
    old_parts: SpecPath | None = None
    evidence: tuple[str, str] | None = None
    """For an edit breaking by rule: what is no longer recorded, and why."""

    @property
    def renames(self) -> bool:
        return self.old_parts is not None


def _limit(before: int, after: int) -> str:
    return "limit narrowed" if after < before else "limit widened"


def _field_of(name: str) -> Callable[[m.Metadata], Any]:
    """A reader of one metadata field (``legacy.products`` reads a legacy one)."""

    def read(metadata: m.Metadata) -> Any:
        value: Any = metadata
        for part in name.split("."):
            value = getattr(value, part)
        return value

    return read


def _expiry_rank(value: str) -> tuple[int, str]:
    """``never`` outlives any date or version; dates and versions compare as such."""
    if value == "never":
        return (1, "")
    return (0, value.zfill(12))


class _Walker:
    def __init__(self, old: m.Spec, new: m.Spec) -> None:
        self.old_spec, self.new_spec = old, new
        self.edits: list[Edit] = []
        self.problems: list[Problem] = []

    def add(
        self,
        parts: SpecPath,
        what: str,
        old: Any,
        new: Any,
        judge: str,
        blame: Sequence[tuple[int, Cause]] = (),
        old_parts: SpecPath | None = None,
        evidence: tuple[str, str] | None = None,
    ) -> None:
        self.edits.append(
            Edit(parts, what, old, new, judge, tuple(blame), old_parts, evidence)
        )

    def field(
        self,
        parts: SpecPath,
        old: Any,
        new: Any,
        name: str,
        what: str | Callable[[Any, Any], str],
        judge: str = JUDGED,
        blame: Sequence[tuple[int, Cause]] = (),
    ) -> None:
        """One field of ``old`` and ``new`` compared: a change is one edit at
        ``(*parts, name)``; ``what`` says it, or makes it from the two values."""
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            message = what(before, after) if callable(what) else what
            self.add((*parts, name), message, before, after, judge, blame)

    def docs(self, parts: SpecPath, old: Any, new: Any, *names: str) -> None:
        for name in names:
            before, after = getattr(old, name), getattr(new, name)
            if before != after:
                self.add((*parts, name), f"{name} changed", before, after, DOCS)

    def items(
        self,
        parts: SpecPath,
        old: Sequence[str],
        new: Sequence[str],
        noun: str,
        removed: str,
    ) -> None:
        """A list of names compared as a set: each item removed or added once."""
        for item in old:
            if item not in new:
                self.add((*parts, item), f"{noun} removed", item, None, removed)
        for item in new:
            if item not in old:
                self.add((*parts, item), f"{noun} added", None, item, COMPATIBLE)

    def pairs(
        self,
        old: Sequence[Any],
        new: Sequence[Any],
        ident: Callable[[Any], str],
        noun: str,
    ) -> Iterator[tuple[Any, Any]]:
        """(old, new) for each item: new is None when removed; old is None when added."""
        matched = counterparts(old, new, ident)
        old_names = [ident(item) for item in old]
        gone = [name for name in old_names if name not in matched]
        for item in new:
            origin = getattr(item, "renamed_from", None)
            if (
                origin
                and ident(item) not in old_names
                and origin not in old_names
                and gone
            ):
                hint = did_you_mean(origin, gone) or (
                    f"; the {noun}s removed here are "
                    + ", ".join(f"'{g}'" for g in gone)
                )
                message = (
                    f"{noun} '{ident(item)}' records renamed_from: '{origin}', but "
                    f"{self.old_spec.label} has no {noun} '{origin}' here{hint}"
                )
                line, column = field_of_item_at(
                    self.new_spec.tree, (item.loc.line, item.loc.column), "renamed_from"
                ) or (item.loc.line, item.loc.column)
                self.problems.append(Problem(line, column, message))
        paired = set()
        for item in old:
            target = matched.get(ident(item))
            if target is not None:
                paired.add(id(target))
            yield item, target
        for item in new:
            if id(item) not in paired:
                yield None, item

    # -- top level ---------------------------------------------------------------

    def spec(self) -> None:
        old, new = self.old_spec, self.new_spec
        self.docs((), old, new, "title", "description")
        self.metadata(("metadata",), old.metadata, new.metadata, None, None)
        self.uptake(old.uptake, new.uptake)
        self.scalars(old.scalars, new.scalars)
        old_id, new_id = old.enrollment_id, new.enrollment_id
        parts = ("enrollment_id",)
        self.docs(parts, old_id, new_id, "description", "lifetime", "upload_disabled")
        self.docs(parts, old_id, new_id, "correction")
        if old_id.format != new_id.format:
            self.add(
                (*parts, "format"),
                "format changed",
                old_id.format,
                new_id.format,
                JUDGED,
            )
        if old_id.filler != new_id.filler:
            blame = [(1, ("extra-format", None, None, None, old_id.filler))]
            self.add(
                (*parts, "filler"),
                "filler changed",
                old_id.filler,
                new_id.filler,
                JUDGED,
                blame,
            )
        self.events(old.events, new.events)

    def metadata(
        self,
        parts: SpecPath,
        old: m.Metadata | None,
        new: m.Metadata | None,
        old_parent: m.Metadata | None,
        new_parent: m.Metadata | None,
    ) -> None:
        """Compare an item's effective metadata, reporting only what is not
        inherited unchanged from ``*_parent`` (so a field is reported once, where
        it is written)."""
        if old == new or (old == old_parent and new == new_parent):
            return
        if old is None or new is None:
            what = "metadata added" if old is None else "metadata removed"
            self.add(parts, what, None, None, COMPATIBLE if old is None else JUDGED)
            return

        def inherited(get: Callable[[m.Metadata], Any]) -> bool:
            return (
                old_parent is not None
                and new_parent is not None
                and get(old) == get(old_parent)
                and get(new) == get(new_parent)
            )

        where = dotted(parts)
        for name, noun in (
            ("bugs", "bug"),
            ("data_reviews", "data review"),
            ("notification_emails", "notification email"),
            ("tags", "tag"),
        ):
            if not inherited(_field_of(name)):
                before, after = getattr(old, name), getattr(new, name)
                self.items(
                    (*parts, name),
                    [str(v) for v in before],
                    [str(v) for v in after],
                    noun,
                    COMPATIBLE,
                )
        if old.expires != new.expires and not inherited(lambda md: md.expires):
            self.expiry(
                (*parts, "expires"),
                old.expires,
                new.expires,
                f"Glean metrics of {where}",
            )
        if old.glean_file != new.glean_file and not inherited(lambda md: md.glean_file):
            self.add(
                (*parts, "glean_file"),
                "Glean file changed",
                old.glean_file,
                new.glean_file,
                JUDGED,
            )
        legacy_parts = (*parts, "legacy")
        entries = f"legacy entries of {where}"
        for name, noun in (("record_in_processes", "process"), ("products", "product")):
            if inherited(_field_of(f"legacy.{name}")):
                continue
            before, after = getattr(old.legacy, name), getattr(new.legacy, name)
            for item in before:
                if item not in after:
                    example = (
                        entries,
                        f"no longer recorded for the {noun} {item}",
                    )
                    self.add(
                        (*legacy_parts, name, item),
                        f"{noun} removed",
                        item,
                        None,
                        BREAKING,
                        evidence=example,
                    )
            for item in after:
                if item not in before:
                    self.add(
                        (*legacy_parts, name, item),
                        f"{noun} added",
                        None,
                        item,
                        COMPATIBLE,
                    )
        if old.legacy.expiry_version != new.legacy.expiry_version and not inherited(
            lambda md: md.legacy.expiry_version
        ):
            self.expiry(
                (*legacy_parts, "expiry_version"),
                old.legacy.expiry_version,
                new.legacy.expiry_version,
                entries,
            )
        before, after = (
            old.legacy.release_channel_collection,
            new.legacy.release_channel_collection,
        )
        if before != after and not inherited(
            lambda md: md.legacy.release_channel_collection
        ):
            path = (*legacy_parts, "release_channel_collection")
            if after == "opt-in":
                example = (entries, "no longer recorded on the release channel")
                self.add(
                    path,
                    "collection narrowed to pre-release channels",
                    before,
                    after,
                    BREAKING,
                    evidence=example,
                )
            else:
                self.add(
                    path,
                    "collection widened to every channel",
                    before,
                    after,
                    COMPATIBLE,
                )

    def expiry(self, parts: SpecPath, before: str, after: str, subject: str) -> None:
        if _expiry_rank(after) < _expiry_rank(before):
            example = (subject, f"expire at {after} instead of {before}")
            self.add(
                parts,
                "expiry brought forward",
                before,
                after,
                BREAKING,
                evidence=example,
            )
        else:
            self.add(parts, "expiry extended", before, after, COMPATIBLE)

    # -- uptake ------------------------------------------------------------------

    def uptake(self, old: m.Uptake, new: m.Uptake) -> None:
        parts = ("uptake",)
        self.docs(parts, old, new, "description")
        self.items(
            (*parts, "legal_values"),
            old.legal_values,
            new.legal_values,
            "legal Uptake value",
            JUDGED,
        )
        if old.glean is None and new.glean is not None:
            self.add(
                (*parts, "glean"),
                "Glean uptake event added",
                None,
                f"{new.glean.category}.{new.glean.name}",
                COMPATIBLE,
            )
        elif old.glean is not None and new.glean is None:
            self.add(
                (*parts, "glean"),
                "Glean uptake event removed",
                f"{old.glean.category}.{old.glean.name}",
                None,
                JUDGED,
            )
        elif old.glean is not None and new.glean is not None:
            self.uptake_glean(old.glean, new.glean)
        for before, after in self.pairs(
            old.sources, new.sources, lambda s: s.name, "uptake source"
        ):
            self.source(before, after)

    def uptake_glean(self, old: m.UptakeGlean, new: m.UptakeGlean) -> None:
        parts = ("uptake", "glean")
        before, after = f"{old.category}.{old.name}", f"{new.category}.{new.name}"
        if before != after:
            self.add((*parts, "event"), "Glean event renamed", before, after, JUDGED)
        self.field(parts, old, new, "telemetry_mirror", "telemetry mirror changed")
        self.metadata(
            (*parts, "metadata"),
            old.metadata,
            new.metadata,
            self.old_spec.metadata,
            self.new_spec.metadata,
        )
        for was, now in self.pairs(old.extra, new.extra, lambda e: e.name, "extra key"):
            name = (now or was).name
            if now is None:
                self.add(
                    (*parts, "extra", name), "extra key removed", name, None, JUDGED
                )
            elif was is None:
                self.add(
                    (*parts, "extra", name), "extra key added", None, name, COMPATIBLE
                )
            else:
                self.docs((*parts, "extra", name), was, now, "description")

    def source(self, old: m.UptakeSource | None, new: m.UptakeSource | None) -> None:
        if new is None:
            assert old is not None
            self.add(
                ("uptake", "sources", old.name),
                "uptake source removed",
                old.key,
                None,
                JUDGED,
                [
                    (2, (kind, old.name))
                    for kind in ("uptake-key", "uptake-value", "uptake-claimed")
                ],
            )
            return
        parts = ("uptake", "sources", new.name)
        claims = (2, ("uptake-claimed", None, new.name))
        if old is None:
            self.add(parts, "uptake source added", None, new.key, JUDGED, [claims])
            return
        if old.name != new.name:
            self.add(
                parts,
                f"uptake source renamed from {old.name} to {new.name}",
                old.name,
                new.name,
                JUDGED,
                [
                    (2, (kind, old.name))
                    for kind in ("uptake-key", "uptake-value", "uptake-claimed")
                ],
                ("uptake", "sources", old.name),
            )
        self.docs(
            parts, old, new, "title", "description", "correction", "firefox_source"
        )
        keys = [
            (2, ("uptake-key", old.name)),
            (1, ("uptake-claimed", old.name)),
            claims,
        ]
        self.field(parts, old, new, "key", "key changed", blame=keys)
        if old.placeholder is not None and new.placeholder is not None:
            was, now = old.placeholder, new.placeholder
            if was.pattern != now.pattern:
                self.add(
                    (*parts, "placeholder", "pattern"),
                    "pattern changed",
                    was.pattern,
                    now.pattern,
                    JUDGED,
                    keys,
                )
            self.docs((*parts, "placeholder"), was, now, "description")
            if old.key == new.key:
                self.docs((*parts, "placeholder"), was, now, "name")
        for was, now in self.pairs(
            old.statuses, new.statuses, lambda s: s.constant, "status"
        ):
            self.status(parts, old.name, was, now)

    def status(
        self,
        source: SpecPath,
        source_name: str,
        old: m.Status | None,
        new: m.Status | None,
    ) -> None:
        def refused(values: Sequence[str]) -> list[tuple[int, Cause]]:
            return [(2, ("uptake-value", source_name, value)) for value in values]

        if new is None:
            assert old is not None
            self.add(
                (*source, "statuses", old.constant),
                "status removed",
                old.constant,
                None,
                JUDGED,
                refused(old.reported_values),
            )
            return
        parts = (*source, "statuses", new.constant)
        if old is None:
            self.add(parts, "status added", None, new.value, COMPATIBLE)
            return
        if old.constant != new.constant:
            self.add(
                parts,
                f"status renamed from {old.constant} to {new.constant}",
                old.constant,
                new.constant,
                JUDGED,
                old_parts=(*source, "statuses", old.constant),
            )
        self.docs(parts, old, new, "description", "correction", "firefox_source")
        self.field(
            parts, old, new, "value", "value changed", blame=refused([old.value])
        )
        gone = [old.firefox_value] if old.firefox_value else []
        self.field(
            parts,
            old,
            new,
            "firefox_value",
            "Firefox's value changed",
            blame=refused(gone),
        )
        self.field(parts, old, new, "firefox_name", "Firefox's name changed")

    # -- scalars -----------------------------------------------------------------

    def scalars(self, old: Sequence[m.Scalar], new: Sequence[m.Scalar]) -> None:
        for was, now in self.pairs(old, new, lambda s: s.ident, "scalar"):
            if now is None:
                self.add(
                    ("scalars", was.ident), "scalar removed", was.name, None, JUDGED
                )
                continue
            parts = ("scalars", now.ident)
            if was is None:
                self.add(parts, "scalar added", None, now.name, COMPATIBLE)
                continue
            if was.name != now.name:
                self.add((*parts, "name"), "name changed", was.name, now.name, JUDGED)
            if was.kind != now.kind:
                self.add((*parts, "kind"), "kind changed", was.kind, now.kind, JUDGED)
            if was.unit != now.unit:
                self.add(
                    (*parts, "unit"), "unit changed", was.unit, now.unit, COMPATIBLE
                )
            self.docs(parts, was, now, "description", "value", "correction")
            self.docs((*parts, "key"), was.key, now.key, "name", "description")
            if was.key.pattern != now.key.pattern:
                blame = [(2, ("scalar-key", was.ident))]
                self.add(
                    (*parts, "key", "pattern"),
                    "pattern changed",
                    was.key.pattern,
                    now.key.pattern,
                    JUDGED,
                    blame,
                )
            self.metadata(
                (*parts, "metadata"),
                was.metadata,
                now.metadata,
                self.old_spec.metadata,
                self.new_spec.metadata,
            )

    # -- events ------------------------------------------------------------------

    def events(self, old: m.Events, new: m.Events) -> None:
        parts = ("events",)
        self.field(
            parts, old, new, "category", "category changed", blame=[(1, ("category",))]
        )
        self.docs(parts, old, new, "description")
        self.field(
            parts, old, new, "value_max_length", _limit, blame=[(1, ("value-length",))]
        )
        self.field(
            parts, old, new, "extra_max_length", _limit, blame=[(1, ("extra-length",))]
        )
        self.field(parts, old, new, "glean_extra_keys", "Glean extra keys changed")
        for was, now in self.pairs(
            old.objects, new.objects, lambda o: o.name, "object"
        ):
            self.event_object(was, now)

    def event_object(
        self, old: m.EventObject | None, new: m.EventObject | None
    ) -> None:
        if new is None:
            assert old is not None
            blame = [(2, ("event", old.name))]
            self.add(
                ("events", "objects", old.name),
                "object removed",
                old.name,
                None,
                JUDGED,
                blame,
            )
            return
        parts = ("events", "objects", new.name)
        if old is None:
            self.add(parts, "object added", None, new.name, COMPATIBLE)
            return
        if old.name != new.name:
            self.add(
                parts,
                f"object renamed from {old.name} to {new.name}",
                old.name,
                new.name,
                JUDGED,
                [(2, ("event", old.name))],
                ("events", "objects", old.name),
            )
        self.docs(
            parts, old, new, "title", "description", "correction", "firefox_source"
        )
        self.metadata(
            (*parts, "metadata"),
            old.metadata,
            new.metadata,
            self.old_spec.metadata,
            self.new_spec.metadata,
        )
        for was, now in self.pairs(old.events, new.events, lambda e: e.method, "event"):
            self.event(parts, old, new, was, now)

    def event(
        self,
        object_parts: SpecPath,
        old_object: m.EventObject,
        new_object: m.EventObject,
        old: m.Event | None,
        new: m.Event | None,
    ) -> None:
        if new is None:
            assert old is not None
            blame = [
                (2, ("event", old.object, old.method)),
                (2, ("event", new_object.name, old.method)),
            ]
            self.add(
                (*object_parts, "events", old.method),
                "event removed",
                old.method,
                None,
                JUDGED,
                blame,
            )
            return
        parts = (*object_parts, "events", new.method)
        if old is None:
            self.add(parts, "event added", None, new.method, COMPATIBLE)
            return
        if old.method != new.method:
            blame = [
                (2, ("event", old.object, old.method)),
                (2, ("event", new.object, old.method)),
            ]
            self.add(
                parts,
                f"event renamed from {old.method} to {new.method}",
                old.method,
                new.method,
                JUDGED,
                blame,
                (*object_parts, "events", old.method),
            )
        self.docs(
            parts,
            old,
            new,
            "title",
            "description",
            "value",
            "correction",
            "firefox_source",
        )
        self.field(
            parts,
            old,
            new,
            "value_optional",
            lambda _, now: "value may be absent" if now else "value always sent",
            blame=[(2, ("value-null", new.object, new.method))],
        )
        self.items(
            (*parts, "recorded_in"),
            old.recorded_in,
            new.recorded_in,
            "recorded in",
            JUDGED,
        )
        if old.legacy_entry != new.legacy_entry and old.entry_name != new.entry_name:
            self.add(
                (*parts, "legacy_entry"),
                "Events.yaml entry renamed",
                old.entry_name,
                new.entry_name,
                JUDGED,
            )
        self.metadata(
            (*parts, "metadata"),
            old.metadata,
            new.metadata,
            old_object.metadata,
            new_object.metadata,
        )
        for was, now in self.pairs(old.extra, new.extra, lambda k: k.name, "extra key"):
            self.key(parts, new, was, now)

    def key(
        self,
        event_parts: SpecPath,
        event: m.Event,
        old: m.ExtraKey | None,
        new: m.ExtraKey | None,
    ) -> None:
        here = (event.object, event.method)

        def unknown(key: m.ExtraKey) -> list[tuple[int, Cause]]:
            names = dict.fromkeys((key.name, key.legacy_key))
            return [(2, ("extra-unknown", *here, name)) for name in names]

        if new is None:
            assert old is not None
            self.add(
                (*event_parts, "extra", old.name),
                "extra key removed",
                old.name,
                None,
                JUDGED,
                unknown(old),
            )
            return
        parts = (*event_parts, "extra", new.name)
        rule = (*here, new.name)
        if old is None:
            what = f"extra key added ({m.describe_presence(new)})"
            self.add(
                parts, what, None, new.name, JUDGED, [(2, ("extra-presence", *rule))]
            )
            return
        if old.name != new.name:
            self.add(
                parts,
                f"extra key renamed from {old.name} to {new.name}",
                old.name,
                new.name,
                JUDGED,
                unknown(old),
                (*event_parts, "extra", old.name),
            )
        self.docs(
            parts, old, new, "description", "examples", "correction", "firefox_source"
        )
        for name in ("when", "channels", "optional"):
            if getattr(old, name) != getattr(new, name):
                self.add(
                    (*parts, name),
                    "presence changed",
                    m.describe_presence(old),
                    m.describe_presence(new),
                    JUDGED,
                    [(2, ("extra-presence", *rule))],
                )
                break
        self.field(
            parts,
            old,
            new,
            "format",
            "format changed",
            blame=[(2, ("extra-format", *rule))],
        )
        old_limit, new_limit = (
            self.old_spec.events.extra_max_length,
            self.new_spec.events.extra_max_length,
        )
        if old.max_length != new.max_length and not (
            old.max_length == old_limit and new.max_length == new_limit
        ):
            self.add(
                (*parts, "max_length"),
                _limit(old.max_length, new.max_length),
                old.max_length,
                new.max_length,
                JUDGED,
                [(2, ("extra-length", *rule))],
            )
        self.field(parts, old, new, "truncate", "truncation changed", COMPATIBLE)
        blame = (
            [(2, ("extra-unknown", *here, old.legacy_name))] if old.legacy_name else []
        )
        self.field(parts, old, new, "legacy_name", "legacy name changed", blame=blame)
        self.allowed(parts, rule, old, new)

    def allowed(
        self,
        parts: SpecPath,
        rule: tuple[str, str, str],
        old: m.ExtraKey,
        new: m.ExtraKey,
    ) -> None:
        where = (*parts, "allowed")
        blame: list[tuple[int, Cause]]
        if old.allowed and not new.allowed:
            what = f"closed set of values removed: any value of at most {new.max_length} bytes is allowed now"
            blame = [(2, ("extra-length", *rule)), (2, ("extra-format", *rule))]
            self.add(where, what, list(old.allowed_values), None, JUDGED, blame)
            return
        if new.allowed and not old.allowed:
            what = "closed set of values added where any value was allowed"
            self.add(
                where,
                what,
                None,
                list(new.allowed_values),
                JUDGED,
                [(2, ("extra-allowed", *rule))],
            )
            return
        for was, now in self.pairs(
            old.allowed, new.allowed, lambda a: a.value, "allowed value"
        ):
            if now is None:
                blame = [(2, ("extra-allowed", *rule, was.value))]
                self.add(
                    (*where, was.value),
                    "allowed value removed",
                    was.value,
                    None,
                    JUDGED,
                    blame,
                )
            elif was is None:
                self.add(
                    (*where, now.value),
                    "allowed value added",
                    None,
                    now.value,
                    COMPATIBLE,
                )
            else:
                if was.value != now.value:
                    blame = [(2, ("extra-allowed", *rule, was.value))]
                    self.add(
                        (*where, now.value),
                        f"allowed value renamed from {was.value} to {now.value}",
                        was.value,
                        now.value,
                        JUDGED,
                        blame,
                        (*where, was.value),
                    )
                self.docs(
                    (*where, now.value),
                    was,
                    now,
                    "description",
                    "correction",
                    "firefox_source",
                )


def find_edits(old: m.Spec, new: m.Spec) -> tuple[list[Edit], list[Problem]]:
    """Every edit from ``old`` to ``new`` in spec order, and the mistakes in
    ``new``'s ``renamed_from`` fields."""
    walker = _Walker(old, new)
    walker.spec()
    return walker.edits, walker.problems
