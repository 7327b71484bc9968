"""Minimal telemetry: constants and event catalogue.

Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

The smallest spec the generator accepts.
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
    RECIPE_SUCCESS,
    RunnerStatus,
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

__version__: Final = "1.0.0"
"""The version of the spec the package was generated from, which is the package's
version too: MAJOR goes up when a change can break a client, MINOR when the spec
only gained something, PATCH when only its documentation changed."""

SPEC_DIGEST: Final = (
    "sha256:859bb6454d61d7b73d1bef55abce3b1a94ee4a07740c8097fe5c7fb0b420f449"
)
"""``sha256:`` and the SHA-256 of the spec's text (line ends as LF) the package was
generated from: ``sha256sum`` of that spec file names the same spec."""

__all__ = [
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
    "RECIPE_SUCCESS",
    "RecipeStatus",
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
