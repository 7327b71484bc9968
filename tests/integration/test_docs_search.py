"""The site's search, in Chromium, as a reader uses it.

* Searching for an item's name lists each item under its own name and its
  parent's ("enrollmentId of normandy.enroll#preference_study"), not 25
  results that all say "Enrollment".
* Every name any output defines (Glean metrics, extra keys, mirrors and tags;
  Events.yaml entries, methods, objects and keys; the scalar; JSON Schema
  definitions; every public name of the Python package) is found: one of the
  results leads to a place on the site that shows it. The names are read back
  from ``generated/``, not from the spec, so a name an output starts to define
  without the pages naming it fails here.
* ``make docs-serve`` serves the site on 127.0.0.1, where search shows
  snippets of the pages it finds.

Screenshots go to ``docs/_build/screenshots/`` (CI keeps them).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from support import GENERATED, ROOT, SPEC
from test_docs import (
    BROWSER_ARGS,
    CHROMIUM,
    DOCS,
    SCREENSHOTS,
    Element,
    Page,
    require_chromium,
)

from codegen.pipeline import load_spec

PACKAGE = GENERATED / "normandy_telemetry"


# -- every name the outputs define ----------------------------------------------------


def glean_names() -> Iterator[tuple[str, str]]:
    for path in sorted((GENERATED / "glean").rglob("*.yaml")):
        where = path.relative_to(GENERATED).as_posix()
        data = yaml.safe_load(path.read_text("utf-8"))
        if path.name == "tags.yaml":
            for tag in data:
                if not tag.startswith("$"):
                    yield where, tag
            continue
        for category, metrics in data.items():
            if category.startswith("$"):
                continue
            for metric, body in metrics.items():
                yield where, f"{category}.{metric}"
                if "telemetry_mirror" in body:
                    yield where, body["telemetry_mirror"]
                for key in body.get("extra_keys", {}):
                    yield where, key
                for tag in body.get("metadata", {}).get("tags", []):
                    yield where, tag


def legacy_names() -> Iterator[tuple[str, str]]:
    events = yaml.safe_load((GENERATED / "legacy" / "Events.yaml").read_text("utf-8"))
    for category, entries in events.items():
        for entry, body in entries.items():
            yield "Events.yaml", f"{category}.{entry}"
            for name in (
                *body["methods"],
                *body["objects"],
                *body.get("extra_keys", {}),
            ):
                yield "Events.yaml", name
    scalars = yaml.safe_load((GENERATED / "legacy" / "Scalars.yaml").read_text("utf-8"))
    for category, entries in scalars.items():
        for name in entries:
            yield "Scalars.yaml", f"{category}.{name}"


def schema_names() -> Iterator[tuple[str, str]]:
    for path in sorted((GENERATED / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text("utf-8"))
        yield path.name, path.name
        for name in schema.get("$defs", {}):
            yield path.name, f"{path.name}#/$defs/{name}"
        for name in schema.get("properties", {}):
            if "." in name:  # a scalar, by its name
                yield path.name, name


def _public(name: str) -> bool:
    return not name.startswith("_") or name == "__version__"


def python_names() -> Iterator[tuple[str, str]]:
    """``module.name`` (and ``module.Class.member``) for every public name a
    module of the package defines itself (imports are not definitions)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(GENERATED).with_suffix("").parts
        module = ".".join(p for p in parts if p != "__init__")
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:
            for name, members in _defined(node):
                if _public(name) and name != "__all__":
                    yield path.name, f"{module}.{name}"
                    for member in members:
                        if _public(member):
                            yield path.name, f"{module}.{name}.{member}"


def _defined(node: ast.stmt) -> Iterator[tuple[str, list[str]]]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        yield node.name, []
    elif isinstance(node, ast.ClassDef):
        members = []
        for child in node.body:
            for name, _ in _defined(child):
                members.append(name)
        yield node.name, members
    elif isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name):
                yield target.id, []
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        yield node.target.id, []
    elif isinstance(node, ast.Try):  # beam.py's guarded import defines nothing else
        for child in node.body + node.orelse:
            if not isinstance(child, (ast.Import, ast.ImportFrom)):
                yield from _defined(child)


