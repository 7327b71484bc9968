# Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen generate`:
# a copy of codegen/runtime/validate.py, the same for every spec.
# Do not edit: change codegen/runtime/validate.py, then run `make generate`.
"""Validators for Normandy events and uptake reports, and the untyped builders.

The code is the same whatever the spec holds: at import it reads the catalogue
(``catalog.EVENTS``, ``uptake.SOURCES``) into lookup tables, and the fast path
runs each event's check from ``fast_checks``, written out for that event when
the package was generated. The keyed scalars' validators, one trio per scalar,
are in ``validate_scalars``.

Every validator comes in three forms: ``validate_*`` returns nothing or raises
:class:`~normandy_telemetry.errors.ValidationError` listing every problem;
``iter_*_errors`` yields the same problems; ``is_valid_*`` only answers, as
fast as it can, and never builds an error. No input makes them raise anything
else, or ``is_valid_*`` return anything but a bool: how inputs are read is
described in ``reading``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
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
from normandy_telemetry.fast_checks import CHECKS, Check
from normandy_telemetry.reading import (
    NotPlain,
    Unreadable,
    as_written,
    choices,
    cut_to_bytes,
    exact_text,
    integer_problem,
    is_enrollment_id,
    json_kind,
    key_path,
    over_limit,
    read_failure,
    show,
    utf8_length,
)
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


_MISSING: Final[Any] = object()
_FIELDS: Final = ("category", "method", "object", "value", "extra")
_FIELD_SET: Final = frozenset(_FIELDS)
_LEGACY_FIELDS: Final = ("timestamp",) + _FIELDS

KeyCheck = tuple[int, frozenset[str] | None, bool, bool, str]
"""One extra key's rules: (max_length, allowed values or None, is an
enrollment ID, is always sent, the key's name in the spec)."""


def key_check(key: ExtraKeyDef) -> KeyCheck:
    allowed = key.allowed_values or None
    return (
        key.max_length,
        allowed,
        key.format == "enrollment_id",
        key.required,
        key.name,
    )


def value_problem(check: KeyCheck, key: ExtraKeyDef, text: str) -> str | None:
    """What is wrong with ``text`` as the value of ``key``, if anything."""
    max_length, allowed, enrollment_id, _, _ = check
    if allowed is not None:
        if text not in allowed:
            values = choices([a.value for a in key.allowed])
            return (
                f"{show(text)} is not an allowed value; the allowed values are {values}"
            )
    elif over_limit(text, max_length):
        return f"is {utf8_length(text)} bytes in UTF-8; the limit is {max_length}"
    elif enrollment_id and not is_enrollment_id(text):
        return f"{show(text)} is neither a UUID without braces nor {ENROLLMENT_ID_FILLER!r}"
    return None


class _Rule:
    """One event's rules, read from the catalogue, and its fast check."""

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
        self.keys: dict[str, KeyCheck] = {}
        self.legacy: dict[str, str] = {}
        """Key name -> the name Firefox records it under, where they differ."""
        for key in event.extra:
            check = key_check(key)
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
        self.check: Check = CHECKS[event.object][event.method]
        """The event's fast check; every event has one (a missing one fails
        at import, so the fast path can never quietly be skipped)."""


_RULES: Final[dict[tuple[str, str], _Rule]] = {
    pair: _Rule(event) for pair, event in EVENTS.items()
}
_METHODS_OF: Final[dict[str, list[str]]] = {str.__str__(o): [] for o in OBJECTS}
for (_method, _object), _rule in _RULES.items():
    _METHODS_OF[_object].append(_method)


# -- events ---------------------------------------------------------------------


def _event_errors(event: object) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        written = as_written(event, 2)
    except Unreadable as exc:  # the input's own methods raised
        return [read_failure(exc)]
    _check_event(written, errors.append)
    return errors


