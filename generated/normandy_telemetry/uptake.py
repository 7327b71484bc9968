"""Uptake statuses Normandy reports, by source.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Normandy monitors the execution of recipes and reports to Telemetry the amount
of successful and failed runs. This data is reported using Uptake Telemetry
under the normandy namespace.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Final

LEGAL_UPTAKE_VALUES: Final[tuple[str, ...]] = (
    "up_to_date",
    "success",
    "backoff",
    "pref_disabled",
    "parse_error",
    "content_error",
    "sign_error",
    "sign_retry_error",
    "conflict_error",
    "corruption_error",
    "sync_error",
    "apply_error",
    "server_error",
    "certificate_error",
    "download_error",
    "timeout_error",
    "network_error",
    "offline_error",
    "shutdown_error",
    "unknown_error",
    "cleanup_error",
    "sync_broken_error",
    "custom_1_error",
    "custom_2_error",
    "custom_3_error",
    "custom_4_error",
    "custom_5_error",
)
"""Every value Firefox's ``UptakeTelemetry.STATUS`` accepts."""

# Runner Status: reported under normandy/runner

RUNNER_SUCCESS: Final = "success"
"""The operation completed successfully. Individual failures with actions and
recipes may have been reported separately.
"""

RUNNER_SERVER_ERROR: Final = "server_error"
"""The data returned by the server when fetching the recipe is invalid in some
way.
"""

RUNNER_NETWORK_ERROR: Final = "network_error"
"""A network error kept the runner from fetching the recipes. Firefox defines this
status, but its current runner reports a failed fetch as RUNNER_SERVER_ERROR,
so this status is not expected in real data. Only in Firefox
(toolkit/components/normandy/lib/Uptake.sys.mjs), not in Normandy's
data-collection document.
"""

# Action Status: reported under normandy/action/<action name>

ACTION_NETWORK_ERROR: Final = "network_error"
"""There was a network-related error while fetching actions"""

ACTION_PRE_EXECUTION_ERROR: Final = "custom_1_error"
"""There was an error while running the pre-execution hook for the action."""

ACTION_POST_EXECUTION_ERROR: Final = "custom_2_error"
"""There was an error while running the post-execution hook for the action."""

ACTION_SERVER_ERROR: Final = "server_error"
"""The data returned by the server when fetching the action is invalid in some
way.
"""

ACTION_SUCCESS: Final = "success"
"""The operation completed successfully. Individual failures with recipes may be
reported separately.
"""

# Recipe Status: reported under normandy/recipe/<recipe id>

RECIPE_ACTION_DISABLED: Final = "custom_1_error"
"""The action for this recipe failed in some way and was disabled, so the recipe
could not be executed.
"""

RECIPE_DIDNT_MATCH_FILTER: Final = "backoff"
"""The recipe included a Jexl filter that the client did not match, so the recipe
was not executed.
"""

RECIPE_EXECUTION_ERROR: Final = "apply_error"
"""An error occurred while executing the recipe."""

RECIPE_FILTER_BROKEN: Final = "content_error"
"""An error occurred while evaluating the Jexl filter for this recipe. Sometimes
this represents a bug in the Jexl filter parser/evaluator, such as in bug
1477156, or it can represent an error fetching some data that a Jexl recipe
needs such as bug 1447804.
"""

RECIPE_INVALID_ACTION: Final = "download_error"
"""The action specified by the recipe was invalid and it could not be executed."""

RECIPE_SUCCESS: Final = "success"
"""The recipe was executed successfully."""

RECIPE_SIGNATURE_INVALID: Final = "signature_error"
"""Normandy failed to verify the signature of the recipe. Firefox sends sign_error
for this status.

Correction of Normandy's data-collection document: The data-collection document
calls this status RECIPE_SIGNATURE_INVALID and gives it the telemetry value
`signature_error`. Firefox differs in both: its constant is named
RECIPE_INVALID_SIGNATURE (toolkit/components/normandy/lib/Uptake.sys.mjs), and
its value is UptakeTelemetry's SIGNATURE_ERROR, which is `sign_error`
(services/common/uptake-telemetry.sys.mjs); UptakeTelemetry's STATUS list has
no `signature_error` at all. The spec keeps the document's name and value,
records Firefox's name and the value real Firefox telemetry carries beside
them, and the validators accept both values.
"""

