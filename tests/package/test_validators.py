"""The generated validators: every problem they report, with its path and
message, and their behaviour on inputs built to make them misbehave."""

from __future__ import annotations

import copy
import json
from typing import Any

import normandy_telemetry as nt
import pytest
from normandy_telemetry import events
from strategies import lying_text

UUID = "5912ade2-8201-4774-a09d-807731afb9a8"


def enroll() -> dict[str, Any]:
    return {
        "category": "normandy",
        "method": "enroll",
        "object": "preference_study",
        "value": "pref-study",
        "extra": {"branch": "control", "experimentType": "exp", "enrollmentId": UUID},
    }


def enroll_failed(**extra: str) -> dict[str, Any]:
    return {
        "category": "normandy",
        "method": "enrollFailed",
        "object": "preference_study",
        "value": "s",
        "extra": extra,
    }


def problems(event: Any) -> list[tuple[str, str]]:
    """(path, message) of every problem, after checking the three forms agree."""
    errors = list(nt.iter_event_errors(event))
    assert nt.is_valid_event(event) is (not errors)
    if errors:
        with pytest.raises(nt.ValidationError) as caught:
            nt.validate_event(event)
        assert caught.value.errors == tuple(errors)
    else:
        assert nt.validate_event(event) is None
    return [(e.path, e.message) for e in errors]


def edited(**changes: Any) -> dict[str, Any]:
    event = enroll()
    for path, value in changes.items():
        target = event
        *parents, last = path.split("__")
        for parent in parents:
            target = target[parent]
        if value is DROP:
            del target[last]
        else:
            target[last] = value
    return event


DROP = object()


