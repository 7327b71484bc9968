# Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen generate`:
# a copy of codegen/runtime/reading.py, the same for every spec.
# Do not edit: change codegen/runtime/reading.py, then run `make generate`.
"""Reading any input safely: what the validators know of a value they are given.

Inputs are JSON values: objects are ``dict``, arrays are ``list`` (a tuple is
not an array), and an integer is an ``int`` that is not a ``bool``, or a
``float`` with no fractional part, as in JSON Schema. Exact ``dict``,
``list`` and ``str`` objects are read through the methods of those types
themselves, so nothing of the input's own runs. A subclass is read for what
``json.dumps`` would write of it, since that is what reaches a file, a
queue or a server: a ``str`` subclass for the text it holds (whatever its
``__eq__``, ``__hash__`` or ``__str__`` say), a ``list`` subclass through its
iterator and a non-empty ``dict`` subclass through its ``items()``, as
``json.dumps`` reads them. :func:`as_written` makes that reading once, into
exact values, before anything is checked; what raises or makes no sense while
it reads is :class:`Unreadable`.

These helpers are the package's internals, shared by ``validate``,
``validate_glean``, ``fast_checks`` and ``validate_scalars``; their names may
change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Final

from normandy_telemetry.catalog import ENROLLMENT_ID_FILLER, ENROLLMENT_ID_PATTERN
from normandy_telemetry.errors import FieldError

UUID_LENGTH: Final = 36
is_uuid: Final = re.compile(
    ENROLLMENT_ID_PATTERN.removeprefix("^").removesuffix("$")
).fullmatch
"""Whether a string is a UUID as an enrollment ID carries it (a match or None)."""

type_name: Final = type.__dict__["__name__"].__get__
"""A type's own name, whatever its metaclass says."""


class NotPlain(Exception):
    """Raised by a fast check that met a ``str`` subclass: the full check,
    which reads it for what it holds, must decide."""


def not_text(item: object) -> bool:
    """The fast checks' verdict on a value that is not exactly a ``str``: wrong,
    unless it is a subclass, which the full check must read (:class:`NotPlain`)."""
    if issubclass(type(item), str):
        raise NotPlain
    return False


def utf8_length(text: str) -> int:
    """How many bytes ``text`` is in UTF-8, which is what Firefox's limits
    count (``kMaxValueByteLength`` and ``kMaxExtraValueByteLength`` in
    ``TelemetryEvent.cpp``: 80 bytes). A lone surrogate counts the three
    bytes of the U+FFFD that Firefox's UTF-16 to UTF-8 conversion puts in
    its place."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def over_limit(text: str, limit: int) -> bool:
    """Whether ``text`` is longer than ``limit`` bytes of UTF-8; the fast
    checks' test (characters never outnumber bytes, and ASCII is one each)."""
    return len(text) > limit or (
        not text.isascii() and len(text.encode("utf-8", "surrogatepass")) > limit
    )


def cut_to_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8 at a character's
    start, as Firefox cuts a value (``TruncateToByteLength``, which rewinds
    to the start of the character the limit falls in)."""
    if len(text) <= limit and text.isascii():
        return text
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= limit:
        return text
    end = limit
    while end > 0 and data[end] & 0xC0 == 0x80:  # inside a character
        end -= 1
    return data[:end].decode("utf-8", "surrogatepass")


def is_enrollment_id(text: str) -> bool:
    if text == ENROLLMENT_ID_FILLER:
        return True
    return len(text) == UUID_LENGTH and is_uuid(text) is not None


def exact_text(item: object) -> str | None:
    """``item`` as an exact ``str`` when it is a string, else ``None``."""
    if type(item) is str:
        return item
    if issubclass(type(item), str) and isinstance(item, str):
        return str.__str__(item)
    return None


def json_kind(item: object) -> str:
    """What ``item`` is, in JSON's words, for a message."""
    kind = type(item)
    if item is None:
        return "null"
    for base, name in KINDS:
        if issubclass(kind, base):
            return name
    return f"a {type_name(kind)[:40]} (not a JSON value)"


KINDS: Final[tuple[tuple[type, str], ...]] = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a number"),
    (str, "a string"),
    (list, "an array"),
    (dict, "an object"),
    (tuple, "a tuple (an array must be a list)"),
)


def show(text: str) -> str:
    """A string quoted for a message, cut short when it is long."""
    if len(text) > 40:
        return f"{text[:40]!r}... ({len(text)} characters)"
    return repr(text)


def choices(values: Iterable[str]) -> str:
    return ", ".join(repr(value) for value in values)


def key_path(prefix: str, key: object) -> str:
    if type(key) is NotText:
        return f"{prefix}[{key.kind} as a key]"
    text = exact_text(key)
    if text is None:
        name = f"[{json_kind(key)} as a key]"
    elif text.isidentifier() and len(text) <= 40:
        return f"{prefix}.{text}" if prefix else text
    else:
        name = f"[{show(text)}]"
    return prefix + name


