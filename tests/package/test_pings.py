"""``normandy_telemetry.pings``: reading lines, pings of both kinds and files
(gzip or not, whole or broken), without Apache Beam. Every expectation about
an event comes from the validators themselves, on the same record."""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
import zlib
from typing import Any

import normandy_telemetry as nt
import pytest
from normandy_telemetry import pings
from normandy_telemetry.pings import DeadLetter, Origin
from support import ISSUE_ENROLL_FAILED

UUID = "5912ade2-8201-4774-a09d-807731afb9a8"

GLEAN_VALID = ISSUE_ENROLL_FAILED
GLEAN_INVALID = {
    "category": "normandy",
    "name": "enroll_failed_preference_study",
    "timestamp": 3,
    "extra": {"reason": "wrong-branch", "value": "my-study"},
}
GLEAN_UPTAKE = {
    "category": "uptake.remotecontent.result",
    "name": "uptake_normandy",
    "timestamp": 0,
    "extra": {
        "source": "normandy/recipe/123",
        "trigger": "timer",
        "value": "sign_error",
    },
}
GLEAN_BAD_UPTAKE = {
    **GLEAN_UPTAKE,
    "extra": {"source": "normandy/recipe/123", "value": "sign_error", "age": 5},
}
GLEAN_OTHER = {
    "category": "glean",
    "name": "restarted",
    "timestamp": 0,
    "extra": {"glean.startup.date": "2026-01-01T00:00+00:00"},
}
OTHER_UPTAKE = {
    "category": "uptake.remotecontent.result",
    "name": "uptake_remotesettings",
    "timestamp": 0,
    "extra": {"source": "main/search-config", "value": "success"},
}
LEGACY_VALID = [12, "normandy", "enroll", "preference_rollout", "my-rollout", {}]
LEGACY_INVALID = [13, "normandy", "enroll", "preference_rollout", 7, {}]
LEGACY_UPTAKE = [
    9,
    "uptake.remotecontent.result",
    "uptake",
    "normandy",
    "success",
    {"source": "normandy/runner"},
]
LEGACY_BAD_UPTAKE = [
    9,
    "uptake.remotecontent.result",
    "uptake",
    "normandy",
    "success",
    ["normandy/runner"],
]
LEGACY_OTHER = [1, "navigation", "search", "urlbar", None, {"engine": "x"}]


def glean_ping(*events: Any, **fields: Any) -> dict[str, Any]:
    return {
        "client_info": {"app_channel": "nightly", "client_id": UUID},
        "events": list(events),
        "ping_info": {"seq": 0, "start_time": "x", "end_time": "y"},
        **fields,
    }


def legacy_ping(ping_id: str = "ping-1", **processes: Any) -> dict[str, Any]:
    return {
        "type": "event",
        "id": ping_id,
        "payload": {"reason": "periodic", "events": processes},
    }


def letters(texts: list[str]) -> list[dict[str, Any]]:
    # NDJSON lines end at "\n" only: str.splitlines() would also cut a record
    # holding U+2028, which JSON writes as it is.
    return [json.loads(line) for text in texts for line in text.split("\n") if line]


def errors_of(record: Any) -> list[dict[str, str]]:
    return [{"path": p, "message": m} for p, m in pings.event_errors(record)]


@pytest.mark.parametrize(
    ("record", "paths"),
    [
        ({"category": "normandy"}, ["name", "timestamp"]),
        ({"category": "normandy", "timestamp": 0}, ["name"]),
        (  # a mapping event with its object keeps the legacy shape
            {"category": "normandy", "object": "preference_study", "value": "s"},
            ["method"],
        ),
    ],
)
def test_a_glean_event_that_lost_its_name_is_told_so(
    record: dict[str, Any], paths: list[str]
) -> None:
    """A helper's trial: ``{"events": [{"category": "normandy"}]}`` was said
    to lack a legacy event's method, object and value."""
    assert [e["path"] for e in errors_of(record)] == paths
    assert not pings.is_valid_record(record)
    _, valid, dead = check(lines({"events": [record]}))
    assert valid == []
    assert [error["path"] for error in dead[0]["errors"]] == paths


def check(
    data: bytes, name: str = "pings.ndjson"
) -> tuple[pings.Tally, list[Any], list[dict[str, Any]]]:
    valid: list[str] = []
    dead: list[str] = []
    tally = pings.check_file(io.BytesIO(data), name, valid.append, dead.append)
    assert all(text.endswith("\n") for text in valid + dead)
    return (
        tally,
        [json.loads(line) for text in valid for line in text.split("\n") if line],
        letters(dead),
    )


