"""The small declarative language the spec format is described in.

The spec format is described once, as data (``spec_format.py``), in these types.
The same description drives validation (with line, column and did-you-mean)
and the format's reference documentation, so the two cannot drift.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from codegen.loader import (
    YamlEntry,
    YamlMapping,
    YamlNode,
    YamlScalar,
    YamlSequence,
    read_document,
)
from codegen.problems import Problem, SpecError, did_you_mean, one_of

# Characters no text in a spec may hold: they break generated code and pages.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# The longest name, title, value or other short text: such text lands on one
# line of a page (a title, a table cell, an index entry), which docutils
# refuses past 10,000 characters; prose (max_length=None) is wrapped instead.
SHORT_TEXT = 200


@dataclass(frozen=True)
class Text:
    """A string; ``pattern`` (with a human ``hint``) constrains it, and it has at
    most ``max_length`` characters (None: prose, as long as it likes)."""

    pattern: str | None = None
    hint: str = ""
    choices: tuple[str, ...] = ()
    max_length: int | None = SHORT_TEXT

    def describe(self) -> str:
        """As the spec-format page says it: a short text's limit is said once,
        at the top of the page, not after each of its sixty fields."""
        if self.choices:
            return "one of " + ", ".join(f"``{c}``" for c in self.choices)
        if self.max_length is None:
            return "text, as long as it likes"
        limit = (
            ""
            if self.max_length == SHORT_TEXT
            else f", at most {self.max_length} characters"
        )
        return (self.hint or "short text") + limit


@dataclass(frozen=True)
class Integer:
    minimum: int = 0
    maximum: int | None = None

    def describe(self) -> str:
        return f"integer >= {self.minimum}" + (
            f" and <= {self.maximum}" if self.maximum is not None else ""
        )


@dataclass(frozen=True)
class Boolean:
    def describe(self) -> str:
        return "``true`` or ``false``"


@dataclass(frozen=True)
class ListOf:
    item: Schema
    unique: bool = True
    min_items: int = 1

    def describe(self) -> str:
        return f"list of {self.item.describe()}"


@dataclass(frozen=True)
class Field:
    name: str
    schema: Schema
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Record:
    """A mapping with a fixed set of named fields."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    shorthand: str | None = None  # a plain string may stand for this field

    def describe(self) -> str:
        return f":ref:`{self.name} <spec-format-{self.name}>`"

    def field_map(self) -> dict[str, Field]:
        return _FIELD_MAPS.get(self.name) or _FIELD_MAPS.setdefault(
            self.name, {f.name: f for f in self.fields}
        )


@dataclass(frozen=True)
class NamedMap:
    """A mapping whose keys are names the spec author chooses (constants, events)."""

    key: Text
    value: Schema
    min_items: int = 1

    def describe(self) -> str:
        return (
            f"mapping of names, each {self.key.describe()}, to {self.value.describe()}"
        )


_FIELD_MAPS: dict[str, dict[str, Field]] = {}  # by record name; records are immutable


def _shown(where: str, value: str, named: bool) -> str:
    """The subject of a message about ``value``; a mapping key's ``where`` already quotes it."""
    return where if named else f"{where} is {quoted(value)}, which"


def quoted(value: str) -> str:
    """A spec value or key, quoted on one line for a message."""
    return f"'{_one_line(value)}'"


def _one_line(text: str, limit: int = 60) -> str:
    """A value as it can be quoted in a one-line message."""
    flat = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


Schema = Text | Integer | Boolean | ListOf | Record | NamedMap

SpecPath = tuple[str | int, ...]
"""Where a node is in the spec: mapping keys and list indexes from the top."""

_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9_-]+")


def dotted(path: SpecPath) -> str:
    """``path`` as its reader would write it: ``events.objects.preference_study``,
    ``metadata.bugs[0]``; a key that is not a plain name is quoted
    (``allowed["a.b"]``), with anything unprintable escaped. The top is "the spec"."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_SEGMENT.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=True)}]"
    return text or "the spec"


def locate(tree: object, path: SpecPath) -> tuple[int, int] | None:
    """Where the node at ``path`` is written (a mapping entry: its key), or None."""
    node, at = tree, None
    for part in path:
        if isinstance(node, YamlMapping) and isinstance(part, str):
            entry = node.entries.get(part)
            if entry is None:
                return None
            node, at = entry.value, (entry.key_line, entry.key_column)
        elif isinstance(node, YamlSequence) and isinstance(part, int):
            if not 0 <= part < len(node.items):
                return None
            node = node.items[part]
            at = (node.line, node.column)
        else:
            return None
    return at


def field_of_item_at(
    tree: object, at: tuple[int, int], name: str
) -> tuple[int, int] | None:
    """Where the field ``name`` of the mapping entry whose key is written at
    ``at`` (line, column) has its value, or None: for a message about a field
    of an item that the model knows only by the item's place."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, YamlMapping):
            for entry in node.entries.values():
                if (entry.key_line, entry.key_column) == at:
                    value = entry.value
                    if isinstance(value, YamlMapping) and name in value.entries:
                        found = value.entries[name].value
                        return found.line, found.column
                    return None
                stack.append(entry.value)
        elif isinstance(node, YamlSequence):
            stack.extend(node.items)
    return None


