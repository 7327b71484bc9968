"""The validators as Apache Beam transforms, for pipelines of any size.

This module is the package's ``beam`` extra and the only one that imports
Apache Beam: the rest of the package never imports it and needs the standard
library alone.

The transforms run the package's own validators, unchanged, on any Beam
runner that has tagged outputs (the DirectRunner, Dataflow, Flink, Spark).
Nothing is dropped and nothing raises: every input ends on a main output or,
as a :class:`DeadLetter`, on the output tagged :data:`DEAD_LETTERS`, exactly
as it came, with its problems as ``(path, message)`` pairs (for an event or
an uptake event, exactly those its validator gives) and where it came from.

It offers :class:`ValidateEvents` (Normandy's events in any shape),
:class:`CountUptake` (uptake events or reports, counted per kind of source
and status), the ``DoFn`` :class:`ReadEventPings` (decoded pings, Glean or
legacy, to their records) and :class:`ValidatePings` (all of these, from
lines of newline-delimited JSON).

As a program it reads files of pings and writes what it finds, on the
DirectRunner unless pipeline options (``--runner``, ...) say otherwise:
``python -m normandy_telemetry.beam --input PINGS --output OUT/``. The
program's pipeline is built for every runner, the DaskRunner included: one
element per input file, single-output steps, no metrics, one chain ending in
one step (see :func:`build_pipeline`).
"""

# Apache Beam's annotations are incomplete: calls into it are untyped.
# mypy: allow-untyped-calls

from __future__ import annotations

import argparse
import atexit
import difflib
import glob
import json
import logging
import os
import re
import shutil
import signal
import stat
import sys
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


from normandy_telemetry.pings import (
    BAD,
    BLANK,
    EVENT,
    NOWHERE,
    OTHER,
    UPTAKE,
    DeadLetter,
    Failure,
    Found,
    Origin,
    Tally,
    check_file,
    encode,
    event_errors,
    is_valid_record,
    line_document,
    line_letter,
    read_ping,
    uptake_report,
)
from normandy_telemetry.validate import (
    is_valid_uptake,
    iter_uptake_errors,
    uptake_source,
)


class _NotInstalledNotice(logging.Filter):
    """Drops the warning Apache Beam logs on import when Google Cloud's client
    libraries are not installed ("apitools not found, and bigquery client
    libraries are not available..."): this module needs none of them, and a
    pipeline owner read it as something gone wrong in every run."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("apitools not found")


_quiet = _NotInstalledNotice()
logging.getLogger().addFilter(_quiet)
try:
    import apache_beam as beam
    from apache_beam import pvalue
    from apache_beam.io.filesystem import CompressionTypes
    from apache_beam.io.filesystems import FileSystems
    from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
    from apache_beam.pvalue import PCollection
    from apache_beam.transforms import combiners
except ImportError as exc:
    # normandy-telemetry is on no package index: it is installed from the folder
    # it was generated into, as the README says, so that is what is suggested.
    raise ImportError(
        "normandy_telemetry.beam needs Apache Beam, which is not installed. Install"
        " the package with its beam extra from the folder it was generated into:"
        " pip install './generated[beam]'; or add Beam beside it: pip install apache-beam"
    ) from exc
except KeyboardInterrupt:
    if __name__ != "__main__":  # a library's import: its caller decides
        raise
    # Ctrl-C in the two seconds Beam takes to import, before the run began.
    print("interrupted before anything was read or written", file=sys.stderr)
    sys.exit(130)
finally:
    logging.getLogger().removeFilter(_quiet)

__all__ = [
    "DEAD_LETTERS",
    "OTHER",
    "OUTPUTS",
    "SUMMARY",
    "UPTAKE",
    "CountUptake",
    "DeadLetter",
    "Found",
    "Origin",
    "OtherCount",
    "ReadEventPings",
    "UptakeCount",
    "ValidateEvents",
    "ValidatePings",
    "build_pipeline",
    "main",
]

DEAD_LETTERS: Final = "dead_letters"
"""The tag of every transform's dead-letter output."""

OUTPUTS: Final = ("valid-events", "dead-letters", "uptake-counts", "other-events")
"""What the program writes under ``--output``: ``NAME-SSSSS-of-NNNNN.ndjson``
(valid events and dead letters: one shard per input file; counts: one)."""

SUMMARY: Final = "summary.json"
"""The program's closing summary, written under ``--output`` beside them."""

_TEMPORARY: Final = ".tmp-"
"""Shards are written under this prefix, then renamed into place."""


@dataclass(frozen=True, slots=True)
class UptakeCount:
    """How many valid uptake reports a kind of source sent with one status."""

    source: str
    """The source's name: ``runner``, ``action`` or ``recipe``."""
    status: str
    """The telemetry value reported, such as ``success``."""
    count: int
    """How many times."""

    def to_json(self) -> str:
        """One line of JSON: ``{"source", "status", "count"}``."""
        return encode(
            {"source": self.source, "status": self.status, "count": self.count}
        )


