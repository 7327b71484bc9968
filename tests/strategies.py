"""Hypothesis strategies built from the spec's model, not from the generated code.

Valid events come straight from what the spec says (presence rules, allowed
values, limits, enrollment-ID format); mutations then break them in one named
way each. The differential tests feed both to every validator and to the JSON
Schema through ``jsonschema``, so the generated package is checked against an
oracle that never read it.
"""

from __future__ import annotations

import os
import string
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from support import GENERATED, SPEC

from codegen.model import Event, ExtraKey, Spec, snake_case
from codegen.pipeline import load_spec

# The spec and generated tree under test: the real ones, unless a test that
# generates from another spec (test_validators_stress.py) points elsewhere.
SPEC_PATH = Path(os.environ.get("NORMANDY_SPEC", SPEC))
GENERATED_PATH = Path(os.environ.get("NORMANDY_GENERATED", GENERATED))

# Moderate by default (CI has two cores); NORMANDY_EXAMPLES=2000 for a long run.
EXAMPLES = int(os.environ.get("NORMANDY_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("NORMANDY_RANDOM") is None,
)

MODEL: Spec = load_spec(SPEC_PATH)
EVENTS: tuple[Event, ...] = tuple(MODEL.events.all)
CATEGORY = MODEL.events.category
VALUE_MAX = MODEL.events.value_max_length
FILLER = MODEL.enrollment_id.filler

HEX = "0123456789abcdef"


@st.composite
def uuids(draw: st.DrawFn) -> str:
    """A UUID without braces, in lower, upper or mixed case."""
    digits = draw(st.text(alphabet=HEX, min_size=32, max_size=32))
    text = "-".join(
        (digits[:8], digits[8:12], digits[12:16], digits[16:20], digits[20:])
    )
    case = draw(st.sampled_from(["lower", "upper", "mixed"]))
    if case == "upper":
        return text.upper()
    if case == "mixed":
        flips = draw(st.lists(st.booleans(), min_size=36, max_size=36))
        return "".join(c.upper() if f else c for c, f in zip(text, flips))
    return text


def texts(max_size: int) -> st.SearchStrategy[str]:
    """Any string up to ``max_size`` bytes of UTF-8 (Firefox's limits count
    bytes), ASCII-heavy but with the odd code point."""
    return st.one_of(
        st.text(alphabet=string.printable, max_size=max_size),
        st.text(max_size=max_size).map(lambda text: within_bytes(text, max_size)),
    )


def within_bytes(text: str, limit: int) -> str:
    """``text`` less its last characters until it is at most ``limit`` bytes."""
    while len(text.encode("utf-8", "surrogatepass")) > limit:
        text = text[:-1]
    return text


def key_values(key: ExtraKey) -> st.SearchStrategy[str]:
    if key.allowed:
        return st.sampled_from(key.allowed_values)
    if key.format == "enrollment_id":
        return st.one_of(uuids(), st.just(FILLER))
    return texts(key.max_length)


def condition_holds(key: ExtraKey, extra: dict[str, Any]) -> bool:
    return all(extra.get(c.key) in c.values for c in key.when)


@st.composite
def valid_extras(draw: st.DrawFn, event: Event) -> dict[str, str]:
    """Extra keys as the spec allows them: always-sent keys, optional and
    channel-only ones at random, conditional ones exactly when they hold."""
    extra: dict[str, str] = {}
    for key in event.extra:
        if key.when:
            continue
        if key.required or draw(st.booleans()):
            extra[key.name] = draw(key_values(key))
    conditional = [k for k in event.extra if k.when]
    for _ in range(len(conditional) + 1):  # conditions may chain: settle them
        for key in conditional:
            if condition_holds(key, extra):
                if key.name not in extra:
                    extra[key.name] = draw(key_values(key))
            else:
                extra.pop(key.name, None)
    ordered = {}
    for key in event.extra:
        if key.name in extra:
            # Firefox records some keys under another name; a record may use either.
            name = key.legacy_key if draw(st.booleans()) else key.name
            ordered[name] = extra[key.name]
    return ordered


def recorded_name(event: Event, name: str) -> str:
    """The spec's name of the key recorded as ``name``."""
    return next((k.name for k in event.extra if name in (k.name, k.legacy_key)), name)


class Case:
    """An event, the spec event it was made from, and how it was made (not a
    dataclass, so hypothesis prints this short repr rather than the model)."""

    def __init__(self, event: Any, spec_event: Event | None, fault: str) -> None:
        self.event = event
        self.spec_event = spec_event
        self.fault = fault  # "valid", a mutation's name, or "noop:<name>"

    def __repr__(self) -> str:
        return f"Case(fault={self.fault!r}, event={self.event!r})"


def as_legacy(event: dict[str, Any], timestamp: int, drop_extra: bool) -> list[Any]:
    record = [
        timestamp,
        event["category"],
        event["method"],
        event["object"],
        event["value"],
    ]
    if not drop_extra:
        record.append(event.get("extra"))
    return record


@st.composite
def valid_events(draw: st.DrawFn, events: tuple[Event, ...] = EVENTS) -> Case:
    """A valid event in either shape; ``extra`` absent or null where allowed."""
    spec_event = draw(st.sampled_from(events))
    extra = draw(valid_extras(spec_event))
    event: dict[str, Any] = {
        "category": CATEGORY,
        "method": spec_event.method,
        "object": spec_event.object,
        "value": draw(texts(VALUE_MAX)),
        "extra": extra,
    }
    omittable = not extra
    shape = draw(st.sampled_from(["dict", "legacy"]))
    if omittable:
        choice = draw(st.sampled_from(["empty", "null", "absent"]))
        if choice == "null":
            event["extra"] = None
        elif choice == "absent" and shape == "dict":
            del event["extra"]
    if shape == "dict":
        return Case(event, spec_event, "valid")
    timestamp = draw(st.integers(min_value=0, max_value=2**53))
    drop = omittable and draw(st.booleans())
    return Case(as_legacy(event, timestamp, drop), spec_event, "valid")


# -- mutations ------------------------------------------------------------------

WRONG_TYPES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
)