def lines(*documents: Any) -> bytes:
    return b"".join(
        (d if isinstance(d, bytes) else json.dumps(d).encode()) + b"\n"
        for d in documents
    )


# -- lines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            b"{not json",
            "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (b"NaN", "not JSON: NaN is not a JSON value"),
        (b"\xff\xfe{}", "not UTF-8: invalid start byte at byte 0"),
        (b"[" * 100_000, "not JSON that can be read: nested too deep"),
        (
            b'{"value": "\\ud800"}',
            "not Unicode: a lone surrogate \\ud800, which UTF-8 cannot hold",
        ),
        (
            b'["\\uDFFF x"]',
            "not Unicode: a lone surrogate \\udfff, which UTF-8 cannot hold",
        ),
        # A pipeline-owner trial: 1e400 reads as infinity, which no JSON writer
        # writes back; with a surrogate escape on the line it crashed the run.
        (
            b'{"events": [], "n": 1e400, "s": "\\ud83d\\ude00"}',
            "not JSON that can be written back: the number 1e400 is beyond the range of a double",
        ),
        (
            b"[1, -1.5e999]",
            "not JSON that can be written back: the number -1.5e999 is beyond the range of a double",
        ),
        # A str (a library user's line) may hold a surrogate no file can.
        (
            '{"value": "\ud800"}',
            "not Unicode: a lone surrogate \\ud800, which UTF-8 cannot hold",
        ),
        (b"   ", None),
        (b"", None),
    ],
)
def test_lines_that_are_not_documents(line: bytes, problem: str | None) -> None:
    assert pings.parse_line(line) == (None, problem)


def test_the_lone_surrogate_check_reads_any_depth_without_recursion() -> None:
    """It read the document again through json's encoder, recursively: in a
    Beam worker's deeper stack, about 970 levels with an escaped emoji raised
    RecursionError out of the reader. Documents deeper than Python's recursion
    limit are read alike now."""
    deep: Any = "\ud800"
    fine: Any = "\U0001f600"
    for _ in range(sys.getrecursionlimit() * 5):
        deep, fine = [deep], {"k": fine}
    assert pings._lone_surrogate(deep) == (
        "not Unicode: a lone surrogate \\ud800, which UTF-8 cannot hold"
    )
    assert pings._lone_surrogate(fine) is None
    assert pings._lone_surrogate({"\udc00": 1}) is not None  # keys too


def test_an_out_of_range_number_loses_no_other_line() -> None:
    good = glean_ping(GLEAN_VALID)
    tally, valid, dead = check(
        lines(good, b'{"n": 1e400, "s": "\\ud83d\\ude00"}', good)
    )
    assert len(valid) == 2
    assert [(d["kind"], d["origin"]["line"]) for d in dead] == [("line", 2)]
    assert dead[0]["record"] == '{"n": 1e400, "s": "\\ud83d\\ude00"}'  # as it came


def test_a_surrogate_pair_is_a_character_not_a_problem() -> None:
    assert pings.parse_line(b'{"v": "\\ud83d\\ude00"}') == ({"v": "\U0001f600"}, None)
    assert pings.parse_line('{"v": "\\\\ud800"}') == ({"v": "\\ud800"}, None)


# -- pings ---------------------------------------------------------------------------


def test_a_glean_ping_is_read_event_by_event() -> None:
    ping = glean_ping(
        GLEAN_VALID,
        GLEAN_UPTAKE,
        GLEAN_OTHER,
        OTHER_UPTAKE,
        "junk",
        GLEAN_INVALID,
        document_id="doc-1",
    )
    found = list(pings.read_ping(ping, Origin("f", 4)))
    assert [(f.route, f.origin) for f in found] == [
        ("event", Origin("f", 4, "doc-1", None, 0)),
        ("uptake", Origin("f", 4, "doc-1", None, 1)),
        ("other", Origin("f", 4, "doc-1", None, 2)),
        ("other", Origin("f", 4, "doc-1", None, 3)),
        ("bad", Origin("f", 4, "doc-1", None, 4)),
        ("event", Origin("f", 4, "doc-1", None, 5)),
    ]
    assert [f.record for f in found] == ping["events"]
    assert found[4].problem == (
        "events[4]",
        "not a Glean event object {category, name, timestamp, extra} with a category",
    )