RECIPE_INVALID_SIGNATURE: Final = "sign_error"
"""Firefox's name for RECIPE_SIGNATURE_INVALID, with the value Firefox sends."""

RECIPE_INCOMPATIBLE_CAPABILITIES: Final = "backoff"
"""The recipe needs capabilities that this browser does not have, so the recipe
was not run. The runner reports it when it checks whether a recipe suits the
client (RecipeRunner.sys.mjs, getRecipeSuitability). Only in Firefox
(toolkit/components/normandy/lib/Uptake.sys.mjs), not in Normandy's
data-collection document.
"""

RECIPE_ARGUMENTS_INVALID: Final = "content_error"
"""The recipe's arguments do not fit what its action expects, so the recipe was
not run. Only in Firefox (toolkit/components/normandy/lib/Uptake.sys.mjs), not
in Normandy's data-collection document.
"""


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

    Once per-fetch and execution of recipes, one of the following statuses is
    reported under the key normandy/runner:
    """

    RUNNER_SUCCESS = "success", "RUNNER_SUCCESS"
    RUNNER_SERVER_ERROR = "server_error", "RUNNER_SERVER_ERROR"
    RUNNER_NETWORK_ERROR = "network_error", "RUNNER_NETWORK_ERROR"


class ActionStatus(UptakeStatus):
    """Action Status: the statuses reported under ``normandy/action/<action
    name>``.

    For each action available from the Normandy service, one of the following
    statuses is reported under the key normandy/action/<action name>:
    """

    ACTION_NETWORK_ERROR = "network_error", "ACTION_NETWORK_ERROR"
    ACTION_PRE_EXECUTION_ERROR = "custom_1_error", "ACTION_PRE_EXECUTION_ERROR"
    ACTION_POST_EXECUTION_ERROR = "custom_2_error", "ACTION_POST_EXECUTION_ERROR"
    ACTION_SERVER_ERROR = "server_error", "ACTION_SERVER_ERROR"
    ACTION_SUCCESS = "success", "ACTION_SUCCESS"


class RecipeStatus(UptakeStatus):
    """Recipe Status: the statuses reported under ``normandy/recipe/<recipe id>``.

    For each recipe that is fetched and executed, one of the following statuses
    is reported under the key normandy/recipe/<recipe id>:
    """

    RECIPE_ACTION_DISABLED = "custom_1_error", "RECIPE_ACTION_DISABLED"
    RECIPE_DIDNT_MATCH_FILTER = "backoff", "RECIPE_DIDNT_MATCH_FILTER"
    RECIPE_EXECUTION_ERROR = "apply_error", "RECIPE_EXECUTION_ERROR"
    RECIPE_FILTER_BROKEN = "content_error", "RECIPE_FILTER_BROKEN"
    RECIPE_INVALID_ACTION = "download_error", "RECIPE_INVALID_ACTION"
    RECIPE_SUCCESS = "success", "RECIPE_SUCCESS"
    RECIPE_SIGNATURE_INVALID = (
        "signature_error",
        "RECIPE_SIGNATURE_INVALID",
        "sign_error",
    )
    RECIPE_INCOMPATIBLE_CAPABILITIES = "backoff", "RECIPE_INCOMPATIBLE_CAPABILITIES"
    RECIPE_ARGUMENTS_INVALID = "content_error", "RECIPE_ARGUMENTS_INVALID"


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
    "action": UptakeSource(
        name="action",
        key="normandy/action/<action name>",
        placeholder="action name",
        key_pattern=re.compile(
            "normandy/action/(?:(?:[a-z0-9]+(?:-[a-z0-9]+)*|[A-Z][A-Za-z0-9]*Action))"
        ),
        statuses=ActionStatus,
        firefox_values=(),
    ),
    "recipe": UptakeSource(
        name="recipe",
        key="normandy/recipe/<recipe id>",
        placeholder="recipe id",
        key_pattern=re.compile("normandy/recipe/(?:[0-9]+)"),
        statuses=RecipeStatus,
        firefox_values=("sign_error",),
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


UPTAKE_EVENT: Final[UptakeEvent | None] = UptakeEvent(
    category="uptake.remotecontent.result",
    glean_name="uptake_normandy",
    method="uptake",
    object="normandy",
    extra_keys=("trigger", "age", "duration", "timestamp", "errorName"),
)
"""Normandy's uptake event, as the spec names it."""
