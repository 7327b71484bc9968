"""Load a spec file into a tree of positioned nodes.

libyaml (through ``ruamel.yaml.clib``) parses the document into events, and
this module builds small typed nodes of its own from them, with line and
column, in one loop with an explicit stack: no recursion, so no nesting depth
needs a big thread stack. Events also say which tags were written in the text,
so every tag is refused, whatever it is (``!!str``, ``!!int never``,
``!python/...``). The loader refuses what a spec must never contain: duplicate
keys, tags, merge keys, non-UTF-8 text, integers no spec needs, nesting deeper
than :data:`MAX_DEPTH`, and documents that are absurdly large or expand
absurdly through aliases (in nodes or in text). It reads only regular files, and never more than
:data:`MAX_BYTES` of them.

libyaml reads YAML 1.1, and refuses some YAML 1.2 that ruamel.yaml's
round-trip mode writes (``[https://bugzil.la/1443560]``: a colon in a plain
scalar in a flow list). A document libyaml refuses is read again by
ruamel.yaml's own parser, which reads YAML 1.2; only when both refuse it is it
reported, at libyaml's position, with the indentation mistake named where one
is the cause.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as yaml_events
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import Resolver

from codegen import syntax_hints
from codegen.problems import Problem, SpecError, escape

try:  # libyaml; ruamel.yaml's own parser gives the same events, only slower
    from ruamel.yaml.cyaml import CSafeLoader as _Loader

    _LIBYAML = True
except ImportError:  # pragma: no cover - ruamel.yaml.clib is a pinned dependency
    _LIBYAML = False

MAX_BYTES = 32 * 1024 * 1024
MAX_NODES = 2_000_000
# Characters of text once aliases are expanded: no more than a spec may hold
# (one long anchored description used everywhere is a bomb too).
MAX_EXPANDED_CHARS = 32 * 1024 * 1024
# Lists and mappings inside each other: the real spec needs 8 levels.
MAX_DEPTH = 100
# Digits in an integer: the largest number a spec holds is a bug number.
MAX_INT_DIGITS = 30
# Documents libyaml refuses are read again by ruamel.yaml's pure-Python parser
# (YAML 1.2) when they are at most this large: it reads about 300 kB a second.
MAX_FALLBACK_BYTES = 2 * 1024 * 1024

_TAG_PREFIX = "tag:yaml.org,2002:"
# The scalar types a spec may hold; anything else (timestamps, binary, !!python/...)
# is refused by name.
SCALAR_KINDS = {
    "str": "string",
    "int": "integer",
    "bool": "boolean",
    "null": "null",
    "float": "number",
}


_SURROGATE = re.compile("[\ud800-\udfff]")
"""A UTF-16 surrogate: what an escape such as ``\\uD800`` makes, alone."""


@dataclass(slots=True)
class YamlScalar:
    value: str | int | bool | float | None
    kind: str  # a key of SCALAR_KINDS
    line: int
    column: int

    @property
    def type_name(self) -> str:
        return SCALAR_KINDS[self.kind]


@dataclass(slots=True)
class YamlEntry:
    """One ``key: value`` pair of a mapping; the key keeps its own position."""

    key: str
    key_line: int
    key_column: int
    value: YamlNode


@dataclass(slots=True)
class YamlMapping:
    entries: dict[str, YamlEntry]
    line: int
    column: int

    type_name = "mapping"


@dataclass(slots=True)
class YamlSequence:
    items: list[YamlNode]
    line: int
    column: int

    type_name = "list"


YamlNode = YamlScalar | YamlMapping | YamlSequence


# -- naming the spec ---------------------------------------------------------


def spec_label(path: Path) -> str:
    """How messages name the spec: a path an editor can open from here.

    The path as given, or relative to the working directory when an absolute
    path lies under it (``spec/normandy.yaml``). Printed through
    :func:`~codegen.problems.escape`, like everything else.
    """
    if path.is_absolute():
        with contextlib.suppress(ValueError, OSError):
            return path.relative_to(Path.cwd()).as_posix()
    return path.as_posix()


def source_name(path: Path) -> str:
    """How generated headers name the spec: ``spec/normandy.yaml``.

    Only the last two parts of the real path are used, so every generated file
    is the same from any working directory, checkout or spelling of
    ``--spec``; characters no comment may hold are written as escapes.
    """
    real = Path(os.path.realpath(path))  # never raises, even on a symlink loop
    name = f"{real.parent.name}/{real.name}" if real.parent.name else real.name
    return escape(name)


# -- reading -----------------------------------------------------------------

_FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _too_large(size: int | None = None) -> str:
    found = f"{size:,} bytes" if size is not None else "larger than that"
    return f"the spec is {found}; the limit is {MAX_BYTES:,} bytes"


def read_spec(path: Path, label: str | None = None) -> bytes:
    """The spec's bytes; anything but a readable regular file of at most
    :data:`MAX_BYTES` is the user's problem, reported before it is read."""
    label = label if label is not None else spec_label(path)

    def refuse(message: str) -> SpecError:
        return SpecError(label, [Problem(1, 1, message)])

    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise refuse(_cannot_read(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next(
                (name for test, name in _FILE_KINDS if test(info.st_mode)),
                "not a regular file",
            )
            raise refuse(f"cannot read the spec: it is {kind}, not a regular file")
        if info.st_size > MAX_BYTES:
            raise refuse(_too_large(info.st_size))
        chunks: list[bytes] = []
        total = 0
        while True:  # the size may change while reading: never read past the limit
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_BYTES:
                raise refuse(_too_large())
        return b"".join(chunks)
    except OSError as exc:
        raise refuse(_cannot_read(exc)) from None
    finally:
        os.close(fd)


def _cannot_read(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read the spec: its path is a loop of symbolic links"
    if exc.errno == errno.ENOENT and exc.filename is not None:
        return "cannot read the spec: no such file (or a symbolic link to nothing)"
    return f"cannot read the spec: {exc.strerror or exc}"


def load_document(path: Path) -> YamlNode:
    """Read and parse ``path``; raise :class:`SpecError` for any user mistake."""
    label = spec_label(path)
    return parse_document(read_spec(path, label), label)


# -- parsing -----------------------------------------------------------------


def parse_document(data: bytes, label: str) -> YamlNode:
    """The document's tree; every problem found while reading it raises."""
    reading = read_document(data, label)
    if reading.problems:
        raise SpecError(label, reading.problems)
    return reading.root


@dataclass(frozen=True)
class Reading:
    """A document read whole, and what was wrong in it that left it whole."""

    root: YamlNode
    problems: tuple[Problem, ...]
    substituted: frozenset[tuple[int, int]]
    """Where a refused scalar stands in the tree as something else (a tagged
    value as its text, an integer without digits as 0): what is said of it
    there follows from its problem."""
    incomplete: frozenset[tuple[int, int]]
    """Where mappings that lost an entry to a refused key start, and the keys
    they stand under: a field said to be missing there may be that entry."""


def read_document(data: bytes, label: str) -> Reading:
    """The document's tree, with the problems that leave it whole (a tag, an
    integer without digits, a duplicate or non-string key, a date): the
    structure and the model can still be checked, so that every mistake is
    reported at once. A mistake that leaves no tree (YAML syntax, nesting,
    an alias to nothing, an empty file) raises :class:`SpecError`."""
    if len(data) > MAX_BYTES:
        raise SpecError(label, [Problem(1, 1, _too_large(len(data)))])
    text = _decode(data, label)
    with _no_gc():
        try:
            builder = _Builder()
            root = builder.build(_libyaml_events(text))
        except MarkedYAMLError as exc:
            builder, root = _read_as_yaml_1_2(text, exc, label)
        except ReaderError as exc:
            raise SpecError(label, [_reader_problem(exc, text)]) from None
        except YAMLError as exc:  # unmarked, e.g. an unreadable stream
            raise SpecError(label, [Problem(1, 1, f"YAML error: {exc}")]) from None
    if root is None:
        raise SpecError(
            label,
            builder.problems
            or [Problem(1, 1, "the spec is empty; start with 'format_version: 1'")],
        )
    return Reading(
        root,
        tuple(builder.problems),
        frozenset(builder.substituted),
        frozenset(builder.incomplete),
    )


def _read_as_yaml_1_2(
    text: str, libyaml_error: MarkedYAMLError, label: str
) -> tuple[_Builder, YamlNode | None]:
    """What libyaml refused, read by ruamel.yaml's YAML 1.2 parser; libyaml's
    error (with its cause named) if that refuses it too."""
    if len(text) <= MAX_FALLBACK_BYTES:
        try:
            builder = _Builder()
            return builder, builder.build(YAML(typ="safe", pure=True).parse(text))
        except YAMLError:
            pass
    raise SpecError(label, [_yaml_problem(libyaml_error, text)]) from None


def _libyaml_events(text: str) -> Iterator[Any]:
    if not _LIBYAML:  # pragma: no cover
        yield from YAML(typ="safe", pure=True).parse(text)
        return
    loader = _Loader(text)
    get_event = loader.get_event
    while True:
        event = get_event()
        yield event
        if type(event) is yaml_events.StreamEndEvent:
            return


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic collector while building trees without cycles.

    Parsing a large spec allocates hundreds of thousands of objects; letting
    the collector rescan them all repeatedly nearly doubles loading time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        message = f"the spec is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        raise SpecError(label, [Problem(line, column, message)]) from None


def _yaml_problem(exc: MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    parts = [str(p) for p in (exc.context, exc.problem) if p]
    message = "YAML syntax error: " + ", ".join(parts)
    context = exc.context_mark
    if mark is None:
        return Problem(1, 1, message)
    lines = text.splitlines()
    bad = (
        lines[mark.line][mark.column : mark.column + 1]
        if mark.line < len(lines)
        else ""
    )
    if bad == "\t":
        message = "YAML syntax error: a tab character; YAML indents with spaces only, replace the tab with spaces"
        return Problem(mark.line + 1, mark.column + 1, message)
    # Mistakes libyaml reports lines after they were made: said where they are.
    # A quote may open a line or two before the scalar libyaml names (the
    # value it swallowed ends there, and a new one starts).
    first = context.line - 2 if context is not None else 0
    hint = syntax_hints.unclosed_quote(lines, first, mark.line)
    if hint is None and (
        "mapping values are not allowed" in message
        or "did not find expected key" in message
    ):
        hint = syntax_hints.missing_colon(lines, mark.line)
    if (
        hint is None
        and context is not None
        and "could not find expected ':'" in message
    ):
        hint = syntax_hints.unfinished_key(lines, context.line)
    if hint is None:
        near = min(mark.line, context.line) if context is not None else mark.line
        hint = syntax_hints.bare_key(lines, near - 2, mark.line)
    if hint is not None:
        return Problem(
            hint.line + 1, hint.column + 1, f"YAML syntax error: {hint.message}"
        )
    if _indentation_error(exc):
        found = diagnose_indentation(lines, mark.line)
        if found is not None:
            return found
    if "found unexpected ':'" in message:
        message += "; quote the value that holds the colon ('https://...')"
    elif "mapping values are not allowed" in message:
        message += (
            "; a line is indented further than the key above it, or a value holds"
            " ': ' (quote that value)"
        )
    elif (
        context is not None
        and context.line != mark.line
        and not _whole_stream(exc.context)
    ):
        message += f" (the {exc.context.split()[-1] if exc.context else 'construct'} opened at line {context.line + 1}, column {context.column + 1})"
    return Problem(mark.line + 1, mark.column + 1, message)


def _indentation_error(exc: MarkedYAMLError) -> bool:
    text = f"{exc.context or ''} {exc.problem or ''}"
    return any(
        phrase in text
        for phrase in (
            "mapping values are not allowed",
            "did not find expected key",
            "expected <block end>",
            "expected <document start>",
            "could not find expected ':'",
            "did not find expected '-' indicator",
        )
    )


def _whole_stream(context: object) -> bool:
    return any(word in str(context or "") for word in ("stream", "document"))


def _reader_problem(exc: ReaderError, text: str) -> Problem:
    """A character YAML does not allow (control characters): say which, and where."""
    position = exc.position if isinstance(exc.position, int) else 0
    character = exc.character if isinstance(exc.character, int) else 0
    if not (0 <= position < len(text) and ord(text[position]) == character):
        # libyaml counts bytes, not characters: every curly quote earlier in
        # the file moved the place two columns on, and a line break out of it.
        data = text.encode("utf-8", "surrogatepass")
        position = len(data[:position].decode("utf-8", "ignore"))
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    message = f"the spec contains the control character U+{character:04X}, which YAML does not allow; remove it"
    return Problem(line, column, message)


# -- indentation mistakes ----------------------------------------------------


def _split_key_line(line: str) -> tuple[int, str] | None:
    """A block line that holds a key: (the key's column, the text after its
    colon), or None. One pass over the line (a regular expression could
    backtrack for ages over a long line of spaces): indentation, any ``- ``
    indicators, a quoted or plain key, and a colon that ends the line or is
    followed by a space, before any comment."""
    position = len(line) - len(line.lstrip(" "))
    while line.startswith("-", position) and line[position + 1 : position + 2] in (
        " ",
        "",
    ):
        position += 1
        while line.startswith(" ", position):
            position += 1
    column = position
    first = line[position : position + 1]
    if first in ("'", '"'):
        close = position + 1
        while close < len(line):
            if line[close] == "\\" and first == '"':
                close += 2
                continue
            if line[close] == first:
                if first == "'" and line.startswith("'", close + 1):
                    close += 2  # '' is a quote inside single quotes
                    continue
                break
            close += 1
        colon = close + 1
        while line.startswith(" ", colon):
            colon += 1
        if not line.startswith(":", colon):
            return None
    elif first == "" or first in "#[]{},&*!|>%@`":
        return None
    else:
        colon = line.find(":", position)
        while colon != -1 and line[colon + 1 : colon + 2] not in (" ", ""):
            colon = line.find(":", colon + 1)
        if colon == -1 or " #" in line[position:colon]:
            return None
    return column, line[colon + 1 :]


_OPENS = re.compile(r" *(?:[&!][^ ]* *)*(?:#.*)?")
_BLOCK_SCALAR = re.compile(r" *[|>][-+0-9]* *(?:#.*)?")


@dataclass(frozen=True)
class _KeyLine:
    number: int  # 0-based
    indent: int  # the key's column (after any "- ")
    opens: bool  # nothing after the colon: a nested block follows
    block_scalar: bool


def _key_lines(lines: list[str], last: int) -> list[_KeyLine]:
    """The key lines up to line ``last`` (0-based), skipping block scalars'
    contents, comments, blank lines and lines inside multi-line flow collections."""
    found: list[_KeyLine] = []
    scalar_key: int | None = None  # the key column of an open block scalar
    scalar_indent: int | None = None  # its content's indentation, once seen
    flow_depth = 0
    for number, line in enumerate(lines[: last + 1]):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if scalar_key is not None:
            if not stripped:
                continue
            if scalar_indent is None and indent > scalar_key:
                scalar_indent = indent
            if scalar_indent is not None and indent >= scalar_indent:
                continue
            scalar_key = scalar_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        if flow_depth > 0:
            flow_depth = max(0, flow_depth + _flow_balance(line))
            continue
        split = _split_key_line(line)
        if split is None:
            flow_depth = max(0, _flow_balance(line))
            continue
        key_column, rest = split
        block_scalar = bool(_BLOCK_SCALAR.fullmatch(rest))
        found.append(
            _KeyLine(number, key_column, bool(_OPENS.fullmatch(rest)), block_scalar)
        )
        if block_scalar:
            scalar_key = key_column
        else:
            flow_depth = max(0, _flow_balance(rest))
    return found


def _flow_balance(text: str) -> int:
    """Brackets opened minus closed, outside quotes and comments (roughly)."""
    text = re.sub(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"|(?:^|\s)#.*", "", text)
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def diagnose_indentation(lines: list[str], error_line: int) -> Problem | None:
    """The line whose indentation broke the block structure, and how to fix it.

    libyaml notices a wrongly indented line only where the structure it
    implies stops making sense: often a line or two later (or, for a key that
    opens a block, many lines later), and with a message about mapping values
    or keys. This replays the key lines with a stack of open blocks and stops
    at the first key line that fits none of them; whether that line or one
    before it (the single key of the block it broke out of, or the key after
    an empty block) is the odd one is told by their neighbours and by the
    file's usual step of indentation. Lines after the error are read too, to
    find the neighbours, but the line named is never after it. None when
    nothing near the error explains it.
    """
    keys = _key_lines(lines, min(error_line + _LOOK_AHEAD, len(lines) - 1))
    step = _usual_step(keys)
    stack: list[_Block] = []
    closed: list[int] = []  # the blocks the key line before closed
    found: tuple[_KeyLine, Problem] | None = None
    for i, key in enumerate(keys):
        before = keys[i - 1] if i >= 1 else None
        if before is None or (before.opens and key.indent > before.indent):
            stack.append(_Block(key.indent, key, before))
            closed = []
            continue
        after = keys[i + 1] if i + 1 < len(keys) else None
        opener = keys[i - 2] if i >= 2 else None
        if key.indent > stack[-1].indent:  # deeper, under a key that has its value
            # whether the key fits with what follows it (a block it opens is not empty)
            settled = not key.opens or (after is not None and after.indent > key.indent)
            odd = _odd_opener(stack[-1], stack[:-1], key, after, step)
            if odd is None and (
                (key.indent in closed and settled)  # the line before went out too far
                or (  # the line before should have been the opener's first child
                    opener is not None
                    and opener.opens
                    and before.indent <= opener.indent < key.indent
                    and (
                        after is None
                        or after.indent == key.indent
                        or key.indent - opener.indent == step
                    )
                )
                or (  # the line before stands out from the keys around it
                    opener is not None
                    and not opener.opens
                    and opener.indent == key.indent > before.indent
                    and settled
                )
            ):
                odd = before
            found = (
                key,
                _odd_line(lines, odd, key) if odd else _too_deep(lines, key, before),
            )
            break
        closed = []
        popped: _Block | None = None
        while stack and stack[-1].indent > key.indent:
            popped = stack.pop()
            closed.append(popped.indent)
        if stack and stack[-1].indent == key.indent:
            block = stack[-1]
            block.count += 1
            if before.opens and before.indent == key.indent:
                block.empty = (before, key)  # before opened a block left empty
            continue
        odd = None
        if popped is not None:
            odd = _odd_opener(popped, stack, key, after, step) or _odd_parent(
                popped, key, step
            )
        if odd is None and stack:
            odd = _odd_opener(stack[-1], stack[:-1], key, after, step)
        found = (
            key,
            (
                _odd_line(lines, odd, key)
                if odd
                else _matches_nothing(lines, key, popped, stack, after)
            ),
        )
        break
    if found is None:
        return None
    key, problem = found
    return problem if problem.line <= error_line + 1 else None


# How many lines past libyaml's error the diagnosis reads, to see the
# neighbours of the line that is wrong.
_LOOK_AHEAD = 40


@dataclass
class _Block:
    """An open block: its keys' indentation, its first key, how many keys, and
    the last key in it that opened a block left empty, with the key after it."""

    indent: int
    first: _KeyLine
    opener: _KeyLine | None = None
    count: int = 1
    empty: tuple[_KeyLine, _KeyLine] | None = None


def _odd_opener(
    block: _Block,
    parents: list[_Block],
    key: _KeyLine,
    after: _KeyLine | None,
    step: int,
) -> _KeyLine | None:
    """A key of ``block`` that, rather than ``key``, is misindented: its single
    key or its first key when that opened nothing (and ``key`` fits between
    the block and its parent), or the key after a key that opened nothing
    (and ``key`` fits under that key); when the key after ``key`` agrees with
    ``key``, or only ``key`` is the file's usual step from where it hangs."""
    parent = parents[-1].indent if parents else -1
    candidates: list[tuple[_KeyLine, int]] = []  # (odd key, where it hangs)
    first_empty = block.empty is not None and block.empty[0] is block.first
    if (block.count == 1 or first_empty) and parent < key.indent < block.indent:
        candidates.append((block.first, parent))
    if block.count == 1 and block.indent < key.indent and not block.first.opens:
        candidates.append((block.first, parent))
    if block.empty is not None and block.empty[0].indent < key.indent:
        candidates.append((block.empty[1], block.empty[0].indent))
    for odd, base in candidates:
        if odd.indent == key.indent:
            continue
        if after is not None and after.indent == key.indent:
            return odd
        if base >= 0 and key.indent - base == step != odd.indent - base:
            return odd
    return None


def _odd_parent(popped: _Block, key: _KeyLine, step: int) -> _KeyLine | None:
    """The key that opened ``popped``, when it rather than ``key`` is
    misindented: its block is an unusual step in, and ``key`` would be its
    sibling at the usual step out from that block."""
    opener = popped.opener
    if opener is None or opener.indent == key.indent:
        return None
    if popped.indent - opener.indent != step and popped.indent - key.indent == step:
        return opener
    return None


def _usual_step(keys: list[_KeyLine]) -> int:
    """How far this file indents a block under its key (2 unless it says otherwise)."""
    steps: dict[int, int] = {}
    for before, key in zip(keys, keys[1:]):
        if before.opens and key.indent > before.indent:
            step = key.indent - before.indent
            steps[step] = steps.get(step, 0) + 1
    return max(steps, key=lambda s: (steps[s], -s)) if steps else 2


def _position(lines: list[str], key: _KeyLine) -> tuple[int, int]:
    return key.number + 1, _line_indent(lines, key.number) + 1


def _too_deep(lines: list[str], key: _KeyLine, before: _KeyLine) -> Problem:
    message = (
        f"YAML indentation error: this line is indented by {key.indent} spaces, more "
        f"than the key on line {before.number + 1} ({before.indent}), which has its "
        "value on the same line, so nothing can be nested under it; indent this line "
        f"by {before.indent} spaces like line {before.number + 1}"
    )
    return Problem(*_position(lines, key), message)


def _odd_line(lines: list[str], odd: _KeyLine, sibling: _KeyLine) -> Problem:
    message = (
        f"YAML indentation error: this line is indented by {odd.indent} spaces, but "
        f"the other keys of its block by {sibling.indent} (line "
        f"{sibling.number + 1}); indent it by {sibling.indent} spaces"
    )
    return Problem(*_position(lines, odd), message)


def _matches_nothing(
    lines: list[str],
    key: _KeyLine,
    popped: _Block | None,
    stack: list[_Block],
    after: _KeyLine | None,
) -> Problem:
    choices = []
    if popped is not None:
        choices.append(
            f"by {popped.indent} spaces, like line {popped.first.number + 1}"
        )
    if stack and not (
        popped is not None and after is not None and after.indent == popped.indent
    ):
        choices.append(
            f"by {stack[-1].indent} spaces, like line {stack[-1].first.number + 1}"
        )
    message = (
        f"YAML indentation error: this line is indented by {key.indent} spaces, which "
        "lines up with no key above it; indent it " + ", or ".join(choices)
    )
    return Problem(*_position(lines, key), message)


def _line_indent(lines: list[str], number: int) -> int:
    line = lines[number]
    return len(line) - len(line.lstrip(" "))


# -- building nodes from events ----------------------------------------------

# The YAML 1.2 rules ruamel.yaml resolves plain scalars with (by first character).
_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = (
    Resolver.yaml_implicit_resolvers
)
_INT = re.compile(r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9_]+)")
_BASES = {"0b": 2, "0o": 8, "0x": 16}


class _TooLarge(Exception):
    """Raised from the builder when the document expands past MAX_NODES or
    MAX_EXPANDED_CHARS: the message, and where the expansion went past it."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class _Frame:
    """A collection being built: its node, its size so far, a pending key."""

    __slots__ = (
        "node",
        "size",
        "chars",
        "has_key",
        "key",
        "key_line",
        "key_column",
        "anchor",
    )

    def __init__(self, node: YamlMapping | YamlSequence, anchor: str | None) -> None:
        self.node = node
        self.size = 1
        self.chars = 0
        self.has_key = False  # a mapping's key was read, its value comes next
        self.key: str | None = None  # None: a key that was refused
        self.key_line = 0
        self.key_column = 0
        self.anchor = anchor


class _Builder:
    """Turn parse events into :data:`YamlNode`, collecting problems as it goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.incomplete: set[tuple[int, int]] = set()
        """Where mappings start that lost an entry to a refused key."""
        self.substituted: set[tuple[int, int]] = set()
        """Where a refused scalar stands as something else."""
        self.count = 0
        self.chars = 0
        self.anchors: dict[str, tuple[YamlNode, int, int]] = {}

    def build(self, events: Iterable[Any]) -> YamlNode | None:
        try:
            return self._build(iter(events))
        except _TooLarge as too_large:
            self.problems = [
                Problem(too_large.line, too_large.column, too_large.message)
            ]
            return None

    def _build(self, events: Iterator[Any]) -> YamlNode | None:
        stack: list[_Frame] = []
        root: YamlNode | None = None
        documents = 0
        scalar_event = yaml_events.ScalarEvent
        mapping_start = yaml_events.MappingStartEvent
        sequence_start = yaml_events.SequenceStartEvent
        collection_end = (yaml_events.MappingEndEvent, yaml_events.SequenceEndEvent)
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                mark = event.start_mark
                node: YamlNode = self._scalar(event, mark.line + 1, mark.column + 1)
                size, chars = 1, len(event.value)
                new_nodes, new_chars = size, chars
                anchor = event.anchor
            elif kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                if len(stack) >= MAX_DEPTH:
                    message = (
                        f"lists and mappings are nested more than {MAX_DEPTH} levels "
                        "deep here; a spec needs fewer than 10, write it out flatter"
                    )
                    self.problems.append(Problem(line, column, message))
                    return None
                self._refuse_tag(event, line, column)
                collection: YamlMapping | YamlSequence = (
                    YamlMapping({}, line, column)
                    if kind is mapping_start
                    else YamlSequence([], line, column)
                )
                stack.append(_Frame(collection, event.anchor))
                continue
            elif kind in collection_end:
                frame = stack.pop()
                node, size, chars = frame.node, frame.size, frame.chars
                anchor = frame.anchor
                # Its contents were counted as they were read: only the
                # collection itself is new to the document's totals.
                new_nodes, new_chars = 1, 0
            elif kind is yaml_events.AliasEvent:
                target = self.anchors.get(event.anchor)
                if target is None:
                    mark = event.start_mark
                    message = f"the alias *{event.anchor} names no anchor defined before it (&{event.anchor})"
                    self.problems.append(
                        Problem(mark.line + 1, mark.column + 1, message)
                    )
                    return None
                node, size, chars = target
                new_nodes, new_chars = size, chars  # the alias repeats it all
                anchor = None
            elif kind is yaml_events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    message = "YAML syntax error: expected a single document in the stream, but found another document"
                    self.problems = [Problem(mark.line + 1, mark.column + 1, message)]
                    return None
                continue
            else:  # stream start and end, document end
                continue
            self.count += new_nodes
            self.chars += new_chars
            if self.count > MAX_NODES or self.chars > MAX_EXPANDED_CHARS:
                self._too_large(event.start_mark, nodes=self.count > MAX_NODES)
            if anchor is not None:
                self.anchors[anchor] = (node, size, chars)
            if not stack:
                root = _as_value(node)
                continue
            parent = stack[-1]
            parent.size += size
            parent.chars += chars
            if type(parent.node) is YamlSequence:
                parent.node.items.append(_as_value(node))
            elif not parent.has_key:
                parent.has_key = True
                parent.key = self._key(node)
                parent.key_line, parent.key_column = node.line, node.column
                if parent.key is None:  # the mapping, and the key it is under
                    self.incomplete.add((parent.node.line, parent.node.column))
                    if len(stack) > 1 and stack[-2].has_key:
                        holder = stack[-2]
                        self.incomplete.add((holder.key_line, holder.key_column))
            else:
                parent.has_key = False
                if parent.key is not None:
                    self._add_entry(parent, parent.key, _as_value(node))
        return root

    def _too_large(self, mark: Any, nodes: bool) -> None:
        """Stop: the document, aliases expanded, is larger than any spec."""
        if nodes:
            what = f"more than {MAX_NODES:,} YAML nodes"
        else:
            what = f"more than {MAX_EXPANDED_CHARS // (1024 * 1024)} MB of text"
        message = (
            f"the spec expands to {what} here, its aliases expanded; "
            "write it out plainly, or anchor less"
        )
        raise _TooLarge(message, mark.line + 1, mark.column + 1)

    def _key(self, key: YamlNode) -> str | None:
        """The key's text, or None (and a problem) when it is not a plain string."""
        if not isinstance(key, YamlScalar):
            message = "a key must be a plain string, not a list or mapping"
            self.problems.append(Problem(key.line, key.column, message))
            return None
        if key.kind == "str":
            return str(key.value)
        if key.kind == "merge":
            message = "merge keys ('<<') are not allowed; write the fields out"
            self.problems.append(Problem(key.line, key.column, message))
        elif key.kind in SCALAR_KINDS:
            text = _source_text(key)
            kind = SCALAR_KINDS[key.kind]
            message = f"the key {text} reads as {'an' if kind[0] in 'aeiou' else 'a'} {kind}; quote it to make it a string: '{text}'"
            self.problems.append(Problem(key.line, key.column, message))
        return None  # a tagged key: already refused

    def _add_entry(self, frame: _Frame, name: str, value: YamlNode) -> None:
        assert isinstance(frame.node, YamlMapping)
        entries = frame.node.entries
        first = entries.get(name)
        if first is not None:
            message = f"duplicate key '{name}' (first defined at line {first.key_line}); remove or rename one"
            self.problems.append(Problem(frame.key_line, frame.key_column, message))
            return
        entries[name] = YamlEntry(name, frame.key_line, frame.key_column, value)

    def _scalar(self, event: Any, line: int, column: int) -> YamlScalar:
        text = event.value
        if event.style == '"':  # only escapes can make a lone surrogate
            self._refuse_surrogates(text, line, column)
        if event.tag is not None:
            self._refuse_tag(event, line, column)
            self.substituted.add((line, column))
            return _Tagged(text, "str", line, column)
        if not event.implicit[0]:  # quoted, or a block scalar: a string
            return YamlScalar(text, "str", line, column)
        tag = _resolve(text)
        if tag is None:
            return YamlScalar(text, "str", line, column)
        if tag == "int":
            value = parse_int(text)
            if isinstance(value, str):
                self.problems.append(Problem(line, column, value))
                self.substituted.add((line, column))
                return _Plain(text, "int", line, column, 0)
            return _Plain(text, "int", line, column, value)
        if tag == "bool":
            return _Plain(text, "bool", line, column, text.lower() == "true")
        if tag == "null":
            return _Plain(text, "null", line, column, None)
        if tag == "float":
            return _Plain(text, "float", line, column, text)
        if tag == "merge":
            return _Plain(text, "merge", line, column, text)
        if tag == "timestamp":
            message = f"'{text}' reads as a date; quote it to keep it a string"
            self.problems.append(Problem(line, column, message))
        return YamlScalar(text, "str", line, column)

    def _refuse_surrogates(self, text: str, line: int, column: int) -> None:
        """A ``\\uD800``-style escape is half of a UTF-16 pair, a character no
        output file can hold (UTF-8 cannot write it)."""
        found = _SURROGATE.search(text)
        if found is None:
            return
        code = ord(found.group())
        self.problems.append(
            Problem(
                line,
                column,
                f"this string holds \\u{code:04X}, half of a UTF-16 surrogate pair, which no"
                " output can hold; write the character itself, or its \\U escape"
                " (\\U0001F600, not \\uD83D\\uDE00)",
            )
        )

    def _refuse_tag(self, event: Any, line: int, column: int) -> None:
        tag = event.tag
        if tag is None:
            return
        tag = str(tag)
        shown = "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
        self.problems.append(
            Problem(
                line,
                column,
                f"YAML tags are not allowed in a spec (found '{shown}'); remove the tag "
                "and write a plain value (quote it to make it a string)",
            )
        )


class _Plain(YamlScalar):
    """A plain scalar YAML reads as something other than a string: it keeps its
    text, for messages that quote it (``the key true reads as a boolean``)."""

    __slots__ = ("text",)

    def __init__(
        self,
        text: str,
        kind: str,
        line: int,
        column: int,
        value: str | int | bool | float | None,
    ) -> None:
        super().__init__(value, kind, line, column)
        self.text = text


class _Tagged(YamlScalar):
    """A scalar with a tag: refused, and never read as a key."""

    __slots__ = ()


def _source_text(scalar: YamlScalar) -> str:
    return scalar.text if isinstance(scalar, _Plain) else str(scalar.value)


def _as_value(node: YamlNode) -> YamlNode:
    """A node used as a value: ``<<`` is a merge key only as a key."""
    if type(node) is _Plain and node.kind == "merge":
        return YamlScalar(node.text, "str", node.line, node.column)
    return node


def _resolve(text: str) -> str | None:
    """The YAML 1.2 type of a plain scalar (``int``, ``bool``...), None for a string."""
    resolvers = _RESOLVERS.get(text[0] if text else "", ())
    for tag, pattern in resolvers:
        if pattern.match(text):
            return str(tag).rsplit(":", 1)[-1]
    for tag, pattern in _RESOLVERS.get(None, ()):
        if pattern.match(text):
            return str(tag).rsplit(":", 1)[-1]
    return None


def parse_int(text: str) -> int | str:
    """``text`` as an integer, or why it is not one (a message for the spec line).

    YAML reads ``0x_``, ``-_`` or a 5,000-digit number as an integer; Python
    cannot convert the first two and refuses the last, so each is checked here
    first: digits after the prefix, and at most :data:`MAX_INT_DIGITS` of them.
    """
    shown = text if len(text) <= 40 else text[:37] + "..."
    if not _INT.fullmatch(text):
        return f"'{shown}' is not an integer; write it with digits, as 42"
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    base = _BASES.get(body[:2].lower(), 10)
    digits = body[2:] if base != 10 else body
    digits = digits.replace("_", "")
    if not digits:
        return f"'{shown}' has no digits, so it is not an integer; write it with digits, as 42"
    if len(digits) > MAX_INT_DIGITS:
        return (
            f"the integer '{shown}' has {len(digits):,} digits; no number in a spec "
            f"needs more than {MAX_INT_DIGITS}"
        )
    return sign * int(digits, base)
