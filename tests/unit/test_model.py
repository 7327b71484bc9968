"""Derived facts are computed once, in the model; these pin them."""

from __future__ import annotations

import re

import pytest
from support import SPEC

from codegen import model as m
from codegen.pipeline import load_spec


@pytest.mark.parametrize(
    ("name", "snake"),
    [
        ("enroll", "enroll"),
        ("enrollFailed", "enroll_failed"),
        ("expPrefChanged", "exp_pref_changed"),
        ("enrollmentId", "enrollment_id"),
        ("didResetValue", "did_reset_value"),
        ("addonId", "addon_id"),
        ("preference_study", "preference_study"),
    ],
)
def test_snake_case(name: str, snake: str) -> None:
    assert m.snake_case(name) == snake


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("enroll", True),
        ("class", False),
        ("match", False),
        ("2x", False),
        ("type", False),
        ("typed", True),
    ],
)
def test_python_names_exclude_keywords(name: str, ok: bool) -> None:
    assert m.is_python_name(name) is ok


def test_glean_names_follow_firefox_convention() -> None:
    spec = load_spec(SPEC)
    names = {(e.method, e.object): e.glean_name for e in spec.events.all}
    assert (
        names[("enrollFailed", "preference_study")] == "enroll_failed_preference_study"
    )
    assert (
        names[("expPrefChanged", "preference_study")]
        == "exp_pref_changed_preference_study"
    )


def test_source_key_regex_matches_only_real_keys() -> None:
    spec = load_spec(SPEC)
    sources = {s.name: s for s in spec.uptake.sources}
    recipe = re.compile(sources["recipe"].key_regex)
    assert recipe.fullmatch("normandy/recipe/42")
    assert not recipe.fullmatch("normandy/recipe/")
    assert not recipe.fullmatch("normandy/recipe/4/2")
    assert re.compile(sources["runner"].key_regex).fullmatch("normandy/runner")
    assert sources["recipe"].key_prefix == "normandy/recipe/"


def test_presence_and_reported_values() -> None:
    spec = load_spec(SPEC)
    keys = {(e.ident, k.name): k for e in spec.events.all for k in e.extra}
    assert (
        keys[("preference_study.enrollFailed", "preferenceBranch")].presence
        == "conditional"
    )
    assert keys[("preference_study.unenrollFailed", "caller")].presence == "channels"
    assert keys[("preference_study.enroll", "branch")].required
    status = {s.constant: s for _, s in spec.uptake.statuses}[
        "RECIPE_SIGNATURE_INVALID"
    ]
    assert status.reported_values == ("signature_error", "sign_error")


def test_corrections_cover_every_seed_inconsistency() -> None:
    subjects = [c.subject for c in load_spec(SPEC).corrections()]
    assert any("RECIPE_SIGNATURE_INVALID" in s for s in subjects)
    assert "addon_study.enrollFailed extra reason" in subjects
    assert "preference_rollout.enrollFailed extra reason" in subjects
    assert "preference_rollout.graduate extra reason = in-graduation-set" in subjects


def test_model_locations_point_at_the_spec_lines() -> None:
    spec = load_spec(SPEC)
    lines = SPEC.read_text("utf-8").splitlines()
    for event in spec.events.all:
        assert lines[event.loc.line - 1].strip() == f"{event.method}:"
        for key in event.extra:
            assert lines[key.loc.line - 1].strip() == f"{key.name}:"


def test_a_correction_on_an_item_only_firefox_has_is_of_firefox_s_definitions() -> None:
    """A docs-reader trial: five corrections on Firefox-only items were headed
    "Correction of the data-collection document", which never mentions them."""
    spec = load_spec(SPEC)
    of_firefox = {c.subject for c in spec.corrections() if c.of_firefox}
    assert "nimbus_experiment.update" in of_firefox  # its object is Firefox's
    assert "nimbus_experiment.validationFailed extra feature_ids" in of_firefox
    assert "addon_rollout.enrollFailed extra enrollmentId" in of_firefox
    of_document = {c.subject for c in spec.corrections() if not c.of_firefox}
    assert "RECIPE_SIGNATURE_INVALID (normandy/recipe/<recipe id>)" in of_document
    assert "addon_study" in of_document and "Enrollment IDs" in of_document
    owners = spec.events.owners()
    for correction in spec.corrections():
        item = correction.item
        items = item if isinstance(item, tuple) else (item,)
        if isinstance(items[0], m.Event):
            items = (*items, owners[items[0].object])  # the object it belongs to
        if isinstance(items[0], m.Status):  # the source it belongs to
            items = (
                *items,
                *(src for src, st in spec.uptake.statuses if st is items[0]),
            )
        in_firefox_only = any(getattr(i, "firefox_source", None) for i in items)
        assert correction.of_firefox == in_firefox_only, correction.subject


def test_only_the_examples_a_description_quotes_are_left_out_of_its_list() -> None:
    """A review: "from 0 to 9" counted as giving the example 0."""
    import dataclasses

    spec = load_spec(SPEC)
    key = next(k for e in spec.events.all for k in e.extra if not k.allowed)
    slot = dataclasses.replace(
        key, description="The slot the study used, from 0 to 9.", examples=("0", "3")
    )
    assert "Examples: `0`, `3`." in slot.firefox_description("F")
    quoted = dataclasses.replace(
        key, description='The branch (example: "control").', examples=("control", "x")
    )
    assert "Other examples: `x`." in quoted.firefox_description("F")