def _check_event(event: Any, add: Callable[[FieldError], None]) -> None:
    kind = type(event)  # exact, as as_written read it
    fields: dict[str, Any]
    legacy = kind is list
    if kind is dict:
        fields = {name: dict.get(event, name, _MISSING) for name in _FIELDS}
        for key in dict.keys(event):
            if key not in _FIELD_SET:
                message = "unexpected key; an event has the keys category, method, object, value and extra"
                add(FieldError(key_path("", key), message))
    elif legacy:
        items = list.copy(event)
        if len(items) not in (5, 6):
            message = "a legacy event record has 5 or 6 items (timestamp, category, method, object, value and extra), not {}"
            add(FieldError("", message.format(len(items))))
        fields = dict(zip(_LEGACY_FIELDS, items))
        if "timestamp" in fields:
            problem = integer_problem(fields["timestamp"])
            if problem:
                add(FieldError("timestamp", problem))
        for name in _FIELDS:
            fields.setdefault(name, _MISSING)
    else:
        message = f"an event is an object or a legacy record (an array), not {json_kind(event)}"
        add(FieldError("", message))
        return
    texts: dict[str, str | None] = {}
    for name in ("category", "method", "object", "value"):
        item = fields[name]
        texts[name] = text = exact_text(item)
        if item is _MISSING:
            if not legacy:
                add(FieldError(name, "missing"))
        elif text is None and not (
            item is None and name == "value" and _null_value_allowed(texts)
        ):
            add(FieldError(name, f"must be a string, not {json_kind(item)}"))
    category, method, object_, value = (
        texts["category"],
        texts["method"],
        texts["object"],
        texts["value"],
    )
    if category is not None and category != CATEGORY:
        add(FieldError("category", f"must be {CATEGORY!r}, not {show(category)}"))
    if value is not None and over_limit(value, VALUE_MAX_LENGTH):
        message = (
            f"is {utf8_length(value)} bytes in UTF-8; the limit is {VALUE_MAX_LENGTH}"
        )
        add(FieldError("value", message))
    rule = None
    if object_ is not None:
        if object_ not in _METHODS_OF:
            message = f"{show(object_)} is not a Normandy object; the objects are {choices(_METHODS_OF)}"
            add(FieldError("object", message))
        elif method is not None:
            rule = _RULES.get((method, object_))
            if rule is None:
                methods = choices(_METHODS_OF[object_])
                message = f"{show(method)} is not an event of {object_}; its methods are {methods}"
                add(FieldError("method", message))
    extra = fields["extra"]
    if extra is _MISSING or extra is None:
        extra = {}
    elif type(extra) is not dict:
        message = f"must be an object that maps strings to strings, or null, not {json_kind(extra)}"
        add(FieldError("extra", message))
        return
    if rule is not None:
        _check_extra(rule, extra, add)


def _null_value_allowed(texts: dict[str, str | None]) -> bool:
    """Whether the event named by ``texts`` may have a null value (Firefox sends
    some without one)."""
    rule = _RULES.get((texts["method"], texts["object"]))  # type: ignore[arg-type]
    return rule is not None and rule.event.value_optional


def _check_extra(
    rule: _Rule, extra: dict[Any, Any], add: Callable[[FieldError], None]
) -> None:
    event = rule.event
    strings: dict[str, str] = {}
    seen: dict[str, str] = {}  # key name -> the path it was sent under
    for key, item in dict.items(extra):
        check = rule.keys.get(key)
        path = key_path("extra", key)
        if check is None:
            names = ", ".join(map(_key_names, event.extra)) or "no extra keys"
            message = f"unexpected key; {event.object}.{event.method} has {names}"
            add(FieldError(path, message))
            continue
        name = check[4]
        if name in seen:
            message = f"sent twice, also as {seen[name]}; {_key_names(event.extra_keys[name])} are one key"
            add(FieldError(path, message))
            continue
        seen[name] = path
        text = exact_text(item)
        if text is None:
            add(FieldError(path, f"must be a string, not {json_kind(item)}"))
            continue
        strings[name] = text
        problem = value_problem(check, event.extra_keys[name], text)
        if problem is not None:
            add(FieldError(path, problem))
    # A missing key is named as Firefox sends it, as a key given is named as
    # it was given: one key, one name, in every message about it.
    for name in rule.required:
        if name not in seen:
            message = f"missing; {_key_names(event.extra_keys[name])} is always sent"
            add(FieldError(f"extra.{rule.legacy.get(name, name)}", message))
    for name, _, conditions in rule.conditional:
        holds = all(strings.get(other) in values for other, _, values in conditions)
        if holds and name not in seen:
            message = f"missing; it is sent when {_condition_text(rule, name)}"
            add(FieldError(f"extra.{rule.legacy.get(name, name)}", message))
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
            parts.append(f"{other} is one of {choices(values)}")
    return " and ".join(parts)


def _texts_or_false(event: object, *fields: object) -> bool:
    """The verdict when a field is not exactly a ``str``: a subclass of ``str``
    takes the full check, anything else is simply wrong."""
    for field in fields:
        if not issubclass(type(field), str):
            return False
    return not _event_errors(event)


def _is_timestamp(item: object) -> bool:
    """Whether a timestamp that is not an ``int`` is still a non-negative JSON
    integer (a float with no fraction), without building a message."""
    if type(item) is float:
        return item >= 0 and float.is_integer(item)
    return integer_problem(item) is None  # bool, subclasses, anything else


