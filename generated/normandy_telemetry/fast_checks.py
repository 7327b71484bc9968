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
    t2 = extra["enrollmentId"]
    if type(t2) is not str:
        return not_text(t2)
    if len(t2) > 80:
        return False
    if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
        return False
    if len(extra) != 3:
        return False
    return True


def _check_preference_study_enroll_failed(extra: dict[Any, Any]) -> bool | None:
    """preference_study.enrollFailed"""
    get = extra.get
    n = 1
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"invalid-branch"}:
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
    t0 = extra["didResetValue"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"true", "false"}:
        return False
    t1 = extra["reason"]
    if type(t1) is not str:
        return not_text(t1)
    if t1 not in {"recipe-not-seen", "unknown"}:
        return False
    t2 = extra["enrollmentId"]
    if type(t2) is not str:
        return not_text(t2)
    if len(t2) > 80:
        return False
    if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
        return False
    if len(extra) != 3:
        return False
    return True


def _check_preference_study_unenroll_failed(extra: dict[Any, Any]) -> bool | None:
    """preference_study.unenrollFailed"""
    get = extra.get
    n = 3
    t0 = extra["enrollmentId"]
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
    if len(extra) != n:
        return False
    return True


def _check_preference_study_exp_pref_changed(extra: dict[Any, Any]) -> bool | None:
    """preference_study.expPrefChanged"""
    t0 = extra["enrollmentId"]
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
    if t2 not in {"atEnroll", "sideload", "observer"}:
        return False
    if len(extra) != 3:
        return False
    return True


def _check_preference_rollout_enroll(extra: dict[Any, Any]) -> bool | None:
    """preference_rollout.enroll"""
    t0 = extra["enrollmentId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    if t0 != FILLER and (len(t0) != 36 or is_uuid(t0) is None):
        return False
    if len(extra) != 1:
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
    t0 = extra["previousState"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["enrollmentId"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    if t1 != FILLER and (len(t1) != 36 or is_uuid(t1) is None):
        return False
    if len(extra) != 2:
        return False
    return True


def _check_preference_rollout_graduate(extra: dict[Any, Any]) -> bool | None:
    """preference_rollout.graduate"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"all-prefs-match", "in-graduation-set"}:
        return False
    t1 = extra["enrollmentId"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    if t1 != FILLER and (len(t1) != 36 or is_uuid(t1) is None):
        return False
    if len(extra) != 2:
        return False
    return True


def _check_addon_study_enroll(extra: dict[Any, Any]) -> bool | None:
    """addon_study.enroll"""
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
    t2 = extra["enrollmentId"]
    if type(t2) is not str:
        return not_text(t2)
    if len(t2) > 80:
        return False
    if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
        return False
    if len(extra) != 3:
        return False
    return True


def _check_addon_study_enroll_failed(extra: dict[Any, Any]) -> bool | None:
    """addon_study.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    if len(extra) != 1:
        return False
    return True


def _check_addon_study_update(extra: dict[Any, Any]) -> bool | None:
    """addon_study.update"""
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
    t2 = extra["enrollmentId"]
    if type(t2) is not str:
        return not_text(t2)
    if len(t2) > 80:
        return False
    if t2 != FILLER and (len(t2) != 36 or is_uuid(t2) is None):
        return False
    if len(extra) != 3:
        return False
    return True


def _check_addon_study_update_failed(extra: dict[Any, Any]) -> bool | None:
    """addon_study.updateFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) > 80:
        return False
    t1 = extra["enrollmentId"]
    if type(t1) is not str:
        return not_text(t1)
    if len(t1) > 80:
        return False
    if t1 != FILLER and (len(t1) != 36 or is_uuid(t1) is None):
        return False
    if len(extra) != 2:
        return False
    return True


def _check_addon_study_unenroll(extra: dict[Any, Any]) -> bool | None:
    """addon_study.unenroll"""
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
    }:
        return False
    t3 = extra["enrollmentId"]
    if type(t3) is not str:
        return not_text(t3)
    if len(t3) > 80:
        return False
    if t3 != FILLER and (len(t3) != 36 or is_uuid(t3) is None):
        return False
    if len(extra) != 4:
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
}
"""Every event's check, by object, then by method."""
