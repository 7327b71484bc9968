"""The fast paths of ``is_valid_event`` and ``is_valid_glean_event``: one check of
an event's ``extra`` per event and shape.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Each function checks an exact ``dict`` of extra keys, whose keys are all exact
``str``, in straight-line code, a few statements per key, and returns ``True``
or ``False``. A missing key that is always sent raises ``KeyError``, which the
caller reads as ``False``; a value that is a ``str`` subclass raises
``NotPlain``, which sends the event to the full check.
``validate.iter_event_errors`` and ``validate_glean.iter_glean_event_errors``
are the full checks, and the tests prove that each agrees with its fast path on
every event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from normandy_telemetry.reading import is_uuid, not_text

Check = Callable[[dict[Any, Any]], bool]
"""The fast check of one event's ``extra``."""

FILLER: Final = "__NO_ENROLLMENT_ID__"
"""The enrollment-ID filler, which an enrollment-ID key may hold instead of a UUID."""


def _check_preference_study_enroll(extra: dict[Any, Any]) -> bool:
    """preference_study.enroll"""
    t0 = extra["branch"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["experimentType"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 not in {"exp", "exp-highpop"}:
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t2 = extra["enrollmentId"]
    if type(t2) is not str:
        return not_text(t2)
    if len(t2) != 36:
        if t2 != FILLER:
            return False
    elif is_uuid(t2) is None:
        return False
    return True


def _check_preference_study_enroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_study.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 == "invalid-branch":
        t1 = extra.get("preferenceBranch")
        if t1 is None:
            t1 = extra["prefBranch"]
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 2
    elif t0 not in {
        "name-conflict",
        "pref-conflict",
        "experiment-type-too-long",
        "invalid-type",
    }:
        return False
    else:
        n = 1
    return len(extra) == n


def _check_preference_study_unenroll(extra: dict[Any, Any]) -> bool:
    """preference_study.unenroll"""
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
    size = len(extra)
    if size == 2:
        return True
    n = 2
    t2 = extra.get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) != 36:
            if t2 != FILLER:
                return False
        elif is_uuid(t2) is None:
            return False
        if size == n:
            return True
    t3 = extra.get("branch")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t4 = extra.get("changedPref")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _check_preference_study_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_study.unenrollFailed"""
    t1 = extra["reason"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 not in {"does-not-exist", "already-unenrolled"}:
        return False
    t3 = extra["originalReason"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 2:
        return True
    n = 2
    t0 = extra.get("enrollmentId")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) != 36:
            if t0 != FILLER:
                return False
        elif is_uuid(t0) is None:
            return False
        if size == n:
            return True
    t2 = extra.get("caller")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if (
            len(t2) > 80
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t4 = extra.get("changedPref")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _check_preference_study_exp_pref_changed(extra: dict[Any, Any]) -> bool:
    """preference_study.expPrefChanged"""
    t1 = extra["preferenceName"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"atEnroll", "sideload", "observer", "onEnroll"}:
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t0 = extra["enrollmentId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) != 36:
        if t0 != FILLER:
            return False
    elif is_uuid(t0) is None:
        return False
    return True


def _check_preference_rollout_enroll(extra: dict[Any, Any]) -> bool:
    """preference_rollout.enroll"""
    size = len(extra)
    if size == 0:
        return True
    if size != 1:
        return False
    t0 = extra["enrollmentId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) != 36:
        if t0 != FILLER:
            return False
    elif is_uuid(t0) is None:
        return False
    return True


def _check_preference_rollout_enroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_rollout.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 in {"invalid type", "conflict"}:
        t1 = extra["preference"]
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 2
    elif t0 != "would-be-no-op":
        return False
    else:
        n = 1
    return len(extra) == n


def _check_preference_rollout_update(extra: dict[Any, Any]) -> bool:
    """preference_rollout.update"""
    t0 = extra["previousState"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    if size != 2:
        return False
    t1 = extra["enrollmentId"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) != 36:
        if t1 != FILLER:
            return False
    elif is_uuid(t1) is None:
        return False
    return True


def _check_preference_rollout_graduate(extra: dict[Any, Any]) -> bool:
    """preference_rollout.graduate"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"all-prefs-match", "in-graduation-set"}:
        return False
    size = len(extra)
    if size == 1:
        return True
    if size != 2:
        return False
    t1 = extra["enrollmentId"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) != 36:
        if t1 != FILLER:
            return False
    elif is_uuid(t1) is None:
        return False
    return True


def _check_addon_study_enroll(extra: dict[Any, Any]) -> bool:
    """addon_study.enroll"""
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 2:
        return True
    n = 2
    t2 = extra.get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) != 36:
            if t2 != FILLER:
                return False
        elif is_uuid(t2) is None:
            return False
        if size == n:
            return True
    t3 = extra.get("branch")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _check_addon_study_enroll_failed(extra: dict[Any, Any]) -> bool:
    """addon_study.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t1 = extra.get("branch")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t2 = extra.get("detail")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if (
            len(t2) > 80
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _check_addon_study_update(extra: dict[Any, Any]) -> bool:
    """addon_study.update"""
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 2:
        return True
    n = 2
    t2 = extra.get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) != 36:
            if t2 != FILLER:
                return False
        elif is_uuid(t2) is None:
            return False
        if size == n:
            return True
    t3 = extra.get("branch")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _check_addon_study_update_failed(extra: dict[Any, Any]) -> bool:
    """addon_study.updateFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t1 = extra.get("enrollmentId")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) != 36:
            if t1 != FILLER:
                return False
        elif is_uuid(t1) is None:
            return False
        if size == n:
            return True
    t2 = extra.get("branch")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if (
            len(t2) > 80
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t3 = extra.get("detail")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _check_addon_study_unenroll(extra: dict[Any, Any]) -> bool:
    """addon_study.unenroll"""
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
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
    size = len(extra)
    if size == 3:
        return True
    n = 3
    t3 = extra.get("enrollmentId")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) != 36:
            if t3 != FILLER:
                return False
        elif is_uuid(t3) is None:
            return False
        if size == n:
            return True
    t4 = extra.get("branch")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _check_addon_rollout_enroll(extra: dict[Any, Any]) -> bool:
    """addon_rollout.enroll"""
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    return len(extra) == 2


