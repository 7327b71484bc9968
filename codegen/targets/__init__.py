"""The back end: one output per module or package here, each paired with its
folder of ``templates/`` (see ``base.Output``), registered in :data:`OUTPUTS`.

To change what an output writes, edit its module here and its templates;
nothing else in the toolchain knows about one output in particular.
"""

from __future__ import annotations

from codegen.model import Spec
from codegen.problems import Problem
from codegen.targets import docs, glean, json_schema, legacy, python
from codegen.targets.base import Output

OUTPUTS: tuple[Output, ...] = (
    python.OUTPUT,
    json_schema.OUTPUT,
    glean.OUTPUT,
    legacy.OUTPUT,
    docs.OUTPUT,
)
"""Every output, in the order they are rendered."""


def enabled_outputs(
    spec: Spec, outputs: tuple[Output, ...] = OUTPUTS
) -> tuple[Output, ...]:
    return tuple(output for output in outputs if output.enabled(spec))


def check_target_limits(spec: Spec) -> list[Problem]:
    """Every place the spec breaks a limit of an output it enables, in no order."""
    return [
        problem
        for output in enabled_outputs(spec)
        for problem in output.check_limits(spec)
    ]