_NO_EXTRA: Final[dict[str, str]] = {}
"""What an absent or null ``extra`` is checked as; never written to."""


def is_valid_event(event: object) -> bool:
    """Whether ``event`` (an object or a legacy record) is a Normandy event the
    spec allows. The fast path: it builds no error.

    It reads exact ``dict``, ``list`` and ``str`` objects whose keys are all
    exact ``str``; anything else (a subclass, a key of another type) takes the
    full check, which reads it as ``json.dumps`` would write it. A key's own
    ``__eq__`` or ``__hash__`` therefore never decides a lookup here.
    """
    try:
        if type(event) is dict:
            for key in event:
                if type(key) is not str:
                    return not _event_errors(event)
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
            elif not _is_timestamp(timestamp):
                return False
        else:
            return issubclass(type(event), (dict, list)) and not _event_errors(event)
        if type(value) is not str:
            if value is not None:
                return _texts_or_false(event, category, method, object_, value)
            if not (type(method) is str and type(object_) is str):
                return _texts_or_false(event, category, method, object_)
            nullable = _RULES.get((method, object_))
            if nullable is None or not nullable.event.value_optional:
                return False
            value = ""  # a null value, which this event may have
        if (
            type(category) is not str
            or type(method) is not str
            or type(object_) is not str
        ):
            return _texts_or_false(event, category, method, object_, value)
        check = CHECKS[object_][method]  # KeyError: no such Normandy event
        if category != CATEGORY or (
            len(value) > VALUE_MAX_LENGTH  # bytes of UTF-8, as over_limit, inline
            or not value.isascii()
            and len(value.encode("utf-8", "surrogatepass")) > VALUE_MAX_LENGTH
        ):
            return False
        if type(extra) is dict:
            for key in extra:
                if type(key) is not str:
                    return not _event_errors(event)
            return check(extra)
        if extra is None:
            return check(_NO_EXTRA)
        return issubclass(type(extra), dict) and not _event_errors(event)
    except KeyError:  # no such event, or a key the event needs is missing
        return False
    except NotPlain:  # a str subclass, which the full check reads for what it holds
        return not _event_errors(event)


def is_valid_decoded_record(record: Any) -> bool:
    """Whether ``record``, as ``json.loads`` gave it, is a legacy record
    ``[timestamp, category, method, object, value, extra]`` of a Normandy
    event the spec allows (a mapping is not a record). For what JSON holds,
    the verdict of :func:`is_valid_event` (a test holds them to it), sooner:
    JSON's keys are exact ``str``, so the type of every key of ``extra`` is
    not read. What did not come straight from JSON goes to
    :func:`is_valid_event`."""
    if type(record) is not list:
        return False
    size = len(record)
    if size == 6:
        timestamp, category, method, object_, value, extra = record
    elif size == 5:
        timestamp, category, method, object_, value = record
        extra = None
    else:
        return False
    if type(timestamp) is int:
        if timestamp < 0:
            return False
    elif not _is_timestamp(timestamp):
        return False
    if category != CATEGORY:
        return False
    try:
        check = CHECKS[object_][method]
    except (KeyError, TypeError):  # no Normandy event's name
        return False
    if type(value) is str:
        if (
            len(value) > VALUE_MAX_LENGTH  # bytes of UTF-8, as over_limit, inline
            or not value.isascii()
            and len(value.encode("utf-8", "surrogatepass")) > VALUE_MAX_LENGTH
        ):
            return False
    elif value is not None or not _RULES[(method, object_)].event.value_optional:
        return False
    try:
        if type(extra) is dict:
            return check(extra)
        return extra is None and check(_NO_EXTRA)
    except KeyError:  # a key that is always sent is missing
        return False
    except NotPlain:  # not what JSON gives: read it as anything else
        return is_valid_event(record)


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
    value: str | None,
    extra: Mapping[str, str | None] | None = None,
) -> Event:
    """The event ``(method, object)`` with ``value`` and the ``extra`` keys
    that are not ``None``, after the truncations the spec documents, each
    key under the name Firefox sends (``preferenceBranch`` as ``prefBranch``).

    Raises :class:`ValidationError` when the result is not an event the spec
    allows, whatever the arguments are. Strings, and ``extra``, are read as
    ``json.dumps`` would write them. The typed builders in
    :mod:`normandy_telemetry.events` call this.
    """
    try:
        method, object, value = (as_written(x, 0) for x in (method, object, value))
        extra = as_written(extra, 1)
    except Unreadable as exc:
        raise ValidationError([read_failure(exc)]) from None
    out: dict[Any, Any] = {}
    if type(extra) is dict:
        truncate: dict[str, int] = {}
        firefox: dict[str, str] = {}
        if type(method) is str and type(object) is str:
            rule = _RULES.get((method, object))
            if rule is not None:
                truncate, firefox = rule.truncate, rule.legacy
        for key, item in extra.items():
            if item is None:
                continue
            limit = truncate.get(key) if type(key) is str else None
            # Under the name Firefox sends, as the typed builders write it
            # (``preferenceBranch`` as ``prefBranch``); given under both names,
            # both stay, for the check to report the key as sent twice.
            name = firefox.get(key, key) if type(key) is str else key
            if name != key and extra.get(name) is not None:
                name = key
            out[name] = (
                cut_to_bytes(item, limit) if limit and type(item) is str else item
            )
    elif extra is not None:
        message = f"must be a mapping of extra keys to strings, or None, not {json_kind(extra)}"
        raise ValidationError([FieldError("extra", message)])
    event: Any = {
        "category": CATEGORY,
        "method": method,
        "object": object,
        "value": value,
        "extra": out,
    }
    errors = _event_errors(event)
    if errors:
        raise ValidationError(errors)
    return event  # type: ignore[no-any-return]