@dataclass(frozen=True, slots=True)
class OtherCount:
    """How many records of another category than Normandy's the pings held."""

    category: str
    count: int

    def to_json(self) -> str:
        """One line of JSON: ``{"category", "count"}``."""
        return encode({"category": self.category, "count": self.count})


def _dead(kind: str, record: Any, errors: Any, origin: Origin = NOWHERE) -> Any:
    return pvalue.TaggedOutput(DEAD_LETTERS, DeadLetter(kind, record, errors, origin))


def _unwrap(element: Any) -> tuple[Any, Origin]:
    if type(element) is Found:
        return element.record, element.origin
    return element, NOWHERE


# -- events ---------------------------------------------------------------------


class _ValidateEvent(beam.DoFn):
    def process(self, element: Any) -> Iterator[Any]:
        record, origin = _unwrap(element)
        if is_valid_record(record):
            yield record
        else:
            yield _dead("event", record, event_errors(record), origin)


class ValidateEvents(beam.PTransform[PCollection[Any], Any]):
    """Validates Normandy events: Glean event objects
    (``{"category", "name", ...}``), legacy records or mappings, each plain or
    as the :class:`Found` that :class:`ReadEventPings` gives.

    Returns the outputs ``valid``, the records the spec allows, exactly as
    they came, and ``dead_letters``, a :class:`DeadLetter` of kind ``event``
    for every other input, whatever it is: after ``checked = records |
    ValidateEvents()``, they are ``checked.valid`` and ``checked.dead_letters``.
    """

    def expand(self, records: PCollection[Any]) -> pvalue.DoOutputsTuple:
        validate = beam.ParDo(_ValidateEvent())
        outputs: pvalue.DoOutputsTuple = records | validate.with_outputs(
            DEAD_LETTERS, main="valid"
        )
        return outputs


# -- uptake ---------------------------------------------------------------------

_NOT_UPTAKE: Final = (
    "an uptake report is a pair (source, status), an uptake event in Glean"
    " or a legacy uptake record"
)


class _ValidateUptake(beam.DoFn):
    def process(self, element: Any) -> Iterator[Any]:
        report, origin = _unwrap(element)
        kind = type(report)
        if kind is dict or (kind is list and len(report) in (5, 6)):
            found, errors = uptake_report(report)
            if found is not None:
                yield found
            else:
                yield _dead("uptake", report, errors, origin)
        elif kind not in (tuple, list) or len(report) != 2:
            yield _dead("uptake", report, (("", _NOT_UPTAKE),), origin)
        elif is_valid_uptake(*report):
            source, status = map(str.__str__, report)
            owner = uptake_source(source)
            assert owner is not None  # is_valid_uptake found it
            yield owner.name, status
        else:
            errors = tuple((e.path, e.message) for e in iter_uptake_errors(*report))
            yield _dead("uptake", report, errors, origin)


def _uptake_count(key: tuple[str, str], count: int) -> UptakeCount:
    return UptakeCount(key[0], key[1], count)


class CountUptake(beam.PTransform[PCollection[Any], Any]):
    """Validates uptake reports and counts the valid ones per kind of source
    and status.

    An element is Normandy's uptake event as a Glean ping holds it
    (``{"category": "uptake.remotecontent.result", "name": "uptake_normandy",
    ..., "extra": {"source", "value", ...}}``), as a legacy record
    (``[timestamp, "uptake.remotecontent.result", "uptake", "normandy",
    STATUS, {"source": KEY, ...}]``), either as the :class:`Found` that
    :class:`ReadEventPings` gives, or a pair ``(source, status)``. Returns
    ``{"counts": ..., "dead_letters": ...}``: an :class:`UptakeCount` per kind
    of source and status, and a :class:`DeadLetter` of kind ``uptake``,
    holding the element as it came, for every one that is not valid.
    """

    def expand(self, reports: PCollection[Any]) -> dict[str, PCollection[Any]]:
        validate = beam.ParDo(_ValidateUptake())
        checked = reports | "Validate" >> validate.with_outputs(
            DEAD_LETTERS, main="valid"
        )
        counts = (
            checked.valid
            | "Count" >> combiners.Count.PerElement()
            | "Name" >> beam.MapTuple(_uptake_count)
        )
        return {"counts": counts, DEAD_LETTERS: checked[DEAD_LETTERS]}


# -- pings ----------------------------------------------------------------------


