"""Events per second of ``is_valid_glean_event`` beside ``is_valid_event`` on
the same events, one process, one run.

Both validators see one seeded stream (the validators benchmark's: every
event kind and fault kind, about 85% valid), ``is_valid_event`` as the legacy
records Firefox sends and ``is_valid_glean_event`` as the Glean event objects
its Glean layer records for them (the value in ``extra``, keys under
Firefox's names, the SDK's ``glean_timestamp``): the same events, in the two
shapes of one ping each. Goal: at least 0.8 times ``is_valid_event``'s rate.
Each fast path's verdicts are checked against its full check and against the
JSON Schema of its shape (on a sample); a disagreement stops the benchmark.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from typing import Any

import jsonschema

from benchmarks.common import ROOT
from benchmarks.shapes import nt, streams
from benchmarks.validators import one_pass

SEED = 20261202
STREAM = 120_000
SAMPLE = 2_000
GOAL = 0.8
REPEATS = 7


def _check(
    validate: object, errors: object, schema: str, events: list[object]
) -> list[bool]:
    verdicts = [validate(e) for e in events]  # type: ignore[operator]
    if any((not list(errors(e))) is not v for e, v in zip(events, verdicts)):  # type: ignore[operator]
        raise AssertionError(f"{validate}: fast path and full check disagree")
    document = json.loads((ROOT / "generated" / "schemas" / schema).read_text("utf-8"))
    checker = jsonschema.Draft202012Validator(document)
    for index in random.Random(SEED).sample(range(len(events)), SAMPLE):
        if checker.is_valid(events[index]) is not verdicts[index]:
            raise AssertionError(f"{schema} disagrees on {events[index]!r}")
    return verdicts


def paired_rates(
    runs: dict[str, tuple[Callable[[Any], Any], list[Any]]],
    repeats: int,
    chunk: int = 4000,
) -> dict[str, float]:
    """Events per second of each run, measured in CPU time, chunk by chunk
    with the runs taking turns on each chunk (so a busy moment on a shared
    machine hits them alike), best of ``repeats`` rounds."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeats):
        spent = dict.fromkeys(runs, 0.0)
        longest = max(len(items) for _, items in runs.values())
        for start in range(0, longest, chunk):
            for name, (function, items) in runs.items():
                spent[name] += one_pass(
                    function, items[start : start + chunk], time.process_time
                )
        for name in runs:
            best[name] = min(best[name], spent[name])
    return {name: len(runs[name][1]) / seconds for name, seconds in best.items()}


def run() -> list[str]:
    shapes = streams(STREAM, SEED)
    verdicts = {
        name: _check(
            nt.is_valid_glean_event if name == "glean" else nt.is_valid_event,
            nt.iter_glean_event_errors if name == "glean" else nt.iter_event_errors,
            (
                "normandy-glean-events.schema.json"
                if name == "glean"
                else "normandy-events.schema.json"
            ),
            events,
        )
        for name, events in shapes.items()
    }
    runs: dict[str, tuple[Callable[[Any], Any], list[Any]]] = {
        name: (
            nt.is_valid_glean_event if name == "glean" else nt.is_valid_event,
            events,
        )
        for name, events in shapes.items()
    }
    runs["legacy errors"] = (
        lambda e: list(nt.iter_event_errors(e)),
        [e for e, ok in zip(shapes["legacy"], verdicts["legacy"]) if not ok],
    )
    runs["glean errors"] = (
        lambda e: list(nt.iter_glean_event_errors(e)),
        [e for e, ok in zip(shapes["glean"], verdicts["glean"]) if not ok],
    )
    found = paired_rates(runs, REPEATS)
    share = {name: sum(ok) / STREAM for name, ok in verdicts.items()}

    def ratio(name: str) -> str:
        value = found["glean"] / found[name]
        return f"x{value:.3f} ({'met' if value >= GOAL else 'NOT met'})"

    return [
        f"Glean event validators beside the legacy ones (events per second of CPU time, best of {REPEATS}, paired chunk by chunk; the same events in every shape)",
        f"  stream: {STREAM:,} events, valid: {share['stream']:.1%} as the validators benchmark has them,"
        f" {share['legacy']:.1%} as legacy records, {share['glean']:.1%} as Glean events",
        "  every fast path gave its full check's verdict on every event, and its JSON Schema's on a sample",
        f"  is_valid_event, validators stream (mappings and records) {found['stream']:12,.0f}",
        f"  is_valid_event, legacy records                           {found['legacy']:12,.0f}",
        f"  is_valid_event, mappings                                 {found['mapping']:12,.0f}",
        f"  is_valid_glean_event, Glean events                       {found['glean']:12,.0f}",
        f"  iter_event_errors (invalid legacy records)               {found['legacy errors']:12,.0f}",
        f"  iter_glean_event_errors (invalid Glean events)           {found['glean errors']:12,.0f}",
        f"  is_valid_glean_event / is_valid_event (goal x{GOAL}): {ratio('stream')} against the validators stream,"
        f" {ratio('legacy')} against legacy records, {ratio('mapping')} against mappings",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
