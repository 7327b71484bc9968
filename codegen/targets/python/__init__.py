"""The Python package ``normandy_telemetry``: constants, catalogue, validators,
typed builders and Apache Beam transforms.

Spec-specific code is rendered from ``templates/python/`` (constants, enums, the
per-event fast checks and builders, laid out here); spec-specific data goes to
``catalog.json``; the code that is the same for every spec lives in
``codegen/runtime/`` as ordinary source and is copied in.
"""

from __future__ import annotations

from typing import Any

from codegen.literals import comment_text, json_text
from codegen.model import Spec, snake_case
from codegen.targets.base import Copy, Output, Target, per_object
from codegen.targets.python import builders, catalog_data, fast_checks
from codegen.targets.python.layout import (
    assigned_to,
    call,
    python_docstring,
    python_literal,
    python_tuple,
)

PACKAGE = "normandy_telemetry"


def _catalog(spec: Spec) -> dict[str, Any]:
    return {"payload": catalog_data.catalog(spec)}


OUTPUT = Output(
    name="python",
    summary="the Python package normandy_telemetry",
    targets=(
        Target("python/pyproject.toml.j2", "pyproject.toml"),
        Target("python/__init__.py.j2", f"{PACKAGE}/__init__.py"),
        Target("python/py.typed.j2", f"{PACKAGE}/py.typed"),
        Target("python/uptake.py.j2", f"{PACKAGE}/uptake.py"),
        Target("python/catalog.py.j2", f"{PACKAGE}/catalog.py"),
        Target("python/catalog.json.j2", f"{PACKAGE}/catalog.json", _catalog),
        Target("python/validate_scalars.py.j2", f"{PACKAGE}/validate_scalars.py"),
        Target(
            "python/fast_checks.py.j2",
            f"{PACKAGE}/fast_checks.py",
            fast_checks.context,
            black=False,
        ),
        Target(
            "python/events/__init__.py.j2",
            f"{PACKAGE}/events/__init__.py",
            builders.package_context,
            black=False,
        ),
        Target(
            "python/events/object.py.j2",
            f"{PACKAGE}/events/{{object}}.py",
            builders.builder_context,
            instances=per_object(f"{PACKAGE}/events/{{object}}.py"),
            black=False,
        ),
    ),
    copies=tuple(
        Copy(name, f"{PACKAGE}/{name}")
        for name in (
            "errors.py",
            "reading.py",
            "validate.py",
            "validate_glean.py",
            "pings.py",
            "beam.py",
        )
    ),
    filters={
        "py": python_literal,
        "py_tuple": python_tuple,
        "assigned_to": assigned_to,
        "call": call,
        "docstring": python_docstring,
        "comment": comment_text,
        "json": json_text,
        "snake": snake_case,
    },
    cost=1.2,
)
