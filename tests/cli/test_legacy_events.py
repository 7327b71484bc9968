"""generated/legacy/Events.yaml against Firefox's rules for its event registry.

The checker below is written from Firefox's documentation of the Events.yaml
format ("Events" in the Telemetry docs) and the limits its build script
(``toolkit/components/telemetry/build_scripts/mozparsers/parse_events.py``)
enforces, not from this project's generator: it shares no code or constant
with ``codegen``. It is itself tested on broken documents.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import GENERATED, ROOT, cli

from benchmarks.synthetic import synthetic_spec
from codegen.model import Spec
from codegen.pipeline import load_spec

EVENTS_YAML = GENERATED / "legacy" / "Events.yaml"

# From Firefox's documentation of Events.yaml and parse_events.py.
IDENTIFIER = re.compile(r"^[a-zA-Z][a-zA-Z0-9_.]*[a-zA-Z0-9]$")
MAX_CATEGORY = 30
MAX_NAME = 20  # event names, methods and objects
MAX_EXTRA_KEYS = 10
MAX_EXTRA_KEY = 15
PROCESSES = {
    "all",
    "all_children",
    "all_childs",
    "main",
    "content",
    "gpu",
    "rdd",
    "socket",
    "utility",
}
PRODUCTS = {"firefox", "fennec", "thunderbird"}
REQUIRED = {
    "objects",
    "bug_numbers",
    "notification_emails",
    "record_in_processes",
    "description",
    "products",
    "expiry_version",
}
OPTIONAL = {"methods", "release_channel_collection", "extra_keys"}


def _name_problems(where: str, value: Any, limit: int) -> list[str]:
    if not isinstance(value, str):
        return [f"{where}: {value!r} is not a string"]
    found = []
    if len(value) > limit:
        found.append(f"{where}: {value!r} is longer than {limit}")
    if not IDENTIFIER.match(value):
        found.append(f"{where}: {value!r} is not an identifier")
    return found


def _list_problems(where: str, value: Any, item_type: type) -> list[str]:
    if not isinstance(value, list) or not value:
        return [f"{where} must be a non-empty list"]
    return [
        f"{where}: {item!r} is not {item_type.__name__}"
        for item in value
        if type(item) is not item_type
    ]


def firefox_rule_violations(document: Any) -> list[str]:
    """Every way ``document`` breaks Firefox's rules for Events.yaml; empty if none."""
    if not isinstance(document, dict) or not document:
        return ["the file must be a mapping of categories"]
    found: list[str] = []
    for category, entries in document.items():
        found += _name_problems("category", category, MAX_CATEGORY)
        if not isinstance(entries, dict) or not entries:
            found.append(f"{category}: must hold at least one event")
            continue
        pairs: dict[tuple[str, str], str] = {}
        for name, entry in entries.items():
            where = f"{category}#{name}"
            found += _name_problems(f"{where} name", name, MAX_NAME)
            if not isinstance(entry, dict):
                found.append(f"{where}: must be a mapping")
                continue
            found += [
                f"{where}: missing {field}" for field in sorted(REQUIRED - set(entry))
            ]
            found += [
                f"{where}: unknown field {field}"
                for field in sorted(set(entry) - REQUIRED - OPTIONAL)
            ]
            for field, item_type in (
                ("objects", str),
                ("bug_numbers", int),
                ("notification_emails", str),
                ("record_in_processes", str),
                ("products", str),
                ("methods", str),
            ):
                if field in entry:
                    found += _list_problems(f"{where} {field}", entry[field], item_type)
            if not isinstance(entry.get("description"), str):
                found.append(f"{where}: description must be a string")
            expiry = entry.get("expiry_version")
            if not isinstance(expiry, str) or not (
                expiry == "never" or re.fullmatch(r"\d{1,3}", expiry)
            ):
                found.append(
                    f"{where}: expiry_version {expiry!r} is not 'never' or a version"
                )
            if entry.get("release_channel_collection", "opt-in") not in (
                "opt-in",
                "opt-out",
            ):
                found.append(f"{where}: bad release_channel_collection")
            found += [
                f"{where}: unknown process {p!r}"
                for p in entry.get("record_in_processes") or []
                if p not in PROCESSES
            ]
            found += [
                f"{where}: unknown product {p!r}"
                for p in entry.get("products") or []
                if p not in PRODUCTS
            ]
            methods = entry.get("methods", [name])
            objects = entry.get("objects") or []
            for method in methods:
                found += _name_problems(f"{where} method", method, MAX_NAME)
            for obj in objects:
                found += _name_problems(f"{where} object", obj, MAX_NAME)
            for pair in ((m, o) for m in methods for o in objects):
                if pair in pairs:
                    found.append(
                        f"{where}: method {pair[0]} with object {pair[1]} is already in {pairs[pair]}"
                    )
                pairs[pair] = name
            if "extra_keys" in entry:
                keys = entry["extra_keys"]
                if not isinstance(keys, dict) or not keys:
                    found.append(f"{where}: extra_keys must be a non-empty mapping")
                    continue
                if len(keys) > MAX_EXTRA_KEYS:
                    found.append(
                        f"{where}: {len(keys)} extra keys, more than {MAX_EXTRA_KEYS}"
                    )
                for key, text in keys.items():
                    found += _name_problems(f"{where} extra key", key, MAX_EXTRA_KEY)
                    if not isinstance(text, str):
                        found.append(
                            f"{where} extra key {key}: description must be a string"
                        )
    return found


