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
from codegen.model import Spec, snake_case

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

FILTERS: dict[str, Callable[..., str]] = {
    "py": literals.python_literal,
    "docstring": literals.python_docstring,
    "json": literals.json_text,
    "snake": snake_case,
}


@dataclass(frozen=True)
class Target:
    """One output file: which template renders it, and with which extra context."""

    template: str
    path: str
    context: Callable[[Spec], dict[str, Any]] = field(default=lambda spec: {})


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


def render_targets(spec: Spec, targets: tuple[Target, ...] = TARGETS) -> dict[str, str]:
    env = make_environment()
    rendered: dict[str, str] = {}
    for target in targets:
        template = env.get_template(target.template)
        rendered[target.path] = template.render(spec=spec, **target.context(spec))
    return rendered
