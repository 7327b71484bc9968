"""Validators for Normandy events and uptake reports, and the untyped builders.

Generated from spec/normandy.yaml by `python -m codegen generate`. Do not edit:
change the spec or a template, then run `make generate`.

The code is the same whatever the spec holds: at import it compiles the
catalogue (``catalog.EVENTS``, ``uptake.SOURCES``) into lookup tables, and on
first use writes each event's check of its extra keys as straight-line code, so
a check is a few dictionary and set lookups. The keyed scalars' validators, one
trio per scalar, are in ``validate_scalars``.

Every validator comes in three forms: ``validate_*`` returns nothing or raises
:class:`~normandy_telemetry.errors.ValidationError` listing every problem;
``iter_*_errors`` yields the same problems; ``is_valid_*`` only answers, as
fast as it can, and never builds an error. No input makes them raise anything
else, or ``is_valid_*`` return anything but a bool: mappings, lists and strings
are read through the methods of ``dict``, ``list`` and ``str`` themselves, so a
subclass that overrides them is read for what it holds.

Inputs are JSON values: objects are ``dict``, arrays are ``list`` (a tuple is
not an array), and an integer is an ``int`` that is not a ``bool`` or a
``float`` with no fractional part, as in JSON Schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, TypedDict

from normandy_telemetry.catalog import (
    CATEGORY,
    ENROLLMENT_ID_FILLER,
    EVENTS,
    OBJECTS,
    VALUE_MAX_LENGTH,
    EventDef,
    ExtraKeyDef,
)
from normandy_telemetry.errors import FieldError, ValidationError
from normandy_telemetry.uptake import SOURCES, UptakeSource


class Event(TypedDict):
    """A Normandy event as a mapping: what the builders return."""

    category: str
    method: str
    object: str
    value: str
    extra: dict[str, str]


class UptakeReport(TypedDict):
    """One uptake report, as the extras ``source`` and ``value`` of Firefox's
    uptake event carry it."""

    source: str
    value: str


_UUID_LENGTH: Final = 36
_uuid: Final = re.compile(
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
).fullmatch
_MISSING: Final[Any] = object()
_FIELDS: Final = ("category", "method", "object", "value", "extra")
_FIELD_SET: Final = frozenset(_FIELDS)
_LEGACY_FIELDS: Final = ("timestamp",) + _FIELDS
_type_name: Final = type.__dict__["__name__"].__get__

# (max_length, allowed values or None, is an enrollment ID, is required, name)
_KeyCheck = tuple[int, frozenset[str] | None, bool, bool, str]


class _Rule:
    """One event, compiled for checking."""

    __slots__ = (
        "event",
        "keys",
        "legacy",
        "aliases",
        "n_required",
        "required",
        "conditional",
        "truncate",
        "check",
    )

    def __init__(self, event: EventDef) -> None:
        self.event = event
        self.keys: dict[str, _KeyCheck] = {}
        self.legacy: dict[str, str] = {}
        """Key name -> the name Firefox records it under, where they differ."""
        for key in event.extra:
            allowed = key.allowed_values or None
            check = (
                key.max_length,
                allowed,
                key.format == "enrollment_id",
                key.required,
                key.name,
            )
            self.keys[key.name] = check
            if key.legacy_name and key.legacy_name != key.name:
                self.keys[key.legacy_name] = check
                self.legacy[key.name] = key.legacy_name
        self.aliases = tuple(self.legacy.items())
        self.required = tuple(key.name for key in event.extra if key.required)
        self.n_required = len(self.required)
        self.conditional = tuple(
            (
                key.name,
                self.legacy.get(key.name),
                tuple(
                    (name, self.legacy.get(name), frozenset(values))
                    for name, values in key.when.items()
                ),
            )
            for key in event.extra
            if key.when
        )
        self.truncate: dict[str, int] = {}
        for key in event.extra:
            if key.truncate:
                self.truncate[key.name] = key.truncate
                if key.legacy_name:
                    self.truncate[key.legacy_name] = key.truncate
        self.check: Callable[[dict[Any, Any]], bool | None] | None = None

    def compile(self) -> Callable[[dict[Any, Any]], bool | None]:
        """The fast check of this event's ``extra`` (an exact ``dict`` whose
        keys are all looked up): straight-line code, a few statements per key,
        made at first use. It runs in about half the time of a loop that looks
        each key's rules up. It returns ``None`` to ask for the full check, and
        a missing key that is always sent raises ``KeyError``.

        The code holds no text from the spec: key names, allowed values and
        limits reach it as names bound in its namespace (``K0``, ``A0``), and
        only those names and integers are written into it."""
        space: dict[str, Any] = {"_uuid": _uuid, "_other": _not_text}
        space["FILLER"] = ENROLLMENT_ID_FILLER
        lines = ["def check(extra):"]
        if self.legacy or len(self.required) < len(self.event.extra):
            lines.append("    get = extra.get")
        count = "n" if len(self.required) < len(self.event.extra) else "0"
        if count == "n":
            lines.append(f"    n = {int(self.n_required)}")
        local: dict[str, str] = {}
        for index, key in enumerate(self.event.extra):
            name = local[key.name] = f"t{index}"
            space[f"K{index}"] = key.name
            if key.name in self.legacy:
                space[f"L{index}"] = self.legacy[key.name]
                lines += [
                    f"    {name} = get(K{index})",
                    f"    if {name} is None:",
                    f"        {name} = get(L{index})",
                    f"    elif L{index} in extra:",
                    "        return False",
                ]
            elif key.required:
                lines.append(f"    {name} = extra[K{index}]")
            else:
                lines.append(f"    {name} = get(K{index})")
            pad = "    "
            if not key.required:
                lines += [f"    if {name} is not None:", "        n += 1"]
                pad = "        "
            lines += [
                f"{pad}if type({name}) is not str:",
                f"{pad}    return _other({name})",
            ]
            if key.allowed:
                space[f"A{index}"] = key.allowed_values
                test = f"{name} not in A{index}"
            elif key.format == "enrollment_id":
                test = (
                    f"len({name}) > {int(key.max_length)} or {name} != FILLER and"
                    f" (len({name}) != {_UUID_LENGTH} or _uuid({name}) is None)"
                )
            else:
                test = f"len({name}) > {int(key.max_length)}"
            lines += [f"{pad}if {test}:", f"{pad}    return False"]
        if count == "0":
            count = str(int(self.n_required))
        lines += [f"    if len(extra) != {count}:", "        return False"]
        for index, key in enumerate(self.event.extra):
            tests = []
            for number, (other, values) in enumerate(key.when.items()):
                space[f"W{index}_{number}"] = frozenset(values)
                tests.append(f"{local[other]} in W{index}_{number}")
            if tests:
                lines += [
                    f"    if (t{index} is not None) is not ({' and '.join(tests)}):",
                    "        return False",
                ]
        lines.append("    return True")
        exec(compile("\n".join(lines), "<normandy_telemetry check>", "exec"), space)
        check: Callable[[dict[Any, Any]], bool | None] = space["check"]
        self.check = check
        return check


def _not_text(item: object) -> bool | None:
    """Not exactly a ``str``: a subclass takes the full check, the rest is wrong."""
    return None if item is not None and issubclass(type(item), str) else False


_RULES: Final[dict[tuple[str, str], _Rule]] = {
    pair: _Rule(event) for pair, event in EVENTS.items()
}
_METHODS_OF: Final[dict[str, list[str]]] = {str.__str__(o): [] for o in OBJECTS}
_RULES_OF: Final[dict[str, dict[str, _Rule]]] = {o: {} for o in _METHODS_OF}
for (_method, _object), _rule in _RULES.items():
    _METHODS_OF[_object].append(_method)
    _RULES_OF[_object][_method] = _rule


# -- reading any input safely -------------------------------------------------


def _text(item: object) -> str | None:
    """``item`` as an exact ``str`` when it is a string, else ``None``."""
    if type(item) is str:
        return item
    if issubclass(type(item), str) and isinstance(item, str):
        return str.__str__(item)
    return None


def _kind(item: object) -> str:
    """What ``item`` is, in JSON's words, for a message."""
    kind = type(item)
    if item is None:
        return "null"
    for base, name in _KINDS:
        if issubclass(kind, base):
            return name
    return f"a {_type_name(kind)[:40]} (not a JSON value)"


