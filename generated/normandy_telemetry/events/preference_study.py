"""Typed builders for the preference_study events.

Generated from spec/normandy.yaml (version 1.1.0) by `python -m codegen
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
from normandy_telemetry.validate import build_event as _build

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
        value: The name of the study (`recipe.arguments.slug`). At most 80
            characters.
        branch: The name of the experiment branch the client was assigned
            to. At most 80 characters.
        experiment_type: The type of preference experiment. One of:

            - ``"exp"``: An ordinary preference experiment.
            - ``"exp-highpop"``: A preference experiment that targets a large
              number of users.

        enrollment_id: A UUID that is unique to this client's enrollment in
            this study. The same ID is included in all later telemetry about
            this client in this study. May be absent. Leave it None when it is
            not sent. A UUID without braces, or the enrollment-ID filler.

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
        value: The slug of the study (`recipe.arguments.slug`). At most 80
            characters.
        reason: The reason the enrollment failed. One of:

            - ``"invalid-branch"``: The recipe names an invalid preference
              branch (the branch of the preferences to change, which is not the
              same thing as the experiment branch). The valid preference
              branches are "default" and "user".
            - ``"name-conflict"``: The client already has a preference study,
              active or ended, with the same slug.
            - ``"pref-conflict"``: Another active preference study already
              sets one of the preferences this study would change.
            - ``"experiment-type-too-long"``: The study's experiment type is
              longer than Normandy allows.
            - ``"invalid-type"``: The recipe gives a preference type that
              Normandy does not know, or one that differs from the type the
              preference already has in the browser.

        preference_branch: When the reason is "invalid-branch", the
            preference branch the recipe named, cut to 80 characters. Sent only
            when reason is "invalid-branch"; absent otherwise. Leave it None
            when it is not sent. Longer values are cut to 80 characters.

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
        value: The name of the study (`recipe.arguments.slug`). At most 80
            characters.
        did_reset_value: Whether the preference was put back to its
            original value ("true") or left at its current value ("false"). The
            value can be left alone, for example, when the user has changed a
            preference that a user-branch study involved. One of:

            - ``"true"``: The preference was set back to its original value.
            - ``"false"``: The preference was left at its current value.

        reason: The reason for the unenrollment. One of:

            - ``"recipe-not-seen"``: The recipe no longer applied to this
              client, either because the recipe was disabled or because the
              client no longer matched the recipe's filter.
            - ``"unknown"``: No reason was given. This should be treated as a
              bug.
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

        enrollment_id: The enrollment ID generated when the client enrolled
            in this study. May be absent. Leave it None when it is not sent. A
            UUID without braces, or the enrollment-ID filler.
        branch: The slug of the experiment branch the client was on.
            Firefox always sends it; it is optional because the events the
            data-collection document describes do not have it. May be absent.
            Leave it None when it is not sent. At most 80 characters.
        changed_pref: The name of the preference whose change caused the
            unenrollment. Firefox sends it only when whoever stops the study
            names such a preference, which no current caller does. May be
            absent. Leave it None when it is not sent. At most 80 characters.

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
        value: The name of the study (`recipe.arguments.slug`). At most 80
            characters.
        enrollment_id: The enrollment ID generated when the client enrolled
            in this study. May be absent. Leave it None when it is not sent. A
            UUID without braces, or the enrollment-ID filler.
        reason: A code for the reason the unenrollment failed. One of:

            - ``"does-not-exist"``: Normandy tried to unenroll from a study
              that does not exist. This is a bug.
            - ``"already-unenrolled"``: Normandy tried to unenroll from a
              study the client had already left. This is probably a bug.

        caller: A string that identifies what asked for the study to stop.
            Sent on Nightly builds only. Sent only on the nightly channel.
            Leave it None when it is not sent. At most 80 characters.
        original_reason: The reason code that the unenrollment would have
            been recorded with had it not failed. The data-collection document
            does not list the possible codes, so no closed set of values is
            defined here. At most 80 characters.
        changed_pref: The name of the preference whose change led to the
            attempt to stop the study. Firefox sends it only when whoever stops
            the study names such a preference, which no current caller does.
            May be absent. Leave it None when it is not sent. At most 80
            characters.

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
        value: The name of the study (`recipe.arguments.slug`). At most 80
            characters.
        enrollment_id: The enrollment ID generated when the client enrolled
            in this study. May be absent. Leave it None when it is not sent. A
            UUID without braces, or the enrollment-ID filler.
        preference_name: The name of the preference that changed. Neither
            its old value nor its new value is reported. At most 80 characters.
        reason: A code for how Normandy detected the change of the
            preference. One of:

            - ``"atEnroll"``: The preference already had a user value when
              the experiment started.
            - ``"sideload"``: The preference was changed while Normandy's
              observers were not active, most likely while the browser was shut
              down.
            - ``"observer"``: Normandy observed the preference change while
              the browser was running.
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
