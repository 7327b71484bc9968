"""The package's modules are written in black's style by their templates, and
black runs only on a module with a line too long for that (``needs_black``).

The fast path (no black at all) is what a real spec takes: these tests fail if
any module of the real, minimal or stress spec falls back to black, or if what
a template wrote differs from what black would make of it. The layout helpers
are held to black itself across the lengths where its layout changes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import black
import pytest
from black.strings import str_width
from strategies import STRESS_SPEC
from support import ROOT, SPEC, Patch, patched, write_spec

from codegen.formatting import black_mode, format_outputs, needs_black, one_column
from codegen.pipeline import load_spec
from codegen.render import render_output, unformatted_paths
from codegen.targets import enabled_outputs
from codegen.targets.python.layout import assigned_to, call

MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


def black_formatted(text: str) -> str:
    return str(black.format_str(text, mode=black_mode()))


def laid_out_modules(spec_path: Path) -> dict[str, str]:
    """The Python modules a template lays out for black to check, as rendered."""
    spec = load_spec(spec_path)
    files: dict[str, str] = {}
    for output in enabled_outputs(spec):
        rendered = render_output(spec, output)
        exact = unformatted_paths(spec, (output,))
        files.update(
            (path, text)
            for path, text in rendered.items()
            if path.endswith(".py") and path not in exact
        )
    return files


@pytest.mark.parametrize(
    "spec_path", [SPEC, MINIMAL, STRESS_SPEC], ids=lambda p: p.stem
)
def test_no_module_of_a_real_spec_needs_black_and_each_is_blacks_own(
    spec_path: Path,
) -> None:
    modules = laid_out_modules(spec_path)
    assert sorted(modules) == [
        "normandy_telemetry/__init__.py",
        "normandy_telemetry/catalog.py",
        "normandy_telemetry/uptake.py",
        "normandy_telemetry/validate_scalars.py",
    ]
    for path, text in modules.items():
        assert not needs_black(text), f"{path} falls back to black"
        assert black_formatted(text) == text, f"{path} is not in black's style"


def test_a_line_too_long_for_the_layout_goes_through_black(tmp_path: Path) -> None:
    """A key pattern too long for any line: black decides, and its layout is kept."""
    pattern = "^(?:" + "|".join(f"[0-9]{{{n}}}" for n in range(1, 16)) + ")$"
    text = patched(
        MINIMAL.read_text("utf-8"),
        Patch(
            "    key:\n      name: recipe id\n      description: The numeric ID of the recipe.\n      pattern: '^[0-9]+$'",
            f"    key:\n      name: recipe id\n      description: The numeric ID of the recipe.\n      pattern: '{pattern}'",
        ),
    )
    modules = laid_out_modules(write_spec(tmp_path, "normandy.yaml", text))
    path = "normandy_telemetry/validate_scalars.py"
    raw = modules[path]
    assert needs_black(raw)
    formatted = format_outputs({path: raw})[path]
    assert formatted != raw
    assert formatted == black_formatted(raw)
    assert not any(needs_black(t) for p, t in modules.items() if p != path)


def test_a_template_slip_is_named_when_black_does_not_run() -> None:
    with pytest.raises(
        ValueError,
        match=r"rendered normandy_telemetry/catalog\.py is not valid Python \(line 2",
    ):
        format_outputs({"normandy_telemetry/catalog.py": "X = 1\nY = (2\n"})


def test_a_run_on_the_real_spec_never_imports_black(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from codegen.cli import main\n"
        f"assert main(['generate', '--out', {str(tmp_path / 'out')!r}]) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'black')\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def checked_by_black(module: str) -> bool:
    """What a helper lays out is black's layout, unless a line is too long for
    any layout it knows, which leaves the module to black (``needs_black``).
    Whether black was asked."""
    if needs_black(module):
        return False
    assert black_formatted(module) == module, module
    return True


def test_an_assignment_is_laid_out_as_black_lays_it_out() -> None:
    checked = set()
    for length in range(60, 100):
        values: list[object] = [
            "s" * length,
            "é’" * (length // 2),
            ("v" * length, "CONSTANT"),
            ("value", "C" * (length // 2), "firefox"),
            ("one" * (length // 3),),
        ]
        for indent in (0, 4):
            for target in ("X: Final", "RECIPE_SIGNATURE_INVALID"):
                for value in values:
                    line = assigned_to(value, target, indent)
                    pad = " " * indent
                    module = f"class K:\n{pad}{line}\n" if indent else f"{line}\n"
                    if checked_by_black(module):
                        checked.add((type(value), line.count("\n")))
    # One line, a value in brackets, a tuple one item a line: all held to black.
    assert {
        (str, 0),
        (str, 2),
        (tuple, 0),
        (tuple, 2),
        (tuple, 3),
        (tuple, 4),
    } <= checked


def test_a_call_is_laid_out_as_black_lays_it_out() -> None:
    checked = set()
    for length in range(4, 50):
        arguments = ["_" + "K" * length, "_" + "K" * length + "_TEXT", "key", "value"]
        for head in ("errors = keyed_uint_errors(", "return not keyed_uint_errors("):
            statement = call(head, arguments, 4)
            if checked_by_black(f"def f():\n    {statement}\n"):
                checked.add(statement.count("\n"))
        argument = '"' + "k" * (length * 2) + '"'
        statement = call("key_pattern=re.compile(", [argument], 8, ",")
        module = f'S = {{\n    "a": U(\n        {statement}\n    ),\n}}\n'
        if checked_by_black(module):
            checked.add(statement.count("\n"))
    # One line, the arguments on a line of their own, one argument a line.
    assert {0, 2, 5} <= checked


def test_a_character_counted_as_one_column_is_one_column_for_black() -> None:
    chars = [chr(c) for c in range(0x2100) if one_column(chr(c))]
    assert len(chars) > 3000  # Latin, Greek, Cyrillic, curly quotes, dashes, ...
    assert all(str_width(c) == 1 for c in chars)
    assert not one_column("\u0301")  # combining: black counts it as none
    assert not one_column("\u4e2d")  # wide: black counts it as two
