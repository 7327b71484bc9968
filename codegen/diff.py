"""Every change between two versions of a spec, classified by what it does to clients.

Telemetry definitions live for years, and what breaks a pipeline is a change
nobody noticed. The classes follow from one definition:

* ``breaking``: some record the old spec accepts (an event, an Uptake report,
  a scalar entry) is refused by the new one, or something clients use by name
  disappears: a constant, an enum member, a builder or its keyword, a Glean
  metric or an ``Events.yaml`` event (category, method, object) Firefox's
  build reads, or the processes, products, channels and dates they are
  recorded for. An entry's name is a label: renaming one is compatible.
* ``compatible``: an output changes, but everything the old spec accepts
  stays valid and every name stays.
* ``docs``: only documentation changes (descriptions, titles, corrections,
  examples, where an item comes from).

An edit that changes no output at all (``lint_ignore``, comments, order of
fields) is not a change. Which records stay valid is not decided field by field
but by :mod:`codegen.acceptance`, which builds records the old spec accepts and
asks the new spec's rules about them: each breaking change comes with one such
record (or the name that disappears) as its example. Each change is reported
once, at the field the maintainer edited: a limit or a ``metadata`` field that
items inherit is reported where it is written, not again for each heir.

A rename is a removal plus an addition unless the new item records
``renamed_from:``; then it is one breaking change that names both, and the
item's other edits are compared as usual. A ``renamed_from`` naming nothing
that the old spec had, where the new spec removed something, is a mistake
reported with a did-you-mean.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from codegen import model as m
from codegen.acceptance import (
    Cause,
    Definition,
    Refusal,
    declared_keys,
    definitions,
    is_defined,
)
from codegen.acceptance import refusals as find_refusals
from codegen.format_language import dotted
from codegen.problems import SpecError
from codegen.spec_edits import BREAKING as BREAKING
from codegen.spec_edits import COMPATIBLE as COMPATIBLE
from codegen.spec_edits import DOCS as DOCS
from codegen.spec_edits import JUDGED, Edit, find_edits

CLASSES = (BREAKING, COMPATIBLE, DOCS)
TITLES = {
    BREAKING: "Breaking changes",
    COMPATIBLE: "Compatible changes",
    DOCS: "Documentation-only changes",
}


@dataclass(frozen=True)
class Example:
    """Why a change is breaking: a record the old spec accepts and the new refuses,
    or a name clients use that is gone."""

    kind: str
    """``event``, ``uptake``, ``scalar`` or ``definition``."""
    record: Any
    reason: str

    def describe(self) -> str:
        if self.kind == "definition":
            return f"{self.record}: {self.reason}"
        shown = json.dumps(self.record, ensure_ascii=False)
        return f"{self.kind} {shown} is refused ({self.reason})"

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "record": self.record, "reason": self.reason}


@dataclass(frozen=True)
class Change:
    kind: str
    path: str
    what: str
    old: Any = None
    new: Any = None
    example: Example | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "path": self.path,
            "change": self.what,
            "old": self.old,
            "new": self.new,
            "example": self.example.as_json() if self.example else None,
        }


def diff_specs(old: m.Spec, new: m.Spec) -> list[Change]:
    """Every change from ``old`` to ``new``, in spec order, each classified.

    Raises :class:`SpecError` (of ``new``) when a ``renamed_from`` names nothing
    the old spec had."""
    edits, problems = find_edits(old, new)
    if problems:
        raise SpecError(new.label, problems)
    return _classify(edits, find_refusals(old, new), old, new)


def change_class(old: m.Spec, new: m.Spec) -> str | None:
    """The class of the whole change from ``old`` to ``new``: ``breaking``,
    ``compatible``, ``docs``, or None when no output changes."""
    kinds = {change.kind for change in diff_specs(old, new)}
    return next((kind for kind in CLASSES if kind in kinds), None)


# -- classification ------------------------------------------------------------------


def _matches(cause: Cause, pattern: Cause) -> bool:
    return len(pattern) <= len(cause) and all(
        want is None or want == got for want, got in zip(pattern, cause)
    )


def _defines(edit: Edit, definition: Definition) -> bool:
    """Whether ``edit`` is what made ``definition`` disappear."""
    for path in definition.paths:
        for parts in filter(None, (edit.parts, edit.old_parts)):
            if path[: len(parts)] == parts:
                return True  # the item, or an item around it, was removed or renamed
        for name in definition.fields:
            if edit.parts == (*path, *name.split(".")):
                return True
        for depth in range(len(path) + 1):
            for name in definition.inherited:
                if edit.parts == (*path[:depth], *name.split(".")):
                    return True
    return False


def _claims(edits: Sequence[Edit], refusal: Refusal) -> list[Edit]:
    """The edits that explain ``refusal``: for each of its causes, the most specific."""
    found: list[Edit] = []
    # A record that keeps an old name shows what a rename broke, and nothing else.
    edits = [e for e in edits if refusal.full or e.renames]
    for cause in refusal.causes:
        scored = [
            (
                max(
                    (p for p, pattern in e.blame if _matches(cause, pattern)), default=0
                ),
                e,
            )
            for e in edits
        ]
        best = max((score for score, _ in scored), default=0)
        if best:
            found += [e for score, e in scored if score == best and e not in found]
    return found


def _example(refusal: Refusal) -> Example:
    return Example(refusal.kind, refusal.record, refusal.reason)


def _classify(
    edits: list[Edit], refused: list[Refusal], old: m.Spec, new: m.Spec
) -> list[Change]:
    """Each edit as a change: judged ones are breaking exactly when a refused
    record or a lost name shows it."""
    judged = [e for e in edits if e.judge == JUDGED]
    evidence: dict[int, list[Refusal]] = {}
    unexplained: list[Refusal] = []
    for refusal in refused:
        claimed = _claims(judged, refusal)
        for edit in claimed:
            evidence.setdefault(id(edit), []).append(refusal)
        if not claimed and refusal.full:
            unexplained.append(refusal)
    new_names, declared = definitions(new), declared_keys(new)
    lost = [
        d for d in definitions(old).values() if not is_defined(d, new_names, declared)
    ]
    orphans = list(lost)
    changes = []
    for edit in edits:
        kind, example = edit.judge, None
        if edit.evidence is not None:
            example = Example("definition", *edit.evidence)
        if kind == JUDGED:
            cleanest = min(
                evidence.get(id(edit), ()),
                key=lambda r: (len(r.causes), len(json.dumps(r.record))),
                default=None,
            )
            if cleanest is not None:
                example = _example(cleanest)
            for definition in lost:
                if _defines(edit, definition):
                    if definition in orphans:
                        orphans.remove(definition)
                    example = example or _gone(definition)
            kind = BREAKING if example else COMPATIBLE
        changes.append(
            Change(kind, dotted(edit.parts), edit.what, edit.old, edit.new, example)
        )
    # Safety nets: a refusal or a lost name that no edit explains is still reported.
    reported: set[tuple[str, str]] = set()
    for refusal in unexplained:
        where, what = _unexplained_place(refusal)
        if (where, what) not in reported:
            reported.add((where, what))
            changes.append(Change(BREAKING, where, what, example=_example(refusal)))
    for definition in orphans:
        where = dotted(definition.paths[0])
        changes.append(
            Change(BREAKING, where, "definition removed", example=_gone(definition))
        )
    return changes


def _gone(definition: Definition) -> Example:
    return Example("definition", definition.name, "no longer defined")


def _unexplained_place(refusal: Refusal) -> tuple[str, str]:
    if refusal.kind == "event":
        record = refusal.record
        parts = ("events", "objects", record["object"], "events", record["method"])
        return dotted(parts), "an event the old spec accepts is refused"
    if refusal.kind == "uptake":
        return "uptake.sources", "an Uptake report the old spec accepts is refused"
    return (
        dotted(("scalars", refusal.record[0])),
        "a scalar entry the old spec accepts is refused",
    )
