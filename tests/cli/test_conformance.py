"""Every output agrees on every event's extra keys.

For each event in the spec: the Python catalogue, the JSON Schema (when
generated/schemas/ exists), the Glean metric (less the ``value`` key that
carries the legacy event's value) and the legacy Events.yaml entry hold the
same keys. Firefox's two files name a key as Firefox records it: the spec's
``legacy_name`` where it sets one (``preferenceBranch`` -> ``prefBranch``),
which is the only renaming allowed; and Events.yaml registers keys per entry
(one method, several objects), so an entry holds exactly the union of its
events' keys.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from normandy_telemetry import catalog
from support import GENERATED, ROOT

from codegen.model import Spec
from codegen.pipeline import load_spec

SCHEMAS = GENERATED / "schemas"
EVENTS_SCHEMA = SCHEMAS / "normandy-events.schema.json"


@pytest.fixture(scope="module")
def spec() -> Spec:
    return load_spec(ROOT / "spec" / "normandy.yaml")


@pytest.fixture(scope="module")
def renames(spec: Spec) -> dict[tuple[str, str, str], str]:
    """(object, method, key name) -> the name Firefox records, from the spec's legacy_name."""
    return {
        (e.object, e.method, k.name): k.legacy_key
        for e in spec.events.all
        for k in e.extra
    }


@pytest.fixture(scope="module")
def glean() -> Any:
    """Every generated Glean file's metrics, by category (Normandy's own and the
    other components' files that hold some of its metrics)."""
    merged: dict[str, dict[str, Any]] = {}
    for path in sorted((GENERATED / "glean").rglob("metrics.yaml")):
        for category, metrics in yaml.safe_load(path.read_text("utf-8")).items():
            if not category.startswith("$"):
                merged.setdefault(category, {}).update(metrics)
    return merged


@pytest.fixture(scope="module")
def legacy() -> Any:
    return yaml.safe_load((GENERATED / "legacy" / "Events.yaml").read_text("utf-8"))


def _spec_events(spec: Spec) -> list[tuple[str, str, list[str]]]:
    return [(e.object, e.method, [k.name for k in e.extra]) for e in spec.events.all]


def test_the_catalogue_has_every_spec_event_with_its_keys(spec: Spec) -> None:
    from_catalogue = [
        (e.object, e.method, [k.name for k in e.extra]) for e in catalog.EVENTS.values()
    ]
    assert sorted(from_catalogue) == sorted(_spec_events(spec))


def test_the_json_schema_has_the_same_keys(
    spec: Spec, renames: dict[tuple[str, str, str], str]
) -> None:
    """The schema checks data as sent, so it accepts a key under the spec's name and under
    the name Firefox records (where ``legacy_name`` makes them differ), and nothing else.
    """
    assert EVENTS_SCHEMA.exists(), "generated/ has no event schema: run make generate"
    definitions = json.loads(EVENTS_SCHEMA.read_text("utf-8"))["$defs"]
    for obj, method, keys in _spec_events(spec):
        extra = _resolve(
            definitions, definitions[f"{obj}.{method}"]["properties"]["extra"]
        )
        expected = set(keys) | {renames[(obj, method, key)] for key in keys}
        assert set(extra.get("properties", {})) == expected, f"{obj}.{method}"


def _resolve(definitions: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = definitions[node["$ref"].removeprefix("#/$defs/")]
    return node


def test_the_glean_metric_has_value_and_the_recorded_keys(
    spec: Spec, glean: Any, renames: dict[tuple[str, str, str], str]
) -> None:
    for obj, method, _keys in _spec_events(spec):
        event = next(
            e for e in catalog.EVENTS.values() if (e.object, e.method) == (obj, method)
        )
        metric = glean["normandy"][_glean_name(method, obj)]
        recorded = [renames[(obj, method, key.name)] for key in event.extra]
        # per_method, as Firefox's file: then the keys of the method's other events
        shared = {
            renames[(o, m, k.name)]
            for (m, o), other in catalog.EVENTS.items()
            if m == method
            for k in other.extra
        }
        keys = list(metric["extra_keys"])
        assert keys[: len(recorded) + 1] == ["value", *recorded], f"{obj}.{method}"
        assert set(keys[len(recorded) + 1 :]) == shared - set(
            recorded
        ), f"{obj}.{method}"


def test_the_legacy_entry_has_the_recorded_keys(
    spec: Spec, legacy: Any, renames: dict[tuple[str, str, str], str]
) -> None:
    by_pair: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in legacy["normandy"].values():
        for method in entry["methods"]:
            for obj in entry["objects"]:
                by_pair[(method, obj)] = entry
    for entry in legacy["normandy"].values():
        union = {
            renames[(obj, method, key)]
            for obj_, method_, keys in _spec_events(spec)
            for method in entry["methods"]
            for obj in entry["objects"]
            if (obj_, method_) == (obj, method)
            for key in keys
        }
        assert set(entry.get("extra_keys", {})) == union
    for obj, method, keys in _spec_events(spec):
        entry_keys = set(by_pair[(method, obj)].get("extra_keys", {}))
        assert {renames[(obj, method, key)] for key in keys} <= entry_keys


def test_only_the_spec_s_legacy_names_differ(
    renames: dict[tuple[str, str, str], str],
) -> None:
    renamed = {
        (obj, method, name): recorded
        for (obj, method, name), recorded in renames.items()
        if name != recorded
    }
    assert renamed == {
        ("preference_study", "enrollFailed", "preferenceBranch"): "prefBranch"
    }


def _glean_name(method: str, obj: str) -> str:
    """Firefox's rule, written out here: ``enrollFailed`` + ``preference_study`` -> ``enroll_failed_preference_study``."""
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in method)
    return f"{snake}_{obj}"
