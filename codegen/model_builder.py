"""Check what the structure cannot express, and build the model.

The structural schema has already reported wrong types and unknown fields; this
stage reads the tree tolerantly (a broken part reads as ``None`` and is skipped,
so it is never reported twice) and adds the cross-reference and Firefox rules:
illegal Uptake values, placeholders, duplicate constants, Python keywords,
conditions naming keys or values that do not exist.
"""

from __future__ import annotations

import re
from typing import Any

from codegen import model as m
from codegen.format_language import SHORT_TEXT, quoted
from codegen.loader import YamlEntry, YamlMapping, YamlNode, YamlScalar, YamlSequence
from codegen.patterns import NotPortable, check_portable
from codegen.problems import Problem, did_you_mean
from codegen.spec_format import FORMAT_VERSION

_PLACEHOLDER = re.compile(r"<([^<>]+)>")


def _str_value(value: YamlNode | None) -> str | None:
    if isinstance(value, YamlScalar) and value.kind == "str":
        return str(value.value)
    return None


def _int_value(value: YamlNode | None) -> int | None:
    if (
        isinstance(value, YamlScalar)
        and value.kind == "int"
        and isinstance(value.value, int)
    ):
        return value.value
    return None


def _str_items(value: YamlNode | None) -> tuple[str, ...]:
    if not isinstance(value, YamlSequence):
        return ()
    return tuple(
        str(item.value)
        for item in value.items
        if isinstance(item, YamlScalar) and item.kind == "str"
    )


def _text(node: YamlNode | None, name: str) -> str | None:
    return _str_value(_child(node, name))


def _bool(node: YamlNode | None, name: str) -> bool:
    value = _child(node, name)
    return (
        isinstance(value, YamlScalar) and value.kind == "bool" and value.value is True
    )


def _int(node: YamlNode | None, name: str) -> int | None:
    return _int_value(_child(node, name))


def _child(node: YamlNode | None, name: str) -> YamlNode | None:
    if isinstance(node, YamlMapping):
        entry = node.entries.get(name)
        return entry.value if entry else None
    return None


def _entries(
    node: YamlNode | None, name: str | None = None
) -> list[YamlEntry] | tuple[()]:
    target = _child(node, name) if name else node
    return list(target.entries.values()) if isinstance(target, YamlMapping) else ()


def _strings(node: YamlNode | None, name: str) -> list[YamlScalar]:
    target = _child(node, name)
    if not isinstance(target, YamlSequence):
        return []
    return [
        item
        for item in target.items
        if isinstance(item, YamlScalar) and item.kind == "str"
    ]


# Names the generated package defines itself; a spec name that becomes one of
# them would silently replace it.
RESERVED_NAMES = frozenset(
    {
        "LEGAL_UPTAKE_VALUES",
        "SOURCES",
        "CATEGORY",
        "VALUE_MAX_LENGTH",
        "EXTRA_MAX_LENGTH",
        "ENROLLMENT_ID_FILLER",
        "ENROLLMENT_ID_FORMAT",
        "EVENTS",
        "OBJECTS",
        "METHODS",
    }
)


def _tracking(node: YamlNode | None) -> dict[str, Any]:
    """The fields every item may carry besides its own: ``lint_ignore``,
    ``renamed_from`` and ``firefox_source``."""
    return {
        "lint_ignore": _str_items(_child(node, "lint_ignore")),
        "renamed_from": _text(node, "renamed_from"),
        "firefox_source": _text(node, "firefox_source"),
    }


def _key_loc(entry: YamlEntry) -> m.Loc:
    return m.Loc(entry.key_line, entry.key_column)


def _node_loc(node: YamlNode | None) -> m.Loc:
    return m.Loc(node.line, node.column) if node is not None else m.NOWHERE


def _int_items(value: YamlNode | None) -> tuple[int, ...]:
    if not isinstance(value, YamlSequence):
        return ()
    return tuple(
        item.value
        for item in value.items
        if isinstance(item, YamlScalar)
        and isinstance(item.value, int)
        and item.kind == "int"
    )


def _at(node: YamlNode | None, default: YamlNode) -> tuple[int, int]:
    chosen = node if node is not None else default
    return chosen.line, chosen.column


