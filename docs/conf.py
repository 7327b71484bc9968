"""Sphinx configuration of the Normandy telemetry site (``make docs``).

The site is this directory: hand-written pages, and one small page per
generated page that includes it from ``../generated/docs/`` (written by
``make generate`` from the spec). Sphinx only reads documents inside its
source directory, but ``.. include::`` may read any file, and Sphinx rebuilds
a page when a file it includes changes. Every path here is relative to this
file, so a copy of ``docs/`` beside another ``generated/`` (the hostile-spec
test) builds that one.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATED = ROOT / "generated"

# The generated package first, so autodoc documents the one beside these pages.
sys.path[:0] = [str(GENERATED), str(ROOT), str(HERE / "_ext")]

import normandy_telemetry  # noqa: E402  (the generated package beside these pages)

project = "Normandy telemetry"
# The spec's version (its ``version:``), which the generated package carries too.
version = release = normandy_telemetry.__version__
author = "The Normandy telemetry maintainers"
copyright = "the Normandy telemetry maintainers"
language = "en"

extensions = ["sphinx.ext.autodoc", "telemetry_domain", "normandy_docs"]

root_doc = "index"
exclude_patterns = ["_build", "_ext"]
templates_path: list[str] = []

# Every reference must resolve (make docs passes -n too) and spec text must show
# exactly as written: no curly quotes or dashes made from it.
nitpicky = True
smartquotes = False
# Names from the standard library in the package's signatures; there is no
# intersphinx (the build must not need the network), so they stay plain text.
nitpick_ignore_regex = [
    (
        "py:class",
        r"(re|enum|typing|collections|collections\.abc|dataclasses|importlib\.resources)\..+",
    ),
    (
        "py:class",
        r"(Pattern|StrEnum|Final|Literal|Any|Mapping|Sequence|Iterator|Iterable|Callable)",
    ),
    # The beam module's signatures name Beam's classes (as the module writes
    # them: PCollection, beam.Pipeline); Beam's docs are not in this build.
    ("py:class", r"(apache_beam|beam|pvalue)\..+|PCollection"),
]

autodoc_default_options = {"member-order": "bysource"}
# The beam module is documented without importing Apache Beam where autodoc can
# avoid it; where Sphinx still imports Beam (to read a mocked base class's
# source), Beam's import-time log lines about cloud clients this site has
# nothing to do with are dropped, so a warning in the build is always ours.
autodoc_mock_imports = ["apache_beam"]
# A filter on the root logger sees only what is logged on it (Beam's
# logging.warning); Beam's own loggers are quietened at their root.
logging.getLogger().addFilter(lambda record: "apache_beam" not in record.pathname)
logging.getLogger("apache_beam").setLevel(logging.ERROR)
autodoc_inherit_docstrings = False
autodoc_typehints = "signature"
# Beam is mocked, and a mocked class subscripted shows as a class of its own
# ("apache_beam.pvalue.PCollection.typing.Any", a phone reader found): with
# an alias, annotations are shown as the module writes them (PCollection[Any]).
autodoc_type_aliases = {"PCollection": "apache_beam.pvalue.PCollection"}
autodoc_preserve_defaults = True

html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["normandy.css"]
# Search results that name the item: items first, their sections' titles not
# twice; long names in the index pages and search results break after their
# separators on a phone, as on every other page.
html_js_files = ["telemetry-search.js", "break-names.js"]
html_title = f"Normandy telemetry {release}"
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
