"""Typed builders for the stress_object events.

Generated from fixtures/stress.yaml (version 1.0.0) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

Typed builders for the stress_object events: Stress object.

Each function takes the event's value and extra keys as keyword arguments,
applies the truncations the spec documents, and returns the event as a mapping,
or raises ValidationError for a value the spec does not allow.

Stress object: Events with every presence rule, alias and limit the format
allows.
"""

from __future__ import annotations

from typing import Literal, overload

from normandy_telemetry.validate import Event
from normandy_telemetry.validate import build_with_keywords as _build

StrManyValues = Literal[
    "first-allowed-value",
    "second-allowed-value",
    "third-allowed-value",
    "fourth-allowed-value",
    "fifth-allowed-value",
]
OneLongValueOnly = Literal[
    "a-single-allowed-value-so-long-that-its-literal-cannot-fit-on-the-line-x"
]


def bare(
    *,
    value: str,
) -> Event:
    """Build stress_object.bare: Bare.

    An event with no extra keys at all.

    Args:
        value: Anything short.
            At most 20 bytes of UTF-8.

    Returns:
        The event stress_object.bare as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "bare",
        "stress_object",
        value,
        {},
    )


def loose(
    *,
    value: str,
    caller: str | None = None,
    note: str | None = None,
    cut: str | None = None,
) -> Event:
    """Build stress_object.loose: Loose.

    An event whose keys may all be absent.

    Args:
        value: Anything short.
            At most 20 bytes of UTF-8.
        caller: Who asked, on Nightly only.
            Sent only on the nightly channel. Leave it None when it is not
            sent. At most 12 bytes of UTF-8.
        note: A short note that may be left out.
            May be absent. Leave it None when it is not sent. At most 5 bytes
            of UTF-8.
        cut: A long text that the sender cuts to four characters.
            May be absent. Leave it None when it is not sent. Longer values are
            cut to 4 bytes of UTF-8.

    Returns:
        The event stress_object.loose as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "loose",
        "stress_object",
        value,
        {
            "caller": caller,
            "note": note,
            "cut": cut,
        },
    )


@overload
def chained(
    *,
    value: str,
    mode: Literal["a", "b"],
    level: Literal["low"],
    detail: None = None,
    source_name: str,
    enrollment_id: str,
) -> Event: ...


@overload
def chained(
    *,
    value: str,
    mode: Literal["a"],
    level: Literal["high"],
    detail: str,
    source_name: str,
    enrollment_id: str,
) -> Event: ...


@overload
def chained(
    *,
    value: str,
    mode: Literal["b"],
    level: Literal["high"],
    detail: None = None,
    source_name: str,
    enrollment_id: str,
) -> Event: ...


@overload
def chained(
    *,
    value: str,
    mode: Literal['say "hi" \\ now'],
    level: None = None,
    detail: None = None,
    source_name: str,
    enrollment_id: str,
) -> Event: ...


def chained(
    *,
    value: str,
    mode: Literal["a", "b", 'say "hi" \\ now'],
    level: Literal["low", "high"] | None = None,
    detail: str | None = None,
    source_name: str,
    enrollment_id: str,
) -> Event:
    """Build stress_object.chained: Chained.

    Conditions on conditions, and keys Firefox records under other names.

    Args:
        value: Anything short.
            At most 20 bytes of UTF-8.
        mode: The mode, which decides the other keys.
            One of:

            - ``"a"``: The first mode.
            - ``"b"``: The second mode.
            - ``'say "hi" \\\\ now'``: A mode with quotes and a backslash in
              its name.

        level: The level, sent in modes a and b.
            Sent only when mode is "a" or "b"; absent otherwise. Leave it None
            when it is not sent.
            One of:

            - ``"low"``: A low level.
            - ``"high"``: A high level.

        detail: Sent when the mode is a and the level high.
            Sent only when mode is "a", and level is "high"; absent otherwise.
            Leave it None when it is not sent. At most 12 bytes of UTF-8.
        source_name: Always sent, under either of two names.
            At most 12 bytes of UTF-8.
        enrollment_id: The ID of the enrollment.
            A UUID without braces, or the enrollment-ID filler.

    Returns:
        The event stress_object.chained as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "chained",
        "stress_object",
        value,
        {
            "md": mode,
            "level": level,
            "dt": detail,
            "src": source_name,
            "enrollmentId": enrollment_id,
        },
    )


def str_(
    *,
    value: str,
    many_values: StrManyValues,
) -> Event:
    """Build stress_object.str: Builtin name.

    A method whose Python name is a builtin's.

    Args:
        value: Anything short.
            At most 20 bytes of UTF-8.
        many_values: A key with more allowed values than fit on a line.
            One of:

            - ``"first-allowed-value"``: The first.
            - ``"second-allowed-value"``: The second.
            - ``"third-allowed-value"``: The third.
            - ``"fourth-allowed-value"``: The fourth.
            - ``"fifth-allowed-value"``: The fifth.

    Returns:
        The event stress_object.str as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "str",
        "stress_object",
        value,
        {
            "manyValues": many_values,
        },
    )


def one_long_value(
    *,
    value: str,
    only: OneLongValueOnly,
) -> Event:
    """Build stress_object.oneLongValue: One long value.

    A key with a single allowed value too long for one line.

    Args:
        value: Anything short.
            At most 20 bytes of UTF-8.
        only: Its one allowed value.
            One of:

            -
              ``"a-single-allowed-value-so-long-that-its-literal-cannot-fit-on-the-line-x"``:
              The only one.

    Returns:
        The event stress_object.oneLongValue as a mapping.

    Raises:
        ValidationError: a value the spec does not allow.
    """
    return _build(
        "oneLongValue",
        "stress_object",
        value,
        {
            "only": only,
        },
    )
