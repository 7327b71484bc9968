"""Whole pings in one process: what the program does to each line (decode the
JSON, read the ping, validate every Normandy record, list the problems of the
invalid ones, encode the valid events and the dead letters), beside
``json.loads`` alone on the same lines, the floor no reader of JSON lines
goes below. Goal: within 2x of that floor.

The lines are pings of both kinds, each with 25 Normandy events of the
validators benchmark's seeded stream (about 85% valid), an uptake event and
two events of other categories; and the same pings with the stream's valid
events only, Firefox's common case. Measured in CPU time, best of a few
rounds, the two taking turns chunk by chunk (``glean_events.paired_rates``),
so a busy moment on a shared machine hits them alike. The counts that
``check_lines`` gives are checked against the validators on the same events.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from benchmarks.common import ROOT

sys.path.insert(0, str(ROOT / "generated"))

from normandy_telemetry.pings import check_lines

from benchmarks.glean_events import paired_rates
from benchmarks.shapes import nt, ping_lines, streams

SEED = 20261203
EVENTS = 60_000
REPEATS = 5
GOAL = 2.0


def _discard(_: str) -> None:
    pass


def _check_chunk(lines: list[bytes]) -> None:
    check_lines(enumerate(lines, 1), _discard, _discard)


def _count_chunk(lines: list[bytes]) -> None:
    check_lines(enumerate(lines, 1), None, None)


def _loads_chunk(lines: list[bytes]) -> None:
    for line in lines:
        json.loads(line)


def measure(lines: list[bytes], events: int) -> dict[str, float]:
    """Events per second of json.loads alone, of decoding, reading and
    validating (``check_lines`` counting only), and of the program's work."""
    chunks = [lines[start : start + 40] for start in range(0, len(lines), 40)]
    runs: dict[str, tuple[Callable[[Any], Any], list[Any]]] = {
        "loads": (_loads_chunk, chunks),
        "validate": (_count_chunk, chunks),
        "work": (_check_chunk, chunks),
    }
    found = paired_rates(runs, REPEATS, chunk=50)
    per_chunk = events / len(chunks)
    return {name: rate * per_chunk for name, rate in found.items()}


def run() -> list[str]:
    shapes = streams(EVENTS, SEED)
    out = [
        "Whole pings, one process: the program's work on each line beside json.loads alone"
        f" (Normandy events per second of CPU time, best of {REPEATS})",
    ]
    for kind, glean in (("legacy", False), ("glean", True)):
        events = shapes[kind]
        valid_only = [
            e
            for e in events
            if (nt.is_valid_glean_event(e) if glean else nt.is_valid_event(e))
        ]
        for label, chosen in (("85% valid", events), ("all valid", valid_only)):
            lines = list(ping_lines(chosen, glean))
            tally = check_lines(enumerate(lines, 1), _discard, _discard)
            normandy = tally.valid_events + tally.dead_letters["event"]
            expected = sum(
                1
                for e in chosen
                if (nt.is_valid_glean_event(e) if glean else nt.is_valid_event(e))
                and (type(e) is dict if glean else type(e) is list)
            )
            if tally.valid_events != expected:
                raise AssertionError(
                    f"{kind}, {label}: {tally.valid_events} valid, expected {expected}"
                )
            rates = measure(lines, normandy)
            floor = rates["loads"]
            ratio = floor / rates["validate"]
            name = "Glean events pings" if glean else "legacy event pings"
            out.append(
                f"  {name}, {label}: json.loads {floor:,.0f}; decode, read, validate {rates['validate']:,.0f}"
                f" (x{ratio:.2f} the floor, goal x{GOAL:.0f}: {'met' if ratio <= GOAL else 'NOT met'});"
                f" and write the outputs {rates['work']:,.0f} (x{floor / rates['work']:.2f})"
            )
    out.append(
        "  (decode, read, validate: check_lines counting only; and write the outputs: also list every"
        " invalid event's errors and encode the valid events and the dead letters, as the program does)"
    )
    return out


if __name__ == "__main__":
    print("\n".join(run()))
