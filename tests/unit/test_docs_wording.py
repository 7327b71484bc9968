"""What the pages say is true of every item, fits the count, and names the
document as its readers know it.

Each case renders the pages of a small spec (``tests/fixtures/minimal.yaml``,
patched) and pins a sentence: the wording the issue found wrong stays fixed.
"""

from __future__ import annotations

import re

import pytest
from support import ROOT, SPEC, Patch, patched

from codegen.pipeline import load_spec, load_spec_bytes
from codegen.render import render_targets
from codegen.targets.docs import OUTPUT, items

MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text("utf-8")


def pages(text: str) -> dict[str, str]:
    spec = load_spec_bytes(text.encode("utf-8"), "spec/normandy.yaml")
    return {
        path.removeprefix("docs/"): " ".join(page.split())
        for path, page in render_targets(spec, (OUTPUT,)).items()
    }


@pytest.mark.parametrize(
    ("number", "wording"),
    [
        (1, "the value below"),
        (2, "one of the 2 values below"),
        (7, "one of the 7 values below"),
    ],
)
def test_the_count_fits_the_number(number: int, wording: str) -> None:
    assert (
        items.count(number, "the value below", "one of the {n} values below") == wording
    )


def test_a_key_with_one_allowed_value_says_the_value_below() -> None:
    enrollment = pages(MINIMAL)["enrollment.rst"]
    assert ":Values: the value below" in enrollment
    assert "one of the 1 values" not in enrollment
    two = pages(
        patched(
            MINIMAL,
            Patch(
                "                invalid-branch: The recipe names an invalid preference branch.\n",
                "                invalid-branch: The recipe names an invalid preference branch.\n"
                "                name-conflict: The slug is taken.\n",
            ),
        )
    )["enrollment.rst"]
    assert ":Values: one of the 2 values below" in two


def test_one_status_and_one_event_are_counted_in_the_singular() -> None:
    uptake = pages(MINIMAL)["uptake.rst"]
    assert "(``normandy/recipe/<recipe id>``): one status," in uptake
    assert "(``normandy/runner``): 2 statuses," in uptake


def test_the_uptake_page_says_every_value_is_legal_only_when_it_is() -> None:
    uptake = pages(MINIMAL)["uptake.rst"]
    assert "Every status's telemetry value is one of them." in uptake
    assert "except" not in uptake.split("accepts these telemetry values", 1)[1][:300]
    real = pages(SPEC.read_text("utf-8"))["uptake.rst"]
    assert re.search(
        r"Every status's telemetry value is one of them, except ``signature_error``,"
        r" the value Normandy's data-collection document gives"
        r" :ref:`RECIPE_SIGNATURE_INVALID <status-recipe_signature_invalid>`, which"
        r" Firefox sends as ``sign_error``. The spec keeps the document's value",
        real,
    ), real[:2000]
    assert (
        ":Telemetry value: ``signature_error``, which Firefox's ``UptakeTelemetry.STATUS``"
        " does not have"
    ) in real
    assert "Every status's telemetry value is one of the values" not in real


def test_the_document_is_named_as_readers_know_it() -> None:
    for name, page in pages(SPEC.read_text("utf-8")).items():
        assert not re.search(r"\bseed\b", page, re.I), name
    readme = (ROOT / "README.md").read_text("utf-8")
    assert not re.search(r"\bseed\b", readme, re.I)
    for path in (ROOT / "docs").glob("*.rst"):
        assert not re.search(r"\bseed\b", path.read_text("utf-8"), re.I), path.name


def test_a_firefox_name_is_attributed_to_whoever_gave_the_other_one() -> None:
    text = pages(
        patched(
            MINIMAL,
            Patch(
                "              when: {reason: [invalid-branch]}\n",
                "              when: {reason: [invalid-branch]}\n"
                "              legacy_name: prefBranch\n",
            ),
        )
    )["enrollment.rst"]
    assert "(the name above is the data-collection document's;" in text
    only_firefox = pages(
        patched(
            MINIMAL,
            Patch(
                "              when: {reason: [invalid-branch]}\n",
                "              when: {reason: [invalid-branch]}\n"
                "              legacy_name: prefBranch\n"
                "              firefox_source: toolkit/components/normandy/lib/X.sys.mjs\n",
            ),
        )
    )["enrollment.rst"]
    assert "(the name above is the spec's;" in only_firefox


