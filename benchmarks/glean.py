"""Our whole generator against glean_parser on the same 5,000-event spec, in one run.

Firefox's build runs ``glean_parser translate`` over every ``metrics.yaml``; the
goal (issue 10) is that ``python -m codegen generate``, which writes every
output (the Glean files among them), is at least 5x faster than
``glean_parser translate -f markdown`` on the Glean files it produced: every
``metrics.yaml`` and the ``tags.yaml`` their metrics name.
"""

from __future__ import annotations

import shutil
import sys

from benchmarks.common import OUT, best_of, codegen_generate, spec_with_events

EVENTS = 5000
GOAL = 5.0


def run() -> list[str]:
    spec = spec_with_events(EVENTS)
    generated = OUT / f"gen-{EVENTS}"
    ours = best_of(codegen_generate(spec, generated))
    glean_files = sorted(str(path) for path in (generated / "glean").rglob("*.yaml"))
    markdown = OUT / f"glean-markdown-{EVENTS}"
    shutil.rmtree(markdown, ignore_errors=True)
    translate = [
        sys.executable,
        "-m",
        "glean_parser",
        "translate",
        "-f",
        "markdown",
        "-o",
        str(markdown),
        *glean_files,
    ]
    theirs = best_of(translate, repeat=1)  # about 20 s; one run is enough to compare
    ratio = theirs.seconds / ours.seconds
    lines = [
        f"{EVENTS} events: python -m codegen generate (all outputs) vs glean_parser translate -f markdown (its Glean files)"
    ]
    lines.append(
        f"  codegen generate        {ours.seconds:6.2f} s  {ours.peak_mib:7.1f} MiB  (best of 3)"
    )
    lines.append(
        f"  glean_parser translate  {theirs.seconds:6.2f} s  {theirs.peak_mib:7.1f} MiB  (one run)"
    )
    lines.append(
        f"  ratio: ours is {ratio:.1f}x faster; goal >= {GOAL:.0f}x: {'met' if ratio >= GOAL else 'NOT met'}"
    )
    return lines