class ReadEventPings(beam.DoFn):
    """Reads decoded pings, Glean events pings or legacy event pings (told
    apart by their shape), each plain or as ``(Origin, ping)``.

    Normandy's events go, as a :class:`Found` holding the record as it came
    and where it came from, to the main output; Normandy's uptake events to
    the output tagged :data:`UPTAKE`, also as :class:`Found`; the category of
    every other record to the output tagged :data:`OTHER`; and what is not a
    ping, or not an event record, to :data:`DEAD_LETTERS` (kind ``ping``). Use
    it as ``beam.ParDo(ReadEventPings()).with_outputs(UPTAKE, OTHER,
    DEAD_LETTERS, main="events")``.
    """

    def process(self, element: Any) -> Iterator[Any]:
        where = NOWHERE
        if type(element) is tuple and len(element) == 2 and type(element[0]) is Origin:
            where, element = element
        for found in read_ping(element, where):
            if found.route == EVENT:
                yield found
            elif found.route == UPTAKE:
                yield pvalue.TaggedOutput(UPTAKE, found)
            elif found.route == OTHER:
                yield pvalue.TaggedOutput(OTHER, _category(found.record))
            else:
                assert found.route == BAD and found.problem is not None
                yield _dead("ping", found.record, (found.problem,), found.origin)


def _category(record: Any) -> str:
    return str(record["category"] if type(record) is dict else record[1])


class _ParseLine(beam.DoFn):
    def process(self, element: Any) -> Iterator[Any]:
        where = NOWHERE
        line = element
        if type(element) is tuple and len(element) == 3:
            file, number, line = element
            where = Origin(
                file if type(file) is str else None,
                number if type(number) is int else None,
            )
        ping, problem = line_document(line)
        if problem is not None:
            yield pvalue.TaggedOutput(DEAD_LETTERS, line_letter(line, problem, where))
        elif ping is not BLANK:
            yield where, ping  # the document null too: a dead letter of kind ping


class ValidatePings(beam.PTransform[PCollection[Any], Any]):
    """Lines of newline-delimited JSON, a ping each (Glean or legacy), to
    what they hold. An element is a line (``bytes`` or ``str``) or ``(file,
    line number, line)``, for dead letters that say where they came from.

    Returns ``{"valid_events", "uptake_counts", "other_counts",
    "dead_letters"}``: Normandy's events the spec allows, exactly as they
    came; an :class:`UptakeCount` per kind of source and status; an
    :class:`OtherCount` per other category; and everything else (lines that
    are not UTF-8, not JSON or hold a lone surrogate, what is not a ping,
    invalid events and uptake events). Blank lines are skipped.
    """

    def expand(self, lines: PCollection[Any]) -> dict[str, PCollection[Any]]:
        parse = beam.ParDo(_ParseLine()).with_outputs(DEAD_LETTERS, main="pings")
        parsed = lines | "Parse" >> parse
        read = beam.ParDo(ReadEventPings()).with_outputs(
            UPTAKE, OTHER, DEAD_LETTERS, main="events"
        )
        found = parsed.pings | "Read" >> read
        events = found.events | "ValidateEvents" >> ValidateEvents()
        uptake = found[UPTAKE] | "CountUptake" >> CountUptake()
        other = (
            found[OTHER]
            | "CountOther" >> combiners.Count.PerElement()
            | "NameOther" >> beam.MapTuple(OtherCount)
        )
        dead = (
            parsed[DEAD_LETTERS],
            found[DEAD_LETTERS],
            events[DEAD_LETTERS],
            uptake[DEAD_LETTERS],
        ) | "DeadLetters" >> beam.Flatten()
        return {
            "valid_events": events.valid,
            "uptake_counts": uptake["counts"],
            "other_counts": other,
            DEAD_LETTERS: dead,
        }


# -- the program ----------------------------------------------------------------


def _shard_name(output: str, name: str, index: int, count: int) -> str:
    return FileSystems.join(output, f"{name}-{index:05d}-of-{count:05d}.ndjson")


def _write_atomically(path: str, chunks: Iterable[bytes]) -> None:
    """Write ``path`` under a temporary name, then rename it into place: a
    reader never sees half a shard, and a retried step writes it again whole."""
    directory, name = FileSystems.split(path)
    temporary = FileSystems.join(directory, f"{_TEMPORARY}{uuid.uuid4().hex}-{name}")
    with FileSystems.create(temporary) as out:
        for chunk in chunks:
            out.write(chunk)
    FileSystems.rename([temporary], [path])


