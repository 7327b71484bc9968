"""The fast path of ``is_valid_event``: one check of an event's ``extra`` per
event.

Generated from spec/normandy.yaml by `python -m codegen generate`. Do not edit:
change the spec or a template, then run `make generate`.

Each function checks an exact ``dict`` of extra keys in straight-line code, a
few statements per key, and returns ``True`` or ``False``, or ``None`` to ask
for the full check (a value that is a ``str`` subclass); a missing key that is
always sent raises ``KeyError``, which ``is_valid_event`` reads as ``False``.
``validate.iter_event_errors`` is the full check, and the tests prove that the
two agree on every event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from normandy_telemetry.reading import is_uuid, not_text

Check = Callable[[dict[Any, Any]], bool | None]
"""The fast check of one event's ``extra``."""

FILLER: Final = "__NO_ENROLLMENT_ID__"
"""The enrollment-ID filler, which an enrollment-ID key may hold instead of a UUID."""


def _check_preference_study_enroll(extra: dict[Any, Any]) -> bool | None:
    """preference_study.enroll"""
    get = extra.get
    n = 2
    t0 = extra["branch"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["experimentType"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 not in {"exp", "exp-highpop"}:
        return False
    t2 = get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
        if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
            return False
    if len(extra) != n:
        return False
    return True


def _check_preference_study_enroll_failed(extra: dict[Any, Any]) -> bool | None:
    """preference_study.enrollFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {
        "invalid-branch",
        "name-conflict",
        "pref-conflict",
        "experiment-type-too-long",
        "invalid-type",
    }:
        return False
    t1 = get("preferenceBranch")
    if t1 is None:
        t1 = get("prefBranch")
    elif "prefBranch" in extra:
        return False
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
    if len(extra) != n:
        return False
    if (t1 is not None) is not (t0 in {"invalid-branch"}):
        return False
    return True


def _check_preference_study_unenroll(extra: dict[Any, Any]) -> bool | None:
    """preference_study.unenroll"""
    get = extra.get
    n = 2
    t0 = extra["didResetValue"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"true", "false"}:
        return False
    t1 = extra["reason"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 not in {
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
    }:
        return False
    t2 = get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
        if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
            return False
    t3 = get("branch")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
    t4 = get("changedPref")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_preference_study_unenroll_failed(extra: dict[Any, Any]) -> bool | None:
    """preference_study.unenrollFailed"""
    get = extra.get
    n = 2
    t0 = get("enrollmentId")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 80:
            return False
        if t0 != FILLER and (len(t0) != 36 or is_uuid(t0) is None):
            return False
    t1 = extra["reason"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 not in {"does-not-exist", "already-unenrolled"}:
        return False
    t2 = get("caller")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
    t3 = extra["originalReason"]
    if type(t3) is not str:
        return not_text(t3)
    if len(t3) > 80:
        return False
    t4 = get("changedPref")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_preference_study_exp_pref_changed(extra: dict[Any, Any]) -> bool | None:
    """preference_study.expPrefChanged"""
    get = extra.get
    n = 2
    t0 = get("enrollmentId")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 80:
            return False
        if t0 != FILLER and (len(t0) != 36 or is_uuid(t0) is None):
            return False
    t1 = extra["preferenceName"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"atEnroll", "sideload", "observer", "onEnroll"}:
        return False
    if len(extra) != n:
        return False
    return True


def _check_preference_rollout_enroll(extra: dict[Any, Any]) -> bool | None:
    """preference_rollout.enroll"""
    get = extra.get
    n = 0
    t0 = get("enrollmentId")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 80:
            return False
        if t0 != FILLER and (len(t0) != 36 or is_uuid(t0) is None):
            return False
    if len(extra) != n:
        return False
    return True


def _check_preference_rollout_enroll_failed(extra: dict[Any, Any]) -> bool | None:
    """preference_rollout.enrollFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"invalid type", "would-be-no-op", "conflict"}:
        return False
    t1 = get("preference")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
    if len(extra) != n:
        return False
    if (t1 is not None) is not (t0 in {"invalid type", "conflict"}):
        return False
    return True


def _check_preference_rollout_update(extra: dict[Any, Any]) -> bool | None:
    """preference_rollout.update"""
    get = extra.get
    n = 1
    t0 = extra["previousState"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = get("enrollmentId")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
        if t1 != FILLER and (len(t1) != 36 or is_uuid(t1) is None):
            return False
    if len(extra) != n:
        return False
    return True


def _check_preference_rollout_graduate(extra: dict[Any, Any]) -> bool | None:
    """preference_rollout.graduate"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"all-prefs-match", "in-graduation-set"}:
        return False
    t1 = get("enrollmentId")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
        if t1 != FILLER and (len(t1) != 36 or is_uuid(t1) is None):
            return False
    if len(extra) != n:
        return False
    return True


def _check_addon_study_enroll(extra: dict[Any, Any]) -> bool | None:
    """addon_study.enroll"""
    get = extra.get
    n = 2
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    t2 = get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
        if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
            return False
    t3 = get("branch")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_addon_study_enroll_failed(extra: dict[Any, Any]) -> bool | None:
    """addon_study.enrollFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = get("branch")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
    t2 = get("detail")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_addon_study_update(extra: dict[Any, Any]) -> bool | None:
    """addon_study.update"""
    get = extra.get
    n = 2
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    t2 = get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
        if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
            return False
    t3 = get("branch")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_addon_study_update_failed(extra: dict[Any, Any]) -> bool | None:
    """addon_study.updateFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = get("enrollmentId")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
        if t1 != FILLER and (len(t1) != 36 or is_uuid(t1) is None):
            return False
    t2 = get("branch")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
    t3 = get("detail")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_addon_study_unenroll(extra: dict[Any, Any]) -> bool | None:
    """addon_study.unenroll"""
    get = extra.get
    n = 3
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {
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
    }:
        return False
    t3 = get("enrollmentId")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
        if t3 != FILLER and (len(t3) != 36 or is_uuid(t3) is None):
            return False
    t4 = get("branch")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_addon_rollout_enroll(extra: dict[Any, Any]) -> bool | None:
    """addon_rollout.enroll"""
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    if len(extra) != 2:
        return False
    return True


def _check_addon_rollout_enroll_failed(extra: dict[Any, Any]) -> bool | None:
    """addon_rollout.enrollFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = get("addonId")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
    t2 = get("conflictingSlug")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
    t3 = get("detail")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
    t4 = get("enrollmentId")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) > 80:
            return False
        if t4 != FILLER and (len(t4) != 36 or is_uuid(t4) is None):
            return False
    if len(extra) != n:
        return False
    return True


def _check_addon_rollout_update(extra: dict[Any, Any]) -> bool | None:
    """addon_rollout.update"""
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    if len(extra) != 2:
        return False
    return True


def _check_addon_rollout_update_failed(extra: dict[Any, Any]) -> bool | None:
    """addon_rollout.updateFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = get("detail")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
    if len(extra) != n:
        return False
    return True


def _check_nimbus_experiment_enroll(extra: dict[Any, Any]) -> bool | None:
    """nimbus_experiment.enroll"""
    t0 = extra["branch"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["experimentType"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    if len(extra) != 2:
        return False
    return True


def _check_nimbus_experiment_enroll_failed(extra: dict[Any, Any]) -> bool | None:
    """nimbus_experiment.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"feature-conflict", "name-conflict"}:
        return False
    if len(extra) != 1:
        return False
    return True


