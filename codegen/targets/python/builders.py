"""The typed event builders: one module per event object, one function per event.

The builder modules grow with the number of events, so black never sees them
(``Target(black=False)``): this module computes the render model of each,
every line whose layout depends on its length laid out the way black would
(``layout``), so the templates only place the pieces.

Where a key is sent exactly when another key has certain values (``when:``),
the builder has one ``@overload`` per case (:func:`_cases`): with
``reason="invalid-branch"`` the signature requires ``preference_branch``, with
any other reason it takes none, so a type checker catches the call the
validator would refuse at run time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, NamedTuple

from codegen.formatting import fits
from codegen.model import (
    Event,
    EventObject,
    ExtraKey,
    Spec,
    correction_title,
    describe_presence,
    snake_case,
)
from codegen.targets.python.layout import fill, py_string

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
    overloads: tuple[tuple[str, ...], ...] = ()
    """The parameter lines of each ``@overload``, when presence depends on values."""


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
            "Literal[" in p
            for b in self.builders
            for p in (*b.params, *itertools.chain(*b.overloads))
        )

    @property
    def uses_overload(self) -> bool:
        return any(b.overloads for b in self.builders)


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
    """A key's entry under ``Args:``: the spec's description as it is, then
    what the builder adds (presence, form, limit) on lines of their own, so
    that a description without a final period does not run on into them."""
    notes = _presence_note(key).strip()
    if key.format == "enrollment_id":
        notes += " A UUID without braces, or the enrollment-ID filler."
    elif key.truncate:
        notes += f" Longer values are cut to {key.truncate} bytes of UTF-8."
    elif not key.allowed:
        notes += f" At most {key.max_length} bytes of UTF-8."
    notes = notes.strip()
    # The document's "Possible values are:" leads into the list itself.
    leads_in = key.leads_into_values
    lines = list(fill(f"{name}: {key.description}", first, rest))
    if notes and not leads_in:
        lines += fill(notes, rest, rest)
    if key.allowed:
        if not leads_in:
            lines.append(rest + "One of:")
        lines.append("")
        for allowed in key.allowed:
            item = f"- ``{py_string(allowed.value)}``: {allowed.description}"
            lines += fill(item, rest, rest + "  ")
        lines.append("")
        if notes and leads_in:
            lines += [*fill(notes, rest, rest), ""]
    return lines


def _builder_docstring(
    spec: Spec, obj: EventObject, event: Event, value_param: str, names: list[str]
) -> str:
    pad = "    "
    opening = pad + '"""'
    lines = list(fill(f"Build {event.ident}: {event.title}.", opening, pad))
    lines[0] = lines[0][len(opening) :]
    if lines[0].startswith('"'):
        lines[0] = " " + lines[0]  # as black pads a docstring that starts with a quote
    lines += ["", *fill(event.description, pad, pad)]
    for item, outer in ((event, (obj,)), (obj, ())):
        if item.correction:
            title = correction_title(item, *outer)
            lines += ["", *fill(f"{title}: {item.correction}", pad, pad)]
    lines += ["", pad + "Args:"]
    limit = f"At most {spec.events.value_max_length} bytes of UTF-8."
    if event.value_optional:
        limit += " None when Firefox sends the event without a value."
    lines += fill(f"{value_param}: {event.value}", pad * 2, pad * 3)
    lines += fill(limit, pad * 3, pad * 3)
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


