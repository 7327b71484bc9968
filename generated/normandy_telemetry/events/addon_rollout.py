"""Typed builders for the addon_rollout events.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the addon_rollout events: Add-on Rollouts.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Add-on Rollouts: Rollouts that install an add-on, or update it to a newer
version, for every client they target.
"""

from __future__ import annotations

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build


def enroll(
    *,
    value: str,
    addon_id: str,
    addon_version: str,
) -> Event:
    """Build addon_rollout.enroll: Enrollment.

    Sent when the client installs the add-on of an add-on rollout for the first
    time.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`).
            At most 80 bytes of UTF-8.
        addon_id: The ID of the add-on that was installed.
            At most 80 bytes of UTF-8.
        addon_version: The version of the add-on that was installed.
            At most 80 bytes of UTF-8.

    Returns:
        The event addon_rollout.enroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enroll",
        "addon_rollout",
        value,
        {
            "addonId": addon_id,
            "addonVersion": addon_version,
        },
    )


def enroll_failed(
    *,
    value: str | None,
    reason: str,
    addon_id: str | None = None,
    conflicting_slug: str | None = None,
    detail: str | None = None,
    enrollment_id: str | None = None,
) -> Event:
    """Build addon_rollout.enrollFailed: Enroll Failed.

    Sent when the client tries to enroll in an add-on rollout but the
    enrollment fails. A conflict with another rollout is always reported with
    this event, even when the client was updating a rollout it had already
    enrolled in.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`); absent
            when the failure is one Normandy does not recognize.
            At most 80 bytes of UTF-8. None when Firefox sends the event
            without a value.
        reason: A code for the reason the enrollment failed (see the
            examples) or, for a failure Normandy does not recognize, the file
            name, line and column of the code that failed and the name of the
            error, cut to 80 bytes. The key is free text that may hold either.
            At most 80 bytes of UTF-8.
        addon_id: When the reason is "conflict", the ID of the add-on that
            the conflicting rollout already manages.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.
        conflicting_slug: When the reason is "conflict", the slug of the
            active rollout that already manages the add-on.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.
        detail: The add-on manager's name for the error, when the reason is
            "download-failure" or "install-failure".
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.
        enrollment_id: The enrollment ID of the conflicting rollout, when
            the reason is "conflict".
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.

    Returns:
        The event addon_rollout.enrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enrollFailed",
        "addon_rollout",
        value,
        {
            "reason": reason,
            "addonId": addon_id,
            "conflictingSlug": conflicting_slug,
            "detail": detail,
            "enrollmentId": enrollment_id,
        },
    )


def update(
    *,
    value: str,
    addon_id: str,
    addon_version: str,
) -> Event:
    """Build addon_rollout.update: Update.

    Sent when the rollout's recipe names a new version of its add-on and the
    client installs it over the version it had.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`).
            At most 80 bytes of UTF-8.
        addon_id: The ID of the add-on that was installed.
            At most 80 bytes of UTF-8.
        addon_version: The version of the add-on that was installed.
            At most 80 bytes of UTF-8.

    Returns:
        The event addon_rollout.update as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "update",
        "addon_rollout",
        value,
        {
            "addonId": addon_id,
            "addonVersion": addon_version,
        },
    )


def update_failed(
    *,
    value: str | None,
    reason: str,
    detail: str | None = None,
) -> Event:
    """Build addon_rollout.updateFailed: Update Failed.

    Sent when the client tries to install a new version of a rollout's add-on
    but the installation fails.

    Args:
        value: The slug of the rollout (`recipe.arguments.slug`); absent
            when the failure is one Normandy does not recognize.
            At most 80 bytes of UTF-8. None when Firefox sends the event
            without a value.
        reason: A code for the reason the update failed (see the examples)
            or, for a failure Normandy does not recognize, the file name, line
            and column of the code that failed and the name of the error, cut
            to 80 bytes. The key is free text that may hold either.
            At most 80 bytes of UTF-8.
        detail: The add-on manager's name for the error, when the reason is
            "download-failure" or "install-failure".
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event addon_rollout.updateFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "updateFailed",
        "addon_rollout",
        value,
        {
            "reason": reason,
            "detail": detail,
        },
    )