class ModelBuilder:
    def __init__(self, root: YamlNode, label: str, source_name: str = "") -> None:
        self.root = root
        self.label = label
        self.source_name = source_name
        self.problems: list[Problem] = []
        self.metadata: m.Metadata | None = (
            None  # the spec's, read first: items inherit it
        )
        self.method_members: dict[str, YamlEntry] = (
            {}
        )  # EventMethod member -> first method

    def report(
        self, node: YamlNode | None, message: str, default: YamlNode | None = None
    ) -> None:
        line, column = _at(node, default or self.root)
        self.problems.append(Problem(line, column, message))

    def build(self) -> m.Spec:
        root = self.root
        version = _int(root, "format_version")
        if version is not None and version != FORMAT_VERSION:
            message = f"format_version {version} is not supported; this toolchain reads format_version {FORMAT_VERSION}"
            self.report(_child(root, "format_version"), message)
        self.metadata = self.spec_metadata(_child(root, "metadata"))
        return m.Spec(
            label=self.label,
            format_version=version or FORMAT_VERSION,
            title=_text(root, "title") or "",
            description=_text(root, "description") or "",
            uptake=self.uptake(_child(root, "uptake")),
            scalars=tuple(self.scalar(e) for e in _entries(root, "scalars")),
            enrollment_id=self.enrollment_id(_child(root, "enrollment_id")),
            events=self.events(_child(root, "events")),
            metadata=self.metadata,
            version=_text(root, "version") or m.DEFAULT_VERSION,
            version_loc=_node_loc(_child(root, "version")),
            tree=root,
            source_name=self.source_name,
        )

    # -- metadata for the Firefox targets --------------------------------------

    def spec_metadata(self, node: YamlNode | None) -> m.Metadata | None:
        if node is None:
            return None
        legacy = _child(node, "legacy")
        return m.Metadata(
            bugs=_int_items(_child(node, "bugs")),
            data_reviews=_str_items(_child(node, "data_reviews")),
            notification_emails=_str_items(_child(node, "notification_emails")),
            expires=_text(node, "expires") or "",
            tags=_str_items(_child(node, "tags")),
            glean_file=_text(node, "glean_file") or m.NORMANDY_GLEAN_FILE,
            legacy=m.LegacyMetadata(
                record_in_processes=_str_items(_child(legacy, "record_in_processes")),
                products=_str_items(_child(legacy, "products")),
                expiry_version=_text(legacy, "expiry_version") or "",
                release_channel_collection=_text(legacy, "release_channel_collection")
                or "",
            ),
        )

    def item_metadata(
        self, node: YamlNode | None, base: m.Metadata | None = None
    ) -> m.Metadata | None:
        """``base`` (by default the spec's metadata) with an item's ``metadata``
        override applied; None without top-level metadata, where an override
        has nothing to apply to and is reported."""
        base = base or self.metadata
        if node is None:
            return base
        if base is None:
            self.report(
                node,
                "this 'metadata' override has no effect: the spec has no top-level "
                "'metadata' for it to override; add one, or remove the override",
            )
            return None
        legacy = _child(node, "legacy")
        old = base.legacy
        return m.Metadata(
            bugs=_int_items(_child(node, "bugs")) or base.bugs,
            data_reviews=_str_items(_child(node, "data_reviews")) or base.data_reviews,
            notification_emails=_str_items(_child(node, "notification_emails"))
            or base.notification_emails,
            expires=_text(node, "expires") or base.expires,
            tags=_str_items(_child(node, "tags")) or base.tags,
            glean_file=_text(node, "glean_file") or base.glean_file,
            legacy=m.LegacyMetadata(
                record_in_processes=_str_items(_child(legacy, "record_in_processes"))
                or old.record_in_processes,
                products=_str_items(_child(legacy, "products")) or old.products,
                expiry_version=_text(legacy, "expiry_version") or old.expiry_version,
                release_channel_collection=_text(legacy, "release_channel_collection")
                or old.release_channel_collection,
            ),
        )

    def uptake_glean(self, node: YamlNode | None) -> m.UptakeGlean | None:
        event = _text(node, "event")
        if node is None or event is None or "." not in event:
            return None
        category, name = event.rsplit(".", 1)
        extra = tuple(
            m.GleanExtra(e.key, _str_value(e.value) or "", _key_loc(e))
            for e in _entries(node, "extra")
        )
        event_node = _child(node, "event")
        loc = (
            m.Loc(event_node.line, event_node.column)
            if event_node is not None
            else m.NOWHERE
        )
        return m.UptakeGlean(
            category,
            name,
            extra,
            self.item_metadata(_child(node, "metadata")),
            _text(node, "telemetry_mirror"),
            loc,
        )

    # -- uptake ---------------------------------------------------------------

    def uptake(self, node: YamlNode | None) -> m.Uptake:
        legal = tuple(str(s.value) for s in _strings(node, "legal_values"))
        constants: dict[str, YamlEntry] = {}
        sources = []
        enum_names: dict[str, YamlEntry] = {}
        self.renames(_entries(node, "sources"), "source")
        self.renames(
            [
                e
                for s in _entries(node, "sources")
                for e in _entries(s.value, "statuses")
            ],
            "status",
        )
        for entry in _entries(node, "sources"):
            source = self.source(entry, legal, constants)
            self.unique(enum_names, source.enum_name, entry, "source")
            sources.append(source)
        return m.Uptake(
            _text(node, "description") or "",
            legal,
            tuple(sources),
            self.uptake_glean(_child(node, "glean")),
        )

    def source(
        self, entry: YamlEntry, legal: tuple[str, ...], constants: dict[str, YamlEntry]
    ) -> m.UptakeSource:
        node = entry.value
        key = _text(node, "key") or ""
        placeholder_node = _child(node, "placeholder")
        placeholder = self.placeholder(placeholder_node)
        names = _PLACEHOLDER.findall(key)
        key_node = _child(node, "key")
        if len(names) > 1:
            self.report(
                key_node,
                f"key '{key}' has {len(names)} placeholders; a key may have at most one",
            )
        elif names and placeholder_node is None:
            self.report(
                key_node,
                f"key '{key}' has the placeholder <{names[0]}> but source '{entry.key}' has no 'placeholder' field describing it",
            )
        elif not names and placeholder_node is not None:
            self.report(
                placeholder_node,
                f"source '{entry.key}' has a 'placeholder' but its key '{key}' has no <placeholder>; remove one or the other",
            )
        elif names and not key.endswith(f"<{names[0]}>"):
            self.report(
                key_node,
                f"key '{key}' continues after its placeholder <{names[0]}>; a placeholder must end the key",
            )
        elif names and placeholder is not None and placeholder.name != names[0]:
            message = f"placeholder name '{placeholder.name}' does not match <{names[0]}> in key '{key}'"
            self.report(_child(placeholder_node, "name"), message)
        statuses = []
        for status_entry in _entries(node, "statuses"):
            statuses.append(self.status(status_entry, entry.key, legal, constants))
        return m.UptakeSource(
            name=entry.key,
            title=_text(node, "title") or "",
            key=key,
            placeholder=placeholder,
            description=_text(node, "description") or "",
            statuses=tuple(statuses),
            correction=_text(node, "correction"),
            loc=_key_loc(entry),
            **_tracking(node),
        )

    def status(
        self,
        entry: YamlEntry,
        source: str,
        legal: tuple[str, ...],
        constants: dict[str, YamlEntry],
    ) -> m.Status:
        node = entry.value
        first = constants.get(entry.key)
        if first is not None:
            message = f"constant '{entry.key}' is already defined at line {first.key_line}; constant names must be unique across sources"
            self.problems.append(Problem(entry.key_line, entry.key_column, message))
        else:
            constants[entry.key] = entry
        self.not_reserved(entry, entry.key, "constant")
        value = _text(node, "value")
        firefox_value = _text(node, "firefox_value")
        correction = _text(node, "correction")
        if legal and value is not None and value not in legal:
            if firefox_value is None:
                message = (
                    f"'{value}' is not a legal Uptake value (uptake.legal_values)"
                    f"{did_you_mean(value, legal) or '.'} "
                    "If Normandy's data-collection document really gives this value, keep it and add "
                    "'firefox_value:' with what Firefox sends and a 'correction:' saying why"
                )
                self.report(_child(node, "value"), message)
            elif correction is None:
                self.report(
                    node,
                    f"status '{entry.key}' has a firefox_value but no 'correction' explaining the difference",
                )
        if legal and firefox_value is not None and firefox_value not in legal:
            message = f"firefox_value '{firefox_value}' is not a legal Uptake value{did_you_mean(firefox_value, legal)}"
            self.report(_child(node, "firefox_value"), message)
        firefox_name = _text(node, "firefox_name")
        if firefox_name is not None:
            name_node = _child(node, "firefox_name")
            if correction is None:
                self.report(
                    node,
                    f"status '{entry.key}' has a firefox_name but no 'correction' explaining the difference",
                )
            if firefox_name == entry.key:
                self.report(
                    name_node,
                    f"firefox_name '{firefox_name}' is the constant's own name; remove it",
                )
            elif firefox_name in constants and name_node is not None:
                first = constants[firefox_name]
                message = (
                    f"firefox_name '{firefox_name}' is already a constant (line {first.key_line}); "
                    "constant names must be unique across sources"
                )
                self.report(name_node, message)
            elif name_node is not None:
                constants[firefox_name] = YamlEntry(
                    firefox_name, name_node.line, name_node.column, name_node
                )
        description = _text(node, "description") or ""
        return m.Status(
            entry.key,
            value or "",
            description,
            firefox_value,
            correction,
            loc=_key_loc(entry),
            firefox_name=firefox_name,
            **_tracking(node),
        )

    def placeholder(self, node: YamlNode | None) -> m.Placeholder | None:
        if not isinstance(node, YamlMapping):
            return None  # absent, or already reported by the structure check
        pattern = _text(node, "pattern") or ""
        self.regex(_child(node, "pattern"), pattern)
        return m.Placeholder(
            _text(node, "name") or "", _text(node, "description") or "", pattern
        )

    def regex(self, node: YamlNode | None, pattern: str) -> None:
        """Patterns are embedded in larger regexes (keys, JSON Schema): only plain ones work there."""
        core = m.core_pattern(pattern)
        try:
            re.compile(pattern)
            re.compile(f"x(?:{core})y")
        except re.error as exc:
            self.report(
                node, f"pattern '{pattern}' is not a valid regular expression: {exc}"
            )
            return
        if re.search(r"\(\?[aiLmsux-]", pattern):
            self.report(
                node,
                f"pattern '{pattern}' uses inline flags, which do not survive being embedded in the key's regex; spell the cases out ([a-fA-F])",
            )
        elif re.search(r"(?<![\\\[])\^|(?<!\\)\$", core):
            self.report(
                node,
                f"pattern '{pattern}' has an anchor (^ or $) inside it; anchors may only start and end the pattern",
            )
        else:
            # The JSON Schema carries the pattern to ECMA-262 engines: it must mean
            # there what it means to the Python validators.
            try:
                check_portable(pattern)
            except NotPortable as exc:
                self.report(
                    node,
                    f"pattern '{pattern}' is not read alike by Python and JavaScript "
                    f"(the JSON Schema): {exc}",
                )

    # -- scalars and enrollment IDs -------------------------------------------

    def scalar(self, entry: YamlEntry) -> m.Scalar:
        node = entry.value
        self.not_reserved(entry, entry.key.upper(), "scalar")
        if entry.key in ("event", "uptake"):
            message = f"scalar '{entry.key}' would name its validators is_valid_{entry.key} and so on, which the package uses for {entry.key}s; rename it"
            self.problems.append(Problem(entry.key_line, entry.key_column, message))
        return m.Scalar(
            ident=entry.key,
            name=_text(node, "name") or "",
            kind=_text(node, "kind") or "",
            description=_text(node, "description") or "",
            key=self.placeholder(_child(node, "key")) or m.Placeholder("", "", ""),
            value=_text(node, "value") or "",
            unit=_text(node, "unit") or "",
            correction=_text(node, "correction"),
            loc=_key_loc(entry),
            metadata=self.item_metadata(_child(node, "metadata")),
        )

    def enrollment_id(self, node: YamlNode | None) -> m.EnrollmentId:
        return m.EnrollmentId(
            description=_text(node, "description") or "",
            lifetime=_text(node, "lifetime") or "",
            upload_disabled=_text(node, "upload_disabled") or "",
            format=_text(node, "format") or "",
            filler=_text(node, "filler") or "",
            correction=_text(node, "correction"),
        )

    # -- events ---------------------------------------------------------------

    def events(self, node: YamlNode | None) -> m.Events:
        category = _text(node, "category") or ""
        extra_max = _int(node, "extra_max_length") or 0
        objects = []
        self.renames(_entries(node, "objects"), "object")
        for entry in _entries(node, "objects"):
            self.renames(_entries(entry.value, "events"), "event")
            self.python_name(entry, entry.key, "object")
            metadata = self.item_metadata(_child(entry.value, "metadata"))
            events = tuple(
                self.event(
                    e,
                    category,
                    entry.key,
                    extra_max,
                    metadata,
                    _text(entry.value, "firefox_source") is not None,
                )
                for e in _entries(entry.value, "events")
            )
            objects.append(
                m.EventObject(
                    name=entry.key,
                    title=_text(entry.value, "title") or "",
                    description=_text(entry.value, "description") or "",
                    events=events,
                    correction=_text(entry.value, "correction"),
                    loc=_key_loc(entry),
                    metadata=metadata,
                    **_tracking(entry.value),
                )
            )
        return m.Events(
            category=category,
            description=_text(node, "description") or "",
            value_max_length=_int(node, "value_max_length") or 0,
            extra_max_length=extra_max,
            objects=tuple(objects),
            loc=_node_loc(_child(node, "category")),
            glean_extra_keys=_text(node, "glean_extra_keys") or "per_event",
        )

    def renames(self, entries: list[YamlEntry] | tuple[()], what: str) -> None:
        """A ``renamed_from`` must name what the item was called before: not the
        item itself, and nothing that is still there beside it."""
        names = {entry.key for entry in entries}
        for entry in entries:
            node = _child(entry.value, "renamed_from")
            origin = _str_value(node)
            if origin is None:
                continue
            if origin == entry.key:
                message = f"renamed_from '{origin}' names the {what} itself; remove it, or give the old name"
                self.report(node, message)
            elif origin in names:
                article = "an" if what[0] in "aeiou" else "a"
                message = (
                    f"renamed_from '{origin}' names {article} {what} that is still here; "
                    f"{article} {what} can only be renamed from a name that is gone"
                )
                self.report(node, message)

    def python_name(self, entry: YamlEntry, name: str, what: str) -> None:
        if m.is_python_name(name) or not name.isidentifier():
            # A name that is no identifier at all breaks the format's own name
            # pattern, which the structure check has reported with the reason.
            return
        kind = "soft keyword" if name in m.SOFT_KEYWORDS else "keyword"
        message = f"{what} '{entry.key}' becomes the Python name '{name}', which is a Python {kind}; choose another name"
        self.problems.append(Problem(entry.key_line, entry.key_column, message))

    def unique(
        self, seen: dict[str, YamlEntry], derived: str, entry: YamlEntry, what: str
    ) -> None:
        """Two spec names that become one generated name would overwrite each other."""
        first = seen.setdefault(derived, entry)
        if first is not entry:
            message = f"{what} '{entry.key}' and '{first.key}' (line {first.key_line}) both become '{derived}' in the generated code; rename one"
            self.problems.append(Problem(entry.key_line, entry.key_column, message))

    def not_reserved(self, entry: YamlEntry, derived: str, what: str) -> None:
        if derived in RESERVED_NAMES:
            becomes = "is" if derived == entry.key else f"becomes '{derived}',"
            message = f"{what} '{entry.key}' {becomes} a name the generated package already uses; rename it"
            self.problems.append(Problem(entry.key_line, entry.key_column, message))

    def event(
        self,
        entry: YamlEntry,
        category: str,
        obj: str,
        extra_max: int,
        metadata: m.Metadata | None,
        firefox_object: bool = False,
    ) -> m.Event:
        node = entry.value
        self.python_name(entry, m.snake_case(entry.key), "method")
        member = m.snake_case(entry.key).upper()
        first = self.method_members.setdefault(member, entry)
        if first.key != entry.key:
            self.unique({member: first}, member, entry, "method")
        extra_entries = _entries(node, "extra")
        keys = {e.key: e for e in extra_entries}
        python_names: dict[str, YamlEntry] = {}
        extra = []
        self.renames(extra_entries, "extra key")
        for key_entry in extra_entries:
            python = m.snake_case(key_entry.key)
            self.python_name(key_entry, python, "extra key")
            clash = python_names.get(python)
            if clash is not None:
                message = f"extra key '{key_entry.key}' and '{clash.key}' (line {clash.key_line}) both become the Python name '{python}'; rename one"
                self.problems.append(
                    Problem(key_entry.key_line, key_entry.key_column, message)
                )
            python_names.setdefault(python, key_entry)
            extra.append(self.extra_key(key_entry, keys, extra_max))
        self.sent_names(extra, f"{obj}.{entry.key}")
        documented = not (firefox_object or _text(node, "firefox_source"))
        if (
            _bool(node, "value_optional")
            and documented
            and _text(node, "correction") is None
        ):
            self.report(
                _child(node, "value_optional"),
                f"event '{entry.key}' of {obj} is in the data-collection document, which gives "
                "it a value, but sets value_optional; add a 'correction' saying when Firefox "
                "sends it without one",
            )
        return m.Event(
            category=category,
            object=obj,
            method=entry.key,
            title=_text(node, "title") or "",
            description=_text(node, "description") or "",
            value=_text(node, "value") or "",
            extra=tuple(extra),
            correction=_text(node, "correction"),
            loc=_key_loc(entry),
            metadata=self.item_metadata(_child(node, "metadata"), metadata),
            recorded_in=_str_items(_child(node, "recorded_in")) or ("glean", "legacy"),
            value_optional=_bool(node, "value_optional"),
            legacy_entry=_text(node, "legacy_entry"),
            legacy_entry_loc=_node_loc(_child(node, "legacy_entry")),
            **_tracking(node),
        )

    def sent_names(self, extra: list[m.ExtraKey], event: str) -> None:
        """Each name an extra key may be sent under (its own, its ``legacy_name``)
        belongs to that key alone: else neither the validators nor Firefox could
        tell which key a value is for."""
        owners: dict[str, m.ExtraKey] = {}
        for key in extra:
            for name in dict.fromkeys((key.name, key.legacy_key)):
                other = owners.setdefault(name, key)
                if other is key:
                    continue
                loc = key.loc if name == key.name else key.legacy_loc
                self.problems.append(
                    Problem(
                        loc.line,
                        loc.column,
                        f"extra key '{key.name}' of {event} is sent as '{name}', as "
                        f"extra key '{other.name}' (line {other.loc.line}) may be; "
                        "Firefox and the validators would mix them up, rename one",
                    )
                )

    def extra_key(
        self, entry: YamlEntry, siblings: dict[str, YamlEntry], extra_max: int
    ) -> m.ExtraKey:
        node = entry.value
        # One dictionary view, read many times: extra keys are the bulk of a large spec.
        fields = (
            {k: e.value for k, e in node.entries.items()}
            if isinstance(node, YamlMapping)
            else {}
        )
        max_length = _int_value(fields.get("max_length")) or extra_max
        truncate = _int_value(fields.get("truncate"))
        if truncate is not None and max_length and truncate > max_length:
            own = fields.get("max_length")
            source = (
                f"its max_length, line {own.line}"
                if own is not None
                else "the extra_max_length it inherits"
            )
            self.report(
                fields.get("truncate"),
                f"truncate {truncate} is longer than the key's max_length {max_length}"
                f" ({source}): the validators would refuse what the builders send;"
                f" truncate to at most {max_length}, or raise the limit",
            )
        allowed = []
        allowed_node = fields.get("allowed")
        values = _entries(allowed_node) if allowed_node is not None else ()
        self.renames(values, "allowed value")
        for value_entry in values:
            value_node = value_entry.value
            description = (
                str(value_node.value)
                if isinstance(value_node, YamlScalar)
                else _text(value_node, "description") or ""
            )
            if max_length and max_length < len(value_entry.key) <= SHORT_TEXT:
                # Longer than any name may be, it was reported once already.
                message = (
                    f"allowed value {quoted(value_entry.key)} has"
                    f" {len(value_entry.key)} characters, more than the key's limit"
                    f" of {max_length}; shorten the value, or raise the key's"
                    " max_length if Firefox sends it"
                )
                self.problems.append(
                    Problem(value_entry.key_line, value_entry.key_column, message)
                )
            correction = (
                _text(value_node, "correction")
                if isinstance(value_node, YamlMapping)
                else None
            )
            loc = _key_loc(value_entry)
            allowed.append(
                m.AllowedValue(
                    value_entry.key,
                    description,
                    correction,
                    loc=loc,
                    **_tracking(value_node),
                )
            )
        when_node = fields.get("when")
        conditions = (
            tuple(self.condition(c, entry, siblings) for c in _entries(when_node))
            if when_node is not None
            else ()
        )
        exclusive = [
            name for name in ("when", "channels", "optional") if name in fields
        ]
        if len(exclusive) > 1:
            listed = " and ".join(f"'{name}'" for name in exclusive)
            self.report(
                fields[exclusive[1]],
                f"extra key '{entry.key}' sets {listed}; choose one way the key may be absent",
            )
        optional = fields.get("optional")
        return m.ExtraKey(
            name=entry.key,
            description=_str_value(fields.get("description")) or "",
            allowed=tuple(allowed),
            examples=_str_items(fields.get("examples")),
            when=conditions,
            channels=_str_items(fields.get("channels")),
            optional=isinstance(optional, YamlScalar) and optional.value is True,
            format=_str_value(fields.get("format")),
            max_length=max_length,
            truncate=truncate,
            correction=_str_value(fields.get("correction")),
            loc=_key_loc(entry),
            lint_ignore=_str_items(fields.get("lint_ignore")),
            renamed_from=_str_value(fields.get("renamed_from")),
            legacy_name=_str_value(fields.get("legacy_name")),
            legacy_loc=_node_loc(fields.get("legacy_name")),
            firefox_source=_str_value(fields.get("firefox_source")),
        )

    def condition(
        self, entry: YamlEntry, owner: YamlEntry, siblings: dict[str, YamlEntry]
    ) -> m.Condition:
        items = entry.value.items if isinstance(entry.value, YamlSequence) else []
        values = [
            item
            for item in items
            if isinstance(item, YamlScalar) and item.kind == "str"
        ]
        target = siblings.get(entry.key)
        if entry.key == owner.key:
            self.problems.append(
                Problem(
                    entry.key_line,
                    entry.key_column,
                    f"extra key '{owner.key}' cannot depend on itself",
                )
            )
        elif target is None:
            others = [k for k in siblings if k != owner.key]
            suggestion = did_you_mean(entry.key, others)
            message = f"condition names extra key '{entry.key}', which this event does not have{suggestion}"
            self.problems.append(Problem(entry.key_line, entry.key_column, message))
            if suggestion:  # its values too, against the key it most likely means
                guess = suggestion.split("'")[1]
                self._condition_values(
                    guess,
                    siblings[guess],
                    values,
                    f" (taking '{entry.key}' as '{guess}')",
                )
        else:
            if not _entries(target.value, "allowed"):
                message = f"condition on '{entry.key}' needs '{entry.key}' to have 'allowed' values"
                self.problems.append(Problem(entry.key_line, entry.key_column, message))
            self._condition_values(entry.key, target, values)
        return m.Condition(entry.key, tuple(str(v.value) for v in values))

    def _condition_values(
        self, key: str, target: YamlEntry, values: list[YamlScalar], read_as: str = ""
    ) -> None:
        """Each value a condition lists must be one of ``key``'s allowed values."""
        allowed = [e.key for e in _entries(target.value, "allowed")]
        for item in values:
            if allowed and item.value not in allowed:
                # Values of one key share words (invalid-branch, invalid-type):
                # only a near copy is a typo; else the values are listed, not
                # a guess that would change what the condition means.
                hint = did_you_mean(
                    str(item.value), allowed, cutoff=0.8
                ) or "; its allowed values are " + ", ".join(f"'{v}'" for v in allowed)
                message = (
                    f"'{item.value}' is not an allowed value of '{key}'{read_as}{hint}"
                )
                self.problems.append(Problem(item.line, item.column, message))


def build_model(
    root: YamlNode, label: str, source_name: str = ""
) -> tuple[m.Spec, list[Problem]]:
    builder = ModelBuilder(root, label, source_name)
    spec = builder.build()
    return spec, builder.problems
