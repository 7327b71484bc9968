"""Typed builders for the nimbus_experiment events.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the nimbus_experiment events: Nimbus Experiments.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Nimbus Experiments: Experiments and rollouts run by Nimbus, Firefox's newer
experimentation system, which still reports its enrollments in the normandy
category besides its own telemetry.
"""

from __future__ import annotations

from typing import Literal, overload

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build

UnenrollReason = Literal[
    "branch-removed",
    "bucketing",
    "changed-pref",
    "force-enrollment",
    "individual-opt-out",
    "labs-opt-out",
    "prefFlips-conflict",
    "prefFlips-failed",
    "pref-variable-changed",
    "pref-variable-missing",
    "pref-variable-no-longer",
    "recipe-not-seen",
    "studies-opt-out",
    "targeting-mismatch",
    "unknown",
    "invalid-branch",
    "invalid-feature",
    "invalid-recipe",
    "l10n-missing-entry",
    "l10n-missing-locale",
    "unsupported-feature",
    "labs-disabled",
    "migration",
    "rollouts-opt-out",
    "unenrolled-in-another-profile",
]
UnenrollReasonOther = Literal[
    "branch-removed",
    "bucketing",
    "force-enrollment",
    "individual-opt-out",
    "labs-opt-out",
    "pref-variable-changed",
    "pref-variable-missing",
    "pref-variable-no-longer",
    "recipe-not-seen",
    "studies-opt-out",
    "targeting-mismatch",
    "unknown",
    "invalid-branch",
    "invalid-feature",
    "invalid-recipe",
    "l10n-missing-entry",
    "l10n-missing-locale",
    "unsupported-feature",
    "labs-disabled",
    "migration",
    "rollouts-opt-out",
    "unenrolled-in-another-profile",
]
ValidationFailedReason = Literal[
    "invalid-recipe",
    "invalid-branch",
    "l10n-missing-entry",
    "l10n-missing-locale",
    "unsupported-feature",
]


def enroll(
    *,
    value: str,
    branch: str,
    experiment_type: str,
) -> Event:
    """Build nimbus_experiment.enroll: Enrollment.

    Sent when the client enrolls in a Nimbus experiment or rollout.

    Args:
        value: The slug of the experiment.
            At most 80 bytes of UTF-8.
        branch: The slug of the branch the client was assigned to.
            At most 80 bytes of UTF-8.
        experiment_type: The kind of Nimbus enrollment: current Firefox
            sends "nimbus" for an experiment and "rollout" for a rollout. Older
            versions passed the type stored with the enrollment, so the key is
            kept free text.
            At most 80 bytes of UTF-8.

    Returns:
        The event nimbus_experiment.enroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enroll",
        "nimbus_experiment",
        value,
        {
            "branch": branch,
            "experimentType": experiment_type,
        },
    )


def enroll_failed(
    *,
    value: str,
    reason: Literal["feature-conflict", "name-conflict"],
) -> Event:
    """Build nimbus_experiment.enrollFailed: Enroll Failed.

    Sent when the client tries to enroll in a Nimbus experiment but the
    enrollment fails.

    Args:
        value: The slug of the experiment.
            At most 80 bytes of UTF-8.
        reason: A code for the reason the enrollment failed.
            One of:

            - ``"feature-conflict"``: Another active experiment or rollout
              already uses one of the features this experiment would change.
            - ``"name-conflict"``: The client already has an enrollment,
              active or ended, with the same slug.

    Returns:
        The event nimbus_experiment.enrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "enrollFailed",
        "nimbus_experiment",
        value,
        {
            "reason": reason,
        },
    )