def test_a_legacy_ping_is_read_process_by_process() -> None:
    ping = legacy_ping(
        parent=[LEGACY_VALID, LEGACY_UPTAKE, LEGACY_OTHER],
        content=[[4]],
        gpu={"0": LEGACY_VALID},
    )
    found = list(pings.read_ping(ping))
    assert [(f.route, f.origin) for f in found] == [
        ("event", Origin(None, None, "ping-1", "parent", 0)),
        ("uptake", Origin(None, None, "ping-1", "parent", 1)),
        ("other", Origin(None, None, "ping-1", "parent", 2)),
        ("bad", Origin(None, None, "ping-1", "content", 0)),
        ("bad", Origin(None, None, "ping-1", "gpu", None)),
    ]
    assert found[4].problem == (
        "payload.events.gpu",
        "must be an array of event records",
    )


@pytest.mark.parametrize(
    ("ping", "problem"),
    [
        (None, ("", "a ping is an object, not null")),
        ([LEGACY_VALID], ("", "a ping is an object, not an array")),
        (
            {"events": {"parent": []}},
            ("events", "must be an array of Glean event objects, not an object"),
        ),
        (
            {"payload": {"events": [LEGACY_VALID]}},
            (
                "payload.events",
                "must be an object that maps each process to its records, not an array",
            ),
        ),
        ({"payload": "x"}, ("payload", "must be an object, not a string")),
        ({"type": "main", "payload": {"histograms": {}}}, ("", pings.NOT_A_PING)),
        ({"metrics": {}, "ping_info": {}}, ("", pings.NOT_A_PING)),
    ],
)
def test_what_is_not_an_event_ping_is_one_bad_item_saying_why(
    ping: Any, problem: tuple[str, str]
) -> None:
    [found] = pings.read_ping(ping)
    assert (found.route, found.record, found.problem) == ("bad", ping, problem)


# -- files ----------------------------------------------------------------------------

EVERYTHING = lines(
    glean_ping(
        GLEAN_VALID,
        GLEAN_INVALID,
        GLEAN_UPTAKE,
        GLEAN_BAD_UPTAKE,
        GLEAN_OTHER,
        OTHER_UPTAKE,
    ),
    b"",
    legacy_ping(
        parent=[
            LEGACY_VALID,
            LEGACY_INVALID,
            LEGACY_UPTAKE,
            LEGACY_BAD_UPTAKE,
            LEGACY_OTHER,
        ]
    ),
    b"not json",
    b'{"a": "\\ud800"}',
    {"type": "main"},
)


def test_every_record_of_a_file_ends_valid_dead_or_counted() -> None:
    tally, valid, dead = check(EVERYTHING)
    assert valid == [GLEAN_VALID, LEGACY_VALID]
    assert dead == [
        {
            "kind": "event",
            "errors": errors_of(GLEAN_INVALID),
            "record": GLEAN_INVALID,
            "origin": {
                "file": "pings.ndjson",
                "line": 1,
                "ping": None,
                "process": None,
                "index": 1,
            },
        },
        {
            "kind": "uptake",
            "errors": [
                {"path": "extra.age", "message": "must be a string, not an integer"}
            ],
            "record": GLEAN_BAD_UPTAKE,
            "origin": {
                "file": "pings.ndjson",
                "line": 1,
                "ping": None,
                "process": None,
                "index": 3,
            },
        },
        {
            "kind": "event",
            "errors": errors_of(LEGACY_INVALID),
            "record": LEGACY_INVALID,
            "origin": {
                "file": "pings.ndjson",
                "line": 3,
                "ping": "ping-1",
                "process": "parent",
                "index": 1,
            },
        },
        {
            "kind": "uptake",
            "errors": [
                {
                    "path": "extra",
                    "message": "must be an object that maps strings to strings, not an array",
                },
                {
                    "path": "extra.source",
                    "message": "missing; every uptake report names its source",
                },
            ],
            "record": LEGACY_BAD_UPTAKE,
            "origin": {
                "file": "pings.ndjson",
                "line": 3,
                "ping": "ping-1",
                "process": "parent",
                "index": 3,
            },
        },
        {
            "kind": "line",
            "errors": [
                {
                    "path": "",
                    "message": "not JSON: Expecting value: line 1 column 1 (char 0)",
                }
            ],
            "record": "not json",
            "origin": {
                "file": "pings.ndjson",
                "line": 4,
                "ping": None,
                "process": None,
                "index": None,
            },
        },
        {
            "kind": "line",
            "errors": [
                {
                    "path": "",
                    "message": "not Unicode: a lone surrogate \\ud800, which UTF-8 cannot hold",
                }
            ],
            "record": '{"a": "\\ud800"}',
            "origin": {
                "file": "pings.ndjson",
                "line": 5,
                "ping": None,
                "process": None,
                "index": None,
            },
        },
        {
            "kind": "ping",
            "errors": [{"path": "", "message": pings.NOT_A_PING}],
            "record": {"type": "main"},
            "origin": {
                "file": "pings.ndjson",
                "line": 6,
                "ping": None,
                "process": None,
                "index": None,
            },
        },
    ]
    assert tally.summary() == {
        "files": 1,
        "files_failed": [],
        "lines": 6,
        "blank_lines": 1,
        "pings": {"glean": 1, "legacy": 1},
        "valid_events": 2,
        "dead_letters": 7,
        "dead_letters_by_kind": {
            "event": 2,
            "file": 0,
            "line": 2,
            "ping": 1,
            "uptake": 2,
        },
        "uptake_reports": 2,
        "other_events": 3,
    }
    assert tally.uptake == {("recipe", "sign_error"): 1, ("runner", "success"): 1}
    assert tally.other == {
        "glean": 1,
        "uptake.remotecontent.result": 1,
        "navigation": 1,
    }


