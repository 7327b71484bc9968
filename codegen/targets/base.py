"""What an output is: its files, its templates' context and filters, its limits.

An :class:`Output` is one folder of ``templates/`` and one module (or package)
of ``codegen/targets/`` of the same name; it says in one place which files it
writes, what each template sees besides the spec, which filters its templates
use, whether the spec enables it, and which of its format's limits the spec
breaks. ``codegen.targets.OUTPUTS`` lists them all; ``render`` and the
pipeline read nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from codegen.model import Loc, Spec
from codegen.problems import Problem

Filter = Callable[..., str]
Context = Callable[[Spec], dict[str, Any]]
Instances = Callable[[Spec], list[tuple[str, dict[str, Any]]]]


def _no_context(spec: Spec) -> dict[str, Any]:
    return {}


def always(spec: Spec) -> bool:
    return True


def no_limits(spec: Spec) -> list[Problem]:
    return []


@dataclass(frozen=True)
class Target:
    """One kind of output file: its template, where it goes, what it sees.

    ``instances`` renders the template once per ``(path, context)`` it gives
    (``per_object``: once per event object, with ``obj`` in the context);
    without it the template makes one file, at ``path``.

    Every Python template writes black's style (``codegen.targets.python.layout``
    has the helpers), and the tests run black over the output to prove it.
    ``black`` says whether black may still have the last word: the formatting
    stage runs it on a file only where a line came out longer than black
    allows (``formatting.needs_black``; a long name from the spec). It is off
    for Python whose size grows with the number of events, laid out line by
    line by its context whatever the lengths: black parses about 6,000 lines
    a second here, so a 5,000-event spec would spend most of a minute in it.
    """

    template: str
    path: str
    context: Context = _no_context
    instances: Instances | None = None
    black: bool = True

    def files(self, spec: Spec) -> list[tuple[str, dict[str, Any]]]:
        """Where each file of this kind goes, with the context only it sees."""
        return [(self.path, {})] if self.instances is None else self.instances(spec)


def per_object(path: str) -> Instances:
    """One file per event object: ``{object}`` in ``path`` is its name."""
    return lambda spec: [
        (path.replace("{object}", obj.name), {"obj": obj})
        for obj in spec.events.objects
    ]


@dataclass(frozen=True)
class Copy:
    """A fixed source file of ``codegen/runtime/`` shipped in the output as it is,
    under a generated-file header. It is ordinary, formatted, type-checked
    code in the toolchain, so it is never rendered and never reformatted."""

    source: str
    """The file's name in ``codegen/runtime/``."""
    path: str
    """Where it goes, relative to the output directory."""


@dataclass(frozen=True)
class Output:
    """One output of the toolchain (the Python package, Glean, ...)."""

    name: str
    """Also the name of its folder in ``templates/`` and its module here."""
    summary: str
    targets: tuple[Target, ...]
    filters: Mapping[str, Filter] = field(default_factory=dict)
    """Filters its templates use, besides ``render.SHARED_FILTERS``."""
    copies: tuple[Copy, ...] = ()
    enabled: Callable[[Spec], bool] = always
    """Whether the spec asks for this output at all."""
    check_limits: Callable[[Spec], list[Problem]] = no_limits
    """Every place the spec breaks a limit of this output's format; run only
    when the output is enabled and the spec is otherwise sound."""
    cost: float = 1.0
    """Its rendering time per event, relative to the others (measured on the
    5,000-event benchmark spec), to balance the work of two processes."""


class LimitChecker:
    """Collects the problems of one output's limits; subclasses add the rules."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(loc.line, loc.column, message))

    def too_long(
        self,
        loc: Loc,
        subject: str,
        name: str,
        target: str,
        limit: int,
        kind: str,
        fix: str,
    ) -> None:
        """``subject`` names the item and quotes ``name``, whose length is checked."""
        if len(name) > limit:
            self.add(
                loc,
                f"{subject} has {len(name)} characters, which exceeds the {target} "
                f"limit of {limit} characters for {kind}; {fix}",
            )
