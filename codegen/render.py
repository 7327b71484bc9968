"""Render the model into ``{relative path: text}``, output by output.

One environment factory, configured once (``StrictUndefined``, trimmed blocks,
no autoescape: every output language escapes through its own filters); each
output's templates see the shared filters and its own. Rendering is pure:
nothing here touches the disk outside ``templates/`` and ``codegen/runtime/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import jinja2

from codegen.literals import comment_text
from codegen.model import Spec
from codegen.targets import OUTPUTS, enabled_outputs
from codegen.targets.base import Copy, Filter, Output

_HERE = Path(__file__).resolve().parent
TEMPLATES = (
    _HERE / "templates"  # installed: the wheel carries them inside the package
    if (_HERE / "templates").is_dir()
    else _HERE.parent / "templates"  # this repository
)
RUNTIME = _HERE / "runtime"

SHARED_FILTERS: dict[str, Filter] = {"comment": comment_text}
"""Filters every template may use (``_macros.j2`` needs ``comment``)."""


def make_environment(filters: Mapping[str, Filter] = {}) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(SHARED_FILTERS)
    env.filters.update(filters)
    return env


def copied_header(spec: Spec, copy: Copy) -> str:
    """The generated-file header of a copied runtime module."""
    source = f"codegen/runtime/{copy.source}"
    return (
        f"# Generated from {comment_text(spec.header_name)} (version {spec.version}) by `python -m codegen generate`:\n"
        f"# a copy of {source}, the same for every spec.\n"
        f"# Do not edit: change {source}, then run `make generate`.\n"
    )


def render_output(spec: Spec, output: Output) -> dict[str, str]:
    env = make_environment(output.filters)
    rendered: dict[str, str] = {}
    for target in output.targets:
        template = env.get_template(target.template)
        shared = target.context(spec)
        for path, local in target.files(spec):
            rendered[path] = template.render(spec=spec, **shared, **local)
    for copy in output.copies:
        rendered[copy.path] = copied_header(spec, copy) + (
            RUNTIME / copy.source
        ).read_text("utf-8")
    return rendered


def render_targets(spec: Spec, outputs: tuple[Output, ...] = OUTPUTS) -> dict[str, str]:
    """Every file of every output the spec enables."""
    rendered: dict[str, str] = {}
    for output in enabled_outputs(spec, outputs):
        for path, text in render_output(spec, output).items():
            if path in rendered:
                raise ValueError(
                    f"two outputs render {path}"
                )  # a toolchain bug, not a spec mistake
            rendered[path] = text
    return rendered


def unformatted_paths(
    spec: Spec, outputs: tuple[Output, ...] = OUTPUTS
) -> frozenset[str]:
    """Output paths the formatting stage must leave alone: targets laid out
    line by line in black's style whatever the lengths (``Target.black``
    off) and copied runtime modules. The others it parses, and hands to
    black only where a line came out too long (``formatting.needs_black``)."""
    paths = {
        path
        for output in enabled_outputs(spec, outputs)
        for target in output.targets
        if not target.black
        for path, _ in target.files(spec)
    }
    paths.update(copy.path for output in outputs for copy in output.copies)
    return frozenset(paths)