_KINDS: Final[tuple[tuple[type, str], ...]] = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a number"),
    (str, "a string"),
    (list, "an array"),
    (dict, "an object"),
    (tuple, "a tuple (an array must be a list)"),
)


def _show(text: str) -> str:
    """A string quoted for a message, cut short when it is long."""
    if len(text) > 40:
        return f"{text[:40]!r}... ({len(text)} characters)"
    return repr(text)


def _choices(values: Iterable[str]) -> str:
    return ", ".join(repr(value) for value in values)


def _key_path(prefix: str, key: object) -> str:
    text = _text(key)
    if text is None:
        name = f"[{_kind(key)} as a key]"
    elif text.isidentifier() and len(text) <= 40:
        return f"{prefix}.{text}" if prefix else text
    else:
        name = f"[{_show(text)}]"
    return prefix + name


def _integer_problem(item: object, maximum: int | None = None) -> str | None:
    """Why ``item`` is not a non-negative JSON integer (at most ``maximum``)."""
    kind = type(item)
    if issubclass(kind, bool) or not issubclass(kind, (int, float)):
        return f"must be a non-negative integer, not {_kind(item)}"
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


def _read_failure(exc: Exception) -> FieldError:
    return FieldError(
        "", f"could not be read: {_type_name(type(exc))} while reading it"
    )


