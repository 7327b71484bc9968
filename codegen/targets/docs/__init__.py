"""The documentation pages, rendered from ``templates/docs/`` into
``generated/docs/`` and built into a site by the Sphinx project in ``docs/``.

Spec text reaches a page only through the escaping filters of ``rst``, so it
shows as written and cannot add markup; ``items`` says what the pages add
about each item (its names in every output, when it is sent, its limits).
"""

from __future__ import annotations

from codegen.model import Spec, correction_title, snake_case
from codegen.targets.base import Filter, Output, Target
from codegen.targets.docs import items
from codegen.targets.docs.names import SiteNames
from codegen.targets.docs.rst import (
    header,
    index_target,
    inline,
    label,
    literal,
    pyref,
    ref,
    text,
    title,
)
from codegen.targets.python.layout import python_literal

FILTERS: dict[str, Filter] = {
    "rst": text,
    "rst_inline": inline,
    "rst_literal": literal,
    "rst_title": title,
    "rst_label": label,
    "rst_index": index_target,
    "rst_ref": ref,
    "rst_pyref": pyref,
    "rst_builder": items.builder,
    "rst_key_refs": items.key_refs,
    "rst_enrollment_id_carriers": items.enrollment_id_carriers,
    "rst_glean": items.glean,
    "rst_presence": items.presence,
    "rst_event_facts": items.event_facts,
    "rst_key_facts": items.key_facts,
    "rst_key_section": items.key_section,
    "rst_object_facts": items.object_facts,
    "rst_source_facts": items.source_facts,
    "rst_status_facts": items.status_facts,
    "rst_scalar_facts": items.scalar_facts,
    "rst_uptake_glean_facts": items.uptake_glean_facts,
    "rst_uptake_values": items.uptake_values,
    "rst_count": items.count,
    "rst_correction_title": correction_title,
    "rst_corrected_below": items.corrected_below,
    "rst_notes": lambda item, *outer: items.notes(item, *(o for o in outer if o)),
    "rst_snake": snake_case,
    "rst_header": header,
    "py": python_literal,  # a Python expression shown on a page, as the package writes it
}
"""The documentation templates' filters."""


def _names(spec: Spec) -> dict[str, object]:
    """Every item's names in every output (``names.SiteNames``), for the pages
    that declare items to the site's ``telemetry`` Sphinx domain."""
    return {"names": SiteNames.of(spec)}


OUTPUT = Output(
    name="docs",
    summary="the documentation pages the Sphinx site in docs/ includes",
    targets=(
        Target("docs/uptake.rst.j2", "docs/uptake.rst", _names),
        Target("docs/uptake-glean.rst.j2", "docs/uptake-glean.rst", _names),
        Target("docs/scalars.rst.j2", "docs/scalars.rst", _names),
        Target("docs/enrollment.rst.j2", "docs/enrollment.rst", _names),
        Target(
            "docs/corrections.rst.j2", "docs/corrections.rst", items.corrections_context
        ),
        Target(
            "docs/spec-format.rst.j2", "docs/spec-format.rst", items.spec_format_context
        ),
    ),
    filters=FILTERS,
    cost=1.1,  # the most of all, since the pages name every item everywhere
)
