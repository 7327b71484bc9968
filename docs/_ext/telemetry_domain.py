"""``telemetry``: a Sphinx domain for Normandy's telemetry items.

Every event, extra key, allowed value, Uptake source and status, scalar and
Glean metric the site documents is an object of this domain, so that

* search results name the item and its parent ("enrollmentId of
  normandy.enroll#preference_study (extra key, in Enrollment)"), instead of
  only the page;
* pages cross-reference items with roles (below), and a reference to an item
  that does not exist fails the build;
* the site's ``objects.inv`` lists every item under its name, so another
  Sphinx site links to one with ``sphinx.ext.intersphinx`` and this file in
  its extensions (it needs nothing but Sphinx).

Roles, each taking an item's name as the inventory lists it (the category may
be given too: ``normandy.enrollFailed#preference_study``)::

    :telemetry:event:`enrollFailed#preference_study`
    :telemetry:extra:`enrollFailed#preference_study.reason`
    :telemetry:value:`enrollFailed#preference_study.reason=invalid-branch`
    :telemetry:object:`preference_study`
    :telemetry:source:`recipe`
    :telemetry:status:`RECIPE_SIGNATURE_INVALID`
    :telemetry:scalar:`normandy.recipe_freshness`
    :telemetry:glean:`normandy.enroll_failed_preference_study`
    :telemetry:mirror:`Normandy_Enrollfailed_PreferenceStudy`
    :telemetry:schema:`normandy-events.schema.json#/$defs/preference_study.enrollFailed`
    :telemetry:entry:`normandy.enroll_failed`

A former name (``renamed_from``) or the name Firefox records an item under
resolves to the item too, through the role of the item's kind.

The directives are written by the generated pages (``templates/docs/``), one
before each item's section, and are the section's label as ``.. _label:``
would be, so ``:ref:`` keeps working::

    .. telemetry:extra:: extra-preference_study-enroll-enrollment_id

       ["enroll#preference_study.enrollmentId", "enrollmentId of normandy.enroll#preference_study"]
       ["schema", "normandy-events.schema.json#/$defs/...", "... of normandy.enroll#preference_study"]

The argument is the label; each content line is a JSON array, never read as
reStructuredText, so no spec text can add markup: the item's name and what
search and the general index show of it; then each other name of the item
with its kind first. The index entry adds what search calls the kind
("enrollmentId of normandy.enroll#preference_study (extra key)").
``telemetry:names`` has only the other names (a section that is not an item,
such as the enrollment-ID rules).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from docutils import nodes
from docutils.nodes import Element, Node
from sphinx import addnodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

logger = logging.getLogger(__name__)

ITEMS = {
    "object": "event object",
    "event": "event",
    "extra": "extra key",
    "value": "allowed value",
    "source": "Uptake source",
    "status": "Uptake status",
    "scalar": "scalar",
    "glean": "Glean metric",
}
"""The kinds of item a directive declares, and what search calls each."""

OTHER_NAMES = {
    "mirror": ("telemetry mirror", ("mirror",)),
    "schema": ("JSON Schema definition", ("schema",)),
    "entry": ("Events.yaml entry", ("entry",)),
    "glean": ("Glean metric", ("glean",)),
    "uptake-value": ("Uptake value", ()),
    "firefox": ("Firefox name", ("status", "extra", "object", "event")),
    "former": ("former name", tuple(ITEMS)),
}
"""The kinds of other name an item may have: what search calls each, and the
roles that find an item by it."""

_SPACE = re.compile(r"\s+")


def index_entry(kind: str, display: str) -> str:
    """The general index's entry for a name: what search shows, and its kind."""
    title = OTHER_NAMES[kind][0] if kind in OTHER_NAMES else ITEMS[kind]
    return f"{display} ({title})"


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def canonical(target: str) -> str:
    """A role's target as the inventory names it: without the event category
    (``normandy.enrollFailed#preference_study`` -> ``enrollFailed#preference_study``).
    Methods have no dots, so whatever precedes the last dot before ``#`` is the
    category."""
    target = _collapse(target)
    head, hash_, tail = target.partition("#")
    if hash_ and "." in head and not tail.startswith("/"):  # not a JSON Pointer
        head = head.rsplit(".", 1)[1]
    return head + hash_ + tail


class TelemetryRole(XRefRole):
    """A reference to an item, shown as code; a missing target fails the build."""

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        return title, canonical(target)


