"""``normandy_telemetry.beam``: the generated validators as Apache Beam
transforms, run on the DirectRunner.

Every expectation is derived from the validators themselves
(``iter_event_errors``, ``iter_uptake_errors``) on the same inputs, never from
the transforms: a record is expected on the valid output exactly when it has
no error, and in the dead letters with exactly its errors.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import apache_beam as beam
import normandy_telemetry as nt
from apache_beam.testing.util import BeamAssertException, assert_that
from normandy_telemetry.beam import (
    DEAD_LETTERS,
    UPTAKE,
    CountUptake,
    DeadLetter,
    ReadEventPings,
    UptakeCount,
    ValidateEvents,
    ValidatePings,
)
from normandy_telemetry.catalog import EVENTS, EventDef, ExtraKeyDef
from normandy_telemetry.uptake import SOURCES, source_for_key
from support import GENERATED

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
    records = [record for group in by_fault.values() for record in group]
    return records, by_fault


def errors_of(record: Any) -> tuple[tuple[str, str], ...]:
    return tuple((error.path, error.message) for error in nt.iter_event_errors(record))


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


def dead_letter_key(letter: DeadLetter) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return letter.kind, canonical(letter.record), letter.errors


def run(build: Callable[[beam.Pipeline], None]) -> None:
    """Build and run a pipeline on the DirectRunner; a failed assert_that raises."""
    with beam.Pipeline(runner="DirectRunner") as pipeline:
        build(pipeline)


# -- ValidateEvents ---------------------------------------------------------------


def test_corpus_covers_every_event_and_every_fault() -> None:
    records, by_fault = corpus()
    assert all(not errors_of(record) for record in by_fault["valid"])
    for fault, group in by_fault.items():
        if fault != "valid":
            assert any(errors_of(record) for record in group), f"{fault} broke nothing"
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
    valid = [record for record in records if not errors_of(record)]
    invalid = [record for record in records if errors_of(record)]
    assert len(valid) >= 2 * len(EVENTS) and len(invalid) > 10 * len(EVENTS)

    def build(pipeline: beam.Pipeline) -> None:
        checked = pipeline | beam.Create(records, reshuffle=False) | ValidateEvents()
        assert_that(checked.valid, same_multiset(valid), label="valid records")
        assert_that(
            checked[DEAD_LETTERS],
            same_multiset(
                [DeadLetter("event", r, errors_of(r)) for r in invalid], dead_letter_key
            ),
            label="dead letters",
        )
        counts = (
            checked.valid | "CountValid" >> beam.combiners.Count.Globally(),
            checked[DEAD_LETTERS] | "CountDead" >> beam.combiners.Count.Globally(),
        )
        assert_that(counts[0], same_multiset([len(valid)]), label="valid count")
        assert_that(counts[1], same_multiset([len(invalid)]), label="dead-letter count")

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


def test_dead_letter_json_names_kind_errors_and_record() -> None:
    letter = DeadLetter(
        "event", [1, "normandy"], (("", "first"), ("extra.x", "second"))
    )
    assert json.loads(letter.to_json()) == {
        "kind": "event",
        "errors": [
            {"path": "", "message": "first"},
            {"path": "extra.x", "message": "second"},
        ],
        "record": [1, "normandy"],
    }
    assert (
        json.loads(DeadLetter("line", b"\xff{", (("", "bad"),)).to_json())["record"]
        == "\\xff{"
    )
    assert (
        json.loads(DeadLetter("event", float("nan"), ()).to_json())["record"] == "nan"
    )
    assert (
        json.loads(DeadLetter("event", Opaque(), ()).to_json())["record"] == "<Opaque>"
    )


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


def test_count_uptake_counts_valid_reports_per_source_kind_and_status() -> None:
    reports = uptake_reports()
    pairs = [r for r in reports if isinstance(r, (tuple, list)) and len(r) == 2]
    valid = [r for r in pairs if not uptake_errors_of(r)]
    expected_counts = Counter((source_for_key(s).name, t) for s, t in valid)  # type: ignore[union-attr]
    assert {kind for kind, _ in expected_counts} == set(SOURCES)
    expected_dead = [
        DeadLetter("uptake", r, uptake_errors_of(r))
        for r in pairs
        if uptake_errors_of(r)
    ]
    expected_dead += [
        DeadLetter("uptake", r, (("", "an uptake report is a pair (source, status)"),))
        for r in reports
        if r not in pairs
    ]
    assert len(expected_dead) == 10

    def build(pipeline: beam.Pipeline) -> None:
        counted = pipeline | beam.Create(reports, reshuffle=False) | CountUptake()
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


def uptake_event(status: Any, source: Any = None, obj: str = "normandy") -> list[Any]:
    extra = (
        {"source": source, "trigger": "timer"}
        if source is not None
        else {"trigger": "timer"}
    )
    return [9, "uptake.remotecontent.result", "uptake", obj, status, extra]


def test_read_event_pings_yields_normandy_records_and_uptake_reports_and_ignores_the_rest() -> (
    None
):
    enroll = as_record(valid_event(EVENTS["enroll", "preference_rollout"]))
    broken = as_record({**valid_event(EVENTS["enroll", "addon_study"]), "value": 5})
    ping = {
        "type": "event",
        "payload": {
            "reason": "periodic",
            "events": {
                "parent": [
                    enroll,
                    [1, "navigation", "search", "urlbar", None, {"engine": "x"}],
                    uptake_event("success", "normandy/recipe/3"),
                    uptake_event("success", "main/search-config", obj="remotesettings"),
                    uptake_event("backoff"),
                    [2, "uptake.remotecontent.result"],
                ],
                "content": [broken, [3, "normandy", "enroll"]],
                "dynamic": [],
            },
        },
    }
    malformed: list[Any] = [
        None,
        [ping],
        {"type": "main", "payload": {"histograms": {}}},
        {"payload": {"events": [enroll]}},
        {
            "payload": {
                "events": {
                    "parent": {"0": enroll},
                    "gpu": [enroll, "not a record", [4], [5, None, "m"]],
                }
            }
        },
    ]

    def build(pipeline: beam.Pipeline) -> None:
        read = (
            pipeline
            | beam.Create([ping, *malformed], reshuffle=False)
            | beam.ParDo(ReadEventPings()).with_outputs(
                UPTAKE, DEAD_LETTERS, main="events"
            )
        )
        assert_that(
            read.events,
            same_multiset([enroll, broken, [3, "normandy", "enroll"], enroll]),
            label="records",
        )
        assert_that(
            read[UPTAKE],
            same_multiset([("normandy/recipe/3", "success"), (None, "backoff")], repr),
            label="uptake",
        )
        not_a_ping = "missing; an event ping maps each process to its event records"
        not_a_record = "not an event record [timestamp, category, method, object, value, extra] with a category"
        dead = [
            DeadLetter("ping", None, (("payload.events", not_a_ping),)),
            DeadLetter("ping", [ping], (("payload.events", not_a_ping),)),
            DeadLetter("ping", malformed[2], (("payload.events", not_a_ping),)),
            DeadLetter("ping", malformed[3], (("payload.events", not_a_ping),)),
            DeadLetter(
                "ping",
                {"0": enroll},
                (("payload.events.parent", "must be an array of event records"),),
            ),
            DeadLetter(
                "ping", "not a record", (("payload.events.gpu[1]", not_a_record),)
            ),
            DeadLetter("ping", [4], (("payload.events.gpu[2]", not_a_record),)),
            DeadLetter(
                "ping", [5, None, "m"], (("payload.events.gpu[3]", not_a_record),)
            ),
        ]
        assert_that(
            read[DEAD_LETTERS],
            same_multiset(dead, dead_letter_key),
            label="dead letters",
        )

    run(build)


def ping_line(records: list[Any]) -> bytes:
    return json.dumps(
        {"type": "event", "payload": {"events": {"parent": records}}}
    ).encode()


CORRUPT_LINES = {
    b"{not json": "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
    b'{"payload": ': "not JSON: Expecting value: line 1 column 13 (char 12)",
    b"NaN": "not JSON: NaN is not a JSON value",
    b'{"a": Infinity}': "not JSON: Infinity is not a JSON value",
    b"\xff\xfe{}": "not UTF-8: invalid start byte at byte 0",
    b"[" * 100_000: "not JSON that can be read: nested too deep",
}


def test_corrupt_lines_go_to_the_dead_letters_and_the_rest_is_still_validated() -> None:
    good = as_record(valid_event(EVENTS["graduate", "preference_rollout"]))
    bad = as_record(
        {**valid_event(EVENTS["graduate", "preference_rollout"]), "value": 7}
    )
    lines = [
        ping_line([good]),
        *CORRUPT_LINES,
        b"",
        b"   ",
        ping_line([bad, uptake_event("success", "normandy/runner")]),
    ]
    lines.insert(3, ping_line([good]))

    def expected_line(line: bytes) -> Any:
        try:
            return line.decode()
        except UnicodeDecodeError:
            return line

    def build(pipeline: beam.Pipeline) -> None:
        found = pipeline | beam.Create(lines, reshuffle=False) | ValidatePings()
        assert_that(found["valid_events"], same_multiset([good, good]), label="valid")
        assert_that(
            found["uptake_counts"],
            same_multiset([UptakeCount("runner", "success", 1)], repr),
            label="counts",
        )
        dead = [
            DeadLetter("line", expected_line(line), (("", message),))
            for line, message in CORRUPT_LINES.items()
        ]
        dead.append(DeadLetter("event", bad, errors_of(bad)))
        assert_that(
            found[DEAD_LETTERS],
            same_multiset(dead, dead_letter_key),
            label="dead letters",
        )

    run(build)


# -- the program ------------------------------------------------------------------


def run_program(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(GENERATED)}
    command = [sys.executable, "-m", "normandy_telemetry.beam", *map(str, args)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def read_outputs(out: Path, name: str) -> list[Any]:
    files = sorted(out.glob(f"{name}-*-of-*.ndjson"))
    assert files, f"no {name} under {out}: {sorted(p.name for p in out.iterdir())}"
    return [
        json.loads(line)
        for path in files
        for line in path.read_text("utf-8").splitlines()
    ]


def test_program_reads_pings_and_writes_valid_events_dead_letters_and_uptake_counts(
    tmp_path: Path,
) -> None:
    records, _ = corpus()
    legacy = [
        record
        for record in records
        if isinstance(record, list) and len(record) > 1 and record[1] == nt.CATEGORY
    ]
    reports = [
        uptake_event(status, source)
        for source, status in uptake_reports()[:12] + [("normandy/runner", "nope")]
    ]
    lines = [
        ping_line(legacy[start : start + 7] + reports[start // 7 :: 40])
        for start in range(0, len(legacy), 7)
    ]
    lines.insert(2, b"this line is not JSON")
    lines.insert(4, b"\xff\xfe not UTF-8")
    lines.insert(6, b'{"type": "main", "payload": {}}')
    lines.insert(8, ping_line(["junk", uptake_event("backoff")]))
    pings = tmp_path / "pings.ndjson"
    pings.write_bytes(b"\n".join(lines) + b"\n")

    result = run_program("--input", pings, "--output", tmp_path / "out")
    assert result.returncode == 0, result.stderr

    valid = [r for r in legacy if not errors_of(r)]
    invalid = [r for r in legacy if errors_of(r)]
    assert valid and len(invalid) > len(valid)
    written = read_outputs(tmp_path / "out", "valid-events")
    assert sorted(map(canonical, written)) == sorted(map(canonical, valid))
    dead = read_outputs(tmp_path / "out", "dead-letters")
    expected = [
        ("event", canonical(r), [{"path": p, "message": m} for p, m in errors_of(r)])
        for r in invalid
    ]
    expected.append(
        (
            "line",
            canonical("this line is not JSON"),
            [
                {
                    "path": "",
                    "message": "not JSON: Expecting value: line 1 column 1 (char 0)",
                }
            ],
        )
    )
    expected.append(
        (
            "uptake",
            canonical(["normandy/runner", "nope"]),
            [
                {"path": p, "message": m}
                for p, m in uptake_errors_of(("normandy/runner", "nope"))
            ],
        )
    )
    expected.append(
        (
            "line",
            canonical("\\xff\\xfe not UTF-8"),
            [{"path": "", "message": "not UTF-8: invalid start byte at byte 0"}],
        )
    )
    not_a_ping = "missing; an event ping maps each process to its event records"
    expected.append(
        (
            "ping",
            canonical({"type": "main", "payload": {}}),
            [{"path": "payload.events", "message": not_a_ping}],
        )
    )
    not_a_record = "not an event record [timestamp, category, method, object, value, extra] with a category"
    expected.append(
        (
            "ping",
            canonical("junk"),
            [{"path": "payload.events.parent[0]", "message": not_a_record}],
        )
    )
    expected.append(
        (
            "uptake",
            canonical([None, "backoff"]),
            [{"path": p, "message": m} for p, m in uptake_errors_of((None, "backoff"))],
        )
    )
    assert sorted(
        (d["kind"], canonical(d["record"]), d["errors"]) for d in dead
    ) == sorted(expected)
    counts = read_outputs(tmp_path / "out", "uptake-counts")
    sent = Counter((source_for_key(s).name, t) for s, t in uptake_reports()[:12])  # type: ignore[union-attr]
    assert {(c["source"], c["status"]): c["count"] for c in counts} == dict(sent)
    assert (
        f"wrote {len(valid)} valid-events, {len(dead)} dead-letters, {len(counts)} uptake-counts"
        in result.stderr
    )


def test_program_passes_pipeline_options_to_beam(tmp_path: Path) -> None:
    pings = tmp_path / "pings.ndjson"
    pings.write_bytes(
        ping_line([as_record(valid_event(EVENTS["enroll", "preference_rollout"]))])
        + b"\n"
    )
    result = run_program(
        "--input", pings, "--output", tmp_path / "out", "--runner=NoSuchRunner"
    )
    assert result.returncode != 0
    assert "NoSuchRunner" in result.stderr


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


def test_uptake_count_json() -> None:
    assert json.loads(UptakeCount("recipe", "success", 3).to_json()) == {
        "source": "recipe",
        "status": "success",
        "count": 3,
    }
