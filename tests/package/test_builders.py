"""The typed builders: their signatures follow the spec, they cut what the sender
cuts and refuse what the spec does not allow.

That mypy holds callers to them, and that their modules, which black never
sees, are in black's style and typed whatever the spec, needs mypy and black
themselves: ``tests/integration/test_builders_typing.py``."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import typing
from pathlib import Path

import normandy_telemetry as nt
import pytest
from normandy_telemetry import events
from strategies import MODEL, lying_text, stress_spec_text
from support import GENERATED

from codegen.pipeline import load_spec
from codegen.problems import SpecError
from codegen.targets.python.builders import builder_name, value_parameter
from codegen.targets.python.layout import py_string

UUID = "5912ade2-8201-4774-a09d-807731afb9a8"


def builder(event: typing.Any) -> typing.Any:
    return getattr(getattr(events, event.object), builder_name(event.method))


@pytest.mark.parametrize("event", list(MODEL.events.all), ids=lambda e: e.ident)
def test_each_event_has_a_keyword_only_builder_typed_from_the_spec(
    event: typing.Any,
) -> None:
    function = builder(event)
    signature = inspect.signature(function)
    hints = typing.get_type_hints(function)
    assert hints.pop("return") is nt.Event
    names = [key.python_name for key in event.extra]
    assert list(signature.parameters) == ["value", *names]
    assert all(
        p.kind is inspect.Parameter.KEYWORD_ONLY for p in signature.parameters.values()
    )
    assert hints["value"] == (str | None if event.value_optional else str)
    assert signature.parameters["value"].default is inspect.Parameter.empty
    for key in event.extra:
        parameter = signature.parameters[key.python_name]
        hint = hints[key.python_name]
        expected: typing.Any = typing.Literal[key.allowed_values] if key.allowed else str  # type: ignore[valid-type]
        if key.required:
            assert parameter.default is inspect.Parameter.empty
            assert hint == expected
        else:
            assert parameter.default is None
            assert hint == expected | None
    doc = inspect.getdoc(function) or ""
    assert event.ident in doc
    for key in event.extra:
        assert f"{key.python_name}: " in doc
        assert " ".join(key.description.split()[:4]) in " ".join(doc.split())


def test_a_built_event_is_the_mapping_the_validators_accept() -> None:
    built = events.preference_study.enroll(
        value="pref-study", branch="control", experiment_type="exp", enrollment_id=UUID
    )
    assert built == {
        "category": "normandy",
        "method": "enroll",
        "object": "preference_study",
        "value": "pref-study",
        "extra": {"branch": "control", "experimentType": "exp", "enrollmentId": UUID},
    }
    assert nt.is_valid_event(built)


def test_builders_cut_the_preference_branch_and_leave_out_none() -> None:
    built = events.preference_study.enroll_failed(
        value="s", reason="invalid-branch", preference_branch="b" * 200
    )
    # the name Firefox sends, not the document's preferenceBranch
    assert built["extra"] == {"reason": "invalid-branch", "prefBranch": "b" * 80}
    rollout = events.preference_rollout.enroll_failed(
        value="s", reason="would-be-no-op"
    )
    assert rollout["extra"] == {"reason": "would-be-no-op"}


def test_builders_refuse_what_the_spec_does_not_allow() -> None:
    with pytest.raises(nt.ValidationError) as caught:
        events.preference_study.enroll(
            value="v" * 81,
            branch="control",
            experiment_type="exp-lowpop",  # type: ignore[arg-type]
            enrollment_id="{" + UUID + "}",
        )
    assert [e.path for e in caught.value.errors] == [
        "value",
        "extra.experimentType",
        "extra.enrollmentId",
    ]
    assert "'exp', 'exp-highpop'" in caught.value.errors[1].message
    with pytest.raises(nt.ValidationError) as caught:
        events.preference_rollout.enroll_failed(value="s", reason="conflict")
    assert [e.path for e in caught.value.errors] == ["extra.preference"]
    with pytest.raises(nt.ValidationError):
        events.preference_study.enroll_failed(value="s", reason="invalid-branch", preference_branch=5)  # type: ignore[arg-type]


def test_builder_literals_are_the_ones_black_writes() -> None:
    assert py_string("plain") == '"plain"'
    assert py_string("it's") == '"it\'s"'
    assert py_string('say "hi"') == "'say \"hi\"'"
    assert py_string("both ' and \"") == '"both \' and \\""'
    assert py_string("tab\there") == '"tab\\there"'


def test_the_value_keyword_gives_way_to_an_extra_key_of_that_name() -> None:
    assert value_parameter(["reason"]) == "value"
    assert value_parameter(["value"]) == "event_value"
    assert value_parameter(["value", "event_value"]) == "event_event_value"


def test_two_methods_that_would_become_one_builder_are_a_spec_error(
    tmp_path: Path,
) -> None:
    text = stress_spec_text().replace(
        "        bare:\n",
        "        enrollAB:\n          title: One\n          description: The first of two.\n          value: Anything short.\n"
        "        enrollAb:\n          title: Two\n          description: The second of two.\n          value: Anything short.\n"
        "        bare:\n",
        1,
    )
    spec_path = tmp_path / "normandy.yaml"
    spec_path.write_text(text, "utf-8")
    with pytest.raises(SpecError) as caught:
        load_spec(spec_path)
    line = text[: text.index("        enrollAb:")].count("\n") + 1
    assert [(p.line, p.column) for p in caught.value.problems] == [(line, 9)]
    assert "method 'enrollAb' and 'enrollAB'" in caught.value.report()


def test_builder_modules_load_on_first_use() -> None:
    code = (
        "import sys, normandy_telemetry as nt\n"
        "assert 'normandy_telemetry.events.addon_study' not in sys.modules\n"
        "assert nt.events.addon_study.update.__name__ == 'update'\n"
        "assert 'normandy_telemetry.events.addon_study' in sys.modules\n"
        "from normandy_telemetry.events import *\n"
        "assert preference_rollout.graduate\n"
        "try:\n"
        "    nt.events.no_such_object\n"
        "except AttributeError as error:\n"
        "    assert 'no_such_object' in str(error)\n"
        "else:\n"
        "    raise AssertionError('no error')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        # No byte-code written into generated/ (tests/conftest.py says where it goes).
        env={
            "PYTHONPATH": str(GENERATED),
            "PYTHONPYCACHEPREFIX": os.environ["PYTHONPYCACHEPREFIX"],
        },
    )
    assert result.returncode == 0, result.stderr


# -- build_event reads only what json.dumps would write (issue 14) ----------------------


class Boom(Exception):
    pass


class RaisingItems(dict):  # type: ignore[type-arg]
    def items(self) -> typing.Any:
        raise Boom


@pytest.mark.parametrize(
    ("extra", "paths"),
    [
        (["reason", "all-prefs-match"], ["extra"]),
        ("reason", ["extra"]),
        (7, ["extra"]),
        (RaisingItems(reason="x"), [""]),
        ({1: "x", "reason": "all-prefs-match"}, ["extra[an integer as a key]"]),
        (
            {lying_text("bogus", hashes_as="reason"): "all-prefs-match"},
            ["extra.bogus", "extra.reason"],
        ),
    ],
)
def test_build_event_raises_only_validation_errors(
    extra: typing.Any, paths: list[str]
) -> None:
    with pytest.raises(nt.ValidationError) as caught:
        nt.build_event("graduate", "preference_rollout", "slug", extra)
    assert [error.path for error in caught.value.errors] == paths


def test_build_event_reads_str_subclasses_for_their_text() -> None:
    class Text(str):
        def __str__(self) -> str:
            return "something else"

    built = nt.build_event(
        Text("graduate"),
        Text("preference_rollout"),
        Text("slug"),
        {Text("reason"): Text("all-prefs-match")},
    )
    assert built == {
        "category": "normandy",
        "method": "graduate",
        "object": "preference_rollout",
        "value": "slug",
        "extra": {"reason": "all-prefs-match"},
    }
    assert all(type(v) is str for v in built["extra"]) and type(built["value"]) is str


@pytest.mark.parametrize(
    "arguments",
    [
        (None, None, None, None),
        (object(), [], {}, ()),
        ("graduate", "preference_rollout", b"slug", None),
        ("graduate", "preference_rollout", "slug", {"reason": ["all-prefs-match"]}),
    ],
)
def test_build_event_refuses_anything_else_with_a_validation_error(
    arguments: tuple[typing.Any, ...],
) -> None:
    with pytest.raises(nt.ValidationError):
        nt.build_event(*arguments)


def test_builder_docstrings_keep_the_document_s_text_apart_from_what_they_add() -> None:
    """A review: "(recipe.arguments.slug) At most 80 characters." ran the
    document's text (no final period) into the limit, and "Possible values
    are: One of:" doubled the lead into the values."""
    from normandy_telemetry.events import addon_study, preference_study

    doc = inspect.getdoc(preference_study.enroll_failed) or ""
    assert "value: The slug of the study (recipe.arguments.slug)\n" in doc
    assert "(recipe.arguments.slug)\n        At most 80 bytes of UTF-8." in doc
    assert "reason: The reason for unenrollment. Possible values are:\n\n" in doc
    assert "One of:" not in doc
    # the object's correction (Firefox sends the slug) is on each of its events
    for builder in (addon_study.enroll, addon_study.unenroll):
        assert "Correction of the data-collection document: The data-collection" in (
            inspect.getdoc(builder) or ""
        )