def test_a_valid_event_has_no_problem_in_either_shape() -> None:
    assert problems(enroll()) == []
    event = enroll()
    record = [
        0,
        *(event[k] for k in ("category", "method", "object", "value", "extra")),
    ]
    assert problems(record) == []
    assert problems([2**80, *record[1:]]) == []


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (None, [("", "an event is an object or a legacy record (an array), not null")]),
        (
            "enroll",
            [("", "an event is an object or a legacy record (an array), not a string")],
        ),
        (
            ("x",),
            [
                (
                    "",
                    "an event is an object or a legacy record (an array), not a tuple (an array must be a list)",
                )
            ],
        ),
        (
            edited(category="Normandy"),
            [("category", "must be 'normandy', not 'Normandy'")],
        ),
        (edited(category=DROP), [("category", "missing")]),
        (edited(method=3), [("method", "must be a string, not an integer")]),
        (edited(value=None), [("value", "must be a string, not null")]),
        (edited(value="v" * 81), [("value", "is 81 bytes in UTF-8; the limit is 80")]),
        (
            edited(object="study"),
            [
                (
                    "object",
                    "'study' is not a Normandy object; the objects are "
                    + ", ".join(repr(str(o)) for o in nt.catalog.OBJECTS),
                )
            ],
        ),
        (
            edited(method="graduate"),
            [
                (
                    "method",
                    "'graduate' is not an event of preference_study; its methods are 'enroll', 'enrollFailed', 'unenroll', 'unenrollFailed', 'expPrefChanged'",
                )
            ],
        ),
        (
            edited(timestamp=1),
            [
                (
                    "timestamp",
                    "unexpected key; an event has the keys category, method, object, value and extra",
                )
            ],
        ),
        (
            edited(extra=["branch"]),
            [
                (
                    "extra",
                    "must be an object that maps strings to strings, or null, not an array",
                )
            ],
        ),
        (
            edited(extra__experimentType="exp-lowpop"),
            [
                (
                    "extra.experimentType",
                    "'exp-lowpop' is not an allowed value; the allowed values are 'exp', 'exp-highpop'",
                )
            ],
        ),
        (
            edited(extra__branch="b" * 90),
            [("extra.branch", "is 90 bytes in UTF-8; the limit is 80")],
        ),
        (
            edited(extra__branch=True),
            [("extra.branch", "must be a string, not a boolean")],
        ),
        (
            edited(extra__branch=DROP),
            [("extra.branch", "missing; branch is always sent")],
        ),
        (
            edited(extra__enrollmentId="{" + UUID + "}"),
            [
                (
                    "extra.enrollmentId",
                    "'{5912ade2-8201-4774-a09d-807731afb9a8}' is neither a UUID without braces nor '__NO_ENROLLMENT_ID__'",
                )
            ],
        ),
        (
            edited(extra__colour="red"),
            [
                (
                    "extra.colour",
                    "unexpected key; preference_study.enroll has branch, experimentType, enrollmentId",
                )
            ],
        ),
        (
            edited(**{"extra__two words": "x"}),
            [
                (
                    "extra['two words']",
                    "unexpected key; preference_study.enroll has branch, experimentType, enrollmentId",
                )
            ],
        ),
        (
            edited(
                extra={
                    1: "x",
                    "branch": "b",
                    "experimentType": "exp",
                    "enrollmentId": UUID,
                }
            ),
            [
                (
                    "extra[an integer as a key]",
                    "unexpected key; preference_study.enroll has branch, experimentType, enrollmentId",
                )
            ],
        ),
        (
            enroll_failed(reason="invalid-branch"),
            [
                (  # named as Firefox sends it, and as the Glean check names it
                    "extra.prefBranch",
                    "missing; it is sent when reason is 'invalid-branch'",
                )
            ],
        ),
        (
            {
                **enroll_failed(reason="conflict", preference="p"),
                "object": "preference_rollout",
                "extra": {"reason": "would-be-no-op", "preference": "p"},
            },
            [
                (
                    "extra.preference",
                    "must be absent unless reason is one of 'invalid type', 'conflict'",
                )
            ],
        ),
        (
            enroll_failed(
                reason="invalid-branch", preferenceBranch="a", prefBranch="a"
            ),
            [
                (
                    "extra.prefBranch",
                    "sent twice, also as extra.preferenceBranch; preferenceBranch (or prefBranch, as Firefox records it) are one key",
                )
            ],
        ),
        (
            [1, "normandy", "enroll"],
            [
                (
                    "",
                    "a legacy event record has 5 or 6 items (timestamp, category, method, object, value and extra), not 3",
                )
            ],
        ),
        (
            [True, *list(enroll().values())],
            [("timestamp", "must be a non-negative integer, not a boolean")],
        ),
        (
            [-1, *list(enroll().values())],
            [("timestamp", "must be a non-negative integer, not a negative one")],
        ),
        (
            [0.5, *list(enroll().values())],
            [("timestamp", "must be a non-negative integer, not a fraction")],
        ),
        (
            ["0", *list(enroll().values())],
            [("timestamp", "must be a non-negative integer, not a string")],
        ),
        (
            [0, "normandy", "enroll", "preference_study", "slug"],
            [
                ("extra.branch", "missing; branch is always sent"),
                ("extra.experimentType", "missing; experimentType is always sent"),
            ],
        ),
    ],
)
def test_each_problem_has_its_path_and_message(
    event: Any, expected: list[tuple[str, str]]
) -> None:
    assert problems(event) == expected


def test_every_problem_is_listed_not_just_the_first() -> None:
    event = edited(
        category="x",
        value="v" * 100,
        extra__branch=DROP,
        extra__experimentType="no",
        extra__enrollmentId="1",
    )
    assert [path for path, _ in problems(event)] == [
        "category",
        "value",
        "extra.experimentType",
        "extra.enrollmentId",
        "extra.branch",
    ]
    with pytest.raises(nt.ValidationError) as caught:
        nt.validate_event(event)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(
        "5 problems: category: must be 'normandy', not 'x'; value: is 100"
    )
    assert str(caught.value).endswith("(and 2 more)")
    assert str(nt.FieldError("", "whole")) == "whole"


