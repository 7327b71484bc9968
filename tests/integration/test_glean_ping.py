"""End to end with the real Glean SDK: events recorded through the generated
``metrics.yaml``, submitted in an events ping to an HTTP server on 127.0.0.1
that the test runs, the body captured exactly as sent, then validated event by
event by the package and by ``python -m normandy_telemetry.beam``.

The expected counts come from how the events were made (valid by the spec's
rules, or broken in one named way), not from the validators.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import normandy_telemetry as nt
import pytest
from support import GENERATED, ROOT

from codegen.model import Event, ExtraKey, Spec
from codegen.pipeline import load_spec

UUID = "5912ade2-8201-4774-a09d-807731afb9a8"
APP = "normandy-telemetry-tests"

RECORD_AND_SUBMIT = """
import json, pathlib, sys
from glean import Configuration, Glean, load_metrics
from glean_parser.util import Camelize

endpoint, data_dir, events = sys.argv[1], pathlib.Path(sys.argv[2]), json.loads(sys.argv[3])
root, application_id = pathlib.Path(sys.argv[4]), sys.argv[5]
metrics = load_metrics([*sorted(root.rglob("metrics.yaml")), root / "tags.yaml"])
Glean.initialize(
    application_id=application_id,
    application_version="0.0.0",
    upload_enabled=True,
    configuration=Configuration(server_endpoint=endpoint, channel="nightly"),
    data_dir=data_dir,
)
for category, name, extra in events:
    holder = metrics
    for part in category.split("."):
        holder = getattr(holder, part)
    getattr(holder, name).record(getattr(holder, Camelize(name + "_extra"))(**extra))
Glean.handle_client_inactive()  # submits the events ping
Glean.shutdown()  # waits for the upload
"""


@pytest.fixture(scope="module")
def spec() -> Spec:
    return load_spec(ROOT / "spec" / "normandy.yaml")


def sample(key: ExtraKey) -> str:
    if key.allowed:
        return key.allowed[0].value
    if key.format == "enrollment_id":
        return UUID
    return f"some-{key.name}"


def valid_extra(event: Event, with_value: bool = True) -> dict[str, str]:
    """Every key always sent, and each conditional one exactly when it holds,
    under Firefox's names; the value as the key ``value``."""
    chosen = {key.name: sample(key) for key in event.extra if key.required}
    for _ in event.extra:  # conditions may name conditional keys: settle them
        for key in event.extra:
            if key.when and all(chosen.get(c.key) in c.values for c in key.when):
                chosen.setdefault(key.name, sample(key))
    firefox = {key.name: key.legacy_key for key in event.extra}
    extra = {firefox[name]: value for name, value in chosen.items()}
    if with_value:
        extra["value"] = f"slug-of-{event.object}"
    return extra


def broken(spec: Spec) -> list[tuple[str, str, dict[str, str]]]:
    """Events the SDK records happily and the spec does not allow, one way each."""
    events = {e.glean_name: e for e in spec.events.all}
    failed = valid_extra(events["enroll_failed_preference_study"])
    enroll = valid_extra(events["enroll_preference_study"])
    unenroll = valid_extra(events["unenroll_preference_study"])
    del unenroll["didResetValue"]
    wrong = {k: v for k, v in failed.items() if k != "prefBranch"}
    return [
        (
            "normandy",
            "enroll_failed_preference_study",
            {**wrong, "reason": "wrong-branch"},
        ),
        ("normandy", "enroll_preference_study", {**enroll, "value": "v" * 100}),
        (
            "normandy",
            "enroll_failed_preference_study",
            {**failed, "reason": "name-conflict", "prefBranch": "user"},
        ),
        ("normandy", "unenroll_preference_study", unenroll),
        (
            "normandy",
            "enroll_preference_study",
            {**enroll, "enrollmentId": "{" + UUID + "}"},
        ),
    ]


UPTAKE_VALID = [
    ("normandy/recipe/123", "sign_error", ("recipe", "sign_error")),
    ("normandy/runner", "success", ("runner", "success")),
    (
        "normandy/action/preference-experiment",
        "custom_1_error",
        ("action", "custom_1_error"),
    ),
    ("normandy/recipe/7", "backoff", ("recipe", "backoff")),
    ("normandy/recipe/8", "backoff", ("recipe", "backoff")),
]
UPTAKE_INVALID = [("normandy/recipe/abc", "success"), ("normandy/runner", "sign_error")]