class ItemDirective(SphinxDirective):
    """``.. telemetry:<kind>:: <label>`` (see the module's docstring)."""

    required_arguments = 1
    final_argument_whitespace = True  # a label may hold single spaces
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    @property
    def kind(self) -> str | None:
        """The item's kind, or None for ``telemetry:names``."""
        kind = self.name.split(":", 1)[-1]
        return None if kind == "names" else kind

    def _rows(self) -> Iterator[list[str]]:
        for number, line in enumerate(self.content, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise self.error(f"line {number} is not JSON: {exc}") from None
            if not (
                isinstance(row, list)
                and all(isinstance(part, str) and part.strip() for part in row)
            ):
                raise self.error(f"line {number} is not a list of names")
            yield [_collapse(part) for part in row]

    def run(self) -> list[Node]:
        label = self.arguments[0]
        target = nodes.target("", "", names=[label])
        self.state.document.note_explicit_target(target)
        anchor = target["ids"][0]
        domain: TelemetryDomain = self.env.domains[TelemetryDomain.name]  # type: ignore[assignment]
        rows = list(self._rows())
        entries = []
        if self.kind is not None:
            if not rows or len(rows[0]) != 2:
                raise self.error("the first line must be [name, what search shows]")
            name, display = rows.pop(0)
            domain.note_object(self.kind, name, display, anchor, 0, self)
            entries.append(
                ("single", index_entry(self.kind, display), anchor, "main", None)
            )
        for row in rows:
            if len(row) != 3 or row[0] not in OTHER_NAMES:
                raise self.error(
                    f"not [kind, name, what search shows]: {row!r}"
                    f" (kinds: {', '.join(OTHER_NAMES)})"
                )
            kind, name, display = row
            domain.note_object(kind, name, display, anchor, 1, self)
            entries.append(("single", index_entry(kind, display), anchor, "", None))
        index_node = addnodes.index(entries=entries, inline=False, telemetry=True)
        self.set_source_info(index_node)
        return [index_node, target]


class TelemetryDomain(Domain):
    """Normandy's telemetry items, their other names, and the roles that link to them."""

    name = "telemetry"
    label = "Telemetry"
    object_types: ClassVar[dict[str, ObjType]] = {
        **{kind: ObjType(title, kind) for kind, title in ITEMS.items()},
        **{
            kind: ObjType(title, *roles)
            for kind, (title, roles) in OTHER_NAMES.items()
            if kind not in ITEMS
        },
    }
    directives: ClassVar[dict[str, Any]] = {
        **{kind: ItemDirective for kind in ITEMS},
        "names": ItemDirective,
    }
    roles: ClassVar[dict[str, Any]] = {
        kind: TelemetryRole(innernodeclass=nodes.literal, warn_dangling=True)
        for kind in sorted(
            {*ITEMS, *(r for _, roles in OTHER_NAMES.values() for r in roles)}
        )
    }
    initial_data: ClassVar[dict[str, Any]] = {"objects": {}}
    dangling_warnings: ClassVar[dict[str, str]] = {
        kind: f"no {title} %(target)r is documented" for kind, title in ITEMS.items()
    }

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """What search calls a kind of item: ``extra key``, not ``Telemetry extra key``."""
        return type.lname

    @property
    def objects(self) -> dict[tuple[str, str], tuple[str, str, str, int]]:
        """(kind, name) -> (docname, anchor, what search shows, priority)."""
        return self.data.setdefault("objects", {})

    def note_object(
        self,
        kind: str,
        name: str,
        display: str,
        anchor: str,
        priority: int,
        directive: SphinxDirective,
    ) -> None:
        key = (kind, name)
        if key in self.objects:
            docname = self.objects[key][0]
            logger.warning(
                "%s %r is documented twice (also in %s)",
                self.object_types[kind].lname,
                name,
                docname,
                location=directive.get_location(),
            )
            return
        self.objects[key] = (self.env.docname, anchor, display, priority)

    def clear_doc(self, docname: str) -> None:
        for key, (doc, *_) in list(self.objects.items()):
            if doc == docname:
                del self.objects[key]

    def merge_domaindata(
        self, docnames: Iterable[str], otherdata: dict[str, Any]
    ) -> None:
        wanted = set(docnames)
        for key, value in otherdata["objects"].items():
            if value[0] in wanted:
                self.objects[key] = value

    def _find(
        self, kinds: Iterable[str], target: str
    ) -> tuple[str, tuple[str, str, str, int]] | None:
        for kind in kinds:
            found = self.objects.get((kind, target))
            if found is not None:
                return kind, found
        return None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> Element | None:
        found = self._find(self.objtypes_for_role(typ) or (), canonical(target))
        if found is None:
            return None
        _, (docname, anchor, display, _) = found
        return make_refnode(builder, fromdocname, docname, anchor, contnode, display)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, Element]]:
        results = []
        for kind in self.object_types:
            found = self.objects.get((kind, canonical(target)))
            if found is not None:
                docname, anchor, display, _ = found
                role = self.role_for_objtype(kind)
                if not role:
                    continue
                node_ = make_refnode(
                    builder, fromdocname, docname, anchor, contnode, display
                )
                results.append((f"{self.name}:{role}", node_))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for (kind, name), (docname, anchor, display, priority) in sorted(
            self.objects.items()
        ):
            yield name, shown_in_search(display), kind, docname, anchor, priority


# Sphinx escapes an object's display name for the search index, and its search
# page escapes it again, so "<recipe id>" would show as "&lt;recipe id&gt;".
# Characters HTML escapes are shown as look-alikes that need no escaping.
_LOOK_ALIKES = str.maketrans(
    {"<": "\u2039", ">": "\u203a", "&": "\uff06", '"': "\u201d", "'": "\u2019"}
)


def shown_in_search(display: str) -> str:
    """``display`` as search shows it: ``normandy/recipe/‹recipe id›``."""
    return display.translate(_LOOK_ALIKES)


def search_by_object_only(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Leave the items' general-index entries out of the search index.

    The general index was collected when the page was read; search reads the
    page as it is written. Sphinx shows an index entry found by search under
    the page's title ("Enrollment", 25 times for ``enrollmentId``); the item's
    domain object, which search finds as well, names the item and its parent.
    """
    for node in doctree.findall(addnodes.index):
        if node.get("telemetry"):
            node["entries"] = []


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(TelemetryDomain)
    app.connect("doctree-resolved", search_by_object_only)
    return {
        "version": "1",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