def test_former_names_are_on_the_page_and_declared_to_search() -> None:
    text = pages(
        patched(
            MINIMAL,
            Patch(
                "            preferenceBranch:\n",
                "            preferenceBranch:\n              renamed_from: prefBranchName\n",
            ),
            Patch(
                "        RECIPE_SUCCESS:\n",
                "        RECIPE_SUCCESS:\n          renamed_from: RECIPE_OK\n",
            ),
        )
    )
    enrollment, uptake = text["enrollment.rst"], text["uptake.rst"]
    assert ":Formerly: ``prefBranchName``" in enrollment
    assert (
        '["former", "enrollFailed#preference_study.prefBranchName",'
        ' "prefBranchName, now preferenceBranch of normandy.enrollFailed#preference_study"'
    ) in enrollment
    assert ":Formerly: ``RECIPE_OK``" in uptake
    assert (
        '["former", "RECIPE_OK", "RECIPE_OK, now RECIPE_SUCCESS of normandy/recipe/<recipe id>"'
        in uptake
    )


def test_a_spec_without_firefox_metadata_says_why_it_names_no_firefox_file() -> None:
    enrollment = pages(MINIMAL)["enrollment.rst"]
    assert load_spec_bytes(MINIMAL.encode(), "x").metadata is None
    assert (
        ":Glean metric: not generated: the spec has no ``metadata:``, which Firefox's files need"
        in enrollment
    )


def test_the_real_pages_name_every_identifier_of_an_event() -> None:
    enrollment = pages(SPEC.read_text("utf-8"))["enrollment.rst"]
    for name in (
        "``normandy.enrollFailed#preference_study``: category ``normandy``, method"
        " ``enrollFailed``, object ``preference_study``",
        "``normandy.enroll_failed_preference_study``, an event metric in Firefox's"
        " ``toolkit/components/normandy/metrics.yaml``",
        ":Telemetry mirror: ``Normandy_Enrollfailed_PreferenceStudy``",
        ":Events.yaml: entry ``normandy.enroll_failed``",
        ":JSON Schema: ``normandy-events.schema.json#/$defs/preference_study.enrollFailed``",
        "builder :py:func:`events.preference_study.enroll_failed() <normandy_telemetry.events.preference_study.enroll_failed>`",
    ):
        assert name in enrollment, name
    spec = load_spec(SPEC)
    assert spec.version in pages(SPEC.read_text("utf-8"))["uptake.rst"].split("\n")[0]


def test_the_site_breaks_names_after_the_same_separators_everywhere() -> None:
    """The HTML writer (pages it writes) and break-names.js (indexes, search
    results) each spell the separators a name may break after; a reader must
    not see one rule on a page and another in its search results."""
    separators = "./#_=,|)\\]}"
    writer = (ROOT / "docs" / "_ext" / "normandy_docs.py").read_text("utf-8")
    script = (ROOT / "docs" / "_static" / "break-names.js").read_text("utf-8")
    for text in (writer, script):
        classes = set(re.findall(r"\[\^?((?:\\.|[^\]\\])*)\]", text))
        named = {c.replace("\\s", "") for c in classes if "#_=" in c}
        assert named == {separators}, named


def test_each_correction_is_a_paragraph_apart_from_its_item() -> None:
    """A phone reader's trial: the item's link ran into the correction
    ("action (normandy/action/<action name>) The data-collection document
    names..."), since the line break after a template tag was trimmed."""
    page = render_targets(load_spec(SPEC), (OUTPUT,))["docs/corrections.rst"]
    listed = page.split(".. _corrections-firefox-only:")[0]
    items = listed.split("\n#. ")[1:]
    assert len(items) > 30
    for item in items:
        head, blank, text = item.split("\n", 2)
        assert head.startswith(":ref:`") and blank == "", item[:300]
        assert text.startswith("   ") and text.strip(), item[:300]


def test_the_category_is_said_once_on_the_events_page() -> None:
    """A phone reader's trial: "All data is stored in the normandy category."
    (the document) was followed at once by "Every event is recorded in the
    category normandy." The page says it only where the spec's text does not."""
    real = pages(SPEC.read_text("utf-8"))["enrollment.rst"]
    assert "All data is stored in the normandy category." in real
    assert "recorded in the category" not in real
    minimal = pages(MINIMAL)["enrollment.rst"]
    assert "Every event is recorded in the category ``normandy``." in minimal