def test_a_file_ending_without_a_newline_or_with_crlf_is_read_whole() -> None:
    data = (
        lines(legacy_ping(parent=[LEGACY_VALID])).replace(b"\n", b"\r\n")
        + json.dumps(legacy_ping(parent=[LEGACY_VALID])).encode()
    )
    tally, valid, dead = check(data)
    assert (valid, dead, tally.lines) == ([LEGACY_VALID, LEGACY_VALID], [], 2)


def test_without_writers_everything_is_counted_and_no_problem_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``check_lines`` with both writers ``None`` gives the tally it gives with
    them, without listing the problems of any event or uptake event."""
    expected, _, dead = check(EVERYTHING)
    assert {d["kind"] for d in dead} >= {"event", "uptake"}

    def listed(record: object) -> Any:
        raise AssertionError(f"listed the problems of {record!r}")

    for name in (
        "event_errors",
        "iter_event_errors",
        "iter_glean_event_errors",
        "uptake_record_errors",
        "uptake_report",
        "uptake_problems",
    ):
        monkeypatch.setattr(pings, name, listed)
    numbered = enumerate(EVERYTHING.split(b"\n")[:-1], 1)
    assert pings.check_lines(numbered, None, None).summary() == expected.summary()


@pytest.mark.parametrize("name", ["pings.json.gz", "body-as-posted", "pings.ndjson"])
def test_gzip_is_told_by_its_header_whatever_the_name(name: str) -> None:
    expected = check(EVERYTHING, "pings.ndjson")
    tally, valid, dead = check(gzip.compress(EVERYTHING), name)
    summary = {**expected[0].summary()}
    assert (tally.summary(), valid) == (summary, expected[1])
    assert [d["record"] for d in dead] == [d["record"] for d in expected[2]]


def test_several_gzip_members_and_padding_are_one_stream() -> None:
    data = (
        gzip.compress(EVERYTHING[:200]) + gzip.compress(EVERYTHING[200:]) + b"\x00" * 10
    )
    tally, valid, _ = check(data, "x.gz")
    assert tally.failed == [] and valid == [GLEAN_VALID, LEGACY_VALID]


def one_line(
    line: int, message: str, record: Any = None, file: str = "p.gz"
) -> dict[str, Any]:
    return {
        "kind": "file",
        "errors": [{"path": "", "message": message}],
        "record": record,
        "origin": {
            "file": file,
            "line": line,
            "ping": None,
            "process": None,
            "index": None,
        },
    }


def many(count: int) -> tuple[bytes, list[Any]]:
    """``count`` legacy pings of one valid record each, every one different
    (so that gzip cannot fold them into each other), and the records."""
    rng = random.Random(count)
    records = [
        [n, "normandy", "enroll", "preference_rollout", f"{rng.getrandbits(200):x}", {}]
        for n in range(count)
    ]
    pings_ = (legacy_ping(f"p{n}", parent=[r]) for n, r in enumerate(records))
    return lines(*pings_), records


def test_a_truncated_gzip_file_keeps_what_came_before_the_cut() -> None:
    data, records = many(3000)
    whole = gzip.compress(data, mtime=0)
    cut = whole[: len(whole) // 2]
    tally, valid, dead = check(cut, "p.gz")
    assert valid == records[: len(valid)] and len(valid) > 1000
    assert dead[-1]["kind"] == "file"
    message = (
        f"truncated: the gzip stream ends early, after {len(cut)} bytes of the file"
    )
    assert dead[-1]["errors"] == [{"path": "", "message": message}]
    partial = zlib.decompressobj(31).decompress(cut)
    read_lines = partial.count(b"\n")
    assert dead[-1]["origin"]["line"] == read_lines + 1
    assert dead[-1]["record"] == partial.rsplit(b"\n", 1)[-1].decode(
        "utf-8", "backslashreplace"
    )
    assert tally.failed == [("p.gz", message)] and tally.lines == read_lines


def test_a_gz_file_that_is_not_gzip_is_reported_and_nothing_else_happens() -> None:
    tally, valid, dead = check(EVERYTHING, "p.gz")
    message = "not gzip: the name ends in .gz, but the file has no gzip header"
    assert (valid, dead) == ([], [one_line(None, message)])  # type: ignore[arg-type]
    assert tally.failed == [("p.gz", message)] and tally.dead_letters == {"file": 1}


def test_corrupt_gzip_data_is_reported_after_what_could_be_read() -> None:
    data, records = many(3000)
    whole = bytearray(gzip.compress(data, mtime=0))
    whole[len(whole) // 2] ^= 0xFF
    tally, valid, dead = check(bytes(whole), "p.gz")
    message = dead[-1]["errors"][0]["message"]
    assert dead[-1]["kind"] == "file" and message.startswith("corrupt gzip data: ")
    assert valid == records[: len(valid)] and len(valid) > 1000
    assert len(tally.failed) == 1


def test_a_wrong_checksum_is_corrupt_data() -> None:
    """The data decoded with the damaged part is not trusted: here, all of it."""
    whole = bytearray(gzip.compress(EVERYTHING, mtime=0))
    whole[-8] ^= 0xFF  # the CRC-32 of the data
    tally, valid, dead = check(bytes(whole), "p.gz")
    message = (
        "corrupt gzip data: Error -3 while decompressing data: incorrect data check"
    )
    assert dead == [one_line(None, message)]  # type: ignore[arg-type]
    assert valid == [] and tally.failed


def test_junk_after_the_gzip_stream_is_reported() -> None:
    tally, valid, dead = check(gzip.compress(EVERYTHING) + b"junk", "p.gz")
    assert dead[-1]["errors"] == [
        {"path": "", "message": "not gzip after the end of the gzip stream"}
    ]
    assert valid == [GLEAN_VALID, LEGACY_VALID]


class Failing(io.RawIOBase):
    """A file that breaks after its first read, as a disk or a network can."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reads = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.reads += 1
        if self.reads > 1:
            raise OSError(5, "Input/output error")
        return self.data


