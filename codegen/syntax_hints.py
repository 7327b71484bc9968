"""Where a YAML syntax error really is, for the two mistakes libyaml reports
far from where they were made.

- A quote opened and not closed on its line: YAML reads on, across lines,
  to the next quote of that kind, and reports whatever that makes of the
  rest, often many lines later (``title: 'Normandy telemetry`` on line 6,
  reported at line 26).
- A key without its colon: YAML reads the line as the start of a text that
  goes on into the next line, and reports the next line's colon. A key that
  opens a block (``statuses`` above its entries, ``legal_values`` above its
  list) is reported as a key not found, or as indented wrongly, lines later.

Each finder returns the line and column (0-based) of the mistake and what to
write, or None when the lines do not show that mistake.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_QUOTED_VALUE = re.compile(
    r"""^(?P<lead>\s*(?:-\s+)?(?:[^\s'"#:-][^:#]*?|'[^']*'|"[^"]*"):\s+)(?P<quote>['"])(?P<rest>.*)$"""
)
_FLOW_LIST = re.compile(r"""^\s*(?:-\s+)?[A-Za-z_][\w.-]*:\s+\[""")
_KEY_LINE = re.compile(r"""^\s*(?:-\s+)?[A-Za-z_][\w.-]*:(\s|$)""")
_PLAIN_KEY = re.compile(
    r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*) (?P<value>[^\s#].*?)(?P<comment>\s+#.*)?$"
)
_BARE_KEY = re.compile(
    r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*)(?:\s+(?P<block>[|>][-+1-9]*))?\s*(?:\s#.*)?$"
)
_TEXT_GOES_ON = re.compile(r"\s+#\S")
"""A ``#`` right before a word (``Runner #1 Status``): text, though YAML reads
a comment from it; the value must be quoted to keep it."""


@dataclass(frozen=True)
class Hint:
    line: int
    """0-based, as libyaml's marks are."""
    column: int
    message: str


def unclosed_quote(lines: list[str], first: int, last: int) -> Hint | None:
    """The first line from ``first`` to ``last`` that opens a quoted value it
    does not close (a key's value, or an item of a list in brackets), if the
    quote then swallows a line that looks like a key (a quoted value may span
    lines; one that runs over keys is a mistake)."""
    for number in range(max(first, 0), min(last, len(lines) - 1) + 1):
        opened = _open_quote(lines[number])
        if opened is None:
            continue
        column, quote = opened
        swallowed = None
        for later in range(number + 1, min(last, len(lines) - 1) + 1):
            text = lines[later]
            end = _closing(quote, text)
            if _KEY_LINE.match(text if end is None else text[:end]):
                swallowed = later
                break
            if end is not None:
                break
        if swallowed is None:
            continue
        doubled = "'it''s'" if quote == "'" else '"say \\"hi\\""'
        return Hint(
            number,
            column,
            f"the value opened with {quote} here is not closed on its line, so YAML"
            f" read on into the next lines (line {swallowed + 1} and after); end it"
            f" with {quote} (a {quote} inside it is written {doubled})",
        )
    return None


def _open_quote(line: str) -> tuple[int, str] | None:
    """The column and kind of a quote ``line`` opens and does not close: a
    key's quoted value, or a quoted item of a list in brackets."""
    found = _QUOTED_VALUE.match(line)
    if found:
        if _closing(found["quote"], found["rest"]) is not None:
            return None
        return len(found["lead"]), found["quote"]
    listed = _FLOW_LIST.match(line)
    if not listed:
        return None
    position = len(listed.group(0))
    while position < len(line):
        char = line[position]
        if char in " \t,":
            position += 1
        elif char == "]" or char == "#":
            return None
        elif char in "'\"":
            end = _closing(char, line[position + 1 :])
            if end is None:
                return position, char
            position += end + 2
        else:  # a plain item: up to the next comma or the end of the list
            stop = [
                i
                for i in (line.find(",", position), line.find("]", position))
                if i >= 0
            ]
            if not stop:
                return None
            position = min(stop)
    return None


def _closing(quote: str, text: str) -> int | None:
    """Where in ``text`` a value quoted with ``quote`` ends (the index of its
    closing quote), or None when it does not end there: ``''`` is a quote
    inside single quotes, a backslash escapes inside double quotes."""
    position = 0
    while position < len(text):
        char = text[position]
        if quote == '"' and char == "\\":
            position += 2
            continue
        if char == quote:
            if quote == "'" and text[position + 1 : position + 2] == "'":
                position += 2
                continue
            return position
        position += 1
    return None


def missing_colon(lines: list[str], error_line: int) -> Hint | None:
    """The line before ``error_line``, when it reads as a key and its value
    with the colon left out (``title Pause``, a comment after it or not) at
    the indentation of the key line after it."""
    before = _significant(lines, error_line, -1)
    if before is None or error_line >= len(lines):
        return None
    found = _colonless(lines[before])
    following = lines[error_line]
    if (
        not found
        or not _KEY_LINE.match(following)
        or _depth(following) != len(found["indent"])
    ):
        return None
    # A comment ends the text: YAML then finds no key on this line.
    read = (
        "this line as a text, not a key"
        if found["comment"]
        else "this line and the next as one text"
    )
    return _hint(before, found, f", so YAML read {read}")


def unfinished_key(lines: list[str], key_line: int) -> Hint | None:
    """``key_line``, where libyaml began a key and found no colon after it
    (the last line of a block: ``description The run finished.`` before a
    line indented less), when it reads as a key and its value."""
    found = _colonless(lines[key_line]) if 0 <= key_line < len(lines) else None
    return _hint(key_line, found, "") if found else None


def bare_key(lines: list[str], first: int, last: int) -> Hint | None:
    """The line nearest ``last``, back to ``first``, that is a key alone (or a
    key and a block scalar's ``|`` or ``>``) with its colon left out, above
    what belongs to it: lines indented further, or a list. The line before it
    (past the lines indented further, which belong to that line) must be a
    key at its indentation, or a key opening a block above it with another
    key of the block later, so that it is where a key was expected."""
    for number in range(min(last, len(lines) - 1), max(first, 0) - 1, -1):
        found = _BARE_KEY.match(lines[number])
        if not found:
            continue
        indent = len(found["indent"])
        after = _significant(lines, number, +1)
        before = _significant(lines, number, -1)
        # Past what belongs to the key before it (deeper lines), to that key.
        while before is not None and _depth(lines[before]) > indent:
            before = _significant(lines, before, -1)
        if after is None or before is None:
            continue
        below = lines[after]
        below_indent = _depth(below)
        owned = below_indent > indent or (
            below_indent == indent and below.lstrip().startswith("- ")
        )
        above = lines[before]
        above_indent = _depth(above)
        placed = _KEY_LINE.match(above) is not None and (
            above_indent == indent
            or (
                above_indent < indent
                and above.rstrip().endswith(":")
                and _key_later(lines, number, indent)
            )
        )
        if owned and placed:
            key = found["key"]
            written = f"{key}: {found['block']}" if found["block"] else f"{key}:"
            what = "the text below it" if found["block"] else "what follows it"
            return Hint(
                number,
                indent + len(key),
                f"'{key}' has no ':' after it, so YAML did not read it as the key"
                f" of {what}; write '{written}'",
            )
    return None


def _key_later(lines: list[str], number: int, indent: int) -> bool:
    """Whether a key at ``indent`` follows line ``number`` in its block: the
    first of a block's keys has siblings, the first line of a wrapped text
    (``title:`` above ``  Some`` above ``    text``) has none."""
    later = _significant(lines, number, +1)
    while later is not None and _depth(lines[later]) >= indent:
        if _depth(lines[later]) == indent and _KEY_LINE.match(lines[later]):
            return True
        later = _significant(lines, later, +1)
    return False


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip())


def _significant(lines: list[str], number: int, step: int) -> int | None:
    """The next line from ``number`` in direction ``step`` that is neither
    blank nor a comment."""
    number += step
    while 0 <= number < len(lines):
        text = lines[number].strip()
        if text and not text.startswith("#"):
            return number
        number += step
    return None


def _colonless(line: str) -> re.Match[str] | None:
    """``line`` as a key and its value with the colon left out, if it is."""
    found = _PLAIN_KEY.match(line)
    return found if found and ":" not in found["value"] else None


def _hint(line: int, found: re.Match[str], why: str) -> Hint:
    value = found["value"]
    comment = found["comment"] or ""
    if _TEXT_GOES_ON.match(comment):
        # ``title Runner #1 Status``: the text goes on past the '#', which YAML
        # reads as a comment with the colon added too, unless it is quoted.
        value = json.dumps(value + comment, ensure_ascii=False)
    return Hint(
        line,
        len(found["indent"]) + len(found["key"]),
        f"'{found['key']}' has no ':' after it{why};"
        f" write '{found['key']}: {value}'",
    )
