"""The fast paths of ``is_valid_event`` and ``is_valid_glean_event``: one check of
an event's ``extra`` per event and shape.

Generated from fixtures/stress.yaml (version 1.0.0) by `python -m codegen
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
        if (
            len(t0) > 12
            or not t0.isascii()
            and len(t0.encode("utf-8", "surrogatepass")) > 12
        ):
            return False
        if size == n:
            return True
    t1 = extra.get("note")
    if t1 is not None:
        n += 1
        if type(t1) is not str:
            return not_text(t1)
        if (
            len(t1) > 5
            or not t1.isascii()
            and len(t1.encode("utf-8", "surrogatepass")) > 5
        ):
            return False
        if size == n:
            return True
    t2 = extra.get("cut")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if (
            len(t2) > 4
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 4
        ):
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
    if (
        len(t3) > 12
        or not t3.isascii()
        and len(t3.encode("utf-8", "surrogatepass")) > 12
    ):
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
        if (
            len(t2) > 12
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 12
        ):
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


def _glean_stress_object_bare(extra: dict[Any, Any]) -> bool:
    """stress_object.bare in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 20
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 20
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


def _glean_stress_object_loose(extra: dict[Any, Any]) -> bool:
    """stress_object.loose in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 20
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 20
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
    t2 = extra.get("caller")
    if t2 is not None:
        n += 1
        if type(t2) is not str:
            return not_text(t2)
        if (
            len(t2) > 12
            or not t2.isascii()
            and len(t2.encode("utf-8", "surrogatepass")) > 12
        ):
            return False
        if size == n:
            return True
    t3 = extra.get("note")
    if t3 is not None:
        n += 1
        if type(t3) is not str:
            return not_text(t3)
        if (
            len(t3) > 5
            or not t3.isascii()
            and len(t3.encode("utf-8", "surrogatepass")) > 5
        ):
            return False
        if size == n:
            return True
    t4 = extra.get("cut")
    if t4 is not None:
        n += 1
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 4
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 4
        ):
            return False
    return size == n


def _glean_stress_object_chained(extra: dict[Any, Any]) -> bool:
    """stress_object.chained in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 20
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 20
    ):
        return False
    t2 = extra["md"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {"a", "b", 'say "hi" \\ now'}:
        return False
    t5 = extra["src"]
    if type(t5) is not str:
        return not_text(t5)
    if (
        len(t5) > 12
        or not t5.isascii()
        and len(t5.encode("utf-8", "surrogatepass")) > 12
    ):
        return False
    t6 = extra["enrollmentId"]
    if type(t6) is not str:
        return not_text(t6)
    if len(t6) != 36:
        if t6 != FILLER:
            return False
    elif is_uuid(t6) is None:
        return False
    n = 4
    t3 = None
    if t2 in {"a", "b"}:
        t3 = extra["level"]
        if type(t3) is not str:
            return not_text(t3)
        if t3 not in {"low", "high"}:
            return False
        n += 1
    if t2 == "a" and t3 == "high":
        t4 = extra["dt"]
        if type(t4) is not str:
            return not_text(t4)
        if (
            len(t4) > 12
            or not t4.isascii()
            and len(t4.encode("utf-8", "surrogatepass")) > 12
        ):
            return False
        n += 1
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


def _glean_stress_object_str(extra: dict[Any, Any]) -> bool:
    """stress_object.str in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 20
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 20
    ):
        return False
    t2 = extra["manyValues"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 not in {
        "first-allowed-value",
        "second-allowed-value",
        "third-allowed-value",
        "fourth-allowed-value",
        "fifth-allowed-value",
    }:
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


def _glean_stress_object_one_long_value(extra: dict[Any, Any]) -> bool:
    """stress_object.oneLongValue in Glean"""
    t1 = extra["value"]
    if type(t1) is not str:
        return not_text(t1)
    if (
        len(t1) > 20
        or not t1.isascii()
        and len(t1.encode("utf-8", "surrogatepass")) > 20
    ):
        return False
    t2 = extra["only"]
    if type(t2) is not str:
        return not_text(t2)
    if t2 != "a-single-allowed-value-so-long-that-its-literal-cannot-fit-on-the-line-x":
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
        "bare_stress_object": _glean_stress_object_bare,
        "loose_stress_object": _glean_stress_object_loose,
        "chained_stress_object": _glean_stress_object_chained,
        "str_stress_object": _glean_stress_object_str,
        "one_long_value_stress_object": _glean_stress_object_one_long_value,
    },
}
"""The check of every event Firefox records in Glean, by Glean category, then
by Glean name."""