def _check_nimbus_experiment_update(extra: dict[Any, Any]) -> bool | None:
    """nimbus_experiment.update"""
    if len(extra) != 0:
        return False
    return True


def _check_nimbus_experiment_unenroll(extra: dict[Any, Any]) -> bool | None:
    """nimbus_experiment.unenroll"""
    get = extra.get
    n = 2
    t0 = extra["branch"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["reason"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 not in {
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
    }:
        return False
    t2 = get("changedPref")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
    t3 = get("conflictingSlug")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
    t4 = get("prefName")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) > 80:
            return False
    t5 = get("prefType")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if len(t5) > 80:
            return False
    if len(extra) != n:
        return False
    if (t2 is not None) is not (t1 in {"changed-pref"}):
        return False
    if (t3 is not None) is not (t1 in {"prefFlips-conflict"}):
        return False
    if (t4 is not None) is not (t1 in {"prefFlips-failed"}):
        return False
    if (t5 is not None) is not (t1 in {"prefFlips-failed"}):
        return False
    return True


def _check_nimbus_experiment_unenroll_failed(extra: dict[Any, Any]) -> bool | None:
    """nimbus_experiment.unenrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"already-unenrolled", "does-not-exist"}:
        return False
    if len(extra) != 1:
        return False
    return True


def _check_nimbus_experiment_expose(extra: dict[Any, Any]) -> bool | None:
    """nimbus_experiment.expose"""
    t0 = extra["branchSlug"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["featureId"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    if len(extra) != 2:
        return False
    return True


def _check_nimbus_experiment_validation_failed(extra: dict[Any, Any]) -> bool | None:
    """nimbus_experiment.validationFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {
        "invalid-recipe",
        "invalid-branch",
        "l10n-missing-entry",
        "l10n-missing-locale",
        "unsupported-feature",
    }:
        return False
    t1 = get("branch")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 80:
            return False
    t2 = get("feature")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 80:
            return False
    t3 = get("locale")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) > 80:
            return False
    t4 = get("l10n_ids")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) > 500:
            return False
    t5 = get("feature_ids")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if len(t5) > 500:
            return False
    if len(extra) != n:
        return False
    if (t1 is not None) is not (t0 in {"invalid-branch"}):
        return False
    if (t3 is not None) is not (t0 in {"l10n-missing-entry", "l10n-missing-locale"}):
        return False
    if (t4 is not None) is not (t0 in {"l10n-missing-entry"}):
        return False
    if (t5 is not None) is not (t0 in {"unsupported-feature"}):
        return False
    return True


