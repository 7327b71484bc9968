"""Typed builders for the preference_study events.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the preference_study events: Preference Studies.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Preference Studies: Studies that change the values of browser preferences for
the clients enrolled in them, assigning each client to one branch of the
experiment.
"""

from __future__ import annotations

from typing import Literal, overload

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build

EnrollFailedReason = Literal[
    "invalid-branch",
    "name-conflict",
    "pref-conflict",
    "experiment-type-too-long",
    "invalid-type",
]
EnrollFailedReasonOther = Literal[
    "name-conflict",
    "pref-conflict",
    "experiment-type-too-long",
    "invalid-type",
]
UnenrollReason = Literal[
    "recipe-not-seen",
    "unknown",
    "capability-mismatch",
    "filter-mismatch",
    "arguments-invalid",
    "signature-error",
    "filter-error",
    "no-recipes",
    "general-opt-out",
    "individual-opt-out",
    "migration-removing-single-pref-action",
]


def enroll(
    *,
    value: str,
    branch: str,
    experiment_type: Literal["exp", "exp-highpop"],
    enrollment_id: str | None = None,
) -> Event:
    """Build preference_study.enroll: Enrollment.

    Sent when the client enrolls in a preference study.

    Args:
        value: The name of the study (recipe.arguments.slug).
            At most 80 bytes of UTF-8.
        branch: The name of the branch the user was assigned to (example:
            "control" or "experiment").
            At most 80 bytes of UTF-8.
        experiment_type: The type of preference experiment. Currently this
            can take values “exp” and “exp-highpop”, the latter being for
            experiments targeting large numbers of users.
            One of:

            - ``"exp"``: An ordinary preference experiment.
            - ``"exp-highpop"``: A preference experiment that targets a large
              number of users.

        enrollment_id: A UUID that is unique to this users enrollment in
            this study. It will be included in all future telemetry for this
            user in this study.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.

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
            "branch": branch,
            "experimentType": experiment_type,
            "enrollmentId": enrollment_id,
        },
    )


@overload
def enroll_failed(
    *,
    value: str,
    reason: Literal["invalid-branch"],
    preference_branch: str,
) -> Event: ...


@overload
def enroll_failed(
    *,
    value: str,
    reason: EnrollFailedReasonOther,
    preference_branch: None = None,
) -> Event: ...


def enroll_failed(
    *,
    value: str,
    reason: EnrollFailedReason,
    preference_branch: str | None = None,
) -> Event:
    """Build preference_study.enrollFailed: Enrollment Failed.

    Sent when the client tries to enroll in a preference study but the
    enrollment fails.

    Args:
        value: The slug of the study (recipe.arguments.slug)
            At most 80 bytes of UTF-8.
        reason: The reason for unenrollment. Possible values are:

            - ``"invalid-branch"``: The recipe specifies an invalid
              preference branch (not to be confused with the experiment
              branch). Valid values are “default” and “user”.
            - ``"name-conflict"``: The client already has a preference study,
              active or ended, with the same slug.
            - ``"pref-conflict"``: Another active preference study already
              sets one of the preferences this study would change.
            - ``"experiment-type-too-long"``: The study's experiment type is
              longer than Normandy allows.
            - ``"invalid-type"``: The recipe gives a preference type that
              Normandy does not know, or one that differs from the type the
              preference already has in the browser.

        preference_branch: If the reason was "invalid-branch", the branch
            that was specified, truncated to 80 characters.
            Sent only when reason is "invalid-branch"; absent otherwise. Leave
            it None when it is not sent. Longer values are cut to 80 bytes of
            UTF-8.

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
            "prefBranch": preference_branch,
        },
    )


