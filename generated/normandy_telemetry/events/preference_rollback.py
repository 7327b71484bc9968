"""Typed builders for the preference_rollback events.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the preference_rollback events: Preference Rollbacks.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Preference Rollbacks: Recipes that undo an active preference rollout, setting
its preferences back to the values they had before it.
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
    """Build preference_rollback.unenroll: Unenrollment.

    Sent when a rollback recipe undoes a preference rollout the client is
    enrolled in.

    Args:
        value: The slug of the rollout that is undone
            (`recipe.arguments.rolloutSlug`).
            At most 80 bytes of UTF-8.
        reason: The reason for the unenrollment.
            One of:

            - ``"rollback"``: A rollback recipe undid the rollout.

    Returns:
        The event preference_rollback.unenroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenroll",
        "preference_rollback",
        value,
        {
            "reason": reason,
        },
    )


def unenroll_failed(
    *,
    value: str,
    reason: Literal["in-graduation-set", "graduated"],
) -> Event:
    """Build preference_rollback.unenrollFailed: Unenroll Failed.

    Sent when a rollback recipe names a preference rollout that can no longer
    be undone.

    Args:
        value: The slug of the rollout that could not be undone
            (`recipe.arguments.rolloutSlug`).
            At most 80 bytes of UTF-8.
        reason: A code for the reason the rollback failed.
            One of:

            - ``"in-graduation-set"``: This version of the browser lists the
              rollout as graduated (PreferenceRollouts.GRADUATION_SET), so it
              cannot be undone.
            - ``"graduated"``: The rollout has already graduated on this
              client, so it cannot be undone.

    Returns:
        The event preference_rollback.unenrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenrollFailed",
        "preference_rollback",
        value,
        {
            "reason": reason,
        },
    )
