"""Which overloads a builder gets: one per case of the keys that decide others."""

from __future__ import annotations

import pytest
from support import ROOT

from codegen.model import Event, Spec
from codegen.pipeline import load_spec
from codegen.targets.python import builders

MINIMAL = load_spec(ROOT / "tests" / "fixtures" / "minimal.yaml")
STRESS = load_spec(ROOT / "tests" / "fixtures" / "stress.yaml")


def event(spec: Spec, obj: str, method: str) -> Event:
    return next(e for e in spec.events.all if (e.object, e.method) == (obj, method))


def test_a_key_sent_for_one_value_gives_two_cases() -> None:
    cases = builders._cases(event(MINIMAL, "preference_study", "enrollFailed"))
    assert cases == [{"reason": ("invalid-branch",)}]  # one case: it is the signature


def test_no_condition_no_cases() -> None:
    assert builders._cases(event(MINIMAL, "preference_study", "enroll")) is None


def test_conditions_on_conditional_keys_give_only_consistent_cases() -> None:
    cases = builders._cases(event(STRESS, "stress_object", "chained"))
    assert cases == [
        {"mode": ("a", "b"), "level": ("low",)},
        {"mode": ("a",), "level": ("high",)},
        {"mode": ("b",), "level": ("high",)},
        {"mode": ('say "hi" \\ now',), "level": None},
    ]


def test_too_many_cases_keep_one_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builders, "MAX_OVERLOAD_STATES", 3)
    assert builders._cases(event(STRESS, "stress_object", "chained")) is None
