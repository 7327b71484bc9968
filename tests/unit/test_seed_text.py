"""The data-collection document's text stays in the spec and in the docs, word
for word (the project's rule: "everything in it stays in the spec, with its
names and its text"; where Firefox disagrees, a ``correction`` says so beside it).

``spec/data-collection.txt`` is the document as the project received it. Every
line of its prose must appear, with only its line breaks and spacing changed,
in one of the spec's texts and on the pages generated from them. The names it
lists (constants, values, keys) are held by ``tests/package/test_constants.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from seed_table import SEED_TEXTS
from support import GENERATED, ROOT, SPEC

DOCUMENT = ROOT / "spec" / "data-collection.txt"
LAYOUT = {"Telemetry value", "method", "object", "value", "extra", "Enrollment IDs"}
"""The document's labels of its own layout, which the spec's fields stand for
(``enrollment_id`` for its section "Enrollment IDs")."""
FRONT_MATTER = (
    "Data Collection",
    "This document describes the types of data that Normandy collects.",
)
"""The document's title and what it says of itself: the spec and every page
stand for them by naming it "the data-collection document"."""
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")
_BULLET = re.compile(r'"([^"]+)": (.*?)(?= "[^"]+": |$)')


def document_texts() -> list[str]:
    """Every piece of prose in the document; a bullet ``"value": text`` gives
    its text (the graduate bullet runs two values together: two texts)."""
    texts: list[str] = []
    for raw in DOCUMENT.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line in LAYOUT or line in FRONT_MATTER:
            continue
        if line.startswith('The string "'):
            continue  # a method's or object's name, as the names tests hold them
        if re.fullmatch(r"[A-Za-z0-9_]+", line):
            continue  # a constant, a telemetry value or a key: a name
        if line.startswith("\u2022"):
            texts.extend(text for _, text in _BULLET.findall(line[1:].strip()))
            continue
        texts.append(line)
    return texts


def document_sentences() -> list[str]:
    """The same, sentence by sentence: the spec may give a paragraph's
    sentences to different fields (``enrollment_id``'s three)."""
    return [s for text in document_texts() for s in _SENTENCE_END.split(text)]


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "correction":
                continue  # it quotes the document; it does not keep its text
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _unescaped(rst: str) -> str:
    """reStructuredText as a reader sees its words: ``\\:`` is ``:``, and an
    escaped space is nothing."""
    return re.sub(r"\\(.)", r"\1", rst.replace("\\ ", ""))


SPEC_TEXT = _flat("\n".join(_strings(yaml.safe_load(SPEC.read_text("utf-8")))))
DOCS_TEXT = _flat(
    _unescaped(
        "\n".join(
            path.read_text("utf-8")
            for path in sorted((GENERATED / "docs").glob("*.rst"))
        )
    )
)
TEXTS = document_texts()
SENTENCES = document_sentences()


def test_the_document_is_read_into_its_pieces_of_prose() -> None:
    assert len(TEXTS) > 100
    assert (
        "Normandy records enrollment and unenrollment of users into studies, and records that data using Telemetry Events. All data is stored in the normandy category."
        in TEXTS
    )
    # the bullet that runs two values together gives two texts
    assert any(t.startswith("All preferences specified in the rollout") for t in TEXTS)
    assert any(t.startswith("The browser has changed versions") for t in TEXTS)
    assert not any(t.startswith(("The string", '"')) for t in TEXTS)
    assert not set(FRONT_MATTER) & set(TEXTS) and "Enrollment IDs" not in TEXTS
    # a paragraph is checked sentence by sentence
    assert (
        "These IDs are generated when Normandy enrolls the client in a change, be it a study, rollout, or something else."
        in SENTENCES
    )


@pytest.mark.parametrize("text", SENTENCES)
def test_the_document_s_text_is_in_the_spec_word_for_word(text: str) -> None:
    assert _flat(text) in SPEC_TEXT


@pytest.mark.parametrize("text", SENTENCES)
def test_the_document_s_text_is_on_the_generated_pages(text: str) -> None:
    assert _flat(text) in DOCS_TEXT


def test_each_sentence_is_in_the_spec_as_often_as_in_the_document() -> None:
    """A sentence the document repeats ("The ID that was generated at
    enrollment." eight times) is kept at each of its places, not once."""
    fewer = {
        sentence: (count, SPEC_TEXT.count(_flat(sentence)))
        for sentence, count in Counter(SENTENCES).items()
        if SPEC_TEXT.count(_flat(sentence)) < count
    }
    assert fewer == {}


SPEC_DATA = yaml.safe_load(SPEC.read_text("utf-8"))


def _at(path: str) -> str:
    node: Any = SPEC_DATA
    for name in path.split("."):
        if not isinstance(node, dict) or name not in node:
            # A maintainer's trial renamed a key the document names, as the
            # README says a rename is done, and got a bare KeyError here.
            pytest.fail(
                f"{path}: Normandy's data-collection document has this item and"
                " the spec no longer does (it was renamed or removed). The"
                " document's names stay (README, 'Changing the spec'): keep the"
                " item, and say what Firefox does instead in a 'correction:'"
            )
        node = node[name]
    return node["description"] if isinstance(node, dict) else node


@pytest.mark.parametrize("path", sorted(SEED_TEXTS))
def test_each_text_of_the_document_is_on_its_item(path: str) -> None:
    """Placed where the document puts it: a text moved to another item (an
    add-on study's value given a preference study's wording) fails here."""
    assert _flat(SEED_TEXTS[path]) in _flat(DOCUMENT.read_text("utf-8"))
    assert _flat(_at(path)) == _flat(SEED_TEXTS[path])


def test_the_table_places_every_sentence_of_the_document_s_items() -> None:
    placed = Counter(
        s for text in SEED_TEXTS.values() for s in _SENTENCE_END.split(text)
    )
    titles = {s for s in SENTENCES if f"title: {s}" in SPEC.read_text("utf-8")}
    unplaced = Counter(SENTENCES) - placed
    assert set(unplaced) <= titles


def _item_texts() -> str:
    """The texts the spec gives events, their values, keys and allowed values:
    what the Firefox files and the package define item by item."""
    spec = yaml.safe_load(SPEC.read_text("utf-8"))
    texts: list[str] = []
    for obj in spec["events"]["objects"].values():
        for event in obj["events"].values():
            texts += [event["description"], event["value"]]
            for key in (event.get("extra") or {}).values():
                texts.append(key["description"])
                for meaning in (key.get("allowed") or {}).values():
                    texts.append(
                        meaning if isinstance(meaning, str) else meaning["description"]
                    )
    return _flat("\n".join(texts))


ITEM_TEXT = _item_texts()
ITEM_SENTENCES = [s for s in SENTENCES if _flat(s) in ITEM_TEXT]


def _yaml_strings(*patterns: str) -> str:
    return _flat(
        "\n".join(
            "\n".join(_strings(yaml.safe_load(path.read_text("utf-8"))))
            for pattern in patterns
            for path in sorted(GENERATED.glob(pattern))
        )
    )


OUTPUT_TEXT = {
    "Glean metrics.yaml": _yaml_strings("glean/**/metrics.yaml"),
    "JSON Schema": _flat(
        "\n".join(
            "\n".join(_strings(json.loads(path.read_text("utf-8"))))
            for path in sorted((GENERATED / "schemas").glob("*.json"))
        )
    ),
    "legacy Events.yaml": _yaml_strings("legacy/Events.yaml"),
    "Python package": _flat(
        "\n".join(
            path.read_text("utf-8")
            for path in sorted((GENERATED / "normandy_telemetry").rglob("*.py"))
        )
    ),
}


def test_the_events_carry_most_of_the_document_s_sentences() -> None:
    assert len(set(ITEM_SENTENCES)) > 55
    assert "Sent when a user first enrolls in a rollout." in ITEM_SENTENCES


@pytest.mark.parametrize("output", sorted(OUTPUT_TEXT))
def test_each_output_carries_the_document_s_text_of_its_items(
    output: str,
) -> None:
    """The Glean and legacy files and the JSON Schemas define events, keys and
    values, each with its description (a key's with its values' meanings); the
    package documents every item. Section prose (the
    enrollment-ID rules) has no place in Firefox's files, but is in the package."""
    sentences = SENTENCES if output == "Python package" else ITEM_SENTENCES
    missing = [s for s in sentences if _flat(s) not in OUTPUT_TEXT[output]]
    assert missing == []


def _corrections_for_firefox_files() -> list[tuple[str, str, bool, bool]]:
    """``(subject, text, in Glean, in legacy)`` of every correction on an item
    Firefox's files define: an object (its events), an event, a key, a value,
    the scalar, an Uptake source or status (Glean's uptake event)."""
    from codegen.model import Event, EventObject, Scalar, Status, UptakeSource
    from codegen.pipeline import load_spec

    spec = load_spec(SPEC)
    found = []
    for correction in spec.corrections():
        item = correction.item
        event = item[0] if isinstance(item, tuple) else item
        if isinstance(event, Event):
            found.append(
                (correction.subject, correction.text, event.in_glean, event.in_legacy)
            )
        elif isinstance(event, EventObject):
            glean = any(e.in_glean for e in event.events)
            legacy = any(e.in_legacy for e in event.events)
            found.append((correction.subject, correction.text, glean, legacy))
        elif isinstance(event, Scalar):
            found.append((correction.subject, correction.text, True, True))
        elif isinstance(event, (UptakeSource, Status)):  # Glean's uptake event
            found.append((correction.subject, correction.text, True, False))
    return found


FIREFOX_CORRECTIONS = _corrections_for_firefox_files()


def test_firefox_s_files_carry_the_corrections_of_what_they_define() -> None:
    """A review: the Glean and legacy files said "The reason for unenrollment"
    of a failed enrollment, with the correction only in the spec and on the
    pages. Each correction now follows the text it corrects there too."""
    assert len(FIREFOX_CORRECTIONS) > 20
    glean = OUTPUT_TEXT["Glean metrics.yaml"]
    legacy = _yaml_strings("legacy/Events.yaml", "legacy/Scalars.yaml")
    missing = [
        (subject, where)
        for subject, text, in_glean, in_legacy in FIREFOX_CORRECTIONS
        for where, output, expected in (
            ("Glean", glean, in_glean),
            ("legacy", legacy, in_legacy),
        )
        if expected and _flat(text) not in output
    ]
    assert missing == []
    assert "Correction of Firefox's hand-kept definitions: " in glean


def test_the_json_schemas_carry_the_corrections_of_what_they_define() -> None:
    """A Firefox engineer's reading: the schemas said "The reason for
    unenrollment" of a failed enrollment with no correction beside it."""
    schemas = OUTPUT_TEXT["JSON Schema"]
    from codegen.pipeline import load_spec

    items = [(subject, text) for subject, text, _, _ in FIREFOX_CORRECTIONS]
    enrollment_id = load_spec(SPEC).enrollment_id.correction
    assert enrollment_id is not None and len(items) > 15
    items.append(("Enrollment IDs", enrollment_id))  # the schemas' enrollment_id
    assert [s for s, text in items if _flat(text) not in schemas] == []


def test_the_uptake_schema_says_what_each_status_value_reports() -> None:
    """A Firefox engineer's reading: the uptake schema listed the values of
    each source (signature_error and sign_error among them) with no word of
    what they report. It now gives each status's text from the document."""
    statuses = [
        text
        for path, text in SEED_TEXTS.items()
        if path.startswith("uptake.sources.") and ".statuses." in path
    ]
    assert len(statuses) == 14
    schema = _flat(
        "\n".join(
            _strings(
                json.loads(
                    (GENERATED / "schemas" / "normandy-uptake.schema.json").read_text(
                        "utf-8"
                    )
                )
            )
        )
    )
    assert [t for t in statuses if _flat(t) not in schema] == []
    assert "RECIPE_SIGNATURE_INVALID. Normandy failed to verify" in schema
    assert "Firefox sends `sign_error`." in schema
