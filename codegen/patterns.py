"""The regular expressions a spec may write: those that mean the same in
Python's ``re`` and in ECMA-262 (JavaScript, ``u`` flag or not).

A placeholder's ``pattern`` is used by the generated Python validators and
copied into the JSON Schema, which every other language reads as ECMA-262. The
two dialects differ in more than syntax: ``\\d`` matches Arabic-Indic digits in
Python and only ASCII ones in JavaScript; ``.`` matches a carriage return in
Python only; ``\\Z``, ``(?P<id>...)``, ``(?>...)`` and ``[0-9]++`` are Python's
alone, and a lone ``{`` or ``]`` is a syntax error in JavaScript's ``u`` mode.
So a pattern is read by the small grammar below, and anything outside it is
refused with what to write instead:

- literal characters (from the Basic Multilingual Plane), and the escapes
  ``\\\\ \\^ \\$ \\. \\| \\? \\* \\+ \\( \\) \\[ \\] \\{ \\} \\/``;
- character classes ``[...]`` and ``[^...]`` of such characters and ranges,
  with a literal ``-`` first or last;
- groups ``(...)`` and ``(?:...)``, alternatives ``|``;
- quantifiers ``* + ? {n} {n,} {n,m}``, each optionally lazy (``?``);
- ``^`` only at the very start and ``$`` only at the very end.
"""

from __future__ import annotations

from dataclasses import dataclass

_SYNTAX = frozenset("^$\\.*+?()[]{}|/")
# Inside a class as outside: "\-" is refused by JavaScript engines in u mode
# (QuickJS), so a literal '-' goes first or last in the class.
_CLASS_ESCAPES = _SYNTAX
# Escapes that are classes, anchors or other syntax, and what to write instead.
_ESCAPE_ADVICE = {
    "d": "matches digits of every script in Python (١٢٣) but only 0-9 in JavaScript; write [0-9]",
    "D": "matches different characters in Python and JavaScript; write [^0-9]",
    "w": "matches letters of every script in Python but only ASCII in JavaScript; write [A-Za-z0-9_]",
    "W": "matches different characters in Python and JavaScript; write the characters it may match as a class",
    "s": "matches different spaces in Python and JavaScript; write the spaces it may match, such as [ ]",
    "S": "matches different characters in Python and JavaScript; write the characters it may match as a class",
    "b": "finds different word boundaries in Python and JavaScript; remove it",
    "B": "finds different word boundaries in Python and JavaScript; remove it",
    "A": "is Python's alone; write ^ at the start of the pattern",
    "Z": "is Python's alone; write $ at the end of the pattern",
    "z": "is not a regular expression escape in Python; write $ at the end of the pattern",
    "G": "is not in either dialect; remove it",
}
_GROUP_ADVICE = {
    "P": "starts a named group, which Python and JavaScript write differently; write (...) or (?:...)",
    "<": "starts a named group or a lookbehind, which are not in the portable subset; write (...) or (?:...)",
    ">": "starts an atomic group, which is Python's alone; write (?:...)",
    "=": "starts a lookahead, which is not in the portable subset; spell the alternatives out",
    "!": "starts a lookahead, which is not in the portable subset; spell the alternatives out",
    "#": "starts a comment, which is Python's alone; remove it",
    "(": "starts a conditional group, which is Python's alone; spell the alternatives out",
}


class NotPortable(Exception):
    """A pattern outside the subset; ``str()`` says where and what to write."""


@dataclass
class _Reader:
    pattern: str
    position: int = 0

    def peek(self, ahead: int = 0) -> str:
        index = self.position + ahead
        return self.pattern[index] if index < len(self.pattern) else ""

    def refuse(self, what: str, why: str, at: int | None = None) -> NotPortable:
        where = (self.position if at is None else at) + 1
        return NotPortable(f"{what} (character {where}) {why}")


