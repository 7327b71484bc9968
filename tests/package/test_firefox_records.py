"""The validators accept the records Firefox's client code sends, and refuse
the same records broken.

Each record is built from ``firefox_facts.SENT_BY_CODE`` alone (what Firefox's
code sends for each (method, object): its keys, their literal values and when
each is sent), never from the spec, so a key, value or presence rule the spec
lacks shows up as a refused record. Every value of every closed key is tried,
and every key that is sent only sometimes is tried both ways.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import firefox_facts as firefox
import normandy_telemetry as nt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import SETTINGS, within_bytes

FREE_TEXT = "firefox-sent-text"


def _variants(sent: dict[str, Any]) -> Iterator[dict[str, str]]:
    """Every extra mapping the code can send, one closed key's value at a time."""
    keys = sent["extra"]
    closed = [name for name, facts in keys.items() if facts["values"]]
    sometimes = [name for name, facts in keys.items() if facts["sent"] == "sometimes"]
    base = {name: (facts["values"] or [FREE_TEXT])[0] for name, facts in keys.items()}
    choices = [(name, value) for name in closed for value in keys[name]["values"]] or [
        (None, None)
    ]
    for (name, value), included in itertools.product(
        choices, itertools.product((True, False), repeat=len(sometimes))
    ):
        values = dict(base)
        if name is not None:
            values[name] = value
        extra = {}
        for key, facts in keys.items():
            sent_when = facts["sent"]
            if isinstance(sent_when, dict):
                if not all(
                    values.get(k) in allowed for k, allowed in sent_when.items()
                ):
                    continue
            elif sent_when == "sometimes" and not included[sometimes.index(key)]:
                continue
            extra[key] = values[key]
        yield extra


def _records() -> list[tuple[str, dict[str, Any]]]:
    records = []
    for sent in firefox.SENT_BY_CODE:
        for extra in _variants(sent):
            event = {
                "category": "normandy",
                "method": sent["method"],
                "object": sent["object"],
                "value": "some-slug",
                "extra": extra,
            }
            records.append(
                (f"{sent['method']}#{sent['object']} {sorted(extra.items())}", event)
            )
    return records


RECORDS = _records()


def test_every_sent_event_is_tried() -> None:
    tried = {(e["method"], e["object"]) for _, e in RECORDS}
    assert tried == {(s["method"], s["object"]) for s in firefox.SENT_BY_CODE}
    assert len(RECORDS) > 100


@pytest.mark.parametrize("event", [e for _, e in RECORDS], ids=[i for i, _ in RECORDS])
def test_records_firefox_sends_are_valid_in_both_shapes(event: dict[str, Any]) -> None:
    errors = [str(e) for e in nt.iter_event_errors(event)]
    assert not errors, errors
    assert nt.is_valid_event(event)
    legacy = [
        12345,
        event["category"],
        event["method"],
        event["object"],
        event["value"],
        event["extra"],
    ]
    assert nt.is_valid_event(legacy), [str(e) for e in nt.iter_event_errors(legacy)]


@pytest.mark.parametrize("event", [e for _, e in RECORDS], ids=[i for i, _ in RECORDS])
def test_the_same_records_broken_are_refused(event: dict[str, Any]) -> None:
    unknown = {**event, "extra": {**event["extra"], "notAFirefoxKey": "x"}}
    assert not nt.is_valid_event(unknown)
    assert [e.path for e in nt.iter_event_errors(unknown)] == ["extra.notAFirefoxKey"]
    for name, value in event["extra"].items():
        key = nt.get_event(event["method"], event["object"])
        assert key is not None
        closed = {k.firefox_name: k for k in key.extra}[name].allowed
        if closed:
            wrong = {**event, "extra": {**event["extra"], name: value + "-not-sent"}}
            assert not nt.is_valid_event(wrong)


@st.composite
def firefox_records(draw: st.DrawFn) -> Any:
    """A record as Firefox's code sends it: any event it sends, any closed value,
    any text in free keys (within the 80 bytes of UTF-8 Firefox cuts values
    to, ``kMaxValueByteLength`` in TelemetryEvent.cpp),
    keys that are sent only sometimes present or not, in either shape."""
    sent = draw(st.sampled_from(firefox.SENT_BY_CODE))
    values: dict[str, str] = {}
    for name, facts in sent["extra"].items():
        closed = st.sampled_from(facts["values"]) if facts["values"] else st.nothing()
        free = st.text(
            st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80
        ).map(lambda text: within_bytes(text, 80))
        if facts["values"] and facts.get("free_text"):
            values[name] = draw(st.one_of(closed, free))
        else:
            values[name] = draw(closed if facts["values"] else free)
    extra = {}
    for name, facts in sent["extra"].items():
        when = facts["sent"]
        if isinstance(when, dict):
            if all(values.get(k) in allowed for k, allowed in when.items()):
                extra[name] = values[name]
        elif when == "always" or draw(st.booleans()):
            extra[name] = values[name]
    value = within_bytes(
        draw(
            st.text(
                st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80
            )
        ),
        80,
    )
    if draw(st.booleans()):
        return {
            "category": "normandy",
            "method": sent["method"],
            "object": sent["object"],
            "value": value,
            "extra": extra,
        }
    timestamp = draw(st.integers(min_value=0, max_value=2**53))
    return [timestamp, "normandy", sent["method"], sent["object"], value, extra]


@SETTINGS
@given(firefox_records())
def test_any_record_firefox_sends_is_valid(record: Any) -> None:
    errors = [str(e) for e in nt.iter_event_errors(record)]
    assert not errors, (record, errors)
    assert nt.is_valid_event(record)