@pytest.mark.parametrize(
    ("kwargs", "said"),
    [
        (
            {"reason": "invalid-branch"},
            "extra.prefBranch: missing; it is sent when reason is 'invalid-branch'"
            " (keyword argument preference_branch)",
        ),
        (
            {"reason": "name-conflict", "preference_branch": "user"},
            "extra.prefBranch: must be absent unless reason is 'invalid-branch'"
            " (keyword argument preference_branch)",
        ),
    ],
)
def test_a_typed_builder_s_error_names_the_keyword_argument(
    kwargs: dict[str, typing.Any], said: str
) -> None:
    """A helper's trial: the error named the key as Firefox sends it, not the
    argument the caller wrote. build_event, which takes the keys, does not."""
    from normandy_telemetry.events import preference_study

    with pytest.raises(nt.ValidationError) as caught:
        preference_study.enroll_failed(value="s", **kwargs)
    assert [str(e) for e in caught.value.errors] == [said]
    extra = {
        ("prefBranch" if k == "preference_branch" else k): v for k, v in kwargs.items()
    }
    with pytest.raises(nt.ValidationError) as untyped:
        nt.build_event("enrollFailed", "preference_study", "s", extra)
    assert [str(e) for e in untyped.value.errors] == [said.split(" (keyword")[0]]
