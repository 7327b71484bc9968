"""The fast path of ``is_valid_event``, written out per event at generation time.

Each event gets a function that checks an exact ``dict`` of extra keys in
straight-line code, a few statements per key: about twice as fast as a loop
that looks each key's rules up. The functions are ordinary source in the
generated ``normandy_telemetry/fast_checks.py``: visible in golden diffs,
type-checked with the package, covered by the tests, and shown in tracebacks.
Spec text reaches them only as literals made by ``layout.py_string``.

A check returns ``True`` or ``False``. A missing key that is always sent raises
``KeyError``, which ``is_valid_event`` reads as ``False``; a value that is a
``str`` subclass raises ``NotPlain``, which sends the event to the full check.

Each event recorded in Glean gets a second check, of the ``extra`` of its
Glean event object (``is_valid_glean_event``): the keys under Firefox's names
only, the event's value as the key ``value``, and the key the Glean SDK adds,
``glean_timestamp``: the same check, written the same way, of the event as
its Glean ``extra`` holds it (:func:`_glean_view`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from codegen.formatting import fits
from codegen.model import Condition, Event, ExtraKey, Spec, snake_case
from codegen.targets.python.layout import py_string

UUID_LENGTH = 36
GLEAN_VALUE_KEY = "value"
"""The Glean extra key that carries the legacy event's value."""
GLEAN_TIMESTAMP_KEY = "glean_timestamp"
"""The extra key the Glean SDK adds to every event: milliseconds since the
epoch, as decimal text."""
GLEAN_TIMESTAMP_DIGITS = 20
"""At most this many digits (a 64-bit count of milliseconds)."""


@dataclass(frozen=True)
class CheckFunction:
    name: str
    event: Event
    body: tuple[str, ...]
    """Every line of the function after its ``def`` line, indented."""


@dataclass(frozen=True)
class ObjectTable:
    object: str
    """The object's name as a string literal."""
    entries: tuple[str, ...]
    """Whole lines of the table, indented, each with its trailing comma."""


def _function_name(event: Event, index: int, prefix: str = "_check") -> str:
    name = f"{prefix}_{event.object}_{snake_case(event.method)}"
    return (
        name
        if fits(f"def {name}(extra: dict[Any, Any]) -> bool:")
        else f"{prefix}_{index}"
    )


def _set_test(local: str, values: list[str], pad: str, op: str = "not in") -> list[str]:
    """``if <local> <op> {values}:`` as black lays it out (one value: ``!=``/``==``)."""
    literals = [py_string(v) for v in values]
    if len(literals) == 1:
        return [f"{pad}if {local} {'!=' if op == 'not in' else '=='} {literals[0]}:"]
    line = f"{pad}if {local} {op} {{{', '.join(literals)}}}:"
    if fits(line):
        return [line]
    return [
        f"{pad}if {local} {op} {{",
        *(f"{pad}    {v}," for v in literals),
        f"{pad}}}:",
    ]


def _value_test(key: ExtraKey, local: str, pad: str, filler_length: int) -> list[str]:
    """``if <the value is wrong>: return False``, as black lays it out."""
    if key.allowed:
        return [
            *_set_test(local, [a.value for a in key.allowed], pad),
            f"{pad}    return False",
        ]
    if key.format == GLEAN_TIMESTAMP_KEY:
        return [
            f"{pad}if len({local}) > {key.max_length} or not ({local}.isascii() and {local}.isdigit()):",
            f"{pad}    return False",
        ]
    if key.format == "enrollment_id":
        lines = []
        if key.max_length < max(UUID_LENGTH, filler_length):
            lines += [
                f"{pad}if len({local}) > {key.max_length}:",
                f"{pad}    return False",
            ]
        return lines + [
            f"{pad}if len({local}) != {UUID_LENGTH}:",
            f"{pad}    if {local} != FILLER:",
            f"{pad}        return False",
            f"{pad}elif is_uuid({local}) is None:",
            f"{pad}    return False",
        ]
    # Bytes of UTF-8, as Firefox counts: ``len`` is the count for ASCII, and
    # never more than it otherwise. Inline, as black lays it out: a call to a
    # helper per key cost the fast path a tenth of its speed.
    limit = key.max_length
    return [
        f"{pad}if (",
        f"{pad}    len({local}) > {limit}",
        f"{pad}    or not {local}.isascii()",
        f'{pad}    and len({local}.encode("utf-8", "surrogatepass")) > {limit}',
        f"{pad}):",
        f"{pad}    return False",
    ]


