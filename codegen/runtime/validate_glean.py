"""Validators for Normandy's events as Glean records them, and for the uptake
event in both of Firefox's shapes.

Firefox records Normandy's events through Glean: each is an event object in a
Glean events ping, ``{"category", "name", "timestamp", "extra"}``, named
``<method>_<object>`` in snake_case (``enroll_failed_preference_study``) in
the category ``normandy``. ``extra`` holds the legacy event's value as the key
``value`` and its extra keys under the names Firefox records them with
(``prefBranch``, never the data-collection document's ``preferenceBranch``),
all strings; the Glean SDK adds ``glean_timestamp``, the time of recording in
milliseconds since the epoch, as decimal text. An event that Firefox sends
without a value in some cases (``EventDef.value_optional``) may lack
``value``. The spec's rules are those of the legacy event
(:func:`~normandy_telemetry.validate.iter_event_errors`), limits included.

Uptake reports are the Glean event ``uptake.remotecontent.result.uptake_normandy``
(:data:`~normandy_telemetry.uptake.UPTAKE_EVENT`), whose extra keys ``source``
and ``value`` are the report, and which Firefox mirrors to legacy Telemetry as
the record ``[timestamp, "uptake.remotecontent.result", "uptake", "normandy",
STATUS, {"source", ...}]``. Its other extra keys (``trigger``, ``age``, ...)
are strings that may be absent.

As in ``validate``: ``validate_*`` raises :class:`ValidationError` listing
every problem, ``iter_*_errors`` yields them in a stable order,
``is_valid_*`` only answers, as fast as it can, with the same verdict; no
input makes them raise anything else, and inputs are read as described in
``reading``.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterator
from typing import Any, Final

from normandy_telemetry.catalog import (
    CATEGORY,
    EVENTS,
    GLEAN_EVENTS,
    VALUE_MAX_LENGTH,
    EventDef,
    ExtraKeyDef,
)
from normandy_telemetry.errors import FieldError, ValidationError
from normandy_telemetry.fast_checks import GLEAN_CHECKS, Check
from normandy_telemetry.reading import (
    NotPlain,
    Unreadable,
    as_written,
    choices,
    exact_text,
    integer_problem,
    json_kind,
    key_path,
    not_text,
    over_limit,
    read_failure,
    show,
    utf8_length,
)
from normandy_telemetry.uptake import UPTAKE_EVENT
from normandy_telemetry.validate import (
    KeyCheck,
    is_valid_uptake,
    iter_uptake_errors,
    key_check,
    value_problem,
)

VALUE_KEY: Final = "value"
"""The Glean extra key that carries the legacy event's value."""

TIMESTAMP_KEY: Final = "glean_timestamp"
"""The extra key the Glean SDK adds to every event it records."""

TIMESTAMP_DIGITS: Final = 20
"""A ``glean_timestamp`` has at most this many digits (a 64-bit count)."""

SDK_KEYS: Final = (TIMESTAMP_KEY,)
"""Extra keys the Glean SDK adds to events (glean-core, Glean.js): accepted on
every event, and checked."""

_FIELDS: Final = ("category", "name", "timestamp", "extra")
_FIELD_SET: Final = frozenset(_FIELDS)
_MISSING: Final[Any] = object()


class _GleanRule:
    """One Normandy event's rules in Glean, keyed by the names Firefox sends."""

    __slots__ = ("event", "keys", "required", "conditional", "names", "check")

    def __init__(self, event: EventDef) -> None:
        self.event = event
        self.keys: dict[str, tuple[KeyCheck, ExtraKeyDef]] = {
            key.firefox_name: (key_check(key), key) for key in event.extra
        }
        self.required = tuple(key.firefox_name for key in event.extra if key.required)
        firefox = {key.name: key.firefox_name for key in event.extra}
        self.conditional = tuple(
            (
                key.firefox_name,
                tuple(
                    (firefox[name], frozenset(values))
                    for name, values in key.when.items()
                ),
            )
            for key in event.extra
            if key.when
        )
        self.names = ", ".join([VALUE_KEY, *(key.firefox_name for key in event.extra)])
        self.check: Check = GLEAN_CHECKS[event.glean_category][event.glean_name]
        """The event's generated fast check; every Glean event has one."""