# -- events ---------------------------------------------------------------------


def _event_errors(event: object) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        _check_event(event, errors.append)
    except Exception as exc:  # an object's own methods (__eq__, __hash__) raised
        errors.append(_read_failure(exc))
    return errors


def _check_event(event: Any, add: Callable[[FieldError], None]) -> None:
    kind = type(event)
    fields: dict[str, Any]
    legacy = issubclass(kind, list)
    if issubclass(kind, dict):
        fields = {name: dict.get(event, name, _MISSING) for name in _FIELDS}
        for key in dict.keys(event):
            if key not in _FIELD_SET:
                message = "unexpected key; an event has the keys category, method, object, value and extra"
                add(FieldError(_key_path("", key), message))
    elif legacy:
        items = list.copy(event)
        if len(items) not in (5, 6):
            message = "a legacy event record has 5 or 6 items (timestamp, category, method, object, value and extra), not {}"
            add(FieldError("", message.format(len(items))))
        fields = dict(zip(_LEGACY_FIELDS, items))
        if "timestamp" in fields:
            problem = _integer_problem(fields["timestamp"])
            if problem:
                add(FieldError("timestamp", problem))
        for name in _FIELDS:
            fields.setdefault(name, _MISSING)
    else:
        message = (
            f"an event is an object or a legacy record (an array), not {_kind(event)}"
        )
        add(FieldError("", message))
        return
    texts: dict[str, str | None] = {}
    for name in ("category", "method", "object", "value"):
        item = fields[name]
        texts[name] = text = _text(item)
        if item is _MISSING:
            if not legacy:
                add(FieldError(name, "missing"))
        elif text is None:
            add(FieldError(name, f"must be a string, not {_kind(item)}"))
    category, method, object_, value = (
        texts["category"],
        texts["method"],
        texts["object"],
        texts["value"],
    )
    if category is not None and category != CATEGORY:
        add(FieldError("category", f"must be {CATEGORY!r}, not {_show(category)}"))
    if value is not None and len(value) > VALUE_MAX_LENGTH:
        message = f"is {len(value)} characters; the limit is {VALUE_MAX_LENGTH}"
        add(FieldError("value", message))
    rule = None
    if object_ is not None:
        if object_ not in _METHODS_OF:
            message = f"{_show(object_)} is not a Normandy object; the objects are {_choices(_METHODS_OF)}"
            add(FieldError("object", message))
        elif method is not None:
            rule = _RULES.get((method, object_))
            if rule is None:
                methods = _choices(_METHODS_OF[object_])
                message = f"{_show(method)} is not an event of {object_}; its methods are {methods}"
                add(FieldError("method", message))
    extra = fields["extra"]
    if extra is _MISSING or extra is None:
        extra = {}
    elif not issubclass(type(extra), dict):
        message = f"must be an object that maps strings to strings, or null, not {_kind(extra)}"
        add(FieldError("extra", message))
        return
    if rule is not None:
        _check_extra(rule, extra, add)


def _check_extra(
    rule: _Rule, extra: dict[Any, Any], add: Callable[[FieldError], None]
) -> None:
    event = rule.event
    strings: dict[str, str] = {}
    seen: dict[str, str] = {}  # key name -> the path it was sent under
    for key, item in dict.items(extra):
        check = rule.keys.get(key)
        path = _key_path("extra", key)
        if check is None:
            names = ", ".join(map(_key_names, event.extra)) or "no extra keys"
            message = f"unexpected key; {event.object}.{event.method} has {names}"
            add(FieldError(path, message))
            continue
        max_length, allowed, enrollment_id, _, name = check
        if name in seen:
            message = f"sent twice, also as {seen[name]}; {_key_names(event.extra_keys[name])} are one key"
            add(FieldError(path, message))
            continue
        seen[name] = path
        text = _text(item)
        if text is None:
            add(FieldError(path, f"must be a string, not {_kind(item)}"))
            continue
        strings[name] = text
        if allowed is not None:
            if text not in allowed:
                values = _choices([a.value for a in event.extra_keys[name].allowed])
                message = f"{_show(text)} is not an allowed value; the allowed values are {values}"
                add(FieldError(path, message))
        elif len(text) > max_length:
            message = f"is {len(text)} characters; the limit is {max_length}"
            add(FieldError(path, message))
        elif enrollment_id and not _is_enrollment_id(text):
            message = f"{_show(text)} is neither a UUID without braces nor {ENROLLMENT_ID_FILLER!r}"
            add(FieldError(path, message))
    for name in rule.required:
        if name not in seen:
            message = f"missing; {_key_names(event.extra_keys[name])} is always sent"
            add(FieldError(f"extra.{name}", message))
    for name, _, conditions in rule.conditional:
        holds = all(strings.get(other) in values for other, _, values in conditions)
        if holds and name not in seen:
            message = f"missing; it is sent when {_condition_text(rule, name)}"
            add(FieldError(f"extra.{name}", message))
        elif name in seen and not holds:
            message = f"must be absent unless {_condition_text(rule, name)}"
            add(FieldError(seen[name], message))


