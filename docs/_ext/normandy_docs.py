"""Sphinx glue for the Normandy telemetry site.

Three things the stock extensions do not do:

* ``autodoc`` parses docstrings as reStructuredText, and the generated
  package's docstrings hold spec text (descriptions, corrections). So every
  docstring of ``normandy_telemetry`` is escaped with the same escaper as the
  generated pages (:mod:`codegen.targets.docs.rst`) before Sphinx reads it: a description
  holding ``.. raw:: html`` or a role shows as text on the API page too. The
  cross-references the package's templates write (``:data:`NAME```) are shown
  as code.
* ``.. normandy-api::`` documents every module of the package, found by
  walking it, so a module the generator starts writing (validators, event
  builders) appears on the API page without anyone editing it.
* Inline code breaks only where a reader expects it (:class:`Translator`): a
  long name (``normandy.enroll_failed_preference_study``, a JSON Schema
  pointer, a pattern) after its dots, slashes, ``#``, underscores and closing
  brackets, and a value (``invalid-branch``) never, so a 390 px wide screen wraps lines instead of
  scrolling sideways or cutting a value in two.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import pkgutil
import re
import typing
from types import ModuleType
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.ext.autodoc.mock import mock
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes
from sphinx.writers.html5 import HTML5Translator

from codegen.targets.docs import rst

logger = logging.getLogger(__name__)

PACKAGE = "normandy_telemetry"
# A Python role the package's templates write, kept as code: ":data:`X`" -> "`X`".
_PY_ROLE = re.compile(
    r":(?:py:)?(?:data|class|func|meth|attr|mod|exc|obj):`~?(?:[\w.]+\.)?([\w]+)`"
)
# Values longer than this are left out of the API page (EVENTS would print the whole catalogue).
LONGEST_VALUE = 120


def escape_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    if not (name == PACKAGE or name.startswith(PACKAGE + ".")):
        return
    source = _PY_ROLE.sub(r"`\1`", "\n".join(lines))
    escaped = rst.text(source) if source.strip() else ""
    lines[:] = escaped.split("\n") if escaped else []


def unlink_builtins(app: Sphinx, doctree: nodes.document) -> None:
    """Show built-in types in signatures (``object``, ``str``) as plain names.

    They are not documented here, and without this Sphinx links ``object``
    to whichever documented attribute happens to be called ``object``.
    """
    for xref in list(doctree.findall(addnodes.pending_xref)):
        if xref.get("refdomain") == "py" and xref.get("reftype") in {"class", "obj"}:
            if isinstance(getattr(builtins, xref.get("reftarget", ""), None), type):
                xref.replace_self(xref.children)


def prefer_label_ids(app: Sphinx, doctree: nodes.document) -> None:
    """Make a section's label its anchor (``#status-recipe-signature-invalid``).

    docutils gives a section the id made from its title first and the ids of
    labels pointing at it after; the first id is the one the heading's link
    and the search's title results use. Labels are stable, titles are not
    (two events are both called "Enrollment"), so a label comes first.
    """
    explicit = {
        doctree.nameids[name]
        for name, is_explicit in doctree.nametypes.items()
        if is_explicit and doctree.nameids.get(name)
    }
    for section in doctree.findall(nodes.section):
        labels = [anchor for anchor in section["ids"] if anchor in explicit]
        if labels and section["ids"][0] != labels[0]:
            section["ids"].remove(labels[0])
            section["ids"].insert(0, labels[0])


def _modules(mocked: list[str]) -> list[ModuleType]:
    """Every module of the package, importing ``mocked`` ones (autodoc_mock_imports) as mocks."""
    with mock(mocked):
        package = importlib.import_module(PACKAGE)
        found = [package]
        for info in pkgutil.walk_packages(package.__path__, PACKAGE + "."):
            found.append(importlib.import_module(info.name))
    return sorted(found, key=lambda module: module.__name__)


def _long_values(module: ModuleType) -> list[str]:
    """Module-level data whose value is too long to print, in name order."""
    names = []
    for name, value in vars(module).items():
        if (
            name.startswith("_")
            or isinstance(value, (type, ModuleType))
            or callable(value)
        ):
            continue
        if len(repr(value)) > LONGEST_VALUE:
            names.append(name)
    return sorted(names)


def _undocumented_data(module: ModuleType) -> list[str]:
    """Public module-level names ``module`` assigns itself without a docstring."""
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return []
    analyzer = ModuleAnalyzer.for_module(module.__name__)
    documented = {name for scope, name in analyzer.find_attr_docs() if scope == ""}
    names = []
    for node in ast.parse(source).body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        for target in targets:
            if (
                isinstance(target, ast.Name)
                and not target.id.startswith("_")
                and target.id not in documented
            ):
                names.append(target.id)
    return list(dict.fromkeys(names))


_PLAIN_VALUE = re.compile(r"[\w.' -]*")


def _data_lines(module: str, name: str, value: object) -> list[str]:
    """A ``py:data`` entry for a name autodoc leaves out, written here rather than by
    autodoc, whose "alias of Literal[...]" line would put the values (spec text)
    into the page as markup. Everything shown is escaped."""
    lines = ["", f".. py:data:: {name}", f"   :module: {module}"]
    shown = repr(value)
    if typing.get_origin(value) is typing.Literal:
        text = "A Literal of: " + ", ".join(repr(v) for v in typing.get_args(value))
        return [*lines, "", "   " + rst.text(text, 3)]
    if len(shown) <= LONGEST_VALUE and _PLAIN_VALUE.fullmatch(shown):
        lines.append(f"   :value: {shown}")
    return lines


def _own_data(module: str) -> list[str]:
    """Module-level names ``module`` assigns itself with a docstring, in source order."""
    analyzer = ModuleAnalyzer.for_module(module)
    analyzer.analyze()
    return [
        name
        for (scope, name), _ in sorted(
            analyzer.find_attr_docs().items(),
            key=lambda item: analyzer.tagorder[item[0][1]],
        )
        if scope == ""
    ]


class NormandyApi(SphinxDirective):
    """``.. normandy-api::``: a section per module of the package, documented by autodoc."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        try:
            modules = _modules(self.config.autodoc_mock_imports)
        except (
            Exception
        ) as exc:  # an import error in the generated package is a finding, not a crash
            logger.warning(
                "cannot import %s: %s: %s",
                PACKAGE,
                type(exc).__name__,
                exc,
                location=self.get_location(),
            )
            return []
        lines: list[str] = []
        for module in modules:
            name = module.__name__
            long_values = _long_values(module)
            lines += ["", rst.title(name, "-", code=True), ""]
            lines += [f".. automodule:: {name}"]
            if module.__name__ == PACKAGE:
                # The package re-exports its submodules' names; they are documented there.
                lines += ["   :no-members:"]
            else:
                lines += [
                    "   :members:",
                    "   :undoc-members:",
                    "   :member-order: bysource",
                ]
                if long_values:
                    lines += [f"   :exclude-members: {', '.join(long_values)}"]
            for value in long_values if module.__name__ != PACKAGE else []:
                lines += ["", f".. autodata:: {name}.{value}", "   :no-value:"]
            # Names the module assigns without a docstring, which autodoc leaves
            # out because it cannot tell them from imported ones (a Literal
            # alias of the builders, a constant of the runtime).
            for value in (
                _undocumented_data(module) if module.__name__ != PACKAGE else []
            ):
                if value not in long_values:
                    lines += _data_lines(name, value, getattr(module, value))
            if module.__name__ == PACKAGE:
                # What the package itself defines (its version, the spec's digest).
                for value in _own_data(PACKAGE):
                    lines += ["", f".. autodata:: {name}.{value}"]
        return nested_parse_to_nodes(
            self.state,
            "\n".join(lines),
            source="normandy-api",
            allow_section_headings=True,
        )


