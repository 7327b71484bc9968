"""Render the model into ``{relative path: text}`` through Jinja templates.

One environment, configured once; one template per output file kind; every
filter registered in :data:`FILTERS`. Rendering is pure: nothing here touches
the disk outside ``templates/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2

from codegen import literals, payloads
from codegen.model import EventObject, Spec, snake_case

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

FILTERS: dict[str, Callable[..., str]] = {
    "py": literals.python_literal,
    "docstring": literals.python_docstring,
    "json": literals.json_text,
    "snake": snake_case,
}


@dataclass(frozen=True)
class Target:
    """One output file kind: its template, where it goes, and its extra context.

    ``per_object`` renders the template once per event object, with ``obj`` in
    the context and ``{object}`` in ``path`` replaced by the object's name.

    ``black`` says whether the formatting stage runs black on the result. It is
    turned off only for Python whose size grows with the number of events:
    black parses about 6,000 lines a second here, so a 5,000-event spec would
    spend most of a minute in it. Such templates emit black's style directly,
    and ``tests/test_package_quality.py`` proves it with ``black --check``.
    """

    template: str
    path: str
    context: Callable[[Spec], dict[str, Any]] = field(default=lambda spec: {})
    per_object: bool = False
    black: bool = True


TARGETS: tuple[Target, ...] = (
    Target("python/pyproject.toml.j2", "pyproject.toml"),
    Target("python/__init__.py.j2", "normandy_telemetry/__init__.py"),
    Target("python/py.typed.j2", "normandy_telemetry/py.typed"),
    Target("python/uptake.py.j2", "normandy_telemetry/uptake.py"),
    Target("python/catalog.py.j2", "normandy_telemetry/catalog.py"),
    Target(
        "python/catalog.json.j2",
        "normandy_telemetry/catalog.json",
        lambda spec: {"payload": payloads.catalog(spec)},
    ),
)


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def unformatted_paths(spec: Spec, targets: tuple[Target, ...] = TARGETS) -> frozenset[str]:
    """Output paths the formatting stage must leave alone (see ``Target.black``)."""
    return frozenset(path for target in targets if not target.black for path, _ in _outputs(spec, target))


def _outputs(spec: Spec, target: Target) -> list[tuple[str, dict[str, Any]]]:
    if not target.per_object:
        return [(target.path, {})]
    objects: tuple[EventObject, ...] = spec.events.objects
    return [(target.path.replace("{object}", obj.name), {"obj": obj}) for obj in objects]


def render_targets(spec: Spec, targets: tuple[Target, ...] = TARGETS) -> dict[str, str]:
    env = make_environment()
    rendered: dict[str, str] = {}
    for target in targets:
        template = env.get_template(target.template)
        shared = target.context(spec)
        for path, local in _outputs(spec, target):
            if path in rendered:
                raise ValueError(f"two targets render {path}")  # a toolchain bug, not a spec mistake
            rendered[path] = template.render(spec=spec, **shared, **local)
    return rendered