def _key_names(key: ExtraKeyDef) -> str:
    if key.legacy_name and key.legacy_name != key.name:
        return f"{key.name} (or {key.legacy_name}, as Firefox records it)"
    return key.name


def _condition_text(rule: _Rule, name: str) -> str:
    parts = []
    for other, values in rule.event.extra_keys[name].when.items():
        if len(values) == 1:
            parts.append(f"{other} is {values[0]!r}")
        else:
            parts.append(f"{other} is one of {_choices(values)}")
    return " and ".join(parts)


def _is_enrollment_id(text: str) -> bool:
    if text == ENROLLMENT_ID_FILLER:
        return True
    return len(text) == _UUID_LENGTH and _uuid(text) is not None


def _texts_or_false(event: object, *fields: object) -> bool:
    """The verdict when a field is not exactly a ``str``: a subclass of ``str``
    takes the full check, anything else is simply wrong."""
    if all(issubclass(type(field), str) for field in fields):
        return not _event_errors(event)
    return False


def is_valid_event(event: object) -> bool:
    """Whether ``event`` (an object or a legacy record) is a Normandy event the
    spec allows. The fast path: it builds no error."""
    try:
        if type(event) is dict:
            size = len(event)
            if size == 5:
                extra = event["extra"]
            elif size == 4:
                extra = None
            else:
                return False
            category = event["category"]
            method = event["method"]
            object_ = event["object"]
            value = event["value"]
        elif type(event) is list:
            items: list[Any] = event
            size = len(items)
            if size == 6:
                timestamp, category, method, object_, value, extra = items
            elif size == 5:
                timestamp, category, method, object_, value = items
                extra = None
            else:
                return False
            if type(timestamp) is int:
                if timestamp < 0:
                    return False
            elif _integer_problem(timestamp) is not None:
                return False
        else:
            return issubclass(type(event), (dict, list)) and not _event_errors(event)
        if not (
            type(category) is str
            and type(method) is str
            and type(object_) is str
            and type(value) is str
        ):
            return _texts_or_false(event, category, method, object_, value)
        rules = _RULES_OF.get(object_)
        if rules is None:
            return False
        rule = rules.get(method)
        if rule is None or category != CATEGORY or len(value) > VALUE_MAX_LENGTH:
            return False
        if extra is None:
            return not rule.n_required
        if type(extra) is not dict:
            return issubclass(type(extra), dict) and not _event_errors(event)
        verdict = (rule.check or rule.compile())(extra)
        if verdict is None:
            return not _event_errors(event)
        return verdict
    except KeyError:  # a key the event needs is missing, or it has one it must not
        return False
    except Exception:  # an object's own __eq__ or __hash__ raised
        return not _event_errors(event)


def iter_event_errors(event: object) -> Iterator[FieldError]:
    """Every problem with ``event``, in a stable order; nothing when it is valid."""
    return iter(_event_errors(event))


def validate_event(event: object) -> None:
    """Raise :class:`ValidationError` listing every problem with ``event``.

    ``event`` is either a mapping ``{"category", "method", "object", "value",
    "extra"}`` or Firefox's legacy record ``[timestamp, category, method,
    object, value, extra]``. ``extra`` may be absent or null when the event has
    no key that is always sent.
    """
    errors = _event_errors(event)
    if errors:
        raise ValidationError(errors)