class _CheckFile(beam.DoFn):
    """One input file, whole: its valid events and dead letters written as
    shard ``index`` of the two outputs, what it held yielded as a
    :class:`~normandy_telemetry.pings.Tally`. A file that cannot be opened or
    read to its end is a dead letter of kind ``file``, never an exception."""

    def __init__(self, output: str, count: int) -> None:
        super().__init__()
        self.output = output
        self.count = count

    def process(self, element: tuple[int, bytes]) -> Iterator[Tally]:
        index, path = element[0], os.fsdecode(element[1])
        names = [
            _shard_name(self.output, name, index, self.count) for name in OUTPUTS[:2]
        ]
        temporary = [
            FileSystems.join(
                self.output, f"{_TEMPORARY}{uuid.uuid4().hex}-{index:05d}-{n}"
            )
            for n in OUTPUTS[:2]
        ]
        with (
            FileSystems.create(temporary[0]) as valid,
            FileSystems.create(temporary[1]) as dead,
        ):
            try:
                raw = FileSystems.open(
                    path, compression_type=CompressionTypes.UNCOMPRESSED
                )
            except Exception as exc:  # gone, or no permission, since it was listed
                message = f"could not be opened: {exc}"
                letter = DeadLetter("file", None, (("", message),), Origin(path))
                dead.write((letter.to_json() + "\n").encode("utf-8"))
                tally = Tally(files=1)
                tally.dead_letters["file"] += 1
                tally.failed.append(Failure(path, message))
            else:
                with raw:
                    tally = check_file(
                        raw,
                        path,
                        lambda text: valid.write(text.encode("utf-8")),
                        lambda text: dead.write(text.encode("utf-8")),
                    )
        FileSystems.rename(temporary, names)
        yield tally


def _sum_tallies(element: tuple[Any, Iterable[Tally]]) -> Tally:
    total = Tally()
    for tally in element[1]:
        total.add(tally)
    return total


class _Summarise(beam.DoFn):
    """Every file's tally, summed: the uptake and other-category counts and
    ``summary.json`` written, and the text written to it yielded. The text,
    not the dictionary: JSON escapes a file name that is not UTF-8 (Python
    holds its bytes as lone surrogates), which Beam's coder of text refuses."""

    def __init__(self, output: str) -> None:
        super().__init__()
        self.output = output

    def process(self, element: tuple[Any, Iterable[Tally]]) -> Iterator[str]:
        total = _sum_tallies(element)
        uptake = [
            UptakeCount(source, status, count).to_json()
            for (source, status), count in sorted(total.uptake.items())
        ]
        other = [
            OtherCount(category, count).to_json()
            for category, count in sorted(total.other.items())
        ]
        for name, lines in (("uptake-counts", uptake), ("other-events", other)):
            text = "".join(line + "\n" for line in lines)
            _write_atomically(
                _shard_name(self.output, name, 0, 1), [text.encode("utf-8")]
            )
        document = json.dumps(total.summary(), indent=2, sort_keys=True) + "\n"
        _write_atomically(
            FileSystems.join(self.output, SUMMARY), [document.encode("ascii")]
        )
        yield document


def build_pipeline(
    pipeline: beam.Pipeline, files: Sequence[str], output: str
) -> PCollection[Any]:
    """Add to ``pipeline``: check each of ``files`` and write :data:`OUTPUTS`
    and :data:`SUMMARY` under the directory ``output``; returns the summary,
    one element: the JSON text written to :data:`SUMMARY` (``json.loads``
    makes it a dictionary).

    Built to run on every runner, the DaskRunner included: the unit of work
    is one file, read whole (so each record's line is known and a bad file
    fails alone), every step has one output and writes its files itself
    (under a temporary name, renamed into place), nothing is emitted from
    ``finish_bundle`` and no metric is read, and the steps form one chain
    that ends in the step writing the summary.
    """
    count = len(files)
    summary: PCollection[Any] = (
        pipeline
        # As bytes: a file's name need not be UTF-8 (Linux names are bytes),
        # and Beam's coder of text refuses what Python decoded it to.
        | "Files" >> beam.Create([(i, os.fsencode(f)) for i, f in enumerate(files)])
        | "Check" >> beam.ParDo(_CheckFile(output, count))
        | "Key" >> beam.Map(lambda tally: (None, tally))
        | "Gather" >> beam.GroupByKey()
        | "Summarise" >> beam.ParDo(_Summarise(output))
    )
    return summary


def _matching(patterns: Iterable[str]) -> list[str]:
    paths: list[str] = []
    for result in FileSystems.match(list(patterns)):
        paths += [metadata.path for metadata in result.metadata_list]
    return sorted(dict.fromkeys(paths))


def _shown(text: str) -> str:
    """A path as a message may print it: control characters (a newline, an
    escape sequence) escaped, so that a file's name cannot forge a line of
    the summary or drive the terminal, and a byte that is not UTF-8 (which
    Python holds as a lone surrogate) shown as the byte, ``\\xff``."""
    if text.isprintable():
        return text
    try:
        text = text.encode("utf-8", "surrogateescape").decode(
            "utf-8", "backslashreplace"
        )
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        pass
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