def _whole(value: object) -> int | None:
    """The integer a float of YAML's (``1e3``, ``80.0``) is, if it is one."""
    try:
        number = float(str(value))
    except ValueError:
        return None
    return int(number) if number.is_integer() and abs(number) < 1e30 else None


@dataclass
class StructureChecker:
    """Walk a node tree against a schema, collecting every problem."""

    problems: list[Problem] = field(default_factory=list)
    absent: list[Problem] = field(default_factory=list)
    """Those of ``problems`` that say a mapping lacks a required field or
    entries (what a refused key's lost entry can cause)."""

    def check(
        self,
        node: YamlNode,
        schema: Schema,
        path: SpecPath = (),
        at: tuple[int, int] | None = None,
    ) -> None:
        """Check ``node``, found at ``path``; ``at`` is where the key naming it
        stands, for "missing" messages."""
        if isinstance(schema, Record):
            self._record(node, schema, path, at)
        elif isinstance(schema, NamedMap):
            self._named_map(node, schema, path)
        elif isinstance(schema, ListOf):
            self._list(node, schema, path)
        else:
            self._scalar(node, schema, dotted(path))

    def _wrong_type(
        self, node: YamlNode, expected: str, where: str, text: Text | None = None
    ) -> None:
        """``text``: the string format expected, whose hint replaces "quote
        it" where quoting the value would not match it (``version: 1.2``)."""
        got = node.type_name
        hint = ""
        if (
            text is not None
            and text.pattern
            and isinstance(node, YamlScalar)
            and node.kind in ("int", "float")
            and not re.fullmatch(text.pattern, str(node.value))
        ):
            hint = f"; write {text.hint}"
        elif (
            isinstance(node, YamlScalar)
            and node.kind != "str"
            and expected == "a string"
        ):
            hint = f"; quote it to make it a string: \"{node.value if node.kind != 'bool' else str(node.value).lower()}\""
            if node.kind == "null":
                hint = "; it is empty, write a value after the colon"
        elif (
            isinstance(node, YamlScalar)
            and node.kind == "float"
            and expected.startswith("an integer")
            and _whole(node.value) is not None
        ):
            # 1e3 is a float to YAML: a maintainer's trial read "not a number".
            hint = f"; write it with digits only, as {_whole(node.value)}"
        elif (
            isinstance(node, YamlScalar)
            and node.kind != "null"
            and expected.startswith("a list")
        ):
            hint = _list_hint(node)
        elif isinstance(node, YamlScalar) and node.kind == "null":
            hint = (
                "; the document holds nothing (start with 'format_version: 1')"
                if where == "the spec"
                else "; it is empty, write a value after the colon"
            )
        article = "an" if got[0] in "aeiou" else "a"
        self.problems.append(
            Problem(
                node.line,
                node.column,
                f"{where} must be {expected}, not {article} {got}{hint}",
            )
        )

    def _record(
        self,
        node: YamlNode,
        schema: Record,
        path: SpecPath,
        at: tuple[int, int] | None = None,
    ) -> None:
        where = dotted(path)
        if schema.shorthand and isinstance(node, YamlScalar) and node.kind == "str":
            self._scalar(node, Text(max_length=None), where)  # prose
            return
        if not isinstance(node, YamlMapping):
            expected = "a mapping" + (" or a string" if schema.shorthand else "")
            self._wrong_type(node, expected, where)
            return
        fields = schema.field_map()
        misspelt: set[str] = set()
        previous: YamlEntry | None = None
        for entry in node.entries.values():
            spec_field = fields.get(entry.key)
            above, previous = previous, entry
            if spec_field is None:
                missing = [name for name in fields if name not in node.entries]
                suggestion = did_you_mean(entry.key, missing) or did_you_mean(
                    entry.key, fields
                )
                message = f"unknown field {quoted(entry.key)} in {where}{suggestion}"
                above_field = fields.get(above.key) if above else None
                indent = (
                    _indent_hint(entry, above, above_field.schema)
                    if above and above_field
                    else ""
                )
                if suggestion:
                    misspelt.add(suggestion.split("'")[1])
                else:
                    message += f" (allowed: {', '.join(fields)}){indent}"
                self.problems.append(Problem(entry.key_line, entry.key_column, message))
                continue
            self.check(
                entry.value,
                spec_field.schema,
                (*path, entry.key),
                (entry.key_line, entry.key_column),
            )
        line, column = at or (node.line, node.column)
        for spec_field in schema.fields:
            # A misspelt field is reported once, as the typo, not again as missing.
            if (
                spec_field.required
                and spec_field.name not in node.entries
                and spec_field.name not in misspelt
            ):
                message = f"{where} is missing the required field '{spec_field.name}'"
                self.problems.append(Problem(line, column, message))
                self.absent.append(self.problems[-1])

    def _named_map(self, node: YamlNode, schema: NamedMap, path: SpecPath) -> None:
        where = dotted(path)
        if not isinstance(node, YamlMapping):
            self._wrong_type(node, "a mapping", where)
            return
        if len(node.entries) < schema.min_items:
            self.problems.append(
                Problem(node.line, node.column, f"{where} must not be empty")
            )
            self.absent.append(self.problems[-1])
        above: YamlEntry | None = None  # the last entry whose value is a mapping
        entries = list(node.entries.values())
        for number, entry in enumerate(entries):
            key_node = YamlScalar(entry.key, "str", entry.key_line, entry.key_column)
            self._scalar(
                key_node,
                schema.key,
                f"the name {quoted(entry.key)} in {where}",
                named=True,
            )
            reported = len(self.problems)
            self.check(
                entry.value,
                schema.value,
                (*path, entry.key),
                (entry.key_line, entry.key_column),
            )
            # A field of an entry above, written one level too far out, reads
            # as a new name here whose value is not the mapping a name needs
            # (and so do the fields after it, if they were moved together).
            if (
                above is not None
                and len(self.problems) == reported + 1
                and not isinstance(entry.value, YamlMapping)
                and isinstance(schema.value, Record)
                and entry.key in schema.value.field_map()
            ):
                hint = _indent_hint(entry, above, schema.value)
                wrong = self.problems[reported]
                self.problems[reported] = Problem(
                    wrong.line, wrong.column, wrong.message + hint
                )
            elif (
                len(self.problems) == reported + 1
                and isinstance(entry.value, YamlScalar)
                and entry.value.kind == "null"
                and isinstance(schema.value, Record)
                and number + 1 < len(entries)
                and entries[number + 1].key in schema.value.field_map()
                and entries[number + 1].key_column < entry.key_column + 2
            ):
                # Every field of this entry written one level too far out: it
                # is left empty, and its fields read as entries beside it.
                after = entries[number + 1]
                column = entry.key_column + 2  # the format's step of indentation
                spaces = column - after.key_column
                wrong = self.problems[reported]
                self.problems[reported] = Problem(
                    wrong.line,
                    wrong.column,
                    f"{where}.{entry.key} is empty; if {quoted(after.key)} (line"
                    f" {after.key_line}) and what follows are its fields, indent them"
                    f" by {spaces} more space{'s' if spaces != 1 else ''}, to column"
                    f" {column}",
                )
            if isinstance(entry.value, YamlMapping):
                above = entry

    def _list(self, node: YamlNode, schema: ListOf, path: SpecPath) -> None:
        where = dotted(path)
        if not isinstance(node, YamlSequence):
            self._wrong_type(node, "a list", where)
            return
        if len(node.items) < schema.min_items:
            self.problems.append(
                Problem(node.line, node.column, f"{where} must not be empty")
            )
        seen: dict[object, YamlScalar] = {}
        for index, item in enumerate(node.items):
            self.check(item, schema.item, (*path, index))
            if schema.unique and isinstance(item, YamlScalar):
                first = seen.get(item.value)
                if first is not None:
                    message = f"{quoted(str(item.value))} is listed twice in {where} (first at line {first.line})"
                    self.problems.append(Problem(item.line, item.column, message))
                else:
                    seen[item.value] = item

    def _scalar(
        self, node: YamlNode, schema: Schema, where: str, named: bool = False
    ) -> None:
        """``named``: ``where`` already quotes the value (a mapping key)."""
        if isinstance(schema, Text):
            if not isinstance(node, YamlScalar) or node.kind != "str":
                self._wrong_type(node, "a string", where, schema)
                return
            value = str(node.value)
            control = _CONTROL.search(value)
            if not value.strip():
                self.problems.append(
                    Problem(node.line, node.column, f"{where} must not be empty")
                )
            elif control:
                message = f"{where} contains the control character U+{ord(control.group()):04X}; remove it"
                self.problems.append(Problem(node.line, node.column, message))
            elif schema.max_length is not None and len(value) > schema.max_length:
                message = (
                    f"{_shown(where, value, named)} has {len(value):,} characters; "
                    f"at most {schema.max_length} are allowed here (only prose may be longer)"
                )
                self.problems.append(Problem(node.line, node.column, message))
            elif schema.choices and value not in schema.choices:
                message = (
                    f"{_shown(where, value, named)} is not {one_of(schema.choices)}"
                )
                self.problems.append(
                    Problem(
                        node.line,
                        node.column,
                        message + did_you_mean(value, schema.choices),
                    )
                )
            elif schema.pattern and not re.fullmatch(schema.pattern, value):
                self.problems.append(
                    Problem(
                        node.line,
                        node.column,
                        f"{_shown(where, value, named)} is not {schema.hint}",
                    )
                )
        elif isinstance(schema, Integer):
            if not isinstance(node, YamlScalar) or node.kind != "int":
                self._wrong_type(node, "an integer", where)
                return
            assert isinstance(node.value, int)
            if node.value < schema.minimum or (
                schema.maximum is not None and node.value > schema.maximum
            ):
                self.problems.append(
                    Problem(
                        node.line,
                        node.column,
                        f"{where} must be an {schema.describe()}",
                    )
                )
        elif isinstance(schema, Boolean):
            if not isinstance(node, YamlScalar) or node.kind != "bool":
                self._wrong_type(node, "true or false", where)