def _condition(key: ExtraKey, local: dict[str, str]) -> list[str]:
    """The tests of ``key``'s condition on the locals holding the keys it names."""
    tests = []
    for condition in key.when:
        name = local[condition.key]
        if len(condition.values) == 1:
            tests.append(f"{name} == {py_string(condition.values[0])}")
        else:
            values = ", ".join(py_string(v) for v in condition.values)
            tests.append(f"{name} in {{{values}}}")
    return tests


def _if(tests: list[str], pad: str, negate: str = "") -> list[str]:
    """``if <tests joined by and>:`` as black lays it out."""
    line = f"{pad}if {negate}{' and '.join(tests)}:"
    if fits(line) and not negate:
        return [line]
    if negate:
        line = f"{pad}if {negate}({' and '.join(tests)}):"
        if fits(line):
            return [line]
        return [f"{pad}if {negate}(", *_joined(tests, pad + "    "), f"{pad}):"]
    return [f"{pad}if (", *_joined(tests, pad + "    "), f"{pad}):"]


def _other_name(key: ExtraKey) -> str | None:
    return key.legacy_name if key.legacy_name and key.legacy_name != key.name else None


def _lookup(key: ExtraKey, name: str, pad: str, strict: bool) -> list[str]:
    """Read the key, under either of its names; ``strict``: it must be there
    (a missing one raises KeyError, which the caller reads as False)."""
    literal = py_string(key.name)
    other = _other_name(key)
    if other is None:
        return [
            (
                f"{pad}{name} = extra[{literal}]"
                if strict
                else f"{pad}{name} = extra.get({literal})"
            )
        ]
    fallback = (
        f"extra[{py_string(other)}]" if strict else f"extra.get({py_string(other)})"
    )
    return [
        f"{pad}{name} = extra.get({literal})",
        f"{pad}if {name} is None:",
        f"{pad}    {name} = {fallback}",
    ]


class _Writer:
    """The lines of one check, with the facts every part of it needs."""

    def __init__(self, keys: Sequence[ExtraKey], filler_length: int) -> None:
        self.filler_length = filler_length
        self.local = {key.name: f"t{index}" for index, key in enumerate(keys)}

    def read(self, key: ExtraKey, pad: str, strict: bool = True) -> list[str]:
        name = self.local[key.name]
        checked = [
            f"{pad}if type({name}) is not str:",
            f"{pad}    return not_text({name})",
        ]
        return (
            _lookup(key, name, pad, strict)
            + checked
            + _value_test(key, name, pad, self.filler_length)
        )


def _driver(
    decided: list[ExtraKey],
) -> tuple[ExtraKey, list[tuple[list[str], list[ExtraKey]]], list[str]] | None:
    """When every conditional key of the first phase depends on one closed key
    that is always sent, each of that key's values says exactly which keys come
    with it: the check branches once on it (values grouped by the keys they
    bring, in spec order), and the branches replace the test of its value."""
    conditional = [k for k in decided if not k.required]
    drivers = {c.key for k in conditional for c in k.when}
    if (
        not conditional
        or len(drivers) != 1
        or any(len(k.when) != 1 for k in conditional)
    ):
        return None
    driver = next(k for k in decided if k.name in drivers)
    if not driver.required or not driver.allowed:
        return None
    groups: dict[tuple[str, ...], list[str]] = {}
    for allowed in driver.allowed:
        brought = tuple(
            k.name for k in conditional if allowed.value in k.when[0].values
        )
        groups.setdefault(brought, []).append(allowed.value)
    plain = groups.pop((), [])
    by_name = {k.name: k for k in conditional}
    return (
        driver,
        [(values, [by_name[n] for n in names]) for names, values in groups.items()],
        plain,
    )