def test_extra_may_be_left_out_only_where_no_key_is_always_sent() -> None:
    graduate = [0, "normandy", "graduate", "preference_rollout", "slug"]
    assert not nt.is_valid_event(graduate) and not nt.is_valid_event([*graduate, None])
    assert not nt.is_valid_event({**enroll(), "extra": None})
    no_required = nt.EVENTS.get(("enrollFailed", "addon_study"))
    assert no_required is not None and any(
        k.required for k in no_required.extra
    )  # the real spec: every event has one
    # A conditional key whose condition cannot hold without extra is absent, so no problem there:
    assert (
        problems([0, "normandy", "enrollFailed", "addon_study", "s", {"reason": "x"}])
        == []
    )


def test_firefox_names_are_accepted_for_keys_recorded_under_another_name() -> None:
    assert problems(enroll_failed(reason="invalid-branch", prefBranch="user-ish")) == []
    assert (
        problems(enroll_failed(reason="invalid-branch", preferenceBranch="user-ish"))
        == []
    )
    assert problems(enroll_failed(reason="invalid-branch", prefBranch="p" * 81)) == [
        ("extra.prefBranch", "is 81 bytes in UTF-8; the limit is 80")
    ]


def test_enrollment_ids_upper_lower_and_the_filler() -> None:
    for good in (UUID, UUID.upper(), nt.ENROLLMENT_ID_FILLER):
        assert problems(edited(extra__enrollmentId=good)) == []
    for bad in (
        UUID + "\n",
        UUID.replace("-", ""),
        UUID[:-1] + "g",
        nt.ENROLLMENT_ID_FILLER.lower(),
        "",
    ):
        assert [p for p, _ in problems(edited(extra__enrollmentId=bad))] == [
            "extra.enrollmentId"
        ]


def test_long_strings_are_cut_short_in_messages() -> None:
    huge = "x" * 10_000_000
    [(path, message)] = problems(edited(object=huge))
    assert (
        path == "object" and len(message) < 400 and "(10000000 characters)" in message
    )
    assert not nt.is_valid_event(huge) and not nt.is_valid_event(edited(value=huge))


# -- inputs made to misbehave ---------------------------------------------------------


class Boom(Exception):
    pass


def boom(*args: Any, **kwargs: Any) -> Any:
    raise Boom


class OddDict(dict):  # type: ignore[type-arg]
    """A dict whose own methods all lie or raise: it must be read for what it holds."""

    keys = items = values = get = __getitem__ = __iter__ = __contains__ = __len__ = copy = boom  # type: ignore[assignment]


class OddList(list):  # type: ignore[type-arg]
    __iter__ = __getitem__ = __len__ = copy = boom  # type: ignore[assignment]


class OddStr(str):
    __eq__ = __ne__ = __len__ = __iter__ = __getitem__ = __str__ = __repr__ = boom  # type: ignore[assignment]
    __hash__ = (
        str.__hash__
    )  # a dict key must hash once; see RaisingKey for one that does not


class RaisingKey(str):
    """Hashes as its text while it is stored, then raises whenever it is compared or hashed."""

    armed = False

    def __hash__(self) -> int:
        if RaisingKey.armed:
            raise Boom
        return str.__hash__(self)

    def __eq__(self, other: object) -> bool:
        if RaisingKey.armed:
            raise Boom
        return str.__eq__(self, other)


def odd(event: dict[str, Any]) -> OddDict:
    inner = OddDict()
    for key, value in event["extra"].items():
        dict.__setitem__(inner, key, OddStr(value))
    outer = OddDict()
    for key, value in event.items():
        dict.__setitem__(outer, key, inner if key == "extra" else OddStr(value))
    return outer