def _local_inputs(
    patterns: Sequence[str], paths: list[str]
) -> tuple[list[str], list[str]]:
    """The matched paths that can be read as files, each file once (by its real
    path: ``a.ndjson``, ``./a.ndjson`` and a link to it are one file), and
    what a glob matched that is not a file, each with why (a directory, a
    broken link, a FIFO that would block the run forever)."""
    kept: list[str] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    # What Beam lists, and what a local glob names that Beam leaves out
    # (directories, broken links): each is read or said to be skipped.
    named = [
        p for pattern in patterns if "://" not in pattern for p in glob.glob(pattern)
    ]
    # Beam's paths first, in the form the user wrote them (a relative glob gives
    # relative names, which the dead letters' origins repeat).
    for path in dict.fromkeys(paths + sorted(named)):
        if "://" in path:
            kept.append(path)
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError:
            skipped.append((path, f"{_shown(path)} (a broken link)"))
            continue
        if not stat.S_ISREG(mode):
            what = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
            skipped.append((path, f"{_shown(path)} ({what})"))
            continue
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            kept.append(path)
    # A folder whose files are read anyway (Beam reads "**" at any depth,
    # Python's glob at one) was not skipped.
    return kept, [
        why
        for path, why in skipped
        if not any(k.startswith(path.rstrip("/") + "/") for k in kept)
    ]


def _inside(path: str, directory: str) -> bool:
    """Whether ``path`` is under ``directory`` (an earlier run's output, which
    a glob over the input's folder would otherwise read as input), symbolic
    links followed on either side."""
    if "://" not in path and "://" not in directory:
        path, directory = os.path.realpath(path), os.path.realpath(directory)
    return path.startswith(directory.rstrip("/") + "/")


_SHARD: Final = re.compile(r"-[0-9]{5,}-of-[0-9]{5,}\.ndjson")
"""The end of a shard's name, as Beam names them (``-00000-of-00002.ndjson``)."""


def _earlier_run(output: str) -> list[str]:
    """What a run of this program leaves under ``output``: its shards (not a
    file of the user's that merely starts alike, ``valid-events-2024-of-archive``),
    its summary and Beam's temporary files."""
    patterns = [FileSystems.join(output, f"{name}-*-of-*.ndjson") for name in OUTPUTS]
    patterns += [
        FileSystems.join(output, SUMMARY),
        FileSystems.join(output, f"{_TEMPORARY}*"),
    ]
    try:
        found = _matching(patterns)
    except Exception:  # no such directory yet
        return []
    return [path for path in found if _ours(FileSystems.split(path)[1])]


def _ours(name: str) -> bool:
    """Whether a file name is one a run of this program writes."""
    if not name.endswith(".ndjson"):
        return True  # the summary or a temporary file, matched by name
    return any(
        name.startswith(output) and _SHARD.fullmatch(name[len(output) :])
        for output in OUTPUTS
    )


_REMOTE_RUNNERS: Final = ("Dataflow", "Flink", "Spark", "Portable", "Samza", "Jet")
"""Runners whose job goes on elsewhere when this program stops."""


def _exists(path: str) -> bool:
    try:
        return bool(FileSystems.exists(path))
    except Exception:  # what made the run fail may make this fail too
        return False


def _incomplete(shown: str, runner: str) -> str:
    said = f"interrupted: what is under {shown} is incomplete (it has no {SUMMARY});"
    if any(name in runner for name in _REMOTE_RUNNERS):
        return (
            f"{said} the job {_shown(runner)} started may still be running: cancel it"
            " there before you run again with --replace"
        )
    return f"{said} run again with --replace"


def _stop_handler(output: str, shown: str, runner: str) -> Any:
    """What SIGINT and SIGTERM do while the pipeline runs: say what is left,
    let Beam stop what it started (its job server, registered with
    ``atexit``; at most 10 seconds), and leave with the signal's status (130,
    143). An exception raised instead would surface inside whatever transform
    was running, which Beam logs with its traceback and reports as a failure
    of the pipeline."""

    # Processes the caller had started before the run are not the run's to end.
    earlier = set(_descendants(os.getpid()))

    def stop(signum: int, frame: object) -> None:
        if _exists(FileSystems.join(output, SUMMARY)):
            # The last step wrote it: only Beam's tearing down was cut short.
            said = f"interrupted once the run was over: what is under {shown} is complete\n"
        else:
            said = _incomplete(shown, runner) + "\n"
        os.write(2, said.encode("utf-8", "backslashreplace"))
        # Beam's threads that watch the workers now fail; the run is over.
        threading.excepthook = _ignore_thread_failure
        _end_workers(earlier)
        status = 128 + signum
        watchdog = threading.Timer(10, os._exit, args=(status,))
        watchdog.daemon = True
        watchdog.start()
        try:
            atexit._run_exitfuncs()
        finally:
            os._exit(status)

    return stop


