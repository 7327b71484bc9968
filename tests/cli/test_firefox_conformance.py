"""The generated Firefox files are a drop-in for Firefox's own.

For every Glean metric and every legacy (method, object) pair and scalar in
``firefox_facts`` (read from Firefox's files), the generated files declare it,
in the file that stands for Firefox's, with at least Firefox's extra keys and
the same metadata, so that no recording Firefox's current definitions accept
would be refused by ours. A difference is allowed only where the spec records
a correction, and :data:`CORRECTED` names each one with the item whose
correction explains it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import firefox_facts as firefox
import pytest
import yaml
from support import GENERATED, SPEC

from codegen.model import Spec
from codegen.pipeline import load_spec
from codegen.targets.glean import output_path

CORRECTED: dict[tuple[str, str, str], str] = {}
"""``(kind, definition, field) -> the spec item whose correction explains the
difference``. Empty: the generated files state every fact as Firefox does."""


@pytest.fixture(scope="module")
def spec() -> Spec:
    return load_spec(SPEC)


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _glean(file: str) -> dict[str, Any]:
    path = GENERATED / output_path(file)
    assert path.is_file(), f"no generated file stands for Firefox's {file}"
    return _load(path)


def _differs(kind: str, name: str, field: str, ours: Any, theirs: Any) -> None:
    if ours != theirs:
        assert (
            kind,
            name,
            field,
        ) in CORRECTED, f"{kind} {name}: {field} is {ours!r}, Firefox says {theirs!r}"


@pytest.mark.parametrize(
    "metric", firefox.GLEAN_METRICS, ids=lambda m: f"{m['category']}.{m['name']}"
)
def test_every_firefox_glean_metric_is_declared_alike(metric: dict[str, Any]) -> None:
    name = f"{metric['category']}.{metric['name']}"
    generated = _glean(metric["file"]).get(metric["category"], {}).get(metric["name"])
    assert (
        generated is not None
    ), f"{name} is missing from the file that stands for {metric['file']}"
    assert generated["type"] == metric["type"]
    keys = set(generated.get("extra_keys", {}))
    missing = set(metric["extra_keys"]) - keys
    assert not missing, f"{name} lacks Firefox's extra keys {sorted(missing)}"
    for field in (
        "bugs",
        "data_reviews",
        "notification_emails",
        "expires",
        "telemetry_mirror",
        "unit",
    ):
        if field in metric:
            _differs("glean", name, field, generated.get(field), metric[field])
    tags = generated.get("metadata", {}).get("tags") or _glean(metric["file"]).get(
        "$tags"
    )
    _differs("glean", name, "tags", tags, metric["tags"])


def test_no_generated_glean_file_holds_another_files_metric() -> None:
    """Firefox's build refuses a metric defined twice: each metric is only in
    the file that stands for the Firefox file that defines it."""
    owner = {f"{m['category']}.{m['name']}": m["file"] for m in firefox.GLEAN_METRICS}
    for path in sorted((GENERATED / "glean").rglob("metrics.yaml")):
        data = _load(path)
        for category, metrics in data.items():
            if category.startswith("$"):
                continue
            for name in metrics:
                file = owner.get(f"{category}.{name}")
                if file is not None:
                    assert (
                        GENERATED / output_path(file) == path
                    ), f"{category}.{name} is in {path}"


@pytest.mark.parametrize(
    "pair",
    [
        (e, m, o)
        for e in firefox.LEGACY_EVENTS
        for m in e["methods"]
        for o in e["objects"]
    ],
    ids=lambda p: f"{p[1]}#{p[2]}",
)
def test_every_firefox_legacy_event_is_declared_alike(
    pair: tuple[dict[str, Any], str, str],
) -> None:
    entry, method, obj = pair
    events = _load(GENERATED / "legacy" / "Events.yaml")[entry["category"]]
    found = [
        (name, ours)
        for name, ours in events.items()
        if method in ours.get("methods", [name]) and obj in ours["objects"]
    ]
    assert len(found) == 1, f"{method}#{obj} is declared {len(found)} times"
    name, ours = found[0]
    assert name == entry["entry"], f"{method}#{obj} is declared under {name!r}"
    missing = set(entry["extra_keys"]) - set(ours.get("extra_keys", {}))
    assert not missing, f"{method}#{obj} lacks Firefox's extra keys {sorted(missing)}"
    label = f"{method}#{obj}"
    for field in (
        "bug_numbers",
        "notification_emails",
        "expiry_version",
        "release_channel_collection",
    ):
        _differs("legacy", label, field, ours[field], entry[field])
    for field in ("record_in_processes", "products"):
        _differs("legacy", label, field, sorted(ours[field]), sorted(entry[field]))


@pytest.mark.parametrize("scalar", firefox.LEGACY_SCALARS, ids=lambda s: s["name"])
def test_every_firefox_scalar_is_declared_alike(scalar: dict[str, Any]) -> None:
    ours = _load(GENERATED / "legacy" / "Scalars.yaml")[scalar["category"]][
        scalar["name"]
    ]
    for field in (
        "bug_numbers",
        "expires",
        "kind",
        "keyed",
        "notification_emails",
        "release_channel_collection",
    ):
        _differs("scalar", scalar["name"], field, ours[field], scalar[field])
    for field in ("record_in_processes", "products"):
        _differs(
            "scalar", scalar["name"], field, sorted(ours[field]), sorted(scalar[field])
        )


def test_every_uptake_constant_of_firefox_is_in_the_spec(spec: Spec) -> None:
    ours: dict[str, set[str]] = {}
    for _, status in spec.uptake.statuses:
        for name in (status.constant, status.firefox_name):
            if name:
                ours[name] = set(status.reported_values)
    for constant, value in firefox.UPTAKE_CONSTANTS.items():
        assert constant in ours, f"Firefox's {constant} is missing"
        assert (
            value in ours[constant]
        ), f"{constant}: Firefox sends {value!r}, the spec allows {ours[constant]}"
    assert set(spec.uptake.legal_values) == set(firefox.UPTAKE_STATUS_VALUES)


def test_every_key_and_value_firefox_sends_is_in_the_spec(spec: Spec) -> None:
    events = {(e.method, e.object): e for e in spec.events.all}
    for sent in firefox.SENT_BY_CODE:
        event = events.get((sent["method"], sent["object"]))
        assert (
            event is not None
        ), f"{sent['method']}#{sent['object']} is sent by {sent['where']}"
        keys = {k.legacy_key: k for k in event.extra}
        for name, facts in sent["extra"].items():
            assert (
                name in keys
            ), f"{event.ident}: Firefox sends {name} ({sent['where']})"
            key = keys[name]
            if key.allowed and facts["values"]:
                unlisted = set(facts["values"]) - set(key.allowed_values)
                assert (
                    not unlisted
                ), f"{event.ident} {name}: Firefox sends {sorted(unlisted)}"
