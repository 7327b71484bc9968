"""The spec's version follows its changes: ``check --base REV`` enforces the bump.

A client reads the generated package's version to know whether an upgrade can
break it, so the number must say what changed since the last one. The class
of a change is the one ``python -m codegen diff`` gives it, and each class
needs its own bump (semantic versioning):

========================  ======================================  ============
the changes since REV     for example                             bump
========================  ======================================  ============
some breaking             a value removed, a key made required    MAJOR
compatible, none breaking  a status, event, key or value added     MINOR
documentation only        a description or correction reworded    PATCH
none                      (comments, formatting)                  none
========================  ======================================  ============

A version may go up by more than its changes need (a release can collect
several), never down. :func:`change_class` is the one place that asks
``codegen.diff`` for the class of a set of changes.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from codegen import diff
from codegen.model import Spec
from codegen.problems import Problem

ChangeClass = Literal["breaking", "compatible", "docs"]
Part = Literal["major", "minor", "patch"]

BUMPS: dict[str, Part] = {"breaking": "major", "compatible": "minor", "docs": "patch"}
"""The part of the version each class of change bumps."""

# Fields of a spec that number it rather than describe telemetry: a change to
# them is never a change the version has to account for.
_VERSION_FIELDS = frozenset({"version", "version_loc", "digest"})


class Version(NamedTuple):
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        """``1.4.0`` -> Version(1, 4, 0); the spec format has already checked the form."""
        major, minor, patch = (int(part) for part in text.split("."))
        return cls(major, minor, patch)

    def bumped(self, part: Part) -> Version:
        if part == "major":
            return Version(self.major + 1, 0, 0)
        if part == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


CLASSES: tuple[ChangeClass, ...] = ("breaking", "compatible", "docs")
"""The classes of change, highest first."""


def change_class(old: Spec, new: Spec) -> ChangeClass | None:
    """The class of every change from ``old`` to ``new`` together: the highest one,
    ``None`` when the telemetry did not change.

    The one place that asks ``codegen.diff``: today it takes the highest class of
    ``diff_specs``' field-level changes, leaving out the fields that number the
    spec rather than describe telemetry."""
    kinds = {
        change.kind
        for change in diff.diff_specs(old, new)
        if change.path.split(".", 1)[0] not in _VERSION_FIELDS
    }
    return next((kind for kind in CLASSES if kind in kinds), None)


def required_bump(old: Spec, new: Spec) -> Part | None:
    """The part of the version the changes from ``old`` to ``new`` must bump."""
    kind = change_class(old, new)
    return BUMPS[kind] if kind else None


def version_problems(old: Spec, new: Spec, base: str) -> list[Problem]:
    """Why ``new``'s version does not follow from ``old``'s, which is the spec at
    ``base`` (a git revision); empty when it does."""
    before, after = Version.parse(old.version), Version.parse(new.version)
    line, column = new.version_loc.line or 1, new.version_loc.column or 1
    where = (
        "" if new.version_loc.line else " (the spec has no 'version:', so it is 1.0.0)"
    )
    kind = change_class(old, new)
    if after < before:
        # Say what to write, as for a bump too small: the base's version, or
        # the one its changes since then need.
        least = before.bumped(BUMPS[kind]) if kind is not None else before
        return [
            Problem(
                line,
                column,
                f"version {after}{where} is lower than {before}, the version at {base};"
                f" a version never goes down: write {least}"
                + (
                    f", which the {kind if kind != 'docs' else 'documentation-only'}"
                    f" changes since {base} need"
                    if kind is not None
                    else f" (the spec is as it was at {base})"
                ),
            )
        ]
    if kind is None:
        return []
    needed = before.bumped(BUMPS[kind])
    if after >= needed:
        return []
    label = {
        "breaking": "breaking",
        "compatible": "compatible",
        "docs": "documentation-only",
    }
    return [
        Problem(
            line,
            column,
            f"version {after}{where} must be at least {needed}: the spec has "
            f"{label[kind]} changes since {base}, where it was {before}, and a "
            f"{label[kind]} change bumps {BUMPS[kind].upper()} "
            f"(`python -m codegen diff --against {base}` lists the changes)",
        )
    ]