def test_subclasses_whose_methods_raise_cannot_be_read_as_json_can_not() -> None:
    """A mapping or list subclass is read as json.dumps reads it, through its own
    items() or iterator; where those raise, json.dumps raises too, and the
    validators report that the input could not be read."""
    event = odd(enroll())
    with pytest.raises(Boom):
        json.dumps(event)
    assert problems(event) == [("", "could not be read: Boom while reading it")]
    record = OddList()
    list.extend(record, [0, "normandy", "enroll", "preference_study", "s", {}])
    with pytest.raises(Boom):
        json.dumps(record)
    assert problems(record) == [("", "could not be read: Boom while reading it")]


def test_str_subclasses_are_read_for_the_text_json_dumps_writes() -> None:
    """OddStr raises from every method of its own; its text is what counts."""
    event = enroll()
    event = {OddStr(k): OddStr(v) if k != "extra" else v for k, v in event.items()}
    assert problems(event) == []
    broken = edited(extra__experimentType=OddStr("nope"))
    assert [p for p, _ in problems(broken)] == ["extra.experimentType"]


@pytest.mark.parametrize(
    "where", ["category", "method", "object", "value", "extra", "extra.branch"]
)
def test_a_lying_key_is_read_for_what_json_dumps_writes(where: str) -> None:
    """Issue 14: a str subclass whose __eq__ and __hash__ lie must not make an
    event valid that json.dumps writes differently."""
    event = enroll()
    target = event["extra"] if where.startswith("extra.") else event
    name = where.removeprefix("extra.")
    value = target.pop(name)
    target[lying_text("x" + name, hashes_as=name)] = value
    assert dict.__getitem__(target, name) is value  # the lie works on a plain dict
    written = json.loads(json.dumps(event))
    assert not nt.is_valid_event(written)
    assert nt.is_valid_event(event) is False
    assert problems(event) == problems(written)
    for shape in ([0, *(event[k] for k in list(event)[:5])],):
        if where.startswith("extra."):
            assert nt.is_valid_event(shape) is False


def test_a_lying_value_is_read_for_its_text() -> None:
    event = edited(category=lying_text("telemetry", hashes_as="normandy"))
    assert event["category"] == "normandy"  # it says so
    assert [p for p, _ in problems(event)] == ["category"]
    assert [p for p, _ in problems(json.loads(json.dumps(event)))] == ["category"]


def test_mappings_are_read_through_items_as_json_dumps_reads_them() -> None:
    class Rewritten(dict):  # type: ignore[type-arg]
        def items(self) -> Any:
            return list(enroll().items())

    event = Rewritten(nothing="here")
    assert json.loads(json.dumps(event)) == enroll()
    assert problems(event) == []

    class NotPairs(dict):  # type: ignore[type-arg]
        def items(self) -> Any:
            return [["category", "normandy"]]

    with pytest.raises(ValueError):
        json.dumps(NotPairs(x=1))
    assert problems(NotPairs(x=1)) == [
        ("", "could not be read: its items() gives something other than pairs")
    ]

    class Empty(dict):  # type: ignore[type-arg]
        def items(self) -> Any:
            raise Boom

    assert json.dumps(Empty()) == "{}"  # json.dumps asks nothing of an empty one
    assert [p for p, _ in problems(Empty())] == [
        "category",
        "method",
        "object",
        "value",
    ]

    class Shadow(str):
        pass

    class Twice(dict):  # type: ignore[type-arg]
        def items(self) -> Any:
            return [("branch", "a"), (Shadow("branch"), "b")]

    twice = {**enroll(), "extra": Twice(x=1)}
    assert json.dumps(twice["extra"]) == '{"branch": "a", "branch": "b"}'
    assert problems(twice) == [
        ("", "could not be read: two of its keys are written as 'branch'")
    ]


def test_lists_are_read_through_their_iterator_as_json_dumps_reads_them() -> None:
    class Reordered(list):  # type: ignore[type-arg]
        def __iter__(self) -> Any:
            return iter([0, "normandy", "enroll", "preference_rollout", "s", {}])

    record = Reordered([1, 2])
    assert json.loads(json.dumps(record)) == list(iter(record))
    assert problems(record) == []