def test_a_scalar_key_names_its_kind_then_describes_it() -> None:
    """The same trial: "Key: the recipe id: The numeric ID..." (two colons)."""
    page = pages(SPEC.read_text("utf-8"))["scalars.rst"]
    assert ":Key: the recipe id. The numeric ID of the recipe" in page


def test_the_enrollment_id_carriers_count_those_only_in_firefox() -> None:
    """A phone reader's trial: "Declared on" listed 12 events "and nothing
    else" above a correction saying the document lists the key on eleven.
    Each carrier only Firefox has is marked, and the count says how many."""
    spec = load_spec(SPEC)
    carriers = [
        (obj, event, key)
        for obj in spec.events.objects
        for event in obj.events
        for key in event.extra
        if key.format == "enrollment_id"
    ]
    firefox = [
        c for c in carriers if any(getattr(i, "firefox_source", None) for i in c)
    ]
    assert firefox and len(firefox) < len(carriers)
    text = " ".join(items.enrollment_id_carriers(spec.events).split())
    assert text.count("(only in Firefox)") == len(firefox)
    assert text.endswith(
        f": {len(carriers)} events, {'one' if len(firefox) == 1 else len(firefox)}"
        " of them only in Firefox."
    )
    for obj, event, _ in firefox:
        marked = rf"{obj.name} {event.method} <[^>]+>` \(only in Firefox\)"
        assert re.search(marked, text), (obj.name, event.method)


def test_an_item_of_a_firefox_only_item_is_not_marked_only_in_firefox_again() -> None:
    """A phone reader's trial: addon_rollout's enrollFailed key ``detail`` had
    an "Only in Firefox" box of its own, under an object marked so already.
    It says only which Firefox file has it; the object keeps its box."""
    spec = load_spec(SPEC)
    obj = next(o for o in spec.events.objects if o.name == "addon_rollout")
    event = next(e for e in obj.events if e.method == "enrollFailed")
    key = next(k for k in event.extra if k.name == "detail")
    assert obj.firefox_source and key.firefox_source
    assert items.notes(obj).startswith(".. admonition:: Only in Firefox")
    inner = items.notes(key, obj, event)
    assert "admonition:: Only in Firefox" not in inner
    assert inner.startswith(
        f"Firefox defines or sends this in ``{key.firefox_source}``."
    )
    page = render_targets(spec, (OUTPUT,))["docs/enrollment.rst"]
    boxes = page.count(".. admonition:: Only in Firefox")
    expected = sum(
        1
        for o in spec.events.objects
        for item, outer in [
            (o, ()),
            *((e, (o,)) for e in o.events),
            *((k, (o, e)) for e in o.events for k in e.extra),
        ]
        if item.firefox_source
        and not any(x.firefox_source for x in outer)  # type: ignore[attr-defined]
    )
    assert boxes == expected


def test_a_text_that_a_correction_corrects_says_so_before_it() -> None:
    """A phone reader's trial: enrollFailed's reason read "The reason for
    unenrollment." some 1,300 pixels above the correction that says it is
    the reason the enrollment failed. Every key and event whose correction
    follows its text further down now says so first."""
    spec = load_spec(SPEC)
    page = render_targets(spec, (OUTPUT,))["docs/enrollment.rst"]
    assert (
        "``reason``\n^^^^^^^^^^\n\n*Correction of the data-collection document"
        " below.*\n\nThe reason for unenrollment." in page
    )
    corrected = sum(1 for e in spec.events.all for k in e.extra if k.correction) + sum(
        1 for o in spec.events.objects for e in o.events if e.correction or o.correction
    )
    assert page.count(" below.*\n") == corrected
    assert "*Correction of Firefox's hand-kept definitions below.*" in page


def test_the_spec_format_page_says_the_short_text_limit_once() -> None:
    """A phone reader's trial: "at most 200 characters" stood after 61 fields,
    inside nested brackets ("mapping of name (string (a lower_snake_case
    name; at most 200 characters)) to scalar")."""
    page = render_targets(load_spec(SPEC), (OUTPUT,))["docs/spec-format.rst"]
    assert page.count("at most 200 characters") == 1
    assert (
        "``scalars`` (required; mapping of names, each a lower_snake_case name, to"
        " :ref:`scalar <spec-format-scalar>`)" in page
    )
    assert "``description`` (required; text, as long as it likes)" in page
    assert "((" not in page and "))" not in page
