"""``diff``'s classes, held to the generated validators on random edits of the spec.

Each example edits the shipped spec in one or two random ways (remove, add or
rename an object, event, key, value or status; move a limit; change when a key
is sent, its format, its legacy name, a pattern, the category, the filler...),
generates the package and the Firefox files for the result into a temporary
directory, and holds ``diff``'s verdict to them:

* a change called breaking must come with an example that shows it: a record
  the old package accepts and the new one refuses, or a name (a constant, a
  builder keyword, a Glean metric, an ``Events.yaml`` key) that the old
  outputs define and the new ones do not;
* when nothing is called breaking, the new package must accept every record
  that hypothesis builds from the old spec, and the new outputs must define
  every name the old ones did.

The old package is generated from the shipped spec the same way, so both sides
are read from fresh files, never from ``generated/``.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import os
import re
import string
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import SPEC_PATH, valid_events

from codegen import model as m
from codegen.diff import BREAKING, Change, diff_specs
from codegen.model import NORMANDY_GLEAN_FILE
from codegen.pipeline import load_spec_bytes
from codegen.problems import SpecError
from codegen.render import render_targets
from codegen.targets import glean, legacy, python

EXAMPLES = int(os.environ.get("NORMANDY_DIFF_EXAMPLES", "60"))
"""Edits per run: about 20 s on a 2-core machine (NORMANDY_DIFF_EXAMPLES=1000 for a long run)."""
RECORDS = 25
"""Old records checked against each compatible edit, besides the Uptake reports."""

BASE_TEXT = SPEC_PATH.read_text("utf-8")
BASE_DATA: dict[str, Any] = yaml.load(BASE_TEXT, Loader=yaml.CSafeLoader)


# -- building and importing a package for a spec --------------------------------------

PACKAGE = "normandy_telemetry"


class Outputs:
    """A spec's generated package (imported in isolation) and Firefox files."""

    def __init__(self, spec: m.Spec, root: Path) -> None:
        outputs = (python.OUTPUT, glean.OUTPUT, legacy.OUTPUT)
        files = render_targets(spec, outputs)  # black only changes the layout
        for path, text in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
        self.modules = _import_isolated(root)
        self.package = self.modules[PACKAGE]
        self.files = files
        self.names = _defined_names(self)

    def accepts(self, kind: str, record: Any) -> bool:
        if kind == "event":
            return bool(self.package.is_valid_event(record))
        if kind == "uptake":
            return bool(self.package.is_valid_uptake(*record))
        ident, key, value = record
        check = getattr(self.package, f"is_valid_{ident}", None)
        return check is not None and bool(check(key, value))


def _import_isolated(root: Path) -> dict[str, ModuleType]:
    """Import the package under ``root`` without disturbing the one the other tests use."""
    ours = [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]
    saved = {n: sys.modules.pop(n) for n in ours}
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        package = importlib.import_module(PACKAGE)
        events = importlib.import_module(f"{PACKAGE}.events")
        for name in events.__all__:  # eagerly: they import lazily by name
            importlib.import_module(f"{PACKAGE}.events.{name}")
        assert Path(package.__file__).is_relative_to(root)
        return {
            n: module
            for n, module in sys.modules.items()
            if n == PACKAGE or n.startswith(PACKAGE + ".")
        }
    finally:
        sys.path.remove(str(root))
        for name in [
            n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")
        ]:
            del sys.modules[name]
        sys.modules.update(saved)