def integer_problem(item: object, maximum: int | None = None) -> str | None:
    """Why ``item`` is not a non-negative JSON integer (at most ``maximum``)."""
    kind = type(item)
    if issubclass(kind, bool) or not issubclass(kind, (int, float)):
        return f"must be a non-negative integer, not {json_kind(item)}"
    if issubclass(kind, float):
        if not float.is_integer(item):  # type: ignore[arg-type]
            return "must be a non-negative integer, not a fraction"
        number = int(float.__float__(item))  # type: ignore[arg-type]
    else:
        number = int.__index__(item)  # type: ignore[arg-type]
    if number < 0:
        return "must be a non-negative integer, not a negative one"
    if maximum is not None and number > maximum:
        return f"is too large; the limit is {maximum}"
    return None


def read_failure(exc: Exception) -> FieldError:
    if type(exc) is Unreadable:
        return FieldError("", f"could not be read: {exc.args[0]}")
    return FieldError("", f"could not be read: {type_name(type(exc))} while reading it")


# -- reading what json.dumps would write ----------------------------------------


class Unreadable(Exception):
    """The input cannot be read as ``json.dumps`` would write it: its own
    methods raised, or they describe something JSON cannot hold."""


class NotText:
    """A mapping key that is not a string, standing in for it in a mapping
    read by :func:`as_written`: compared and hashed by identity, so a key
    with methods of its own can never pass for one of the names looked up."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind
        """What the key was, in JSON's words (``an integer``)."""


def as_written(item: object, depth: int) -> Any:
    """``item`` as exact JSON values, read ``depth`` levels of containers deep.

    Exact ``dict`` and ``list`` objects are copied through their types' own
    methods. A subclass is read as ``json.dumps`` (its default C encoder)
    reads it: a ``str``, ``int`` or ``float`` subclass for the value it holds;
    a ``list`` subclass through its iterator; a non-empty ``dict`` subclass
    through ``items()``, whose items must be pairs. Mapping keys that are
    strings become exact ``str`` (two keys written as one text cannot be
    read); other keys become :class:`NotText`. Values below ``depth``, tuples
    and objects from outside JSON are left as they are, to be reported by
    their type. Raises :class:`Unreadable` when the input's own methods raise.
    """
    kind = type(item)
    if kind is str or kind is int or kind is float or kind is bool or item is None:
        return item
    value: Any = item
    try:
        if kind is not dict and kind is not list:
            if issubclass(kind, str):
                return str.__str__(value)
            if issubclass(kind, int):
                return int.__index__(value)
            if issubclass(kind, float):
                return float.__float__(value)
            if depth <= 0 or not issubclass(kind, (dict, list)):
                return item
            if issubclass(kind, list):
                return [as_written(part, depth - 1) for part in list(value)]
            if not dict.__len__(value):
                return {}  # json.dumps writes {} without asking for items()
            return _mapping(_pairs(value.items()), depth)
        if depth <= 0:
            return item
        if kind is list:
            return [
                part if type(part) is str else as_written(part, depth - 1)
                for part in list.copy(value)
            ]
        return _mapping(dict.items(value), depth)
    except Unreadable:
        raise
    except Exception as exc:  # the input's own methods raised
        raise Unreadable(f"{type_name(type(exc))} while reading it") from None


def _pairs(items: Iterable[Any]) -> list[tuple[Any, Any]]:
    pairs = []
    for pair in list(items):
        if not issubclass(type(pair), tuple) or tuple.__len__(pair) != 2:
            raise Unreadable("its items() gives something other than pairs")
        pairs.append((tuple.__getitem__(pair, 0), tuple.__getitem__(pair, 1)))
    return pairs


def _mapping(pairs: Iterable[tuple[Any, Any]], depth: int) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key, value in pairs:
        if type(key) is not str and type(key) is not NotText:
            if issubclass(type(key), str):
                key = str.__str__(key)
            else:
                key = NotText(json_kind(key))
        if key in out:
            raise Unreadable(f"two of its keys are written as {show(key)}")
        out[key] = value if type(value) is str else as_written(value, depth - 1)
    return out


UINT_MAX: Final = 4294967295
"""The largest value of a Telemetry ``uint`` scalar, which is 32 bits."""


def keyed_uint_errors(
    key_pattern: Callable[[str], object],
    key_text: str,
    key: object,
    value: object,
) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        text = exact_text(key)
        if text is None:
            errors.append(FieldError("key", f"must be a string, not {json_kind(key)}"))
        elif not key_pattern(text):
            errors.append(FieldError("key", f"{show(text)} is not {key_text}"))
        problem = integer_problem(value, UINT_MAX)
        if problem:
            errors.append(FieldError("value", problem))
    except Exception as exc:  # an object's own methods raised
        errors.append(read_failure(exc))
    return errors
