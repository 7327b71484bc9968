"""The typed event builders: one module per event object, one function per event.

The builder modules grow with the number of events, so black never sees them
(``Target(black=False)``): this module computes the render model of each,
every line whose layout depends on its length laid out the way black would
(``layout``), so the templates only place the pieces.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, NamedTuple

from codegen.model import (
    Event,
    EventObject,
    ExtraKey,
    Spec,
    describe_presence,
    snake_case,
)
from codegen.targets.python.layout import fill, fits, py_string

# Names a builder function must not take: the module uses them.
RESERVED_FUNCTIONS = frozenset({"str", "annotations"})


class BuilderFunction(NamedTuple):
    """One builder function, every piece ready to place."""

    function: str
    docstring: str
    params: tuple[str, ...]
    """Whole parameter lines, indented, each with its trailing comma."""
    method: str
    object: str
    value_param: str
    extra: tuple[tuple[str, str], ...]
    """(key literal, parameter name) in spec order."""


@dataclass(frozen=True)
class BuilderModule:
    name: str
    docstring_text: str
    aliases: tuple[str, ...]
    """Module-level ``Name = Literal[...]`` statements, each complete."""
    builders: tuple[BuilderFunction, ...]

    @property
    def uses_literal(self) -> bool:
        return any("Literal[" in a for a in self.aliases) or any(
            "Literal[" in p for b in self.builders for p in b.params
        )


def _always(key: ExtraKey) -> bool:
    """``key.required``, without the model's chain of properties (hot in large specs)."""
    return not (key.when or key.channels or key.optional)


def builder_name(method: str) -> str:
    """The builder function of ``method``: its snake_case name, with ``_`` after
    a name the module needs for itself (``str``)."""
    name = snake_case(method)
    return name + "_" if name in RESERVED_FUNCTIONS else name


def _camel(name: str) -> str:
    return "".join(
        part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part
    )


def _literal(values: tuple[str, ...]) -> str:
    return "Literal[" + ", ".join(py_string(v) for v in values) + "]"


def _alias_statement(name: str, values: tuple[str, ...]) -> str:
    one_line = f"{name} = {_literal(values)}"
    if fits(one_line):
        return one_line
    body = [f"    {py_string(v)}," for v in values]
    if len(values) == 1:
        body[0] = body[0][:-1]  # black adds no magic trailing comma to one element
    return "\n".join([f"{name} = Literal[", *body, "]"])


def value_parameter(taken: Collection[str]) -> str:
    """The keyword that takes the event's value: ``value``, unless an extra key
    already has that Python name.

    The value's description names what it holds (``the slug of the study``),
    but a name derived from prose would change whenever a description is
    reworded, which the spec diff counts as documentation only; ``value`` is
    stable and is what Glean calls it. ``taken``: the extra keys' Python names."""
    name = "value"
    while name in taken:
        name = "event_" + name
    return name


def _presence_note(key: ExtraKey) -> str:
    """The model's presence sentence, keys and values as the caller writes them."""
    if key.required:
        return ""
    sentence = describe_presence(
        key, name=lambda name: name, value=lambda _, value: py_string(value)
    )
    return f" {sentence} Leave it None when it is not sent."


def _key_doc(key: ExtraKey, name: str, first: str, rest: str) -> list[str]:
    text = f"{name}: {key.description}{_presence_note(key)}"
    if key.format == "enrollment_id":
        text += " A UUID without braces, or the enrollment-ID filler."
    elif key.truncate:
        text += f" Longer values are cut to {key.truncate} characters."
    elif not key.allowed:
        text += f" At most {key.max_length} characters."
    lines = list(fill(text + (" One of:" if key.allowed else ""), first, rest))
    if key.allowed:
        lines.append("")
        for allowed in key.allowed:
            item = f"- ``{py_string(allowed.value)}``: {allowed.description}"
            lines += fill(item, rest, rest + "  ")
        lines.append("")
    return lines