def _body(title: str, keys: Sequence[ExtraKey], filler_length: int) -> tuple[str, ...]:
    """The check, in two phases. First the keys whose presence the record itself
    decides: those always sent, then those whose condition names only such keys.
    If the record has exactly those keys, it is valid. Only a record with more
    keys reads the optional ones, and is valid if they account for every key.
    Every key read is counted once, so a key sent under both its names, or any
    key the event does not have, leaves the count short."""
    writer = _Writer(keys, filler_length)
    local = writer.local
    decided: list[ExtraKey] = []
    known: set[str] = set()
    for key in keys:
        if key.required or (key.when and all(c.key in known for c in key.when)):
            decided.append(key)
            known.add(key.name)
    later = [k for k in keys if k.name not in known]
    conditional_later = [k for k in later if k.when]
    named_by_condition = {c.key for k in keys for c in k.when}
    required = [k for k in decided if k.required]
    conditional = [k for k in decided if not k.required]
    lines = [f'    """{title}"""']
    driver = _driver(decided)
    for key in required:
        if driver is not None and key is driver[0]:
            name = local[key.name]
            lines += _lookup(key, name, "    ", strict=True)
            lines += [
                f"    if type({name}) is not str:",
                f"    return not_text({name})".replace(
                    "    return", "        return", 1
                ),
            ]
        else:
            lines += writer.read(key, "    ")
    count = str(len(required))
    if driver is not None:
        key, groups, plain = driver
        name = local[key.name]
        count = "n"
        for index, (values, brought) in enumerate(groups):
            test = _set_test(name, values, "    ", op="in")
            if index:
                test[0] = test[0].replace("    if ", "    elif ", 1)
            lines += test
            for other in brought:
                lines += writer.read(other, "        ")
            lines.append(f"        n = {len(required) + len(brought)}")
        if plain:
            test = _set_test(name, plain, "    ")
            test[0] = test[0].replace(
                "    if ", "    elif " if groups else "    if ", 1
            )
            lines += [
                *test,
                "        return False",
                "    else:",
                f"        n = {len(required)}",
            ]
        else:
            lines += ["    else:", "        return False"]
    elif conditional:
        count = "n"
        lines.append(f"    n = {len(required)}")
        for key in conditional:
            name = local[key.name]
            if key.name in named_by_condition or key in conditional_later:
                lines.append(f"    {name} = None")
            lines += _if(_condition(key, local), "    ")
            lines += writer.read(key, "        ")
            lines.append("        n += 1")
    if not later:
        lines.append(f"    return len(extra) == {count}")
        return tuple(lines)
    lines += [
        "    size = len(extra)",
        f"    if size == {count}:",
        "        return True",
    ]
    if len(later) == 1 and not conditional_later and _other_name(later[0]) is None:
        # one key may be there or not: the size says which, no lookup is wasted
        more = "n + 1" if count == "n" else str(int(count) + 1)
        lines += [f"    if size != {more}:", "        return False"]
        lines += writer.read(later[0], "    ")
        lines.append("    return True")
        return tuple(lines)
    if count != "n":
        lines.append(f"    n = {count}")
    for index, key in enumerate(later, 1):
        name = local[key.name]
        lines += _lookup(key, name, "    ", strict=False)
        read = writer.read(key, "        ")
        lines += [
            f"    if {name} is not None:",
            "        n += 1",
            *read[len(_lookup(key, name, "        ", False)) :],
        ]
        if index < len(later) and not conditional_later:
            # every key accounted for: the rest are absent, none is looked up
            lines += ["        if size == n:", "            return True"]
    for key in conditional_later:
        name = local[key.name]
        lines += _if(
            _condition(key, local), "    ", negate=f"({name} is not None) is not "
        )
        lines.append("        return False")
    lines.append("    return size == n")
    return tuple(lines)