def _fields(event: Any) -> tuple[dict[str, Any], bool]:
    """The event as a mutable mapping, and whether it was a legacy record."""
    if isinstance(event, list):
        names = ["timestamp", "category", "method", "object", "value", "extra"]
        return dict(zip(names, event)), True
    return dict(event), False


def _back(fields: dict[str, Any], legacy: bool, length: int | None = None) -> Any:
    if not legacy:
        return fields
    names = ["timestamp", "category", "method", "object", "value", "extra"]
    record = [fields.get(n) for n in names]
    if length is not None:
        record = record[:length]
    elif "extra" not in fields:
        record = record[:5]
    return record


def _extra(fields: dict[str, Any]) -> dict[str, Any]:
    extra = fields.get("extra")
    return dict(extra) if isinstance(extra, dict) else {}


@st.composite
def mutated_events(draw: st.DrawFn) -> Case:
    """A valid event broken (or, for some mutations, maybe not) in one named way."""
    base = draw(valid_events())
    spec_event = base.spec_event
    assert spec_event is not None
    fields, legacy = _fields(base.event)
    extra = _extra(fields)
    keys = {k.name: k for k in spec_event.extra}
    keys.update({k.legacy_key: k for k in spec_event.extra})
    fault = draw(
        st.sampled_from(
            [
                "drop_key",
                "add_key",
                "add_top_key",
                "drop_top_key",
                "other_allowed_value",
                "unlisted_value",
                "overlong_value",
                "overlong_extra",
                "wrong_type_value",
                "wrong_type_extra_value",
                "wrong_type_extra",
                "wrong_type_field",
                "bad_enrollment_id",
                "wrong_category",
                "unknown_method",
                "method_of_other_object",
                "condition_broken",
                "bad_timestamp",
                "bad_length",
                "null_extra",
                "both_names",
            ]
        )
    )
    if fault == "drop_key" and extra:
        extra.pop(draw(st.sampled_from(sorted(extra))))
    elif fault == "add_key":
        name = draw(st.text(alphabet=string.ascii_letters, min_size=1, max_size=12))
        if name not in keys:
            extra[name] = draw(texts(10))
    elif fault == "add_top_key" and not legacy:
        fields[draw(st.sampled_from(["extras", "timestamp", "Value", "x"]))] = "1"
    elif fault == "drop_top_key" and not legacy:
        fields.pop(draw(st.sampled_from(["category", "method", "object", "value"])))
    elif fault == "other_allowed_value":
        closed = [k for k in spec_event.extra if k.allowed and k.name in extra]
        if closed:
            key = draw(st.sampled_from(closed))
            pool = sorted({a.value for e in EVENTS for k in e.extra for a in k.allowed})
            extra[key.name] = draw(st.sampled_from(pool))
    elif fault == "unlisted_value":
        closed = [k for k in spec_event.extra if k.allowed and k.name in extra]
        if closed:
            key = draw(st.sampled_from(closed))
            extra[key.name] = draw(texts(12))
    elif fault == "overlong_value":
        fields["value"] = draw(
            st.text(alphabet="ab", min_size=VALUE_MAX + 1, max_size=VALUE_MAX + 40)
        )
    elif fault == "overlong_extra" and extra:
        name = draw(st.sampled_from(sorted(extra)))
        limit = keys[name].max_length
        extra[name] = draw(
            st.text(alphabet="xy", min_size=limit + 1, max_size=limit + 40)
        )
    elif fault == "wrong_type_value":
        fields["value"] = draw(WRONG_TYPES)
    elif fault == "wrong_type_extra_value" and extra:
        extra[draw(st.sampled_from(sorted(extra)))] = draw(WRONG_TYPES)
    elif fault == "wrong_type_extra":
        fields["extra"] = draw(
            st.one_of(
                st.lists(st.text(max_size=3), max_size=3),
                st.text(max_size=5),
                st.integers(),
                st.booleans(),
            )
        )
        extra = None  # type: ignore[assignment]
    elif fault == "wrong_type_field":
        fields[draw(st.sampled_from(["category", "method", "object"]))] = draw(
            WRONG_TYPES
        )
    elif fault == "bad_enrollment_id":
        ids = [
            k
            for k in spec_event.extra
            if k.format == "enrollment_id" and k.name in extra
        ]
        if ids:
            uuid = draw(uuids())
            bad = draw(
                st.sampled_from(
                    [
                        "{" + uuid + "}",
                        uuid[:-1],
                        uuid + "0",
                        uuid.replace("-", ""),
                        uuid[:8] + "g" + uuid[9:],
                        FILLER.lower(),
                        uuid + "\n",
                        "",
                    ]
                )
            )
            extra[draw(st.sampled_from(ids)).name] = bad
    elif fault == "wrong_category":
        fields["category"] = draw(
            st.sampled_from(["Normandy", "normandy ", "telemetry", ""])
        )
    elif fault == "unknown_method":
        fields["method"] = "zz" + draw(
            st.text(alphabet=string.ascii_letters, max_size=13)
        )
    elif fault == "method_of_other_object":
        other = draw(st.sampled_from(EVENTS))
        fields["method"] = other.method
    elif fault == "condition_broken":
        conditional = [k for k in spec_event.extra if k.when]
        if conditional:
            key = draw(st.sampled_from(conditional))
            if key.name in extra or key.legacy_key in extra:
                extra.pop(key.name, None)
                extra.pop(key.legacy_key, None)
            else:
                extra[key.name] = draw(key_values(key))
    elif fault == "bad_timestamp" and legacy:
        fields["timestamp"] = draw(
            st.one_of(
                st.booleans(),
                st.integers(max_value=-1),
                st.just(1.5),
                st.text(max_size=3),
                st.none(),
            )
        )
    elif fault == "bad_length" and legacy:
        length = draw(st.sampled_from([0, 3, 4, 7]))
        record = _back(fields, legacy)
        record = record[:length] + [None] * max(0, length - len(record))
        return Case(record, spec_event, fault)
    elif fault == "both_names":
        renamed = [
            k
            for k in spec_event.extra
            if k.legacy_key != k.name and (k.name in extra or k.legacy_key in extra)
        ]
        if renamed:
            key = draw(st.sampled_from(renamed))
            value = extra.get(key.name, extra.get(key.legacy_key))
            extra[key.name] = extra[key.legacy_key] = value
    elif fault == "null_extra":
        fields["extra"] = None
        extra = None  # type: ignore[assignment]
    if extra is not None and (extra or isinstance(fields.get("extra"), dict)):
        fields["extra"] = extra
    mutated = _back(fields, legacy)
    return Case(
        mutated, spec_event, fault if mutated != base.event else f"noop:{fault}"
    )


