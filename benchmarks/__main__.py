"""``make bench``: run every benchmark and print its figures.

Each module in BENCHMARKS has ``run() -> list[str]``. Benchmarks compare
against a named competitor measured in the same run; none of them asserts a
time. ``python -m benchmarks NAME ...`` runs only the named ones.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["generation", "glean", "validators", "glean_events", "pings", "beam"]


def main(argv: list[str]) -> int:
    chosen = argv or BENCHMARKS
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(
            f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}",
            file=sys.stderr,
        )
        return 2
    for name in chosen:
        module = importlib.import_module(f"benchmarks.{name}")
        for line in module.run():
            print(line, flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
