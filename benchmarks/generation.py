"""Wall time and peak memory of ``python -m codegen generate``, how they grow,
and how they compare with merely parsing the spec.

The floor for any tool that reads the spec is parsing it: the comparison runs
PyYAML's C loader (``yaml.load(..., Loader=yaml.CSafeLoader)``, libyaml) over
the same 5,000-event spec in a fresh interpreter, as ``generate`` runs, in the
same run. Goal: every output generated within 1.5x that parse alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.common import OUT, ROOT, best_of, codegen_generate, spec_with_events

SIZES = (1000, 2500, 5000)
PARSE_GOAL = 1.5


def parse_only(spec: str) -> list[str]:
    code = "import sys, yaml\nwith open(sys.argv[1], 'rb') as f: yaml.load(f, Loader=yaml.CSafeLoader)"
    return [sys.executable, "-c", code, spec]


def run() -> list[str]:
    lines = ["python -m codegen generate (best of 3 wall time, peak RSS)"]
    real = best_of(codegen_generate(ROOT / "spec" / "normandy.yaml", OUT / "gen-real"))
    lines.append(f"  real spec        {real.seconds:6.2f} s  {real.peak_mib:7.1f} MiB")
    results = {}
    for size in SIZES:
        spec = spec_with_events(size)
        result = best_of(codegen_generate(spec, OUT / f"gen-{size}"))
        results[size] = result
        lines.append(
            f"  {size:>5} events     {result.seconds:6.2f} s  {result.peak_mib:7.1f} MiB"
        )
    small, large = SIZES[0], SIZES[-1]
    per_event = [(results[s].seconds - real.seconds) / s * 1000 for s in SIZES]
    growth = (results[large].seconds - real.seconds) / (
        results[small].seconds - real.seconds
    )
    lines.append(
        "  cost per event (ms, above the real spec's fixed cost): "
        + ", ".join(f"{s}: {p:.3f}" for s, p in zip(SIZES, per_event))
    )
    linear = "linear" if growth <= large / small * 1.25 else "worse than linear"
    lines.append(
        f"  growth {small} -> {large} events: x{growth:.2f} time for x{large / small:.0f} events ({linear})"
    )
    parse = best_of(parse_only(str(spec_with_events(large))))
    ratio = results[large].seconds / parse.seconds
    verdict = "met" if ratio <= PARSE_GOAL else "NOT met"
    lines.append(
        f"  {large} events, PyYAML CSafeLoader parse only: {parse.seconds:6.2f} s; generate takes "
        f"x{ratio:.2f} of it (goal <= x{PARSE_GOAL}: {verdict})"
    )
    # Where the time goes: reading and checking the spec (no output at all)
    # against the parse, and what rendering and writing the outputs add.
    lint = best_of(lint_only(spec_with_events(large)))
    size = sum(
        f.stat().st_size for f in (OUT / f"gen-{large}").rglob("*") if f.is_file()
    )
    lines.append(
        f"  of which reading, checking and linting the spec (python -m codegen lint):"
        f" {lint.seconds:6.2f} s, x{lint.seconds / parse.seconds:.2f} of the parse;"
        f" rendering and writing {size / 2**20:.0f} MiB of output:"
        f" {results[large].seconds - lint.seconds:6.2f} s"
    )
    return lines


def lint_only(spec: Path) -> list[str]:
    return [sys.executable, "-m", "codegen", "lint", "--spec", str(spec)]
