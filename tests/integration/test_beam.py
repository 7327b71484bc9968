"""``normandy_telemetry.beam``: the generated validators as Apache Beam
transforms, and the program, run on the DirectRunner.

Every expectation about a record is derived from the validators themselves
(``iter_event_errors``, ``iter_glean_event_errors``, the uptake validators) on
the same inputs, never from the transforms: a record is expected on the valid
output exactly when it has no error, and in the dead letters with exactly its
errors. The program's tests each try to break one claim of the README
("Validating at pipeline scale"). The same program on a Dask cluster is
``test_beam_dask.py``; fed by the real Glean SDK, ``test_glean_ping.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
import tomllib
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import apache_beam as beam
import normandy_telemetry as nt
import normandy_telemetry.beam as beam_module
import pytest
from apache_beam.testing.util import BeamAssertException, assert_that
from normandy_telemetry.beam import (
    DEAD_LETTERS,
    OTHER,
    UPTAKE,
    CountUptake,
    DeadLetter,
    Found,
    Origin,
    OtherCount,
    ReadEventPings,
    UptakeCount,
    ValidateEvents,
    ValidatePings,
)
from normandy_telemetry.catalog import EVENTS, EventDef, ExtraKeyDef
from normandy_telemetry.pings import NOT_A_PING, event_errors
from normandy_telemetry.uptake import SOURCES, source_for_key
from support import GENERATED, ROOT

UUID = "5912ade2-8201-4774-a09d-807731afb9a8"

# -- a corpus of every event kind and every fault kind ----------------------------


def _good_value(key: ExtraKeyDef) -> str:
    if key.allowed:
        return key.allowed[0].value
    if key.format == "enrollment_id":
        return UUID
    return "some-" + key.name


def valid_event(event: EventDef) -> dict[str, Any]:
    extra = {key.name: _good_value(key) for key in event.extra if key.required}
    for key in event.extra:  # conditional keys whose condition holds
        if key.when and all(
            extra.get(name) in values for name, values in key.when.items()
        ):
            extra[key.name] = _good_value(key)
    return {
        "category": nt.CATEGORY,
        "method": event.method,
        "object": event.object,
        "value": "slug",
        "extra": extra,
    }


def as_record(event: dict[str, Any], timestamp: Any = 12345) -> list[Any]:
    return [
        timestamp,
        event.get("category"),
        event.get("method"),
        event.get("object"),
        event.get("value"),
        event.get("extra"),
    ]


def _first(
    extra: dict[str, Any], test: Callable[[ExtraKeyDef], bool], event: EventDef
) -> str | None:
    return next(
        (key.name for key in event.extra if key.name in extra and test(key)), None
    )


def faulty(event: EventDef, fault: str) -> list[Any]:
    """``event`` broken in the way ``fault`` names, in each shape it applies to."""
    base = valid_event(event)
    extra = base["extra"]
    if fault == "drop_key" and extra:
        del extra[next(iter(extra))]
    elif fault == "add_key":
        extra["notAKey"] = "x"
    elif fault == "unlisted_value":
        name = _first(extra, lambda k: bool(k.allowed), event)
        extra[name or "notAKey"] = "not-an-allowed-value"
    elif fault == "overlong_value":
        base["value"] = "v" * (nt.VALUE_MAX_LENGTH + 1)
    elif fault == "overlong_extra":
        name = _first(extra, lambda k: not k.allowed, event)
        extra[name or "notAKey"] = "e" * 200
    elif fault == "wrong_type_value":
        base["value"] = 7
    elif fault == "wrong_type_extra_value":
        extra[next(iter(extra), "notAKey")] = None
    elif fault == "wrong_type_extra":
        base["extra"] = ["not", "an", "object"]
    elif fault == "wrong_type_field":
        base["object"] = True
    elif fault == "bad_enrollment_id":
        extra["enrollmentId"] = "{" + UUID + "}"
    elif fault == "wrong_category":
        base["category"] = "Normandy"
    elif fault == "unknown_method":
        base["method"] = "zzNotAMethod"
    elif fault == "method_of_other_object":
        base["method"] = next(m for (m, o) in EVENTS if (m, event.object) not in EVENTS)
    elif fault == "condition_broken":
        conditional = [key for key in event.extra if key.when]
        if conditional:
            key = conditional[0]
            if key.name in extra:
                del extra[key.name]
            else:
                extra[key.name] = "present-although-not-sent"
        else:
            extra["notAKey"] = "x"
    elif fault == "both_names":
        renamed = [key for key in event.extra if key.legacy_name]
        if renamed:
            extra[renamed[0].name] = extra[renamed[0].legacy_name] = "x"
        else:
            extra["notAKey"] = "x"
    shapes: list[Any] = [base, as_record(base)]
    if fault == "add_top_key":
        shapes = [{**base, "timestamp": 1}]
    elif fault == "drop_top_key":
        shapes = [{k: v for k, v in base.items() if k != "method"}]
    elif fault == "bad_timestamp":
        shapes = [
            as_record(base, timestamp) for timestamp in (-1, 1.5, "12", None, True)
        ]
    elif fault == "bad_length":
        shapes = [as_record(base)[:4], as_record(base) + ["more"], []]
    return shapes


FAULTS = (
    "drop_key",
    "add_key",
    "unlisted_value",
    "overlong_value",
    "overlong_extra",
    "wrong_type_value",
    "wrong_type_extra_value",
    "wrong_type_extra",
    "wrong_type_field",
    "bad_enrollment_id",
    "wrong_category",
    "unknown_method",
    "method_of_other_object",
    "condition_broken",
    "both_names",
    "add_top_key",
    "drop_top_key",
    "bad_timestamp",
    "bad_length",
)
NOT_EVENTS: tuple[Any, ...] = (
    None,
    "event",
    42,
    1.5,
    True,
    {},
    [],
    [[[]]],
    {"category": {"nested": ["x"]}},
)


def corpus() -> tuple[list[Any], dict[str, list[Any]]]:
    """Every event kind, valid in both shapes, and each broken in every way;
    plus values that are not events at all. Also returns the records by fault."""
    by_fault: dict[str, list[Any]] = {"valid": [], "not_an_event": list(NOT_EVENTS)}
    for event in EVENTS.values():
        good = valid_event(event)
        by_fault["valid"] += [
            good,
            as_record(good),
            (
                {k: v for k, v in good.items() if k != "extra"}
                if not good["extra"]
                else good
            ),
        ]
        for fault in FAULTS:
            by_fault.setdefault(fault, []).extend(faulty(event, fault))
    by_fault["glean"] = [
        as_glean(record)
        for record in list(by_fault["valid"]) + by_fault["unlisted_value"]
        if isinstance(record, dict) and isinstance(record.get("extra"), dict)
    ]
    records = [record for group in by_fault.values() for record in group]
    return records, by_fault


def errors_of(record: Any) -> tuple[tuple[str, str], ...]:
    return tuple((error.path, error.message) for error in nt.iter_event_errors(record))


def as_glean(event: dict[str, Any], timestamp: Any = 0) -> dict[str, Any]:
    """``event`` (a mapping) as a Glean event object: the value in ``extra``,
    the keys as they were (Firefox's names or not), the name method_object."""
    spec = EVENTS.get((event.get("method"), event.get("object")))  # type: ignore[arg-type]
    name = spec.glean_name if spec is not None else str(event.get("method"))
    extra = event.get("extra")
    if isinstance(extra, dict):
        extra = {**extra, "value": event.get("value")}
    return {
        "category": event.get("category"),
        "name": name,
        "timestamp": timestamp,
        "extra": extra,
    }


def glean_errors_of(record: Any) -> tuple[tuple[str, str], ...]:
    return tuple((e.path, e.message) for e in nt.iter_glean_event_errors(record))


def canonical(item: Any) -> str:
    return json.dumps(item, sort_keys=True, default=repr)


# -- matchers that say what differs -----------------------------------------------


def same_multiset(
    expected: Iterable[Any], key: Callable[[Any], Any] = canonical
) -> Callable[[list[Any]], None]:
    wanted = Counter(key(item) for item in expected)

    def match(actual: list[Any]) -> None:
        got = Counter(key(item) for item in actual)
        if got != wanted:
            missing = list((wanted - got).elements())[:5]
            unexpected = list((got - wanted).elements())[:5]
            raise BeamAssertException(
                f"{sum(got.values())} elements, expected {sum(wanted.values())};"
                f" missing {missing}; unexpected {unexpected}"
            )

    return match


def dead_letter_key(
    letter: DeadLetter,
) -> tuple[str, str, tuple[tuple[str, str], ...], Origin]:
    return letter.kind, canonical(letter.record), letter.errors, letter.origin


def run(build: Callable[[beam.Pipeline], None]) -> None:
    """Build and run a pipeline on the DirectRunner; a failed assert_that raises."""
    with beam.Pipeline(runner="DirectRunner") as pipeline:
        build(pipeline)


# -- ValidateEvents ---------------------------------------------------------------


def test_corpus_covers_every_event_and_every_fault() -> None:
    records, by_fault = corpus()
    assert all(not errors_of(record) for record in by_fault["valid"])
    for fault, group in by_fault.items():
        if fault not in ("valid", "glean"):
            assert any(errors_of(record) for record in group), f"{fault} broke nothing"
    glean = by_fault["glean"]
    assert any(not glean_errors_of(r) for r in glean) and any(
        glean_errors_of(r) for r in glean
    )
    pairs = {
        (r["method"], r["object"]) for r in by_fault["valid"] if isinstance(r, dict)
    }
    assert pairs == set(EVENTS)
    assert any(isinstance(r, list) for r in by_fault["valid"]) and any(
        isinstance(r, dict) for r in by_fault["valid"]
    )


def test_validate_events_sends_each_record_where_its_errors_say_with_those_errors() -> (
    None
):
    records, _ = corpus()
    valid = [record for record in records if not event_errors(record)]
    invalid = [record for record in records if event_errors(record)]
    assert len(valid) >= 3 * len(EVENTS) and len(invalid) > 10 * len(EVENTS)
    # A mapping with a method, or with an object and no name, is a legacy
    # event's mapping; any other mapping a Glean event object (one that lost
    # its name is told that, not that it lacks a method).
    assert all(
        event_errors(r)
        == (
            errors_of(r)
            if "method" in r or ("object" in r and "name" not in r)
            else glean_errors_of(r)
        )
        for r in records
        if isinstance(r, dict)
    )
    found = Found("event", invalid[0], Origin("f", 3, "p", "parent", 2))

    def build(pipeline: beam.Pipeline) -> None:
        checked = (
            pipeline
            | beam.Create([*records, found], reshuffle=False)
            | ValidateEvents()
        )
        assert_that(checked.valid, same_multiset(valid), label="valid records")
        expected = [DeadLetter("event", r, event_errors(r)) for r in invalid]
        expected.append(
            DeadLetter("event", invalid[0], event_errors(invalid[0]), found.origin)
        )
        assert_that(
            checked[DEAD_LETTERS],
            same_multiset(expected, dead_letter_key),
            label="dead letters",
        )
        counts = (
            checked.valid | "CountValid" >> beam.combiners.Count.Globally(),
            checked[DEAD_LETTERS] | "CountDead" >> beam.combiners.Count.Globally(),
        )
        assert_that(counts[0], same_multiset([len(valid)]), label="valid count")
        assert_that(
            counts[1], same_multiset([len(invalid) + 1]), label="dead-letter count"
        )

    run(build)


class Opaque:
    """Not a JSON value, and its repr fails too."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no comparison")

    __hash__ = object.__hash__


def test_validate_events_never_raises_and_dead_letters_can_always_be_written() -> None:
    strange: list[Any] = [
        ("a", "tuple"),
        {1, 2},
        b"bytes",
        float("nan"),
        Opaque(),
        {"category": Opaque()},
        [Opaque()] * 6,
    ]

    def build(pipeline: beam.Pipeline) -> None:
        checked = pipeline | beam.Create(strange, reshuffle=False) | ValidateEvents()
        assert_that(checked.valid, same_multiset([]), label="none valid")
        lines = checked[DEAD_LETTERS] | beam.Map(DeadLetter.to_json)
        assert_that(lines, lambda got: _all_json(got, len(strange)), label="written")

    run(build)


def _all_json(lines: list[str], count: int) -> None:
    if len(lines) != count:
        raise BeamAssertException(f"{len(lines)} dead letters, expected {count}")
    for line in lines:
        document = json.loads(line)
        if document["kind"] != "event" or not document["errors"]:
            raise BeamAssertException(line)


# -- CountUptake ------------------------------------------------------------------

KEYS = {
    "runner": "normandy/runner",
    "action": "normandy/action/preference-experiment",
    "recipe": "normandy/recipe/123",
}


def uptake_reports() -> list[Any]:
    reports: list[Any] = []
    for name, source in SOURCES.items():
        for repeat, status in enumerate(sorted(source.values)):
            reports += [(KEYS[name], status)] * (repeat + 1)
    reports += [
        ["normandy/recipe/77", "success"],  # a list is a pair too
        ("normandy/recipe/abc", "success"),
        ("normandy/runner", "sign_error"),
        ("normandy/action/x", "not_a_status"),
        ("remotesettings/main", "success"),
        (None, "success"),
        ("normandy/runner", 3),
        ("normandy/runner",),
        ("normandy/runner", "success", "extra"),
        "normandy/runner",
        None,
    ]
    return reports


def uptake_errors_of(report: Any) -> tuple[tuple[str, str], ...]:
    return tuple((e.path, e.message) for e in nt.iter_uptake_errors(*report))


def glean_uptake(
    status: Any, source: Any = "normandy/runner", **extra: Any
) -> dict[str, Any]:
    fields = {"source": source, "value": status, **extra}
    return {
        "category": "uptake.remotecontent.result",
        "name": "uptake_normandy",
        "timestamp": 0,
        "extra": {k: v for k, v in fields.items() if v is not None},
    }


def uptake_event(
    status: Any, source: Any = None, obj: str = "normandy", **extra: Any
) -> list[Any]:
    fields = {"source": source, "trigger": "timer", **extra}
    return [
        9,
        "uptake.remotecontent.result",
        "uptake",
        obj,
        status,
        {k: v for k, v in fields.items() if v is not None},
    ]


NOT_UPTAKE = "an uptake report is a pair (source, status), an uptake event in Glean or a legacy uptake record"


def test_count_uptake_counts_valid_reports_per_source_kind_and_status() -> None:
    reports = uptake_reports()
    pairs = [r for r in reports if isinstance(r, (tuple, list)) and len(r) == 2]
    valid = [r for r in pairs if not uptake_errors_of(r)]
    events = [
        glean_uptake(
            "success", "normandy/recipe/5", trigger="timer", glean_timestamp="12"
        ),
        uptake_event("backoff", "normandy/recipe/5"),
        glean_uptake("success", "normandy/runner", age=3),  # age is a string in Glean
        uptake_event("success", None),  # no source
        uptake_event("success", "normandy/runner", duration=["1"]),
    ]
    expected_counts = Counter((source_for_key(s).name, t) for s, t in valid)  # type: ignore[union-attr]
    expected_counts.update([("recipe", "success"), ("recipe", "backoff")])
    assert {kind for kind, _ in expected_counts} == set(SOURCES)
    expected_dead = [
        DeadLetter("uptake", r, uptake_errors_of(r))
        for r in pairs
        if uptake_errors_of(r)
    ]
    expected_dead += [
        DeadLetter("uptake", r, (("", NOT_UPTAKE),)) for r in reports if r not in pairs
    ]
    expected_dead += [
        DeadLetter("uptake", events[2], glean_errors_of(events[2])),
        DeadLetter(
            "uptake",
            events[3],
            (("extra.source", "missing; every uptake report names its source"),),
        ),
        DeadLetter(
            "uptake", events[4], (("extra.duration", "must be a string, not an array"),)
        ),
    ]
    assert len(expected_dead) == 13
    assert expected_dead[-3].errors == (
        ("extra.age", "must be a string, not an integer"),
    )

    def build(pipeline: beam.Pipeline) -> None:
        counted = (
            pipeline | beam.Create(reports + events, reshuffle=False) | CountUptake()
        )
        assert_that(
            counted["counts"],
            same_multiset(
                [
                    UptakeCount(kind, status, n)
                    for (kind, status), n in expected_counts.items()
                ],
                repr,
            ),
            label="counts",
        )
        assert_that(
            counted[DEAD_LETTERS],
            same_multiset(expected_dead, dead_letter_key),
            label="dead letters",
        )

    run(build)


# -- reading pings ----------------------------------------------------------------


def test_read_event_pings_routes_the_records_of_both_kinds_of_ping() -> None:
    enroll = as_record(valid_event(EVENTS["enroll", "preference_rollout"]))
    broken = as_record({**valid_event(EVENTS["enroll", "addon_study"]), "value": 5})
    glean = as_glean(valid_event(EVENTS["enrollFailed", "preference_study"]))
    legacy_ping = {
        "type": "event",
        "id": "ping-7",
        "payload": {
            "reason": "periodic",
            "events": {
                "parent": [
                    enroll,
                    [1, "navigation", "search", "urlbar", None, {"engine": "x"}],
                    uptake_event("success", "normandy/recipe/3"),
                    uptake_event("success", "main/search-config", obj="remotesettings"),
                    [2, "uptake.remotecontent.result"],
                ],
                "content": [broken, [3, "normandy", "enroll"]],
                "dynamic": [],
                "gpu": {"0": enroll},
            },
        },
    }
    glean_ping = {
        "events": [
            glean,
            glean_uptake("backoff", "normandy/recipe/3"),
            {"category": "glean", "name": "restarted", "timestamp": 0},
            7,
        ],
        "ping_info": {"seq": 1},
    }
    where = Origin("pings.ndjson", 4)

    def at(
        ping: str | None,
        process: str | None,
        index: int | None,
        file: str | None = None,
        line: int | None = None,
    ) -> Origin:
        return Origin(file, line, ping, process, index)

    def build(pipeline: beam.Pipeline) -> None:
        read = (
            pipeline
            | beam.Create(
                [legacy_ping, (where, glean_ping), "not a ping"], reshuffle=False
            )
            | beam.ParDo(ReadEventPings()).with_outputs(
                UPTAKE, OTHER, DEAD_LETTERS, main="events"
            )
        )
        assert_that(
            read.events,
            same_multiset(
                [
                    Found("event", enroll, at("ping-7", "parent", 0)),
                    Found("event", broken, at("ping-7", "content", 0)),
                    Found(
                        "event", [3, "normandy", "enroll"], at("ping-7", "content", 1)
                    ),
                    Found("event", glean, at(None, None, 0, "pings.ndjson", 4)),
                ],
                repr,
            ),
            label="events",
        )
        assert_that(
            read[UPTAKE],
            same_multiset(
                [
                    Found(
                        "uptake",
                        uptake_event("success", "normandy/recipe/3"),
                        at("ping-7", "parent", 2),
                    ),
                    Found(
                        "uptake",
                        glean_uptake("backoff", "normandy/recipe/3"),
                        at(None, None, 1, "pings.ndjson", 4),
                    ),
                ],
                repr,
            ),
            label="uptake",
        )
        assert_that(
            read[OTHER],
            same_multiset(
                [
                    "navigation",
                    "uptake.remotecontent.result",
                    "uptake.remotecontent.result",
                    "glean",
                ]
            ),
            label="other",
        )
        dead = [
            DeadLetter(
                "ping",
                {"0": enroll},
                (("payload.events.gpu", "must be an array of event records"),),
                at("ping-7", "gpu", None),
            ),
            DeadLetter(
                "ping",
                7,
                (
                    (
                        "events[3]",
                        "not a Glean event object {category, name, timestamp, extra} with a category",
                    ),
                ),
                at(None, None, 3, "pings.ndjson", 4),
            ),
            DeadLetter(
                "ping", "not a ping", (("", "a ping is an object, not a string"),)
            ),
        ]
        assert_that(
            read[DEAD_LETTERS],
            same_multiset(dead, dead_letter_key),
            label="dead letters",
        )

    run(build)


def ping_line(records: list[Any], **fields: Any) -> bytes:
    return json.dumps(
        {"type": "event", **fields, "payload": {"events": {"parent": records}}}
    ).encode()


def glean_line(events: list[Any], **fields: Any) -> bytes:
    return json.dumps(
        {"client_info": {}, "ping_info": {"seq": 0}, **fields, "events": events}
    ).encode()


CORRUPT_LINES = {
    b"{not json": "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
    b'{"payload": ': "not JSON: Expecting value: line 1 column 13 (char 12)",
    b"NaN": "not JSON: NaN is not a JSON value",
    b'{"a": Infinity}': "not JSON: Infinity is not a JSON value",
    b"\xff\xfe{}": "not UTF-8: invalid start byte at byte 0",
    b"[" * 100_000: "not JSON that can be read: nested too deep",
    b'{"events": ["\\ud800"]}': "not Unicode: a lone surrogate \\ud800, which UTF-8 cannot hold",
}


def test_validate_pings_reads_lines_of_both_kinds_and_survives_corrupt_ones() -> None:
    good = as_record(valid_event(EVENTS["graduate", "preference_rollout"]))
    bad = as_record(
        {**valid_event(EVENTS["graduate", "preference_rollout"]), "value": 7}
    )
    glean_good = as_glean(valid_event(EVENTS["graduate", "preference_rollout"]))
    glean_bad = {**glean_good, "extra": {**glean_good["extra"], "value": 7}}
    lines: list[Any] = [
        ping_line([good]),
        *CORRUPT_LINES,
        b"",
        b"   ",
        (
            "f.ndjson",
            12,
            ping_line([bad, uptake_event("success", "normandy/runner")], id="p1"),
        ),
        glean_line(
            [
                glean_good,
                glean_bad,
                glean_uptake("sign_error", "normandy/runner"),
                {"category": "glean", "name": "x", "timestamp": 0},
            ]
        ),
    ]
    lines.insert(3, ping_line([good]))

    def build(pipeline: beam.Pipeline) -> None:
        found = pipeline | beam.Create(lines, reshuffle=False) | ValidatePings()
        assert_that(
            found["valid_events"],
            same_multiset([good, good, glean_good]),
            label="valid",
        )
        assert_that(
            found["uptake_counts"],
            same_multiset([UptakeCount("runner", "success", 1)], repr),
            label="counts",
        )
        assert_that(
            found["other_counts"],
            same_multiset([OtherCount("glean", 1)], repr),
            label="other",
        )
        dead = [
            DeadLetter(
                "line", line.decode("utf-8", "backslashreplace"), (("", message),)
            )
            for line, message in CORRUPT_LINES.items()
        ]
        dead.append(
            DeadLetter(
                "event", bad, errors_of(bad), Origin("f.ndjson", 12, "p1", "parent", 0)
            )
        )
        dead.append(
            DeadLetter("event", glean_bad, glean_errors_of(glean_bad), Origin(index=1))
        )
        sign = glean_uptake("sign_error", "normandy/runner")
        dead.append(DeadLetter("uptake", sign, glean_errors_of(sign), Origin(index=2)))
        assert_that(
            found[DEAD_LETTERS],
            same_multiset(dead, dead_letter_key),
            label="dead letters",
        )

    run(build)


# -- the program ------------------------------------------------------------------


PROGRAM_ENV = {**os.environ, "PYTHONPATH": str(GENERATED)}


def program(*args: str | Path) -> list[str]:
    """The command line of the Beam program, run on the generated package."""
    return [sys.executable, "-m", "normandy_telemetry.beam", *map(str, args)]


def run_program(
    *args: str | Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        program(*args),
        env=PROGRAM_ENV,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


def read_outputs(out: Path, name: str) -> list[Any]:
    files = sorted(out.glob(f"{name}-*-of-*.ndjson"))
    assert files, f"no {name} under {out}: {sorted(p.name for p in out.iterdir())}"
    return [
        json.loads(line)
        for path in files
        for line in path.read_text("utf-8").splitlines()
    ]


def summary_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The program's closing summary: its last lines on stderr (Beam logs before)."""
    lines = result.stderr.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("read "))
    return lines[first:]