def _defined_names(outputs: Outputs) -> set[str]:
    """What the outputs define, read from them, named as ``codegen.acceptance`` names it."""
    names: set[str] = set()
    package = outputs.package
    uptake = outputs.modules[f"{PACKAGE}.uptake"]
    for name in package.__all__:
        value = getattr(package, name)
        if name == "SPEC_DIGEST":
            continue  # which spec built the package: it changes with every edit by design
        if isinstance(value, str) and name.isupper():
            names.add(f"{PACKAGE}.{name} == {value!r}")
        if name.startswith("is_valid_") and name not in (
            "is_valid_event",
            "is_valid_uptake",
        ):
            names.add(f"{PACKAGE}.{name}")
    for value in uptake.LEGAL_UPTAKE_VALUES:
        names.add(f"{PACKAGE}.uptake.LEGAL_UPTAKE_VALUES holds {value!r}")
    for source in uptake.SOURCES.values():
        enum = source.statuses
        names.add(f"{PACKAGE}.uptake.{enum.__name__}")
        names.update(
            f"{PACKAGE}.uptake.{enum.__name__}.{member}" for member in enum.__members__
        )
    events = outputs.modules[f"{PACKAGE}.events"]
    for obj in events.__all__:
        module = outputs.modules[f"{PACKAGE}.events.{obj}"]
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__:
                if name.startswith("_"):
                    continue
                names.add(f"{PACKAGE}.events.{obj}.{name}()")
                for parameter in inspect.signature(function).parameters:
                    names.add(f"{PACKAGE}.events.{obj}.{name}({parameter}=...)")
    for path, text in outputs.files.items():
        if path.startswith("glean/") and path.endswith("metrics.yaml"):
            firefox = NORMANDY_GLEAN_FILE if path == "glean/metrics.yaml" else path[6:]
            for category, metrics in yaml.safe_load(text).items():
                if category.startswith("$"):
                    continue
                for metric, definition in metrics.items():
                    name = f"Glean metric {category}.{metric} in {firefox}"
                    names.add(name)
                    for key in definition.get("extra_keys") or {}:
                        names.add(f"{name}: extra key {key}")
                    if (
                        definition.get("telemetry_mirror")
                        and category == "uptake.remotecontent.result"
                    ):
                        names.add(
                            f"{name}: mirrored to {definition['telemetry_mirror']}"
                        )
        elif path == "legacy/Events.yaml":
            for category, entries in (yaml.safe_load(text) or {}).items():
                for entry in entries.values():
                    for method in entry["methods"]:
                        for obj in entry["objects"]:
                            name = f"Events.yaml event {category}.{method}#{obj}"
                            names.add(name)
                            names.update(
                                f"{name}: extra key {k}"
                                for k in entry.get("extra_keys") or {}
                            )
        elif path == "legacy/Scalars.yaml":
            for category, scalars in (yaml.safe_load(text) or {}).items():
                names.update(
                    f"Scalars.yaml scalar {category}.{name}" for name in scalars
                )
    return names


def _builder_parameters(outputs: Outputs) -> dict[str, tuple[set[str], set[str]]]:
    """Each builder's (parameters, required parameters)."""
    found = {}
    events = outputs.modules[f"{PACKAGE}.events"]
    for obj in events.__all__:
        module = outputs.modules[f"{PACKAGE}.events.{obj}"]
        for name, function in vars(module).items():
            if (
                inspect.isfunction(function)
                and function.__module__ == module.__name__
                and not name.startswith("_")
            ):
                parameters = inspect.signature(function).parameters
                required = {
                    p
                    for p, v in parameters.items()
                    if v.default is inspect.Parameter.empty
                }
                found[f"{obj}.{name}"] = (set(parameters), required)
    return found


# -- random edits of the spec -----------------------------------------------------------


def _objects(data: dict[str, Any]) -> dict[str, Any]:
    return data["events"]["objects"]


def _events(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for obj, body in _objects(data).items():
        for method, event in body["events"].items():
            yield obj, method, event


def _keys(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, dict[str, Any]]]:
    for _, _, event in _events(data):
        for name, key in (event.get("extra") or {}).items():
            yield event, name, key


def _referenced(event: dict[str, Any]) -> dict[str, set[str]]:
    """Keys named in the event's conditions, with the values named."""
    found: dict[str, set[str]] = {}
    for key in (event.get("extra") or {}).values():
        for target, values in (key.get("when") or {}).items():
            found.setdefault(target, set()).update(values)
    return found


def _renamed(mapping: dict[str, Any], old: str, new: str, body: Any) -> dict[str, Any]:
    """``mapping`` with ``old`` replaced by ``new`` (holding ``body``), in place."""
    return {
        new if k == old else k: (body if k == old else v) for k, v in mapping.items()
    }


Draw = Callable[[st.SearchStrategy[Any]], Any]


def _pick(draw: Draw, items: list[Any]) -> Any:
    assume(items)
    return draw(st.sampled_from(items))


def edit_remove_event(data: dict[str, Any], draw: Draw) -> str:
    obj, method, _ = _pick(
        draw, [e for e in _events(data) if len(_objects(data)[e[0]]["events"]) > 1]
    )
    del _objects(data)[obj]["events"][method]
    return f"remove event {obj}.{method}"


