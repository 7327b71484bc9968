"""Format generated Python with black, pinned and called in-process, where
black still has something to decide.

Every template lays its module out in black's style; black runs only on a
module with a line longer than black allows (``needs_black``), which a name
long enough to need splitting makes. A real spec's modules never have one, so
a run never imports black (a fifth of a second) or parses its output with it
(as long again); the tests prove the output is black's either way. The mode
is explicit so that no ``pyproject.toml`` or black version found on the
machine can change the output.
"""

from __future__ import annotations

import ast
import unicodedata
from collections.abc import Collection
from functools import cache
from typing import Any

LINE_LENGTH = 88
"""Black's line length, for the code black formats and the code laid out in its style."""


def fits(line: str) -> bool:
    """Whether black leaves ``line`` on one line: at most ``LINE_LENGTH``
    columns, counted as black counts them (a wide character twice, a
    combining one not at all)."""
    if line.isascii() or all(map(one_column, line)):
        return len(line) <= LINE_LENGTH
    from black.strings import str_width  # rare: imported when first needed

    return bool(str_width(line) <= LINE_LENGTH)


@cache
def one_column(char: str) -> bool:
    """Whether black surely counts ``char`` as one column, without asking it
    (importing black takes a fifth of a second): the scripts and punctuation
    before U+1100 and the General Punctuation block (curly quotes, dashes),
    unless combining, a control or an invisible format character. Anything
    else is measured by black itself; a test holds the two to agree."""
    code = ord(char)
    if code < 0x1100 or 0x2010 <= code <= 0x2027 or 0x2030 <= code <= 0x205E:
        return unicodedata.category(char) not in ("Mn", "Me", "Cf", "Cc")
    return False


def needs_black(text: str) -> bool:
    """Whether a module laid out in black's style has a line longer than black
    allows: only there does black still have something to decide."""
    return not all(fits(line) for line in text.splitlines())


@cache
def black_mode() -> Any:
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


def format_outputs(files: dict[str, str], skip: Collection[str] = ()) -> dict[str, str]:
    """Return ``files`` with every ``.py`` file not in ``skip`` checked for
    valid Python, and run through black where it ``needs_black``.

    Every file ends with exactly one newline.
    """
    formatted: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py") and path not in skip:
            text = black_format(path, text) if needs_black(text) else parsed(path, text)
        if not text.endswith("\n") or text.endswith("\n\n"):
            # Most files end as they should: a large page is not copied twice.
            text = text.rstrip("\n") + "\n"
        formatted[path] = text
    return formatted


def black_format(path: str, text: str) -> str:
    import black
    import black.parsing

    try:
        return str(black.format_str(text, mode=black_mode()))
    except black.parsing.InvalidInput as exc:
        raise _invalid(path, exc) from exc


def parsed(path: str, text: str) -> str:
    """``text``, once Python has parsed it: a template's slip is named here,
    as black would have named it, not when the package is first imported."""
    try:
        compile(text, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        raise _invalid(path, f"line {exc.lineno}: {exc.msg}") from exc
    return text


def _invalid(path: str, reason: object) -> ValueError:
    # A template (or the code that lays it out) wrote invalid Python.
    return ValueError(
        f"the rendered {path} is not valid Python ({reason}); its"
        " template or target module under templates/ or codegen/targets/"
        " wrote it"
    )
