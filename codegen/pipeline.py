"""The stages, in order: load -> validate -> model -> render -> format.

Each stage is a function of the previous one's result; only ``writer`` touches
``generated/``. A :class:`SpecError` from any stage means the spec has a
mistake, and nothing has been written.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from codegen.build import build_model
from codegen.formatting import format_outputs
from codegen.loader import parse_document, read_spec, spec_label
from codegen.model import Spec
from codegen.problems import SpecError
from codegen.render import TARGETS, Target, render_targets, unformatted_paths
from codegen.schema_types import Validator
from codegen.spec_schema import SPEC
from codegen.targets_limits import check_target_limits
from codegen.writer import with_manifest


def load_spec(path: Path) -> Spec:
    """The validated model of the spec at ``path``; every problem at once if not."""
    return load_spec_bytes(read_spec(path), spec_label(path))


def load_spec_bytes(data: bytes, label: str) -> Spec:
    """The same, for spec text from elsewhere (a git revision); ``label`` names it in messages."""
    tree = parse_document(data, label)
    validator = Validator()
    validator.check(tree, SPEC, "the spec")
    spec, problems = build_model(tree, label)
    problems = validator.problems + problems
    if not problems:  # target limits are checked on a sound model, so nothing is reported twice
        problems = check_target_limits(spec)
    if problems:
        raise SpecError(label, problems)
    return spec


# Below this many events a second process costs more than it saves.
PARALLEL_MIN_EVENTS = 500
_FORKED_SPEC: Spec | None = None  # the model a forked worker renders from


def render_outputs(spec: Spec, jobs: int | None = None) -> dict[str, str]:
    """Every generated file, formatted, with the manifest: ``{relative path: text}``.

    Targets are independent, so on a large spec half of them are rendered and
    formatted in a forked worker while this process does the other half. The
    worker inherits the model through ``fork`` instead of receiving a pickled
    copy; the result is the same mapping, in the same order, either way.
    """
    if jobs is None:
        large = sum(len(o.events) for o in spec.events.objects) >= PARALLEL_MIN_EVENTS
        jobs = 2 if large and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods() else 1
    if jobs <= 1:
        files = _render_and_format(spec, TARGETS)
    else:
        global _FORKED_SPEC
        _FORKED_SPEC = spec
        try:
            context = multiprocessing.get_context("fork")
            mine, theirs = split_by_cost(TARGETS)
            with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
                # Only indices cross the process boundary: targets hold lambdas.
                future = pool.submit(_render_in_worker, theirs)
                files = _render_and_format(spec, tuple(TARGETS[i] for i in mine))
                files.update(future.result())
        finally:
            _FORKED_SPEC = None
    return with_manifest(dict(sorted(files.items())), spec.label)


def split_by_cost(targets: tuple[Target, ...]) -> tuple[list[int], list[int]]:
    """Two lists of target indices of about equal total cost (largest first)."""
    halves: tuple[list[int], list[int]] = ([], [])
    totals = [0, 0]
    for index in sorted(range(len(targets)), key=lambda i: (-targets[i].cost, i)):
        side = 0 if totals[0] <= totals[1] else 1
        halves[side].append(index)
        totals[side] += targets[index].cost
    return sorted(halves[0]), sorted(halves[1])


def _render_and_format(spec: Spec, targets: tuple[Target, ...]) -> dict[str, str]:
    return format_outputs(render_targets(spec, targets), skip=unformatted_paths(spec, targets))


def _render_in_worker(indices: list[int]) -> dict[str, str]:
    assert _FORKED_SPEC is not None, "render workers must be forked from render_outputs"
    return _render_and_format(_FORKED_SPEC, tuple(TARGETS[i] for i in indices))