def _check_preference_rollback_unenroll(extra: dict[Any, Any]) -> bool | None:
    """preference_rollback.unenroll"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"rollback"}:
        return False
    if len(extra) != 1:
        return False
    return True


def _check_preference_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool | None:
    """preference_rollback.unenrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"in-graduation-set", "graduated"}:
        return False
    if len(extra) != 1:
        return False
    return True


def _check_addon_rollback_unenroll(extra: dict[Any, Any]) -> bool | None:
    """addon_rollback.unenroll"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"rollback"}:
        return False
    if len(extra) != 1:
        return False
    return True


def _check_addon_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool | None:
    """addon_rollback.unenrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"uninstall-failed"}:
        return False
    if len(extra) != 1:
        return False
    return True


CHECKS: Final[dict[str, dict[str, Check]]] = {
    "preference_study": {
        "enroll": _check_preference_study_enroll,
        "enrollFailed": _check_preference_study_enroll_failed,
        "unenroll": _check_preference_study_unenroll,
        "unenrollFailed": _check_preference_study_unenroll_failed,
        "expPrefChanged": _check_preference_study_exp_pref_changed,
    },
    "preference_rollout": {
        "enroll": _check_preference_rollout_enroll,
        "enrollFailed": _check_preference_rollout_enroll_failed,
        "update": _check_preference_rollout_update,
        "graduate": _check_preference_rollout_graduate,
    },
    "addon_study": {
        "enroll": _check_addon_study_enroll,
        "enrollFailed": _check_addon_study_enroll_failed,
        "update": _check_addon_study_update,
        "updateFailed": _check_addon_study_update_failed,
        "unenroll": _check_addon_study_unenroll,
    },
    "addon_rollout": {
        "enroll": _check_addon_rollout_enroll,
        "enrollFailed": _check_addon_rollout_enroll_failed,
        "update": _check_addon_rollout_update,
        "updateFailed": _check_addon_rollout_update_failed,
    },
    "nimbus_experiment": {
        "enroll": _check_nimbus_experiment_enroll,
        "enrollFailed": _check_nimbus_experiment_enroll_failed,
        "update": _check_nimbus_experiment_update,
        "unenroll": _check_nimbus_experiment_unenroll,
        "unenrollFailed": _check_nimbus_experiment_unenroll_failed,
        "expose": _check_nimbus_experiment_expose,
        "validationFailed": _check_nimbus_experiment_validation_failed,
    },
    "preference_rollback": {
        "unenroll": _check_preference_rollback_unenroll,
        "unenrollFailed": _check_preference_rollback_unenroll_failed,
    },
    "addon_rollback": {
        "unenroll": _check_addon_rollback_unenroll,
        "unenrollFailed": _check_addon_rollback_unenroll_failed,
    },
}
"""Every event's check, by object, then by method."""
