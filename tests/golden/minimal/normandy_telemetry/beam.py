# Generated from fixtures/minimal.yaml (version 1.0.0) by `python -m codegen generate`:
# a copy of codegen/runtime/beam.py, the same for every spec.
# Do not edit: change codegen/runtime/beam.py, then run `make generate`.
"""The validators as Apache Beam transforms, for pipelines of any size.

This module is the package's ``beam`` extra and the only one that imports
Apache Beam: the rest of the package never imports it and needs the standard
library alone.

The transforms run the package's own validators, unchanged, on any Beam
runner. Nothing is dropped and nothing raises: every input ends on a main
output or, as a :class:`DeadLetter`, on the output tagged :data:`DEAD_LETTERS`,
unchanged and with its problems as ``(path, message)`` pairs: for an event or
an uptake report, exactly those that ``iter_event_errors`` or
``iter_uptake_errors`` gives.

It offers :class:`ValidateEvents` (event records in both shapes),
:class:`CountUptake` (uptake reports ``(source, status)``, counted per kind of
source and status), the ``DoFn`` :class:`ReadEventPings` (decoded Firefox event
pings to their Normandy event records and uptake reports) and
:class:`ValidatePings` (all of these, from lines of newline-delimited JSON).

As a program it reads pings and writes what it finds, on the DirectRunner
unless pipeline options (``--runner``, ...) say otherwise:
``python -m normandy_telemetry.beam --input PINGS.ndjson --output OUT/``.
"""

# Apache Beam's annotations are incomplete: calls into it are untyped.
# mypy: allow-untyped-calls

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

try:
    import apache_beam as beam
    from apache_beam import coders, pvalue
    from apache_beam.io.filesystems import FileSystems
    from apache_beam.metrics.metric import Metrics, MetricsFilter
    from apache_beam.options.pipeline_options import PipelineOptions
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

from normandy_telemetry.catalog import CATEGORY
from normandy_telemetry.errors import FieldError
from normandy_telemetry.uptake import source_for_key
from normandy_telemetry.validate import (
    is_valid_event,
    is_valid_uptake,
    iter_event_errors,
    iter_uptake_errors,
)

DEAD_LETTERS: Final = "dead_letters"
"""The tag of every transform's dead-letter output."""

UPTAKE: Final = "uptake"
"""The tag of the uptake reports that :class:`ReadEventPings` finds."""

UPTAKE_CATEGORY: Final = "uptake.remotecontent.result"
"""The category of Firefox's Uptake Telemetry events."""

UPTAKE_METHOD: Final = "uptake"
"""The method of every Uptake Telemetry event."""

UPTAKE_OBJECT: Final = "normandy"
"""The object of Normandy's Uptake Telemetry events: their value is the status
and their extra key ``source`` the Uptake key."""

_to_json: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
"""JSON text, UTF-8 kept; one encoder for all (``json.dumps`` makes one a call)."""

OUTPUTS: Final = ("valid-events", "dead-letters", "uptake-counts")
"""What the program writes under ``--output``: ``NAME-SSSSS-of-NNNNN.ndjson``."""


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """An input that is not what the spec allows, and why."""

    kind: str
    """What the input was taken for: ``event``, ``uptake``, ``ping`` or
    ``line``."""
    record: Any
    """The input, unchanged."""
    errors: tuple[tuple[str, str], ...]
    """Every problem as ``(path, message)``, as the validators give them."""

    def to_json(self) -> str:
        """One line of JSON: ``{"kind", "errors": [{"path", "message"}],
        "record"}``. A record that JSON cannot hold (bytes that are not UTF-8,
        objects from outside JSON) is written as text."""
        errors = [{"path": path, "message": text} for path, text in self.errors]
        document = {"kind": self.kind, "errors": errors, "record": self.record}
        try:
            return _to_json(document)
        except (TypeError, ValueError, RecursionError):
            document["record"] = _as_text(self.record)
            return _to_json(document)


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
        document = {"source": self.source, "status": self.status, "count": self.count}
        return _to_json(document)


