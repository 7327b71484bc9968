"""The ``yaml`` filter: spec text can never change the structure of metrics.yaml or Events.yaml.

Both files are read by PyYAML's safe loader in Firefox's build (glean_parser and
parse_events.py), so every check here loads with it.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from glean_parser import parser
from hypothesis import given
from hypothesis import strategies as st
from support import GENERATED, ROOT, cli

from codegen.literals import yaml_scalar

LIMITS_VALID = ROOT / "tests" / "fixtures" / "limits" / "valid.yaml"


def _load(scalar: str) -> object:
    return yaml.safe_load(f"key: {scalar}\nafter: 1\n")


@given(st.text())
def test_any_text_round_trips_as_one_scalar(text: str) -> None:
    assert _load(yaml_scalar(text)) == {"key": text, "after": 1}


@given(st.text(min_size=1))
def test_a_key_round_trips_as_one_key(text: str) -> None:
    loaded = yaml.safe_load(f"{yaml_scalar(text, key=True)}: 1\n")
    assert loaded == {text: 1}


def test_hostile_text_is_escaped() -> None:
    hostile = 'a"\\\n- b: c\n# d\n--- \x85\u2028\u2029\ufeff\x00\x7f\U0001f600 é'
    scalar = yaml_scalar(hostile)
    assert (
        "\n" not in scalar
        and "\x85" not in scalar
        and "\u2028" not in scalar
        and "\ufeff" not in scalar
    )
    assert _load(scalar) == {"key": hostile, "after": 1}


def test_words_yaml_would_read_as_other_types_stay_strings() -> None:
    for word in ("true", "no", "null", "Yes", "off", "1", "0x10", "1e3", "~", ""):
        assert _load(yaml_scalar(word))["key"] == word  # type: ignore[index]
        assert yaml.safe_load(f"{yaml_scalar(word, key=True)}: 1\n") == {word: 1}


def test_plain_keys_stay_readable() -> None:
    assert yaml_scalar("prefBranch", key=True) == "prefBranch"
    assert (
        yaml_scalar("uptake.remotecontent.result", key=True)
        == "uptake.remotecontent.result"
    )
    assert yaml_scalar("a b", key=True) == '"a b"'


def test_numbers_booleans_and_lists() -> None:
    assert _load(yaml_scalar([1443560, 1474413])) == {
        "key": [1443560, 1474413],
        "after": 1,
    }
    assert _load(yaml_scalar(["main"])) == {"key": ["main"], "after": 1}
    assert _load(yaml_scalar(True)) == {"key": True, "after": 1}


def test_spec_text_cannot_inject_structure(tmp_path: Path) -> None:
    """Descriptions full of YAML syntax come out of both files exactly as written."""
    evil = 'Ends here."\n  injected: true\n# comment\n---\nkey: "value" \\ done'
    text = LIMITS_VALID.read_text("utf-8").replace(
        "          description: Sent when enrollment fails.\n",
        "          description: " + yaml_scalar(evil) + "\n",
    )
    spec = tmp_path / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    spec.write_text(text, "utf-8")
    out = tmp_path / "out"
    result = cli("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr

    parsed = parser.parse_objects([out / "glean" / "metrics.yaml"])
    assert list(parsed) == []
    metric = parsed.value["normandy"]["enroll_failed_preference_study"]
    assert metric.description.startswith(evil + "\n\n")
    assert "injected" not in vars(metric)

    legacy = yaml.safe_load((out / "legacy" / "Events.yaml").read_text("utf-8"))
    assert list(legacy) == ["normandy"]
    assert list(legacy["normandy"]) == ["enroll_failed"]
    assert legacy["normandy"]["enroll_failed"]["description"].startswith(evil + "\n\n")


def _descriptions(node: object) -> list[str]:
    if isinstance(node, dict):
        found = (
            [node["description"]] if isinstance(node.get("description"), str) else []
        )
        return found + [d for value in node.values() for d in _descriptions(value)]
    return []


def test_what_firefox_s_readers_see_reads_as_a_list_where_it_is_one() -> None:
    """A Firefox engineer's reading of the generated files: a correction inside
    a value's bullet ran into the next value once Glean's markdown joined the
    lines; filler keys said "Sent with" of keys no code sends; the uptake
    source key listed the document's lead-ins ("... under the key X:")."""
    texts = [
        text
        for path in sorted((GENERATED / "glean").rglob("metrics.yaml"))
        for text in _descriptions(yaml.safe_load(path.read_text("utf-8")))
    ]
    bullets = [line for t in texts for line in t.splitlines() if line.startswith("- `")]
    assert bullets and not [b for b in bullets if "Correction of" in b]
    assert not [b for b in bullets if b.rstrip().endswith(":")]
    assert any("Declared for" in t for t in texts)
    assert not any("own file does. Sent with" in t for t in texts)
    assert any("(only in Firefox): " in b for b in bullets)
    # the document's "(example: ...)" is not followed by the same examples again
    assert not any("(example: " in t and "Examples: " in t for t in texts)
    assert any(
        "(example: " in t and "Other examples: `__NO_ADDON__`." in t for t in texts
    )


def test_the_value_key_says_when_firefox_sends_no_value() -> None:
    """A Firefox engineer's reading: enroll_failed_addon_study's value key did
    not say that Firefox sends some of those events without a value."""
    from codegen.pipeline import load_spec

    spec = load_spec(ROOT / "spec" / "normandy.yaml")
    metrics = yaml.safe_load((GENERATED / "glean" / "metrics.yaml").read_text("utf-8"))
    optional = {
        e.glean_name for e in spec.events.all if e.value_optional and e.in_glean
    }
    assert "enroll_failed_addon_study" in optional
    for name, metric in metrics["normandy"].items():
        if isinstance(metric, dict) and "extra_keys" in metric:
            said = "May be absent" in metric["extra_keys"]["value"]["description"]
            assert said == (name in optional), name