def edit_remove_object(data: dict[str, Any], draw: Draw) -> str:
    obj = _pick(draw, sorted(_objects(data)))
    del _objects(data)[obj]
    return f"remove object {obj}"


def edit_add_event(data: dict[str, Any], draw: Draw) -> str:
    obj, method, event = _pick(draw, list(_events(data)))
    _objects(data)[obj]["events"]["mutatedEvent"] = copy.deepcopy(event)
    return f"add event {obj}.mutatedEvent like {method}"


def edit_rename_event(data: dict[str, Any], draw: Draw) -> str:
    obj, method, event = _pick(draw, list(_events(data)))
    event = dict(event, renamed_from=method)
    body = _objects(data)[obj]
    body["events"] = _renamed(body["events"], method, "renamedEvent", event)
    return f"rename event {obj}.{method}"


def _free_keys(
    data: dict[str, Any],
) -> list[tuple[dict[str, Any], str, dict[str, Any]]]:
    """Keys no condition names."""
    return [(e, n, k) for e, n, k in _keys(data) if n not in _referenced(e)]


def edit_remove_key(data: dict[str, Any], draw: Draw) -> str:
    event, name, _ = _pick(draw, _free_keys(data))
    del event["extra"][name]
    return f"remove key {name}"


def edit_rename_key(data: dict[str, Any], draw: Draw) -> str:
    event, name, key = _pick(draw, _free_keys(data))
    event["extra"] = _renamed(
        event["extra"], name, "renamedKey", dict(key, renamed_from=name)
    )
    return f"rename key {name}"


PRESENCE = ("when", "channels", "optional")


def _presence(draw: Draw, event: dict[str, Any], name: str) -> dict[str, Any]:
    """A random way for key ``name`` of ``event`` to be sent."""
    targets = [
        (n, k)
        for n, k in (event.get("extra") or {}).items()
        if n != name and k.get("allowed")
    ]
    choice = draw(st.sampled_from(["always", "optional", "channels", "when"]))
    if choice == "optional":
        return {"optional": True}
    if choice == "channels":
        return {"channels": draw(st.sampled_from([["nightly"], ["nightly", "beta"]]))}
    if choice == "when" and targets:
        target, key = draw(st.sampled_from(targets))
        values = draw(
            st.lists(st.sampled_from(sorted(key["allowed"])), min_size=1, unique=True)
        )
        return {"when": {target: values}}
    return {}


def edit_add_key(data: dict[str, Any], draw: Draw) -> str:
    _, _, event = _pick(draw, list(_events(data)))
    extra = event.setdefault("extra", {})
    assume("mutatedKey" not in extra and len(extra) < 10)
    extra["mutatedKey"] = {
        "description": "Added.",
        **_presence(draw, event, "mutatedKey"),
    }
    return f"add key mutatedKey {extra['mutatedKey']}"


def edit_presence(data: dict[str, Any], draw: Draw) -> str:
    event, name, key = _pick(draw, list(_keys(data)))
    for field in PRESENCE:
        key.pop(field, None)
    key.update(_presence(draw, event, name))
    return f"presence of {name}: {[key.get(f) for f in PRESENCE]}"


def _closed_keys(
    data: dict[str, Any],
) -> list[tuple[dict[str, Any], str, dict[str, Any]]]:
    return [(e, n, k) for e, n, k in _keys(data) if k.get("allowed")]


def edit_remove_allowed(data: dict[str, Any], draw: Draw) -> str:
    event, name, key = _pick(draw, _closed_keys(data))
    used = _referenced(event).get(name, set())
    value = _pick(
        draw, [v for v in key["allowed"] if v not in used and len(key["allowed"]) > 1]
    )
    del key["allowed"][value]
    return f"remove allowed value {name}={value}"


def edit_rename_allowed(data: dict[str, Any], draw: Draw) -> str:
    event, name, key = _pick(draw, _closed_keys(data))
    value = _pick(draw, sorted(key["allowed"]))
    body = key["allowed"][value]
    body = {"description": body} if isinstance(body, str) else dict(body)
    key["allowed"] = _renamed(
        key["allowed"], value, "renamed-value", dict(body, renamed_from=value)
    )
    for other in event["extra"].values():
        for target, values in (other.get("when") or {}).items():
            if target == name:
                values[:] = ["renamed-value" if v == value else v for v in values]
    return f"rename allowed value {name}={value}"


