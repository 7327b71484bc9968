"""Spec text cannot inject markup into the site.

``tests/fixtures/docs_injection/normandy.yaml`` puts reStructuredText
directives (``.. raw:: html``, ``.. include:: /etc/passwd``, ``.. toctree::``),
roles, substitutions, hyperlink targets, ``<script>`` and ``<img onerror>``
tags, backticks and trailing backslashes in every piece of text that reaches a
page, including the docstrings the API reference shows. The site is built
from it exactly as ``make docs`` builds the real one (a copy of ``docs/``
beside the hostile ``generated/``); the build passes with warnings as errors,
shows every such string as text, and holds no element, attribute or link that
came from the spec.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from support import ROOT, cli
from test_docs import (
    BROWSER_ARGS,
    CHROMIUM,
    DOCS,
    Page,
    assert_spec_on_site,
    require_chromium,
    serve,
    sphinx_build,
)

from codegen.pipeline import load_spec

HOSTILE = ROOT / "tests" / "fixtures" / "docs_injection" / "normandy.yaml"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    generated = cli(
        "generate", "--spec", str(HOSTILE), "--out", str(root / "generated")
    )
    assert generated.returncode == 0, generated.stderr
    shutil.copytree(DOCS, root / "docs", ignore=shutil.ignore_patterns("_build"))
    built = sphinx_build(root / "docs", root / "html")
    assert (
        built.returncode == 0
    ), f"the hostile spec broke the build:\n{built.stdout[-3000:]}\n{built.stderr}"
    assert "WARNING" not in built.stderr, built.stderr
    return root / "html"


def pages(html: Path) -> dict[str, Page]:
    return {path.name: Page(path) for path in sorted(html.glob("*.html"))}


def test_every_hostile_item_is_still_documented_under_its_label(hostile: Path) -> None:
    assert_spec_on_site(load_spec(HOSTILE), hostile, prose=False)


# (page, label or None for the whole page, text that must be shown as written)
SHOWN = [
    (
        "uptake.html",
        "status-runner_success",
        '<script>alert("status")</script> and <img src=x onerror=alert(3)>',
    ),
    (
        "uptake.html",
        "status-runner_server_error",
        '.. code-block:: html <script>alert("code-block")</script>',
    ),
    (
        "uptake.html",
        None,
        ".. |sub| replace:: INJECTED-SUBSTITUTION Uses |sub| and [1]_ and name_ and",
    ),
    ("uptake.html", None, "javascript:alert(2)"),
    ("uptake.html", "uptake-runner", "- Runner *Status* |sub| <b>bold</b>"),
    (
        "uptake.html",
        "uptake-runner",
        '- a bullet 1. an enumerator >>> print("doctest")',
    ),
    ("uptake.html", "uptake-recipe", "Recipe Status \\"),
    ("uptake.html", "uptake-recipe", "Title ===== ----"),
    ("uptake.html", "uptake-recipe", ".. note:: INJECTED-NOTE"),
    ("uptake.html", "status-recipe_success", "ends with two backslashes \\\\"),
    (
        "uptake.html",
        "status-recipe_success",
        ".. _evil-label: https://example.com/ and :raw-html:",
    ),
    (
        "scalars.html",
        "scalar-recipe_freshness",
        ".. image:: https://example.com/track.png",
    ),
    (
        "scalars.html",
        "scalar-recipe_freshness",
        ".. meta:: :http-equiv=refresh: 0; url=https://example.com/",
    ),
    ("scalars.html", "scalar-recipe_freshness", "recipe <id>"),
    ("enrollment.html", None, ".. automodule:: os"),
    ("enrollment.html", "enrollment-ids", ".. toctree:: INJECTED-TOCTREE"),
    ("enrollment.html", "enrollment-ids", "|sub| and |date| and |today|"),
    ("enrollment.html", "enrollment-ids", ".. sidebar:: INJECTED-SIDEBAR"),
    (
        "enrollment.html",
        "object-preference_study",
        '.. raw:: html <script>alert("object-title")</script>',
    ),
    ("enrollment.html", "object-preference_study", ":download:"),
    ("enrollment.html", "event-preference_study-enroll", "*Enroll*"),
    ("enrollment.html", "event-preference_study-enroll", "<i>x</i>"),
    ("enrollment.html", "event-preference_study-enroll", ".. py:function:: injected()"),
    ("enrollment.html", "event-preference_study-enroll", "#. auto-enumerated"),
    (
        "enrollment.html",
        "extra-preference_study-enroll-enrollment_id",
        "[#]_ footnote and [CIT]_ citation",
    ),
    (
        "enrollment.html",
        "extra-preference_study-enroll-branch",
        '<script>alert("example")</script>',
    ),
    (
        "enrollment.html",
        "event-preference_study-enroll_failed",
        '<iframe src="javascript:alert(4)"></iframe>',
    ),
    (
        "enrollment.html",
        "extra-preference_study-enroll_failed-reason",
        '<script>alert("allowed")</script>',
    ),
    (
        "enrollment.html",
        "extra-preference_study-enroll_failed-reason",
        '.. raw:: html <script>alert("allowed-description")</script>',
    ),
    ("enrollment.html", "extra-preference_study-enroll_failed-reason", "semi;colon"),
    ("enrollment.html", "extra-preference_study-enroll_failed-reason", "trailing\\"),
    ("enrollment.html", "extra-preference_study-enroll_failed-reason", "|sub|"),
    ("enrollment.html", "extra-preference_study-enroll_failed-reason", ":ref:"),
    ("corrections.html", None, '<iframe src="javascript:alert(4)"></iframe>'),
    (
        "api.html",
        None,
        '.. raw:: html <script>alert("raw-description")</script> .. include:: /etc/passwd',
    ),
    ("api.html", None, "|substitution| *emphasis* **strong** trailing backslash \\"),
]


@pytest.mark.parametrize(
    ("page", "label", "text"),
    SHOWN,
    ids=[f"{p}:{label or ''}:{t[:30]}" for p, label, t in SHOWN],
)
def test_hostile_text_is_shown_as_written(
    hostile: Path, page: str, label: str | None, text: str
) -> None:
    html = Page(hostile / page)
    element = html.root if label is None else html.labelled(label)
    assert text in element.text()


def test_nothing_from_the_spec_becomes_an_element_attribute_or_link(
    hostile: Path,
) -> None:
    site = pages(hostile)
    theme_scripts = {
        s.text()
        for s in site["index.html"].root.iter()
        if s.tag == "script" and "src" not in s.attrs
    }
    for name, page in site.items():
        articles = [element for element in page.root.iter() if element.tag == "article"]
        assert len(articles) == 1, name
        content = set(articles[0].iter())
        for element in page.root.iter():
            where = f"{name}: <{element.tag} {element.attrs}>"
            assert element.tag not in {"iframe", "object", "embed"}, where
            # Tags the theme uses around the content, but spec text must not add to it.
            assert element not in content or element.tag not in {
                "i",
                "b",
                "aside",
                "style",
                "form",
            }, where
            assert not any(
                attribute.startswith("on") for attribute in element.attrs
            ), where
            for attribute in ("href", "src"):
                value = element.attrs.get(attribute, "").strip().lower()
                assert not value.startswith(
                    ("javascript:", "data:", "vbscript:")
                ), where
                # The theme's footer credits Sphinx and furo; the content links nowhere outside the site.
                assert element not in content or not value.startswith(
                    ("http://", "https://", "mailto:", "//")
                ), where
            if element.tag == "script":
                assert (
                    element.attrs.get("src", "").startswith(
                        ("_static/", "searchindex.js")
                    )
                    or "src" not in element.attrs
                ), where
                if "src" not in element.attrs:
                    assert element.text() in theme_scripts, where
            if element.tag == "img":
                assert element.attrs.get("src", "").startswith("_static/"), where
            if element.tag == "meta":
                assert "http-equiv" not in element.attrs, where
            classes = set(element.attrs.get("class", "").split())
            assert not classes & {
                "note",
                "sidebar",
                "footnote-reference",
                "citation-reference",
                "substitution",
                "image",
            }, where
        assert (
            "injected" not in page.ids
        ), f"{name}: a py:function directive from the spec was obeyed"
        assert (
            "evil-label" not in page.ids
        ), f"{name}: a hyperlink target from the spec was obeyed"
        assert "root:x:0:0" not in page.root.text(), f"{name}: /etc/passwd was included"
        assert "INJECTED-SUBSTITUTION" not in page.root.text().replace(
            ".. |sub| replace:: INJECTED-SUBSTITUTION", ""
        )
        links = page.links()
        # :doc:`x`, :ref:`y <z>` and :download:`/etc/passwd` in the spec are text, not links.
        assert not any(
            link.split("#")[0] in {"x.html", "z.html"} or "passwd" in link
            for link in links
        ), name


def test_the_generated_pages_escape_what_they_include(hostile: Path) -> None:
    """Belt and braces: no line of a generated page starts a directive from spec
    text, and the ``telemetry`` directives' lines, which hold spec text, are JSON
    (which the directive never reads as reStructuredText)."""
    generated = hostile.parent / "generated" / "docs"
    telemetry = 0
    for path in generated.glob("*.rst"):
        lines = path.read_text("utf-8").splitlines()
        in_telemetry = False
        for number, line in enumerate(lines, 1):
            stripped = line.strip()
            if in_telemetry and line.startswith("   ") and stripped:
                row = json.loads(stripped)
                assert isinstance(row, list) and line.isascii(), f"{path.name}:{number}"
                continue
            in_telemetry = False
            if stripped.startswith(".. ") and "::" in stripped:
                directive = stripped[3:].split("::", 1)[0]
                if directive.startswith("telemetry:"):
                    in_telemetry = True
                    telemetry += 1
                    label = stripped.split("::", 1)[1].strip()
                    assert re.fullmatch(r"[a-z0-9][a-z0-9._~ -]*", label), line
                    continue
                assert directive in {
                    "index",
                    "list-table",
                    "admonition",
                }, f"{path.name}:{number}: {line}"
    assert telemetry > 20


def dialogs_opened(site: Path, addresses: list[str]) -> list[str]:
    """Open each address of ``site`` in Chromium, follow the first search results,
    and return every dialog (alert, confirm, prompt) a script opened."""
    from playwright.sync_api import Dialog, sync_playwright

    dialogs: list[str] = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=BROWSER_ARGS
        )
        try:
            page = browser.new_page()

            def record(dialog: Dialog) -> None:
                dialogs.append(f"{page.url}: {dialog.message}")
                dialog.dismiss()

            page.on("dialog", record)
            for address in addresses:
                page.goto(url + address)
                if not address.startswith("search.html"):
                    continue
                page.wait_for_selector("#search-results p.search-summary")
                links = page.locator("#search-results ul.search li a")
                for href in [
                    links.nth(i).get_attribute("href") or ""
                    for i in range(min(links.count(), 5))
                ]:
                    page.goto(url + href)
            page.wait_for_timeout(200)
        finally:
            browser.close()
    return dialogs


def test_chromium_runs_nothing_from_the_spec(hostile: Path) -> None:
    """Every page, and the search for the injected markup and its results, open without a dialog."""
    require_chromium()
    addresses = [
        path.name
        for path in sorted(hostile.glob("*.html"))
        if path.name != "search.html"
    ]
    addresses += [
        f"search.html?q={query}" for query in ("alert", "script", "raw", "onerror")
    ]
    assert dialogs_opened(hostile, addresses) == []


def test_the_dialog_check_sees_a_script_that_runs(tmp_path: Path) -> None:
    require_chromium()
    (tmp_path / "page.html").write_text(
        "<!doctype html><p>x</p><script>alert('ran')</script>", "utf-8"
    )
    dialogs = dialogs_opened(tmp_path, ["page.html"])
    assert len(dialogs) == 1 and dialogs[0].endswith("page.html: ran"), dialogs
