"""Uptake statuses Normandy reports, by source.

Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Uptake statuses of the runner and of recipes.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Final

LEGAL_UPTAKE_VALUES: Final[tuple[str, ...]] = (
    "success",
    "backoff",
    "server_error",
)
"""Every value Firefox's ``UptakeTelemetry.STATUS`` accepts."""

# Runner Status: reported under normandy/runner

RUNNER_SUCCESS: Final = "success"
"""The run finished."""

RUNNER_SERVER_ERROR: Final = "server_error"
"""The server sent bad data."""

# Recipe Status: reported under normandy/recipe/<recipe id>

RECIPE_SUCCESS: Final = "success"
"""The recipe ran."""


class UptakeStatus(enum.StrEnum):
    """The statuses of one source. A member is the telemetry value it reports (a
    ``str`` equal to it), and every status is a member of its own, even where
    several statuses report one value (Firefox reports ``backoff`` both for a
    recipe whose filter did not match and for one whose capabilities are
    missing): ``list(RecipeStatus)`` lists them all. Looking a member up by a
    value (``RecipeStatus("backoff")``) gives the first status that reports it,
    or the status whose value Firefox sends instead (``sign_error``)."""

    firefox_value: str | None
    """What Firefox sends in place of the documented value, if anything."""

    def __new__(
        cls, value: str, constant: str, firefox_value: str | None = None
    ) -> UptakeStatus:
        member = str.__new__(cls, value)
        member._value_ = constant  # unique, so no status is an alias of another
        member.firefox_value = firefox_value
        return member

    @property
    def value(self) -> str:
        """The telemetry value the status reports."""
        return str.__str__(self)

    @property
    def constant(self) -> str:
        """The status's constant: ``RECIPE_SUCCESS``."""
        return self.name

    @classmethod
    def _missing_(cls, value: object) -> UptakeStatus | None:
        for member in cls:
            if str.__eq__(member, value) is True or member.firefox_value == value:
                return member
        return None

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {str.__str__(self)!r}>"


class RunnerStatus(UptakeStatus):
    """Runner Status: the statuses reported under ``normandy/runner``.

    Reported once per run.
    """

    RUNNER_SUCCESS = "success", "RUNNER_SUCCESS"
    RUNNER_SERVER_ERROR = "server_error", "RUNNER_SERVER_ERROR"


class RecipeStatus(UptakeStatus):
    """Recipe Status: the statuses reported under ``normandy/recipe/<recipe id>``.

    Reported once per recipe.
    """

    RECIPE_SUCCESS = "success", "RECIPE_SUCCESS"


@dataclass(frozen=True, slots=True)
class UptakeSource:
    """A part of Normandy that reports one Uptake status per run."""

    name: str
    """Short name of the source: ``runner``, ``action``, ``recipe``."""
    key: str
    """The Uptake key as documented, with its placeholder:
    ``normandy/recipe/<recipe id>``."""
    placeholder: str | None
    """What the variable part of the key is, or ``None`` for a fixed key."""
    key_pattern: re.Pattern[str]
    """Matches every real key of this source, whole."""
    statuses: type[enum.StrEnum]
    """The statuses this source reports."""
    firefox_values: tuple[str, ...]
    """Values Firefox sends in place of a documented one (see each status)."""

    @property
    def values(self) -> frozenset[str]:
        """Every telemetry value this source can report."""
        return frozenset(s.value for s in self.statuses) | frozenset(
            self.firefox_values
        )


SOURCES: Final[dict[str, UptakeSource]] = {
    "runner": UptakeSource(
        name="runner",
        key="normandy/runner",
        placeholder=None,
        key_pattern=re.compile("normandy/runner"),
        statuses=RunnerStatus,
        firefox_values=(),
    ),
    "recipe": UptakeSource(
        name="recipe",
        key="normandy/recipe/<recipe id>",
        placeholder="recipe id",
        key_pattern=re.compile("normandy/recipe/(?:[0-9]+)"),
        statuses=RecipeStatus,
        firefox_values=(),
    ),
}
"""The Uptake sources, by name, in the spec's order."""


def source_for_key(key: str) -> UptakeSource | None:
    """The source whose key pattern matches ``key`` whole, if any; None for
    anything else, as ``catalog.get_event`` does: a lookup never raises."""
    if not isinstance(key, str):
        return None
    for source in SOURCES.values():
        if source.key_pattern.fullmatch(key):
            return source
    return None


@dataclass(frozen=True, slots=True)
class UptakeEvent:
    """The event Firefox reports every uptake status with: a Glean event,
    mirrored to legacy Telemetry as an event of its own. Its extra keys
    ``source`` (the Uptake key) and ``value`` (the status) carry the report;
    in a legacy record the status is the event's value."""

    category: str
    """The category of both events: ``uptake.remotecontent.result``."""
    glean_name: str
    """The Glean event's name: ``uptake_normandy``."""
    method: str
    """The legacy event's method: ``uptake``."""
    object: str
    """The legacy event's object: ``normandy``."""
    extra_keys: tuple[str, ...]
    """Its extra keys besides ``source`` and ``value``, which Uptake Telemetry
    fills for every component and Normandy leaves out: each may be absent."""


UPTAKE_EVENT: Final[UptakeEvent | None] = None
"""Normandy's uptake event: the spec names none (no ``uptake.glean``)."""