def _as_text(record: object) -> str:
    if isinstance(record, bytes):
        return record.decode("utf-8", "backslashreplace")
    try:
        return repr(record)
    except Exception:  # the object's own __repr__ raised
        return f"<{type(record).__name__}>"


def _pairs(errors: Iterable[FieldError]) -> tuple[tuple[str, str], ...]:
    return tuple((error.path, error.message) for error in errors)


def _dead(
    kind: str, record: object, path: str, message: str
) -> pvalue.TaggedOutput[str, DeadLetter]:
    return pvalue.TaggedOutput(
        DEAD_LETTERS, DeadLetter(kind, record, ((path, message),))
    )


# -- events ---------------------------------------------------------------------


def _check_event(record: Any) -> Any:
    """``record`` if it is valid, else its dead letter."""
    if is_valid_event(record):
        return record
    errors = _pairs(iter_event_errors(record))
    return pvalue.TaggedOutput(DEAD_LETTERS, DeadLetter("event", record, errors))


class _ValidateEvent(beam.DoFn):
    def process(self, record: Any) -> Iterator[Any]:
        yield _check_event(record)


class ValidateEvents(beam.PTransform[PCollection[Any], Any]):
    """Validates Normandy event records, mappings or legacy arrays.

    Returns the outputs ``valid``, the records the spec allows, unchanged, and
    ``dead_letters``, a :class:`DeadLetter` of kind ``event`` for every other
    input, whatever it is: after ``checked = records | ValidateEvents()``,
    they are ``checked.valid`` and ``checked.dead_letters``.
    """

    def expand(self, records: PCollection[Any]) -> pvalue.DoOutputsTuple:
        validate = beam.ParDo(_ValidateEvent())
        outputs: pvalue.DoOutputsTuple = records | validate.with_outputs(
            DEAD_LETTERS, main="valid"
        )
        return outputs


# -- uptake ---------------------------------------------------------------------

_NOT_A_PAIR: Final = "an uptake report is a pair (source, status)"


class _ValidateUptake(beam.DoFn):
    def process(self, report: Any) -> Iterator[Any]:
        if type(report) not in (tuple, list) or len(report) != 2:
            yield _dead("uptake", report, "", _NOT_A_PAIR)
        elif is_valid_uptake(*report):
            source, status = map(str.__str__, report)
            owner = source_for_key(source)
            assert owner is not None  # is_valid_uptake found it
            yield owner.name, status
        else:
            errors = _pairs(iter_uptake_errors(*report))
            yield pvalue.TaggedOutput(
                DEAD_LETTERS, DeadLetter("uptake", report, errors)
            )


def _uptake_count(key: tuple[str, str], count: int) -> UptakeCount:
    return UptakeCount(key[0], key[1], count)