_RULES: Final[dict[str, dict[str, _GleanRule]]] = {}
for (_category, _name), _event in GLEAN_EVENTS.items():
    _RULES.setdefault(_category, {})[_name] = _GleanRule(_event)

_LEGACY_ONLY: Final[dict[str, EventDef]] = {
    event.glean_name: event
    for event in EVENTS.values()
    if "glean" not in event.recorded_in
}
"""Events Firefox records in legacy Telemetry only, by the Glean name they
would have."""

_CATEGORIES: Final = tuple(
    dict.fromkeys(
        [CATEGORY, *_RULES, *((UPTAKE_EVENT.category,) if UPTAKE_EVENT else ())]
    )
)


def _timestamp_problem(item: object) -> str | None:
    text = exact_text(item)
    if text is None:
        return f"must be a string, not {json_kind(item)}"
    if not (text.isascii() and text.isdigit()) or len(text) > TIMESTAMP_DIGITS:
        return f"{show(text)} is not a time in milliseconds: at most {TIMESTAMP_DIGITS} digits 0-9"
    return None


# -- Glean event objects ----------------------------------------------------------


def _glean_errors(event: object) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        written = as_written(event, 2)
    except Unreadable as exc:
        return [read_failure(exc)]
    _check_glean(written, errors.append)
    return errors


def _check_glean(event: Any, add: Callable[[FieldError], None]) -> None:
    if type(event) is not dict:
        add(FieldError("", f"a Glean event is an object, not {json_kind(event)}"))
        return
    for key in event:
        if key not in _FIELD_SET:
            message = "unexpected key; a Glean event has the keys category, name, timestamp and extra"
            add(FieldError(key_path("", key), message))
    texts: dict[str, str | None] = {}
    for field in ("category", "name"):
        item = event.get(field, _MISSING)
        texts[field] = exact_text(item)
        if item is _MISSING:
            add(FieldError(field, "missing"))
        elif texts[field] is None:
            add(FieldError(field, f"must be a string, not {json_kind(item)}"))
    timestamp = event.get("timestamp", _MISSING)
    if timestamp is _MISSING:
        add(FieldError("timestamp", "missing"))
    else:
        problem = integer_problem(timestamp)
        if problem:
            add(FieldError("timestamp", problem))
    category, name = texts["category"], texts["name"]
    extra = event.get("extra", _MISSING)
    uptake = (
        UPTAKE_EVENT is not None
        and category == UPTAKE_EVENT.category
        and name == UPTAKE_EVENT.glean_name
    )
    rule = None
    if category is not None and not uptake:
        rule = _rule_for(category, name, add)
    if extra is _MISSING:
        extra = {}
    elif type(extra) is not dict:
        message = (
            f"must be an object that maps strings to strings, not {json_kind(extra)}"
        )
        add(FieldError("extra", message))
        return
    if uptake:
        _check_uptake_extra(extra, add, glean=True)
    elif rule is not None:
        _check_glean_extra(rule, extra, add)


def _rule_for(
    category: str, name: str | None, add: Callable[[FieldError], None]
) -> _GleanRule | None:
    """The Normandy event ``category.name`` names, or ``None`` after saying why
    it names none (it is not the uptake event, which the caller has handled)."""
    rules = _RULES.get(category)
    if rules is None:
        if UPTAKE_EVENT is not None and category == UPTAKE_EVENT.category:
            if name is not None:
                message = f"{show(name)} is not Normandy's uptake event {UPTAKE_EVENT.glean_name!r}"
                add(FieldError("name", message))
            return None
        if category != CATEGORY:
            categories = choices(_CATEGORIES)
            message = f"{show(category)} is not a category of Normandy's Glean events; they are {categories}"
            add(FieldError("category", message))
            return None
    if name is None:
        return None
    rule = (rules or {}).get(name)
    if rule is None:
        legacy = _LEGACY_ONLY.get(name)
        if legacy is not None:
            message = f"Firefox records {legacy.object}.{legacy.method} in legacy Telemetry only, not in Glean"
        else:
            close = _closest(name, tuple(rules or ()))
            hint = (
                f"; did you mean {close!r}?"
                if close
                else "; each is named <method>_<object> in snake_case, such as"
                " 'enroll_preference_study'"
            )
            message = f"{show(name)} is not a Normandy event in Glean{hint}"
        add(FieldError("name", message))
    return rule