def update(
    *,
    value: str,
) -> Event:
    """Build nimbus_experiment.update: Update.

    Defined by Firefox for a Nimbus experiment whose recipe changed, but never
    sent.

    Correction of Firefox's hand-kept definitions: Firefox's hand-kept
    definitions declare this event (the update entry of
    toolkit/components/telemetry/Events.yaml and
    normandy.update_nimbus_experiment in
    toolkit/components/normandy/metrics.yaml), but no Firefox code records it:
    Nimbus's Telemetry.sys.mjs has no call for it. The spec keeps it so that
    the generated definitions match Firefox's. As nothing says what it would
    carry, it has no extra keys of its own (its Glean metric still declares the
    keys of every update event), and the validators accept it only without
    extra keys.

    Args:
        value: The slug of the experiment.
            At most 80 bytes of UTF-8.

    Returns:
        The event nimbus_experiment.update as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "update",
        "nimbus_experiment",
        value,
        {},
    )


@overload
def unenroll(
    *,
    value: str,
    branch: str,
    reason: UnenrollReasonOther,
    changed_pref: None = None,
    conflicting_slug: None = None,
    pref_name: None = None,
    pref_type: None = None,
) -> Event: ...


@overload
def unenroll(
    *,
    value: str,
    branch: str,
    reason: Literal["changed-pref"],
    changed_pref: str,
    conflicting_slug: None = None,
    pref_name: None = None,
    pref_type: None = None,
) -> Event: ...


@overload
def unenroll(
    *,
    value: str,
    branch: str,
    reason: Literal["prefFlips-conflict"],
    changed_pref: None = None,
    conflicting_slug: str,
    pref_name: None = None,
    pref_type: None = None,
) -> Event: ...


@overload
def unenroll(
    *,
    value: str,
    branch: str,
    reason: Literal["prefFlips-failed"],
    changed_pref: None = None,
    conflicting_slug: None = None,
    pref_name: str,
    pref_type: str,
) -> Event: ...


def unenroll(
    *,
    value: str,
    branch: str,
    reason: UnenrollReason,
    changed_pref: str | None = None,
    conflicting_slug: str | None = None,
    pref_name: str | None = None,
    pref_type: str | None = None,
) -> Event:
    """Build nimbus_experiment.unenroll: Unenrollment.

    Sent when the client leaves a Nimbus experiment or rollout.

    Args:
        value: The slug of the experiment.
            At most 80 bytes of UTF-8.
        branch: The slug of the branch the client was on.
            At most 80 bytes of UTF-8.
        reason: The reason for the unenrollment.
            One of:

            - ``"branch-removed"``: The branch the client was on is no longer
              in the recipe.
            - ``"bucketing"``: The client no longer falls into the share of
              the population the experiment samples.
            - ``"changed-pref"``: A preference that the experiment set was
              changed by something other than Nimbus; changedPref names it.
            - ``"force-enrollment"``: The enrollment was ended by a forced
              enrollment, a tool for testing recipes.
            - ``"individual-opt-out"``: The user left this experiment.
            - ``"labs-opt-out"``: The user turned off this Firefox Labs
              feature.
            - ``"prefFlips-conflict"``: Another experiment that sets
              preferences directly conflicts with this one over a preference;
              conflictingSlug names it.
            - ``"prefFlips-failed"``: A preference the experiment sets
              directly could not be set; prefName and prefType describe it.
            - ``"pref-variable-changed"``: A feature variable that sets a
              preference for this experiment now sets a different preference.
            - ``"pref-variable-missing"``: A feature variable that set a
              preference for this experiment no longer exists.
            - ``"pref-variable-no-longer"``: A feature variable that set a
              preference for this experiment no longer sets any preference.
            - ``"recipe-not-seen"``: The recipe is no longer offered to this
              client, for example because the experiment ended.
            - ``"studies-opt-out"``: The user turned off studies.
            - ``"targeting-mismatch"``: The client no longer matches the
              experiment's targeting.
            - ``"unknown"``: No reason was given. This should be treated as a
              bug.
            - ``"invalid-branch"``: The branch the client was on failed
              validation.
            - ``"invalid-feature"``: The recipe uses a feature this browser
              does not know.
            - ``"invalid-recipe"``: The recipe failed validation as a whole.
            - ``"l10n-missing-entry"``: The recipe's localization table lacks
              entries the client's locale needs.
            - ``"l10n-missing-locale"``: The recipe's localization table has
              no entry for the client's locale.
            - ``"unsupported-feature"``: The recipe uses a feature that this
              browser does not support.
            - ``"labs-disabled"``: Firefox Labs was turned off for this
              browser, which ends its Labs enrollments.
            - ``"migration"``: A migration of Nimbus's stored data ended the
              enrollment.
            - ``"rollouts-opt-out"``: The user turned off rollouts.
            - ``"unenrolled-in-another-profile"``: The enrollment ended in
              another profile of the same profile group.

        changed_pref: The name of the preference whose change ended the
            enrollment.
            Sent only when reason is "changed-pref"; absent otherwise. Leave it
            None when it is not sent. At most 80 bytes of UTF-8.
        conflicting_slug: The slug of the experiment whose preferences
            conflict with this one.
            Sent only when reason is "prefFlips-conflict"; absent otherwise.
            Leave it None when it is not sent. At most 80 bytes of UTF-8.
        pref_name: The name of the preference that could not be set.
            Sent only when reason is "prefFlips-failed"; absent otherwise.
            Leave it None when it is not sent. At most 80 bytes of UTF-8.
        pref_type: The type of the value the preference already had.
            Sent only when reason is "prefFlips-failed"; absent otherwise.
            Leave it None when it is not sent. At most 80 bytes of UTF-8.

    Returns:
        The event nimbus_experiment.unenroll as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenroll",
        "nimbus_experiment",
        value,
        {
            "branch": branch,
            "reason": reason,
            "changedPref": changed_pref,
            "conflictingSlug": conflicting_slug,
            "prefName": pref_name,
            "prefType": pref_type,
        },
    )