def _builder_docstring(
    spec: Spec, event: Event, value_param: str, names: list[str]
) -> str:
    pad = "    "
    opening = pad + '"""'
    lines = list(fill(f"Build {event.ident}: {event.title}.", opening, pad))
    lines[0] = lines[0][len(opening) :]
    if lines[0].startswith('"'):
        lines[0] = " " + lines[0]  # as black pads a docstring that starts with a quote
    lines += ["", *fill(event.description, pad, pad)]
    if event.correction:
        lines += [
            "",
            *fill(
                "Correction of the data-collection document: " + event.correction,
                pad,
                pad,
            ),
        ]
    lines += ["", pad + "Args:"]
    value_doc = f"{event.value} At most {spec.events.value_max_length} characters."
    if event.value_optional:
        value_doc += " None when Firefox sends the event without a value."
    lines += fill(f"{value_param}: {value_doc}", pad * 2, pad * 3)
    for key, name in zip(event.extra, names):
        lines += _key_doc(key, name, pad * 2, pad * 3)
    if lines[-1] == "":
        lines.pop()
    lines += [
        "",
        pad + "Returns:",
        *fill(f"The event {event.ident} as a mapping.", pad * 2, pad * 3),
        "",
        pad + "Raises:",
        *fill("ValidationError: a value the spec does not allow.", pad * 2, pad * 3),
    ]
    return '"""' + "\n".join(lines) + "\n" + pad + '"""'


def _param_line(name: str, annotation: str, optional: bool) -> str:
    suffix = " | None = None" if optional else ""
    return f"    {name}: {annotation}{suffix},"


def _builders(spec: Spec, obj: EventObject) -> BuilderModule:
    # Two methods with one snake_case name (aBC, aBc) are refused when the model
    # is built (they would also share an EventMethod constant), so no two
    # builders of a module share a name.
    aliases: list[str] = []
    alias_names: set[str] = set()
    builders = []
    for event in obj.events:
        function = builder_name(event.method)
        names = [snake_case(key.name) for key in event.extra]
        value_param = value_parameter(names)
        value_type = "str | None" if event.value_optional else "str"
        params = ["    *,", _param_line(value_param, value_type, False)]
        for key, name in zip(event.extra, names):
            optional = not _always(key)
            annotation = (
                _literal(tuple(a.value for a in key.allowed)) if key.allowed else "str"
            )
            line = _param_line(name, annotation, optional)
            if not fits(line):
                alias = base = _camel(event.method) + _camel(key.name)
                number = 1
                while alias in alias_names:
                    number += 1
                    alias = f"{base}{number}"
                alias_names.add(alias)
                aliases.append(
                    _alias_statement(alias, tuple(a.value for a in key.allowed))
                )
                line = _param_line(name, alias, optional)
                if not fits(line):  # what black does with an annotation too long to fit
                    default = " = None" if optional else ""
                    inner = f"{alias} | None" if optional else alias
                    line = f"    {name}: (\n        {inner}\n    ){default},"
            params.append(line)
        builders.append(
            BuilderFunction(
                function=function,
                docstring=_builder_docstring(spec, event, value_param, names),
                params=tuple(params),
                method=py_string(event.method),
                object=py_string(event.object),
                value_param=value_param,
                extra=tuple(
                    (py_string(key.legacy_key), name)
                    for key, name in zip(event.extra, names)
                ),
            )
        )
    text = (
        f"Typed builders for the {obj.name} events: {obj.title}.\n\n"
        "Each function takes the event's value and extra keys as keyword arguments, applies "
        "the truncations the spec documents, and returns the event as a mapping, or raises "
        "ValidationError for a value the spec does not allow."
    )
    return BuilderModule(obj.name, text, tuple(aliases), tuple(builders))


def package_context(spec: Spec) -> dict[str, Any]:
    """The builder package's ``__init__``: its submodules, and ``__all__`` as black writes it."""
    names = sorted(obj.name for obj in spec.events.objects)
    return {"submodules": names, "exports": [py_string(name) for name in names]}


def builder_context(spec: Spec) -> dict[str, Any]:
    """``modules``: the render model of every builder module, by object name."""
    return {"modules": {obj.name: _builders(spec, obj) for obj in spec.events.objects}}