def edit_add_allowed(data: dict[str, Any], draw: Draw) -> str:
    _, name, key = _pick(draw, _closed_keys(data))
    key["allowed"]["mutated-value"] = "Added."
    return f"add allowed value {name}=mutated-value"


def edit_drop_allowed(data: dict[str, Any], draw: Draw) -> str:
    event, name, key = _pick(
        draw, [c for c in _closed_keys(data) if c[1] not in _referenced(c[0])]
    )
    del key["allowed"]
    key.pop("truncate", None)
    key.pop("format", None)
    return f"drop the allowed values of {name}"


def edit_close_set(data: dict[str, Any], draw: Draw) -> str:
    _, name, key = _pick(draw, [c for c in _keys(data) if not c[2].get("allowed")])
    key["allowed"] = {"alpha": "A.", "beta": "B."}
    for field in ("examples", "truncate", "format"):
        key.pop(field, None)
    return f"close the values of {name}"


def edit_max_length(data: dict[str, Any], draw: Draw) -> str:
    _, name, key = _pick(draw, list(_keys(data)))
    key["max_length"] = draw(st.integers(min_value=30, max_value=120))
    key.pop("truncate", None)
    return f"max_length of {name}: {key['max_length']}"


def edit_limits(data: dict[str, Any], draw: Draw) -> str:
    field = draw(st.sampled_from(["value_max_length", "extra_max_length"]))
    data["events"][field] = draw(st.integers(min_value=36, max_value=120))
    return f"{field}: {data['events'][field]}"


def edit_format(data: dict[str, Any], draw: Draw) -> str:
    _, name, key = _pick(draw, [c for c in _keys(data) if not c[2].get("allowed")])
    if key.get("format"):
        del key["format"]
    else:
        key["format"] = "enrollment_id"
        key.pop("examples", None)
    return f"toggle the format of {name}"


def edit_legacy_name(data: dict[str, Any], draw: Draw) -> str:
    _, name, key = _pick(draw, list(_keys(data)))
    choice = draw(st.sampled_from(["drop", "set"]))
    if choice == "drop":
        assume(key.get("legacy_name") and len(name) <= 15)
        del key["legacy_name"]
    else:
        key["legacy_name"] = draw(st.sampled_from(["lgName", "shortKey"]))
    return f"{choice} the legacy name of {name}"


def _statuses(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (source, constant, status)
        for source, body in data["uptake"]["sources"].items()
        for constant, status in body["statuses"].items()
    ]


def edit_status(data: dict[str, Any], draw: Draw) -> str:
    source, constant, status = _pick(draw, _statuses(data))
    legal = data["uptake"]["legal_values"]
    choice = draw(
        st.sampled_from(["value", "firefox_value", "remove", "rename", "add"])
    )
    if choice == "value":
        assume(status["value"] in legal)
        status["value"] = draw(st.sampled_from(legal))
    elif choice == "firefox_value":
        if "firefox_value" in status:
            assume(status["value"] in legal)
            del status["firefox_value"]
        else:
            status["firefox_value"] = draw(st.sampled_from(legal))
    elif choice == "remove":
        assume(len(data["uptake"]["sources"][source]["statuses"]) > 1)
        del data["uptake"]["sources"][source]["statuses"][constant]
    elif choice == "rename":
        body = data["uptake"]["sources"][source]
        body["statuses"] = _renamed(
            body["statuses"],
            constant,
            f"{source.upper()}_RENAMED",
            dict(status, renamed_from=constant),
        )
    else:
        body = data["uptake"]["sources"][source]
        body["statuses"][f"{source.upper()}_ADDED"] = {
            "value": draw(st.sampled_from(legal)),
            "description": "Added.",
        }
    return f"{choice} of status {constant}"


PATTERNS = ["^[0-9]+$", "^[0-9]{1,4}$", "^[0-9a-f]+$", "^[1-9][0-9]*$", "^[a-z0-9-]+$"]