def test_keys_that_raise_are_read_for_their_text() -> None:
    event = enroll()
    extra = event["extra"]
    extra[RaisingKey("branch2")] = "x"
    RaisingKey.armed = True
    try:
        assert [p for p, _ in problems(event)] == ["extra.branch2"]
        assert nt.is_valid_event(event) is False
    finally:
        RaisingKey.armed = False


class Shapeshifter:
    """Claims to be a dict through ``__class__``; isinstance() would believe it."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise Boom


def hostile() -> list[Any]:
    """Made inside the test: pytest itself would trip over some of them."""
    return [
        Shapeshifter(),
        [Shapeshifter()] * 6,
        [[[[[[]]]]]] * 6,
        {
            "category": Shapeshifter(),
            "method": "enroll",
            "object": "preference_study",
            "value": "v",
            "extra": {},
        },
        [
            10**5000,
            "normandy",
            "graduate",
            "preference_rollout",
            "s",
            {"reason": "all-prefs-match", "enrollmentId": UUID},
        ],
        [float("inf"), "normandy", "graduate", "preference_rollout", "s", None],
        [float("nan"), "normandy", "graduate", "preference_rollout", "s", None],
        {
            "category": "normandy",
            "method": "enroll",
            "object": "preference_study",
            "value": 10**5000,
            "extra": {},
        },
        {
            "category": "normandy",
            "method": ["enroll"],
            "object": {"o": 1},
            "value": b"bytes",
            "extra": {},
        },
        {
            **enroll(),
            "extra": {**enroll()["extra"], "branch": OddStr("x" * 10_000_000)},
        },
        odd(edited(value="v" * 90)),
        b"normandy",
        bytearray(b"x"),
        object(),
        type,
        Boom,
    ]


@pytest.mark.parametrize("index", range(len(hostile())))
def test_hostile_inputs_get_a_verdict_and_never_an_exception(index: int) -> None:
    value = hostile()[index]
    verdict = nt.is_valid_event(value)
    assert type(verdict) is bool
    errors = list(nt.iter_event_errors(value))
    assert verdict is (not errors)
    for error in errors:
        assert (
            type(error.path) is str
            and type(error.message) is str
            and len(error.message) < 500
        )
    for check in (nt.is_valid_uptake, nt.is_valid_recipe_freshness):
        assert type(check(value, value)) is bool
    for validate in (nt.validate_uptake, nt.validate_recipe_freshness):
        with pytest.raises(nt.ValidationError):
            validate(value, value)


def test_validation_does_not_change_the_event() -> None:
    event = enroll()
    before = copy.deepcopy(event)
    nt.is_valid_event(event), list(nt.iter_event_errors(event))
    assert event == before


# -- uptake ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "status", "expected"),
    [
        ("normandy/runner", "success", []),
        ("normandy/action/preference-experiment", "custom_1_error", []),
        ("normandy/recipe/123", nt.RECIPE_SIGNATURE_INVALID, []),
        ("normandy/recipe/123", "sign_error", []),
        ("normandy/recipe/123", nt.RecipeStatus.RECIPE_SUCCESS, []),
        (
            "normandy/runner",
            "sign_error",
            [
                (
                    "status",
                    "'sign_error' is not a status of normandy/runner; its statuses are 'success', 'server_error', 'network_error'",
                )
            ],
        ),
        (
            "normandy/recipe/12a",
            "success",
            [
                (
                    "source",
                    "'normandy/recipe/12a' is not a Normandy uptake key; the keys are normandy/runner, normandy/action/<action name>, normandy/recipe/<recipe id>",
                )
            ],
        ),
        (
            "normandy/runner\n",
            "success",
            [
                (
                    "source",
                    "'normandy/runner\\n' is not a Normandy uptake key; the keys are normandy/runner, normandy/action/<action name>, normandy/recipe/<recipe id>",
                )
            ],
        ),
        (None, "success", [("source", "must be a string, not null")]),
        ("normandy/runner", 1, [("status", "must be a string, not an integer")]),
        (
            7,
            "nope",
            [
                ("source", "must be a string, not an integer"),
                (
                    "status",
                    "'nope' is not a Normandy uptake status; the statuses are "
                    + ", ".join(
                        repr(v)
                        for v in sorted(
                            {v for s in nt.uptake.SOURCES.values() for v in s.values}
                        )
                    ),
                ),
            ],
        ),
    ],
)
def test_uptake_problems(
    source: Any, status: Any, expected: list[tuple[str, str]]
) -> None:
    errors = list(nt.iter_uptake_errors(source, status))
    assert [(e.path, e.message) for e in errors] == expected
    assert nt.is_valid_uptake(source, status) is (not expected)
    if expected:
        with pytest.raises(nt.ValidationError):
            nt.validate_uptake(source, status)
        with pytest.raises(nt.ValidationError):
            nt.uptake_report(source, status)
    else:
        report = nt.uptake_report(source, status)
        assert report == {"source": source, "value": str(status)}
        assert type(report["value"]) is str  # an enum member becomes its value


# -- recipe freshness ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("123", 1_700_000_000, []),
        ("123", 1.7e9, []),
        ("123", 0, []),
        ("123", 2**32 - 1, []),
        ("123", 2**32, [("value", "is too large; the limit is 4294967295")]),
        ("123", -5, [("value", "must be a non-negative integer, not a negative one")]),
        ("123", True, [("value", "must be a non-negative integer, not a boolean")]),
        (
            "123",
            "1700000000",
            [("value", "must be a non-negative integer, not a string")],
        ),
        ("123", 1.5, [("value", "must be a non-negative integer, not a fraction")]),
        ("12\n", 1, [("key", "'12\\n' is not a recipe id (^[0-9]+$)")]),
        ("", 1, [("key", "'' is not a recipe id (^[0-9]+$)")]),
        (123, 1, [("key", "must be a string, not an integer")]),
    ],
)
def test_recipe_freshness_problems(
    key: Any, value: Any, expected: list[tuple[str, str]]
) -> None:
    errors = list(nt.iter_recipe_freshness_errors(key, value))
    assert [(e.path, e.message) for e in errors] == expected
    assert nt.is_valid_recipe_freshness(key, value) is (not expected)
    if expected:
        with pytest.raises(nt.ValidationError):
            nt.validate_recipe_freshness(key, value)
    else:
        nt.validate_recipe_freshness(key, value)


# -- the generic builder -------------------------------------------------------------------


def test_build_event_drops_none_cuts_what_the_sender_cuts_and_refuses_the_rest() -> (
    None
):
    built = nt.build_event(
        nt.catalog.EventMethod.ENROLL_FAILED,
        "preference_study",
        "slug",
        {"reason": "invalid-branch", "preferenceBranch": "b" * 200, "unused": None},
    )
    # Under the name Firefox sends, as the typed builder writes it (a helper's
    # trial: the two builders made different events of the same input).
    assert built == enroll_failed(reason="invalid-branch", prefBranch="b" * 80) | {
        "value": "slug"
    }
    assert built == events.preference_study.enroll_failed(
        value="slug", reason="invalid-branch", preference_branch="b" * 200
    )
    assert type(built["method"]) is str
    with pytest.raises(nt.ValidationError) as caught:  # both names: one key, twice
        nt.build_event(
            "enrollFailed",
            "preference_study",
            "slug",
            {"reason": "invalid-branch", "preferenceBranch": "b", "prefBranch": "b"},
        )
    assert [e.message.split(";")[0] for e in caught.value.errors] == [
        "sent twice, also as extra.preferenceBranch"
    ]
    firefox = nt.build_event(
        "enrollFailed",
        "preference_study",
        "slug",
        {"reason": "invalid-branch", "prefBranch": "c" * 90},
    )
    assert firefox["extra"]["prefBranch"] == "c" * 80
    with pytest.raises(nt.ValidationError) as caught:
        nt.build_event("enroll", "preference_study", "slug", {"branch": "b"})
    assert [e.path for e in caught.value.errors] == ["extra.experimentType"]
    with pytest.raises(nt.ValidationError):
        nt.build_event("enroll", "nothing", 5)  # type: ignore[arg-type]


def test_the_package_exports_the_validators() -> None:
    for name in (
        "ValidationError",
        "FieldError",
        "validate_event",
        "iter_event_errors",
        "is_valid_event",
        "validate_uptake",
        "iter_uptake_errors",
        "is_valid_uptake",
        "validate_recipe_freshness",
        "iter_recipe_freshness_errors",
        "is_valid_recipe_freshness",
        "build_event",
        "uptake_report",
        "events",
    ):
        assert name in nt.__all__ and hasattr(nt, name)
    assert issubclass(nt.ValidationError, ValueError)


# -- limits count bytes of UTF-8, as Firefox does ---------------------------------


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("é" * 40, True),  # 40 characters, 80 bytes
        ("é" * 40 + "x", False),  # 81 bytes, though 41 characters
        ("😀" * 20, True),  # 80 bytes
        ("😀" * 20 + "x", False),
        ("\udc80" * 26 + "xx", True),  # a lone surrogate is U+FFFD's 3 bytes
        ("\udc80" * 27, False),
    ],
)
def test_a_limit_counts_utf8_bytes_as_firefox_does(text: str, valid: bool) -> None:
    """A helper's trial: Firefox cuts value and extra values to 80 bytes of
    UTF-8 (kMaxValueByteLength, kMaxExtraValueByteLength); the validators
    counted characters and accepted 160 bytes."""
    legacy = {**enroll_failed(reason="invalid-branch", prefBranch=text), "value": "s"}
    as_value = {**enroll_failed(reason="name-conflict"), "value": text}
    glean = {
        "category": "normandy",
        "name": "enroll_failed_preference_study",
        "timestamp": 0,
        "extra": {"reason": "invalid-branch", "prefBranch": text, "value": "s"},
    }
    for event, valid_as in ((legacy, nt.is_valid_event), (as_value, nt.is_valid_event)):
        assert valid_as(event) is valid
        assert (not list(nt.iter_event_errors(event))) is valid
    assert nt.is_valid_glean_event(glean) is valid
    assert (not list(nt.iter_glean_event_errors(glean))) is valid
    if not valid:
        (error,) = nt.iter_event_errors(legacy)
        size = len(text.encode("utf-8", "surrogatepass"))
        assert (
            str(error) == f"extra.prefBranch: is {size} bytes in UTF-8; the limit is 80"
        )


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ("x" * 100, "x" * 80),
        ("é" * 50, "é" * 40),
        (
            "a" + "😀" * 30,
            "a" + "😀" * 19,
        ),  # 77 bytes: the next character would end at 81
        ("ab" + "😀" * 30, "ab" + "😀" * 19),  # 78
        ("abcd" + "😀" * 30, "abcd" + "😀" * 19),  # 80 exactly
    ],
)
def test_the_builders_cut_to_80_bytes_at_a_character_s_start(
    given: str, sent: str
) -> None:
    """As Firefox's TruncateToByteLength: never half a character."""
    typed = events.preference_study.enroll_failed(
        value="s", reason="invalid-branch", preference_branch=given
    )
    untyped = nt.build_event(
        "enrollFailed",
        "preference_study",
        "s",
        {"reason": "invalid-branch", "prefBranch": given},
    )
    assert typed["extra"]["prefBranch"] == untyped["extra"]["prefBranch"] == sent
    assert len(sent.encode()) <= 80
