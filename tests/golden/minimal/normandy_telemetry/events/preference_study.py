"""Typed builders for the preference_study events.

Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the preference_study events: Preference Studies.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Preference Studies: Studies that change preferences.
"""

from __future__ import annotations

from typing import Literal

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build


def enroll(
    *,
    value: str,
    enrollment_id: str,
) -> Event:
    """Build preference_study.enroll: Enrollment.

    Sent when the client enrolls.

    Args:
        value: The slug of the study.
            At most 80 bytes of UTF-8.
        enrollment_id: The enrollment ID.
            A UUID without braces, or the enrollment-ID filler.

    Returns:
        The event preference_study.enroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enroll",
        "preference_study",
        value,
        {
            "enrollmentId": enrollment_id,
        },
    )


def enroll_failed(
    *,
    value: str,
    reason: Literal["invalid-branch"],
    preference_branch: str,
) -> Event:
    """Build preference_study.enrollFailed: Enrollment Failed.

    Sent when enrollment fails.

    Args:
        value: The slug of the study.
            At most 80 bytes of UTF-8.
        reason: Why the enrollment failed.
            One of:

            - ``"invalid-branch"``: The recipe names an invalid preference
              branch.

        preference_branch: The preference branch the recipe named.
            Sent only when reason is "invalid-branch"; absent otherwise. Leave
            it None when it is not sent. At most 80 bytes of UTF-8.

    Returns:
        The event preference_study.enrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enrollFailed",
        "preference_study",
        value,
        {
            "reason": reason,
            "preferenceBranch": preference_branch,
        },
    )