def output_names() -> list[tuple[str, str]]:
    """(where, name) for every name the outputs define, each once."""
    found = dict.fromkeys(
        [*glean_names(), *legacy_names(), *schema_names(), *python_names()]
    )
    return list(found)


def test_the_outputs_define_the_names_the_issue_lists() -> None:
    """The collection above reads what it must (so the coverage test means something)."""
    names = {name for _, name in output_names()}
    for expected in (
        "uptake.remotecontent.result.uptake_normandy",
        "normandy.recipe_freshness",
        "Normandy_Enrollfailed_PreferenceStudy",
        "NORMANDY_RECIPE_FRESHNESS",
        "normandy.enroll_failed",
        "prefBranch",
        "normandy-events.schema.json#/$defs/preference_study.enrollFailed",
        "normandy_telemetry.events.preference_study.enroll_failed",
        "normandy_telemetry.uptake.RECIPE_INVALID_SIGNATURE",
        "normandy_telemetry.__version__",
        "normandy_telemetry.SPEC_DIGEST",
        "Firefox :: Normandy Client",
    ):
        assert expected in names, expected
    assert len(names) > 350


# -- a browser on the served site -----------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site as ``make docs-serve`` serves it: ``docs/serve.py``, in a process."""
    process = subprocess.Popen(
        [
            sys.executable,
            str(DOCS / "serve.py"),
            "--port",
            "0",
            "--directory",
            str(site),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url), url
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=BROWSER_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


def search_in_the_page(browser: object, url: str, query: str, shot: str) -> list[str]:
    """Type ``query`` in the sidebar's search box; the results' texts, as shown."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    try:
        page.goto(url + "index.html")
        box = page.locator("input.sidebar-search")
        box.fill(query)
        box.press("Enter")
        page.wait_for_url(f"**/search.html?q={urllib.parse.quote_plus(query)}*")
        expect(page.locator("#search-results p.search-summary")).to_contain_text(
            "Search finished", timeout=20000
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / shot))
        return page.locator("#search-results ul.search li").all_inner_texts()
    finally:
        page.close()


def test_search_results_name_each_item_and_its_parent(
    browser: object, served: str
) -> None:
    spec = load_spec(SPEC)
    keys = {
        f"enrollmentId of {event.legacy_id}"
        for event in spec.events.all
        for key in event.extra
        if key.name == "enrollmentId"
    }
    assert len(keys) > 10
    results = search_in_the_page(
        browser, served, "enrollmentId", "search-enrollmentId.png"
    )
    shown = [" ".join(text.split()) for text in results]
    # Each key first, under its own name and its event's, once.
    first = shown[: len(keys)]
    assert {text.split(" (")[0] for text in first} == keys, first
    assert all(text.endswith("(extra key, in Enrollment)") for text in first), first
    # No result is only the page's title with the key's title.
    assert not [text for text in shown if text.startswith("Enrollment > enrollmentId")]


def test_searching_a_telemetry_value_names_its_status(
    browser: object, served: str
) -> None:
    results = search_in_the_page(browser, served, "sign_error", "search-sign_error.png")
    assert results[0].startswith("sign_error of RECIPE_SIGNATURE_INVALID (Uptake value")


JS_SEARCH = """(queries) => queries.map((query) => {
  const [q, terms, excluded, highlighted, objects] = Search._parseQuery(query);
  return Search._performSearch(q, terms, excluded, highlighted, objects)
    .map((r) => [r[0], r[2]]);
})"""


def _target(
    pages: dict[str, Page], site: Path, docname: str, anchor: str
) -> Element | None:
    if docname not in pages:
        path = site / f"{docname}.html"
        if not path.is_file():
            return None
        pages[docname] = Page(path)
    page = pages[docname]
    if not anchor:
        main = [e for e in page.root.iter() if e.tag == "article"]
        return main[0] if main else page.root
    element = page.ids.get(anchor.lstrip("#"))
    if element is None:
        return None
    if element.tag == "span" and not element.children and element.parent is not None:
        element = element.parent  # a second id, written as an empty span
    if element.tag == "dt" and element.parent is not None:
        element = element.parent  # an object's signature: its whole description
    return element


def test_every_name_any_output_defines_is_found_by_search(
    browser: object, served: str, site: Path
) -> None:
    names = output_names()
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(served + "search.html")
        page.wait_for_function(
            "() => Search._index !== null && Search._index !== undefined"
        )
        results = page.evaluate(JS_SEARCH, [name for _, name in names])
    finally:
        page.close()
    pages: dict[str, Page] = {}
    missing = []
    for (where, name), found in zip(names, results):
        shown = name.rsplit(".", 1)[-1] if where.endswith(".py") else name
        if not any(
            (element := _target(pages, site, docname, anchor)) is not None
            and shown in element.text()
            for docname, anchor in found
        ):
            missing.append(f"{where}: {name}")
    assert not missing, (
        f"{len(missing)} of {len(names)} names the outputs define are not found by"
        " the site's search:\n" + "\n".join(missing)
    )


def test_the_served_site_shows_snippets_of_what_search_finds(
    browser: object, served: str
) -> None:
    results_page = browser.new_page()  # type: ignore[attr-defined]
    try:
        results_page.goto(served + "search.html?q=freshness")
        snippet = results_page.locator("#search-results ul.search li p.context").first
        snippet.wait_for(timeout=20000)
        assert "freshness" in snippet.inner_text().lower()
    finally:
        results_page.close()


def test_make_docs_serve_builds_then_serves_on_the_loopback_address() -> None:
    dry = subprocess.run(
        ["make", "-n", "docs-serve", "DOCS_PORT=8123"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sphinx-build" in dry.stdout  # the site is built first
    assert "docs/serve.py --port 8123 --directory docs/_build/html" in dry.stdout
    assert 'HOST = "127.0.0.1"' in (DOCS / "serve.py").read_text("utf-8")


def test_a_query_s_words_rank_the_section_and_the_item_they_name_first(
    browser: object, served: str
) -> None:
    """A phone reader's trial: "enrollment ID" listed the Enrollment IDs
    section 85th, under keys of validationFailed (which holds "id"); and
    "enrollFailed" listed nine extra keys before the five events."""
    results = search_in_the_page(
        browser, served, "enrollment ID", "search-enrollment-id.png"
    )
    # The two sections of that title (the telemetry's, and the package's
    # page on them) come first.
    first = sorted(" ".join(text.split()).split(" > ")[0] for text in results[:2])
    assert first == ["Enrollment", "Using the Python package"], results[:3]
    assert all("> Enrollment IDs" in text for text in results[:2]), results[:3]

    spec = load_spec(SPEC)
    events = {e.legacy_id for e in spec.events.all if e.method == "enrollFailed"}
    assert len(events) > 3
    results = search_in_the_page(
        browser, served, "enrollFailed", "search-enrollFailed.png"
    )
    first = [" ".join(text.split()).split(" (")[0] for text in results[: len(events)]]
    assert set(first) == events, first


def test_the_search_summary_counts_results_not_pages(
    browser: object, served: str
) -> None:
    """A phone reader's trial: "found 115 pages matching the search query"
    on a site of twelve pages; Sphinx counts results."""
    from playwright.sync_api import expect

    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(served + "search.html?q=enrollFailed")
        summary = page.locator("#search-results p.search-summary")
        expect(summary).to_contain_text("Search finished", timeout=20000)
        count = page.locator("#search-results ul.search li").count()
        assert summary.inner_text() == f"Search finished: {count} results."
    finally:
        page.close()
