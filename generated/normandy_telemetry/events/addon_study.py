"""Typed builders for the addon_study events.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the addon_study events: Add-on Studies.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Add-on Studies: Studies that install an add-on for the clients enrolled in
them.
"""

from __future__ import annotations

from typing import Literal

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build

UnenrollReason = Literal[
    "install-failure",
    "individual-opt-out",
    "general-opt-out",
    "recipe-not-seen",
    "uninstalled",
    "uninstalled-sideload",
    "unknown",
    "branch-removed",
    "capability-mismatch",
    "filter-mismatch",
    "arguments-invalid",
    "signature-error",
    "filter-error",
    "no-recipes",
    "migration-removing-unbranched-action",
]


def enroll(
    *,
    value: str,
    addon_id: str,
    addon_version: str,
    enrollment_id: str | None = None,
    branch: str | None = None,
) -> Event:
    """Build addon_study.enroll: Enrollment.

    Sent when the client enrolls in an add-on study.

    Correction of the data-collection document: The data-collection document
    says the value of every add-on study event is the study's name
    (`recipe.arguments.name`). Firefox sends the study's slug instead
    (`recipe.arguments.slug` in
    toolkit/components/normandy/actions/BranchedAddonStudyAction.sys.mjs,
    `study.slug` in AddonStudies.markAsEnded in
    toolkit/components/normandy/lib/AddonStudies.sys.mjs). The value is free
    text, so the validators accept either.

    Args:
        value: The name of the study (recipe.arguments.name).
            At most 80 bytes of UTF-8.
        addon_id: The add-on’s ID (example:
            "feature-study@shield.mozilla.com").
            At most 80 bytes of UTF-8.
        addon_version: The add-on’s version (example: "1.2.3").
            At most 80 bytes of UTF-8.
        enrollment_id: A UUID that is unique to this users enrollment in
            this study. It will be included in all future telemetry for this
            user in this study.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.
        branch: The slug of the study branch the client was assigned to.
            Firefox always sends it; it is optional because the events the
            data-collection document describes do not have it.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event addon_study.enroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enroll",
        "addon_study",
        value,
        {
            "addonId": addon_id,
            "addonVersion": addon_version,
            "enrollmentId": enrollment_id,
            "branch": branch,
        },
    )


def enroll_failed(
    *,
    value: str | None,
    reason: str,
    branch: str | None = None,
    detail: str | None = None,
) -> Event:
    """Build addon_study.enrollFailed: Enroll Failure.

    Sent when the client tries to enroll in an add-on study but the enrollment
    fails.

    Correction of the data-collection document: For a failure Normandy does not
    recognize, Firefox takes the value from the error, which carries no study
    name, so the event is sent without a value
    (BranchedAddonStudyAction.reportEnrollError in
    toolkit/components/normandy/actions/BranchedAddonStudyAction.sys.mjs). The
    validators accept such an event, with no value.

    Correction of the data-collection document: The data-collection document
    says the value of every add-on study event is the study's name
    (`recipe.arguments.name`). Firefox sends the study's slug instead
    (`recipe.arguments.slug` in
    toolkit/components/normandy/actions/BranchedAddonStudyAction.sys.mjs,
    `study.slug` in AddonStudies.markAsEnded in
    toolkit/components/normandy/lib/AddonStudies.sys.mjs). The value is free
    text, so the validators accept either.

    Args:
        value: The name of the study (recipe.arguments.name).
            At most 80 bytes of UTF-8. None when Firefox sends the event
            without a value.
        reason: A string containing the filename and line number of the
            code that failed, and the name of the error thrown. This
            information is purposely limited to avoid leaking personally
            identifiable information. This should be considered a bug.
            At most 80 bytes of UTF-8.
        branch: The slug of the study branch whose enrollment failed. Sent
            with the fixed reason codes, not with the text of an unexpected
            error.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.
        detail: The add-on manager's name for the error, when the reason is
            "download-failure" or "install-failure".
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event addon_study.enrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enrollFailed",
        "addon_study",
        value,
        {
            "reason": reason,
            "branch": branch,
            "detail": detail,
        },
    )


