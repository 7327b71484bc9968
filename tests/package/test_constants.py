"""The generated package says what the spec says, and the spec says what the seed says.

The spec is read here with PyYAML, independently of the generator's loader
and model, so a bug there cannot hide itself.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

import normandy_telemetry
import pytest
import yaml
from normandy_telemetry import catalog, uptake
from seed_table import SEED_EVENTS, SEED_STATUSES
from support import SPEC


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    with open(SPEC, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


def spec_statuses(raw: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {
        constant: (source, status["value"])
        for source, body in raw["uptake"]["sources"].items()
        for constant, status in body["statuses"].items()
    }


def spec_events(
    raw: dict[str, Any],
) -> dict[tuple[str, str], dict[str, tuple[str, ...]]]:
    return {
        (obj, method): {
            key: tuple(body.get("allowed", {}) or ())
            for key, body in (event.get("extra") or {}).items()
        }
        for obj, obj_body in raw["events"]["objects"].items()
        for method, event in obj_body["events"].items()
    }


def test_every_spec_constant_is_in_the_package_with_its_value(
    raw: dict[str, Any],
) -> None:
    for constant, (source, value) in spec_statuses(raw).items():
        assert getattr(uptake, constant) == value, constant
        assert getattr(normandy_telemetry, constant) == value, constant
        enum_class = uptake.SOURCES[source].statuses
        assert enum_class[constant].value == value


def test_package_has_no_constant_the_spec_lacks(raw: dict[str, Any]) -> None:
    statuses = spec_statuses(raw)
    exported = {
        name
        for name in dir(uptake)
        if name.isupper() and isinstance(getattr(uptake, name), str)
    }
    firefox_names = {
        status["firefox_name"]
        for body in raw["uptake"]["sources"].values()
        for status in body["statuses"].values()
        if "firefox_name" in status
    }
    assert exported == set(statuses) | firefox_names
    for source in uptake.SOURCES.values():
        assert {m.name for m in source.statuses} == {
            c for c, (s, _) in statuses.items() if s == source.name
        }


def test_enums_are_str_valued_and_ordered_as_the_spec(raw: dict[str, Any]) -> None:
    for name, body in raw["uptake"]["sources"].items():
        enum_class = uptake.SOURCES[name].statuses
        assert issubclass(enum_class, enum.StrEnum)
        assert [m.name for m in enum_class] == list(body["statuses"])
        assert uptake.SOURCES[name].key == body["key"]


def test_legal_values_match_the_spec(raw: dict[str, Any]) -> None:
    assert uptake.LEGAL_UPTAKE_VALUES == tuple(raw["uptake"]["legal_values"])


def test_catalogue_matches_the_spec(raw: dict[str, Any]) -> None:
    expected = spec_events(raw)
    actual = {
        (event.object, event.method): {
            key.name: tuple(a.value for a in key.allowed) for key in event.extra
        }
        for event in catalog.EVENTS.values()
    }
    assert actual == expected
    assert list(catalog.OBJECTS) == list(raw["events"]["objects"])
    assert catalog.CATEGORY == raw["events"]["category"]
    assert catalog.VALUE_MAX_LENGTH == raw["events"]["value_max_length"]
    assert catalog.EXTRA_MAX_LENGTH == raw["events"]["extra_max_length"]
    assert catalog.ENROLLMENT_ID_FILLER == raw["enrollment_id"]["filler"]


def test_extra_key_presence_follows_the_spec(raw: dict[str, Any]) -> None:
    for (obj, method), event in ((k[::-1], v) for k, v in catalog.EVENTS.items()):
        raw_extra = raw["events"]["objects"][obj]["events"][method].get("extra") or {}
        for key in event.extra:
            body = raw_extra[key.name]
            if "when" in body:
                assert key.presence == "conditional"
                assert key.when == {k: tuple(v) for k, v in body["when"].items()}
            elif "channels" in body:
                assert key.presence == "channels" and key.channels == tuple(
                    body["channels"]
                )
            elif body.get("optional"):
                assert key.presence == "optional"
            else:
                assert key.presence == "always" and key.required
            assert key.truncate == body.get("truncate")
            assert key.max_length == body.get(
                "max_length", raw["events"]["extra_max_length"]
            )


def test_seed_constants_are_in_spec_and_package(raw: dict[str, Any]) -> None:
    """Every status of the document is in the spec with its value, and every
    other status says where Firefox defines it."""
    statuses = spec_statuses(raw)
    for constant, (source, value) in SEED_STATUSES.items():
        assert statuses[constant] == (source, value)
        assert getattr(normandy_telemetry, constant) == value
    for body in raw["uptake"]["sources"].values():
        for constant, status in body["statuses"].items():
            if constant not in SEED_STATUSES:
                assert status.get(
                    "firefox_source"
                ), f"{constant} is neither in the document nor marked"


def test_seed_events_are_in_spec_and_package(raw: dict[str, Any]) -> None:
    """Every event, key and value of the document is in the spec and the package
    under its name; everything else in the spec says where Firefox has it."""
    objects = raw["events"]["objects"]
    for (obj, method), keys in SEED_EVENTS.items():
        event = catalog.get_event(method, obj)
        assert event is not None, (obj, method)
        ours = {k.name: tuple(a.value for a in k.allowed) for k in event.extra}
        for name, values in keys.items():
            assert name in ours, (obj, method, name)
            assert set(values) <= set(ours[name]), (obj, method, name)
    for obj, obj_body in objects.items():
        for method, body in obj_body["events"].items():
            marked = bool(obj_body.get("firefox_source") or body.get("firefox_source"))
            seed_keys = SEED_EVENTS.get((obj, method))
            assert (
                marked or seed_keys is not None
            ), f"{obj}.{method} is neither in the document nor marked"
            for name, key in (body.get("extra") or {}).items():
                key_marked = marked or bool(key.get("firefox_source"))
                assert key_marked or name in (seed_keys or {}), f"{obj}.{method} {name}"
                for value, allowed in (key.get("allowed") or {}).items():
                    value_marked = key_marked or (
                        isinstance(allowed, dict) and allowed.get("firefox_source")
                    )
                    assert value_marked or value in (seed_keys or {}).get(name, ()), (
                        obj,
                        method,
                        name,
                        value,
                    )


def test_seed_value_not_legal_in_firefox_is_flagged_visibly(
    raw: dict[str, Any],
) -> None:
    # The seed documents signature_error; Firefox sends sign_error. The spec keeps
    # the seed's value and records the difference where readers see it.
    status = raw["uptake"]["sources"]["recipe"]["statuses"]["RECIPE_SIGNATURE_INVALID"]
    assert status["value"] == "signature_error" not in uptake.LEGAL_UPTAKE_VALUES
    assert status["firefox_value"] == "sign_error" in uptake.LEGAL_UPTAKE_VALUES
    assert "sign_error" in status["correction"]
    assert uptake.SOURCES["recipe"].values >= {"signature_error", "sign_error"}
    assert "Firefox sends sign_error" in Path(uptake.__file__).read_text("utf-8")


def test_source_keys_resolve_to_their_source() -> None:
    assert uptake.source_for_key("normandy/runner") is uptake.SOURCES["runner"]
    assert uptake.source_for_key("normandy/recipe/123") is uptake.SOURCES["recipe"]
    assert (
        uptake.source_for_key("normandy/action/preference-experiment")
        is uptake.SOURCES["action"]
    )
    assert uptake.source_for_key("normandy/recipe/abc") is None
    assert uptake.source_for_key("normandy/runner/extra") is None


@pytest.mark.parametrize("key", [None, 123, b"normandy/runner", ["normandy/runner"]])
def test_a_key_that_is_no_string_has_no_source(key: Any) -> None:
    """A helper's trial: None raised re's TypeError; the other lookups
    (``get_event``, ``get_glean_event``) give None."""
    assert uptake.source_for_key(key) is None


def test_statuses_that_share_a_value_are_each_a_member(raw: dict[str, Any]) -> None:
    """Firefox reports some values for two statuses of one source: neither may
    become an alias of the other, and a value still looks up a status."""
    shared = 0
    for name, body in raw["uptake"]["sources"].items():
        enum_class = uptake.SOURCES[name].statuses
        assert [m.name for m in enum_class] == list(body["statuses"])
        by_value: dict[str, list[str]] = {}
        for constant, status in body["statuses"].items():
            by_value.setdefault(status["value"], []).append(constant)
        for value, constants in by_value.items():
            members = [enum_class[c] for c in constants]
            assert len({id(m) for m in members}) == len(constants)
            assert all(m.value == value and m == value for m in members)
            assert enum_class(value) is members[0]
            shared += len(constants) > 1
    assert (
        shared >= 2
    ), "the spec has statuses that share a value (backoff, content_error)"


def test_a_value_firefox_sends_instead_looks_up_its_status() -> None:
    status = uptake.RecipeStatus("sign_error")
    assert status is uptake.RecipeStatus.RECIPE_SIGNATURE_INVALID
    assert status.value == "signature_error" and status.firefox_value == "sign_error"
    assert (
        uptake.RECIPE_INVALID_SIGNATURE == "sign_error"
    )  # Firefox's name, Firefox's value
    with pytest.raises(ValueError):
        uptake.RecipeStatus("not_a_status")
