"""Events per second of the Beam pipeline (``python -m normandy_telemetry.beam``)
on the DirectRunner, beside ``is_valid_event`` alone in one process.

The input is a temporary file of Firefox event pings, one JSON document a
line, holding ``EVENTS`` Normandy event records (about 85% valid, every event
kind and fault kind, from the validators benchmark's seeded stream, as the
legacy records pings carry) plus, per ping, an uptake event and two events of
other categories that the pipeline reads and ignores. It is written in chunks,
so memory stays flat however many events there are.

The pipeline runs as a user runs it, a fresh process per mode; its time
includes starting Beam, which is measured on its own with a one-ping file. The
numbers of valid events and dead letters it writes are checked against
``is_valid_event`` on the same records; a difference stops the benchmark.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT
from benchmarks.validators import make_stream, one_pass

GENERATED = ROOT / "generated"
sys.path.insert(0, str(GENERATED))

import normandy_telemetry as nt  # noqa: E402

EVENTS = int(os.environ.get("BEAM_BENCH_EVENTS", "1000000"))
PER_PING = 25
CHUNK = 50_000
SEED = 20261128
MODES = {
    "in_memory (1 process)": ["--direct_running_mode=in_memory"],
    "multi_processing, 2 workers": [
        "--direct_running_mode=multi_processing",
        "--direct_num_workers=2",
    ],
}
OTHER_EVENTS = [
    [17, "navigation", "search", "urlbar", "enter", {"engine": "other"}],
    [
        18,
        "uptake.remotecontent.result",
        "uptake",
        "remotesettings",
        "success",
        {"source": "main/search-config"},
    ],
]
UPTAKE_SOURCES = (
    "normandy/runner",
    "normandy/action/preference-experiment",
    "normandy/recipe/42",
    "normandy/recipe/x",
)
UPTAKE_STATUSES = ("success", "backoff", "server_error", "sign_error", "custom_1_error")


def legacy_records(seed: int) -> Iterator[list[Any]]:
    """The validators benchmark's stream as the records a ping carries: arrays
    whose category is ``normandy`` (the pipeline ignores other categories)."""
    stream, _ = make_stream(CHUNK, seed)
    for item in stream:
        if type(item) is dict:
            record = [
                1700000000,
                *(
                    item.get(f)
                    for f in ("category", "method", "object", "value", "extra")
                ),
            ]
            if "timestamp" not in item and "extra" not in item:
                record.pop()
            item = record
        if type(item) is list and len(item) > 1 and item[1] == nt.CATEGORY:
            yield json.loads(json.dumps(item))  # as the pipeline will decode it


def write_pings(path: Path, count: int) -> tuple[int, int, int, list[Any]]:
    """Write pings holding ``count`` Normandy records; return the records'
    count of valid ones, the uptake events' counts of valid and invalid, and a
    sample of the records for timing ``is_valid_event``."""
    valid = uptake_valid = uptake_invalid = written = 0
    sample: list[Any] = []
    with path.open("w", encoding="utf-8") as out:
        seed = SEED
        while written < count:
            batch = list(legacy_records(seed))[: count - written]
            seed += 1
            if len(sample) < 200_000:
                sample += batch[: 200_000 - len(sample)]
            valid += sum(map(nt.is_valid_event, batch))
            for start in range(0, len(batch), PER_PING):
                n = written + start
                source, status = UPTAKE_SOURCES[n % 4], UPTAKE_STATUSES[n % 5]
                if nt.is_valid_uptake(source, status):
                    uptake_valid += 1
                else:
                    uptake_invalid += 1
                uptake = [
                    n,
                    "uptake.remotecontent.result",
                    "uptake",
                    "normandy",
                    status,
                    {"source": source},
                ]
                records = batch[start : start + PER_PING] + [uptake] + OTHER_EVENTS
                ping = {
                    "type": "event",
                    "payload": {"reason": "max", "events": {"parent": records}},
                }
                out.write(json.dumps(ping, separators=(",", ":")) + "\n")
            written += len(batch)
    return valid, uptake_valid, uptake_invalid, sample


def run_pipeline(
    pings: Path, out: Path, options: list[str]
) -> tuple[float, float, str]:
    """Wall seconds, peak MiB of the main process, and stderr of one run."""
    command = [
        sys.executable,
        "-m",
        "normandy_telemetry.beam",
        "--input",
        str(pings),
        "--output",
        str(out),
        *options,
    ]
    env = {**os.environ, "PYTHONPATH": str(GENERATED)}
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=out.parent,
    )
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, stderr


def work_rate(pings: Path, count: int = 4000) -> float:
    """Events per second of what the program does to each line (decode the
    JSON, read the ping, validate, write JSON) without Beam, one process."""
    from normandy_telemetry.beam import _PingLinesToText

    with pings.open("rb") as source:
        lines = [source.readline().rstrip(b"\n") for _ in range(count)]
    events = sum(
        len(json.loads(line)["payload"]["events"]["parent"]) - 1 - len(OTHER_EVENTS)
        for line in lines
    )
    step = _PingLinesToText()
    seconds = min(
        one_pass(lambda line: list(step.process(line)), lines) for _ in range(3)
    )
    return events / seconds


def count_lines(out: Path, name: str) -> int:
    total = 0
    for path in out.glob(f"{name}-*.ndjson"):
        with path.open("rb") as lines:
            total += sum(1 for _ in lines)
    return total


def run() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="normandy-beam-bench-") as tmp:
        root = Path(tmp)
        pings = root / "pings.ndjson"
        valid, uptake_valid, uptake_invalid, sample = write_pings(pings, EVENTS)
        rate = len(sample) / min(one_pass(nt.is_valid_event, sample) for _ in range(3))
        work = work_rate(pings)
        tiny = root / "one-ping.ndjson"
        with pings.open("rb") as source:
            tiny.write_bytes(source.readline())
        startup, _, _ = run_pipeline(tiny, root / "out-tiny", [])
        size = pings.stat().st_size / 2**20
        lines = [
            f"Beam pipeline on the DirectRunner (apache-beam {_beam_version()}), python -m normandy_telemetry.beam",
            f"  input: {EVENTS:,} Normandy events in {-(-EVENTS // PER_PING):,} pings ({size:,.0f} MiB),"
            f" {valid / EVENTS:.1%} valid, plus an uptake event and 2 ignored events per ping",
            f"  is_valid_event alone, one process        {rate:12,.0f} events/s",
            f"  the program's work without Beam          {work:12,.0f} events/s  (decode, read, validate, encode)",
            f"  pipeline start-up (one ping)             {startup:12.1f} s",
        ]
        for name, options in MODES.items():
            out = root / f"out-{len(lines)}"
            seconds, peak, _ = run_pipeline(pings, out, options)
            got = count_lines(out, "valid-events"), count_lines(out, "dead-letters")
            want = valid, EVENTS - valid + uptake_invalid
            if got != want:
                raise AssertionError(
                    f"{name}: wrote {got} (valid, dead letters), expected {want}"
                )
            lines.append(
                f"  pipeline, {name:30} {EVENTS / seconds:12,.0f} events/s  ({seconds:.1f} s,"
                f" {peak:,.0f} MiB peak in the main process; x{rate * seconds / EVENTS:,.0f} slower)"
            )
        lines.append(
            "  every run wrote is_valid_event's count of valid events and of dead letters"
        )
        return lines


def _beam_version() -> str:
    return importlib.metadata.version("apache-beam")


if __name__ == "__main__":
    print("\n".join(run()))