def _shaped_like(node: YamlNode, schema: Schema) -> bool:
    """Whether ``node`` is the kind of node ``schema`` reads (a mapping for a
    record, a list for a list...), whatever its contents."""
    if isinstance(schema, (Record, NamedMap)):
        return isinstance(node, YamlMapping)
    if isinstance(schema, ListOf):
        return isinstance(node, YamlSequence)
    return isinstance(node, YamlScalar)


def _indent_hint(entry: YamlEntry, above: YamlEntry, above_schema: Schema) -> str:
    """How to indent ``entry`` if it belongs to the mapping of the entry
    ``above`` it: when that mapping has ``entry``'s name as a field, or takes
    names of the author's choosing; otherwise nothing.

    YAML reads a line indented one level too little as the next entry of the
    mapping around it, which is valid YAML: only the format can tell."""
    inner = above.value
    if not isinstance(inner, YamlMapping) or not inner.entries:
        return ""
    if isinstance(above_schema, Record):
        if entry.key not in above_schema.field_map():
            return ""
        what = f"a field of {quoted(above.key)}"
    elif isinstance(above_schema, NamedMap) and _shaped_like(
        entry.value, above_schema.value
    ):  # only an entry shaped like the map's own (an extra key is a mapping)
        what = f"an entry of {quoted(above.key)}"
    else:
        return ""
    column = next(iter(inner.entries.values())).key_column
    if column <= entry.key_column:
        return ""
    spaces = column - entry.key_column
    return (
        f"; if it is {what} (line {above.key_line}), indent it by {spaces} more"
        f" space{'s' if spaces != 1 else ''}, to column {column}"
    )


