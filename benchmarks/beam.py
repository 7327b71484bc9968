"""Events per second of ``python -m normandy_telemetry.beam`` on the
DirectRunner (one process, and two) and on a local ``dask.distributed``
cluster (a scheduler and two single-threaded workers, started here), for
Glean events pings and for legacy event pings, beside what one process does
without Beam (``normandy_telemetry.pings.check_lines``).

The input for each kind of ping is ``FILES`` files (the program's unit of
parallel work is one file) holding ``EVENTS`` Normandy events of the
validators benchmark's seeded stream (about 85% valid, every event kind and
fault kind), 25 to a ping with an uptake event and two events of other
categories. Each run is a fresh process, as a user runs it, so its time
includes starting Beam (measured on its own with a one-ping file). The totals
each run writes (``summary.json``) are checked against the validators on the
same events, and every runner's against the DirectRunner's; a difference stops
the benchmark.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT
from benchmarks.shapes import nt, ping_lines, streams

GENERATED = ROOT / "generated"
EVENTS = int(os.environ.get("BEAM_BENCH_EVENTS", "400000"))
FILES = 8
SEED = 20261128
DASK = Path(sys.executable).parent / "dask"
RUNNERS: dict[str, list[str]] = {
    "DirectRunner, 1 process": ["--direct_running_mode=in_memory"],
    "DirectRunner, 2 processes": [
        "--direct_running_mode=multi_processing",
        "--direct_num_workers=2",
    ],
    "DaskRunner, 2 workers": [
        "--runner=apache_beam.runners.dask.dask_runner.DaskRunner"
    ],
}


def write_pings(directory: Path, glean: bool) -> tuple[int, int]:
    """``FILES`` files of pings holding ``EVENTS`` Normandy events in all; the
    number of events and of valid ones."""
    directory.mkdir(parents=True)
    events = valid = written = count = 0
    seed = SEED
    handles = [(directory / f"{n:02d}.ndjson").open("wb") for n in range(FILES)]
    try:
        while written < EVENTS:
            shapes = streams(min(50_000, EVENTS - written), seed)
            seed += 1
            batch = shapes["glean" if glean else "legacy"]
            check = nt.is_valid_glean_event if glean else nt.is_valid_event
            mine = [e for e in batch if _normandy(e, glean)]
            events += len(mine)
            valid += sum(map(check, mine))
            for line in ping_lines(mine, glean, first=written):
                handles[count % FILES].write(line + b"\n")
                count += 1
            written += len(batch)
    finally:
        for handle in handles:
            handle.close()
    return events, valid


def _normandy(event: Any, glean: bool) -> bool:
    if glean:
        return type(event) is dict and event.get("category") == nt.CATEGORY
    return type(event) is list and len(event) > 1 and event[1] == nt.CATEGORY


@contextlib.contextmanager
def dask_cluster(root: Path) -> Iterator[str]:
    """A scheduler and two single-threaded workers on 127.0.0.1."""
    env = {**os.environ, "PYTHONPATH": str(GENERATED)}
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    scheduler_file = root / "scheduler.json"
    started = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--port",
                "0",
                "--scheduler-file",
                str(scheduler_file),
                *common,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            if time.monotonic() > deadline:
                raise RuntimeError("the dask scheduler did not start")
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        for _ in range(2):
            started.append(
                subprocess.Popen(
                    [
                        str(DASK),
                        "worker",
                        address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        *common,
                    ],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        import distributed

        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(started):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            process.wait(timeout=60)


def run_program(
    pings: Path, out: Path, options: list[str]
) -> tuple[float, dict[str, Any]]:
    """Wall seconds of one run, and the summary it wrote."""
    command = [
        sys.executable,
        "-m",
        "normandy_telemetry.beam",
        "--input",
        str(pings / "*"),
        "--output",
        str(out),
        *options,
    ]
    env = {**os.environ, "PYTHONPATH": str(GENERATED)}
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return seconds, json.loads((out / "summary.json").read_text("utf-8"))


def one_process_rate(pings: Path, events: int) -> float:
    """Events per second of the program's work on these files, without Beam."""
    from normandy_telemetry.pings import check_file

    start = time.perf_counter()
    for path in sorted(pings.iterdir()):
        with path.open("rb") as raw:
            check_file(raw, str(path), lambda _: None, lambda _: None)
    return events / (time.perf_counter() - start)


def run() -> list[str]:
    lines = [
        f"Beam pipeline (apache-beam {_version('apache-beam')}, dask {_version('dask')}),"
        " python -m normandy_telemetry.beam, each run a fresh process, start-up included",
    ]
    with tempfile.TemporaryDirectory(prefix="normandy-beam-bench-") as tmp:
        root = Path(tmp)
        tiny = root / "tiny"
        tiny.mkdir()
        tiny_events = [e for e in streams(100, SEED)["legacy"] if _normandy(e, False)]
        (tiny / "one.ndjson").write_bytes(next(ping_lines(tiny_events, False)) + b"\n")
        startup, _ = run_program(tiny, root / "out-tiny", [])
        lines.append(f"  start-up, one ping, DirectRunner: {startup:.1f} s")
        with dask_cluster(root) as address:
            runners = {name: list(options) for name, options in RUNNERS.items()}
            runners["DaskRunner, 2 workers"].append(f"--dask_client_address={address}")
            startup, _ = run_program(
                tiny, root / "out-tiny-dask", runners["DaskRunner, 2 workers"]
            )
            lines.append(f"  start-up, one ping, DaskRunner: {startup:.1f} s")
            for kind, glean in (
                ("Glean events pings", True),
                ("legacy event pings", False),
            ):
                pings = root / ("glean" if glean else "legacy")
                events, valid = write_pings(pings, glean)
                size = sum(p.stat().st_size for p in pings.iterdir()) / 2**20
                lines.append(
                    f"  {kind}: {events:,} Normandy events ({valid / events:.1%} valid) in {FILES} files,"
                    f" {size:,.0f} MiB; without Beam, one process: {one_process_rate(pings, events):,.0f} events/s"
                )
                first: dict[str, Any] | None = None
                for name, options in runners.items():
                    out = root / f"out-{pings.name}-{len(lines)}"
                    seconds, summary = run_program(pings, out, options)
                    if (
                        summary["valid_events"] != valid
                        or summary["dead_letters_by_kind"].get("event", 0)
                        != events - valid
                    ):
                        raise AssertionError(
                            f"{kind}, {name}: {summary}, expected {valid} valid of {events}"
                        )
                    if first is not None and summary != first:
                        raise AssertionError(
                            f"{kind}, {name}: {summary} differs from {first}"
                        )
                    first = first or summary
                    lines.append(
                        f"    {name:27} {events / seconds:10,.0f} events/s  ({seconds:.1f} s)"
                    )
                    shutil.rmtree(out)
    lines.append(
        "  every run wrote the validators' count of valid events and dead letters, the same on every runner"
    )
    return lines


def _version(name: str) -> str:
    return importlib.metadata.version(name)


if __name__ == "__main__":
    print("\n".join(run()))