# Inline code longer than this may break after a separator; shorter code (every
# telemetry value, most names) never breaks.
LONG_CODE = 20
_WORDS_AND_SPACES = re.compile(r"\S+| +|\n")
# A piece ends after a separator of names, paths and patterns; never at "-",
# which values such as invalid-branch are made with.
_PIECES = re.compile(r"[^./#_=,|)\]}]*[./#_=,|)\]}]+|[^./#_=,|)\]}]+")


_HEX_RUN = re.compile(r"[0-9a-f]{32,}")
_LONG_WORD = re.compile(rf"\S{{{LONG_CODE + 1},}}")
_SPACES = re.compile(r"(\s+)")  # split() keeps them: every character is written


def _hex_chunks(piece: str) -> list[str]:
    """``piece`` cut every 16 characters inside a run of 32 hexadecimal digits or more."""
    run = _HEX_RUN.search(piece)
    if run is None:
        return [piece]
    start, end = run.span()
    chunks = [
        piece[start + i : min(start + i + 16, end)] for i in range(0, end - start, 16)
    ]
    head, tail = piece[:start], piece[end:]
    return (
        [head + chunks[0], *chunks[1:-1], chunks[-1] + tail]
        if len(chunks) > 1
        else [piece]
    )


class Translator(HTML5Translator):
    """The HTML writer, with break opportunities (``<wbr>``) in long inline code.

    Sphinx writes each word of inline code as a ``<span class="pre">``, which
    never wraps; a word longer than the screen overflows it. Here a long word
    is written as one span per piece that ends at a separator, with ``<wbr>``
    between them, so it may break there and nowhere else.
    """

    def visit_Text(self, node: nodes.Text) -> None:
        if not self.protect_literal_text:
            self._prose(node)
            return
        for token in _WORDS_AND_SPACES.findall(node.astext()):
            if token.strip():
                pieces = _PIECES.findall(token) if len(token) > LONG_CODE else [token]
                # A digest (SPEC_DIGEST) may break every 16 hexadecimal digits.
                pieces = [p for piece in pieces for p in _hex_chunks(piece)]
                self.body.append(
                    "<wbr>".join(
                        f'<span class="pre">{self.encode(piece)}</span>'
                        for piece in pieces
                    )
                )
            elif token in {" ", "\n"}:
                self.body.append(token)  # a break at whitespace, as Sphinx allows
            else:
                self.body.append("&#160;" * (len(token) - 1) + " ")

    def _prose(self, node: nodes.Text) -> None:
        """Text outside code: a long name or path in it (a file of Firefox's
        cited in a correction, a link named after a metric) may break after
        its separators, so that the browser need not cut it inside a word."""
        text = node.astext()
        if self.in_mailto or not _LONG_WORD.search(text):
            super().visit_Text(node)
            return
        self.body.append(
            "".join(
                (
                    "<wbr>".join(self.encode(piece) for piece in _PIECES.findall(token))
                    if len(token) > LONG_CODE and not token.isspace()
                    else self.encode(token)
                )
                for token in _SPACES.split(text)
            )
        )


def setup(app: Sphinx) -> dict[str, Any]:
    app.set_translator("html", Translator, override=True)
    app.connect("autodoc-process-docstring", escape_docstring)
    app.connect("doctree-read", unlink_builtins)
    app.connect("doctree-read", prefer_label_ids)
    app.add_directive("normandy-api", NormandyApi)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