def update(
    *,
    value: str,
    addon_id: str,
    addon_version: str,
    enrollment_id: str | None = None,
    branch: str | None = None,
) -> Event:
    """Build addon_study.update: Update.

    Sent when the add-on of an add-on study the client is enrolled in is
    updated.

    Correction of the data-collection document: The data-collection document
    says the value of every add-on study event is the study's name
    (`recipe.arguments.name`). Firefox sends the study's slug instead
    (`recipe.arguments.slug` in
    toolkit/components/normandy/actions/BranchedAddonStudyAction.sys.mjs,
    `study.slug` in AddonStudies.markAsEnded in
    toolkit/components/normandy/lib/AddonStudies.sys.mjs). The value is free
    text, so the validators accept either.

    Args:
        value: The name of the study (recipe.arguments.name).
            At most 80 bytes of UTF-8.
        addon_id: The add-on’s ID (example:
            "feature-study@shield.mozilla.com").
            At most 80 bytes of UTF-8.
        addon_version: The add-on’s version (example: "1.2.3").
            At most 80 bytes of UTF-8.
        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.
        branch: The slug of the study branch the client is on. Firefox
            always sends it; it is optional because the events the
            data-collection document describes do not have it.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event addon_study.update as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "update",
        "addon_study",
        value,
        {
            "addonId": addon_id,
            "addonVersion": addon_version,
            "enrollmentId": enrollment_id,
            "branch": branch,
        },
    )


def update_failed(
    *,
    value: str | None,
    reason: str,
    enrollment_id: str | None = None,
    branch: str | None = None,
    detail: str | None = None,
) -> Event:
    """Build addon_study.updateFailed: Update Failure.

    Sent when Normandy tries to update the add-on of an add-on study but the
    update fails.

    Correction of the data-collection document: For a failure Normandy does not
    recognize, Firefox takes the value from the error, which carries no study
    name, so the event is sent without a value
    (BranchedAddonStudyAction.reportUpdateError in
    toolkit/components/normandy/actions/BranchedAddonStudyAction.sys.mjs). The
    validators accept such an event, with no value.

    Correction of the data-collection document: The data-collection document
    says the value of every add-on study event is the study's name
    (`recipe.arguments.name`). Firefox sends the study's slug instead
    (`recipe.arguments.slug` in
    toolkit/components/normandy/actions/BranchedAddonStudyAction.sys.mjs,
    `study.slug` in AddonStudies.markAsEnded in
    toolkit/components/normandy/lib/AddonStudies.sys.mjs). The value is free
    text, so the validators accept either.

    Args:
        value: The name of the study (recipe.arguments.name).
            At most 80 bytes of UTF-8. None when Firefox sends the event
            without a value.
        reason: A string containing the filename and line number of the
            code that failed, and the name of the error thrown. This
            information is purposely limited to avoid leaking personally
            identifiable information. This should be considered a bug.
            At most 80 bytes of UTF-8.
        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.
        branch: The slug of the study branch whose update failed. Sent with
            the fixed reason codes, not with the text of an unexpected error.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.
        detail: The add-on manager's name for the error, when the reason is
            "download-failure" or "install-failure".
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event addon_study.updateFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "updateFailed",
        "addon_study",
        value,
        {
            "reason": reason,
            "enrollmentId": enrollment_id,
            "branch": branch,
            "detail": detail,
        },
    )


def unenroll(
    *,
    value: str,
    addon_id: str,
    addon_version: str,
    reason: UnenrollReason,
    enrollment_id: str | None = None,
    branch: str | None = None,
) -> Event:
    """Build addon_study.unenroll: Unenrollment.

    Sent when the client leaves an add-on study.

    Correction of the data-collection document: The data-collection document
    says the value of every add-on study event is the study's name
    (`recipe.arguments.name`). Firefox sends the study's slug instead
    (`recipe.arguments.slug` in
    toolkit/components/normandy/actions/BranchedAddonStudyAction.sys.mjs,
    `study.slug` in AddonStudies.markAsEnded in
    toolkit/components/normandy/lib/AddonStudies.sys.mjs). The value is free
    text, so the validators accept either.

    Args:
        value: The name of the study (recipe.arguments.name).
            At most 80 bytes of UTF-8.
        addon_id: The add-on’s ID (example:
            "feature-study@shield.mozilla.com").
            At most 80 bytes of UTF-8.
        addon_version: The add-on’s version (example: "1.2.3").
            At most 80 bytes of UTF-8.
        reason: The reason for unenrollment. Possible values are:

            - ``"install-failure"``: The add-on failed to install.
            - ``"individual-opt-out"``: The user opted-out of this particular
              study.
            - ``"general-opt-out"``: The user opted-out of studies in
              general.
            - ``"recipe-not-seen"``: The recipe was no longer applicable to
              this client. This can be because the recipe was disabled, or the
              user no longer matches the recipe’s filter.
            - ``"uninstalled"``: The study’s add-on as uninstalled by some
              mechanism. For example, this could be a user action or the add-on
              self-uninstalling.
            - ``"uninstalled-sideload"``: The study’s add-on was uninstalled
              while Normandy was inactive. This could be that the add-on is no
              longer compatible, or was manually removed from a profile.
            - ``"unknown"``: A reason was not specified. This should be
              considered a bug.
            - ``"branch-removed"``: The branch the client was on is no longer
              in the study's recipe.
            - ``"capability-mismatch"``: The recipe now needs capabilities
              that this browser does not have.
            - ``"filter-mismatch"``: The client no longer matches the
              recipe's filter.
            - ``"arguments-invalid"``: The recipe's arguments no longer fit
              what the add-on study action expects.
            - ``"signature-error"``: The recipe's signature could not be
              verified, and this kept happening for longer than Normandy
              tolerates a temporary error (seven days).
            - ``"filter-error"``: The recipe's filter could not be evaluated,
              and this kept happening for longer than Normandy tolerates a
              temporary error (seven days).
            - ``"no-recipes"``: The runner received no recipes at all, and
              this kept happening for longer than Normandy tolerates a
              temporary error (seven days).
            - ``"migration-removing-unbranched-action"``: A profile migration
              ended the study because it was run by the old add-on study action
              without branches, which Firefox no longer has.

        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.
        branch: The slug of the study branch the client was on, or
            `__NO_BRANCHES__` for a study that was started before add-on
            studies had branches. Firefox always sends it; it is optional
            because the events the data-collection document describes do not
            have it.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event addon_study.unenroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenroll",
        "addon_study",
        value,
        {
            "addonId": addon_id,
            "addonVersion": addon_version,
            "reason": reason,
            "enrollmentId": enrollment_id,
            "branch": branch,
        },
    )
