"""The fast path of ``is_valid_event``: one check of an event's ``extra`` per
event.

Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Each function checks an exact ``dict`` of extra keys in straight-line code, a
few statements per key, and returns ``True`` or ``False``. A missing key that
is always sent raises ``KeyError``, which ``is_valid_event`` reads as
``False``; a value that is a ``str`` subclass raises ``NotPlain``, which sends
the event to the full check. ``validate.iter_event_errors`` is the full check,
and the tests prove that the two agree on every event.
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
        if len(t1) > 80:
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
