"""Python source laid out exactly as black lays it out, without running black.

The generated modules whose size grows with the spec (builders, fast checks)
are written in black's style directly: black parses about 6,000 lines a
second, so a 5,000-event spec would spend most of a minute in it. Every
literal and every line whose layout depends on its length is made here; the
tests run ``black --check`` on the output to prove the layout is black's.
Literals are made with ``repr`` and escaped in Python, never by pasting spec
text between quotes, so no spec text can end a string or a docstring early.
"""

from __future__ import annotations

import re
import textwrap
from functools import cache
from typing import Any

from codegen.formatting import LINE_LENGTH
from codegen.literals import no_literal


def python_literal(value: Any) -> str:
    """A Python expression equal to ``value`` (str, int, bool, None, tuples, lists)."""
    if isinstance(value, (list, tuple)):
        inner = ", ".join(python_literal(v) for v in value)
        if isinstance(value, tuple):
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"[{inner}]"
    if value is None or isinstance(value, (str, int, bool)):
        return repr(value)
    no_literal(value, "Python literal")


def python_docstring(text: str, indent: int = 0, width: int = 79) -> str:
    """A triple-quoted docstring, wrapped, that black leaves as it is.

    Backslashes and quote runs are escaped so the text cannot end the string
    early; paragraphs (blank-line separated) are kept.
    """
    pad = " " * indent
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    wrapped = [
        textwrap.fill(
            _doc_text(p),
            width=max(width - indent, 40),
            break_long_words=False,
            break_on_hyphens=False,
        )
        for p in paragraphs
    ] or [""]
    body = "\n\n".join(wrapped)
    lines = body.split("\n")
    if (
        len(lines) == 1
        and len(lines[0]) + indent + 6 <= LINE_LENGTH
        and not lines[0].endswith('"')
    ):
        return f'"""{lines[0]}"""'
    rest = "\n".join((pad + line) if line else "" for line in lines[1:])
    return f'"""{lines[0]}\n{rest}\n{pad}"""'


_PLAIN = re.compile(r"[^\\'\"\x00-\x1f\x7f-\xa0\xad\u2028\u2029]*")


def py_string(text: str) -> str:
    """A string literal exactly as black writes it."""
    if _PLAIN.fullmatch(text) and text.isprintable():
        return '"' + text + '"'  # what repr() and black agree on, without asking black
    from black.strings import (
        normalize_string_quotes,
    )  # rare: imported when first needed

    return normalize_string_quotes(repr(text))


def fits(line: str) -> bool:
    if line.isascii():
        return len(line) <= LINE_LENGTH
    from black.strings import str_width  # rare: imported when first needed

    return bool(str_width(line) <= LINE_LENGTH)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _doc_text(text: str) -> str:
    """Prose made safe for a docstring black leaves alone: whitespace collapsed,
    backslashes, quote runs and control characters escaped."""
    text = " ".join(text.split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@cache
def _wrapper(width: int) -> re.Pattern[str]:
    return re.compile(rf"(.{{1,{width}}})(?: |$)|(\S+)(?: |$)")


@cache
def fill(text: str, first: str, rest: str, width: int = 79) -> tuple[str, ...]:
    """Word-wrap ``text`` after the indentation ``first``, continuing after ``rest``.

    Every line gets the width the longer indentation leaves (black never
    rewraps a docstring, so lines need only be short, not as full as they could
    be); one regular expression does the work, which ``textwrap`` takes ten
    times longer to do. Descriptions repeat across events, hence the cache."""
    pattern = _wrapper(width - max(len(first), len(rest)))
    chunks = [a or b for a, b in pattern.findall(_doc_text(text))]
    if not chunks:
        return (first.rstrip(),)
    return (first + chunks[0], *(rest + chunk for chunk in chunks[1:]))
