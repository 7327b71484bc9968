"""The event catalogue as data: ``catalog.json``, which the package reads at import."""

from __future__ import annotations

from typing import Any

from codegen.literals import generated_notice
from codegen.model import Event, ExtraKey, Spec


def extra_key(key: ExtraKey) -> dict[str, Any]:
    return {
        "name": key.name,
        "python_name": key.python_name,
        "description": key.description,
        "presence": key.presence,
        "when": {c.key: list(c.values) for c in key.when},
        "channels": list(key.channels),
        "allowed": [
            {
                "value": a.value,
                "description": a.description,
                "firefox_source": a.firefox_source,
            }
            for a in key.allowed
        ],
        "examples": list(key.examples),
        "format": key.format,
        "max_length": key.max_length,
        "truncate": key.truncate,
        "legacy_name": key.legacy_name,
        "firefox_source": key.firefox_source,
    }


def event(item: Event) -> dict[str, Any]:
    return {
        "object": item.object,
        "method": item.method,
        "title": item.title,
        "description": item.description,
        "value": item.value,
        "extra": [extra_key(k) for k in item.extra],
        "glean_category": item.category,
        "glean_name": item.glean_name,
        "recorded_in": list(item.recorded_in),
        "value_optional": item.value_optional,
        "firefox_source": item.firefox_source,
    }


def catalog(spec: Spec) -> dict[str, Any]:
    """The event catalogue the generated package loads at import time.

    Per-event facts live in this data file rather than in generated code so
    that the package's code, and the time black and mypy spend on it, stays
    the same size however many events the spec has.
    """
    events = spec.events
    return {
        "$comment": generated_notice(spec.header_name, spec.version),
        "category": events.category,
        "value_max_length": events.value_max_length,
        "extra_max_length": events.extra_max_length,
        "objects": [
            {
                "name": o.name,
                "title": o.title,
                "description": o.description,
                "events": [event(e) for e in o.events],
            }
            for o in events.objects
        ],
    }