def check_portable(pattern: str) -> None:
    """Raise :class:`NotPortable` unless ``pattern`` is in the portable subset."""
    reader = _Reader(pattern)
    if reader.peek() == "^":
        reader.position += 1
    end = len(pattern)
    if pattern.endswith("$") and not _escaped(pattern, end - 1):
        end -= 1
    _alternation(reader, end, depth=0)
    if reader.position != end:  # a ')' without its '('
        raise reader.refuse(f"'{reader.peek()}'", "closes no group; escape it as \\)")


def _escaped(pattern: str, index: int) -> bool:
    backslashes = len(pattern[:index]) - len(pattern[:index].rstrip("\\"))
    return backslashes % 2 == 1


def _alternation(reader: _Reader, end: int, depth: int) -> None:
    """Alternatives up to ``end`` or to the ``)`` that closes the group."""
    while reader.position < end:
        char = reader.peek()
        if char == ")":
            return
        if char == "|":
            reader.position += 1
            continue
        _atom(reader, end, depth)
        _quantifier(reader, end)


def _atom(reader: _Reader, end: int, depth: int) -> None:
    char = reader.peek()
    start = reader.position
    if char == "(":
        reader.position += 1
        if reader.peek() == "?":
            kind = reader.peek(1)
            if kind == ":":
                reader.position += 2
            elif kind in _GROUP_ADVICE:
                raise reader.refuse(f"'(?{kind}'", _GROUP_ADVICE[kind], start)
            else:
                raise reader.refuse(
                    f"'(?{kind}'",
                    "sets flags, which Python and JavaScript write differently; spell "
                    "the cases out ([a-fA-F])",
                    start,
                )
        _alternation(reader, end, depth + 1)
        if reader.peek() != ")" or reader.position >= end:
            raise reader.refuse("'('", "is never closed; close it with )", start)
        reader.position += 1
        return
    if char == "[":
        _class(reader, end)
        return
    if char == "\\":
        escaped = reader.peek(1)
        if escaped in _SYNTAX:
            reader.position += 2
            return
        _refuse_escape(reader, escaped)
    if char == ".":
        raise reader.refuse(
            "'.'",
            "matches a carriage return and U+2028 in Python but not in JavaScript; "
            "write the characters it may match as a class, such as [^/]",
        )
    if char in "^$":
        raise reader.refuse(
            f"'{char}'",
            "is an anchor inside the pattern; anchors may only start (^) and end ($) "
            f"it (escape it as \\{char} to match the character)",
        )
    if char in "*+?":
        raise reader.refuse(f"'{char}'", "repeats nothing; escape it as \\" + char)
    if char == "{":
        raise reader.refuse(
            "'{'",
            "is not a repetition here, and JavaScript refuses it as a character; "
            "escape it as \\{",
        )
    if char in "]}":
        raise reader.refuse(
            f"'{char}'",
            f"closes nothing, and JavaScript refuses it; escape it as \\{char}",
        )
    _literal(reader, char)
    reader.position += 1


def _refuse_escape(reader: _Reader, escaped: str) -> None:
    if escaped in _ESCAPE_ADVICE:
        raise reader.refuse(f"'\\{escaped}'", _ESCAPE_ADVICE[escaped])
    if escaped.isdigit():
        raise reader.refuse(
            f"'\\{escaped}'",
            "is a back reference or an octal escape, which the two dialects read "
            "differently; spell it out",
        )
    if escaped == "":
        raise reader.refuse("'\\'", "ends the pattern; escape it as \\\\")
    raise reader.refuse(
        f"'\\{escaped}'",
        "is not an escape both Python and JavaScript read alike; write the "
        "character itself, or escape only ^ $ \\ . | ? * + ( ) [ ] { } /",
    )


def _literal(reader: _Reader, char: str) -> None:
    code = ord(char)
    if code > 0xFFFF:
        raise reader.refuse(
            f"'{char}'",
            "is outside the Basic Multilingual Plane, which JavaScript without the u "
            "flag reads as two characters; write it with a class of alternatives or "
            "leave it out",
        )
    if 0xD800 <= code <= 0xDFFF or not (char.isprintable() or char == " "):
        raise reader.refuse(
            f"U+{code:04X}", "is not a printable character; leave it out"
        )


