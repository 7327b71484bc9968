"""Typed builders for the addon_rollback events.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the addon_rollback events: Add-on Rollbacks.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Add-on Rollbacks: Recipes that undo an active add-on rollout, uninstalling its
add-on.
"""

from __future__ import annotations

from typing import Literal

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build


def unenroll(
    *,
    value: str,
    reason: Literal["rollback"],
) -> Event:
    """Build addon_rollback.unenroll: Unenrollment.

    Sent when a rollback recipe undoes an add-on rollout the client is enrolled
    in.

    Args:
        value: The slug of the rollout that is undone
            (`recipe.arguments.rolloutSlug`).
            At most 80 bytes of UTF-8.
        reason: The reason for the unenrollment.
            One of:

            - ``"rollback"``: A rollback recipe undid the rollout and
              uninstalled its add-on.

    Returns:
        The event addon_rollback.unenroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenroll",
        "addon_rollback",
        value,
        {
            "reason": reason,
        },
    )


def unenroll_failed(
    *,
    value: str,
    reason: Literal["uninstall-failed"],
) -> Event:
    """Build addon_rollback.unenrollFailed: Unenroll Failed.

    Sent when a rollback recipe cannot uninstall the add-on of the rollout it
    undoes.

    Args:
        value: The slug of the rollout (`recipe.arguments.rolloutSlug`).
            At most 80 bytes of UTF-8.
        reason: A code for the reason the rollback failed.
            One of:

            - ``"uninstall-failed"``: Uninstalling the rollout's add-on
              failed.

    Returns:
        The event addon_rollback.unenrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenrollFailed",
        "addon_rollback",
        value,
        {
            "reason": reason,
        },
    )
