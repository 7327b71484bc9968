"""The generated Glean files, proven with the tools Firefox uses: the pinned
glean_parser (parse, glinter) and the Glean Python SDK (load, record, read back).

Normandy's own ``generated/glean/metrics.yaml`` and the files that stand for
other components' (Uptake's in services/common, Nimbus's ``expose``) are
checked together, as Firefox's build reads them, with ``glean/tags.yaml``
defining their tags.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from typing import Any

import pytest
from glean_parser import lint, parser
from glean_parser.util import Camelize
from support import GENERATED, ROOT

from codegen.model import Event, ExtraKey, Spec
from codegen.pipeline import load_spec

METRICS = GENERATED / "glean" / "metrics.yaml"
FILES = sorted((GENERATED / "glean").rglob("metrics.yaml"))
TAGS = GENERATED / "glean" / "tags.yaml"
SCHEMA = "moz://mozilla.org/schemas/glean/metrics/2-0-0"


@pytest.fixture(scope="module")
def spec() -> Spec:
    return load_spec(ROOT / "spec" / "normandy.yaml")


@pytest.fixture(scope="module")
def parsed() -> Any:
    """The object tree glean_parser builds from the file, after asserting it had no error."""
    result = parser.parse_objects([*FILES, TAGS])
    errors = list(result)
    assert errors == []
    return result.value


def test_each_file_declares_the_glean_schema() -> None:
    assert len(FILES) == 3, FILES
    for path in FILES:
        text = path.read_text("utf-8")
        assert f"\n$schema: {SCHEMA}\n" in text
        assert text.startswith("# Generated from spec/normandy.yaml")


def test_glinter_reports_no_error_and_no_warning(parsed: Any) -> None:
    nits = lint.lint_metrics(parsed, file=sys.stderr)
    assert [nit.format() for nit in nits] == []


def test_glinter_command_line_accepts_the_file() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "glean_parser", "glinter", *map(str, FILES), str(TAGS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert output.strip() == "✨ Your metrics are Glean! ✨"


def test_one_event_metric_per_event_named_method_object(
    spec: Spec, parsed: Any
) -> None:
    normandy = parsed["normandy"]
    events = {name: m for name, m in normandy.items() if m.type == "event"}
    assert sorted(events) == sorted(e.glean_name for e in spec.events.all if e.in_glean)
    assert "enroll_failed_preference_study" in events
    assert "exp_pref_changed_preference_study" in events


def test_event_extra_keys_are_value_plus_the_recorded_names(
    spec: Spec, parsed: Any
) -> None:
    groups = spec.events.by_method()
    for event in spec.events.all:
        metric = parsed["normandy"][event.glean_name]
        own = [k.legacy_key for k in event.extra]
        assert list(metric.extra_keys)[: len(own) + 1] == ["value", *own]
        # the keys of the method's other events follow, as in Firefox's file
        shared = {k.legacy_key for e in groups[event.method] for k in e.extra}
        assert set(metric.extra_keys) == {"value"} | shared
        assert all(extra["type"] == "string" for extra in metric.extra_keys.values())
    failed = parsed["normandy"]["enroll_failed_preference_study"]
    assert (
        "prefBranch" in failed.extra_keys
        and "preferenceBranch" not in failed.extra_keys
    )


def test_descriptions_name_the_allowed_values(spec: Spec, parsed: Any) -> None:
    for event in spec.events.all:
        metric = parsed["normandy"][event.glean_name]
        for key in event.extra:
            text = metric.extra_keys[key.legacy_key]["description"]
            assert " ".join(key.description.split()) in text
            for allowed in key.allowed:
                only = " (only in Firefox)" if allowed.firefox_source else ""
                assert f"- `{allowed.value}`{only}: " in text


def test_ownership_comes_from_the_spec_metadata(spec: Spec, parsed: Any) -> None:
    metadata = spec.metadata
    assert metadata is not None
    metric = parsed["normandy"]["enroll_preference_study"]
    assert metric.bugs == ["https://bugzil.la/1443560"]
    assert metric.data_reviews == list(metadata.data_reviews)
    assert metric.notification_emails == ["normandy-notifications@mozilla.com"]
    assert metric.expires == "never"
    assert metric.telemetry_mirror == "Normandy_Enroll_PreferenceStudy"
    assert (
        parsed["normandy"]["enroll_failed_preference_study"].telemetry_mirror
        == "Normandy_Enrollfailed_PreferenceStudy"
    )


def test_recipe_freshness_is_a_labeled_quantity_with_its_unit(parsed: Any) -> None:
    metric = parsed["normandy"]["recipe_freshness"]
    assert metric.type == "labeled_quantity"
    assert (
        metric.unit == "revision id"
    )  # what Firefox records, not the document's seconds
    assert metric.bugs == ["https://bugzil.la/1530508"]
    assert metric.telemetry_mirror == "NORMANDY_RECIPE_FRESHNESS"


def test_uptake_event_lists_sources_and_values(spec: Spec, parsed: Any) -> None:
    metric = parsed["uptake.remotecontent.result"]["uptake_normandy"]
    assert metric.type == "event"
    assert metric.bugs == [
        "https://bugzil.la/1517469",
        "https://bugzil.la/1617133",
    ]  # the item's override
    assert metric.notification_emails == [
        "mleplatre@mozilla.com",
        "bens-directs@mozilla.com",
    ]  # Uptake Telemetry's owners, as in Firefox's services/common/metrics.yaml
    assert metric.telemetry_mirror == "UptakeRemotecontentResult_Uptake_Normandy"
    assert list(metric.extra_keys)[:2] == ["source", "value"]
    assert set(metric.extra_keys) >= {
        "trigger",
        "age",
        "duration",
        "timestamp",
        "errorName",
    }
    for source in spec.uptake.sources:
        assert f"`{source.key}`" in metric.extra_keys["source"]["description"]
    for _, status in spec.uptake.statuses:
        for value in status.reported_values:
            assert f"`{value}`" in metric.extra_keys["value"]["description"]


# -- the Glean SDK ---------------------------------------------------------------


def _sample(key: ExtraKey) -> str:
    """A value the spec allows for ``key``."""
    if key.allowed:
        return key.allowed[-1].value
    if key.format == "enrollment_id":
        return str(uuid.UUID(int=len(key.name)))
    if key.examples:
        return key.examples[0]
    return f"some {key.name}"


def _extras(event: Event) -> dict[str, str]:
    extras = {"value": f"slug-of-{event.object}"}
    extras.update({key.legacy_key: _sample(key) for key in event.extra})
    return extras


@pytest.fixture(scope="module")
def glean_metrics() -> Any:
    """The generated file loaded by the Glean SDK, with Glean started for testing.

    Upload stays enabled (Glean records nothing otherwise) but points at the discard
    port on loopback; test mode keeps every recorded value readable.
    """
    from glean import Configuration, load_metrics, testing

    metrics = load_metrics([*FILES, TAGS])
    testing.reset_glean(
        application_id="normandy-telemetry-tests",
        application_version="0.0.0",
        configuration=Configuration(server_endpoint="http://127.0.0.1:9"),
    )
    return metrics


def test_the_sdk_records_and_reads_back_every_event(
    spec: Spec, glean_metrics: Any
) -> None:
    normandy = glean_metrics.normandy
    for event in spec.events.all:
        if not event.in_glean:
            continue
        metric = getattr(normandy, event.glean_name)
        extra_type = getattr(normandy, Camelize(event.glean_name + "_extra"))
        extras = _extras(event)
        metric.record(extra_type(**extras))
        recorded = metric.test_get_value()
        assert recorded is not None and len(recorded) == 1, event.ident
        assert (recorded[0].category, recorded[0].name) == (
            "normandy",
            event.glean_name,
        )
        assert recorded[0].extra == extras


def test_the_sdk_refuses_a_key_the_spec_does_not_have(glean_metrics: Any) -> None:
    extra_type = glean_metrics.normandy.EnrollFailedPreferenceStudyExtra
    with pytest.raises(TypeError):
        extra_type(
            preferenceBranch="default"
        )  # the seed's name: Firefox records prefBranch


def test_the_sdk_sets_and_reads_recipe_freshness(glean_metrics: Any) -> None:
    freshness = glean_metrics.normandy.recipe_freshness
    freshness["123"].set(1_700_000_000)
    freshness["456"].set(1_600_000_000)
    assert freshness["123"].test_get_value() == 1_700_000_000
    assert freshness["456"].test_get_value() == 1_600_000_000
    assert freshness["789"].test_get_value() is None


def test_the_sdk_records_an_uptake_report(glean_metrics: Any) -> None:
    result = glean_metrics.uptake.remotecontent.result
    extras = {
        "source": "normandy/recipe/123",
        "value": "sign_error",
        "trigger": "timer",
    }
    result.uptake_normandy.record(result.UptakeNormandyExtra(**extras))
    recorded = result.uptake_normandy.test_get_value()
    assert recorded is not None and [r.extra for r in recorded] == [extras]