class Capture(http.server.BaseHTTPRequestHandler):
    received: list[tuple[str, dict[str, str], bytes]] = []
    arrived = threading.Event()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Capture.received.append((self.path, dict(self.headers), body))
        if "/events/" in self.path:
            Capture.arrived.set()
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Capture)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def sent(
    spec: Spec, server: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The events ping the SDK posted: its URL, headers and body as sent, and
    the events recorded, by what should become of them."""
    valid = []
    for event in spec.events.all:
        if event.in_glean:
            valid.append(("normandy", event.glean_name, valid_extra(event)))
    optional = next(e for e in spec.events.all if e.value_optional and e.in_glean)
    valid.append(
        ("normandy", optional.glean_name, valid_extra(optional, with_value=False))
    )
    invalid = broken(spec)
    uptake = "uptake.remotecontent.result"
    uptake_valid = [
        (uptake, "uptake_normandy", {"source": s, "value": v, "trigger": "timer"})
        for s, v, _ in UPTAKE_VALID
    ]
    uptake_invalid = [
        (uptake, "uptake_normandy", {"source": s, "value": v})
        for s, v in UPTAKE_INVALID
    ]
    recorded = valid + invalid + uptake_valid + uptake_invalid
    Capture.received.clear()
    Capture.arrived.clear()
    data_dir = tmp_path_factory.mktemp("glean-data")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            RECORD_AND_SUBMIT,
            server,
            str(data_dir),
            json.dumps(recorded),
            str(GENERATED / "glean"),
            APP,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert Capture.arrived.wait(60), [path for path, _, _ in Capture.received]
    [(path, headers, body)] = [r for r in Capture.received if "/events/" in r[0]]
    return {
        "path": path,
        "headers": headers,
        "body": body,
        "valid": valid,
        "invalid": invalid,
        "uptake_valid": uptake_valid,
        "uptake_invalid": uptake_invalid,
    }


def events_of(sent: dict[str, Any]) -> list[dict[str, Any]]:
    return json.loads(gzip.decompress(sent["body"]))["events"]


def test_the_sdk_posts_a_gzip_events_ping_whose_type_is_only_in_the_url(
    sent: dict[str, Any],
) -> None:
    assert re.fullmatch(rf"/submit/{APP}/events/1/[0-9a-f-]{{36}}", sent["path"])
    assert sent["headers"]["Content-Encoding"] == "gzip"
    ping = json.loads(gzip.decompress(sent["body"]))
    assert set(ping) == {"client_info", "events", "ping_info"}
    assert "events" not in json.dumps(ping["ping_info"]) and "type" not in ping
    recorded = (
        sent["valid"] + sent["invalid"] + sent["uptake_valid"] + sent["uptake_invalid"]
    )
    events = events_of(sent)
    assert [(e["category"], e["name"]) for e in events] == [
        (c, n) for c, n, _ in recorded
    ]
    for event, (_, _, extra) in zip(events, recorded):
        assert set(event) == {"category", "name", "timestamp", "extra"}
        assert {
            k: v for k, v in event["extra"].items() if k != "glean_timestamp"
        } == extra
        assert event["extra"]["glean_timestamp"].isdigit()  # the SDK's own key


def test_the_package_validates_each_event_as_sent(sent: dict[str, Any]) -> None:
    events = events_of(sent)
    good = len(sent["valid"])
    bad = len(sent["invalid"])
    verdicts = [nt.is_valid_glean_event(event) for event in events]
    expected = (
        [True] * good
        + [False] * bad
        + [True] * len(UPTAKE_VALID)
        + [False] * len(UPTAKE_INVALID)
    )
    assert verdicts == expected
    for event, verdict in zip(events, verdicts):
        assert (not list(nt.iter_glean_event_errors(event))) is verdict
    # The legacy validator sees none of them as an event: another shape.
    assert not any(nt.is_valid_event(event) for event in events)


def test_the_program_validates_the_body_as_sent_with_exact_counts(
    sent: dict[str, Any], tmp_path: Path
) -> None:
    document = sent["path"].rsplit("/", 1)[1]
    body = (
        tmp_path / "in" / document
    )  # as a pipeline might keep it: the body, named by its id
    body.parent.mkdir()
    body.write_bytes(sent["body"])
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(GENERATED)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "normandy_telemetry.beam",
            "--input",
            str(body),
            "--output",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    events = events_of(sent)
    good, bad = len(sent["valid"]), len(sent["invalid"])
    valid = [
        json.loads(line)
        for line in (out / "valid-events-00000-of-00001.ndjson")
        .read_text()
        .splitlines()
    ]
    assert valid == events[:good]  # exactly as sent, in order
    dead = [
        json.loads(line)
        for line in (out / "dead-letters-00000-of-00001.ndjson")
        .read_text()
        .splitlines()
    ]
    assert len(dead) == bad + len(UPTAKE_INVALID) == 7
    assert [d["record"] for d in dead] == events[good : good + bad] + events[
        -len(UPTAKE_INVALID) :
    ]
    assert [d["kind"] for d in dead] == ["event"] * bad + ["uptake"] * len(
        UPTAKE_INVALID
    )
    first_uptake = good + bad
    assert [d["origin"] for d in dead] == [
        {"file": str(body), "line": 1, "ping": None, "process": None, "index": index}
        for index in [
            *range(good, good + bad),
            *range(first_uptake + len(UPTAKE_VALID), len(events)),
        ]
    ]
    assert [[e["path"] for e in d["errors"]] for d in dead] == [
        ["extra.reason"],
        ["extra.value"],
        ["extra.prefBranch"],
        ["extra.didResetValue"],
        ["extra.enrollmentId"],
        ["extra.source"],
        ["extra.value"],
    ]
    counts = [
        json.loads(line)
        for line in (out / "uptake-counts-00000-of-00001.ndjson")
        .read_text()
        .splitlines()
    ]
    expected = Counter(kind for _, _, kind in UPTAKE_VALID)
    assert {(c["source"], c["status"]): c["count"] for c in counts} == dict(expected)
    summary = json.loads((out / "summary.json").read_text())
    assert summary == {
        "files": 1,
        "files_failed": [],
        "lines": 1,
        "blank_lines": 0,
        "pings": {"glean": 1, "legacy": 0},
        "valid_events": good,
        "dead_letters": 7,
        "dead_letters_by_kind": {
            "event": bad,
            "file": 0,
            "line": 0,
            "ping": 0,
            "uptake": 2,
        },
        "uptake_reports": len(UPTAKE_VALID),
        "other_events": 0,
    }
    assert good == sum(1 for e in nt.GLEAN_EVENTS) + 1 == 30
