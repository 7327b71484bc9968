"""The documentation site: built with Sphinx as ``make docs`` does, then read back.

The site is built once per session into ``docs/_build/html`` (what CI keeps),
warnings as errors and every reference checked. The tests then parse the HTML:
every constant, telemetry value, event, extra key and allowed value of the spec
is on the site inside the element its label points at; the hand-written
examples run; a dangling reference fails the build; and Chromium, driven by
Playwright, searches the served site for ``signature_error`` and lands on the
recipe status.
"""

from __future__ import annotations

import contextlib
import doctest
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docutils.nodes import make_id
from support import ROOT, SPEC

from codegen.model import Spec
from codegen.pipeline import load_spec
from codegen.targets.docs import items, rst

DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
SITE = BUILD / "html"
SCREENSHOTS = BUILD / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")


# -- building -------------------------------------------------------------------


def sphinx_build(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``make docs``' command (plus -E: read every page again, so no warning of an
    earlier run is hidden by an up-to-date page)."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-n",
        "-E",
        "-b",
        "html",
        str(source),
        str(out),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


@functools.cache
def built_site() -> Path:
    result = sphinx_build(DOCS, SITE)
    assert (
        result.returncode == 0
    ), f"make docs failed:\n{result.stdout[-3000:]}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    # conf.py quietens Beam's import-time lines (a docs-reader trial saw one)
    assert "apache_beam" not in result.stdout + result.stderr
    return SITE


# -- reading HTML ---------------------------------------------------------------

VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
HIDDEN = frozenset({"script", "style", "template"})


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def text(self) -> str:
        """The visible text, whitespace collapsed (headerlink pilcrows left out)."""
        parts: list[str] = []
        self._collect(parts)
        return " ".join("".join(parts).split())

    def _collect(self, parts: list[str]) -> None:
        if self.tag in HIDDEN or "headerlink" in self.attrs.get("class", "").split():
            return
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            else:
                child._collect(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(
            tag, {name: value or "" for name, value in attrs}, self.stack[-1]
        )
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(
            Element(tag, {name: value or "" for name, value in attrs}, self.stack[-1])
        )

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


class Page:
    def __init__(self, path: Path) -> None:
        builder = _TreeBuilder()
        builder.feed(path.read_text("utf-8"))
        self.path = path
        self.root = builder.root
        self.ids = {
            element.attrs["id"]: element
            for element in self.root.iter()
            if "id" in element.attrs
        }

    def labelled(self, label: str) -> Element:
        """The element a label's anchor points at (docutils turns the name into an id)."""
        anchor = make_id(label)
        assert (
            anchor in self.ids
        ), f"{self.path.name} has no element with id {anchor!r} (label {label!r})"
        element = self.ids[anchor]
        # A second id of an element is written as an empty span at its start.
        if (
            element.tag == "span"
            and not element.children
            and element.parent is not None
        ):
            return element.parent
        return element

    def links(self) -> set[str]:
        return {
            element.attrs["href"]
            for element in self.root.iter()
            if element.tag == "a" and "href" in element.attrs
        }


def visible(text: str) -> str:
    """Spec prose as the site shows it: code spans lose their backticks."""
    return " ".join(text.replace("`", "").split())


def assert_spec_on_site(spec: Spec, html: Path, prose: bool = True) -> None:
    """Every item of ``spec`` is on the site at ``html``, inside its label's element.

    ``prose`` also compares descriptions (for a spec whose code spans are plain).
    """
    uptake = Page(html / "uptake.html")
    for source in spec.uptake.sources:
        section = uptake.labelled(rst.label(source))
        assert source.key in section.text()
        source_links = {e.attrs.get("href", "") for e in section.iter() if e.tag == "a"}
        for status in source.statuses:
            assert (
                "#" + make_id(rst.label(status)) in source_links
            ), f"{status.constant} not in the summary of {source.name}"
    for source, status in spec.uptake.statuses:
        text = uptake.labelled(rst.label(status)).text()
        assert status.constant in text
        for value in status.reported_values:
            assert value in text, f"{value} not under {status.constant}"
        assert source.key in text
        assert f"api.html#normandy_telemetry.uptake.{status.constant}" in uptake.links()
        if prose:
            assert visible(status.description) in text
            if status.correction:
                assert visible(status.correction) in text
    scalars = Page(html / "scalars.html")
    for scalar in spec.scalars:
        text = scalars.labelled(rst.label(scalar)).text()
        assert (
            scalar.name in text and scalar.key.pattern in text and scalar.unit in text
        )
        if prose:
            assert visible(scalar.description) in text and visible(scalar.value) in text

    enrollment = Page(html / "enrollment.html")
    ids = enrollment.labelled("enrollment-ids").text()
    assert spec.enrollment_id.filler in ids
    if prose:
        for part in (
            spec.enrollment_id.description,
            spec.enrollment_id.lifetime,
            spec.enrollment_id.upload_disabled,
        ):
            assert visible(part) in ids
    category = spec.events.category
    for obj in spec.events.objects:
        object_section = enrollment.labelled(rst.label(obj))
        summary_links = {
            e.attrs.get("href", "") for e in object_section.iter() if e.tag == "a"
        }
        for event in obj.events:
            assert (
                "#" + make_id(rst.label(event)) in summary_links
            ), f"{event.ident} missing from the summary of {obj.name}"
            section = enrollment.labelled(rst.label(event))
            text = section.text()
            facts = [event.method, event.object, event.legacy_id, "Events.yaml"]
            if spec.has_firefox_metadata and event.in_glean:
                facts.append(f"{category}.{event.glean_name}")
            for fact in facts:
                assert fact in text, f"{fact!r} not under {event.ident}"
            assert (
                f"{event.python_name}()" in text or f"{event.python_name}_()" in text
            ), f"no builder under {event.ident}"
            if prose:
                assert (
                    visible(event.description) in text and visible(event.value) in text
                )
            for key in event.extra:
                key_section = enrollment.labelled(rst.label((event, key)))
                assert key_section in set(
                    section.iter()
                ), f"{event.ident} {key.name} is not inside its event"
                key_text = key_section.text()
                assert key.name in key_text and str(key.max_length) in key_text
                if prose:
                    assert visible(key.description) in key_text
                for example in key.examples:
                    assert example.strip() in key_text
                for allowed in key.allowed:
                    cell = enrollment.labelled(rst.label((event, key, allowed)))
                    assert cell in set(
                        key_section.iter()
                    ), f"{allowed.value!r} is not inside {key.name}"
                    assert " ".join(allowed.value.split()) in cell.text()
                    if prose:
                        assert visible(allowed.description) in key_text


# -- the real site ----------------------------------------------------------------


def test_the_site_builds_with_warnings_as_errors(site: Path) -> None:
    for page in (
        "index",
        "overview",
        "uptake",
        "uptake-glean",
        "scalars",
        "enrollment",
        "corrections",
        "python",
        "api",
        "maintaining",
        "spec-format",
        "genindex",
        "search",
    ):
        assert (site / f"{page}.html").is_file(), page


def test_every_spec_item_is_on_the_site_under_its_label(site: Path) -> None:
    assert_spec_on_site(load_spec(SPEC), site)


def test_the_coverage_check_notices_a_missing_item(site: Path, tmp_path: Path) -> None:
    """The check above can fail: drop one allowed value's anchor and it does."""
    copy = tmp_path / "html"
    shutil.copytree(
        site, copy, ignore=shutil.ignore_patterns("_static", "_sources", ".doctrees")
    )
    page = copy / "enrollment.html"
    anchor = make_id("value-preference_study-unenroll-reason-unknown")
    page.write_text(
        page.read_text("utf-8").replace(f'id="{anchor}"', 'id="gone"'), "utf-8"
    )
    with pytest.raises(AssertionError, match=anchor):
        assert_spec_on_site(load_spec(SPEC), copy)


def test_searching_finds_signature_error_in_the_index(site: Path) -> None:
    index = Page(site / "genindex.html")
    assert "uptake.html#status-recipe-signature-invalid" in index.links()
    assert "signature_error" in index.root.text()


def test_corrections_page_lists_every_correction_with_a_link_to_its_item(
    site: Path,
) -> None:
    spec = load_spec(SPEC)
    page = Page(site / "corrections.html")
    text = page.root.text()
    pages = {
        name: Page(site / f"{name}.html")
        for name in ("uptake", "uptake-glean", "scalars", "enrollment")
    }
    corrections = list(items.labelled_corrections(spec))
    assert corrections, "the spec records corrections; the page must list them"
    for label, correction in corrections:
        assert visible(correction.text) in text
        anchor = make_id(label)
        targets = [
            f"{name}.html#{anchor}"
            for name, other in pages.items()
            if anchor in other.ids
        ]
        assert targets and targets[0] in page.links(), f"no link to {label}"
        # Shown beside the item: in its section, or in its row of a table of values.
        item = pages[targets[0].split(".")[0]].labelled(label)
        while item.tag not in {"section", "tr"} and item.parent is not None:
            item = item.parent
        assert visible(correction.text) in item.text()


def test_spec_format_page_documents_every_record_and_field(site: Path) -> None:
    from codegen.format_language import iter_records
    from codegen.spec_format import SPEC_FORMAT as FORMAT

    page = Page(site / "spec-format.html")
    for record in iter_records(FORMAT):
        text = page.labelled(f"spec-format-{record.name}").text()
        for spec_field in record.fields:
            assert spec_field.name in text, f"{record.name}.{spec_field.name}"


def test_api_reference_documents_the_generated_modules(site: Path) -> None:
    page = Page(site / "api.html")
    for anchor in (
        "module-normandy_telemetry",
        "module-normandy_telemetry.uptake",
        "module-normandy_telemetry.catalog",
        "normandy_telemetry.uptake.RECIPE_SIGNATURE_INVALID",
        "normandy_telemetry.uptake.RecipeStatus.RECIPE_SIGNATURE_INVALID",
        "normandy_telemetry.catalog.get_event",
        "normandy_telemetry.catalog.EVENTS",
    ):
        assert anchor in page.ids, anchor
    # The catalogue is not printed whole.
    assert (
        "recipe.arguments.slug"
        not in page.ids["normandy_telemetry.catalog.EVENTS"].text()
    )
    # A phone reader's trial: Beam is mocked for the build, and its subscripted
    # class showed as "apache_beam.pvalue.PCollection.typing.Any".
    expand = page.ids["normandy_telemetry.beam.ValidatePings.expand"].text()
    assert "PCollection[Any]" in expand, expand
    assert ".typing." not in (site / "api.html").read_text("utf-8")


HAND_WRITTEN_EXAMPLES = sorted(
    path.name for path in DOCS.glob("*.rst") if ">>>" in path.read_text("utf-8")
)


def test_some_pages_have_examples() -> None:
    assert "python.rst" in HAND_WRITTEN_EXAMPLES


@pytest.mark.parametrize("name", HAND_WRITTEN_EXAMPLES)
def test_hand_written_examples_run(name: str) -> None:
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testfile(
        str(DOCS / name),
        module_relative=False,
        optionflags=flags,
        verbose=False,
        report=True,
    )
    assert result.attempted > 0
    assert (
        result.failed == 0
    ), f"{result.failed} example(s) in docs/{name} failed (see the output above)"


def test_a_dangling_reference_fails_the_build(tmp_path: Path) -> None:
    source = tmp_path / "docs"
    shutil.copytree(DOCS, source, ignore=shutil.ignore_patterns("_build"))
    # The copied pages include ../generated/docs/*.rst; give them the real ones.
    shutil.copytree(
        ROOT / "generated",
        tmp_path / "generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    index = source / "index.rst"
    index.write_text(
        index.read_text("utf-8") + "\nSee :ref:`status-no_such_status`.\n", "utf-8"
    )
    result = sphinx_build(source, tmp_path / "html")
    assert result.returncode != 0
    assert "status-no_such_status" in result.stderr


# -- a real browser -----------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) for the length of the block; yield its URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--headless",
]


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser test"
    if os.environ.get("NORMANDY_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def test_searching_in_chromium_lands_on_the_recipe_status(served: str) -> None:
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=BROWSER_ARGS,
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(served + "index.html")
            expect(page.locator("h1")).to_contain_text("Normandy telemetry")
            page.screenshot(path=str(SCREENSHOTS / "start.png"))

            search = page.locator("input.sidebar-search")
            search.fill("signature_error")
            search.press("Enter")
            page.wait_for_url("**/search.html?q=signature_error*")
            first = page.locator("#search-results ul.search li a").first
            expect(first).to_have_attribute(
                "href", "uptake.html#status-recipe-signature-invalid"
            )
            page.screenshot(path=str(SCREENSHOTS / "search.png"))

            first.click()
            page.wait_for_url("**/uptake.html#status-recipe-signature-invalid")
            heading = page.locator("section#status-recipe-signature-invalid > h3")
            expect(heading).to_have_text(re.compile(r"^RECIPE_SIGNATURE_INVALID\W*$"))
            expect(heading).to_be_in_viewport()
            expect(page.locator("#status-recipe-signature-invalid")).to_contain_text(
                "signature_error"
            )
            page.screenshot(path=str(SCREENSHOTS / "result.png"))
        finally:
            browser.close()


def test_the_site_names_the_document_as_readers_know_it_and_counts_right(
    site: Path,
) -> None:
    import normandy_telemetry

    for path in sorted(site.glob("*.html")):
        text = Page(path).root.text()
        assert not re.search(r"\bseed\b", text, re.I), path.name
        assert not re.search(r"\bone of the 1 \w+", text), path.name
    index = Page(site / "index.html").root.text()
    assert f"version {normandy_telemetry.__version__} of the spec" in index
    assert f"Normandy telemetry {normandy_telemetry.__version__}" in index


def _site_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_make_docs_run_twice_writes_the_same_site(tmp_path: Path) -> None:
    """A docs-reader trial: the second `make docs` rewrote searchindex.js with no
    index entries (Sphinx took the theme's settings for a changed configuration
    and read no page again), and the build's pickles sat in the published html/."""
    out = tmp_path / "_build"
    command = ["make", "-s", "docs", f"DOCS_BUILD={out}"]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr[-3000:]
    before = _site_files(out / "html")
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr[-3000:]
    after = _site_files(out / "html")
    assert sorted(after) == sorted(before)
    assert [name for name in before if after[name] != before[name]] == []
    assert b'"indexentries":{}' not in after["searchindex.js"]
    assert not any(name.startswith(".doctrees/") for name in after)