@pytest.fixture(scope="module")
def document() -> Any:
    return yaml.safe_load(EVENTS_YAML.read_text("utf-8"))


@pytest.fixture(scope="module")
def spec() -> Spec:
    return load_spec(ROOT / "spec" / "normandy.yaml")


def test_the_generated_file_follows_firefox_s_rules(document: Any) -> None:
    assert firefox_rule_violations(document) == []


def test_the_file_says_where_it_comes_from() -> None:
    assert EVENTS_YAML.read_text("utf-8").startswith(
        "# Generated from spec/normandy.yaml"
    )


def test_every_event_is_registered_once_with_its_keys(
    spec: Spec, document: Any
) -> None:
    registered: dict[tuple[str, str], set[str]] = {}
    for entry in document["normandy"].values():
        for method in entry["methods"]:
            for obj in entry["objects"]:
                assert (method, obj) not in registered
                registered[(method, obj)] = set(entry.get("extra_keys", {}))
    expected = {(e.method, e.object) for e in spec.events.all}
    assert set(registered) == expected
    for event in spec.events.all:
        assert {k.legacy_key for k in event.extra} <= registered[
            (event.method, event.object)
        ]


def test_entries_carry_their_events_metadata(spec: Spec, document: Any) -> None:
    """Each entry states the bugs, owners and legacy fields of every event in it,
    the spec's own or an object's or event's override."""
    events = {(e.method, e.object): e for e in spec.events.all}
    for entry in document["normandy"].values():
        for method in entry["methods"]:
            for obj in entry["objects"]:
                metadata = events[(method, obj)].metadata
                assert metadata is not None
                assert entry["bug_numbers"] == list(metadata.bugs)
                assert entry["notification_emails"] == list(
                    metadata.notification_emails
                )
                assert entry["record_in_processes"] == list(
                    metadata.legacy.record_in_processes
                )
                assert entry["products"] == list(metadata.legacy.products)
                assert (
                    entry["release_channel_collection"]
                    == metadata.legacy.release_channel_collection
                )
                assert entry["expiry_version"] == metadata.legacy.expiry_version


def test_entries_are_named_like_firefox_s(spec: Spec, document: Any) -> None:
    entries = document["normandy"]
    assert entries["enroll_failed"]["methods"] == ["enrollFailed"]
    assert set(entries["enroll_failed"]["objects"]) == {
        e.object for e in spec.events.all if e.method == "enrollFailed" and e.in_legacy
    }
    assert "prefBranch" in entries["enroll_failed"]["extra_keys"]
    assert "preferenceBranch" not in entries["enroll_failed"]["extra_keys"]


def test_extra_key_descriptions_list_allowed_values(document: Any) -> None:
    text = document["normandy"]["graduate"]["extra_keys"]["reason"]
    assert "- `all-prefs-match`: " in text and "- `in-graduation-set`: " in text


def test_a_large_spec_splits_methods_into_entries_firefox_accepts(
    tmp_path: Path,
) -> None:
    """600 synthetic events: some methods use more than ten keys across their objects,
    so they continue in a second entry; every event is still registered once, with its keys.
    """
    spec_path = tmp_path / "spec" / "normandy.yaml"
    spec_path.parent.mkdir()
    spec_path.write_text(synthetic_spec(600), "utf-8")
    result = cli("generate", "--spec", str(spec_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    document = yaml.safe_load(
        (tmp_path / "out" / "legacy" / "Events.yaml").read_text("utf-8")
    )
    assert firefox_rule_violations(document) == []
    names = list(document["normandy"])
    assert any(name.endswith("_2") for name in names)
    spec = load_spec(spec_path)
    registered = {
        (m, o): set(e.get("extra_keys", {}))
        for e in document["normandy"].values()
        for m in e["methods"]
        for o in e["objects"]
    }
    assert set(registered) == {(e.method, e.object) for e in spec.events.all}
    for event in spec.events.all:
        assert {k.legacy_key for k in event.extra} <= registered[
            (event.method, event.object)
        ]


def _broken(document: Any, change: str) -> Any:
    broken = copy.deepcopy(document)
    entry = broken["normandy"]["enroll_failed"]
    if change == "long key":
        entry["extra_keys"]["preferenceBranch"] = entry["extra_keys"].pop("prefBranch")
    elif change == "eleven keys":
        entry["extra_keys"].update({f"key{i}": "More." for i in range(8)})
    elif change == "no bugs":
        del entry["bug_numbers"]
    elif change == "string bug":
        entry["bug_numbers"] = ["1443560"]
    elif change == "bad object":
        entry["objects"].append("study_")
    elif change == "long method":
        entry["methods"] = ["enrollFailedForSureNo"]
    elif change == "duplicate pair":
        broken["normandy"]["again"] = copy.deepcopy(entry)
    elif change == "unknown field":
        entry["owner"] = "someone"
    elif change == "bad expiry":
        entry["expiry_version"] = 140
    elif change == "bad process":
        entry["record_in_processes"] = ["parent"]
    elif change == "long category":
        broken = {"normandy_category_name_too_long": broken["normandy"]}
    return broken


@pytest.mark.parametrize(
    "change",
    [
        "long key",
        "eleven keys",
        "no bugs",
        "string bug",
        "bad object",
        "long method",
        "duplicate pair",
        "unknown field",
        "bad expiry",
        "bad process",
        "long category",
    ],
)
def test_the_checker_catches_a_broken_file(document: Any, change: str) -> None:
    assert firefox_rule_violations(_broken(document, change)) != []
