"""Where a YAML syntax error really is, for the two mistakes libyaml reports
far from where they were made.

- A quote opened and not closed on its line: YAML reads on, across lines,
  to the next quote of that kind, and reports whatever that makes of the
  rest, often many lines later (``title: 'Normandy telemetry`` on line 6,
  reported at line 26).
- A key without its colon: YAML reads the line as the start of a text that
  goes on into the next line, and reports the next line's colon.

Each finder returns the line and column (0-based) of the mistake and what to
write, or None when the lines do not show that mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTED_VALUE = re.compile(
    r"""^(?P<lead>\s*(?:-\s+)?(?:[^\s'"#:-][^:#]*?|'[^']*'|"[^"]*"):\s+)(?P<quote>['"])(?P<rest>.*)$"""
)
_KEY_LINE = re.compile(r"""^\s*(?:-\s+)?[A-Za-z_][\w.-]*:(\s|$)""")
_PLAIN_KEY = re.compile(
    r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*) (?P<value>[^\s#].*?)(?P<comment>\s+#.*)?$"
)


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


def _colonless(line: str) -> re.Match[str] | None:
    """``line`` as a key and its value with the colon left out, if it is."""
    found = _PLAIN_KEY.match(line)
    return found if found and ":" not in found["value"] else None


def _hint(line: int, found: re.Match[str], why: str) -> Hint:
    return Hint(
        line,
        len(found["indent"]) + len(found["key"]),
        f"'{found['key']}' has no ':' after it{why};"
        f" write '{found['key']}: {found['value']}'",
    )