class _Aliases:
    """The module's ``Name = Literal[...]`` statements, for annotations too long
    for their line, named after the key; an overload reuses its key's alias."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.names: set[str] = set()
        self.by_values: dict[tuple[str, tuple[str, ...]], str] = {}

    def alias(self, base: str, values: tuple[str, ...]) -> str:
        if (base, values) in self.by_values:
            return self.by_values[base, values]
        alias, number = base, 1
        while alias in self.names:
            number += 1
            alias = f"{base}{number}"
        self.names.add(alias)
        self.by_values[base, values] = alias
        self.statements.append(_alias_statement(alias, values))
        return alias


def _annotated(
    name: str,
    values: tuple[str, ...] | None,
    optional: bool,
    aliases: _Aliases,
    alias_base: str,
) -> str:
    """One parameter line: ``str`` or a ``Literal`` of ``values`` (an alias when
    the line would be too long), ``| None = None`` when ``optional``."""
    annotation = _literal(values) if values else "str"
    line = _param_line(name, annotation, optional)
    if fits(line):
        return line
    alias = aliases.alias(alias_base, values or ())
    line = _param_line(name, alias, optional)
    if not fits(line):  # what black does with an annotation too long to fit
        default = " = None" if optional else ""
        inner = f"{alias} | None" if optional else alias
        line = f"    {name}: (\n        {inner}\n    ){default},"
    return line


ABSENT = None
"""A controlling key's case in which it is not sent at all."""

MAX_OVERLOAD_STATES = 64
"""Beyond this many combinations of controlling values, a builder keeps its
one signature: the validator still checks every call at run time."""


def _cases(event: Event) -> list[dict[str, tuple[str, ...] | None]] | None:
    """The overload cases of ``event``: for each key that decides another key's
    presence (a *controller*), which of its values the case takes (None: the
    key is absent), so that within a case every conditional key is either
    always sent or never. None when no key's presence depends on a value
    a signature can name, or when there would be too many cases.
    """
    keys = {key.name: key for key in event.extra}
    # Keys whose conditions all name keys with a closed set of values.
    decided = [
        key
        for key in event.extra
        if key.when and all(c.key in keys and keys[c.key].allowed for c in key.when)
    ]
    if not decided:
        return None
    controllers = list(dict.fromkeys(c.key for key in decided for c in key.when))
    # Each controller's values, grouped by which conditions they satisfy.
    options: list[list[tuple[str, ...] | None]] = []
    for name in controllers:
        groups: dict[frozenset[tuple[str, int]], list[str]] = {}
        for allowed in keys[name].allowed:
            satisfied = frozenset(
                (key.name, index)
                for key in decided
                for index, condition in enumerate(key.when)
                if condition.key == name and allowed.value in condition.values
            )
            groups.setdefault(satisfied, []).append(allowed.value)
        choices: list[tuple[str, ...] | None] = [tuple(v) for v in groups.values()]
        if not _always(keys[name]):
            choices.append(ABSENT)
        options.append(choices)
    total = 1
    for choices in options:
        total *= len(choices)
    if total > MAX_OVERLOAD_STATES:
        return None
    decided_names = {key.name for key in decided}
    cases = []
    for combination in itertools.product(*options):
        case = dict(zip(controllers, combination))
        # A controller that is itself conditional is present exactly when its
        # conditions hold in this case.
        if all(
            (case.get(key.name) is not ABSENT) == _holds(key, case)
            for key in decided
            if key.name in case
        ):
            cases.append(case)
    cases = _merged(cases, controllers, keys, decided_names)
    return cases or None


def _holds(key: ExtraKey, case: dict[str, tuple[str, ...] | None]) -> bool:
    """Whether every condition of ``key`` holds for the values ``case`` takes."""
    for condition in key.when:
        values = case[condition.key]
        if values is ABSENT or not set(values) <= set(condition.values):
            return False
    return True


def _merged(
    cases: list[dict[str, tuple[str, ...] | None]],
    controllers: list[str],
    keys: dict[str, ExtraKey],
    decided: set[str],
) -> list[dict[str, tuple[str, ...] | None]]:
    """Cases that differ only in one controller's values, and agree on which keys
    are sent, merged into one (fewer overloads, each easier to read)."""

    def sent(case: dict[str, tuple[str, ...] | None]) -> tuple[bool, ...]:
        return tuple(_holds(keys[name], case) for name in sorted(decided))

    changed = True
    while changed:
        changed = False
        for first, second in itertools.combinations(range(len(cases)), 2):
            a, b = cases[first], cases[second]
            differing = [name for name in controllers if a[name] != b[name]]
            if len(differing) != 1 or sent(a) != sent(b):
                continue
            name = differing[0]
            left, right = a[name], b[name]
            if left is ABSENT or right is ABSENT:
                continue
            order = [v.value for v in keys[name].allowed]
            union = tuple(v for v in order if v in set(left) | set(right))
            cases[first] = {**a, name: union}
            del cases[second]
            changed = True
            break
    return cases


