"""One seeded stream of Normandy events in the shapes Firefox sends them:
legacy records, Glean event objects, and pings of either kind holding them.

The stream is the validators benchmark's (``validators.make_stream``: every
event kind and fault kind, about 85% valid). A Glean event is the same event
as Firefox's Glean layer records it: value in ``extra.value``, keys under
Firefox's names, the SDK's ``glean_timestamp``; a legacy record is the same
event as ``[timestamp, category, method, object, value, extra]``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

from benchmarks.common import ROOT

sys.path.insert(0, str(ROOT / "generated"))

import normandy_telemetry as nt
from normandy_telemetry.catalog import EVENTS

from benchmarks.validators import make_stream

UPTAKE_SOURCES = (
    "normandy/runner",
    "normandy/action/preference-experiment",
    "normandy/recipe/42",
    "normandy/recipe/x",
)
UPTAKE_STATUSES = ("success", "backoff", "server_error", "sign_error", "custom_1_error")
OTHER_LEGACY = [
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
OTHER_GLEAN = [
    {
        "category": "glean",
        "name": "restarted",
        "timestamp": 0,
        "extra": {"glean.startup.date": "2026-01-01T00:00+00:00"},
    },
    {
        "category": "uptake.remotecontent.result",
        "name": "uptake_remotesettings",
        "timestamp": 1,
        "extra": {"source": "main/search-config", "value": "success"},
    },
]


def as_legacy(item: Any) -> Any:
    """A mapping as the legacy record Firefox sends; records and the rest as they are."""
    if type(item) is dict:
        record = [
            1700000000,
            *(item.get(f) for f in ("category", "method", "object", "value", "extra")),
        ]
        if "extra" not in item:
            record.pop()
        return record
    return item


def as_glean(item: Any) -> Any:
    """The event as Firefox's Glean layer records it (what is not an event
    stays as it is, still not an event)."""
    if type(item) is list and len(item) in (5, 6):
        item = dict(
            zip(("timestamp", "category", "method", "object", "value", "extra"), item)
        )
    if type(item) is not dict:
        return item
    method, object_ = item.get("method"), item.get("object")
    event = (
        EVENTS.get((method, object_))
        if type(method) is str and type(object_) is str
        else None
    )
    name = event.glean_name if event is not None else f"{method}_{object_}"
    extra = item.get("extra")
    if type(extra) is dict:
        firefox = (
            {k.name: k.firefox_name for k in event.extra} if event is not None else {}
        )
        extra = {firefox.get(k, k): v for k, v in extra.items()}
        extra["glean_timestamp"] = "1796171152405"
        if item.get("value") is not None or event is None or not event.value_optional:
            extra["value"] = item.get("value")
    return {
        "category": item.get("category"),
        "name": name,
        "timestamp": 5,
        "extra": extra,
    }


def as_mapping(item: Any) -> Any:
    """A legacy record as the mapping ``{category, method, object, value, extra}``."""
    if type(item) is list and len(item) in (5, 6):
        names = ("timestamp", "category", "method", "object", "value", "extra")
        return {k: v for k, v in zip(names, item) if k != "timestamp"}
    return item


def _decoded(items: list[Any]) -> list[Any]:
    return [json.loads(json.dumps(item, default=repr)) for item in items]


def streams(count: int, seed: int) -> dict[str, list[Any]]:
    """``count`` events, pairwise in every shape: ``stream`` (the validators
    benchmark's mix of mappings and records), ``legacy`` records, ``mapping``
    and ``glean`` event objects; each as JSON would decode it."""
    stream, _ = make_stream(count, seed)
    return {
        "stream": _decoded(stream),
        "legacy": _decoded([as_legacy(item) for item in stream]),
        "mapping": _decoded([as_mapping(as_legacy(item)) for item in stream]),
        "glean": _decoded([as_glean(item) for item in stream]),
    }


def uptake(n: int, glean: bool) -> Any:
    source, status = UPTAKE_SOURCES[n % 4], UPTAKE_STATUSES[n % 5]
    if glean:
        return {
            "category": "uptake.remotecontent.result",
            "name": "uptake_normandy",
            "timestamp": n,
            "extra": {
                "source": source,
                "value": status,
                "glean_timestamp": "1796171152405",
            },
        }
    return [
        n,
        "uptake.remotecontent.result",
        "uptake",
        "normandy",
        status,
        {"source": source},
    ]


def ping_lines(
    events: list[Any], glean: bool, per_ping: int = 25, first: int = 0
) -> Iterator[bytes]:
    """Pings of ``per_ping`` Normandy events each, plus an uptake event and two
    events of other categories, as lines of JSON."""
    normandy = [e for e in events if _normandy(e, glean)]
    for start in range(0, len(normandy), per_ping):
        n = first + start
        batch = normandy[start : start + per_ping] + [uptake(n, glean)]
        if glean:
            ping: dict[str, Any] = {
                "client_info": {"app_channel": "release"},
                "events": batch + OTHER_GLEAN,
                "ping_info": {"seq": n},
            }
        else:
            ping = {
                "type": "event",
                "id": f"ping-{n}",
                "payload": {
                    "reason": "max",
                    "events": {"parent": batch + OTHER_LEGACY},
                },
            }
        yield json.dumps(ping, separators=(",", ":")).encode()


def _normandy(event: Any, glean: bool) -> bool:
    """What a ping of the kind would carry as a Normandy record (a category of ours)."""
    if glean:
        return type(event) is dict and event.get("category") == nt.CATEGORY
    return type(event) is list and len(event) > 1 and event[1] == nt.CATEGORY