def test_a_read_error_is_reported_after_what_could_be_read() -> None:
    valid: list[str] = []
    dead: list[str] = []
    tally = pings.check_file(Failing(EVERYTHING), "p.ndjson", valid.append, dead.append)  # type: ignore[arg-type]
    assert letters(dead)[-1]["errors"] == [
        {"path": "", "message": "could not be read: [Errno 5] Input/output error"}
    ]
    assert len(letters(valid)) == 2 and tally.failed


# -- what is written ------------------------------------------------------------------


def test_dead_letters_can_always_be_written_as_utf_8_json() -> None:
    class Opaque:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

    for record, written in [
        (b"\xff{", "\\xff{"),
        (float("nan"), "nan"),
        (Opaque(), "<Opaque>"),
        ("\ud800", "\ud800"),
    ]:
        text = DeadLetter("event", record, (("", "x"),)).to_json()
        text.encode("utf-8")
        assert json.loads(text)["record"] == written
    assert json.loads(
        DeadLetter(
            "event", [1], (("", "x"),), Origin("f", 2, "p", "parent", 3)
        ).to_json()
    ) == {
        "kind": "event",
        "errors": [{"path": "", "message": "x"}],
        "record": [1],
        "origin": {
            "file": "f",
            "line": 2,
            "ping": "p",
            "process": "parent",
            "index": 3,
        },
    }