def any_events() -> st.SearchStrategy[Case]:
    """Valid and mutated events, about half each."""
    return st.one_of(valid_events(), mutated_events())


# -- arbitrary JSON ------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.dictionaries(st.text(max_size=10), children, max_size=6),
    ),
    max_leaves=20,
)


def python_name(key_name: str) -> str:
    return snake_case(key_name)


# -- a spec that reaches what the real one does not ----------------------------------

STRESS_SPEC = Path(__file__).parent / "fixtures" / "stress.yaml"


def stress_spec_text() -> str:
    """``tests/fixtures/stress.yaml``: the real spec's uptake, scalar and enrollment-ID
    sections (as they were when it was written) and events shaped to reach every
    branch of the validators and builders."""
    return STRESS_SPEC.read_text("utf-8")


def generate_package(spec_path: Path, out: Path) -> None:
    """Render only the package and the schemas (what these tests need) into ``out``."""
    from codegen.formatting import format_outputs
    from codegen.render import render_targets, unformatted_paths
    from codegen.targets import json_schema, python

    spec = load_spec(spec_path)
    mine = (python.OUTPUT, json_schema.OUTPUT)
    files = format_outputs(
        render_targets(spec, mine), skip=unformatted_paths(spec, mine)
    )
    for path, text in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")