def _ignore_thread_failure(args: Any) -> None:
    """``threading.excepthook`` of a run that is being stopped."""


def _end_workers(earlier: set[int]) -> None:
    """Terminate the processes the run started (the DirectRunner's workers in
    ``multi_processing`` mode), not those in ``earlier`` nor any under them,
    before their connection to this one closes: a worker reports a closed
    connection as its own failure, with a traceback, after the line that says
    why the run stopped. Read from ``/proc``: on Linux only; elsewhere the
    workers end when their connection does. A process the caller starts from
    another thread during the run is taken for a worker."""
    for pid in _descendants(os.getpid(), spare=earlier):
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:  # it has ended already
            pass


def _descendants(
    root: int, spare: frozenset[int] | set[int] = frozenset()
) -> list[int]:
    """The processes under ``root``, each before its own children (Linux's
    ``/proc``), leaving out those in ``spare`` and everything under them."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat_file:
                status = stat_file.read()
        except OSError:  # it ended while we looked
            continue
        # "pid (name) state ppid ...": the name may hold spaces and parentheses
        fields = status[status.rfind(b")") + 2 :].split()
        if len(fields) > 1 and fields[1].isdigit():
            children.setdefault(int(fields[1]), []).append(int(entry))
    found: list[int] = []
    waiting = [root]
    while waiting:
        for child in children.get(waiting.pop(), []):
            if child not in spare:
                found.append(child)
                waiting.append(child)
    return found


_QUIET_WORKERS: Final = "--default_sdk_harness_log_level=ERROR"
"""The local runner's workers log at INFO otherwise: some forty lines a run
around the program's summary, about Beam's own setup."""


def _lock(output: str) -> int | None:
    """Hold ``output`` (a local directory) for this run, or None if another run
    holds it. Two runs into one folder would mix their shards and each write
    a summary of half of them. The lock goes with the process."""
    if fcntl is None:  # not a POSIX system: no lock
        return None
    fd = os.open(output, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


_PARTITION_OPTIONS: Final = ("--dask_npartitions", "--dask_partition_size")


def _pipeline_options(pipeline_args: list[str]) -> PipelineOptions:
    options = PipelineOptions(pipeline_args)
    runner = options.view_as(StandardOptions).runner or ""
    names = {arg.split("=", 1)[0] for arg in pipeline_args}
    if "direct" in str(runner or "DirectRunner").lower() and (
        _QUIET_WORKERS.split("=")[0] not in names
    ):
        # Workers on this machine print to this terminal; a remote runner's
        # logs go to its own service, and are left as the user set them.
        pipeline_args = [*pipeline_args, _QUIET_WORKERS]
        options = PipelineOptions(pipeline_args)
    given = bool(names & set(_PARTITION_OPTIONS))
    if "Dask" in str(runner) and not given:
        # One element is one file: let each be a Dask partition of its own, so
        # the files spread over the workers (the DaskRunner's default packs
        # 128 elements into one partition).
        options = PipelineOptions([*pipeline_args, "--dask_partition_size=1"])
    return options


_OWN_OPTIONS: Final = ("--replace", "--input", "--output")
"""This program's options; the others are Beam's."""


class _OptionError(ValueError):
    """What Beam's parser of pipeline options would have exited on."""


