"""Typed builders for the preference_rollout events.

Generated from spec/normandy.yaml (version 1.1.0) by `python -m codegen
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
from normandy_telemetry.validate import build_event as _build


def enroll(
    *,
    value: str,
    enrollment_id: str | None = None,
) -> Event:
    """Build preference_rollout.enroll: Enrollment.

    Sent when the client first enrolls in a rollout.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`). At most
            80 characters.
        enrollment_id: A UUID that is unique to this client's enrollment in
            this rollout. The same ID is included in all later telemetry about
            this client in this rollout. May be absent. Leave it None when it
            is not sent. A UUID without braces, or the enrollment-ID filler.

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

    Sent when the client tries to enroll in a rollout but the enrollment fails.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`). At most
            80 characters.
        reason: A code for the reason the enrollment failed. One of:

            - ``"invalid type"``: The preferences named in the rollout do not
              match the preferences built into the browser. This means the
              preferences in the recipe on the server are misconfigured.
            - ``"would-be-no-op"``: Every preference named in the rollout
              already has the given value. This means the recipe's targeting on
              the server is wrong.
            - ``"conflict"``: At least one of the preferences named in the
              rollout is already managed by another active rollout.

        preference: For reason "invalid type", the first preference that
            was invalid; for reason "conflict", the first preference that
            conflicts. Sent only when reason is "invalid type" or "conflict";
            absent otherwise. Leave it None when it is not sent. At most 80
            characters.

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

    Sent when the preferences named in the rollout's recipe have changed and
    the client updates the browser's preferences to match.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`). At most
            80 characters.
        previous_state: The state the rollout was in before this update.
            The data-collection document only gives examples of states, not a
            complete list, so no closed set of values is defined here. At most
            80 characters.
        enrollment_id: The enrollment ID generated when the client enrolled
            in this rollout. May be absent. Leave it None when it is not sent.
            A UUID without braces, or the enrollment-ID filler.

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

    Sent when Normandy decides that the rollout no longer needs to act on this
    browser. From then on Normandy makes no more changes to the browser for
    this rollout, unless the rollout's recipe changes to name preferences whose
    values differ from the built-in ones.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`). At most
            80 characters.
        reason: A code for the reason of the graduation. One of:

            - ``"all-prefs-match"``: Every preference named in the rollout
              now has a built-in value equal to the rollout's value.
            - ``"in-graduation-set"``: The browser has changed to a version
              (usually by updating) that says this rollout no longer applies
              and must graduate, whatever the built-in values of the
              preferences are. The constant PreferenceRollouts.GRADUATION_SET
              controls this behaviour.

        enrollment_id: The enrollment ID generated when the client enrolled
            in this rollout. May be absent. Leave it None when it is not sent.
            A UUID without braces, or the enrollment-ID filler.

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