def edit_pattern(data: dict[str, Any], draw: Draw) -> str:
    where = draw(st.sampled_from(["source", "scalar"]))
    if where == "source":
        body = _pick(
            draw, [b for b in data["uptake"]["sources"].values() if "placeholder" in b]
        )
        body["placeholder"]["pattern"] = draw(st.sampled_from(PATTERNS))
    else:
        scalar = _pick(draw, list(data["scalars"].values()))
        scalar["key"]["pattern"] = draw(st.sampled_from(PATTERNS))
    return f"a {where} pattern"


def edit_source_key(data: dict[str, Any], draw: Draw) -> str:
    sources = data["uptake"]["sources"]
    choice = draw(st.sampled_from(["key", "add"]))
    if choice == "key":
        body = _pick(draw, [b for b in sources.values() if "placeholder" not in b])
        body["key"] = body["key"] + "_x"
    else:
        sources["extra_source"] = {
            "title": "Extra",
            "key": draw(st.sampled_from(["normandy/extra", "normandy/recipe/7"])),
            "description": "Added.",
            "statuses": {"EXTRA_SUCCESS": {"value": "success", "description": "Done."}},
        }
    return f"source {choice}"


def edit_event_fields(data: dict[str, Any], draw: Draw) -> str:
    obj, method, event = _pick(draw, list(_events(data)))
    choice = draw(
        st.sampled_from(
            ["value_optional", "recorded_in", "description", "category", "filler"]
        )
    )
    if choice == "value_optional":
        if event.get("value_optional"):
            del event["value_optional"]
        else:
            event["value_optional"] = True
            event.setdefault("correction", "Firefox sends it without a value.")
    elif choice == "recorded_in":
        event["recorded_in"] = draw(
            st.sampled_from([["glean"], ["legacy"], ["glean", "legacy"]])
        )
    elif choice == "description":
        event["description"] = "Rewritten."
    elif choice == "category":
        data["events"]["category"] = "normandy_x"
    else:
        data["enrollment_id"]["filler"] = "__NO_ID__"
    return f"{choice} of {obj}.{method}"


def edit_truncate(data: dict[str, Any], draw: Draw) -> str:
    _, name, key = _pick(draw, [c for c in _keys(data) if not c[2].get("allowed")])
    if "truncate" in key:
        del key["truncate"]
    else:
        key["truncate"] = draw(st.integers(min_value=36, max_value=80))
    return f"truncation of {name}"


EDITS = [value for name, value in sorted(globals().items()) if name.startswith("edit_")]


class Edited:
    """The edited spec and what was done to it (hypothesis prints only the latter)."""

    def __init__(self, done: list[str], spec: m.Spec) -> None:
        self.done, self.spec = done, spec

    def __repr__(self) -> str:
        return f"Edited({self.done!r})"


@st.composite
def edited_specs(draw: st.DrawFn) -> Edited:
    data = copy.deepcopy(BASE_DATA)
    done = []
    for _ in range(draw(st.integers(min_value=1, max_value=2))):
        done.append(draw(st.sampled_from(EDITS))(data, draw))
    try:
        spec = load_spec_bytes(json.dumps(data).encode(), "edited")
    except SpecError:
        assume(False)
        raise
    return Edited(done, spec)


# -- records of the old spec ---------------------------------------------------------


def old_reports(old: m.Spec) -> st.SearchStrategy[tuple[str, str]]:
    def for_source(source: m.UptakeSource) -> st.SearchStrategy[tuple[str, str]]:
        values = sorted({v for s in source.statuses for v in s.reported_values})
        keys = st.from_regex(
            source.key_regex, fullmatch=True, alphabet=string.printable
        )
        return st.tuples(keys, st.sampled_from(values))

    return st.one_of([for_source(s) for s in old.uptake.sources])


def old_scalar_entries(old: m.Spec) -> st.SearchStrategy[tuple[str, str, int]]:
    return st.one_of(
        [
            st.tuples(
                st.just(s.ident),
                st.from_regex(s.key.pattern, fullmatch=True, alphabet=string.printable),
                st.integers(min_value=0, max_value=2**32 - 1),
            )
            for s in old.scalars
        ]
    )


# -- the property ----------------------------------------------------------------------


class Old:
    """The shipped spec and its outputs (hypothesis prints only this name)."""

    def __init__(self, root: Path) -> None:
        self.spec = load_spec_bytes(BASE_TEXT.encode(), "old")
        self.outputs = Outputs(self.spec, root)

    def __repr__(self) -> str:
        return "Old()"