def build_with_keywords(
    method: str,
    object: str,
    value: str | None,
    extra: Mapping[str, str | None] | None = None,
) -> Event:
    """:func:`build_event` for the typed builders of
    :mod:`normandy_telemetry.events`: an error about an extra key also names
    the keyword argument that gives it (``extra.prefBranch: missing; ...
    (keyword argument preference_branch)``)."""
    try:
        return build_event(method, object, value, extra)
    except ValidationError as error:
        rule = _RULES.get((method, object))
        if rule is None:
            raise
        keywords: dict[str, str] = {}
        for key in rule.event.extra:
            keywords[f"extra.{key.name}"] = key.python_name
            if key.legacy_name:
                keywords[f"extra.{key.legacy_name}"] = key.python_name
        raise ValidationError(
            (
                FieldError(e.path, f"{e.message} (keyword argument {keywords[e.path]})")
                if e.path in keywords
                else e
            )
            for e in error.errors
        ) from None


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
        key, value = exact_text(source), exact_text(status)
        if key is None:
            errors.append(
                FieldError("source", f"must be a string, not {json_kind(source)}")
            )
        if value is None:
            errors.append(
                FieldError("status", f"must be a string, not {json_kind(status)}")
            )
        if key is None:
            if value is not None and value not in _UPTAKE_VALUES:
                values = choices(sorted(_UPTAKE_VALUES))
                message = f"{show(value)} is not a Normandy uptake status; the statuses are {values}"
                errors.append(FieldError("status", message))
            return errors
        for owner, fullmatch, reported in _UPTAKE:
            if fullmatch(key):
                if value is not None and value not in reported:
                    listed = choices(_source_values(owner))
                    message = f"{show(value)} is not a status of {owner.key}; its statuses are {listed}"
                    errors.append(FieldError("status", message))
                return errors
        keys = ", ".join(owner.key for owner, _, _ in _UPTAKE)
        message = f"{show(key)} is not a Normandy uptake key; the keys are {keys}"
        errors.append(FieldError("source", message))
    except Exception as exc:  # an object's own methods raised
        errors.append(read_failure(exc))
    return errors


def _match_source(key: str) -> tuple[UptakeSource, frozenset[str]] | None:
    for owner, fullmatch, values in _UPTAKE:
        if fullmatch(key):
            return owner, values
    return None


_remembered_source: Final = lru_cache(maxsize=4096)(_match_source)
"""Recipe and action keys come back in every ping: a match is looked up,
not made again."""

_REMEMBERED_LENGTH: Final = 100
"""Longer keys are matched each time, so that none is kept alive."""


def _source_of(key: str) -> tuple[UptakeSource, frozenset[str]] | None:
    if len(key) > _REMEMBERED_LENGTH:
        return _match_source(key)
    return _remembered_source(key)


def uptake_source(key: str) -> UptakeSource | None:
    """The source of Normandy's uptake telemetry whose key pattern matches
    ``key`` whole, if any; a ``str`` subclass is read for what it holds."""
    found = _source_of(str.__str__(key))
    return None if found is None else found[0]


def is_valid_uptake(source: object, status: object) -> bool:
    """Whether ``status`` is a value that the uptake key ``source`` can report."""
    if type(source) is str and type(status) is str:
        if status not in _UPTAKE_VALUES:
            return False
        found = _source_of(source)
        return found is not None and status in found[1]
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
