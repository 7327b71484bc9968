"""Literals for each output language, made in Python and never pasted by hand.

Templates receive spec text only through these filters, so a description can
hold quotes, backslashes, ``\"\"\"`` or markup without breaking out of the
string it lands in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, NoReturn

import jinja2

from codegen.problems import escape


def generated_notice(label: str, version: str | None = None) -> str:
    """The "generated, do not edit" sentence of outputs that carry it as data (JSON),
    with the spec's version where the output has one."""
    source = f"{label} (version {version})" if version else label
    return f"Generated from {source} by python -m codegen generate. Do not edit: change the spec and run `make generate`."


def comment_text(text: str) -> str:
    """Text for a ``#`` comment (Python, YAML, TOML): one line of characters
    every one of them may hold, whatever the spec or its path holds. Control,
    bidi and other invisible characters, and lone surrogates from an
    undecodable file name, are written as escapes (``\\x1b``)."""
    return escape(" ".join(text.split()))


def _encoder() -> Callable[[Any], str]:
    """One JSON encoder for every inline value: ``json.dumps(**options)`` makes
    a new one per call, and the C encoder alone is a third faster again."""
    if c_make_encoder is None:  # not CPython
        return json.JSONEncoder(ensure_ascii=False).encode
    encode = c_make_encoder(
        None, None, encode_basestring, None, ": ", ", ", False, False, True
    )
    return lambda value: (
        encode_basestring(value) if type(value) is str else "".join(encode(value, 0))
    )


_ENCODE: Callable[[Any], str] = _encoder()


def json_text(
    value: Any, indent: int | None = 2, inline_depth: int | None = None
) -> str:
    """Deterministic JSON: keys in the order the payload builder chose, UTF-8 kept.

    Containers nested deeper than ``inline_depth`` are written on one line
    each: one entry per line keeps diffs readable, and lets the C encoder do
    the bulk of the work (Python's encoder falls back to pure Python whenever
    ``indent`` is set, which is ten times slower on a large catalogue).
    """
    if indent is None:
        return _ENCODE(value)
    if inline_depth is None:
        return json.dumps(value, indent=indent, ensure_ascii=False)
    return _layout(value, indent, inline_depth, 0)


def _layout(value: Any, indent: int, inline_depth: int, depth: int) -> str:
    if depth >= inline_depth or not isinstance(value, (dict, list)) or not value:
        return _ENCODE(value)
    pad = " " * (indent * (depth + 1))
    if isinstance(value, dict):
        items = [
            f"{pad}{_ENCODE(key)}: {_layout(item, indent, inline_depth, depth + 1)}"
            for key, item in value.items()
        ]
        opening, closing = "{", "}"
    else:
        items = [pad + _layout(item, indent, inline_depth, depth + 1) for item in value]
        opening, closing = "[", "]"
    return opening + "\n" + ",\n".join(items) + "\n" + " " * (indent * depth) + closing


_YAML_PLAIN_KEY = re.compile(r"[A-Za-z_$][A-Za-z0-9_.$-]*")
# Words YAML 1.1 (PyYAML, Firefox's parsers) reads as booleans or null when unquoted.
_YAML_WORDS = frozenset("y n yes no on off true false null".split())


def no_literal(value: Any, language: str) -> NoReturn:
    """Refuse ``value``, which a filter cannot write in ``language``. A name
    a template misspelt arrives as ``StrictUndefined``: reading it raises
    Jinja's own error, which names it (``'Event object' has no attribute
    'methd'``), rather than a TypeError about its class."""
    if isinstance(value, jinja2.Undefined):
        str(value)
    raise TypeError(f"no {language} for {type(value).__name__}")


def yaml_scalar(value: Any, key: bool = False) -> str:
    """A YAML scalar equal to ``value``: str, int, bool, or a flat list of them.

    Strings are double-quoted, with every character YAML cannot hold printably
    escaped (``\\n``, ``\\x85``, ``\\u2028``, ``\\U0001F600`` ...), so spec text
    can never start a new key, a comment or a document. With ``key=True``, a
    plain identifier is written unquoted (``prefBranch:``) for readability.
    """
    if type(value) is not str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, (list, tuple)):
            return "[" + ", ".join(yaml_scalar(item) for item in value) + "]"
        no_literal(value, "YAML scalar")
    if key and _YAML_PLAIN_KEY.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return value
    if (
        _YAML_UNPRINTABLE.search(value) is None
    ):  # the common case, kept fast for large specs
        return (
            '"'
            + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            + '"'
        )
    return '"' + _YAML_UNSAFE.sub(lambda match: _yaml_char(match.group()), value) + '"'


# Characters written as an escape: quotes, backslashes, and everything outside
# YAML's printable set or that YAML reads as a line break (NEL, LS, PS) or a BOM.
_YAML_UNSAFE = re.compile(
    r'[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|["\\]'
)
_YAML_UNPRINTABLE = re.compile(
    r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_YAML_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\0": "\\0",
}


def _yaml_char(ch: str) -> str:
    if ch in _YAML_ESCAPES:
        return _YAML_ESCAPES[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