@pytest.fixture(scope="module")
def old(tmp_path_factory: pytest.TempPathFactory) -> Old:
    return Old(tmp_path_factory.mktemp("old"))


def check_example(change: Change, old: Outputs, new: Outputs) -> None:
    example = change.example
    assert example is not None, f"{change.path}: breaking without an example"
    if example.kind == "definition":
        if example.reason != "no longer defined":
            return  # processes, products, channels and dates: read from the spec's metadata
        assert example.record in old.names, (change, "the old outputs lack it")
        assert example.record not in new.names, (
            change,
            "the new outputs still define it",
        )
        return
    record = example.record
    if example.kind == "uptake":
        record = tuple(record)
    assert old.accepts(example.kind, record), (change, "the old package refuses it")
    assert not new.accepts(example.kind, record), (change, "the new package accepts it")


def check_compatible(
    old: m.Spec, old_outputs: Outputs, new: Outputs, data: st.DataObject
) -> None:
    for _ in range(RECORDS):
        case = data.draw(valid_events(tuple(old.events.all)))
        assert old_outputs.accepts("event", case.event)
        assert new.accepts("event", case.event), (
            "refused",
            case.event,
            list(new.package.iter_event_errors(case.event)),
        )
    for _ in range(5):
        report = data.draw(old_reports(old))
        if old_outputs.accepts("uptake", report):
            assert new.accepts("uptake", report), ("refused", report)
        entry = data.draw(old_scalar_entries(old))
        assert old_outputs.accepts("scalar", entry)
        assert new.accepts("scalar", entry), ("refused", entry)
    missing = {n for n in old_outputs.names - new.names if _own(n, old)}
    assert not missing, ("gone", sorted(missing)[:5])
    new_builders = _builder_parameters(new)
    for builder, (parameters, required) in _builder_parameters(old_outputs).items():
        assert builder in new_builders, builder
        now, now_required = new_builders[builder]
        assert parameters <= now and now_required <= required, builder


_EXTRA_KEY = re.compile(
    r"(?:Events\.yaml event [^.]+\.(?P<method>\w+)#(?P<object>\w+)"
    r"|Glean metric [\w.]+\.(?P<metric>\w+) in \S+): extra key (?P<key>\w+)"
)


def _own(name: str, spec: m.Spec) -> bool:
    """Whether ``name`` is one a client of the old spec relies on: not a key that a
    Firefox file declares for an event only because another event of its method
    (Glean's per_method) or of its Events.yaml entry has it."""
    match = _EXTRA_KEY.fullmatch(name)
    if match is None:
        return True
    for event in spec.events.all:
        if (event.method, event.object) == (match["method"], match["object"]) or (
            match["metric"] is not None and event.glean_name == match["metric"]
        ):
            return match["key"] in {k.legacy_key for k in event.extra}
    return True


RUN: dict[str, Any] = {"examples": 0, "breaking": 0, "edits": {}}


@pytest.mark.slow  # about 20 s: in `make test` (CI), not in `make test-fast`
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("NORMANDY_RANDOM") is None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(edit=edited_specs(), data=st.data())
def test_diff_classes_agree_with_the_generated_validators(
    edit: Edited,
    data: st.DataObject,
    old: Old,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    new_spec = edit.spec
    old_spec, old_outputs = old.spec, old.outputs
    changes = diff_specs(old_spec, new_spec)
    new = Outputs(new_spec, tmp_path_factory.mktemp("new"))
    breaking = [c for c in changes if c.kind == BREAKING]
    RUN["examples"] += 1
    RUN["breaking"] += bool(breaking)
    for change in breaking:
        check_example(change, old_outputs, new)
    if not breaking:
        check_compatible(old_spec, old_outputs, new, data)


def test_the_edits_reach_both_verdicts() -> None:
    """The property above ran on edits of both kinds (run after it, in this module)."""
    if RUN["examples"] == 0:
        pytest.skip("the property did not run in this session")
    assert 0 < RUN["breaking"] < RUN["examples"], RUN


def test_one_isolated_package_does_not_disturb_the_committed_one(
    old: Old,
) -> None:
    import normandy_telemetry as committed

    outputs = old.outputs
    assert outputs.package is not committed
    assert Path(committed.__file__).parent.parent.name == "generated"
    assert re.search(r"old\d*$", Path(outputs.package.__file__).parent.parent.name)
