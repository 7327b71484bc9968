"""The fast path of ``is_valid_event`` is the generated ``fast_checks`` module,
it is taken, and it agrees with the full check.

``is_valid_event`` answers from each event's generated check and falls back
to the full check (``iter_event_errors``) only for a value that is a ``str``
subclass, a mapping that is not exactly a ``dict``, or a key whose own methods
raise. These tests fail if the fast path stops being taken, gives another
verdict than the full check, or hides a fault of its own behind the slow path.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import normandy_telemetry as nt
import pytest
from hypothesis import given
from normandy_telemetry import fast_checks, validate
from normandy_telemetry.catalog import EVENTS
from strategies import SETTINGS, Case, any_events, valid_events


def _plain(event: Any) -> bool:
    """Every string in the event exactly a ``str``, every mapping exactly a ``dict``."""
    if type(event) is dict:
        return all(type(k) is str and _plain(v) for k, v in event.items())
    if type(event) is list:
        return all(_plain(item) for item in event)
    return event is None or type(event) in (str, int, float, bool)


def _extra(event: Any) -> Any:
    if type(event) is dict:
        return event.get("extra")
    return event[5] if type(event) is list and len(event) == 6 else None


def test_every_event_has_a_generated_check_and_nothing_else_does() -> None:
    pairs = {
        (method, obj)
        for obj, methods in fast_checks.CHECKS.items()
        for method in methods
    }
    assert pairs == set(EVENTS)
    for (method, obj), rule in validate._RULES.items():
        assert rule.check is fast_checks.CHECKS[obj][method]
        assert rule.check.__module__ == "normandy_telemetry.fast_checks"
        assert rule.check.__doc__ == f"{obj}.{method}"


@SETTINGS
@given(any_events())
def test_each_check_gives_the_full_checks_verdict(case: Case) -> None:
    """The generated check itself, not ``is_valid_event`` around it."""
    event = case.event
    extra = _extra(event)
    if not _plain(event) or type(extra) is not dict:
        return
    if type(event) is dict:
        method, obj = event.get("method"), event.get("object")
    else:
        method, obj = event[2], event[3]
    check = (
        fast_checks.CHECKS.get(obj, {}).get(method)
        if type(obj) is str and type(method) is str
        else None
    )
    if check is None:
        return
    full = [
        e
        for e in nt.iter_event_errors({**_fields(event), "extra": extra})
        if e.path == "extra" or e.path.startswith(("extra.", "extra["))
    ]
    try:
        verdict = check(extra)
    except KeyError:
        verdict = False  # plain strings never raise NotPlain: that would fail here
    assert verdict is (not full), (case, full)


def _fields(event: Any) -> dict[str, Any]:
    if type(event) is dict:
        return {k: v for k, v in event.items() if k != "extra"}
    names = ("timestamp", "category", "method", "object", "value")
    return {k: v for k, v in zip(names, event, strict=False) if k != "timestamp"}


def _no_full_check(event: object) -> list[nt.FieldError]:
    raise AssertionError(f"the fast path fell back to the full check for {event!r}")


@SETTINGS
@given(any_events())
def test_plain_events_never_take_the_slow_path(case: Case) -> None:
    """With the full check made to fail loudly, every plain event still gets its
    verdict: a fast path that silently fell back would fail here."""
    if not _plain(case.event):
        return
    expected = not list(nt.iter_event_errors(case.event))
    with mock.patch.object(validate, "_event_errors", _no_full_check):
        assert nt.is_valid_event(case.event) is expected


@SETTINGS
@given(valid_events())
def test_a_str_subclass_takes_the_full_check(case: Case) -> None:
    class Text(str):
        pass

    event = case.event
    extra = _extra(event)
    if not extra:
        return
    key = next(iter(extra))
    changed = {**extra, key: Text(extra[key])}
    if type(event) is dict:
        altered: Any = {**event, "extra": changed}
    else:
        altered = [*event[:5], changed]
    assert nt.is_valid_event(altered) is True


def test_a_fault_in_a_check_is_raised_not_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    event = nt.events.preference_study.enroll(
        value="study",
        branch="control",
        experiment_type="exp",
        enrollment_id="5912ade2-8201-4774-a09d-807731afb9a8",
    )

    def broken(extra: dict[Any, Any]) -> bool:
        raise ZeroDivisionError("a bug in a generated check")

    with monkeypatch.context() as patch:
        patch.setitem(fast_checks.CHECKS["preference_study"], "enroll", broken)
        with pytest.raises(ZeroDivisionError):
            nt.is_valid_event(event)

    class Touchy:
        """A key whose own comparison raises: the input's fault, not the package's."""

        def __hash__(self) -> int:
            return hash("branch")  # what the check looks up first

        def __eq__(self, other: object) -> bool:
            raise RuntimeError("compared")

    extra = {key: value for key, value in event["extra"].items() if key != "branch"}
    hostile = {**event, "extra": {Touchy(): "control", **extra}}
    assert nt.is_valid_event(hostile) is False
    # Read as json.dumps would write it: a key that is not a string, and no branch.
    assert [e.path for e in nt.iter_event_errors(hostile)] == [
        "extra[a Touchy (not a JSON value) as a key]",
        "extra.branch",
    ]