def _misread_options(pipeline_args: list[str], unknown_too: bool) -> None:
    """Raise :class:`_OptionError` for an option whose value Beam cannot read
    or, with ``unknown_too``, one that no options class Beam has loaded knows
    (with the closest known option). Reads the options as Beam does, with its
    parser and every options class; where Beam's internals differ, it leaves
    them to Beam."""
    try:
        from apache_beam.options.pipeline_options import _BeamArgumentParser
    except ImportError:  # pragma: no cover - another version of Beam
        return

    class Parser(_BeamArgumentParser):
        def error(self, message: str) -> Any:  # argparse would print and exit
            raise _OptionError(message)

    parser = Parser(allow_abbrev=False)
    classes: dict[str, Any] = {}
    for cls in PipelineOptions.__subclasses__():
        classes.setdefault(str(cls), cls)
    for cls in classes.values():
        cls._add_argparse_args(parser)
    _, unknown = parser.parse_known_args(pipeline_args)
    if not unknown_too or not unknown:
        return
    known = [o for action in parser._actions for o in action.option_strings]
    name = unknown[0].split("=", 1)[0]
    if not name.startswith("-"):
        raise _OptionError(f"unexpected argument {name}")
    bare = name.lstrip("-")
    ours = [o for o in _OWN_OPTIONS if bare and o[2:].startswith(bare)]
    close = ours or difflib.get_close_matches(name, [*known, *_OWN_OPTIONS], n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    if ours:
        hint += " (no option is abbreviated)"
    raise _OptionError(f"no option {name} is known to this program or to Beam{hint}")


def _misspelt_required(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Say which option was meant when ``--input`` or ``--output`` is missing
    and a misspelling of it was given (``--inptu``, ``-input``, ``-i``, ``--in``),
    which argparse would pass to Beam and report only as the option missing."""
    given = [arg.split("=", 1)[0] for arg in argv if arg.startswith("-")]
    for option in ("--input", "--output"):
        if option in given:
            continue
        word = option[2:]
        for name in given:
            bare = name.lstrip("-")
            if bare and (
                word.startswith(bare)  # a short form (-i, --in): none is taken
                or difflib.get_close_matches(word, [bare], cutoff=0.75)
            ):
                parser.error(
                    f"{option} is required, and {name} is no option: did you"
                    f" mean {option}?"
                )


def _discard(pipeline: Any) -> None:
    """Remove the temporary folder Beam makes for each pipeline as it is
    built: ``run`` removes it, but a run refused before it started (a
    mistaken option, an earlier run's files) left one in the temporary
    directory each time."""
    folder = getattr(pipeline, "local_tempdir", None)
    if isinstance(folder, str):
        shutil.rmtree(folder, ignore_errors=True)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _others(count: int) -> str:
    if count == 1:
        return "1 record of another category"
    return f"{count:,} records of other categories"


def describe(summary: dict[str, Any], output: str) -> list[str]:
    """The closing summary, as the program prints it."""
    failed = summary["files_failed"]
    pings = summary["pings"]
    kinds = ", ".join(
        f"{k} {n:,}" for k, n in summary["dead_letters_by_kind"].items() if n
    )
    lines = [
        f"read {_plural(summary['files'], 'file')}"
        + (f" ({len(failed):,} not to the end)" if failed else "")
        + f", {_plural(summary['lines'], 'line')}"
        + (f" ({summary['blank_lines']:,} blank)" if summary["blank_lines"] else "")
        + ":"
        f" {_plural(pings['glean'], 'Glean events ping')},"
        f" {_plural(pings['legacy'], 'legacy event ping')}",
        f"wrote under {output}: {_plural(summary['valid_events'], 'valid event')},"
        f" {_plural(summary['dead_letters'], 'dead letter')}"
        + (f" ({kinds})" if kinds else "")
        + f", {_plural(summary['uptake_reports'], 'valid uptake report')} counted,"
        f" {_others(summary['other_events'])} counted",
    ]
    for item in failed:
        lines.append(
            f"not read to the end: {_shown(item['file'])}: {_shown(item['error'])}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m normandy_telemetry.beam --input PINGS --output DIR``.

    Exit status: 0 when every file was read to its end (dead letters are
    data, not failures); 1 when a file could not be (it is a dead letter of
    kind ``file`` and the summary names it; everything else was still read
    and written) or the pipeline itself failed; 2 for a mistake on the
    command line, before anything is read: no file matches ``--input``, it
    names a directory, ``--output`` is a file, cannot be made, is not
    writable or already holds the outputs of a run and ``--replace`` is not
    given, another run is
    writing to ``--output``, or a pipeline option Beam cannot read or no one
    knows (a misspelt one, which Beam alone would drop); 130 or 143
    when SIGINT or SIGTERM stops the run, whose output is then incomplete.
    """
    parser = argparse.ArgumentParser(
        prog="python -m normandy_telemetry.beam",
        # No abbreviations: ``--r`` must not stand for ``--replace``, which
        # deletes an earlier run's outputs.
        allow_abbrev=False,
        description=(
            "Validate Normandy's telemetry in Firefox's pings (Glean events pings"
            " and legacy event pings, one JSON document a line, gzip or not) with"
            " Apache Beam. Other options are Beam's pipeline options (--runner,"
            " ...); the default runner is the DirectRunner."
        ),
    )
    parser.add_argument(
        "--input",
        required=True,
        action="append",
        help="the pings: a file or a glob (may be given more than once)",
    )
    parser.add_argument("--output", required=True, help="the directory to write to")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="delete the outputs of an earlier run under --output first",
    )
    _misspelt_required(parser, sys.argv[1:] if argv is None else list(argv))
    known, pipeline_args = parser.parse_known_args(argv)
    if not all(pattern.strip() for pattern in known.input):
        parser.error("--input is empty; name the pings' file or a glob of them")
    inputs = " ".join(_shown(pattern) for pattern in known.input)
    if not known.output.strip():
        parser.error("--output is empty; name the directory to write to")
    output = known.output.rstrip("/") or known.output
    shown = _shown(output)
    # A file named as it is, ``[`` and ``*`` in its name included, is read as
    # it is named; anything else is a glob.
    literal = [p for p in known.input if "://" not in p and os.path.isfile(p)]
    patterns = [p for p in known.input if p not in literal]
    try:
        matched = literal + (_matching(patterns) if patterns else [])
    except Exception as exc:
        parser.error(f"--input {inputs}: {exc}")
    folders = [
        pattern
        for pattern in known.input
        if "://" not in pattern
        and not any(mark in pattern for mark in "*?[")  # named, not globbed
        and os.path.isdir(pattern)
    ]
    if folders:
        parser.error(
            f"--input {_shown(folders[0])} is a directory; give its files, as"
            f" --input '{_shown(os.path.join(folders[0].rstrip('/') or '/', '*'))}'"
        )
    files, skipped = _local_inputs(patterns, matched)
    for path in skipped:
        print(f"--input: skipped {path}", file=sys.stderr)
    outside = [path for path in files if not _inside(path, output)]
    inside = [path for path in files if _inside(path, output)]
    if inside and outside:
        print(
            f"--input: skipped {_plural(len(inside), 'file')} under --output {shown},"
            f" where this program writes (such as {_shown(inside[0])})",
            file=sys.stderr,
        )
    if files and not outside:
        parser.error(
            f"every file --input {inputs} matches is under --output {shown}, where"
            " this program writes; choose another --output"
        )
    if not outside:
        parser.error(f"no file matches --input {inputs}")
    files = outside
    if "://" not in output and os.path.lexists(output) and not os.path.isdir(output):
        parser.error(f"--output {shown} is not a directory; choose a directory")
    # A mistaken pipeline option is a usage error too, in one line: a value
    # Beam cannot read (--direct_num_workers=abc) before Beam prints its
    # whole usage for it, a runner it does not have (--runner=NoSuchRunner),
    # and, once the runner has added its own, an option no one knows
    # (--repalce), which Beam would drop with a warning.
    pipeline = None
    try:
        _misread_options(pipeline_args, unknown_too=False)
        options = _pipeline_options(pipeline_args)
        pipeline = beam.Pipeline(options=options)
        _misread_options(pipeline_args, unknown_too=True)
    except Exception as exc:
        _discard(pipeline)
        shown_args = _shown(" ".join(pipeline_args))
        parser.error(f"pipeline options {shown_args}: {_shown(str(exc))}")
    held = None
    before: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        runner = str(options.view_as(StandardOptions).runner or "DirectRunner")
        stop = _stop_handler(output, shown, runner)
        for signum in (signal.SIGINT, signal.SIGTERM):
            before[signum] = signal.signal(signum, stop)
    started = False
    try:
        if not FileSystems.exists(output):
            try:
                FileSystems.mkdirs(output)
            except Exception as exc:
                parser.error(f"cannot make --output {shown}: {_shown(str(exc))}")
        if "://" not in output and not os.access(output, os.W_OK | os.X_OK):
            parser.error(
                f"--output {shown} is not writable by this user; choose another"
                " --output, or make it writable"
            )
        if "://" not in output and fcntl is not None:
            held = _lock(output)
            if held is None:
                parser.error(
                    f"another run is writing to {shown}; wait for it, or choose another"
                    " --output"
                )
        earlier = _earlier_run(output)
        if earlier and not known.replace:
            parser.error(
                f"{shown} already holds {_plural(len(earlier), 'file')} of an earlier"
                f" run (such as {_shown(earlier[0])}); pass --replace to delete them"
                " first, or choose another --output"
            )
        started = True  # from here, what is under --output may be half made
        if earlier:
            FileSystems.delete(earlier)
        build_pipeline(pipeline, files, output)
        result = pipeline.run()
        result.wait_until_finish()
        with FileSystems.open(FileSystems.join(output, SUMMARY)) as source:
            summary = json.loads(source.read().decode("utf-8"))
    except Exception as exc:
        print(
            f"the pipeline failed: {type(exc).__name__}: {_shown(str(exc))}",
            file=sys.stderr,
        )
        if started and not _exists(FileSystems.join(output, SUMMARY)):
            # A full disk, a folder made read-only mid-run: say what is left.
            print(
                f"what is under {shown} is incomplete (it has no {SUMMARY}); run"
                " again with --replace once the cause is mended",
                file=sys.stderr,
            )
        return 1
    finally:
        _discard(pipeline)
        if held is not None:
            os.close(held)
        for signum, handler in before.items():
            signal.signal(signum, handler)
    for line in describe(summary, shown):
        print(line, file=sys.stderr)
    return 1 if summary["files_failed"] else 0


if __name__ == "__main__":
    from normandy_telemetry.beam import main as _main

    sys.exit(_main())
