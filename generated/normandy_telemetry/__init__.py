"""Normandy telemetry: constants and event catalogue.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Normandy is the Firefox component that fetches recipes from a server and runs
them to make changes to the browser, such as preference studies, preference
rollouts and add-on studies. It reports two kinds of telemetry. Uptake statuses
say whether each run of the recipe runner, each action and each recipe
succeeded or how it failed, and a keyed scalar says how fresh each recipe is.
Events in the normandy category record when a client enrolls in, fails to
enroll in, updates, graduates from or leaves one of these changes, so that the
people running a change can see who took part and what went wrong.
"""

from typing import Final

from normandy_telemetry import catalog, events, uptake
from normandy_telemetry.catalog import (
    CATEGORY,
    ENROLLMENT_ID_FILLER,
    EVENTS,
    EXTRA_MAX_LENGTH,
    GLEAN_EVENTS,
    VALUE_MAX_LENGTH,
    EventDef,
    ExtraKeyDef,
    get_event,
    get_glean_event,
)
from normandy_telemetry.errors import FieldError, ValidationError
from normandy_telemetry.uptake import (
    RUNNER_SUCCESS,
    RUNNER_SERVER_ERROR,
    RUNNER_NETWORK_ERROR,
    ACTION_NETWORK_ERROR,
    ACTION_PRE_EXECUTION_ERROR,
    ACTION_POST_EXECUTION_ERROR,
    ACTION_SERVER_ERROR,
    ACTION_SUCCESS,
    RECIPE_ACTION_DISABLED,
    RECIPE_DIDNT_MATCH_FILTER,
    RECIPE_EXECUTION_ERROR,
    RECIPE_FILTER_BROKEN,
    RECIPE_INVALID_ACTION,
    RECIPE_SUCCESS,
    RECIPE_SIGNATURE_INVALID,
    RECIPE_INVALID_SIGNATURE,
    RECIPE_INCOMPATIBLE_CAPABILITIES,
    RECIPE_ARGUMENTS_INVALID,
    RunnerStatus,
    ActionStatus,
    RecipeStatus,
    UptakeStatus,
)
from normandy_telemetry.validate import (
    Event,
    UptakeReport,
    build_event,
    is_valid_event,
    is_valid_uptake,
    iter_event_errors,
    iter_uptake_errors,
    uptake_report,
    validate_event,
    validate_uptake,
)
from normandy_telemetry.validate_glean import (
    is_valid_glean_event,
    iter_glean_event_errors,
    validate_glean_event,
)
from normandy_telemetry.validate_scalars import (
    is_valid_recipe_freshness,
    iter_recipe_freshness_errors,
    validate_recipe_freshness,
)

__version__: Final = "1.1.3"
"""The version of the spec the package was generated from, which is the package's
version too: MAJOR goes up when a change can break a client, MINOR when the spec
only gained something, PATCH when only its documentation changed."""

SPEC_DIGEST: Final = (
    "sha256:d4c7104c82e6010cdfd40730f3a15c15d3e81203ecf133394af656a078c3608c"
)
"""``sha256:`` and the SHA-256 of the spec's text (line ends as LF) the package was
generated from: ``sha256sum`` of that spec file names the same spec."""

__all__ = [
    "ACTION_NETWORK_ERROR",
    "ACTION_POST_EXECUTION_ERROR",
    "ACTION_PRE_EXECUTION_ERROR",
    "ACTION_SERVER_ERROR",
    "ACTION_SUCCESS",
    "ActionStatus",
    "build_event",
    "catalog",
    "CATEGORY",
    "ENROLLMENT_ID_FILLER",
    "Event",
    "EventDef",
    "EVENTS",
    "events",
    "EXTRA_MAX_LENGTH",
    "ExtraKeyDef",
    "FieldError",
    "get_event",
    "get_glean_event",
    "GLEAN_EVENTS",
    "is_valid_event",
    "is_valid_glean_event",
    "is_valid_recipe_freshness",
    "is_valid_uptake",
    "iter_event_errors",
    "iter_glean_event_errors",
    "iter_recipe_freshness_errors",
    "iter_uptake_errors",
    "RECIPE_ACTION_DISABLED",
    "RECIPE_ARGUMENTS_INVALID",
    "RECIPE_DIDNT_MATCH_FILTER",
    "RECIPE_EXECUTION_ERROR",
    "RECIPE_FILTER_BROKEN",
    "RECIPE_INCOMPATIBLE_CAPABILITIES",
    "RECIPE_INVALID_ACTION",
    "RECIPE_INVALID_SIGNATURE",
    "RECIPE_SIGNATURE_INVALID",
    "RECIPE_SUCCESS",
    "RecipeStatus",
    "RUNNER_NETWORK_ERROR",
    "RUNNER_SERVER_ERROR",
    "RUNNER_SUCCESS",
    "RunnerStatus",
    "SPEC_DIGEST",
    "uptake",
    "uptake_report",
    "UptakeReport",
    "UptakeStatus",
    "validate_event",
    "validate_glean_event",
    "validate_recipe_freshness",
    "validate_uptake",
    "ValidationError",
    "VALUE_MAX_LENGTH",
]
