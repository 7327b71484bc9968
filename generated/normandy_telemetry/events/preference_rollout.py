"""Typed builders for the preference_rollout events.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the preference_rollout events: Preference Rollouts.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Preference Rollouts: Rollouts that set browser preferences to new values for
every client they target, until the built-in values catch up and the rollout
graduates.
"""

from __future__ import annotations

from typing import Literal, overload

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build


def enroll(
    *,
    value: str,
    enrollment_id: str | None = None,
) -> Event:
    """Build preference_rollout.enroll: Enrollment.

    Sent when a user first enrolls in a rollout.

    Args:
        value: The slug of the rollout (recipe.arguments.slug)
            At most 80 bytes of UTF-8.
        enrollment_id: A UUID that is unique to this user’s enrollment in
            this rollout. It will be included in all future telemetry for this
            user in this rollout.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.

    Returns:
        The event preference_rollout.enroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enroll",
        "preference_rollout",
        value,
        {
            "enrollmentId": enrollment_id,
        },
    )


@overload
def enroll_failed(
    *,
    value: str,
    reason: Literal["invalid type", "conflict"],
    preference: str,
) -> Event: ...


@overload
def enroll_failed(
    *,
    value: str,
    reason: Literal["would-be-no-op"],
    preference: None = None,
) -> Event: ...


def enroll_failed(
    *,
    value: str,
    reason: Literal["invalid type", "would-be-no-op", "conflict"],
    preference: str | None = None,
) -> Event:
    """Build preference_rollout.enrollFailed: Enroll Failed.

    Sent when a user attempts to enroll in a rollout, but the enrollment
    process fails.

    Args:
        value: The slug of the rollout (recipe.arguments.slug)
            At most 80 bytes of UTF-8.
        reason: A code describing the reason the unenroll failed. Possible
            values are:

            - ``"invalid type"``: The preferences specified in the rollout do
              not match the preferences built in to the browser. The represents
              a misconfiguration of the preferences in the recipe on the
              server.
            - ``"would-be-no-op"``: All of the preference specified in the
              rollout already have the given values. This represents an error
              in targeting on the server.
            - ``"conflict"``: At least one of the preferences specified in
              the rollout is already managed by another active rollout.

        preference: For reason="invalid type", the first preference that
            was invalid. For reason="conflict", the first preference that is
            conflicting.
            Sent only when reason is "invalid type" or "conflict"; absent
            otherwise. Leave it None when it is not sent. At most 80 bytes of
            UTF-8.

    Returns:
        The event preference_rollout.enrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enrollFailed",
        "preference_rollout",
        value,
        {
            "reason": reason,
            "preference": preference,
        },
    )


def update(
    *,
    value: str,
    previous_state: str,
    enrollment_id: str | None = None,
) -> Event:
    """Build preference_rollout.update: Update.

    Sent when the preferences specified in the recipe have changed, and the
    client updates the preferences of the browser to match.

    Args:
        value: The slug of the rollout (recipe.arguments.slug)
            At most 80 bytes of UTF-8.
        previous_state: The state the rollout was in before this update
            (such as "active" or "graduated").
            At most 80 bytes of UTF-8.
        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.

    Returns:
        The event preference_rollout.update as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "update",
        "preference_rollout",
        value,
        {
            "previousState": previous_state,
            "enrollmentId": enrollment_id,
        },
    )


def graduate(
    *,
    value: str,
    reason: Literal["all-prefs-match", "in-graduation-set"],
    enrollment_id: str | None = None,
) -> Event:
    """Build preference_rollout.graduate: Graduation.

    Sent when Normandy determines that further intervention is no longer needed
    for this rollout. After this point, Normandy will stop making changes to
    the browser for this rollout, unless the rollout recipe changes to specify
    preferences different than the built-in.

    Args:
        value: The slug of the rollout (recipe.arguments.slug)
            At most 80 bytes of UTF-8.
        reason: A code describing the reason for the graduation. Possible
            values are:

            - ``"all-prefs-match"``: All preferences specified in the rollout
              now have built-in values that match the rollouts values.
            - ``"in-graduation-set"``: The browser has changed versions
              (usually updated) to one that specifies this rollout no longer
              applies and should be graduated regardless of the built-in
              preference values. This behavior is controlled by the constant
              PreferenceRollouts.GRADUATION_SET.

        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.

    Returns:
        The event preference_rollout.graduate as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "graduate",
        "preference_rollout",
        value,
        {
            "reason": reason,
            "enrollmentId": enrollment_id,
        },
    )
