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

from codegen.formatting import LINE_LENGTH, fits
from codegen.literals import no_literal


def python_literal(value: Any) -> str:
    """A Python expression equal to ``value`` (str, int, bool, None, tuples,
    lists), written as black writes it: strings in black's quotes, a tuple of
    one with its comma and no other trailing comma (black would read one as
    a request to put every item on a line of its own)."""
    if isinstance(value, (list, tuple)):
        inner = ", ".join(python_literal(v) for v in value)
        if isinstance(value, tuple):
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"[{inner}]"
    if isinstance(value, str):
        return py_string(value)
    if value is None or isinstance(value, (int, bool)):
        return repr(value)
    no_literal(value, "Python literal")


def python_tuple(items: Any) -> str:
    """``python_literal`` of the items as a tuple (a Jinja list, a generator)."""
    return python_literal(tuple(items))


def assigned_to(value: Any, target: str, indent: int = 0) -> str:
    """``target = value`` as black lays it out, ``indent`` where the template
    puts it; a tuple of several is written bare (``A = "a", "b"``). On one line when it
    fits; else a tuple one item a line, each with a comma, and any other value
    alone on the next line, inside brackets (black's right-hand split). A
    value too long even for that stays on one line, which
    ``formatting.needs_black`` sees, so black decides."""
    pad = " " * indent
    if isinstance(value, tuple) and value:
        bare = ", ".join(python_literal(item) for item in value)
        line = f"{target} = {bare if len(value) > 1 else python_literal(value)}"
        if fits(pad + line):
            return line
        items = "".join(f"{pad}    {python_literal(item)},\n" for item in value)
        return f"{target} = (\n{items}{pad})"
    literal = python_literal(value)
    line = f"{target} = {literal}"
    if fits(pad + line) or not fits(f"{pad}    {literal}"):
        return line
    return f"{target} = (\n{pad}    {literal}\n{pad})"


def call(head: str, arguments: Any, indent: int = 0, tail: str = "") -> str:
    """A statement that ends with a call, laid out as black lays it out:
    ``head`` is the statement up to and including the call's opening bracket
    (``errors = check(``), ``arguments`` simple expressions with no brackets
    of their own, ``indent`` where the template puts the statement, ``tail``
    what follows the closing bracket (a comma). On one line if it fits; else
    the arguments together on the next line; else one argument a line, each
    with a comma."""
    arguments = list(arguments)
    pad = " " * indent
    joined = ", ".join(arguments)
    if fits(f"{pad}{head}{joined}){tail}"):
        return f"{head}{joined}){tail}"
    if fits(f"{pad}    {joined}"):
        return f"{head}\n{pad}    {joined}\n{pad}){tail}"
    items = "".join(f"{pad}    {argument},\n" for argument in arguments)
    return f"{head}\n{items}{pad}){tail}"


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