def unenroll_failed(
    *,
    value: str,
    reason: Literal["already-unenrolled", "does-not-exist"],
) -> Event:
    """Build nimbus_experiment.unenrollFailed: Unenroll Failed.

    Sent when Nimbus tries to unenroll the client from an experiment but the
    unenrollment fails.

    Args:
        value: The slug of the experiment.
            At most 80 bytes of UTF-8.
        reason: A code for the reason the unenrollment failed.
            One of:

            - ``"already-unenrolled"``: The client had already left the
              experiment.
            - ``"does-not-exist"``: The client has no enrollment with that
              slug.

    Returns:
        The event nimbus_experiment.unenrollFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "unenrollFailed",
        "nimbus_experiment",
        value,
        {
            "reason": reason,
        },
    )


def expose(
    *,
    value: str,
    branch_slug: str,
    feature_id: str,
) -> Event:
    """Build nimbus_experiment.expose: Exposure.

    Sent when the user is first actually exposed to the feature an experiment
    changes: when the browser checks the feature or uses one of its values,
    which can be long after enrollment. Recorded in content processes as well
    as in the main process.

    Args:
        value: The slug of the experiment.
            At most 80 bytes of UTF-8.
        branch_slug: The slug of the branch the client is enrolled in.
            At most 80 bytes of UTF-8.
        feature_id: The ID of the feature the user was exposed to.
            At most 80 bytes of UTF-8.

    Returns:
        The event nimbus_experiment.expose as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "expose",
        "nimbus_experiment",
        value,
        {
            "branchSlug": branch_slug,
            "featureId": feature_id,
        },
    )


@overload
def validation_failed(
    *,
    value: str,
    reason: Literal["invalid-recipe"],
    branch: None = None,
    feature: str | None = None,
    locale: None = None,
    l10n_ids: None = None,
    feature_ids: None = None,
) -> Event: ...


@overload
def validation_failed(
    *,
    value: str,
    reason: Literal["invalid-branch"],
    branch: str,
    feature: str | None = None,
    locale: None = None,
    l10n_ids: None = None,
    feature_ids: None = None,
) -> Event: ...


@overload
def validation_failed(
    *,
    value: str,
    reason: Literal["l10n-missing-entry"],
    branch: None = None,
    feature: str | None = None,
    locale: str,
    l10n_ids: str,
    feature_ids: None = None,
) -> Event: ...


@overload
def validation_failed(
    *,
    value: str,
    reason: Literal["l10n-missing-locale"],
    branch: None = None,
    feature: str | None = None,
    locale: str,
    l10n_ids: None = None,
    feature_ids: None = None,
) -> Event: ...


@overload
def validation_failed(
    *,
    value: str,
    reason: Literal["unsupported-feature"],
    branch: None = None,
    feature: str | None = None,
    locale: None = None,
    l10n_ids: None = None,
    feature_ids: str,
) -> Event: ...


def validation_failed(
    *,
    value: str,
    reason: ValidationFailedReason,
    branch: str | None = None,
    feature: str | None = None,
    locale: str | None = None,
    l10n_ids: str | None = None,
    feature_ids: str | None = None,
) -> Event:
    """Build nimbus_experiment.validationFailed: Validation Failed.

    Sent when Nimbus finds that a recipe, or the branch the client would be on,
    is not valid.

    Args:
        value: The slug of the experiment.
            At most 80 bytes of UTF-8.
        reason: A code for what failed validation.
            One of:

            - ``"invalid-recipe"``: The recipe as a whole does not fit the
              schema Nimbus expects.
            - ``"invalid-branch"``: A branch of the recipe does not fit what
              its feature expects; branch names it.
            - ``"l10n-missing-entry"``: The recipe's localization table lacks
              some entries for the client's locale; l10n_ids lists them.
            - ``"l10n-missing-locale"``: The recipe's localization table has
              nothing for the client's locale.
            - ``"unsupported-feature"``: The recipe uses features this
              browser does not support; feature_ids lists them. Only some
              versions of Firefox record this reason.

        branch: The slug of the branch that failed validation.
            Sent only when reason is "invalid-branch"; absent otherwise. Leave
            it None when it is not sent. At most 80 bytes of UTF-8.
        feature: The ID of a feature that failed validation.
            May be absent. Leave it None when it is not sent. At most 80 bytes
            of UTF-8.
        locale: The client's locale that the recipe's localization lacks,
            or lacks entries for.
            Sent only when reason is "l10n-missing-entry" or
            "l10n-missing-locale"; absent otherwise. Leave it None when it is
            not sent. At most 80 bytes of UTF-8.
        l10n_ids: The IDs of the missing localization entries, separated by
            commas. Nimbus records the whole list with Glean, which keeps up to
            500 bytes of an extra value; the legacy mirror of the event cuts it
            to 80 bytes.
            Sent only when reason is "l10n-missing-entry"; absent otherwise.
            Leave it None when it is not sent. At most 500 bytes of UTF-8.
        feature_ids: The IDs of the features the browser does not support,
            separated by commas. Like l10n_ids, it may be longer in Glean than
            the legacy mirror's 80 bytes.
            Sent only when reason is "unsupported-feature"; absent otherwise.
            Leave it None when it is not sent. At most 500 bytes of UTF-8.

    Returns:
        The event nimbus_experiment.validationFailed as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "validationFailed",
        "nimbus_experiment",
        value,
        {
            "reason": reason,
            "branch": branch,
            "feature": feature,
            "locale": locale,
            "l10n_ids": l10n_ids,
            "feature_ids": feature_ids,
        },
    )