def _joined(tests: list[str], pad: str = "        ") -> list[str]:
    """Conditions joined by ``and`` inside brackets, as black splits a long line:
    on one line when they fit, else one per line."""
    one_line = f"{pad}{' and '.join(tests)}"
    if len(tests) == 1 or fits(one_line):
        return [one_line]
    return [f"{pad}{tests[0]}", *(f"{pad}and {test}" for test in tests[1:])]


def _glean_keys(spec: Spec, event: Event) -> list[ExtraKey]:
    """The keys of the event's Glean ``extra``, for :func:`_body` to check: the
    SDK's ``glean_timestamp``, which may be absent but seldom is (first of the
    optional keys, so that an event with no other is done after it), the value
    as the key ``value`` (absent where Firefox may send none), and every key
    under the name Firefox sends and no other (its conditions too). Only what
    :func:`_body` reads is set."""
    firefox = {key.name: key.legacy_key for key in event.extra}

    def key(name: str, like: ExtraKey | None = None, **fields: Any) -> ExtraKey:
        return ExtraKey(
            name=name,
            description="",
            allowed=like.allowed if like else (),
            examples=(),
            when=(
                tuple(Condition(firefox[c.key], c.values) for c in like.when)
                if like
                else ()
            ),
            channels=like.channels if like else (),
            optional=fields.get("optional", like.optional if like else False),
            format=fields.get("format", like.format if like else None),
            max_length=fields.get("max_length", like.max_length if like else 0),
            truncate=None,
            correction=None,
        )

    return [
        key(
            GLEAN_TIMESTAMP_KEY,
            optional=True,
            max_length=GLEAN_TIMESTAMP_DIGITS,
            format=GLEAN_TIMESTAMP_KEY,
        ),
        key(
            GLEAN_VALUE_KEY,
            optional=event.value_optional,
            max_length=spec.events.value_max_length,
        ),
        *(key(k.legacy_key, k) for k in event.extra),
    ]


def _glean_body(spec: Spec, event: Event) -> tuple[str, ...]:
    """The check of the event's Glean ``extra``."""
    title = f"{event.object}.{event.method} in Glean"
    return _body(title, _glean_keys(spec, event), len(spec.enrollment_id.filler))


def context(spec: Spec) -> dict[str, Any]:
    functions: list[CheckFunction] = []
    tables: list[ObjectTable] = []
    for obj in spec.events.objects:
        entries = []
        for event in obj.events:
            function = CheckFunction(
                _function_name(event, len(functions)),
                event,
                _body(
                    f"{event.object}.{event.method}",
                    event.extra,
                    len(spec.enrollment_id.filler),
                ),
            )
            functions.append(function)
            entries.append(f"    {py_string(event.method)}: {function.name},")
        tables.append(ObjectTable(py_string(obj.name), tuple(entries)))
    glean_functions: list[CheckFunction] = []
    glean_entries: list[str] = []
    for event in spec.events.all:
        if not event.in_glean:
            continue
        index = len(functions) + len(glean_functions)
        function = CheckFunction(
            _function_name(event, index, "_glean"), event, _glean_body(spec, event)
        )
        glean_functions.append(function)
        glean_entries.append(f"    {py_string(event.glean_name)}: {function.name},")
    return {
        "functions": functions,
        "tables": tables,
        "glean_functions": glean_functions,
        "glean_table": ObjectTable(
            py_string(spec.events.category), tuple(glean_entries)
        ),
        "filler": py_string(spec.enrollment_id.filler),
    }