class CountUptake(beam.PTransform[PCollection[Any], Any]):
    """Validates uptake reports ``(source, status)`` and counts the valid ones.

    ``source`` is the Uptake key (``normandy/recipe/123``), ``status`` the
    telemetry value (``success``). Returns ``{"counts": ..., "dead_letters":
    ...}``: an :class:`UptakeCount` per kind of source and status, and a
    :class:`DeadLetter` of kind ``uptake`` for every report that is not valid.
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

_NOT_A_PING: Final = "missing; an event ping maps each process to its event records"
_NOT_RECORDS: Final = "must be an array of event records"
_NOT_A_RECORD: Final = (
    "not an event record [timestamp, category, method, object, value, extra]"
    " with a category"
)


class ReadEventPings(beam.DoFn):
    """Reads decoded Firefox event pings: their records in the ``normandy``
    category, unchanged, on the main output; Normandy's Uptake Telemetry
    events (category ``uptake.remotecontent.result``, method ``uptake``, object
    ``normandy``) as reports ``(source, status)`` on the output tagged
    :data:`UPTAKE`. Records of every other category are ignored.

    A ping's events are ``payload.events.<process>``, arrays of legacy records
    ``[timestamp, category, method, object, value, extra]``. What cannot be
    read so goes to :data:`DEAD_LETTERS` (kind ``ping``, with the path where
    it was). Use it as ``beam.ParDo(ReadEventPings()).with_outputs(UPTAKE,
    DEAD_LETTERS, main="events")``.
    """

    def process(self, ping: Any) -> Iterator[Any]:
        return _read_ping(ping)


def _read_ping(ping: Any) -> Iterator[Any]:
    payload = dict.get(ping, "payload") if type(ping) is dict else None
    processes = dict.get(payload, "events") if type(payload) is dict else None
    if type(processes) is dict:
        yield from _read_events(processes)
    else:
        yield _dead("ping", ping, "payload.events", _NOT_A_PING)


def _read_events(processes: dict[Any, Any]) -> Iterator[Any]:
    for process, records in dict.items(processes):
        path = f"payload.events.{process}"
        if type(records) is not list:
            yield _dead("ping", records, path, _NOT_RECORDS)
            continue
        for index, record in enumerate(records):
            category = record[1] if type(record) is list and len(record) > 1 else None
            if category == CATEGORY:
                yield record
            elif category == UPTAKE_CATEGORY:
                report = _uptake_report(record)
                if report is not None:
                    yield pvalue.TaggedOutput(UPTAKE, report)
            elif type(category) is not str:
                yield _dead("ping", record, f"{path}[{index}]", _NOT_A_RECORD)


def _uptake_report(record: list[Any]) -> tuple[Any, Any] | None:
    """``(source, status)`` from a Normandy Uptake event, ``None`` from another
    component's. A missing source is ``None``, which :class:`CountUptake`
    reports."""
    method, object_, status, extra = (record[2:] + [None] * 4)[:4]
    if method != UPTAKE_METHOD or object_ != UPTAKE_OBJECT:
        return None
    return dict.get(extra, "source") if type(extra) is dict else None, status


class _ParseLine(beam.DoFn):
    def process(self, line: bytes | str) -> Iterator[Any]:
        return _parse_line(line)


def _parse_line(line: bytes | str) -> Iterator[Any]:
    try:
        text = line.decode("utf-8") if isinstance(line, bytes) else line
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8: {exc.reason} at byte {exc.start}"
        yield _dead("line", line, "", problem)
    else:
        if text.strip():  # a blank line holds nothing, as in NDJSON
            yield _parse(text)


def _parse(text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_no_constant)
    except ValueError as exc:
        return _dead("line", text, "", f"not JSON: {exc}")
    except RecursionError:
        return _dead("line", text, "", "not JSON that can be read: nested too deep")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


class ValidatePings(beam.PTransform[PCollection[Any], Any]):
    """Lines of newline-delimited JSON, a Firefox event ping each, to what
    they hold. Returns ``{"valid_events", "uptake_counts", "dead_letters"}``:
    the Normandy event records the spec allows, an :class:`UptakeCount` per
    kind of source and status, and everything else (lines that are not UTF-8
    or not JSON, what is not an event ping, invalid records and reports).
    Blank lines are skipped.
    """

    def expand(self, lines: PCollection[Any]) -> dict[str, PCollection[Any]]:
        parse = beam.ParDo(_ParseLine()).with_outputs(DEAD_LETTERS, main="pings")
        parsed = lines | "Parse" >> parse
        read = beam.ParDo(ReadEventPings()).with_outputs(
            UPTAKE, DEAD_LETTERS, main="events"
        )
        found = parsed.pings | "Read" >> read
        events = found.events | "ValidateEvents" >> ValidateEvents()
        uptake = found[UPTAKE] | "CountUptake" >> CountUptake()
        dead = (
            parsed[DEAD_LETTERS],
            found[DEAD_LETTERS],
            events[DEAD_LETTERS],
            uptake[DEAD_LETTERS],
        ) | "DeadLetters" >> beam.Flatten()
        return {
            "valid_events": events.valid,
            "uptake_counts": uptake["counts"],
            DEAD_LETTERS: dead,
        }


# -- the program ----------------------------------------------------------------

_NAMESPACE: Final = "normandy_telemetry.beam"


class _PingLinesToText(beam.DoFn):
    """What :class:`ValidatePings` does, written as the program writes it: the
    valid events and the dead letters of a line as one text each, a JSON
    document a line, and its uptake reports tagged :data:`UPTAKE`.

    One element per ping and not per event: Beam spends more on an element
    than the validators spend on an event, so this is several times faster.
    """

    def __init__(self) -> None:
        super().__init__()
        self.valid = Metrics.counter(_NAMESPACE, "valid-events")
        self.invalid = Metrics.counter(_NAMESPACE, "dead-letters")

    def process(self, line: bytes | str) -> Iterator[Any]:
        valid: list[str] = []
        dead: list[str] = []
        for ping in _parse_line(line):
            found = (ping,) if type(ping) is pvalue.TaggedOutput else _read_ping(ping)
            for item in found:
                if type(item) is not pvalue.TaggedOutput:
                    item = _check_event(item)
                    if type(item) is not pvalue.TaggedOutput:
                        valid.append(_to_json(item))
                        continue
                if item.tag == UPTAKE:
                    yield item
                else:
                    dead.append(item.value.to_json())
        if valid:
            self.valid.inc(len(valid))
            yield "\n".join(valid)
        if dead:
            self.invalid.inc(len(dead))
            yield pvalue.TaggedOutput(DEAD_LETTERS, "\n".join(dead))


class _Encode(beam.DoFn):
    """One line of JSON per element, counted under the output's name."""

    def __init__(self, name: str, encode: Callable[[Any], str]) -> None:
        super().__init__()
        self.encode = encode
        self.written = Metrics.counter(_NAMESPACE, name)

    def process(self, element: Any) -> Iterator[str]:
        self.written.inc()
        yield self.encode(element)


