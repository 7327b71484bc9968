"""Each ``@overload`` of a builder says exactly what the validator requires.

Where a key is sent only with some values of another key, the builder has one
overload per case. For every overload of every builder: a call with what it
requires (every value its ``Literal`` names) builds a valid event; leaving out
a key it requires, or giving one it types as ``None``, raises
``ValidationError``. So the signatures mypy checks a client against (proven
with the real mypy in ``tests/integration/test_builders_typing.py``) agree
with the run-time rules, case by case.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Literal

import normandy_telemetry as nt
import pytest
from normandy_telemetry import events as builders

UUID = "5912ade2-8201-4774-a09d-807731afb9a8"


def overloaded() -> Iterator[tuple[str, str, Callable[..., Any]]]:
    for event in nt.EVENTS.values():
        module = getattr(builders, event.object)
        function = getattr(module, _builder_name(event.method, module))
        for variant in typing.get_overloads(function):
            yield event.object, event.method, variant


def _builder_name(method: str, module: types.ModuleType) -> str:
    snake = "".join("_" + c.lower() if c.isupper() else c for c in method)
    return snake if hasattr(module, snake) else snake + "_"


CASES = list(overloaded())


def test_the_spec_has_overloaded_builders() -> None:
    assert {(obj, method) for obj, method, _ in CASES} >= {
        ("preference_study", "enrollFailed"),
        ("preference_rollout", "enrollFailed"),
        ("nimbus_experiment", "unenroll"),
        ("nimbus_experiment", "validationFailed"),
    }


def _parameters(variant: Callable[..., Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(variant)
    hints.pop("return")
    return hints


def _choices(hint: Any) -> tuple[Any, ...] | None:
    """The values a Literal (or Literal | None) annotation names; None for ``str``."""
    if typing.get_origin(hint) is Literal:
        return typing.get_args(hint)
    if isinstance(hint, types.UnionType):
        literal = [a for a in typing.get_args(hint) if typing.get_origin(a) is Literal]
        return typing.get_args(literal[0]) if literal else None
    return None


def _required(variant: Callable[..., Any]) -> set[str]:
    signature = inspect.signature(variant)
    return {
        name
        for name, parameter in signature.parameters.items()
        if parameter.default is inspect.Parameter.empty
    }


def _calls(
    obj: str, method: str, variant: Callable[..., Any]
) -> Iterator[dict[str, Any]]:
    """Arguments for every value each Literal parameter names (the others fixed)."""
    event = nt.get_event(method, obj)
    assert event is not None
    formats = {key.python_name: key.format for key in event.extra}
    hints = _parameters(variant)
    base: dict[str, Any] = {}
    for name in _required(variant):
        choices = _choices(hints[name])
        if choices:
            base[name] = choices[0]
        else:
            base[name] = UUID if formats.get(name) == "enrollment_id" else "x"
    yield base
    for name in _required(variant):
        for value in _choices(hints[name]) or ():
            yield {**base, name: value}


@pytest.mark.parametrize(("obj", "method", "variant"), CASES)
def test_what_an_overload_requires_is_what_the_validator_requires(
    obj: str, method: str, variant: Callable[..., Any]
) -> None:
    function = getattr(getattr(builders, obj), variant.__name__)
    hints = _parameters(variant)
    required = _required(variant)
    forbidden = {name for name, hint in hints.items() if hint is type(None)}
    # Keys this case must send that the implementation lets a caller leave out.
    conditional = required - _required(function)
    assert conditional or forbidden, "an overload that narrows nothing"
    for call in _calls(obj, method, variant):
        assert nt.is_valid_event(function(**call)), call
        for name in sorted(conditional):
            if _choices(hints[name]) is None:
                partial = {k: v for k, v in call.items() if k != name}
                with pytest.raises(nt.ValidationError):
                    function(**partial)
        for name in sorted(forbidden):  # a key this case must not send
            with pytest.raises(nt.ValidationError):
                function(**call, **{name: "x"})
