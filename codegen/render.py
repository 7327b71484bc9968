"""Render the model into ``{relative path: text}`` through Jinja templates.

One environment, configured once; one template per output file kind; every
filter registered in :data:`FILTERS`. Rendering is pure: nothing here touches
the disk outside ``templates/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from codegen import event_schema, literals, payloads, targets_limits
from codegen import rst as rst_docs
from codegen.model import EventObject, Spec, snake_case

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

FILTERS: dict[str, Callable[..., str]] = {
    "py": literals.python_literal,
    "docstring": literals.python_docstring,
    "comment": literals.comment_text,
    "json": literals.json_text,
    "yaml": literals.yaml_scalar,
    "snake": snake_case,
    **rst_docs.FILTERS,
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
    when: Callable[[Spec], bool] | None = (
        None  # rendered only if this says so (None: always)
    )


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
    # Fixed code, written in black's style, so black need not spend a quarter
    # of a second on it at every run; the per-scalar part is small and formatted.
    Target("python/errors.py.j2", "normandy_telemetry/errors.py", black=False),
    Target("python/validate.py.j2", "normandy_telemetry/validate.py", black=False),
    Target("python/validate_scalars.py.j2", "normandy_telemetry/validate_scalars.py"),
    # The ``beam`` extra: the validators as Apache Beam transforms (fixed code).
    Target("python/beam.py.j2", "normandy_telemetry/beam.py", black=False),
    Target(
        "python/events/__init__.py.j2",
        "normandy_telemetry/events/__init__.py",
        event_schema.package_context,
        black=False,
    ),
    Target(
        "python/events/object.py.j2",
        "normandy_telemetry/events/{object}.py",
        event_schema.builder_context,
        per_object=True,
        black=False,
    ),
    Target(
        "schemas/normandy-events.schema.json.j2",
        "schemas/normandy-events.schema.json",
        lambda spec: {
            "document": event_schema.json_document(event_schema.events_schema(spec))
        },
    ),
    Target(
        "schemas/normandy-uptake.schema.json.j2",
        "schemas/normandy-uptake.schema.json",
        lambda spec: {
            "document": event_schema.json_document(event_schema.uptake_schema(spec))
        },
    ),
    Target(
        "schemas/normandy-scalars.schema.json.j2",
        "schemas/normandy-scalars.schema.json",
        lambda spec: {
            "document": event_schema.json_document(event_schema.scalars_schema(spec))
        },
    ),
    # Firefox's build inputs, written when the spec has the metadata they need.
    Target(
        "glean/metrics.yaml.j2",
        "glean/metrics.yaml",
        targets_limits.glean_context,
        when=lambda spec: spec.metadata is not None,
    ),
    Target(
        "legacy/Events.yaml.j2",
        "legacy/Events.yaml",
        lambda spec: {"entries": targets_limits.legacy_entries(spec.events)},
        when=lambda spec: spec.metadata is not None,
    ),
    # The documentation pages, included by the Sphinx project in docs/.
    Target("docs/uptake.rst.j2", "docs/uptake.rst"),
    Target("docs/enrollment.rst.j2", "docs/enrollment.rst"),
    Target(
        "docs/corrections.rst.j2", "docs/corrections.rst", rst_docs.corrections_context
    ),
    Target(
        "docs/spec-format.rst.j2", "docs/spec-format.rst", rst_docs.spec_format_context
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


def unformatted_paths(
    spec: Spec, targets: tuple[Target, ...] = TARGETS
) -> frozenset[str]:
    """Output paths the formatting stage must leave alone (see ``Target.black``)."""
    return frozenset(
        path
        for target in targets
        if not target.black
        for path, _ in _outputs(spec, target)
    )


def _outputs(spec: Spec, target: Target) -> list[tuple[str, dict[str, Any]]]:
    if not target.per_object:
        return [(target.path, {})]
    objects: tuple[EventObject, ...] = spec.events.objects
    return [
        (target.path.replace("{object}", obj.name), {"obj": obj}) for obj in objects
    ]


def render_targets(spec: Spec, targets: tuple[Target, ...] = TARGETS) -> dict[str, str]:
    env = make_environment()
    rendered: dict[str, str] = {}
    for target in targets:
        if target.when is not None and not target.when(spec):
            continue
        template = env.get_template(target.template)
        shared = target.context(spec)
        for path, local in _outputs(spec, target):
            if path in rendered:
                raise ValueError(
                    f"two targets render {path}"
                )  # a toolchain bug, not a spec mistake
            rendered[path] = template.render(spec=spec, **shared, **local)
    return rendered
