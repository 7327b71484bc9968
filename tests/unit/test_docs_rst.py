"""The RST escaper (codegen/targets/docs/rst.py), checked against docutils itself.

Whatever the spec text, the reStructuredText the escaper makes parses to
paragraphs, text and inline literals only, and shows every character of the
text; labels are unique and valid.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from docutils.nodes import fully_normalize_name
from docutils.utils import column_width as docutils_column_width
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from support import ROOT, SPEC

from codegen.pipeline import load_spec
from codegen.targets.docs import items, rst

HOSTILE = ROOT / "tests" / "fixtures" / "docs_injection" / "normandy.yaml"

# Characters that mean something to reStructuredText or to HTML, and letters.
MARKUP = st.text(
    alphabet=st.sampled_from(list("ab Z1_-*`|\\:.[]<>#@!=+~^()'\"/\n\t\u2028é漢")),
    max_size=40,
)
ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"),
    max_size=40,
)
TEXT = MARKUP | ANY_TEXT
ALLOWED_NODES = {nodes.document, nodes.paragraph, nodes.literal, nodes.Text}


def parse(source: str) -> nodes.document:
    settings_overrides = {
        "report_level": 5,
        "halt_level": 5,
        "warning_stream": io.StringIO(),
        "raw_enabled": False,
        "file_insertion_enabled": False,
    }
    return publish_doctree(source, settings_overrides=settings_overrides)


def strict_parse(source: str, **settings: object) -> nodes.document:
    """Parse ``source``, failing on any warning or error docutils reports."""
    settings_overrides = {
        "report_level": 2,
        "halt_level": 2,
        "warning_stream": io.StringIO(),
        "raw_enabled": False,
        "file_insertion_enabled": False,
        **settings,
    }
    return publish_doctree(source, settings_overrides=settings_overrides)


def node_types(tree: nodes.document) -> set[type]:
    return {type(node) for node in tree.findall()}


def squeezed(text: str) -> str:
    """Text without whitespace and backticks: what every rendering must keep, in order."""
    return "".join(text.replace("`", "").split())


@given(TEXT)
@example(".. raw:: html\n\n   <script>alert(1)</script>")
@example("- item")
@example("1. item")
@example("\\\\\\\\")
@example("word::")
@example("Title\u2028=====")
@example("javascript:alert(1) a@b.c name_ [1]_ |sub| *em* :ref:`x`")
@example("`code` and ``more code`` and `unclosed")
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_text_parses_to_paragraphs_of_text_and_literals_only(value: str) -> None:
    tree = parse(rst.text(value))
    assert node_types(tree) <= ALLOWED_NODES, rst.text(value)
    if value.strip():
        assert squeezed(tree.astext()) == squeezed(value)


@given(TEXT.filter(lambda text: "`" not in text and text.strip()))
@settings(max_examples=100, deadline=None)
def test_text_without_backticks_shows_exactly_as_written(value: str) -> None:
    tree = parse(rst.text(value))
    shown = [" ".join(p.astext().split()) for p in tree.findall(nodes.paragraph)]
    expected = [
        " ".join(p.split()) for p in re.split(r"\n[ \t\r]*\n", value) if p.split()
    ]
    assert shown == expected


@pytest.mark.parametrize(
    ("value", "shown", "code"),
    [
        (
            "The name (`recipe.arguments.slug`).",
            "The name (recipe.arguments.slug).",
            ["recipe.arguments.slug"],
        ),
        ("a`b`c", "abc", ["b"]),
        ("``a`b`` and `x`", "a`b and x", ["a`b", "x"]),
        ("`unclosed and ``also", "`unclosed and ``also", []),
        (":doc:`x`", ":doc:x", ["x"]),
    ],
)
def test_code_spans_become_inline_literals(
    value: str, shown: str, code: list[str]
) -> None:
    tree = parse(rst.text(value))
    assert tree.astext() == shown
    assert [node.astext() for node in tree.findall(nodes.literal)] == code


def test_paragraphs_are_kept_and_indented() -> None:
    made = rst.text("one\n\n  two\nlines\n\n\n- three", indent=3)
    assert made == "one\n\n   two lines\n\n   \\ - three"


def test_empty_text_still_makes_a_paragraph() -> None:
    assert parse(rst.text("  \n ")).astext() == "(none)"


@given(TEXT.filter(lambda text: text.strip()))
@settings(max_examples=100, deadline=None)
def test_literal_shows_the_value(value: str) -> None:
    tree = parse(rst.literal(value))
    assert node_types(tree) <= ALLOWED_NODES
    literals = [node.astext() for node in tree.findall(nodes.literal)]
    if literals:  # code, character for character
        assert literals == [value] and tree.astext() == value
    else:  # text between quotes, every character kept
        assert squeezed(tree.astext()) == squeezed(f'"{value}"')


@pytest.mark.parametrize(
    "value",
    [
        "RECIPE_SUCCESS",
        "normandy/recipe/<recipe id>",
        "x`y",
        "a\\",
        "x``y",
        "`x",
        "invalid type",
    ],
)
def test_literal_is_code_when_it_can_be(value: str) -> None:
    tree = parse(rst.literal(value))
    literals = [node.astext() for node in tree.findall(nodes.literal)]
    if value in ("a\\", "x``y", "`x"):
        assert literals == [] and tree.astext() == f'"{value}"'
    else:
        assert literals == [value]


@given(TEXT.filter(lambda text: text.strip()), st.sampled_from("=-~^"), st.booleans())
@settings(max_examples=100, deadline=None)
def test_title_is_one_section_title(value: str, underline: str, code: bool) -> None:
    tree = parse(rst.title(value, underline, code=code) + "\n\nBody.\n")
    titles = list(tree.findall(nodes.title))
    assert len(titles) == 1, rst.title(value, underline, code=code)
    shown = titles[0].astext()
    if not code:
        assert squeezed(shown) == squeezed(value)
    elif list(titles[0].findall(nodes.literal)):
        assert shown == value
    else:
        assert squeezed(shown) == squeezed(f'"{value}"')
    assert node_types(tree) <= ALLOWED_NODES | {nodes.title, nodes.section}


def test_title_refuses_a_letter_as_underline() -> None:
    with pytest.raises(ValueError):
        rst.title("x", "a")


def test_header_is_a_comment() -> None:
    tree = parse(rst.header("Generated from spec/normandy.yaml.\nDo not edit.") + "\n")
    assert node_types(tree) <= {nodes.document, nodes.comment, nodes.Text}


def _labels(spec_path: Path) -> list[str]:
    spec = load_spec(spec_path)
    labels = [rst.label(source) for source in spec.uptake.sources]
    labels += [rst.label(status) for _, status in spec.uptake.statuses]
    labels += [rst.label(scalar) for scalar in spec.scalars]
    for obj in spec.events.objects:
        labels.append(rst.label(obj))
        for event in obj.events:
            labels.append(rst.label(event))
            for key in event.extra:
                labels.append(rst.label((event, key)))
                labels += [rst.label((event, key, allowed)) for allowed in key.allowed]
    return labels


@pytest.mark.parametrize("spec_path", [SPEC, HOSTILE], ids=["spec", "hostile"])
def test_labels_are_unique_and_valid(spec_path: Path) -> None:
    labels = _labels(spec_path)
    assert len(labels) == len(set(labels))
    for label in labels:
        assert re.fullmatch(r"[a-z0-9][a-z0-9._~ -]*", label), label
        assert label == label.lower() and "  " not in label


def test_label_anchors_of_the_spec_are_distinct_and_readable() -> None:
    anchors = [nodes.make_id(label) for label in _labels(SPEC)]
    assert len(anchors) == len(set(anchors))
    assert "status-recipe-signature-invalid" in anchors
    assert "event-preference-study-enroll-failed" in anchors
    assert "value-preference-rollout-enroll-failed-reason-invalid-type" in anchors


@given(st.text(max_size=20), st.text(max_size=20))
def test_label_parts_of_different_values_differ(first: str, second: str) -> None:
    assume(first != second)
    assert rst.label_part(first) != rst.label_part(second)


def test_label_part_keeps_plain_values_and_encodes_others() -> None:
    assert rst.label_part("recipe-not-seen") == "recipe-not-seen"
    assert rst.label_part("invalid type") == "invalid type"
    assert rst.label_part("Invalid Type") == "~invalid~~20.~type"
    assert rst.label_part("atEnroll") == "at~enroll"
    assert (
        rst.label_part("<script>alert(1)</script>")
        == "~~3c.script~~3e.alert~~28.1~~29.~~3c.~~2f.script~~3e."
    )


# -- issue 14: labels unique by construction, widths as docutils measures them,
# -- long text wrapped ---------------------------------------------------------


@given(st.text(max_size=12), st.text(max_size=12))
@example("unknown", "unknown ")  # a duplicate target: the trailing space was kept
@example("Unknown", "unknown")
@example("a b", "a  b")
@example("a-b", "a~b")
@settings(max_examples=500, deadline=None)
def test_labels_of_different_values_differ_as_docutils_stores_them(
    first: str, second: str
) -> None:
    """Two values never share a label: not after docutils lower-cases labels and
    collapses their spaces either (it did: ``unknown`` and ``unknown ``), and not
    by a hash collision (two values shared one in 108,000 tries)."""
    assume(first != second)
    a, b = rst.label_part(first), rst.label_part(second)
    assert fully_normalize_name(a) != fully_normalize_name(b)
    assert fully_normalize_name(a) == a and re.fullmatch(r"[a-z0-9._~ -]*", a)


@given(st.text(max_size=30))
@example("\u30ab\u3099\u30ad\u3099")  # NFD kana: wide combining voiced marks
@example("e\u0301\u0301")
@example("漢字")
@settings(max_examples=500, deadline=None)
def test_column_width_is_docutils_own(value: str) -> None:
    assert rst.column_width(value) == docutils_column_width(value)


@pytest.mark.parametrize(
    "value",
    [
        unicodedata.normalize("NFD", "ガギグゲゴ ダヂヅデド バビブベボ"),
        "\u3099" * 12,
        "漢字 and e\u0301",
    ],
)
def test_a_title_with_wide_combining_marks_is_a_title_without_warnings(
    value: str,
) -> None:
    """``sphinx -W`` stopped at 'Title underline too short': the width counted
    the voiced sound marks of decomposed kana as nothing."""
    source = rst.title(value, "=") + "\n\nBody.\n"
    tree = strict_parse(source)
    assert [t.astext() for t in tree.findall(nodes.title)] == [value]


WORDS = st.lists(
    st.text(
        alphabet=st.sampled_from(list("ab Z1_-*`|\\:.=~#漢\u3099")),
        min_size=1,
        max_size=12,
    ),
    min_size=1,
    max_size=60,
).map(" ".join)


@given(WORDS, st.integers(min_value=8, max_value=60), st.sampled_from([0, 3, 7]))
@example("=" * 50, 8, 0)
@example("x " + "=" * 30, 8, 0)
@example("a" * 30 + "\\" * 30, 8, 3)
@example(":ref:`a b <c>` " * 10, 12, 0)
@example("11111\\ 1_11", 13, 0)  # `1_` before a joined break read as a reference
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_wrapped_text_is_the_same_paragraph(
    value: str, width: int, indent: int
) -> None:
    """Wrapped at any width, a paragraph stays one paragraph showing the same
    text, with no warning (a continuation line never reads as an underline)."""
    made = rst.wrap(rst.text(value), indent, width)
    lines = made.split("\n")
    assert all(line.startswith(" " * indent) for line in lines[1:])
    source = "\n".join([lines[0], *(line[indent:] for line in lines[1:])]) + "\n"
    tree = strict_parse(source)
    assert node_types(tree) <= ALLOWED_NODES, made
    assert len(list(tree.findall(nodes.paragraph))) <= 1
    assert squeezed(tree.astext()) == squeezed(parse(rst.text(value)).astext())


def test_a_paragraph_over_ten_thousand_characters_is_wrapped() -> None:
    """docutils refuses a line over 10,000 characters and Sphinx dropped the
    whole page; every line is now at most WRAP_AT, however the text runs."""
    for value in (
        "word " * 5_000,
        "x" * 25_000,
        "=" * 25_000,
        "`" + "code " * 3_000 + "`",
        ("- " * 4_000) + "end",
    ):
        made = rst.text(value)
        assert max(len(line) for line in made.split("\n")) <= rst.WRAP_AT
        tree = strict_parse(made + "\n", line_length_limit=10_000)
        assert len(list(tree.findall(nodes.paragraph))) == 1
        assert squeezed(tree.astext()) == squeezed(value)


def test_pages_of_a_large_spec_have_no_line_docutils_refuses() -> None:
    """Lists joined on one line (the keys carrying enrollment IDs, an event's
    keys, a key's examples) grow with the spec: 484,000 characters for 5,000
    events, which dropped the enrollment page."""
    from benchmarks.synthetic import synthetic_spec
    from codegen.pipeline import load_spec_bytes
    from codegen.render import render_output
    from codegen.targets.docs import OUTPUT

    spec = load_spec_bytes(synthetic_spec(400).encode("utf-8"), "large.yaml")
    for path, page in render_output(spec, OUTPUT).items():
        longest = max(len(line) for line in page.splitlines())
        assert longest <= rst.WRAP_AT + 100, (path, longest)


def test_index_leaves_out_terms_sphinx_would_read_as_syntax() -> None:
    made = rst.index_target(
        "value-x",
        [
            ("ok", "sub"),
            ("semi;colon", ""),
            ("!bang", ""),
            ("fine", "bad;sub"),
            ("a  b", ""),
        ],
    )
    assert made == ".. index:: !single: ok; sub\n   !single: a b\n   :name: value-x"
    assert rst.index_target("value-y", [("semi;colon", "")]) == ".. _value-y:"
    with pytest.raises(ValueError):
        rst.index_target("Not A Label:", [])


def test_ref_escapes_its_title() -> None:
    assert rst.ref("status-x", "a <b> `c`") == r":ref:`a \<b\> \`c\` <status-x>`"
    assert rst.ref("status-x", " ") == ":ref:`status-x <status-x>`"


def test_pyref_links_python_names_only() -> None:
    assert (
        rst.pyref("normandy_telemetry.uptake.RECIPE_SUCCESS")
        == ":py:data:`~normandy_telemetry.uptake.RECIPE_SUCCESS`"
    )
    assert rst.pyref("a.b.c", "attr", 2) == ":py:attr:`b.c <a.b.c>`"
    assert rst.pyref("a.b", "func", 2) == ":py:func:`a.b() <a.b>`"
    assert rst.pyref("not a name") == "``not a name``"
    with pytest.raises(ValueError):
        rst.pyref("a", "doc")


@pytest.mark.parametrize("spec_path", [SPEC, HOSTILE], ids=["spec", "hostile"])
def test_labelled_corrections_are_the_models_corrections(spec_path: Path) -> None:
    spec = load_spec(spec_path)
    assert [c for _, c in items.labelled_corrections(spec)] == list(spec.corrections())
    labels = set(_labels(spec_path)) | {"enrollment-ids"}
    assert {label for label, _ in items.labelled_corrections(spec)} <= labels


def test_a_source_correction_is_labelled_with_its_source() -> None:
    import dataclasses

    from support import SPEC

    from codegen.pipeline import load_spec

    spec = load_spec(SPEC)
    runner = dataclasses.replace(spec.uptake.sources[0], correction="Clarified.")
    uptake = dataclasses.replace(
        spec.uptake, sources=(runner, *spec.uptake.sources[1:])
    )
    changed = dataclasses.replace(spec, uptake=uptake)
    labelled = list(items.labelled_corrections(changed))
    assert labelled[0][0] == f"uptake-{runner.name}"
    assert (
        len(labelled)
        == len(list(changed.corrections()))
        == len(list(spec.corrections())) + 1
    )
    assert [c.subject for _, c in labelled] == [
        c.subject for c in changed.corrections()
    ]


def _section(page: str, label: str) -> str:
    """The text of ``page`` from the directive that declares ``label`` to the
    next item's directive (``.. telemetry:KIND:: LABEL``)."""
    text = (ROOT / "generated" / "docs" / page).read_text("utf-8")
    start = re.search(rf"^\.\. telemetry:\w+:: {re.escape(label)}$", text, re.M)
    assert start is not None, label
    end = re.compile(r"^\.\. telemetry:\w+:: ", re.M).search(text, start.end())
    return text[start.start() : end.start() if end else None]


def test_corrections_are_headed_by_what_they_correct() -> None:
    update = _section("enrollment.rst", "event-nimbus_experiment-update")
    assert ".. admonition:: Correction of Firefox's hand-kept definitions" in update
    assert "Correction of the data-collection document" not in update
    signature = _section("uptake.rst", "status-recipe_signature_invalid")
    assert ".. admonition:: Correction of the data-collection document" in signature
    listed = (ROOT / "generated" / "docs" / "corrections.rst").read_text("utf-8")
    assert listed.count("a correction of Firefox's hand-kept definitions") == 5


def test_an_object_s_correction_is_pointed_to_from_each_of_its_events() -> None:
    """A docs-reader trial: add-on study events said their value is the study's
    name, and only the object's heading said Firefox sends the slug."""
    for event in ("enroll", "enroll_failed", "update", "update_failed", "unenroll"):
        section = _section("enrollment.rst", f"event-addon_study-{event}")
        heading = ".. admonition:: Correction of the data-collection document, for every event of"
        assert heading in section and "Add-on Studies" in section, event
        assert (
            "The data-collection document says the value of every add-on study event"
            " is the study's name" in section
        ), event


def test_the_uptake_pages_say_which_statuses_and_values_firefox_does_not_send_as_documented() -> (
    None
):
    """A docs-reader trial: the Uptake page's source list mixed the document's
    statuses with Firefox-only ones, and the Glean page listed signature_error
    as a value without saying Firefox never sends it."""
    uptake = (ROOT / "generated" / "docs" / "uptake.rst").read_text("utf-8")
    assert (
        ":ref:`RUNNER_NETWORK_ERROR <status-runner_network_error>` (only in Firefox)"
        in uptake
    )
    assert "`RUNNER_SUCCESS <status-runner_success>` (only in Firefox)" not in uptake
    glean = (ROOT / "generated" / "docs" / "uptake-glean.rst").read_text("utf-8")
    assert (
        "* ``signature_error``: :ref:`RECIPE_SIGNATURE_INVALID"
        " <status-recipe_signature_invalid>` (the data-collection document's value;"
        " Firefox sends ``sign_error``)" in glean
    )


def test_a_text_that_leads_into_its_values_is_followed_by_them() -> None:
    """A trial: the document's "Possible values are:" and "one of the following
    statuses is reported under the key ...:" were followed by field lists and
    correction boxes, the values only further down."""
    enrollment = (ROOT / "generated" / "docs" / "enrollment.rst").read_text("utf-8")
    leads = re.findall(r"Possible values are\\:\n\n(.*)\n", enrollment)
    assert len(leads) >= 6
    assert all(line.startswith(".. telemetry:value:: ") for line in leads), leads
    # and the field list after the values points up at them (a review found
    # ":Values: one of the 5 values below" with none below)
    start = enrollment.index(
        ".. telemetry:extra:: extra-preference_study-enroll_failed-reason\n"
    )
    end = enrollment.index(".. telemetry:extra::", start + 1)
    key = enrollment[start:end]  # the key, its values, then its fields
    assert key.index(".. telemetry:value::") < key.index(":Values:")
    assert ":Values: one of the 5 values above" in key
    assert "values below" not in key
    uptake = (ROOT / "generated" / "docs" / "uptake.rst").read_text("utf-8")
    statuses = re.findall(r"is reported under the key [^\n]*\\:\n\n(.*)\n", uptake)
    assert len(statuses) == 3
    assert all(line.startswith("* :ref:`") for line in statuses), statuses
    glean = (ROOT / "generated" / "docs" / "uptake-glean.rst").read_text("utf-8")
    assert "shared by every" not in glean  # the event is Normandy's own


def test_a_value_several_statuses_report_is_named_on_its_source() -> None:
    """A phone reader's trial: the Uptake page never said that a count of
    ``backoff`` cannot tell a filter that did not match from missing
    capabilities. Each source's facts now name every such value with its
    statuses, and no source without one gets the row."""
    spec = load_spec(SPEC)
    seen = 0
    for source in spec.uptake.sources:
        facts = items.source_facts(source, spec)
        by_value: dict[str, list[str]] = {}
        for status in source.statuses:
            by_value.setdefault(status.value, []).append(status.constant)
        shared = {v: c for v, c in by_value.items() if len(c) > 1}
        if not shared:
            assert "Shared values" not in facts
            continue
        row = next(line for line in facts.splitlines() if "Shared values" in line)
        for value, constants in shared.items():
            seen += 1
            clause = row.split(f"``{value}`` for both ", 1)[1].split(";")[0]
            assert re.findall(r":ref:`(\w+) <", clause) == constants
    assert seen == 2  # recipe: backoff and content_error
