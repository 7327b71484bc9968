"""Load a spec file into a tree of positioned nodes.

libyaml (through ``ruamel.yaml.clib``) composes the document: it is an order of
magnitude faster than ruamel's pure-Python round-trip loader on a large spec,
and its nodes already carry line and column. This module turns those nodes into
small typed nodes of our own and refuses what a spec must never contain:
duplicate keys, tags (no Python objects), merge keys, non-UTF-8 text, and
documents that are absurdly large or expand absurdly through aliases.
"""

from __future__ import annotations

import contextlib
import gc
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import nodes as yaml_nodes
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from codegen.problems import Problem, SpecError

try:  # libyaml; the pure-Python loader gives the same nodes, only slower
    from ruamel.yaml.cyaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - ruamel.yaml.clib is a pinned dependency
    from ruamel.yaml.loader import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 32 * 1024 * 1024
MAX_NODES = 2_000_000

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


def spec_label(path: Path) -> str:
    """How generated headers and messages name the spec: ``spec/normandy.yaml``.

    Only the last two path parts are used, so the label (and therefore every
    generated file) is the same from any working directory or checkout.
    """
    path = path.resolve()
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def read_spec(path: Path) -> bytes:
    """The spec's bytes; an unreadable file is the user's problem, not a crash."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SpecError(
            spec_label(path), [Problem(1, 1, f"cannot read the spec: {exc.strerror}")]
        ) from None


def load_document(path: Path) -> YamlNode:
    """Read and compose ``path``; raise :class:`SpecError` for any user mistake."""
    return parse_document(read_spec(path), spec_label(path))


def parse_document(data: bytes, label: str) -> YamlNode:
    if len(data) > MAX_BYTES:
        message = f"the spec is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes"
        raise SpecError(label, [Problem(1, 1, message)])
    text = _decode(data, label)
    try:
        with _no_gc():
            root = _compose(text)
    except MarkedYAMLError as exc:
        raise SpecError(label, [_yaml_problem(exc, text)]) from None
    except ReaderError as exc:
        raise SpecError(label, [_reader_problem(exc, text)]) from None
    except YAMLError as exc:  # unmarked, e.g. an unreadable stream
        raise SpecError(label, [Problem(1, 1, f"YAML error: {exc}")]) from None
    except _TooDeep:
        message = f"the spec has more than {MAX_COLLECTIONS:,} brackets or list items; it cannot be a spec"
        raise SpecError(label, [Problem(1, 1, message)]) from None
    if root is None:
        raise SpecError(
            label, [Problem(1, 1, "the spec is empty; start with 'format_version: 1'")]
        )
    converter = _Converter()
    try:
        with _no_gc():
            tree = converter.convert(root)
    except _TooLarge:
        message = f"the spec expands to more than {MAX_NODES:,} YAML nodes (aliases?); write it out plainly"
        raise SpecError(label, [Problem(1, 1, message)]) from None
    except RecursionError:
        raise SpecError(
            label, [Problem(1, 1, "the spec is nested too deeply to be a spec")]
        ) from None
    if converter.problems:
        raise SpecError(label, converter.problems)
    return tree


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic collector while building trees without cycles.

    Composing a large spec allocates hundreds of thousands of objects; letting
    the collector rescan them all repeatedly nearly doubles loading time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# libyaml's composer recurses in C once per nesting level: on the default 8 MiB
# stack it crashes somewhere past 20,000 levels. Documents that might nest that
# deep (a cheap upper bound: their brackets, list dashes, complex keys and
# indentation) are composed on a thread with a large stack instead; the
# converter then reports "nested too deeply" through Python's recursion limit.
SAFE_DEPTH = 10_000
MAX_COLLECTIONS = 1_000_000
_BIG_STACK = 512 * 1024 * 1024


class _TooDeep(Exception):
    pass


def _nesting_bound(text: str) -> int:
    indent = max(map(len, re.findall(r"^ +", text, re.M)), default=0)
    return (
        text.count("[") + text.count("{") + text.count("- ") + text.count("? ") + indent
    )


def _compose(text: str) -> yaml_nodes.Node | None:
    bound = _nesting_bound(text)
    if bound <= SAFE_DEPTH:
        node: yaml_nodes.Node | None = _Loader(text).get_single_node()
        return node
    if bound > MAX_COLLECTIONS:
        raise _TooDeep
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["root"] = _Loader(text).get_single_node()
        except BaseException as exc:  # re-raised on the calling thread
            outcome["error"] = exc

    previous = threading.stack_size(_BIG_STACK)
    try:
        worker = threading.Thread(target=work, name="compose-deep-spec")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(previous)
    if "error" in outcome:
        raise outcome["error"]
    root: yaml_nodes.Node | None = outcome.get("root")
    return root


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
    elif (
        context is not None
        and context.line != mark.line
        and not _whole_stream(exc.context)
    ):
        message += f" (the {exc.context.split()[-1] if exc.context else 'construct'} opened at line {context.line + 1}, column {context.column + 1})"
    return Problem(mark.line + 1, mark.column + 1, message)


def _whole_stream(context: object) -> bool:
    return any(word in str(context or "") for word in ("stream", "document"))


def _reader_problem(exc: ReaderError, text: str) -> Problem:
    """A character YAML does not allow (control characters): say which, and where."""
    position = exc.position if isinstance(exc.position, int) else 0
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    character = exc.character if isinstance(exc.character, int) else 0
    message = f"the spec contains the control character U+{character:04X}, which YAML does not allow; remove it"
    return Problem(line, column, message)


class _TooLarge(Exception):
    """Raised from deep inside the conversion when MAX_NODES is exceeded."""


class _Converter:
    """Turn composed nodes into :data:`YamlNode`, collecting problems as it goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.count = 0

    def convert(self, node: yaml_nodes.Node) -> YamlNode:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        mark = node.start_mark
        line, column = mark.line + 1, mark.column + 1
        tag = _tag(node)
        if isinstance(node, yaml_nodes.ScalarNode):
            return self._scalar(node, tag, line, column)
        if isinstance(node, yaml_nodes.MappingNode):
            return self._mapping(node, tag, line, column)
        if tag != _SEQ:
            self._refuse_tag(tag, line, column)
        return YamlSequence([self.convert(item) for item in node.value], line, column)

    def _mapping(
        self, node: yaml_nodes.MappingNode, tag: str, line: int, column: int
    ) -> YamlMapping:
        if tag != _MAP:
            self._refuse_tag(tag, line, column)
        entries: dict[str, YamlEntry] = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            key_line, key_column = mark.line + 1, mark.column + 1
            key_tag = _tag(key_node)
            if key_tag == _MERGE:
                self.problems.append(
                    Problem(
                        key_line,
                        key_column,
                        "merge keys ('<<') are not allowed; write the fields out",
                    )
                )
                continue
            if not isinstance(key_node, yaml_nodes.ScalarNode):
                self.problems.append(
                    Problem(
                        key_line,
                        key_column,
                        "a key must be a plain string, not a list or mapping",
                    )
                )
                continue
            if key_tag != _STR:
                kind = SCALAR_KINDS.get(
                    key_tag.rsplit(":", 1)[-1], "value that is not a string"
                )
                message = f"the key {key_node.value} reads as {'an' if kind[0] in 'aeiou' else 'a'} {kind}; quote it to make it a string: '{key_node.value}'"
                self.problems.append(Problem(key_line, key_column, message))
                continue
            key = key_node.value
            if key in entries:
                first = entries[key]
                message = f"duplicate key '{key}' (first defined at line {first.key_line}); remove or rename one"
                self.problems.append(Problem(key_line, key_column, message))
                continue
            entries[key] = YamlEntry(
                key, key_line, key_column, self.convert(value_node)
            )
        return YamlMapping(entries, line, column)

    def _scalar(
        self, node: yaml_nodes.ScalarNode, tag: str, line: int, column: int
    ) -> YamlScalar:
        text = node.value
        if tag == _STR:
            return YamlScalar(text, "str", line, column)
        kind = tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else ""
        if kind == "int":
            return YamlScalar(_int(text), "int", line, column)
        if kind == "bool":
            return YamlScalar(text.lower() == "true", "bool", line, column)
        if kind == "null":
            return YamlScalar(None, "null", line, column)
        if kind == "float":
            return YamlScalar(text, "float", line, column)
        if kind == "timestamp":
            message = f"'{text}' reads as a date; quote it to keep it a string"
            self.problems.append(Problem(line, column, message))
            return YamlScalar(text, "str", line, column)
        self._refuse_tag(tag, line, column)
        return YamlScalar(text, "str", line, column)

    def _refuse_tag(self, tag: str, line: int, column: int) -> None:
        shown = "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
        self.problems.append(
            Problem(
                line,
                column,
                f"YAML tags are not allowed in a spec (found '{shown}'); use plain values",
            )
        )


_STR, _MAP, _SEQ, _MERGE = (
    _TAG_PREFIX + name for name in ("str", "map", "seq", "merge")
)


def _tag(node: yaml_nodes.Node) -> str:
    """The node's full tag, without ruamel's slower ``Node.tag`` property."""
    ctag = node.ctag
    if ctag.handle is None:
        return str(ctag.suffix)
    return str(ctag)


def _int(text: str) -> int:
    cleaned = text.replace("_", "")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if cleaned.lower().lstrip("+-").startswith(prefix):
            sign = -1 if cleaned.startswith("-") else 1
            return sign * int(cleaned.lstrip("+-")[2:], base)
    return int(cleaned)