def build_event(
    method: str,
    object: str,
    value: str,
    extra: Mapping[str, str | None] | None = None,
) -> Event:
    """The event ``(method, object)`` with ``value`` and the ``extra`` keys
    that are not ``None``, after the truncations the spec documents.

    Raises :class:`ValidationError` when the result is not an event the spec
    allows. The typed builders in :mod:`normandy_telemetry.events` call this.
    """
    method_text, object_text = _text(method), _text(object)
    rule = _RULES.get((method_text, object_text))  # type: ignore[arg-type]
    truncate = rule.truncate if rule is not None else {}
    out: dict[str, Any] = {}
    for key, item in (extra or {}).items():
        if item is None:
            continue
        text = _text(item)
        if text is None:
            out[key] = item
            continue
        limit = truncate.get(key)
        out[key] = text[:limit] if limit else text
    text = _text(value)
    event: Any = {
        "category": CATEGORY,
        "method": method if method_text is None else method_text,
        "object": object if object_text is None else object_text,
        "value": value if text is None else text,
        "extra": out,
    }
    errors = _event_errors(event)
    if errors:
        raise ValidationError(errors)
    return event  # type: ignore[no-any-return]


# -- uptake ---------------------------------------------------------------------


def _source_values(source: UptakeSource) -> list[str]:
    values = [status.value for status in source.statuses]
    return list(dict.fromkeys(values + list(source.firefox_values)))


_UPTAKE: Final = tuple(
    (source, source.key_pattern.fullmatch, source.values) for source in SOURCES.values()
)
_UPTAKE_VALUES: Final = frozenset().union(
    *(source.values for source in SOURCES.values())
)


def _uptake_errors(source: object, status: object) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        key, value = _text(source), _text(status)
        if key is None:
            errors.append(
                FieldError("source", f"must be a string, not {_kind(source)}")
            )
        if value is None:
            errors.append(
                FieldError("status", f"must be a string, not {_kind(status)}")
            )
        if key is None:
            if value is not None and value not in _UPTAKE_VALUES:
                values = _choices(sorted(_UPTAKE_VALUES))
                message = f"{_show(value)} is not a Normandy uptake status; the statuses are {values}"
                errors.append(FieldError("status", message))
            return errors
        for owner, fullmatch, reported in _UPTAKE:
            if fullmatch(key):
                if value is not None and value not in reported:
                    choices = _choices(_source_values(owner))
                    message = f"{_show(value)} is not a status of {owner.key}; its statuses are {choices}"
                    errors.append(FieldError("status", message))
                return errors
        keys = ", ".join(owner.key for owner, _, _ in _UPTAKE)
        message = f"{_show(key)} is not a Normandy uptake key; the keys are {keys}"
        errors.append(FieldError("source", message))
    except Exception as exc:  # an object's own methods raised
        errors.append(_read_failure(exc))
    return errors


def is_valid_uptake(source: object, status: object) -> bool:
    """Whether ``status`` is a value that the uptake key ``source`` can report."""
    if type(source) is str and type(status) is str:
        if status not in _UPTAKE_VALUES:
            return False
        for _, fullmatch, values in _UPTAKE:
            if fullmatch(source):
                return status in values
        return False
    return not _uptake_errors(source, status)


def iter_uptake_errors(source: object, status: object) -> Iterator[FieldError]:
    """Every problem with the uptake report ``(source, status)``."""
    return iter(_uptake_errors(source, status))


def validate_uptake(source: object, status: object) -> None:
    """Raise :class:`ValidationError` unless ``source`` is a Normandy uptake
    key (``normandy/runner``, ``normandy/action/<action name>``, ...) and
    ``status`` a telemetry value that it can report."""
    errors = _uptake_errors(source, status)
    if errors:
        raise ValidationError(errors)


def uptake_report(source: str, status: str) -> UptakeReport:
    """The uptake report of ``status`` under the key ``source``.

    ``status`` may be a telemetry value or a member of a status enum, such as
    ``RecipeStatus.RECIPE_SUCCESS``. Raises :class:`ValidationError` when the
    source cannot report that status.
    """
    validate_uptake(source, status)
    return {"source": str.__str__(source), "value": str.__str__(status)}


# -- scalars --------------------------------------------------------------------

UINT_MAX: Final = 4294967295
"""The largest value of a Telemetry ``uint`` scalar, which is 32 bits."""


def _keyed_uint_errors(
    key_pattern: Callable[[str], object],
    key_text: str,
    key: object,
    value: object,
) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        text = _text(key)
        if text is None:
            errors.append(FieldError("key", f"must be a string, not {_kind(key)}"))
        elif not key_pattern(text):
            errors.append(FieldError("key", f"{_show(text)} is not {key_text}"))
        problem = _integer_problem(value, UINT_MAX)
        if problem:
            errors.append(FieldError("value", problem))
    except Exception as exc:  # an object's own methods raised
        errors.append(_read_failure(exc))
    return errors