def test_the_record_of_a_dead_letter_is_the_record_as_it_came() -> None:
    record = {
        "category": "normandy",
        "name": "enroll_preference_study",
        "timestamp": 1.0,
        "extra": {"value": "x" * 100, "ünïcode": "✓"},
    }
    _, _, dead = check(lines(glean_ping(record)))
    assert dead[0]["record"] == record
    assert dead[0]["errors"] == errors_of(record)
    assert not nt.is_valid_glean_event(record)


@pytest.mark.parametrize("null", [b"null", b" null ", b"null\r"])
def test_the_document_null_is_a_dead_letter_not_a_blank_line(null: bytes) -> None:
    """A user trial found ``null`` counted as a line and then lost: parse_line
    gives (None, None) for it as for a blank line. It is a ping of neither kind."""
    tally, valid, dead = check(b"\n   \n" + null + b"\n\n")
    assert valid == []
    assert tally.lines == 4
    assert [(d["kind"], d["record"], d["origin"]["line"]) for d in dead] == [
        ("ping", None, 3)
    ]
    assert dead[0]["errors"] == [
        {"path": "", "message": "a ping is an object, not null"}
    ]
    assert pings.is_blank(b" \t\r") and not pings.is_blank(null)


@pytest.mark.parametrize(
    "line", [b"\xc2\xa0", "\u2028".encode(), b"\x1c \t", b"\x1e", "\u3000", "\xa0\r"]
)
def test_a_line_of_other_white_space_is_a_dead_letter_in_bytes_and_in_text(
    line: bytes | str,
) -> None:
    """Only JSON's white space makes a blank line, which NDJSON skips. A line of
    U+00A0, U+2028 or a record separator is not JSON (bytes.strip() and
    str.strip() once disagreed on it; then a trial saw such lines vanish
    uncounted): it is a dead letter of kind line, alike as bytes and as text."""
    document, problem = pings.parse_line(line)
    assert document is None and problem is not None and problem.startswith("not JSON")
    assert not pings.is_blank(line)
    tally, valid, dead = check(line if type(line) is bytes else line.encode())
    assert (tally.lines, tally.blank_lines, valid) == (1, 0, [])
    assert [d["kind"] for d in dead] == ["line"]


def test_blank_lines_are_counted_so_every_line_is_accounted_for() -> None:
    data = lines(glean_ping(GLEAN_VALID), b"", b" \t\r", b"not json", glean_ping())
    tally, _, dead = check(data)
    assert tally.lines == 5 and tally.blank_lines == 2
    assert tally.lines == (
        tally.blank_lines + sum(tally.pings.values()) + tally.dead_letters["line"]
    )
    assert tally.summary()["blank_lines"] == 2


def test_lines_are_decoded_without_a_new_decoder_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """json.loads with an option builds a JSONDecoder for every call (a fifth
    of the reading cost of a small line); parse_line reuses one."""
    made: list[object] = []
    original = json.JSONDecoder.__init__

    def counting(self: json.JSONDecoder, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(json.JSONDecoder, "__init__", counting)
    assert pings.parse_line(b'{"a": 1}') == ({"a": 1}, None)
    assert pings.parse_line(b"NaN")[1] == "not JSON: NaN is not a JSON value"
    assert pings.parse_line(b"\xef\xbb\xbf{}")[1] == (
        "not JSON: the line starts with a byte-order mark (U+FEFF), which JSON"
        " does not allow; save the file as UTF-8 without one"
    )
    assert made == []


def test_a_line_python_cannot_read_says_so_in_the_reader_s_terms() -> None:
    """A pipeline owner's trial: a BOM and a 5,000-digit number gave Python's
    advice ("decode using utf-8-sig", "use sys.set_int_max_str_digits()"),
    which a reader of the dead letters cannot act on."""
    number = "1" * 5000
    problem = pings.parse_line(f'{{"a": {number}}}'.encode())[1]
    assert problem == "not JSON that can be read: a number of more than 4,300 digits"
    for line in (b"\xef\xbb\xbf{}", f"[{number}]".encode()):
        problem = pings.parse_line(line)[1] or ""
        assert "sys." not in problem and "utf-8-sig" not in problem
