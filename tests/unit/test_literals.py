"""Spec text cannot break out of the literals it is rendered into."""

from __future__ import annotations

import ast
import json

import jinja2
import pytest

from codegen.literals import json_text, yaml_scalar
from codegen.targets.python.layout import python_docstring, python_literal

HOSTILE = [
    'ends with a quote"',
    'has """ triple quotes and \\ backslashes \\',
    "newline\n\nparagraph and \\N{BULLET} escapes",
    "'''single triples''' and \"\"\"\"quads",
    "unicode: été ✓ \u2028 line separator",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_round_trips_through_python(text: str) -> None:
    module = f"def f():\n    {python_docstring(text, indent=4)}\n"
    parsed = ast.parse(module)
    function = parsed.body[0]
    assert isinstance(function, ast.FunctionDef)
    doc = ast.get_docstring(function, clean=False) or ""
    assert " ".join(doc.split()) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_python_literal_evaluates_to_the_text(text: str) -> None:
    assert ast.literal_eval(python_literal(text)) == text
    assert ast.literal_eval(python_literal((text, 1, None, True))) == (
        text,
        1,
        None,
        True,
    )


def test_python_literal_refuses_unknown_types() -> None:
    with pytest.raises(TypeError):
        python_literal(object())


@pytest.mark.parametrize("depth", [None, 0, 1, 3])
def test_json_layout_is_valid_json_at_every_depth(depth: int | None) -> None:
    value = {"a": [1, {"b": HOSTILE}], "c": {}, "d": [], "e": {"f": {"g": "h"}}}
    assert json.loads(json_text(value, 2, depth)) == value


@pytest.mark.parametrize(
    "source",
    [
        "{{ [event.methd] | yaml }}",
        "{{ event.methd | yaml(true) }}",
        "{{ event.methd | py }}",
    ],
)
def test_a_misspelt_name_in_a_filter_is_named_by_jinja(source: str) -> None:
    """A contributor trial got "TypeError: no YAML scalar for StrictUndefined"."""
    from codegen.render import make_environment

    env = make_environment({"yaml": yaml_scalar, "py": python_literal})
    with pytest.raises(jinja2.UndefinedError, match="has no attribute 'methd'"):
        env.from_string(source).render(event=object())


def test_a_rendered_file_black_cannot_parse_is_named() -> None:
    """A contributor trial: a stray ')' in a template ended in black's
    'cannot parse ... 53:33', naming neither the file nor the template."""
    from codegen.formatting import format_outputs

    with pytest.raises(ValueError, match=r"the rendered normandy_telemetry/uptake\.py"):
        format_outputs({"normandy_telemetry/uptake.py": "X: int = 'success')\n"})


@pytest.mark.parametrize("ending", ["", "\n", "\n\n", "\n\n\n"])
def test_every_formatted_file_ends_with_exactly_one_newline(ending: str) -> None:
    from codegen.formatting import format_outputs

    text = "a page\n\nwith paragraphs" + ending
    assert format_outputs({"docs/page.rst": text})["docs/page.rst"] == (
        "a page\n\nwith paragraphs\n"
    )


def test_a_file_that_ends_well_is_not_copied() -> None:
    """A 38 MB page (5,000 events) was copied twice to end it with a newline."""
    from codegen.formatting import format_outputs

    text = "".join(["line ", "’", "\n"]) * 1000
    assert format_outputs({"docs/page.rst": text})["docs/page.rst"] is text
