"""The fast paths of ``is_valid_event`` and ``is_valid_glean_event``: one check of
an event's ``extra`` per event and shape.

Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen
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
    t0 = extra["enrollmentId"]
    if type(t0) is not str:
        return not_text(t0)
    if len(t0) != 36:
        if t0 != FILLER:
            return False
    elif is_uuid(t0) is None:
        return False
    return len(extra) == 1


def _check_preference_study_enroll_failed(extra: dict[Any, Any]) -> bool:
    """preference_study.enrollFailed"""
    t0 = extra["reason"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 == "invalid-branch":
        t1 = extra["preferenceBranch"]
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 80
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 2
    else:
        return False
    return len(extra) == n


CHECKS: Final[dict[str, dict[str, Check]]] = {
    "preference_study": {
        "enroll": _check_preference_study_enroll,
        "enrollFailed": _check_preference_study_enroll_failed,
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
    t2 = extra["enrollmentId"]
    if type(t2) is not str:
        return not_text(t2)
    if len(t2) != 36:
        if t2 != FILLER:
            return False
    elif is_uuid(t2) is None:
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
        t3 = extra["preferenceBranch"]
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 80
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 3
    else:
        return False
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


GLEAN_CHECKS: Final[dict[str, dict[str, Check]]] = {
    "normandy": {
        "enroll_preference_study": _glean_preference_study_enroll,
        "enroll_failed_preference_study": _glean_preference_study_enroll_failed,
    },
}
"""The check of every event Firefox records in Glean, by Glean category, then
by Glean name."""