def iter_records(schema: Schema) -> Iterator[Record]:
    """Every record type reachable from ``schema``, each once, in first-use order."""
    seen: set[str] = set()
    stack = [schema]
    while stack:
        current = stack.pop(0)
        if isinstance(current, Record):
            if current.name in seen:
                continue
            seen.add(current.name)
            yield current
            stack.extend(f.schema for f in current.fields)
        elif isinstance(current, NamedMap):
            stack.append(current.value)
        elif isinstance(current, ListOf):
            stack.append(current.item)


def _list_hint(node: YamlScalar) -> str:
    """How to write the one value given where a list belongs: ``success,
    backoff`` (a plain string to YAML) as the list it was meant to be, any
    other value as a list of one, quoted where YAML would misread it bare."""
    if node.kind != "str":
        return f"; a list of one is written in brackets: [{str(node.value).lower()}]"
    items = _as_flow_list(str(node.value))
    if items == [node.value]:
        return f"; a list of one is written in brackets: [{node.value}]"
    if (
        items is not None
        and len(items) > 1
        and all(item is not None and item != "" for item in items)
    ):
        return f"; a list is written in brackets: [{node.value}]"
    quoted = json.dumps(node.value, ensure_ascii=False)
    return f"; a list of one is written in brackets: [{quoted}]"


def _as_flow_list(text: str) -> list[object] | None:
    """What the spec's reader makes of ``[text]``: the values of a list of
    scalars, or None where it is no such list (or no YAML at all)."""
    try:
        reading = read_document(f"- [{text}]\n".encode(), "hint")
    except SpecError:
        return None
    root = reading.root
    if reading.problems or not isinstance(root, YamlSequence):
        return None
    (inner,) = root.items
    if not isinstance(inner, YamlSequence):
        return None
    values: list[object] = [
        item.value for item in inner.items if isinstance(item, YamlScalar)
    ]
    return values if len(values) == len(inner.items) else None