def unenroll(
    *,
    value: str,
    did_reset_value: Literal["true", "false"],
    reason: UnenrollReason,
    enrollment_id: str | None = None,
    branch: str | None = None,
    changed_pref: str | None = None,
) -> Event:
    """Build preference_study.unenroll: Unenrollment.

    Sent when the client leaves a preference study.

    Args:
        value: The name of the study (recipe.arguments.slug).
            At most 80 bytes of UTF-8.
        did_reset_value: The string "true" if the preference was set back
            to its original value, "false" if it was left as its current value.
            This can happen when, for example, the user changes a preference
            that was involved in a user-branch study.
            One of:

            - ``"true"``: The preference was set back to its original value.
            - ``"false"``: The preference was left at its current value.

        reason: The reason for unenrollment. Possible values are:

            - ``"recipe-not-seen"``: The recipe was no longer applicable to
              this client This can be because the recipe was disabled, or the
              user no longer matches the recipe’s filter.
            - ``"unknown"``: A reason was not specified. This should be
              considered a bug.
            - ``"capability-mismatch"``: The recipe now needs capabilities
              that this browser does not have.
            - ``"filter-mismatch"``: The client no longer matches the
              recipe's filter.
            - ``"arguments-invalid"``: The recipe's arguments no longer fit
              what the preference-experiment action expects.
            - ``"signature-error"``: The recipe's signature could not be
              verified, and this kept happening for longer than Normandy
              tolerates a temporary error (seven days).
            - ``"filter-error"``: The recipe's filter could not be evaluated,
              and this kept happening for longer than Normandy tolerates a
              temporary error (seven days).
            - ``"no-recipes"``: The runner received no recipes at all, and
              this kept happening for longer than Normandy tolerates a
              temporary error (seven days).
            - ``"general-opt-out"``: The user turned off studies in general,
              which ends every active study.
            - ``"individual-opt-out"``: The user removed this study on the
              about:studies page.
            - ``"migration-removing-single-pref-action"``: A profile
              migration ended the study because it was run by the old
              single-preference experiment action, which Firefox no longer has.

        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.
        branch: The slug of the experiment branch the client was on.
            Firefox always sends it; it is optional because the events the
            data-collection document describes do not have it.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.
        changed_pref: The name of the preference whose change caused the
            unenrollment. Firefox sends it only when whoever stops the study
            names such a preference, which no current caller does.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event preference_study.unenroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenroll",
        "preference_study",
        value,
        {
            "didResetValue": did_reset_value,
            "reason": reason,
            "enrollmentId": enrollment_id,
            "branch": branch,
            "changedPref": changed_pref,
        },
    )


def unenroll_failed(
    *,
    value: str,
    enrollment_id: str | None = None,
    reason: Literal["does-not-exist", "already-unenrolled"],
    caller: str | None = None,
    original_reason: str,
    changed_pref: str | None = None,
) -> Event:
    """Build preference_study.unenrollFailed: Unenroll Failed.

    Sent when Normandy tries to unenroll the client from a preference study but
    the unenrollment fails.

    Args:
        value: The name of the study (recipe.arguments.slug)
            At most 80 bytes of UTF-8.
        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.
        reason: A code describing the reason the unenroll failed. Possible
            values are:

            - ``"does-not-exist"``: The system attempted to unenroll a study
              that does not exist. This is a bug.
            - ``"already-unenrolled"``: The system attempted to unenroll a
              study that has already been unenrolled. This is likely a bug.

        caller: On Nightly builds only, a string identifying the source of
            the requested stop.
            Sent only on the nightly channel. Leave it None when it is not
            sent. At most 80 bytes of UTF-8.
        original_reason: The code that would had been used for the
            unenrollment, had it not failed.
            At most 80 bytes of UTF-8.
        changed_pref: The name of the preference whose change led to the
            attempt to stop the study. Firefox sends it only when whoever stops
            the study names such a preference, which no current caller does.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.

    Returns:
        The event preference_study.unenrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenrollFailed",
        "preference_study",
        value,
        {
            "enrollmentId": enrollment_id,
            "reason": reason,
            "caller": caller,
            "originalReason": original_reason,
            "changedPref": changed_pref,
        },
    )


def exp_pref_changed(
    *,
    value: str,
    enrollment_id: str | None = None,
    preference_name: str,
    reason: Literal["atEnroll", "sideload", "observer", "onEnroll"],
) -> Event:
    """Build preference_study.expPrefChanged: Experimental Preference Changed.

    Sent when Normandy detects that a preference set by a preference study has
    been changed by something other than Normandy.

    Args:
        value: The name of the study (recipe.arguments.slug)
            At most 80 bytes of UTF-8.
        enrollment_id: The ID that was generated at enrollment.
            May be absent. Leave it None when it is not sent. A UUID without
            braces, or the enrollment-ID filler.
        preference_name: The name of the preference that changed. Note that
            the value of the preference (old or new) is not given.
            At most 80 bytes of UTF-8.
        reason: A code describing the reason that Normandy detected the
            preference change. Possible values are:

            - ``"atEnroll"``: The preferences already had user value when the
              experiment started.
            - ``"sideload"``: A preference was changed while Normandy’s
              observers weren’t active, likely while the browser was shut down.
            - ``"observer"``: The preference was observed to change by
              Normandy at runtime.
            - ``"onEnroll"``: The preference, which the study sets on the
              default branch, already had a user value when the client
              enrolled. This is the value Firefox sends where the
              data-collection document says "atEnroll".

    Returns:
        The event preference_study.expPrefChanged as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "expPrefChanged",
        "preference_study",
        value,
        {
            "enrollmentId": enrollment_id,
            "preferenceName": preference_name,
            "reason": reason,
        },
    )