@functools.lru_cache(maxsize=1024)
def _closest(name: str, names: tuple[str, ...]) -> str | None:
    """The event name ``name`` was probably meant to be, if one is close.
    Names longer than any metric's are not compared (a 10 MB name would take
    minutes); a stream of the same misspelling is compared once."""
    if len(name) > 100:
        return None
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.85)
    return close[0] if close else None


def _check_glean_extra(
    rule: _GleanRule, extra: dict[Any, Any], add: Callable[[FieldError], None]
) -> None:
    event = rule.event
    strings: dict[str, str] = {}
    seen: set[str] = set()
    for key, item in extra.items():
        path = key_path("extra", key)
        if type(key) is not str:
            message = f"unexpected key; {event.object}.{event.method} has {rule.names} (and the Glean SDK's {TIMESTAMP_KEY})"
            add(FieldError(path, message))
            continue
        if key == TIMESTAMP_KEY:
            problem = _timestamp_problem(item)
            if problem:
                add(FieldError(path, problem))
            continue
        text = exact_text(item)
        if key == VALUE_KEY:
            if text is None:
                add(FieldError(path, f"must be a string, not {json_kind(item)}"))
            elif over_limit(text, VALUE_MAX_LENGTH):
                message = f"is {utf8_length(text)} bytes in UTF-8; the limit is {VALUE_MAX_LENGTH}"
                add(FieldError(path, message))
            continue
        found = rule.keys.get(key)
        if found is None:
            spec_key = event.extra_keys.get(key)
            if spec_key is not None:
                message = f"unexpected key; in Glean, Firefox sends {key} as {spec_key.firefox_name}"
            else:
                message = f"unexpected key; {event.object}.{event.method} has {rule.names} (and the Glean SDK's {TIMESTAMP_KEY})"
            add(FieldError(path, message))
            continue
        seen.add(key)
        check, spec_key = found
        if text is None:
            add(FieldError(path, f"must be a string, not {json_kind(item)}"))
            continue
        strings[key] = text
        problem = value_problem(check, spec_key, text)
        if problem is not None:
            add(FieldError(path, problem))
    if VALUE_KEY not in extra and not event.value_optional:
        message = "missing; Firefox sends the event's value as the extra key 'value'"
        add(FieldError(f"extra.{VALUE_KEY}", message))
    for name in rule.required:
        if name not in seen:
            add(FieldError(f"extra.{name}", f"missing; {name} is always sent"))
    for name, conditions in rule.conditional:
        holds = all(strings.get(other) in values for other, values in conditions)
        if holds and name not in seen:
            message = f"missing; it is sent when {_condition_text(conditions)}"
            add(FieldError(f"extra.{name}", message))
        elif name in seen and not holds:
            message = f"must be absent unless {_condition_text(conditions)}"
            add(FieldError(f"extra.{name}", message))


def _condition_text(conditions: tuple[tuple[str, frozenset[str]], ...]) -> str:
    parts = []
    for other, values in conditions:
        if len(values) == 1:
            parts.append(f"{other} is {next(iter(values))!r}")
        else:
            parts.append(f"{other} is one of {choices(sorted(values))}")
    return " and ".join(parts)


def _texts_or_false(event: object, *fields: object) -> bool:
    if all(issubclass(type(field), str) for field in fields):
        return not _glean_errors(event)
    return False


_CHECKS: Final[dict[str, dict[str, Check]]] = GLEAN_CHECKS
_BARE: Final = frozenset(
    (category, name)
    for category, rules in _RULES.items()
    for name, rule in rules.items()
    if rule.event.value_optional and not rule.required
)
"""Events valid without ``extra``: nothing in it is always sent."""
_UPTAKE_CATEGORY: Final = UPTAKE_EVENT.category if UPTAKE_EVENT else None
_UPTAKE_NAME: Final = UPTAKE_EVENT.glean_name if UPTAKE_EVENT else None


