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


def _closed(quote: str, rest: str) -> bool:
    """Whether a quoted value that goes on with ``rest`` ends on this line."""
    if quote == "'":
        return "'" in rest.replace("''", "")
    return '"' in re.sub(r"\\.", "", rest)


def unclosed_quote(lines: list[str], first: int, last: int) -> Hint | None:
    """The first line from ``first`` to ``last`` that opens a quoted value it
    does not close, if the quote then swallows a line that looks like a key
    (a quoted value may span lines; one that runs over keys is a mistake)."""
    for number in range(max(first, 0), min(last, len(lines) - 1) + 1):
        found = _QUOTED_VALUE.match(lines[number])
        if not found or _closed(found["quote"], found["rest"]):
            continue
        quote = found["quote"]
        swallowed = None
        for later in range(number + 1, min(last, len(lines) - 1) + 1):
            text = lines[later]
            if _closed(quote, text if quote == '"' else text.replace("''", "")):
                break
            if _KEY_LINE.match(text):
                swallowed = later
                break
        if swallowed is None:
            continue
        doubled = "'it''s'" if quote == "'" else '"say \\"hi\\""'
        return Hint(
            number,
            len(found["lead"]),
            f"the value opened with {quote} here is not closed on its line, so YAML"
            f" read on into the next lines (line {swallowed + 1} and after); end it"
            f" with {quote} (a {quote} inside it is written {doubled})",
        )
    return None


def missing_colon(lines: list[str], error_line: int) -> Hint | None:
    """The line before ``error_line``, when it reads as a key and its value
    with the colon left out (``title Pause``, a comment after it or not) at
    the indentation of the key line after it."""
    before = error_line - 1
    while before >= 0 and (
        not lines[before].strip() or lines[before].lstrip().startswith("#")
    ):
        before -= 1
    if before < 0 or error_line >= len(lines):
        return None
    found = _colonless(lines[before])
    following = lines[error_line]
    if (
        not found
        or not _KEY_LINE.match(following)
        or len(following) - len(following.lstrip()) != len(found["indent"])
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
    must be a key at its indentation, or a key opening a block above it with
    another key of the block later, so that it is where a key was expected."""
    for number in range(min(last, len(lines) - 1), max(first, 0) - 1, -1):
        found = _BARE_KEY.match(lines[number])
        if not found:
            continue
        indent = len(found["indent"])
        after = _significant(lines, number, +1)
        before = _significant(lines, number, -1)
        if after is None or before is None:
            continue
        below = lines[after]
        below_indent = len(below) - len(below.lstrip())
        owned = below_indent > indent or (
            below_indent == indent and below.lstrip().startswith("- ")
        )
        above = lines[before]
        above_indent = len(above) - len(above.lstrip())
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
    for text in lines[number + 1 :]:
        stripped = text.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(text) - len(stripped)
        if depth < indent:
            return False
        if depth == indent and _KEY_LINE.match(text):
            return True
    return False


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
