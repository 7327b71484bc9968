"""Other Sphinx sites link to the items: ``objects.inv`` and intersphinx.

The site's ``objects.inv`` lists every item of the spec and every other name
it has, under the ``telemetry`` domain; a second, tiny Sphinx project (as
Firefox's source docs would be) loads ``docs/_ext/telemetry_domain.py`` and
links to items through ``sphinx.ext.intersphinx`` with warnings as errors and
every reference checked (``-W -n``). A reference to an item that does not
exist fails that build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from support import ROOT, SPEC
from test_docs import DOCS, Page, sphinx_build

from codegen.pipeline import load_spec
from codegen.targets.docs.names import SiteNames, every_item

BASE = "https://normandy.example/telemetry/"


def inventory(site: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """``{"telemetry:event": {name: (uri, display)}}``, as intersphinx reads it."""
    from sphinx.util.inventory import InventoryFile

    with open(site / "objects.inv", "rb") as stream:
        loaded = InventoryFile.load(stream, BASE, lambda base, uri: base + uri)
    data = getattr(loaded, "data", loaded)
    return {
        kind: {
            name: (
                getattr(item, "uri", None) or item[2],
                getattr(item, "display_name", None) or item[3],
            )
            for name, item in entries.items()
        }
        for kind, entries in data.items()
    }


def test_the_inventory_lists_every_item_and_every_other_name(site: Path) -> None:
    spec = load_spec(SPEC)
    listed = inventory(site)
    names = SiteNames.of(spec)
    count = 0
    for item in every_item(spec, names):
        for name in ([item.own] if item.own else []) + list(item.others):
            entries = listed.get(f"telemetry:{name.kind}", {})
            assert (
                name.name in entries
            ), f"{name.kind} {name.name!r} is not in objects.inv"
            uri, _ = entries[name.name]
            assert uri.startswith(BASE) and "#" in uri, uri
            count += 1
    assert count > 400
    # Every event, key and value at least, by the names a role takes.
    assert "enrollFailed#preference_study" in listed["telemetry:event"]
    assert "enrollFailed#preference_study.reason" in listed["telemetry:extra"]
    assert (
        "enrollFailed#preference_study.reason=invalid-branch"
        in listed["telemetry:value"]
    )


CONF = """\
import sys
sys.path.insert(0, {ext!r})
project = "Firefox source docs (a stand-in)"
extensions = ["sphinx.ext.intersphinx", "telemetry_domain"]
intersphinx_mapping = {{"normandy": ({base!r}, {inventory!r})}}
nitpicky = True
html_theme = "basic"
"""

PAGE = """\
Normandy
========

* :telemetry:event:`enrollFailed#preference_study`
* :telemetry:event:`normandy.enrollFailed#preference_study`
* :telemetry:extra:`enrollFailed#preference_study.reason`
* :telemetry:extra:`enrollFailed#preference_study.prefBranch`
* :telemetry:value:`enrollFailed#preference_study.reason=invalid-branch`
* :telemetry:object:`preference_study`
* :telemetry:status:`RECIPE_SIGNATURE_INVALID`
* :telemetry:status:`RECIPE_INVALID_SIGNATURE`
* :telemetry:source:`recipe`
* :telemetry:scalar:`normandy.recipe_freshness`
* :telemetry:glean:`normandy.enroll_failed_preference_study`
* :telemetry:glean:`uptake.remotecontent.result.uptake_normandy`
* :telemetry:mirror:`Normandy_Enrollfailed_PreferenceStudy`
* :telemetry:entry:`normandy.enroll_failed`
* :telemetry:schema:`normandy-events.schema.json#/$defs/preference_study.enrollFailed`
* :ref:`normandy:uptake`
"""

# Where the roles above land on the real site (several land on one event).
LINKS = {
    "enrollment.html#event-preference-study-enroll-failed",
    "enrollment.html#extra-preference-study-enroll-failed-reason",
    "enrollment.html#extra-preference-study-enroll-failed-preference-branch",
    "enrollment.html#value-preference-study-enroll-failed-reason-invalid-branch",
    "enrollment.html#object-preference-study",
    "uptake.html#status-recipe-signature-invalid",
    "uptake.html#uptake-recipe",
    "scalars.html#scalar-recipe-freshness",
    "uptake-glean.html#uptake-glean-event",
    "uptake.html#uptake",
}


def consumer(root: Path, site: Path, page: str) -> Path:
    source = root / "source"
    source.mkdir(parents=True)
    (source / "conf.py").write_text(
        CONF.format(
            ext=str(DOCS / "_ext"), base=BASE, inventory=str(site / "objects.inv")
        ),
        "utf-8",
    )
    (source / "index.rst").write_text(page, "utf-8")
    return source


def test_another_site_links_to_items_through_intersphinx(
    site: Path, tmp_path: Path
) -> None:
    source = consumer(tmp_path, site, PAGE)
    built = sphinx_build(source, tmp_path / "html")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    links = [
        link
        for link in Page(tmp_path / "html" / "index.html").links()
        if link.startswith(BASE)
    ]
    found = {link.removeprefix(BASE) for link in links}
    assert set(LINKS) <= found, set(LINKS) - found
    # Each role's link lands where the real site has that item.
    for link in found:
        page, anchor = link.split("#")
        assert anchor in Page(site / page).ids, link


def test_a_link_to_an_item_that_does_not_exist_fails_the_other_build(
    site: Path, tmp_path: Path
) -> None:
    source = consumer(
        tmp_path, site, PAGE + "\n* :telemetry:event:`enrolFailed#preference_study`\n"
    )
    built = sphinx_build(source, tmp_path / "html")
    assert built.returncode != 0
    assert "enrolFailed#preference_study" in built.stderr


def test_the_domain_needs_nothing_but_sphinx() -> None:
    """Another site copies one file: it imports nothing of this project."""
    text = (DOCS / "_ext" / "telemetry_domain.py").read_text("utf-8")
    imports = {
        line.split()[1].split(".")[0]
        for line in text.splitlines()
        if line.startswith(("import ", "from "))
    }
    assert imports <= {"__future__", "docutils", "sphinx", *sys.stdlib_module_names}


def test_every_kind_of_name_the_pages_declare_has_a_title() -> None:
    """The pages write each name with its kind, and the domain alone says what
    search and the index call that kind ("(extra key)"): every kind the
    generated pages use must have its title there."""
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import telemetry_domain as domain
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    kinds: set[str] = set()
    for page in (ROOT / "generated" / "docs").glob("*.rst"):
        for line in page.read_text("utf-8").splitlines():
            if line.startswith(".. telemetry:") and "::" in line:
                kinds.add(line[len(".. telemetry:") : line.index("::")])
            elif line.startswith('   ["'):
                row = json.loads(line)
                if len(row) == 3:
                    kinds.add(row[0])
    kinds.discard("names")  # a section that is not an item: other names only
    assert {"event", "extra", "value", "status", "schema", "glean", "mirror"} <= kinds
    for kind in sorted(kinds):
        assert domain.index_entry(kind, "x").startswith("x ("), kind