def _builders(spec: Spec, obj: EventObject) -> BuilderModule:
    # Two methods with one snake_case name (aBC, aBc) are refused when the model
    # is built (they would also share an EventMethod constant), so no two
    # builders of a module share a name.
    aliases = _Aliases()
    builders = []
    for event in obj.events:
        function = builder_name(event.method)
        names = [snake_case(key.name) for key in event.extra]
        value_param = value_parameter(names)
        value_type = "str | None" if event.value_optional else "str"
        params = ["    *,", _param_line(value_param, value_type, False)]
        for key, name in zip(event.extra, names):
            base = _camel(event.method) + _camel(key.name)
            params.append(
                _annotated(
                    name, key.allowed_values or None, not _always(key), aliases, base
                )
            )
        overloads = [
            _overload_params(event, case, names, params, aliases)
            for case in _cases(event) or []
        ]
        if len(overloads) == 1:  # one case: it is the signature
            params, overloads = list(overloads[0]), []
        builders.append(
            BuilderFunction(
                function=function,
                docstring=_builder_docstring(spec, obj, event, value_param, names),
                params=tuple(params),
                method=py_string(event.method),
                object=py_string(event.object),
                value_param=value_param,
                extra=tuple(
                    (py_string(key.legacy_key), name)
                    for key, name in zip(event.extra, names)
                ),
                overloads=tuple(overloads),
            )
        )
    text = (
        f"Typed builders for the {obj.name} events: {obj.title}.\n\n"
        "Each function takes the event's value and extra keys as keyword arguments, applies "
        "the truncations the spec documents, and returns the event as a mapping, or raises "
        "ValidationError for a value the spec does not allow."
    )
    return BuilderModule(obj.name, text, tuple(aliases.statements), tuple(builders))


def _overload_params(
    event: Event,
    case: dict[str, tuple[str, ...] | None],
    names: list[str],
    params: list[str],
    aliases: _Aliases,
) -> tuple[str, ...]:
    """The parameter lines of one overload: ``params`` (the implementation's),
    with each controlling key narrowed to the case's values and each key it
    decides required or typed ``None``."""
    lines = params[:2]  # "*," and the value
    for key, name, general in zip(event.extra, names, params[2:]):
        base = _camel(event.method) + _camel(key.name)
        if key.name in case:  # a controlling key
            values = case[key.name]
            if values is ABSENT:
                lines.append(f"    {name}: None = None,")
            else:
                if values != key.allowed_values:
                    base += _case_name(event, key.name, values)
                lines.append(_annotated(name, values, False, aliases, base))
        elif key.when and all(c.key in case for c in key.when):  # a decided key
            if _holds(key, case):
                values = key.allowed_values or None
                lines.append(_annotated(name, values, False, aliases, base))
            else:
                lines.append(f"    {name}: None = None,")
        else:
            lines.append(general)
    return tuple(lines)


def _case_name(event: Event, controller: str, values: tuple[str, ...]) -> str:
    """The alias suffix of a controller's values in one case: the keys those values
    send (``UnenrollReasonForPrefNamePrefType``), or ``Other`` for values that
    send none of them."""
    sent = [
        key.name
        for key in event.extra
        if any(c.key == controller and values[0] in c.values for c in key.when)
    ]
    return "For" + "".join(_camel(name) for name in sent) if sent else "Other"


def package_context(spec: Spec) -> dict[str, Any]:
    """The builder package's ``__init__``: its submodules, and ``__all__`` as black writes it."""
    names = sorted(obj.name for obj in spec.events.objects)
    return {"submodules": names, "exports": [py_string(name) for name in names]}


def builder_context(spec: Spec) -> dict[str, Any]:
    """``modules``: the render model of every builder module, by object name."""
    return {"modules": {obj.name: _builders(spec, obj) for obj in spec.events.objects}}