def is_valid_glean_event(event: object) -> bool:
    """Whether ``event``, one event object of a Glean events ping, is a
    Normandy event (or Normandy's uptake event) the spec allows. The fast
    path: it builds no error, and reads exact types only, as
    :func:`~normandy_telemetry.validate.is_valid_event` does."""
    if type(event) is not dict:
        return issubclass(type(event), dict) and not _glean_errors(event)
    for key in event:
        if type(key) is not str:
            return not _glean_errors(event)
    try:
        size = len(event)
        if size == 4:
            extra = event["extra"]
        elif size == 3:
            extra = _MISSING
        else:
            return False
        category = event["category"]
        name = event["name"]
        timestamp = event["timestamp"]
    except KeyError:  # a key the event needs is missing
        return False
    if type(timestamp) is int:
        if timestamp < 0:
            return False
    elif integer_problem(timestamp) is not None:
        return False
    if type(category) is not str or type(name) is not str:
        return _texts_or_false(event, category, name)
    try:
        check: Check | None = _CHECKS[category][name]
    except KeyError:  # not a Normandy event: Normandy's uptake event, or nothing
        check = None
    if type(extra) is not dict:
        if extra is _MISSING:
            return (category, name) in _BARE
        return issubclass(type(extra), dict) and not _glean_errors(event)
    for key in extra:
        if type(key) is not str:
            return not _glean_errors(event)
    try:
        if check is not None:
            return check(extra)
        if name == _UPTAKE_NAME and category == _UPTAKE_CATEGORY:
            return _uptake_extra_verdict(extra)
        return False
    except KeyError:  # a key that is always sent is missing
        return False
    except NotPlain:  # a str subclass, which the full check reads for what it holds
        return not _glean_errors(event)


def is_valid_decoded_glean_event(event: Any) -> bool:
    """Whether ``event``, as ``json.loads`` gave it, is a Normandy event the
    spec allows; Normandy's uptake event is not one here (it is a report:
    :func:`is_valid_glean_event` reads it). For what JSON holds, the verdict
    of :func:`is_valid_glean_event` (a test holds them to it), sooner: JSON
    gives exact ``dict`` and ``str`` objects and keys that are exact ``str``,
    so the type of every key is not read. What did not come straight from
    JSON goes to :func:`is_valid_glean_event`."""
    if type(event) is not dict:
        return False
    try:
        size = len(event)
        if size == 4:
            extra = event["extra"]
        elif size == 3:
            extra = _MISSING
        else:
            return False
        category = event["category"]
        name = event["name"]
        check = _CHECKS[category][name]
        timestamp = event["timestamp"]
    except (KeyError, TypeError):  # a key missing, or no Normandy event's name
        return False
    if type(timestamp) is int:
        if timestamp < 0:
            return False
    elif integer_problem(timestamp) is not None:
        return False
    if type(extra) is not dict:
        return extra is _MISSING and (category, name) in _BARE
    try:
        return check(extra)
    except KeyError:  # a key that is always sent is missing
        return False
    except NotPlain:  # not what JSON gives: read it as anything else
        return is_valid_glean_event(event)


def iter_glean_event_errors(event: object) -> Iterator[FieldError]:
    """Every problem with ``event``, one event object of a Glean events ping,
    in a stable order; nothing when it is valid. Paths are the event's:
    ``name``, ``extra.value``, ``extra.prefBranch``."""
    return iter(_glean_errors(event))


def validate_glean_event(event: object) -> None:
    """Raise :class:`ValidationError` listing every problem with ``event``,
    one event object of a Glean events ping exactly as the ping holds it:
    ``{"category", "name", "timestamp", "extra"}``, ``extra`` absent only
    when nothing in it is always sent."""
    errors = _glean_errors(event)
    if errors:
        raise ValidationError(errors)


# -- the uptake event, in both shapes -------------------------------------------------


def _uptake_extra_verdict(extra: dict[Any, Any]) -> bool:
    """The fast check of the uptake event's Glean ``extra`` (exact dict)."""
    assert UPTAKE_EVENT is not None
    optional = UPTAKE_EVENT.extra_keys
    for key, item in extra.items():
        if type(item) is not str:
            return not_text(item)
        if key == "source" or key == VALUE_KEY or key in optional:
            continue
        if key != TIMESTAMP_KEY or _timestamp_problem(item) is not None:
            return False
    source = extra["source"]
    return is_valid_uptake(source, extra[VALUE_KEY])


