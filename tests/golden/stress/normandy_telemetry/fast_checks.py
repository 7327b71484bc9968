"""The fast path of ``is_valid_event``: one check of an event's ``extra`` per
event.

Generated from fixtures/stress.yaml (version 1.0.0) by `python -m codegen
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


def _check_stress_object_bare(extra: dict[Any, Any]) -> bool:
    """stress_object.bare"""
    return len(extra) == 0


def _check_stress_object_loose(extra: dict[Any, Any]) -> bool:
    """stress_object.loose"""
    size = len(extra)
    if size == 0:
        return True
    n = 0
    t0 = extra.get("caller")
    if t0 is not None:
        n += 1
        if type(t0) is not str:
            return not_text(t0)
        if len(t0) > 12:
            return False
    t1 = extra.get("note")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if len(t1) > 5:
            return False
    t2 = extra.get("cut")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 4:
            return False
    return size == n


def _check_stress_object_chained(extra: dict[Any, Any]) -> bool:
    """stress_object.chained"""
    t0 = extra.get("mode")
    if t0 is None:
        t0 = extra["md"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {"a", "b", 'say "hi" \\ now'}:
        return False
    t3 = extra.get("sourceName")
    if t3 is None:
        t3 = extra["src"]
    if type(t3) is not str:
        return not_text(t3)
    if len(t3) > 12:
        return False
    t4 = extra["enrollmentId"]
    if type(t4) is not str:
        return not_text(t4)
    if len(t4) != 36:
        if t4 != FILLER:
            return False
    elif is_uuid(t4) is None:
        return False
    n = 3
    t1 = None
    if t0 in {"a", "b"}:
        t1 = extra["level"]
        if type(t1) is not str:
            return not_text(t1)
        if t1 not in {"low", "high"}:
            return False
        n += 1
    if t0 == "a" and t1 == "high":
        t2 = extra.get("detail")
        if t2 is None:
            t2 = extra["dt"]
        if type(t2) is not str:
            return not_text(t2)
        if len(t2) > 12:
            return False
        n += 1
    return len(extra) == n


def _check_stress_object_str(extra: dict[Any, Any]) -> bool:
    """stress_object.str"""
    t0 = extra["manyValues"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 not in {
        "first-allowed-value",
        "second-allowed-value",
        "third-allowed-value",
        "fourth-allowed-value",
        "fifth-allowed-value",
    }:
        return False
    return len(extra) == 1


def _check_stress_object_one_long_value(extra: dict[Any, Any]) -> bool:
    """stress_object.oneLongValue"""
    t0 = extra["only"]
    if type(t0) is not str:
        return not_text(t0)
    if t0 != "a-single-allowed-value-so-long-that-its-literal-cannot-fit-on-the-line-x":
        return False
    return len(extra) == 1


CHECKS: Final[dict[str, dict[str, Check]]] = {
    "stress_object": {
        "bare": _check_stress_object_bare,
        "loose": _check_stress_object_loose,
        "chained": _check_stress_object_chained,
        "str": _check_stress_object_str,
        "oneLongValue": _check_stress_object_one_long_value,
    },
}
"""Every event's check, by object, then by method."""