def _check_addon_rollout_enroll_failed(extra: dict[Any, Any]) -> bool:
    """addon_rollout.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t1 = extra.get("addonId")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t2 = extra.get("conflictingSlug")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if (
            len(t2) > 80
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t3 = extra.get("detail")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t4 = extra.get("enrollmentId")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) != 36:
            if t4 != FILLER:
                return False
        elif is_uuid(t4) is None:
            return False
    return size == n


def _check_addon_rollout_update(extra: dict[Any, Any]) -> bool:
    """addon_rollout.update"""
    t0 = extra["addonId"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["addonVersion"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    return len(extra) == 2


def _check_addon_rollout_update_failed(extra: dict[Any, Any]) -> bool:
    """addon_rollout.updateFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    if size != 2:
        return False
    t1 = extra["detail"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    return True


def _check_nimbus_experiment_enroll(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.enroll"""
    t0 = extra["branch"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["experimentType"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    return len(extra) == 2


def _check_nimbus_experiment_enroll_failed(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"feature-conflict", "name-conflict"}:
        return False
    return len(extra) == 1


def _check_nimbus_experiment_update(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.update"""
    return len(extra) == 0


def _check_nimbus_experiment_unenroll(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.unenroll"""
    t0 = extra["branch"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["reason"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 == "changed-pref":
        t2 = extra["changedPref"]
        if type(t2) is not str:
            return not_text(t2)
        if (
            len(t2) > 80
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 3
    elif t1 == "prefFlips-conflict":
        t3 = extra["conflictingSlug"]
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 3
    elif t1 == "prefFlips-failed":
        t4 = extra["prefName"]
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        t5 = extra["prefType"]
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 4
    elif t1 not in {
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
    }:
        return False
    else:
        n = 2
    return len(extra) == n


def _check_nimbus_experiment_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.unenrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"already-unenrolled", "does-not-exist"}:
        return False
    return len(extra) == 1


def _check_nimbus_experiment_expose(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.expose"""
    t0 = extra["branchSlug"]
    if type(t0) is not str:
        return not_text(t0)
    if (
        len(t0) > 80
        or not t0.isascii()
        and len(t0.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t1 = extra["featureId"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    return len(extra) == 2


def _check_nimbus_experiment_validation_failed(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.validationFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 == "invalid-branch":
        t1 = extra["branch"]
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 2
    elif t0 == "l10n-missing-entry":
        t3 = extra["locale"]
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        t4 = extra["l10n_ids"]
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 500
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 500
        ):
            return False
        n = 3
    elif t0 == "l10n-missing-locale":
        t3 = extra["locale"]
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 2
    elif t0 == "unsupported-feature":
        t5 = extra["feature_ids"]
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 500
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 500
        ):
            return False
        n = 2
    elif t0 != "invalid-recipe":
        return False
    else:
        n = 1
    size = len(extra)
    if size == n:
        return True
    if size != n + 1:
        return False
    t2 = extra["feature"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    return True


def _check_preference_rollback_unenroll(extra: dict[Any, Any]) -> bool:
    """preference_rollback.unenroll"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 != "rollback":
        return False
    return len(extra) == 1


def _check_preference_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_rollback.unenrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"in-graduation-set", "graduated"}:
        return False
    return len(extra) == 1


def _check_addon_rollback_unenroll(extra: dict[Any, Any]) -> bool:
    """addon_rollback.unenroll"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 != "rollback":
        return False
    return len(extra) == 1


def _check_addon_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """addon_rollback.unenrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 != "uninstall-failed":
        return False
    return len(extra) == 1


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


def _glean_preference_study_enroll(extra: dict[Any, Any]) -> bool:
    """preference_study.enroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["branch"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["experimentType"]
    if type(t3) is not str:
        return not_text(t3)
    if t3 not in {"exp", "exp-highpop"}:
        return False
    size = len(extra)
    if size == 3:
        return True
    n = 3
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t4 = extra.get("enrollmentId")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) != 36:
            if t4 != FILLER:
                return False
        elif is_uuid(t4) is None:
            return False
    return size == n


def _glean_preference_study_enroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_study.enrollFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 == "invalid-branch":
        t3 = extra["prefBranch"]
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 3
    elif t2 not in {
        "name-conflict",
        "pref-conflict",
        "experiment-type-too-long",
        "invalid-type",
    }:
        return False
    else:
        n = 2
    size = len(extra)
    if size == n:
        return True
    if size != n + 1:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_preference_study_unenroll(extra: dict[Any, Any]) -> bool:
    """preference_study.unenroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["didResetValue"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"true", "false"}:
        return False
    t3 = extra["reason"]
    if type(t3) is not str:
        return not_text(t3)
    if t3 not in {
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
    size = len(extra)
    if size == 3:
        return True
    n = 3
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t4 = extra.get("enrollmentId")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) != 36:
            if t4 != FILLER:
                return False
        elif is_uuid(t4) is None:
            return False
        if size == n:
            return True
    t5 = extra.get("branch")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t6 = extra.get("changedPref")
    if t6 is not None:
        n += 1
        if type(t6) is not str:
            return not_text(t6)
        if (
            len(t6) > 80
            or not t6.isascii()
            and len(t6.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_preference_study_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_study.unenrollFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["reason"]
    if type(t3) is not str:
        return not_text(t3)
    if t3 not in {"does-not-exist", "already-unenrolled"}:
        return False
    t5 = extra["originalReason"]
    if type(t5) is not str:
        return not_text(t5)
    if (
        len(t5) > 80
        or not t5.isascii()
        and len(t5.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 3:
        return True
    n = 3
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t2 = extra.get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) != 36:
            if t2 != FILLER:
                return False
        elif is_uuid(t2) is None:
            return False
        if size == n:
            return True
    t4 = extra.get("caller")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t6 = extra.get("changedPref")
    if t6 is not None:
        n += 1
        if type(t6) is not str:
            return not_text(t6)
        if (
            len(t6) > 80
            or not t6.isascii()
            and len(t6.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_preference_study_exp_pref_changed(extra: dict[Any, Any]) -> bool:
    """preference_study.expPrefChanged in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["preferenceName"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t4 = extra["reason"]
    if type(t4) is not str:
        return not_text(t4)
    if t4 not in {"atEnroll", "sideload", "observer", "onEnroll"}:
        return False
    size = len(extra)
    if size == 3:
        return True
    n = 3
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t2 = extra.get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) != 36:
            if t2 != FILLER:
                return False
        elif is_uuid(t2) is None:
            return False
    return size == n


def _glean_preference_rollout_enroll(extra: dict[Any, Any]) -> bool:
    """preference_rollout.enroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t2 = extra.get("enrollmentId")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) != 36:
            if t2 != FILLER:
                return False
        elif is_uuid(t2) is None:
            return False
    return size == n


def _glean_preference_rollout_enroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_rollout.enrollFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 in {"invalid type", "conflict"}:
        t3 = extra["preference"]
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 3
    elif t2 != "would-be-no-op":
        return False
    else:
        n = 2
    size = len(extra)
    if size == n:
        return True
    if size != n + 1:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_preference_rollout_update(extra: dict[Any, Any]) -> bool:
    """preference_rollout.update in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["previousState"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 2:
        return True
    n = 2
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t3 = extra.get("enrollmentId")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) != 36:
            if t3 != FILLER:
                return False
        elif is_uuid(t3) is None:
            return False
    return size == n


def _glean_preference_rollout_graduate(extra: dict[Any, Any]) -> bool:
    """preference_rollout.graduate in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"all-prefs-match", "in-graduation-set"}:
        return False
    size = len(extra)
    if size == 2:
        return True
    n = 2
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t3 = extra.get("enrollmentId")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) != 36:
            if t3 != FILLER:
                return False
        elif is_uuid(t3) is None:
            return False
    return size == n


def _glean_addon_study_enroll(extra: dict[Any, Any]) -> bool:
    """addon_study.enroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["addonId"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["addonVersion"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 3:
        return True
    n = 3
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t4 = extra.get("enrollmentId")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) != 36:
            if t4 != FILLER:
                return False
        elif is_uuid(t4) is None:
            return False
        if size == n:
            return True
    t5 = extra.get("branch")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_addon_study_enroll_failed(extra: dict[Any, Any]) -> bool:
    """addon_study.enrollFailed in Glean"""
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t1 = extra.get("value")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t3 = extra.get("branch")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t4 = extra.get("detail")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_addon_study_update(extra: dict[Any, Any]) -> bool:
    """addon_study.update in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["addonId"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["addonVersion"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 3:
        return True
    n = 3
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t4 = extra.get("enrollmentId")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if len(t4) != 36:
            if t4 != FILLER:
                return False
        elif is_uuid(t4) is None:
            return False
        if size == n:
            return True
    t5 = extra.get("branch")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_addon_study_update_failed(extra: dict[Any, Any]) -> bool:
    """addon_study.updateFailed in Glean"""
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t1 = extra.get("value")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t3 = extra.get("enrollmentId")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if len(t3) != 36:
            if t3 != FILLER:
                return False
        elif is_uuid(t3) is None:
            return False
        if size == n:
            return True
    t4 = extra.get("branch")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t5 = extra.get("detail")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_addon_study_unenroll(extra: dict[Any, Any]) -> bool:
    """addon_study.unenroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["addonId"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["addonVersion"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t4 = extra["reason"]
    if type(t4) is not str:
        return not_text(t4)
    if t4 not in {
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
    size = len(extra)
    if size == 4:
        return True
    n = 4
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t5 = extra.get("enrollmentId")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if len(t5) != 36:
            if t5 != FILLER:
                return False
        elif is_uuid(t5) is None:
            return False
        if size == n:
            return True
    t6 = extra.get("branch")
    if t6 is not None:
        n += 1
        if type(t6) is not str:
            return not_text(t6)
        if (
            len(t6) > 80
            or not t6.isascii()
            and len(t6.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_addon_rollout_enroll(extra: dict[Any, Any]) -> bool:
    """addon_rollout.enroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["addonId"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["addonVersion"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 3:
        return True
    if size != 4:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_addon_rollout_enroll_failed(extra: dict[Any, Any]) -> bool:
    """addon_rollout.enrollFailed in Glean"""
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t1 = extra.get("value")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t3 = extra.get("addonId")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t4 = extra.get("conflictingSlug")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t5 = extra.get("detail")
    if t5 is not None:
        n += 1
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t6 = extra.get("enrollmentId")
    if t6 is not None:
        n += 1
        if type(t6) is not str:
            return not_text(t6)
        if len(t6) != 36:
            if t6 != FILLER:
                return False
        elif is_uuid(t6) is None:
            return False
    return size == n


def _glean_addon_rollout_update(extra: dict[Any, Any]) -> bool:
    """addon_rollout.update in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["addonId"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["addonVersion"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 3:
        return True
    if size != 4:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_addon_rollout_update_failed(extra: dict[Any, Any]) -> bool:
    """addon_rollout.updateFailed in Glean"""
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    n = 1
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t1 = extra.get("value")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        if size == n:
            return True
    t3 = extra.get("detail")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_nimbus_experiment_enroll(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.enroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["branch"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["experimentType"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 3:
        return True
    if size != 4:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_nimbus_experiment_enroll_failed(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.enrollFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"feature-conflict", "name-conflict"}:
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_nimbus_experiment_update(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.update in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 1:
        return True
    if size != 2:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_nimbus_experiment_unenroll(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.unenroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["branch"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["reason"]
    if type(t3) is not str:
        return not_text(t3)
    if t3 == "changed-pref":
        t4 = extra["changedPref"]
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 4
    elif t3 == "prefFlips-conflict":
        t5 = extra["conflictingSlug"]
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 4
    elif t3 == "prefFlips-failed":
        t6 = extra["prefName"]
        if type(t6) is not str:
            return not_text(t6)
        if (
            len(t6) > 80
            or not t6.isascii()
            and len(t6.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        t7 = extra["prefType"]
        if type(t7) is not str:
            return not_text(t7)
        if (
            len(t7) > 80
            or not t7.isascii()
            and len(t7.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 5
    elif t3 not in {
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
    }:
        return False
    else:
        n = 3
    size = len(extra)
    if size == n:
        return True
    if size != n + 1:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_nimbus_experiment_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.unenrollFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"already-unenrolled", "does-not-exist"}:
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_nimbus_experiment_expose(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.expose in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["branchSlug"]
    if type(t2) is not str:
        return not_text(t2)
    if (
        len(t2) > 80
        or not t2.isascii()
        and len(t2.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t3 = extra["featureId"]
    if type(t3) is not str:
        return not_text(t3)
    if (
        len(t3) > 80
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    size = len(extra)
    if size == 3:
        return True
    if size != 4:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_nimbus_experiment_validation_failed(extra: dict[Any, Any]) -> bool:
    """nimbus_experiment.validationFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 == "invalid-branch":
        t3 = extra["branch"]
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 3
    elif t2 == "l10n-missing-entry":
        t5 = extra["locale"]
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        t6 = extra["l10n_ids"]
        if type(t6) is not str:
            return not_text(t6)
        if (
            len(t6) > 500
            or not t6.isascii()
            and len(t6.encode("utf-8", "surrogatepass")) > 500
        ):
            return False
        n = 4
    elif t2 == "l10n-missing-locale":
        t5 = extra["locale"]
        if type(t5) is not str:
            return not_text(t5)
        if (
            len(t5) > 80
            or not t5.isascii()
            and len(t5.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 3
    elif t2 == "unsupported-feature":
        t7 = extra["feature_ids"]
        if type(t7) is not str:
            return not_text(t7)
        if (
            len(t7) > 500
            or not t7.isascii()
            and len(t7.encode("utf-8", "surrogatepass")) > 500
        ):
            return False
        n = 3
    elif t2 != "invalid-recipe":
        return False
    else:
        n = 2
    size = len(extra)
    if size == n:
        return True
    t0 = extra.get("glean_timestamp")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
            return False
        if size == n:
            return True
    t4 = extra.get("feature")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 80
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    return size == n


def _glean_preference_rollback_unenroll(extra: dict[Any, Any]) -> bool:
    """preference_rollback.unenroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 != "rollback":
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_preference_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_rollback.unenrollFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"in-graduation-set", "graduated"}:
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_addon_rollback_unenroll(extra: dict[Any, Any]) -> bool:
    """addon_rollback.unenroll in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 != "rollback":
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


def _glean_addon_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool:
    """addon_rollback.unenrollFailed in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 80
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 80
    ):
        return False
    t2 = extra["reason"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 != "uninstall-failed":
        return False
    size = len(extra)
    if size == 2:
        return True
    if size != 3:
        return False
    t0 = extra["glean_timestamp"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 20 or not (t0.isascii() and t0.isdigit()):
        return False
    return True


GLEAN_CHECKS: Final[dict[str, dict[str, Check]]] = {
    "normandy": {
        "enroll_preference_study": _glean_preference_study_enroll,
        "enroll_failed_preference_study": _glean_preference_study_enroll_failed,
        "unenroll_preference_study": _glean_preference_study_unenroll,
        "unenroll_failed_preference_study": _glean_preference_study_unenroll_failed,
        "exp_pref_changed_preference_study": _glean_preference_study_exp_pref_changed,
        "enroll_preference_rollout": _glean_preference_rollout_enroll,
        "enroll_failed_preference_rollout": _glean_preference_rollout_enroll_failed,
        "update_preference_rollout": _glean_preference_rollout_update,
        "graduate_preference_rollout": _glean_preference_rollout_graduate,
        "enroll_addon_study": _glean_addon_study_enroll,
        "enroll_failed_addon_study": _glean_addon_study_enroll_failed,
        "update_addon_study": _glean_addon_study_update,
        "update_failed_addon_study": _glean_addon_study_update_failed,
        "unenroll_addon_study": _glean_addon_study_unenroll,
        "enroll_addon_rollout": _glean_addon_rollout_enroll,
        "enroll_failed_addon_rollout": _glean_addon_rollout_enroll_failed,
        "update_addon_rollout": _glean_addon_rollout_update,
        "update_failed_addon_rollout": _glean_addon_rollout_update_failed,
        "enroll_nimbus_experiment": _glean_nimbus_experiment_enroll,
        "enroll_failed_nimbus_experiment": _glean_nimbus_experiment_enroll_failed,
        "update_nimbus_experiment": _glean_nimbus_experiment_update,
        "unenroll_nimbus_experiment": _glean_nimbus_experiment_unenroll,
        "unenroll_failed_nimbus_experiment": _glean_nimbus_experiment_unenroll_failed,
        "expose_nimbus_experiment": _glean_nimbus_experiment_expose,
        "validation_failed_nimbus_experiment": _glean_nimbus_experiment_validation_failed,
        "unenroll_preference_rollback": _glean_preference_rollback_unenroll,
        "unenroll_failed_preference_rollback": _glean_preference_rollback_unenroll_failed,
        "unenroll_addon_rollback": _glean_addon_rollback_unenroll,
        "unenroll_failed_addon_rollback": _glean_addon_rollback_unenroll_failed,
    },
}
"""The check of every event Firefox records in Glean, by Glean category, then
by Glean name."""
