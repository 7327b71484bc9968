"""Wall time and peak memory of ``python -m codegen generate``, and how they grow."""

from __future__ import annotations

from benchmarks.common import OUT, ROOT, best_of, codegen_generate, spec_with_events

SIZES = (1000, 2500, 5000)


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
    lines.append(
        f"  growth {small} -> {large} events: x{growth:.2f} time for x{large / small:.0f} events "
        f"({'linear' if growth <= large / small * 1.25 else 'worse than linear'}); goal: 5,000 events under 3 s: "
        f"{'met' if results[5000].seconds < 3 else 'NOT met'}"
    )
    return lines