# -- subclasses that lie --------------------------------------------------------


class HonestText(str):
    """A str subclass that behaves."""


class LyingText(str):
    """Equal to everything, hashing as another text, printing as that text: a
    dict lookup of ``hashes_as`` finds it, though json.dumps writes its own text."""

    hashes_as = ""

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return hash(self.hashes_as)

    def __str__(self) -> str:
        return self.hashes_as


class RewrittenDict(dict):  # type: ignore[type-arg]
    """Holds one thing and says, through items() (what json.dumps reads), another."""

    said: list[tuple[Any, Any]] = []

    def items(self) -> Any:
        return list(self.said)


class RewrittenList(list):  # type: ignore[type-arg]
    """Holds one thing and says, through its iterator (what json.dumps reads), another."""

    said: list[Any] = []

    def __iter__(self) -> Any:
        return iter(self.said)


def lying_text(text: str, hashes_as: str) -> LyingText:
    made = LyingText(text)
    made.hashes_as = hashes_as
    return made


@st.composite
def disguised(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """``value`` with some of its strings, mappings and lists made subclasses:
    honest ones, or ones whose own methods say something else than what
    json.dumps writes (and what a validator must therefore read)."""
    names = ["category", "method", "object", "value", "extra", "name", "timestamp"]
    if type(value) is str:
        how = draw(st.sampled_from(["same", "same", "honest", "liar"]))
        if how == "honest":
            return HonestText(value)
        if how == "liar":
            return lying_text(value, draw(st.sampled_from(names + [value + "x"])))
        return value
    if depth > 3:
        return value
    if type(value) is dict:
        pairs = [
            (
                draw(disguised(k, depth + 1)),
                draw(disguised(v, depth + 1)),
            )
            for k, v in value.items()
        ]
        how = draw(st.sampled_from(["plain", "plain", "rewritten"]))
        if how == "rewritten":
            made = type("Said", (RewrittenDict,), {"said": pairs})()
            dict.__setitem__(made, "junk", "not what json.dumps writes")
            return made
        out: dict[Any, Any] = {}
        for k, v in pairs:
            out[k] = v
        return out
    if type(value) is list:
        items = [draw(disguised(v, depth + 1)) for v in value]
        if draw(st.booleans()):
            made_list = type("Said", (RewrittenList,), {"said": items})()
            list.append(made_list, "junk")
            return made_list
        return items
    return value


# -- Glean event objects ------------------------------------------------------------

GLEAN_EVENTS: tuple[Event, ...] = tuple(e for e in EVENTS if e.in_glean)
UPTAKE_GLEAN = MODEL.uptake.glean
GLEAN_TIMESTAMPS = st.integers(min_value=0, max_value=2**63).map(str)


def uptake_values() -> list[tuple[str, str]]:
    """(a real key of each source, a value it reports), for every value."""
    examples = {
        "runner": "normandy/runner",
        "action": "normandy/action/preference-experiment",
        "recipe": "normandy/recipe/123",
    }
    pairs = []
    for source in MODEL.uptake.sources:
        key = examples.get(source.name, source.key)
        for status in source.statuses:
            for value in status.reported_values:
                pairs.append((key, value))
    return pairs


@st.composite
def valid_glean_events(draw: st.DrawFn) -> Case:
    """A valid Glean event object: a Normandy event recorded in Glean, or the
    uptake event; the SDK's glean_timestamp present or not."""
    uptake = UPTAKE_GLEAN is not None and (
        not GLEAN_EVENTS or draw(st.integers(0, 5)) == 0
    )
    extra: dict[str, str] = {}
    if uptake:
        assert UPTAKE_GLEAN is not None
        source, value = draw(st.sampled_from(uptake_values()))
        extra = {"source": source, "value": value}
        for key in UPTAKE_GLEAN.extra:
            if draw(st.booleans()):
                extra[key.name] = draw(texts(12))
        category, name, spec_event = UPTAKE_GLEAN.category, UPTAKE_GLEAN.name, None
    else:
        spec_event = draw(st.sampled_from(GLEAN_EVENTS))
        by_name = {k.name: k for k in spec_event.extra}
        legacy = draw(valid_extras(spec_event))
        extra = {
            by_name[recorded_name(spec_event, k)].legacy_key: v
            for k, v in legacy.items()
        }
        if not spec_event.value_optional or draw(st.booleans()):
            extra["value"] = draw(texts(VALUE_MAX))
        category, name = spec_event.category, spec_event.glean_name
    if draw(st.booleans()):
        extra["glean_timestamp"] = draw(GLEAN_TIMESTAMPS)
    keys = list(extra)
    order = draw(st.permutations(keys))
    event: dict[str, Any] = {
        "category": category,
        "name": name,
        "timestamp": draw(st.integers(min_value=0, max_value=2**40)),
        "extra": {k: extra[k] for k in order},
    }
    if not extra and draw(st.booleans()):
        del event["extra"]
    return Case(event, spec_event, "valid")


GLEAN_FAULTS = (
    "drop_key",
    "add_key",
    "spec_name",
    "bad_glean_timestamp",
    "drop_value",
    "overlong_value",
    "wrong_type_value",
    "wrong_type_extra_value",
    "wrong_type_extra",
    "null_extra",
    "drop_extra",
    "unlisted_value",
    "wrong_category",
    "unknown_name",
    "other_uptake_name",
    "bad_timestamp",
    "drop_top_key",
    "add_top_key",
    "bad_source",
    "bad_status",
    "from_legacy",
)


def _glean_name(method: Any, object_: Any) -> Any:
    if isinstance(method, str) and isinstance(object_, str):
        return f"{snake_case(method)}_{object_}"
    return method


@st.composite
def mutated_glean_events(draw: st.DrawFn) -> Case:
    """A valid Glean event broken (or, for some faults, maybe not) in one named way."""
    fault = draw(st.sampled_from(GLEAN_FAULTS))
    if fault == "from_legacy":  # every fault of the legacy shape, in Glean's
        legacy = draw(mutated_events())
        fields, _ = _fields(legacy.event)
        extra = fields.get("extra")
        if isinstance(extra, dict):
            extra = {**extra, "value": fields.get("value")}
        event = {
            "category": fields.get("category"),
            "name": _glean_name(fields.get("method"), fields.get("object")),
            "timestamp": fields.get("timestamp", 0),
            "extra": extra,
        }
        return Case(event, legacy.spec_event, f"from_legacy:{legacy.fault}")
    base = draw(valid_glean_events())
    event = dict(base.event)
    extra = dict(event.get("extra") or {})
    spec_event = base.spec_event
    keys = sorted(k for k in extra if k not in ("glean_timestamp",))
    if fault == "drop_key" and keys:
        extra.pop(draw(st.sampled_from(keys)))
    elif fault == "add_key":
        name = draw(
            st.text(alphabet=string.ascii_letters + "_", min_size=1, max_size=12)
        )
        extra.setdefault(name, draw(texts(5)))
    elif fault == "spec_name" and spec_event is not None:
        renamed = [
            k
            for k in spec_event.extra
            if k.legacy_key != k.name and k.legacy_key in extra
        ]
        if renamed:
            key = draw(st.sampled_from(renamed))
            extra[key.name] = extra.pop(key.legacy_key)
    elif fault == "bad_glean_timestamp":
        extra["glean_timestamp"] = draw(
            st.one_of(
                st.sampled_from(["", "12a", "-1", "1.5", "١٢", "²", " 12", "1" * 21]),
                st.integers(),
                st.none(),
            )
        )
    elif fault == "drop_value":
        extra.pop("value", None)
    elif fault == "overlong_value":
        extra["value"] = "v" * (VALUE_MAX + draw(st.integers(1, 40)))
    elif fault == "wrong_type_value":
        extra["value"] = draw(WRONG_TYPES)
    elif fault == "wrong_type_extra_value" and keys:
        extra[draw(st.sampled_from(keys))] = draw(WRONG_TYPES)
    elif fault == "wrong_type_extra":
        event["extra"] = draw(
            st.one_of(
                st.lists(st.text(max_size=3), max_size=2),
                st.text(max_size=3),
                st.integers(),
            )
        )
        return Case(event, spec_event, fault)
    elif fault == "null_extra":
        event["extra"] = None
        return Case(event, spec_event, fault)
    elif fault == "drop_extra":
        event.pop("extra", None)
        return Case(event, spec_event, fault)
    elif fault == "unlisted_value" and spec_event is not None:
        closed = [
            k.legacy_key
            for k in spec_event.extra
            if k.allowed and k.legacy_key in extra
        ]
        if closed:
            extra[draw(st.sampled_from(closed))] = draw(texts(12))
    elif fault == "wrong_category":
        event["category"] = draw(
            st.sampled_from(["Normandy", "glean", "", "uptake", CATEGORY])
        )
    elif fault == "unknown_name":
        event["name"] = draw(
            st.sampled_from(["restarted", "enroll", "zz_nope", "uptake_normandy", ""])
            | st.sampled_from([e.glean_name for e in EVENTS])
        )
    elif fault == "other_uptake_name" and UPTAKE_GLEAN is not None:
        event["category"] = UPTAKE_GLEAN.category
        event["name"] = draw(
            st.sampled_from(["uptake_remotesettings", UPTAKE_GLEAN.name])
        )
    elif fault == "bad_timestamp":
        event["timestamp"] = draw(
            st.one_of(
                st.booleans(),
                st.integers(max_value=-1),
                st.just(1.5),
                st.text(max_size=3),
                st.none(),
            )
        )
    elif fault == "drop_top_key":
        event.pop(draw(st.sampled_from(["category", "name", "timestamp"])))
    elif fault == "add_top_key":
        event[draw(st.sampled_from(["extras", "value", "method", "x"]))] = "1"
    elif fault == "bad_source" and "source" in extra:
        extra["source"] = draw(
            st.sampled_from(
                ["normandy/recipe/x", "normandy/runner/", "remotesettings/main", ""]
            )
            | st.text(max_size=20)
        )
    elif fault == "bad_status" and "source" in extra:
        extra["value"] = draw(
            st.sampled_from(["sign_error", "nope", "", "backoff", "up_to_date"])
            | st.text(max_size=10)
        )
    if "extra" in event or extra:
        event["extra"] = extra
    return Case(event, spec_event, fault if event != base.event else f"noop:{fault}")


def any_glean_events() -> st.SearchStrategy[Case]:
    return st.one_of(valid_glean_events(), mutated_glean_events())
