"""The stages, in order: load -> check structure -> build the model -> check
the outputs' limits -> render -> format.

Each stage is a function of the previous one's result; only ``writer`` touches
``generated/``. A :class:`SpecError` from any stage means the spec has a
mistake, and nothing has been written.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from pathlib import Path

from codegen.format_language import StructureChecker
from codegen.formatting import format_outputs
from codegen.loader import read_document, read_spec, source_name, spec_label
from codegen.model import Spec
from codegen.model_builder import build_model
from codegen.parallel import PARALLEL_MIN_EVENTS, can_fork, render_forked
from codegen.problems import SpecError
from codegen.render import render_targets, unformatted_paths
from codegen.spec_format import SPEC_FORMAT
from codegen.targets import check_target_limits, enabled_outputs
from codegen.targets.base import Output
from codegen.writer import with_manifest


def load_spec(path: Path) -> Spec:
    """The validated model of the spec at ``path``; every problem at once if not.

    Messages name it by a path an editor can open from here; generated files'
    headers by a name that does not depend on where it was run from."""
    label = spec_label(path)
    return load_spec_bytes(read_spec(path, label), label, source_name(path))


def load_spec_bytes(data: bytes, label: str, source: str = "") -> Spec:
    """The same, for spec text from elsewhere (a git revision); ``label`` names
    it in messages, ``source`` (by default ``label``) in generated headers."""
    reading = read_document(data, label)
    structure = StructureChecker()
    structure.check(reading.root, SPEC_FORMAT)
    if reading.problems:
        # What was refused while reading, with the structure's problems (an
        # unknown field, a wrong type) in the same report; not what follows
        # from a refusal (a refused integer read as 0 is "not a string", a
        # refused key's field "missing" or its mapping "empty"), and not the
        # model's cross-checks,
        # which would judge values that stand in for refused ones.
        absent = set(structure.absent)
        raise SpecError(
            label,
            [
                *reading.problems,
                *(
                    p
                    for p in structure.problems
                    if (p.line, p.column) not in reading.substituted
                    and not (p in absent and (p.line, p.column) in reading.incomplete)
                ),
            ],
        )
    spec, problems = build_model(reading.root, label, source)
    problems = structure.problems + problems
    if (
        not problems
    ):  # target limits are checked on a sound model, so nothing is reported twice
        problems = check_target_limits(spec)
    if problems:
        raise SpecError(label, problems)
    return dataclasses.replace(spec, digest=spec_digest(data))


def spec_digest(data: bytes) -> str:
    """``sha256:<hex>`` of the spec's text, line ends read as LF, so that a
    checkout that turns them into CRLF names the same spec."""
    return "sha256:" + hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def render_outputs(spec: Spec, parallel: bool | None = None) -> dict[str, str]:
    """Every generated file, formatted, with the manifest: ``{relative path: text}``.

    ``parallel`` renders on two cores (``codegen.parallel``); by default, for
    specs large enough to gain from it."""

    def render(outputs: Sequence[Output]) -> dict[str, str]:
        shares = tuple(outputs)
        return format_outputs(
            render_targets(spec, shares), skip=unformatted_paths(spec, shares)
        )

    outputs = enabled_outputs(spec)
    if parallel is None:
        parallel = can_fork() and spec.events.count >= PARALLEL_MIN_EVENTS
    files = render_forked(outputs, render) if parallel else render(outputs)
    # The manifest names the spec as every other header does: with its version.
    return with_manifest(dict(sorted(files.items())), spec.header_name, spec.version)