def origin(
    file: Path | str,
    line: int | None,
    ping: str | None = None,
    process: str | None = None,
    index: int | None = None,
) -> dict[str, Any]:
    return {
        "file": str(file),
        "line": line,
        "ping": ping,
        "process": process,
        "index": index,
    }


def letter(
    kind: str, record: Any, errors: Iterable[tuple[str, str]], where: dict[str, Any]
) -> tuple[str, str, str, str]:
    """A dead letter as the program writes it, in a form that sorts."""
    listed = [{"path": p, "message": m} for p, m in errors]
    return kind, canonical(record), canonical(listed), canonical(where)


def letters_written(out: Path) -> list[tuple[str, str, str, str]]:
    return sorted(
        (
            d["kind"],
            canonical(d["record"]),
            canonical(d["errors"]),
            canonical(d["origin"]),
        )
        for d in read_outputs(out, "dead-letters")
    )


def test_program_reads_both_kinds_of_ping_and_writes_every_record_somewhere(
    tmp_path: Path,
) -> None:
    """README: every Normandy record ends valid or in a dead letter (exactly as
    it came, with where it came from), uptake events are counted or dead
    letters, other categories are counted, and the summary says so."""
    records, by_fault = corpus()
    legacy = [
        r for r in records if isinstance(r, list) and len(r) > 1 and r[1] == nt.CATEGORY
    ]
    glean = by_fault["glean"]
    reports = [uptake_event(status, source) for source, status in uptake_reports()[:12]]
    reports.append(uptake_event("nope", "normandy/runner"))
    other = [[1, "navigation", "search", "urlbar", None, {"engine": "x"}]]
    legacy_lines = [
        ping_line(
            legacy[start : start + 7] + reports[start // 7 :: 40] + other,
            id=f"ping-{start}",
        )
        for start in range(0, len(legacy), 7)
    ]
    glean_lines = [
        glean_line(
            glean[start : start + 5]
            + [
                glean_uptake("success", "normandy/recipe/9"),
                {"category": "glean", "name": "restarted", "timestamp": 0},
            ]
        )
        for start in range(0, len(glean), 5)
    ]
    plain = tmp_path / "pings" / "legacy.ndjson"
    plain.parent.mkdir()
    extra_lines = [
        b"this line is not JSON",
        b"\xff\xfe not UTF-8",
        b'{"type": "main", "payload": {}}',
        ping_line(["junk", uptake_event("backoff")], id="junk-ping"),
    ]
    all_legacy = legacy_lines[:2] + extra_lines + legacy_lines[2:]
    plain.write_bytes(b"\n".join(all_legacy) + b"\n")
    compressed = tmp_path / "pings" / "glean.ndjson.gz"
    compressed.write_bytes(gzip.compress(b"\n".join(glean_lines) + b"\n"))

    out = tmp_path / "out"
    result = run_program("--input", tmp_path / "pings" / "*", "--output", out)
    assert result.returncode == 0, result.stderr

    valid = [r for r in legacy if not errors_of(r)] + [
        r for r in glean if not glean_errors_of(r)
    ]
    invalid_legacy = [r for r in legacy if errors_of(r)]
    invalid_glean = [r for r in glean if glean_errors_of(r)]
    assert valid and len(invalid_legacy) > len(valid) and invalid_glean
    written = read_outputs(out, "valid-events")
    assert sorted(map(canonical, written)) == sorted(map(canonical, valid))

    expected = []
    for number, line in enumerate(all_legacy, start=1):
        try:
            ping = json.loads(line)
        except ValueError:
            continue
        events = ping.get("payload", {}).get("events", {}).get("parent", [])
        for index, record in enumerate(events):
            where = origin(plain, number, ping.get("id"), "parent", index)
            if record in legacy and errors_of(record):
                expected.append(letter("event", record, errors_of(record), where))
            elif record == reports[-1]:
                expected.append(
                    letter(
                        "uptake",
                        record,
                        [
                            (
                                "value",
                                "'nope' is not a status of normandy/runner; its statuses are 'success', 'server_error', 'network_error'",
                            )
                        ],
                        where,
                    )
                )
            elif record == uptake_event("backoff"):
                expected.append(
                    letter(
                        "uptake",
                        record,
                        [
                            (
                                "extra.source",
                                "missing; every uptake report names its source",
                            )
                        ],
                        where,
                    )
                )
            elif record == "junk":
                expected.append(
                    letter(
                        "ping",
                        record,
                        [
                            (
                                f"payload.events.parent[{index}]",
                                "not an event record [timestamp, category, method, object, value, extra] with a category",
                            )
                        ],
                        where,
                    )
                )
    expected.append(
        letter(
            "line",
            "this line is not JSON",
            [("", "not JSON: Expecting value: line 1 column 1 (char 0)")],
            origin(plain, 3),
        )
    )
    expected.append(
        letter(
            "line",
            "\\xff\\xfe not UTF-8",
            [("", "not UTF-8: invalid start byte at byte 0")],
            origin(plain, 4),
        )
    )
    expected.append(
        letter(
            "ping",
            {"type": "main", "payload": {}},
            [("", NOT_A_PING)],
            origin(plain, 5),
        )
    )
    for number, line in enumerate(glean_lines, start=1):
        for index, event in enumerate(json.loads(line)["events"]):
            if event in invalid_glean:
                expected.append(
                    letter(
                        "event",
                        event,
                        glean_errors_of(event),
                        origin(compressed, number, None, None, index),
                    )
                )
    assert letters_written(out) == sorted(expected)

    counts = read_outputs(out, "uptake-counts")
    sent = Counter((source_for_key(s).name, t) for s, t in uptake_reports()[:12])  # type: ignore[union-attr]
    sent[("recipe", "success")] += len(glean_lines)
    assert {(c["source"], c["status"]): c["count"] for c in counts} == dict(sent)
    assert read_outputs(out, "other-events") == [
        {"category": "glean", "count": len(glean_lines)},
        {"category": "navigation", "count": len(legacy_lines) + 0},
    ]
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["valid_events"] == len(valid)
    assert summary["dead_letters"] == len(expected)
    assert summary["pings"] == {
        "glean": len(glean_lines),
        "legacy": len(legacy_lines) + 1,
    }
    assert summary_lines(result) == [
        f"read 2 files, {len(all_legacy) + len(glean_lines):,} lines: {len(glean_lines)} Glean events pings, {len(legacy_lines) + 1} legacy event pings",
        f"wrote under {out}: {len(valid):,} valid events, {len(expected):,} dead letters"
        f" ({', '.join(f'{k} {v:,}' for k, v in sorted(summary['dead_letters_by_kind'].items()) if v)}),"
        f" {sum(sent.values()):,} valid uptake reports counted, {summary['other_events']:,} records of other categories counted",
    ]
    shards = sorted(p.name for p in out.iterdir())
    assert shards == [
        "dead-letters-00000-of-00002.ndjson",
        "dead-letters-00001-of-00002.ndjson",
        "other-events-00000-of-00001.ndjson",
        "summary.json",
        "uptake-counts-00000-of-00001.ndjson",
        "valid-events-00000-of-00002.ndjson",
        "valid-events-00001-of-00002.ndjson",
    ]


def good_pings(count: int) -> tuple[bytes, list[Any]]:
    record = as_record(valid_event(EVENTS["enroll", "preference_rollout"]))
    return b"".join(ping_line([record]) + b"\n" for _ in range(count)), [record] * count


def test_a_broken_file_fails_alone_and_the_exit_status_says_so(tmp_path: Path) -> None:
    """README: a file that is not gzip, a truncated one, and a line with a lone
    surrogate stop nothing: the other files are read and written whole, the
    broken file is a dead letter of kind file, and the program exits 1."""
    data, records = good_pings(500)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-good.ndjson").write_bytes(
        data + b'{"events": [{"category": "normandy", "name": "\\udc00"}]}\n'
    )
    (inputs / "b-not-gzip.ndjson.gz").write_bytes(data)
    whole = gzip.compress(data, mtime=0)
    (inputs / "c-cut.ndjson.gz").write_bytes(whole[: len(whole) // 2])
    (inputs / "d-good.ndjson.gz").write_bytes(gzip.compress(data))
    out = tmp_path / "out"
    result = run_program("--input", inputs / "*", "--output", out)
    assert result.returncode == 1, result.stderr
    valid = read_outputs(out, "valid-events")
    cut_lines = zlib.decompressobj(31).decompress(whole[: len(whole) // 2]).count(b"\n")
    assert len(valid) == 2 * len(records) + cut_lines and set(
        map(canonical, valid)
    ) == {canonical(records[0])}
    files = [d for d in read_outputs(out, "dead-letters") if d["kind"] == "file"]
    not_gzip = "not gzip: the name ends in .gz, but the file has no gzip header"
    truncated = f"truncated: the gzip stream ends early, after {len(whole) // 2} bytes of the file"
    assert sorted((d["origin"]["file"], d["errors"][0]["message"]) for d in files) == [
        (str(inputs / "b-not-gzip.ndjson.gz"), not_gzip),
        (str(inputs / "c-cut.ndjson.gz"), truncated),
    ]
    surrogate = [d for d in read_outputs(out, "dead-letters") if d["kind"] == "line"]
    assert [(d["origin"]["line"], d["errors"][0]["message"]) for d in surrogate] == [
        (501, "not Unicode: a lone surrogate \\udc00, which UTF-8 cannot hold")
    ]
    lines = summary_lines(result)
    assert lines[0].startswith("read 4 files (2 not to the end), ")
    assert lines[2:] == [
        f"not read to the end: {inputs / 'b-not-gzip.ndjson.gz'}: {not_gzip}",
        f"not read to the end: {inputs / 'c-cut.ndjson.gz'}: {truncated}",
    ]


def test_an_output_folder_that_holds_a_run_is_refused_unless_replace(
    tmp_path: Path,
) -> None:
    """README: a second run into the same folder would mix two runs' shards
    (and count every record twice): it is refused, and --replace deletes the
    earlier run's files, and only those, first."""
    data, records = good_pings(5)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b", "c"):
        (inputs / f"{name}.ndjson").write_bytes(data)
    out = tmp_path / "out"
    assert run_program("--input", inputs / "*", "--output", out).returncode == 0
    (out / "notes.txt").write_text("mine")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run_program("--input", inputs / "a.ndjson", "--output", out)
    assert again.returncode == 2
    assert f"{out} already holds 9 files of an earlier run" in again.stderr
    assert "pass --replace" in again.stderr and "Traceback" not in again.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    replaced = run_program("--input", inputs / "a.ndjson", "--output", out, "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "dead-letters-00000-of-00001.ndjson",
        "notes.txt",
        "other-events-00000-of-00001.ndjson",
        "summary.json",
        "uptake-counts-00000-of-00001.ndjson",
        "valid-events-00000-of-00001.ndjson",
    ]
    assert len(read_outputs(out, "valid-events")) == len(records)


def test_blank_lines_are_skipped_and_gzip_is_told_by_its_header(tmp_path: Path) -> None:
    """README: blank lines hold nothing; a gzip body saved under any name (as
    the Glean SDK posts it) is read as gzip."""
    data, records = good_pings(3)
    body = tmp_path / "in" / "0a1b2c3d-submit-body"
    body.parent.mkdir()
    body.write_bytes(gzip.compress(b"\n\n" + data.replace(b"\n", b"\n   \n")))
    out = tmp_path / "out"
    result = run_program("--input", body, "--output", out)
    assert result.returncode == 0, result.stderr
    assert read_outputs(out, "valid-events") == records
    assert json.loads((out / "summary.json").read_text())["dead_letters"] == 0


def test_the_document_null_is_a_dead_letter_not_a_blank_line(tmp_path: Path) -> None:
    """README: nothing is dropped. A line holding ``null`` was counted and lost."""
    data, records = good_pings(2)
    inputs = tmp_path / "in.ndjson"
    inputs.write_bytes(data + b"null\n\n")
    out = tmp_path / "out"
    result = run_program("--input", inputs, "--output", out)
    assert result.returncode == 0, result.stderr
    assert read_outputs(out, "valid-events") == records
    dead = read_outputs(out, "dead-letters")
    assert [(d["kind"], d["record"], d["origin"]["line"]) for d in dead] == [
        ("ping", None, 3)
    ]


def _canonical(items: list[Any]) -> list[str]:
    return sorted(json.dumps(item, sort_keys=True) for item in items)


def test_the_direct_runner_on_two_processes_writes_the_same(tmp_path: Path) -> None:
    """README: --direct_running_mode=multi_processing --direct_num_workers=2."""
    data, records = good_pings(50)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(4):
        (inputs / f"{index}.ndjson").write_bytes(data + b"not json\n")
    out = tmp_path / "out"
    result = run_program(
        "--input",
        inputs / "*",
        "--output",
        out,
        "--direct_running_mode=multi_processing",
        "--direct_num_workers=2",
    )
    assert result.returncode == 0, result.stderr
    # The workers' forty lines of INFO (a pipeline-owner trial) are not printed
    # around the summary; only what Beam logs before it reads its options is.
    assert not [
        line for line in result.stderr.splitlines() if "apache_beam.runners" in line
    ], result.stderr
    assert _canonical(read_outputs(out, "valid-events")) == _canonical(records * 4)
    dead = read_outputs(out, "dead-letters")
    bad_line = data.count(b"\n") + 1
    assert sorted(
        (Path(d["origin"]["file"]).name, d["origin"]["line"], d["kind"]) for d in dead
    ) == [(f"{index}.ndjson", bad_line, "line") for index in range(4)]


def test_program_passes_pipeline_options_to_beam(tmp_path: Path) -> None:
    pings = tmp_path / "pings.ndjson"
    pings.write_bytes(
        ping_line([as_record(valid_event(EVENTS["enroll", "preference_rollout"]))])
        + b"\n"
    )
    result = run_program(
        "--input", pings, "--output", tmp_path / "out", "--runner=NoSuchRunner"
    )
    # Beam read the option (its own message says so); a mistaken option is a
    # usage error, found before the output folder is made (a pipeline-owner trial).
    assert result.returncode == 2
    assert (
        "pipeline options --runner=NoSuchRunner: Unexpected pipeline runner: NoSuchRunner"
        in result.stderr
    )
    assert not (tmp_path / "out").exists()


def test_program_refuses_an_output_that_is_a_file(tmp_path: Path) -> None:
    """A user trial got Beam's FileExistsError traceback and exit 1."""
    data, _ = good_pings(1)
    source = tmp_path / "a.ndjson"
    source.write_bytes(data)
    result = run_program("--input", source, "--output", source)
    assert result.returncode == 2, result.stderr
    assert f"--output {source} is not a directory" in result.stderr
    assert "Traceback" not in result.stderr
    assert source.read_bytes() == data


def test_program_refuses_an_input_that_is_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "pings"
    folder.mkdir()
    (folder / "a.ndjson").write_bytes(good_pings(1)[0])
    result = run_program("--input", folder, "--output", tmp_path / "out")
    assert result.returncode == 2, result.stderr
    assert (
        f"--input {folder} is a directory; give its files, as --input '{folder}/*'"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_program_refuses_an_input_that_matches_no_file(tmp_path: Path) -> None:
    result = run_program(
        "--input", tmp_path / "missing-*.ndjson", "--output", tmp_path / "out"
    )
    assert result.returncode == 2
    assert f"no file matches --input {tmp_path / 'missing-*.ndjson'}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


# -- the package without Apache Beam ----------------------------------------------

WITHOUT_BEAM = """
import importlib, pkgutil, sys
import normandy_telemetry
names = [m.name for m in pkgutil.walk_packages(normandy_telemetry.__path__, "normandy_telemetry.")]
assert "normandy_telemetry.beam" in names, names
for name in names:
    if name != "normandy_telemetry.beam":
        importlib.import_module(name)
assert not [m for m in sys.modules if m.split(".")[0] == "apache_beam"], "apache_beam was imported"
sys.modules["apache_beam"] = None  # as if it were not installed
try:
    import normandy_telemetry.beam
except ImportError as exc:
    print(exc)
else:
    raise SystemExit("imported without apache_beam")
"""


def test_everything_but_the_beam_module_imports_without_apache_beam() -> None:
    env = {**os.environ, "PYTHONPATH": str(GENERATED)}
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_BEAM],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # Suggestions a client can follow: normandy-telemetry is on no index, so the
    # folder it was generated into, with the extra it declares, or Beam itself.
    assert "pip install './generated[beam]'" in result.stdout
    assert "pip install apache-beam" in result.stdout
    assert "normandy-telemetry[" not in result.stdout
    project = tomllib.loads((GENERATED / "pyproject.toml").read_text("utf-8"))
    assert "beam" in project["project"]["optional-dependencies"]
    assert project["project"]["optional-dependencies"]["beam"][0].startswith(
        "apache-beam"
    )


def test_generated_package_offers_beam_as_an_extra() -> None:
    project = tomllib.loads((GENERATED / "pyproject.toml").read_text("utf-8"))[
        "project"
    ]
    assert project["dependencies"] == []
    assert [
        spec.split(">")[0] for spec in project["optional-dependencies"]["beam"]
    ] == ["apache-beam"]
    # The DaskRunner's extra: Beam, and the dask release the tests ran with.
    toolchain = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    pinned = [
        d
        for d in toolchain["project"]["optional-dependencies"]["dev"]
        if d.startswith("dask")
    ]
    assert project["optional-dependencies"]["dask"] == [
        project["optional-dependencies"]["beam"][0],
        *pinned,
    ]


def test_uptake_count_json() -> None:
    assert json.loads(UptakeCount("recipe", "success", 3).to_json()) == {
        "source": "recipe",
        "status": "success",
        "count": 3,
    }


def test_input_may_be_given_more_than_once(tmp_path: Path) -> None:
    """README: --input, a file or a glob, may be given more than once."""
    data, records = good_pings(2)
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.ndjson").write_bytes(data)
    out = tmp_path / "out"
    result = run_program(
        "--input",
        tmp_path / "a.ndjson",
        "--input",
        tmp_path / "[bc].ndjson",
        "--input",
        tmp_path / "a.ndjson",
        "--output",
        out,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads((out / "summary.json").read_text())["files"] == 3
    assert len(read_outputs(out, "valid-events")) == 3 * len(records)


def test_a_shard_appears_whole_or_not_at_all_and_a_retry_rewrites_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: each file's shards are written under a temporary name and
    renamed into place; a retried step writes them again whole; a crashed
    run's leftovers count as an earlier run's files."""
    from normandy_telemetry import beam as program

    data, records = good_pings(3)
    source = tmp_path / "in.ndjson"
    source.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    step = program._CheckFile(str(out), 1)

    def crash(raw: Any, name: str, write_valid: Any, write_dead: Any) -> Any:
        write_valid("half a shard\n")
        raise MemoryError("the worker died")

    with monkeypatch.context() as patch:
        patch.setattr(program, "check_file", crash)
        with pytest.raises(MemoryError):
            list(step.process((0, str(source))))
    assert not list(out.glob("valid-events-*")) and not list(out.glob("dead-letters-*"))
    leftovers = sorted(p.name for p in out.iterdir())
    assert leftovers and all(name.startswith(".tmp-") for name in leftovers)
    refused = run_program("--input", source, "--output", out)
    assert refused.returncode == 2 and "of an earlier run" in refused.stderr

    for _ in range(2):  # the step run twice, as a runner retries it
        [tally] = step.process((0, str(source)))
        assert tally.valid_events == len(records)
        written = (out / "valid-events-00000-of-00001.ndjson").read_text()
        assert [json.loads(line) for line in written.splitlines()] == records
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".tmp-")) == [
        "dead-letters-00000-of-00001.ndjson",
        "valid-events-00000-of-00001.ndjson",
    ]
    replaced = run_program("--input", source, "--output", out, "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".tmp-")]


def test_an_output_inside_the_input_glob_is_not_read_as_input(tmp_path: Path) -> None:
    data, records = good_pings(2)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.ndjson").write_bytes(data)
    out = inputs / "out"
    for _ in range(2):
        result = run_program("--input", inputs / "**", "--output", out, "--replace")
        assert result.returncode == 0, result.stderr
        summary = json.loads((out / "summary.json").read_text())
        assert (summary["files"], summary["valid_events"]) == (1, len(records))


def test_the_closing_summary_counts_one_of_each_in_the_singular() -> None:
    from normandy_telemetry.beam import describe
    from normandy_telemetry.pings import Tally

    tally = Tally(files=1, lines=1, valid_events=1)
    tally.pings.update(glean=1, legacy=1)
    tally.dead_letters.update(event=1)
    tally.uptake[("runner", "success")] = 1
    tally.other["navigation"] = 1
    summary = tally.summary()
    assert summary["pings"] == {"glean": 1, "legacy": 1}
    assert describe(summary, "out") == [
        "read 1 file, 1 line: 1 Glean events ping, 1 legacy event ping",
        "wrote under out: 1 valid event, 1 dead letter (event 1), 1 valid uptake"
        " report counted, 1 record of another category counted",
    ]
    empty = Tally(files=1).summary()
    assert empty["pings"] == {"glean": 0, "legacy": 0}
    assert set(empty["dead_letters_by_kind"]) == {
        "event",
        "file",
        "line",
        "ping",
        "uptake",
    }
    assert describe(empty, "out")[1] == (
        "wrote under out: 0 valid events, 0 dead letters, 0 valid uptake reports"
        " counted, 0 records of other categories counted"
    )


# -- a pipeline owner's trial: inputs and outputs that are not what they seem ----------


def test_what_a_glob_matches_that_is_not_a_file_is_named_and_each_file_read_once(
    tmp_path: Path,
) -> None:
    """A subdirectory, a broken link and a FIFO (which would block the run
    forever) are skipped and named; a file reached by two paths is read once."""
    data, records = good_pings(3)
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.ndjson").write_bytes(data)
    (inputs / "link.ndjson").symlink_to(inputs / "a.ndjson")
    (inputs / "gone.ndjson").symlink_to(tmp_path / "nowhere")
    os.mkfifo(inputs / "pipe.ndjson")
    out = tmp_path / "out"
    result = run_program(
        "--input", inputs / "*", "--input", f"{inputs}/./a.ndjson", "--output", out
    )
    assert result.returncode == 0, result.stderr
    skipped = sorted(
        line
        for line in result.stderr.splitlines()
        if line.startswith("--input: skipped")
    )
    assert skipped == [
        f"--input: skipped {inputs}/gone.ndjson (a broken link)",
        f"--input: skipped {inputs}/pipe.ndjson (not a regular file)",
        f"--input: skipped {inputs}/sub (a directory)",
    ]
    assert _canonical(read_outputs(out, "valid-events")) == _canonical(records)


def test_replace_deletes_only_what_a_run_wrote(tmp_path: Path) -> None:
    data, _ = good_pings(2)
    (tmp_path / "p.ndjson").write_bytes(data)
    out = tmp_path / "out"
    assert (
        run_program("--input", tmp_path / "p.ndjson", "--output", out).returncode == 0
    )
    mine = out / "valid-events-2024-of-archive.ndjson"
    mine.write_text("kept\n")
    again = run_program("--input", tmp_path / "p.ndjson", "--output", out, "--replace")
    assert again.returncode == 0, again.stderr
    assert mine.read_text() == "kept\n"


def test_inputs_all_under_the_output_are_said_to_be(tmp_path: Path) -> None:
    data, _ = good_pings(1)
    (tmp_path / "p.ndjson").write_bytes(data)
    result = run_program("--input", tmp_path / "*", "--output", tmp_path)
    assert result.returncode == 2
    assert "is under --output" in result.stderr and "Traceback" not in result.stderr
    empty = run_program("--input", tmp_path / "*", "--output", "")
    assert empty.returncode == 2 and "--output is empty" in empty.stderr


def test_a_second_run_into_the_same_output_is_refused_while_the_first_writes(
    tmp_path: Path,
) -> None:
    import fcntl

    data, _ = good_pings(1)
    (tmp_path / "p.ndjson").write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as the first run holds it
        result = run_program("--input", tmp_path / "p.ndjson", "--output", out)
    finally:
        os.close(fd)
    assert result.returncode == 2
    assert f"another run is writing to {out}" in result.stderr
    assert list(out.iterdir()) == []


def test_a_file_name_cannot_forge_a_line_of_the_summary(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    name = "bad\nwrote under out: 0 dead letters\x1b[31m.gz"
    (inputs / name).write_bytes(b"not gzip at all\n")
    result = run_program("--input", inputs / "*", "--output", tmp_path / "out")
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    assert not any(
        line.startswith("wrote under out:") for line in result.stderr.splitlines()
    )
    assert "bad\\nwrote under out: 0 dead letters\\x1b[31m.gz" in result.stderr


def _workers(pid: int) -> list[int]:
    """The Python processes under ``pid`` (Beam's workers run ``sh -c python ...``)."""
    found = []
    for child in beam_module._descendants(pid):
        try:
            program = os.readlink(f"/proc/{child}/exe")
        except OSError:  # it ended meanwhile
            continue
        if "python" in os.path.basename(program):
            found.append(child)
    return found


LINUX_PROC = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc"
)


@pytest.mark.parametrize(
    "mode",
    ["in_memory", pytest.param("multi_processing", marks=LINUX_PROC)],
    ids=["one process", "two processes"],
)
def test_a_terminated_run_says_its_output_is_incomplete(
    tmp_path: Path, mode: str
) -> None:
    """With two processes, the workers end with the program, silently: they
    used to print tracebacks of the closed connection after its last line."""
    data, _ = good_pings(10_000)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(40):
        (inputs / f"{index}.ndjson").write_bytes(data)
    out = tmp_path / "out"
    options = [f"--direct_running_mode={mode}", "--direct_num_workers=2"]
    process = subprocess.Popen(
        program("--input", inputs / "*", "--output", out, *options),
        env=PROGRAM_ENV,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline:  # the run has begun
        if mode == "in_memory" and out.exists():
            break
        workers = _workers(process.pid) if out.exists() else []
        if len(workers) == 2:
            break
        time.sleep(0.05)
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)  # every writer of stderr has gone
    assert process.returncode == 143, err[-2000:]
    assert err.rstrip().endswith(
        f"interrupted: what is under {out} is incomplete (it has no summary.json);"
        " run again with --replace"
    ), err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    assert not (out / "summary.json").exists()
    if mode == "multi_processing":
        assert len(workers) == 2
        for pid in workers:
            with pytest.raises(ProcessLookupError):
                for _ in range(100):  # reaped by init at once, or soon after
                    os.kill(pid, 0)
                    time.sleep(0.05)


def test_the_local_runner_s_workers_log_errors_only_unless_told_otherwise() -> None:
    def level(*args: str) -> object:
        options = beam_module._pipeline_options(list(args))
        return options.get_all_options()["default_sdk_harness_log_level"]

    assert level() == "ERROR"
    assert level("--direct_running_mode=multi_processing") == "ERROR"
    assert level("--runner=DirectRunner") == "ERROR"
    assert level("--runner=direct") == "ERROR"  # Beam reads runner names in any case
    assert level("--runner", "directrunner") == "ERROR"
    assert level("--default_sdk_harness_log_level=INFO") == "INFO"
    assert level("--default_sdk_harness_log_level", "DEBUG") == "DEBUG"
    # A remote runner's workers log to its own service, as the user set it.
    assert level("--runner=DataflowRunner") is None


@LINUX_PROC
def test_descendants_finds_children_and_grandchildren() -> None:
    shell = subprocess.Popen(["sh", "-c", "sleep 30 & sleep 30 & wait"])
    try:
        deadline = time.monotonic() + 10
        while len(beam_module._descendants(shell.pid)) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        found = beam_module._descendants(os.getpid())
        assert shell.pid in found
        assert set(beam_module._descendants(shell.pid)) < set(found)
    finally:
        for pid in [*beam_module._descendants(shell.pid), shell.pid]:
            os.kill(pid, signal.SIGKILL)
        shell.wait()


def test_a_relative_glob_names_files_as_written_in_dead_letters(tmp_path: Path) -> None:
    """Skipped entries are found beside Beam's matches; the files read keep the
    form the user wrote (``in/a.ndjson``), which dead letters' origins repeat."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.ndjson").write_bytes(b"not json\n")
    result = run_program("--input", "in/*", "--output", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--input: skipped in/sub (a directory)" in result.stderr
    (dead,) = read_outputs(tmp_path / "out", "dead-letters")
    assert dead["origin"]["file"] == "in/a.ndjson"


def test_a_folder_a_double_star_glob_reads_into_is_not_said_to_be_skipped(
    tmp_path: Path,
) -> None:
    """Beam reads ``**`` at any depth, Python's glob at one: a review saw
    ``skipped r/sub (a directory)`` printed for a folder whose files were read."""
    data, records = good_pings(2)
    (tmp_path / "r" / "sub").mkdir(parents=True)
    (tmp_path / "r" / "sub" / "b.ndjson").write_bytes(data)
    result = run_program("--input", "r/**", "--output", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skipped" not in result.stderr
    assert _canonical(read_outputs(tmp_path / "out", "valid-events")) == _canonical(
        records
    )


def test_what_counts_as_an_earlier_run_and_what_an_interruption_says() -> None:
    from normandy_telemetry import beam as program

    assert program._ours("valid-events-00000-of-00002.ndjson")
    assert program._ours("summary.json")
    assert not program._ours("valid-events-2024-of-archive.ndjson")
    assert not program._ours("notes.ndjson")
    local = program._incomplete("out", "DirectRunner")
    assert local.endswith("run again with --replace")
    remote = program._incomplete("gs://b/out", "DataflowRunner")
    assert "the job DataflowRunner started may still be running: cancel it" in remote


@LINUX_PROC
def test_an_interruption_ends_only_the_processes_the_run_started(
    tmp_path: Path,
) -> None:
    """A program that calls main() may have children of its own: they are not
    the run's workers, and a Ctrl-C of the run must not end them, nor what
    they start while the run goes on (a review found the latter killed)."""
    started = tmp_path / "started"
    callers = subprocess.Popen(
        ["sh", "-c", f"sleep 0.5; sleep 30 & echo $! > {started}; wait"]
    )
    workers = None
    try:
        earlier = set(beam_module._descendants(os.getpid()))
        workers = subprocess.Popen(["sleep", "30"])
        deadline = time.monotonic() + 10
        while not started.exists() or not started.read_text().strip():
            assert time.monotonic() < deadline
            time.sleep(0.02)
        grandchild = int(started.read_text())
        beam_module._end_workers(earlier)
        assert workers.wait(timeout=10) == -signal.SIGTERM
        assert callers.poll() is None
        os.kill(grandchild, 0)  # still there: ProcessLookupError otherwise
    finally:
        for process in (callers, workers):
            if process is not None:
                for pid in beam_module._descendants(process.pid):
                    os.kill(pid, signal.SIGKILL)
                process.kill()
                process.wait()


def test_a_file_whose_name_is_not_utf8_is_read_like_any_other(tmp_path: Path) -> None:
    """A pipeline owner's trial: one file named with a byte that is not UTF-8
    stopped the whole run ("the pipeline failed: UnicodeEncodeError") and
    nothing was written, the good files' pings included."""
    data, records = good_pings(2)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.ndjson").write_bytes(data)
    name = os.fsdecode(b"odd-\xff.ndjson")
    (inputs / name).write_bytes(data + b"not json\n")
    out = tmp_path / "out"
    result = run_program("--input", inputs / "*", "--output", out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # Beam's notice that Google Cloud's clients are not installed is not ours.
    assert "apitools" not in result.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["files"], summary["valid_events"]) == (2, 2 * len(records))
    (dead,) = read_outputs(out, "dead-letters")
    assert dead["origin"]["file"] == str(inputs / name)  # JSON's escape of the byte


def test_a_broken_file_whose_name_is_not_utf8_fails_alone(tmp_path: Path) -> None:
    """A second trial: the same name on a file that is not gzip stopped the
    run at its last step ("UnicodeEncodeError ... while running 'Summarise'"),
    with a traceback, though every file had been read."""
    data, records = good_pings(2)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.ndjson").write_bytes(data)
    name = os.fsdecode(b"odd-\xff.ndjson.gz")
    (inputs / name).write_bytes(b"not gzip")
    out = tmp_path / "out"
    result = run_program("--input", inputs / "*", "--output", out)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "pipeline failed" not in result.stderr
    assert "odd-\\xff.ndjson.gz" in result.stderr  # named, escaped, in the summary
    summary = json.loads((out / "summary.json").read_text())
    assert summary["valid_events"] == len(records)
    assert [f["file"] for f in summary["files_failed"]] == [str(inputs / name)]


def test_a_file_named_with_glob_characters_is_read_as_named(tmp_path: Path) -> None:
    """The same trial: --input 'p[1].ndjson' said no file matches it."""
    data, records = good_pings(1)
    (tmp_path / "p[1].ndjson").write_bytes(data)
    out = tmp_path / "out"
    result = run_program("--input", tmp_path / "p[1].ndjson", "--output", out)
    assert result.returncode == 0, result.stderr
    assert json.loads((out / "summary.json").read_text())["valid_events"] == 1


@pytest.mark.parametrize("through_a_link", [False, True])
def test_inputs_under_the_output_beside_others_are_named_as_skipped(
    tmp_path: Path, through_a_link: bool
) -> None:
    """The same trial: a file under --output matched by --input was left out
    in silence when other inputs were read. A later trial: --output given as
    a link to the input's folder read the files written there as input, as
    the check compared names, not where they lead."""
    data, _ = good_pings(1)
    work = tmp_path / "work"
    work.mkdir()
    (work / "day1.ndjson").write_bytes(data)
    (tmp_path / "other.ndjson").write_bytes(data)
    output = work
    if through_a_link:
        output = tmp_path / "link"
        output.symlink_to(work)
    result = run_program(
        "--input",
        work / "*.ndjson",
        "--input",
        tmp_path / "other.ndjson",
        "--output",
        output,
    )
    assert result.returncode == 0, result.stderr
    assert (
        f"--input: skipped 1 file under --output {output}, where this program writes"
        f" (such as {work / 'day1.ndjson'})"
    ) in result.stderr
    assert json.loads((work / "summary.json").read_text())["files"] == 1


INTERRUPTED_IMPORT = """
import runpy, sys

class Interrupt:
    def find_spec(self, name, path, target=None):
        if name == "apache_beam":
            raise KeyboardInterrupt  # Ctrl-C while Beam imports
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["beam", "--input", "x", "--output", "y"]
runpy.run_module("normandy_telemetry.beam", run_name=sys.argv_name)
"""


@pytest.mark.parametrize("run_name", ["__main__", "library"])
def test_ctrl_c_while_beam_imports_is_a_line_not_a_traceback(
    tmp_path: Path, run_name: str
) -> None:
    """The same trial: Ctrl-C in the two seconds Beam takes to import printed a
    20-line traceback through numpy. The program says it in a line and exits
    130, having written nothing; a library's import lets its caller decide."""
    code = INTERRUPTED_IMPORT.replace("sys.argv_name", repr(run_name))
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=PROGRAM_ENV,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    if run_name == "__main__":
        assert result.returncode == 130
        assert result.stderr == "interrupted before anything was read or written\n"
    else:
        # Python ends as the signal would have ended it, after its traceback.
        assert result.returncode == -signal.SIGINT
        assert "KeyboardInterrupt" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_this_user_cannot_write_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pipeline owner's trial: a read-only --output ran the pipeline into
    a 20-line PermissionError traceback. (The tests run as root, whom no mode
    stops, so the permission is what os.access answers.)"""
    data, _ = good_pings(1)
    (tmp_path / "p.ndjson").write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        beam_module.os,
        "access",
        lambda path, mode: False if Path(path) == out else real_access(path, mode),
    )
    with pytest.raises(SystemExit) as stopped:
        beam_module.main(["--input", str(tmp_path / "p.ndjson"), "--output", str(out)])
    assert stopped.value.code == 2
    assert f"--output {out} is not writable by this user" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_a_run_that_fails_while_writing_says_its_output_is_incomplete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same trial: a disk that filled up mid-run left half the shards and
    no word that the output was incomplete."""
    data, _ = good_pings(1)
    (tmp_path / "p.ndjson").write_bytes(data)
    out = tmp_path / "out"

    def full(path: str, chunks: Iterable[bytes]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(beam_module, "_write_atomically", full)
    status = beam_module.main(
        ["--input", str(tmp_path / "p.ndjson"), "--output", str(out)]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert "No space left on device" in err
    assert (
        f"what is under {out} is incomplete (it has no summary.json); run again"
        " with --replace once the cause is mended"
    ) in err
    assert not (out / "summary.json").exists()


@pytest.mark.parametrize("finished", [True, False])
def test_a_signal_says_whether_the_output_is_complete(
    tmp_path: Path, finished: bool
) -> None:
    """A pipeline owner's trial: SIGTERM in the seconds Beam tears down after
    the summary was written said the output was incomplete ("it has no
    summary.json") while summary.json was there and the output whole."""
    out = tmp_path / "out"
    out.mkdir()
    if finished:
        (out / "summary.json").write_text("{}\n")
    code = (
        "import signal\n"
        "from normandy_telemetry.beam import _stop_handler\n"
        f"stop = _stop_handler({str(out)!r}, 'out', 'DirectRunner')\n"
        "stop(signal.SIGTERM, None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=PROGRAM_ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 143
    said = result.stderr.splitlines()[-1]
    if finished:
        assert (
            said == "interrupted once the run was over: what is under out is complete"
        )
    else:
        assert said.startswith("interrupted: what is under out is incomplete")


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (
            "--repalce",
            "no option --repalce is known to this program or to Beam; did you"
            " mean --replace?",
        ),
        (
            "--direct_num_worker=2",
            "no option --direct_num_worker is known to this program or to Beam;"
            " did you mean --direct_num_workers?",
        ),
        (
            "--direct_num_workers=abc",
            "argument --direct_num_workers: invalid int value: 'abc'",
        ),
    ],
)
def test_a_mistaken_pipeline_option_is_one_line_and_nothing_runs(
    tmp_path: Path, option: str, said: str
) -> None:
    """A pipeline owner's trial: a misspelt option was dropped with Beam's
    warning and the run went on (exit 0); a value Beam cannot read printed
    128 lines of Beam's usage."""
    data, _ = good_pings(1)
    (tmp_path / "p.ndjson").write_bytes(data)
    out = tmp_path / "out"
    result = run_program("--input", tmp_path / "p.ndjson", "--output", out, option)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"python -m normandy_telemetry.beam: error: pipeline options {option}: {said}"
    )
    assert len(result.stderr.splitlines()) < 10
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (["--inptu", "p.ndjson", "--output", "out"], ("--input", "--inptu")),
        (["--input", "p.ndjson", "--ouptut=out"], ("--output", "--ouptut")),
        (["-input", "p.ndjson", "--output", "out"], ("--input", "-input")),
        (["-i", "p.ndjson", "--output", "out"], ("--input", "-i")),
        (["--in", "p.ndjson", "--output", "out"], ("--input", "--in")),
        (["--input", "p.ndjson", "-o", "out"], ("--output", "-o")),
        (["--input", "p.ndjson", "-outptu=out"], ("--output", "-outptu")),
    ],
)
def test_a_misspelt_input_or_output_names_the_option_meant(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    meant: tuple[str, str],
) -> None:
    """A helper's trial: --inptu was passed on to Beam as a pipeline option,
    and the program said only that --input is required."""
    from normandy_telemetry.beam import main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    option, given = meant
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"python -m normandy_telemetry.beam: error: {option} is required, and"
        f" {given} is no option: did you mean {option}?"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("abbreviation", ["--r", "--re", "--repl"])
def test_no_abbreviation_stands_for_replace(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    abbreviation: str,
) -> None:
    """A helper's trial: argparse read --r and --re as --replace, which deletes
    an earlier run's outputs. No option of this program may be abbreviated."""
    from normandy_telemetry.beam import main

    data, _ = good_pings(1)
    (tmp_path / "p.ndjson").write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.json").write_text("an earlier run's")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["--input", "p.ndjson", "--output", "out", abbreviation])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"python -m normandy_telemetry.beam: error: pipeline options {abbreviation}:"
        f" no option {abbreviation} is known to this program or to Beam; did you"
        " mean --replace? (no option is abbreviated)"
    )
    assert (out / "summary.json").read_text() == "an earlier run's"


@pytest.mark.parametrize("refused", ["an unknown option", "an earlier run"])
def test_a_refused_run_leaves_no_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refused: str
) -> None:
    """A helper's trial: every run refused after Beam built its pipeline left
    an empty beam-pipeline-temp folder in /tmp."""
    import tempfile

    from normandy_telemetry.beam import main

    data, _ = good_pings(1)
    (tmp_path / "p.ndjson").write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.json").write_text("an earlier run's")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.chdir(tmp_path)
    extra = ["--repalce"] if refused == "an unknown option" else []
    with pytest.raises(SystemExit) as stopped:
        main(["--input", "p.ndjson", "--output", "out", *extra])
    assert stopped.value.code == 2
    assert list(temporary.iterdir()) == []


@pytest.mark.parametrize("given", [["--input="], ["--input", ""], ["--input", " "]])
def test_an_empty_input_is_named_as_empty(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    given: list[str],
) -> None:
    """A helper's trial: --input= said "no file matches --input " and ended in
    a blank."""
    from normandy_telemetry.beam import main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main([*given, "--output", "out"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "python -m normandy_telemetry.beam: error: --input is empty; name the"
        " pings' file or a glob of them"
    )
    assert not (tmp_path / "out").exists()
