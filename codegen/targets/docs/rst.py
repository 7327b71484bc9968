"""reStructuredText made from spec text: shown as written, never interpreted.

The documentation templates receive every piece of spec text through these
functions (registered as ``rst*`` filters in ``render.py``), so a description
holding ``.. raw:: html``, a role, ``|substitution|``, ``*emphasis*``, a
trailing backslash or a line that looks like a list renders as exactly those
characters. The single piece of markup spec text may use is the one spec
authors already write: a code span in backticks (`` `recipe.arguments.slug` ``,
CommonMark's rule: a run of N backticks closes at the next run of N), which
becomes an inline literal. ``tests/unit/test_docs_rst.py`` proves with docutils
itself that the result of :func:`text` parses to nothing but paragraphs, text
and literals, whatever the input.

Labels (:func:`label`) are derived from an item's identity, so they are stable
across runs and unique wherever the spec's own uniqueness rules hold; free
text in a label (an allowed value) is encoded one to one, so two values never
share one, even after docutils lower-cases labels and collapses their spaces.

docutils drops a whole document with a line over 10,000 characters, and
measures a title the way :func:`column_width` does: paragraphs longer than
:data:`WRAP_AT` are wrapped (:func:`wrap`), and every title's underline is as
wide as docutils says the title is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from codegen.model import (
    AllowedValue,
    Event,
    EventObject,
    ExtraKey,
    Scalar,
    Status,
    UptakeSource,
    snake_case,
)

# What can start or end inline markup, or make a reference, a substitution, a
# role, a standalone URI or an e-mail link: backslash, backtick, star, bar and
# at always; an underscore unless it sits inside a word (``RECIPE_SUCCESS``:
# only ``name_`` and ``_`target``` are markup); a colon unless a space
# follows it (``javascript:``, ``:role:`` and a closing ``::`` need one). A
# backslash before any other character would be harmless too, but would make
# the generated pages harder to read.
_SPECIAL = re.compile(r"[\\`*|@]|_(?![A-Za-z0-9])|(?<![A-Za-z0-9])_|:(?! )")
# A paragraph that starts with a word of two letters or more, followed by a
# space or ordinary punctuation, cannot be read as a list, a field, a
# directive, a title adornment or a transition. Any other paragraph is
# prefixed with an escaped space, which renders as nothing but breaks all
# line-start constructs (bullets, enumerators, ``..``, ``>>>``, ``|``, ``::``).
_SAFE_START = re.compile(r"[^\W\d_]{2,}(?:[ ,;'’]|$)")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# Every character str.splitlines() (and so docutils) breaks a line at, and tabs:
# inside a paragraph they all become one space, so no spec text starts a line.
_SPACE = re.compile(r"[ \t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_ROLE_SPECIAL = re.compile(r"[\\`<>]")
_BREAK = re.compile(r"[\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ESCAPED_SPACE = "\\ "
# Allowed values that are already a fine label part: lower case, digits, '.',
# '_' and '-', and single spaces between them (docutils keeps those as they are).
# Anything else is encoded character by character (label_part).
_PLAIN_PART = re.compile(r"[a-z0-9](?:[a-z0-9._-]| (?=[a-z0-9._-]))*")
_LABEL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
# docutils refuses a document with a line longer than 10,000 characters (its
# line_length_limit) and drops it from the site: longer paragraphs are wrapped.
WRAP_AT = 2000
# A code span longer than this is shown as escaped text, which can be wrapped.
_LONGEST_LITERAL = 500
# Spec text repeats (every enrollmentId says the same), and a large spec renders
_PYTHON_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_LABEL = re.compile(r"[a-z0-9][a-z0-9._~ -]*")


def _collapse(text: str) -> str:
    if "  " not in text and not _BREAK.search(
        text
    ):  # the common case, ten times faster
        return text.strip(" ")
    return _SPACE.sub(" ", text).strip(" ")


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda match: "\\" + match.group(0), text)


def _code_literal(content: str) -> str | None:
    """``content`` as an inline literal, or None when no inline literal can hold it
    (or it is too long to leave unwrapped)."""
    content = content.strip()
    if (
        not content
        or len(content) > _LONGEST_LITERAL
        or "``" in content
        or content.startswith("`")
        or content.endswith("`")
        or content.endswith("\\")
    ):
        return None
    return f"``{content}``"


def _paragraph(text: str) -> str:
    """One paragraph of spec prose as one line of RST."""
    flat = _collapse(text)
    pieces: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(flat):
        literal = _code_literal(match.group(2))
        if literal is None:
            continue
        before = flat[position : match.start()]
        pieces.append(_escape(before))
        # An escaped space renders as nothing; it lets an inline literal touch
        # any neighbouring character (docutils' character-level markup rule).
        if before and not before.endswith(" "):
            pieces.append(_ESCAPED_SPACE)
        pieces.append(literal)
        position = match.end()
        if position < len(flat) and flat[position] != " ":
            pieces.append(_ESCAPED_SPACE)
    pieces.append(_escape(flat[position:]))
    line = "".join(pieces)
    if not _SAFE_START.match(flat):
        line = _ESCAPED_SPACE + line
    return line


@cache
def text(value: str, indent: int = 0) -> str:
    """Spec prose as RST paragraphs (blank lines in the spec separate them).

    ``indent`` is the column the first line starts at in the template, so
    later paragraphs line up with it (a field body, a table cell).
    """
    paragraphs = [p for p in _BLANK_LINE.split(value) if _collapse(p)]
    if not paragraphs:
        return _ESCAPED_SPACE + "(none)"
    pad = " " * indent
    return ("\n\n" + pad).join(wrap(_paragraph(p), indent) for p in paragraphs)


def _spans(line: str) -> list[bool]:
    """For each position of ``line``: whether it is inside backquotes (an inline
    literal, or a role's target), where a line must not be broken."""
    inside = [False] * len(line)
    opener = 0  # length of the backquote run that opened the current span
    position = 0
    while position < len(line):
        char = line[position]
        if char == "\\":
            if opener:
                inside[position] = True
                if position + 1 < len(line):
                    inside[position + 1] = True
            position += 2
            continue
        if char == "`":
            rest = line[position:]
            run = len(rest) - len(rest.lstrip("`"))
            if not opener:
                opener = run
            elif run == opener:
                opener = 0
            for covered in range(position, position + run):
                inside[covered] = True
            position += run
            continue
        inside[position] = bool(opener)
        position += 1
    return inside


def wrap(line: str, indent: int = 0, width: int = WRAP_AT) -> str:
    """One line of RST as lines of at most ``width`` characters, continued at
    ``indent`` (so they stay in the same paragraph, field body or table cell).

    A line breaks at a space that is not escaped and not inside backquotes;
    where there is none, between two other characters with a backslash, which
    docutils removes together with the line break. docutils reads the second line of a paragraph as a
    title's underline when it is one punctuation character repeated, so that
    line never is. Lines no longer than ``width`` are returned unchanged.
    """
    if len(line) <= width:
        return line
    inside = _spans(line)
    pieces: list[str] = []
    start = 0
    while len(line) - start > width - (indent if pieces else 0):
        limit = start + width - (indent if pieces else 0)
        cut = _space_break(line, inside, start, limit)
        if cut is not None:
            pieces.append(line[start:cut])
            start = cut + 1
            continue
        cut = _joined_break(line, inside, start, limit - 1)
        if cut is None:
            break  # nothing can be broken (one inline literal): leave the rest
        pieces.append(line[start:cut] + "\\")
        start = cut
    pieces.append(line[start:])
    if len(pieces) > 1 and _UNDERLINE.fullmatch(pieces[1]):
        pieces[1] = _ESCAPED_SPACE + pieces[1]  # shows nothing, but is no underline
    return ("\n" + " " * indent).join(pieces)


# What docutils reads as a title's underline (a 7-bit punctuation character
# repeated), or as one too short for the title, when it follows a line of text.
_UNDERLINE = re.compile(r"([!-/:-@\[-`{-~])\1* *")


def _space_break(line: str, inside: list[bool], start: int, limit: int) -> int | None:
    """A space to break at: not escaped, not in backquotes, between two other
    characters (so no line starts with a space, which would indent it)."""
    for cut in range(min(limit, len(line) - 1), start, -1):
        if (
            line[cut] == " "
            and not inside[cut]
            and line[cut - 1] not in " \\"
            and line[cut + 1] != " "
        ):
            return cut
    return None


# Characters that start or end inline markup: docutils reads ``1_`` before an
# escaped line break as a reference, so a break never touches one unescaped.
_MARKUP = frozenset("_*|`:[]<>")


def _escaped(line: str, position: int) -> bool:
    """Whether the character at ``position`` follows an odd run of backslashes."""
    run = 0
    while position - run - 1 >= 0 and line[position - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def _joined_break(line: str, inside: list[bool], start: int, limit: int) -> int | None:
    """A place to break between two characters (neither a space, nor in
    backquotes, the first not a backslash that escapes the second, neither an
    unescaped markup character)."""
    for cut in range(min(limit, len(line) - 1), start + 1, -1):
        before, after = line[cut - 1], line[cut]
        if (
            after != " "
            and before not in " \\"
            and not inside[cut]
            and not inside[cut - 1]
            and after not in _MARKUP
            and not (before in _MARKUP and not _escaped(line, cut - 1))
        ):
            return cut
    return None


@cache
def inline(value: str) -> str:
    """Spec text on one line (titles, table cells, list items)."""
    return _paragraph(value) if _collapse(value) else _ESCAPED_SPACE + "(none)"


@cache
def literal(value: str) -> str:
    """A value shown as code (an inline literal), exactly as the spec has it.

    A value no inline literal can hold (leading or trailing spaces, backtick
    runs) is shown as escaped text between quotes instead.
    """
    if value and value == value.strip() and not _BREAK.search(value):
        made = _code_literal(value)
        if made is not None:
            return made
    return '"' + _escape(_SPACE.sub(" ", value)) + '"'


def column_width(line: str) -> int:
    """Width of ``line`` exactly as docutils measures a title
    (``docutils.utils.column_width``): wide and full-width characters count
    two, every other one, one; then each combining character counts one less.
    A wide combining mark (the voiced sound marks of decomposed kana) counts
    one, not none."""
    if line.isascii():
        return len(line)
    width = 0
    for char in line:
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if unicodedata.combining(char):
            width -= 1
    return width


@cache
def title(value: str, underline: str, code: bool = False) -> str:
    """A section title and its underline (``underline`` is one adornment character).

    ``code`` shows the title as an inline literal (a constant, a key name).
    """
    if len(underline) != 1 or underline.isalnum() or underline.isspace():
        raise ValueError(f"not an adornment character: {underline!r}")
    line = literal(value) if code else inline(value)
    return f"{line}\n{underline * max(column_width(line), 4)}"


@cache
def label_part(value: str) -> str:
    """``value`` as part of a label, one to one: as is when plain, else with
    each capital letter written as ``~`` and the letter (``atEnroll`` becomes
    ``at~enroll``) and every other character outside ``a-z0-9.-`` as ``~~``,
    its code in hexadecimal and ``.`` (``unknown `` becomes ``unknown~~20.``).

    A plain value holds no ``~``, and an encoded one that holds none is not
    plain, so no two values share a label part; and none changes when docutils
    lower-cases it or collapses its spaces."""
    if _PLAIN_PART.fullmatch(value):
        return value
    return "".join(_label_char(c) for c in value)


def _label_char(char: str) -> str:
    if char in _LABEL_SAFE:
        return char
    if "A" <= char <= "Z":
        return "~" + char.lower()
    return f"~~{ord(char):x}."


LabelItem = (
    Status
    | UptakeSource
    | Scalar
    | EventObject
    | Event
    | tuple[Event, ExtraKey]
    | tuple[Event, ExtraKey, AllowedValue]
)


def label(item: LabelItem) -> str:
    """The label of a documented item (lower case, as docutils stores names).

    Statuses use their constant (unique across sources), events their object
    and snake_case method (unique, as Glean names must be), extra keys their
    Python name (unique per event); allowed values are free text and go
    through :func:`label_part`.
    """
    if (
        type(item) is tuple
    ):  # the most frequent, checked first: a large spec asks ~100,000 times
        if len(item) == 2:
            event, key = item
            return f"extra-{event.object}-{snake_case(event.method)}-{snake_case(key.name)}"
        if len(item) == 3:
            event, key, allowed = item
            return f"value-{event.object}-{snake_case(event.method)}-{snake_case(key.name)}-{label_part(allowed.value)}"
    elif isinstance(item, Event):
        return f"event-{item.object}-{snake_case(item.method)}"
    elif isinstance(item, Status):
        return f"status-{item.constant.lower()}"
    elif isinstance(item, UptakeSource):
        return f"uptake-{item.name}"
    elif isinstance(item, Scalar):
        return f"scalar-{item.ident}"
    elif isinstance(item, EventObject):
        return f"object-{item.name}"
    raise TypeError(f"no label for {type(item).__name__}")


def _index_term(term: str) -> bool:
    """Whether Sphinx reads ``term`` (whitespace collapsed) as plain text in an index entry."""
    return bool(term) and ";" not in term and term[0] != "!"


def index_target(name: str, entries: Iterable[tuple[str, str]] = ()) -> str:
    """An ``index`` directive that is also the label ``name``.

    Sphinx's search shows an index entry as a result that links to its
    target, so searching for a telemetry value lands on the item itself.
    Each entry is ``(term, subterm)``; a term that Sphinx would read as
    index syntax (a ``;``, a leading ``!``) is left out of the index, and the
    item is still documented and labelled. ``name`` comes from :func:`label`.
    """
    if not _LABEL.fullmatch(name):
        raise ValueError(f"not a label: {name!r}")
    lines = []
    for term, sub in entries:
        term, sub = _collapse(term), _collapse(sub)
        if _index_term(term) and (not sub or _index_term(sub)):
            # "!": the main entry of the term, which the search lists first.
            lines.append(f"!single: {term}; {sub}" if sub else f"!single: {term}")
    if not lines:
        return f".. _{name}:"
    body = "\n   ".join(lines)
    return f".. index:: {body}\n   :name: {name}"


@cache
def pyref(target: str, role: str = "data", parts: int = 1) -> str:
    """A cross-reference to a documented Python object, or code if the name is odd.

    The link shows the last ``parts`` components of the dotted name
    (``RecipeStatus.RECIPE_SUCCESS`` for 2).
    """
    if role not in {"data", "class", "func", "attr", "mod", "obj"}:
        raise ValueError(f"unknown Python role {role!r}")
    if not _PYTHON_PATH.fullmatch(target):
        return literal(target)
    if parts <= 1:
        return f":py:{role}:`~{target}`"
    shown = ".".join(target.split(".")[-parts:]) + ("()" if role == "func" else "")
    return f":py:{role}:`{shown} <{target}>`"


def ref(name: str, title: str) -> str:
    """A ``:ref:`` to label ``name`` shown as ``title`` (spec text, escaped for a role)."""
    shown = _collapse(title)
    if _ROLE_SPECIAL.search(shown):
        shown = _ROLE_SPECIAL.sub(r"\\\g<0>", shown)
    return f":ref:`{shown or name} <{name}>`"


def header(notice: str) -> str:
    """The do-not-edit notice as an RST comment (it never shows on a page)."""
    return ".. " + "\n   ".join(line for line in notice.splitlines() if line.strip())