def _check_uptake_extra(
    extra: dict[Any, Any],
    add: Callable[[FieldError], None],
    glean: bool,
    status: object = _MISSING,
) -> None:
    """The uptake event's extra keys. In Glean the status is ``extra.value``;
    in a legacy record it is the record's value, ``status``."""
    assert UPTAKE_EVENT is not None
    optional = UPTAKE_EVENT.extra_keys
    names = ", ".join(["source", *((VALUE_KEY,) if glean else ()), *optional])
    if glean:
        names += f" (and the Glean SDK's {TIMESTAMP_KEY})"
    for key, item in extra.items():
        path = key_path("extra", key)
        if key == "source" or (glean and key == VALUE_KEY):
            continue
        if glean and key == TIMESTAMP_KEY:
            problem = _timestamp_problem(item)
            if problem:
                add(FieldError(path, problem))
        elif type(key) is str and key in optional:
            if exact_text(item) is None:
                add(FieldError(path, f"must be a string, not {json_kind(item)}"))
        else:
            message = f"unexpected key; the uptake event has {names}"
            add(FieldError(path, message))
    value_path = f"extra.{VALUE_KEY}" if glean else VALUE_KEY
    source = extra.get("source", _MISSING)
    if glean:
        status = extra.get(VALUE_KEY, _MISSING)
    if source is _MISSING:
        add(FieldError("extra.source", "missing; every uptake report names its source"))
    if status is _MISSING:
        add(FieldError(value_path, "missing; every uptake report has a status"))
    for error in iter_uptake_errors(
        None if source is _MISSING else source,
        None if status is _MISSING else status,
    ):
        if error.path == "source":
            if source is not _MISSING:
                add(FieldError("extra.source", error.message))
        elif error.path == "status":
            if status is not _MISSING:
                add(FieldError(value_path, error.message))
        else:
            add(error)


def uptake_record_errors(record: object) -> list[FieldError]:
    """Every problem with ``record``, Normandy's uptake event as legacy
    Telemetry records it: ``[timestamp, category, method, object, STATUS,
    {"source": KEY, ...}]``. For the pipeline, which meets both shapes."""
    errors: list[FieldError] = []
    if UPTAKE_EVENT is None:
        return [FieldError("", "the spec names no uptake event (uptake.glean)")]
    try:
        record = as_written(record, 2)
    except Unreadable as exc:
        return [read_failure(exc)]
    add = errors.append
    if type(record) is not list or len(record) not in (5, 6):
        message = (
            "an uptake record is [timestamp, category, method, object, status, extra]"
        )
        return [FieldError("", message)]
    problem = integer_problem(record[0])
    if problem:
        add(FieldError("timestamp", problem))
    expected = (UPTAKE_EVENT.category, UPTAKE_EVENT.method, UPTAKE_EVENT.object)
    for name, item, wanted in zip(
        ("category", "method", "object"), record[1:4], expected
    ):
        if item != wanted:
            shown = show(item) if type(item) is str else json_kind(item)
            add(FieldError(name, f"must be {wanted!r}, not {shown}"))
    extra = record[5] if len(record) == 6 else {}
    if type(extra) is not dict:
        message = (
            f"must be an object that maps strings to strings, not {json_kind(extra)}"
        )
        add(FieldError("extra", message))
        extra = {}
    _check_uptake_extra(extra, add, glean=False, status=record[4])
    return errors


def is_valid_uptake_record(record: object) -> bool:
    """Whether ``record`` is Normandy's uptake event as legacy Telemetry
    records it, valid: :func:`uptake_record_errors` has nothing to say. The
    fast path, for exact lists, dicts and strings; anything else takes the
    full check."""
    if UPTAKE_EVENT is None:
        return False
    if type(record) is not list or len(record) != 6:
        return not uptake_record_errors(record)
    timestamp, category, method, object_, status, extra = record
    if type(timestamp) is int:
        if timestamp < 0:
            return False
    elif integer_problem(timestamp) is not None:
        return False
    if type(extra) is not dict or type(status) is not str:
        return not uptake_record_errors(record)
    if (
        category != UPTAKE_EVENT.category
        or method != UPTAKE_EVENT.method
        or object_ != UPTAKE_EVENT.object
    ):
        return False
    optional = UPTAKE_EVENT.extra_keys
    for key, item in extra.items():
        if type(key) is not str or type(item) is not str:
            return not uptake_record_errors(record)
        if key != "source" and key not in optional:
            return False
    source = extra.get("source")
    return source is not None and is_valid_uptake(source, status)


def uptake_report_of(event: Any) -> tuple[Any, Any]:
    """``(source, status)`` of a valid uptake event in either shape."""
    if type(event) is list:
        return event[5]["source"], event[4]
    return event["extra"]["source"], event["extra"][VALUE_KEY]