def _quantifier(reader: _Reader, end: int) -> None:
    if reader.position >= end:
        return
    char = reader.peek()
    start = reader.position
    if char in "*+?":
        reader.position += 1
    elif char == "{":
        close = reader.pattern.find("}", reader.position)
        body = reader.pattern[reader.position + 1 : close] if close != -1 else ""
        numbers = body.split(",")
        if (
            close == -1
            or close >= end
            or len(numbers) > 2
            or not numbers[0].isdigit()
            or not all(n.isdigit() for n in numbers[1:] if n)
            or not all(n.isascii() for n in numbers)
        ):
            advice = (
                "starts {,n}, which Python reads as {0,n} and JavaScript as text; write {0,n}"
                if numbers[0] == "" and close != -1
                else "starts no repetition ({n}, {n,} or {n,m}); escape it as \\{"
            )
            raise reader.refuse("'{'", advice, start)
        if len(numbers) == 2 and numbers[1] and int(numbers[1]) < int(numbers[0]):
            raise reader.refuse(
                "'{'",
                f"repeats from {numbers[0]} down to {numbers[1]}; swap them",
                start,
            )
        reader.position = close + 1
    else:
        return
    if reader.position < end and reader.peek() == "?":
        reader.position += 1  # lazy: the same in both
    if reader.position < end and reader.peek() in "*+?{":
        nxt = reader.peek()
        if nxt == "+":
            raise reader.refuse(
                "'+'",
                "makes the repetition before it possessive, which is Python's alone; "
                "remove it",
            )
        raise reader.refuse(f"'{nxt}'", "repeats a repetition; group it with (?:...)")


def _class(reader: _Reader, end: int) -> None:
    start = reader.position
    reader.position += 1
    if reader.peek() == "^":
        reader.position += 1
    items = 0
    previous: str | None = None  # the last single character, for a range
    while True:
        if reader.position >= end:
            raise reader.refuse("'['", "is never closed; close it with ]", start)
        char = reader.peek()
        if char == "]":
            if items == 0:
                raise reader.refuse(
                    "'[]'",
                    "is empty, which JavaScript reads as matching nothing and Python "
                    "as the start of a class holding ']'; write \\] for the character",
                )
            reader.position += 1
            return
        if char == "[":
            raise reader.refuse(
                "'['",
                "inside a class may start a nested set in Python; escape it as \\[",
            )
        if char in "&~|" and reader.peek(1) == char:
            raise reader.refuse(
                f"'{char * 2}'",
                "inside a class may become a set operation in Python; escape one of them",
            )
        if char == "-" and previous is not None and reader.peek(1) not in ("]", ""):
            low = previous
            reader.position += 1
            high = _class_char(reader)
            if high is None:
                raise reader.refuse(
                    "'-'",
                    "starts a range with no end; put a literal - last in the class",
                )
            if ord(high) < ord(low):
                raise reader.refuse(
                    "'-'", f"makes the range {low}-{high} backwards; swap its ends"
                )
            previous = None  # a '-' after a range is ambiguous: refused below
            items += 1
            continue
        if char == "-" and items > 0 and previous is None and reader.peek(1) != "]":
            raise reader.refuse(
                "'-'",
                "follows a range, where it reads differently; put a literal - first or "
                "last in the class",
            )
        single = _class_char(reader)
        if single is None:
            raise reader.refuse("'['", "is never closed; close it with ]", start)
        previous = single
        items += 1


def _class_char(reader: _Reader) -> str | None:
    """One character of a class (after its escape), or None at the end."""
    char = reader.peek()
    if char == "":
        return None
    if char == "\\":
        escaped = reader.peek(1)
        if escaped in _CLASS_ESCAPES:
            reader.position += 2
            return escaped
        _refuse_escape(reader, escaped)
    if char == "-" and reader.peek(1) == "-":
        raise reader.refuse(
            "'--'", "inside a class may become a set operation in Python; write one -"
        )
    _literal(reader, char)
    reader.position += 1
    return char