def build_pipeline(pipeline: beam.Pipeline, pattern: str, output: str) -> None:
    """Add to ``pipeline``: read the pings in the files matching ``pattern``,
    validate, and write :data:`OUTPUTS` under the directory ``output``."""
    lines = pipeline | "ReadPings" >> beam.io.ReadFromText(
        pattern, coder=coders.BytesCoder()
    )
    validate = beam.ParDo(_PingLinesToText()).with_outputs(
        UPTAKE, DEAD_LETTERS, main="valid"
    )
    found = lines | "Validate" >> validate
    uptake = found[UPTAKE] | "CountUptake" >> CountUptake()
    uptake_dead = uptake[DEAD_LETTERS] | "Encode uptake dead letters" >> beam.ParDo(
        _Encode("dead-letters", DeadLetter.to_json)
    )
    texts = (
        found.valid,
        (found[DEAD_LETTERS], uptake_dead) | "DeadLetters" >> beam.Flatten(),
        uptake["counts"]
        | "Encode counts" >> beam.ParDo(_Encode("uptake-counts", UptakeCount.to_json)),
    )
    for name, text in zip(OUTPUTS, texts):
        path = FileSystems.join(output, name)
        _ = text | f"Write {name}" >> beam.io.WriteToText(
            path, file_name_suffix=".ndjson"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m normandy_telemetry.beam --input PINGS --output DIR``."""
    parser = argparse.ArgumentParser(
        prog="python -m normandy_telemetry.beam",
        description=(
            "Validate the Normandy telemetry in Firefox event pings, one JSON"
            " document a line, with Apache Beam. Other options are Beam's"
            " pipeline options (--runner, ...); the default runner is the"
            " DirectRunner."
        ),
    )
    parser.add_argument("--input", required=True, help="the pings: a file or a glob")
    parser.add_argument("--output", required=True, help="the directory to write to")
    known, pipeline_args = parser.parse_known_args(argv)
    if not FileSystems.match([known.input])[0].metadata_list:
        parser.error(f"no file matches --input {known.input}")
    pipeline = beam.Pipeline(options=PipelineOptions(pipeline_args))
    build_pipeline(pipeline, known.input, known.output)
    result = pipeline.run()
    result.wait_until_finish()
    written = dict.fromkeys(OUTPUTS, 0)
    query = result.metrics().query(MetricsFilter().with_namespace(_NAMESPACE))
    for counter in query["counters"]:
        written[counter.key.metric.name] += counter.committed or 0
    summary = ", ".join(f"{count} {name}" for name, count in written.items())
    print(f"wrote {summary} under {known.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    from normandy_telemetry.beam import main as _main

    sys.exit(_main())
