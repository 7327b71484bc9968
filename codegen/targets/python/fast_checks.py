"""The fast path of ``is_valid_event``, written out per event at generation time.

Each event gets a function that checks an exact ``dict`` of extra keys in
straight-line code, a few statements per key: about twice as fast as a loop
that looks each key's rules up. The functions are ordinary source in the
generated ``normandy_telemetry/fast_checks.py``: visible in golden diffs,
type-checked with the package, covered by the tests, and shown in tracebacks.
Spec text reaches them only as literals made by ``layout.py_string``.

A check returns ``True`` or ``False``, or ``None`` to ask for the full check
(a value that is a ``str`` subclass); a missing key that is always sent raises
``KeyError``, which ``is_valid_event`` reads as ``False``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codegen.model import Event, ExtraKey, Spec, snake_case
from codegen.targets.python.layout import fits, py_string

UUID_LENGTH = 36


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


def _function_name(event: Event, index: int) -> str:
    name = f"_check_{event.object}_{snake_case(event.method)}"
    return (
        name
        if fits(f"def {name}(extra: dict[Any, Any]) -> bool | None:")
        else f"_check_{index}"
    )


def _value_test(key: ExtraKey, local: str, pad: str) -> list[str]:
    """``if <the value is wrong>: return False``, as black lays it out."""
    if key.allowed:
        values = [py_string(a.value) for a in key.allowed]
        line = f"{pad}if {local} not in {{{', '.join(values)}}}:"
        if not fits(line):
            return [
                f"{pad}if {local} not in {{",
                *(f"{pad}    {value}," for value in values),
                f"{pad}}}:",
                f"{pad}    return False",
            ]
        return [line, f"{pad}    return False"]
    if key.format == "enrollment_id":
        return [
            f"{pad}if len({local}) > {key.max_length}:",
            f"{pad}    return False",
            f"{pad}if {local} != FILLER and (len({local}) != {UUID_LENGTH} or is_uuid({local}) is None):",
            f"{pad}    return False",
        ]
    return [f"{pad}if len({local}) > {key.max_length}:", f"{pad}    return False"]


def _body(event: Event) -> tuple[str, ...]:
    legacy = {
        k.name: k.legacy_name
        for k in event.extra
        if k.legacy_name and k.legacy_name != k.name
    }
    required = [k for k in event.extra if k.required]
    counted = len(required) < len(event.extra)
    lines = [f'    """{event.object}.{event.method}"""']
    if legacy or counted:
        lines.append("    get = extra.get")
    if counted:
        lines.append(f"    n = {len(required)}")
    local: dict[str, str] = {}
    for index, key in enumerate(event.extra):
        name = local[key.name] = f"t{index}"
        literal = py_string(key.name)
        if key.name in legacy:
            other = py_string(legacy[key.name])
            lines += [
                f"    {name} = get({literal})",
                f"    if {name} is None:",
                f"        {name} = get({other})",
                f"    elif {other} in extra:",
                "        return False",
            ]
        elif key.required:
            lines.append(f"    {name} = extra[{literal}]")
        else:
            lines.append(f"    {name} = get({literal})")
        pad = "    "
        if not key.required:
            lines += [f"    if {name} is not None:", "        n += 1"]
            pad = "        "
        lines += [
            f"{pad}if type({name}) is not str:",
            f"{pad}    return not_text({name})",
        ]
        lines += _value_test(key, name, pad)
    count = "n" if counted else str(len(required))
    lines += [f"    if len(extra) != {count}:", "        return False"]
    for index, key in enumerate(event.extra):
        if not key.when:
            continue
        tests = []
        for condition in key.when:
            values = ", ".join(py_string(v) for v in condition.values)
            tests.append(f"{local[condition.key]} in {{{values}}}")
        line = f"    if (t{index} is not None) is not ({' and '.join(tests)}):"
        if fits(line):
            lines.append(line)
        else:
            lines += [
                f"    if (t{index} is not None) is not (",
                *_joined(tests),
                "    ):",
            ]
        lines.append("        return False")
    lines.append("    return True")
    return tuple(lines)


def _joined(tests: list[str]) -> list[str]:
    """Conditions joined by ``and`` inside brackets, as black splits a long line:
    on one line when they fit, else one per line."""
    one_line = f"        {' and '.join(tests)}"
    if len(tests) == 1 or fits(one_line):
        return [one_line]
    return [f"        {tests[0]}", *(f"        and {test}" for test in tests[1:])]


def context(spec: Spec) -> dict[str, Any]:
    functions: list[CheckFunction] = []
    tables: list[ObjectTable] = []
    for obj in spec.events.objects:
        entries = []
        for event in obj.events:
            function = CheckFunction(
                _function_name(event, len(functions)), event, _body(event)
            )
            functions.append(function)
            entries.append(f"    {py_string(event.method)}: {function.name},")
        tables.append(ObjectTable(py_string(obj.name), tuple(entries)))
    return {
        "functions": functions,
        "tables": tables,
        "filler": py_string(spec.enrollment_id.filler),
    }
