"""The site at 390 px wide, a phone's width, in Chromium.

On every page: nothing scrolls sideways, no element of the page's text sticks
out past the screen's edge, and no word of code breaks inside itself (a long
name breaks only at the ``<wbr>`` after its dots and slashes, a value such as
``invalid-branch`` never). Full-page screenshots of each page at that width
go to ``docs/_build/screenshots/narrow-<page>.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_docs import BROWSER_ARGS, CHROMIUM, SCREENSHOTS, require_chromium, serve

WIDTH = 390
PAGES = [
    "index",
    "overview",
    "uptake",
    "uptake-glean",
    "scalars",
    "enrollment",
    "corrections",
    "python",
    "pipeline",
    "api",
    "maintaining",
    "spec-format",
    "genindex",
    "py-modindex",
]

MEASURE = r"""(width) => {
  const article = document.querySelector("article") || document.body;
  const past = [];
  for (const element of article.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      past.push(`${element.tagName.toLowerCase()}.${element.className}: ` +
        `${(element.textContent || "").trim().slice(0, 60)} (right edge ${Math.round(box.right)})`);
    }
  }
  const broken = [];
  for (const word of article.querySelectorAll("span.pre")) {
    if (word.getClientRects().length > 1) broken.push(word.textContent);
  }
  // Any other word (prose, links, the index pages, search results) may
  // break only after a separator or at a hyphen, never between two letters or
  // digits. Code examples (pre) wrap anywhere: they are code, not names.
  const cut = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode() && cut.length < 10) {
    const text = walker.currentNode;
    if (text.parentElement.closest("pre, span.pre")) continue;
    for (const word of text.data.matchAll(/\S{2,}/g)) {
      range.setStart(text, word.index);
      range.setEnd(text, word.index + word[0].length);
      if (range.getClientRects().length < 2) continue;
      let top = null;
      for (let i = word.index; i < word.index + word[0].length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        if (top !== null && box.top > top + 3) {
          if (/[\p{L}\p{N}]/u.test(text.data[i - 1]) && /[\p{L}\p{N}]/u.test(text.data[i])) {
            cut.push(`${word[0]} (cut before "${text.data.slice(i, i + 8)}")`);
          }
          break;
        }
        top = box.top;
      }
    }
  }
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    past: past.slice(0, 10),
    broken: broken.slice(0, 10),
    cut,
    words: article.querySelectorAll("span.pre").length,
  };
}"""


@pytest.fixture(scope="module")
def narrow_page(site: Path) -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=BROWSER_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 844})
            page.base_url = url  # type: ignore[attr-defined]
            yield page
        finally:
            browser.close()


@pytest.mark.parametrize("name", PAGES)
def test_the_page_reads_at_390_px_without_scrolling_sideways(
    narrow_page: object, name: str
) -> None:
    page = narrow_page
    page.goto(page.base_url + f"{name}.html")  # type: ignore[attr-defined]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(  # type: ignore[attr-defined]
        path=str(SCREENSHOTS / f"narrow-{name}.png"), full_page=True
    )
    found = page.evaluate(MEASURE, WIDTH)  # type: ignore[attr-defined]
    assert found["scrollWidth"] <= WIDTH, f"{name}.html scrolls sideways: {found}"
    assert not found["past"], f"{name}.html: past the right edge: {found['past']}"
    assert not found[
        "broken"
    ], f"{name}.html: code broken inside a word: {found['broken']}"
    assert not found["cut"], f"{name}.html: a word cut between letters: {found['cut']}"


def test_the_check_sees_a_value_broken_inside_a_word(narrow_page: object) -> None:
    """Without the site's rules for code, the theme breaks values at their
    hyphens, as the issue saw (``invalid-`` / ``branch``); the check notices."""
    page = narrow_page
    page.goto(page.base_url + "enrollment.html")  # type: ignore[attr-defined]
    page.add_style_tag(  # type: ignore[attr-defined]
        content="article span.pre { white-space: normal !important; }"
        " article { width: 120px !important; }"
    )
    found = page.evaluate(MEASURE, WIDTH)  # type: ignore[attr-defined]
    assert found["broken"], "a 120 px column must break some hyphenated value"


@pytest.mark.parametrize("query", ["uptake_normandy", "enrollFailed"])
def test_search_results_read_at_390_px(narrow_page: object, query: str) -> None:
    """Search results are written by Sphinx's script, after the page loads: their
    long names (``normandy.expPrefChanged#preference_study``) break after a
    separator too (``docs/_static/break-names.js``)."""
    page = narrow_page
    page.goto(page.base_url + f"search.html?q={query}")  # type: ignore[attr-defined]
    results = page.locator("#search-results ul.search li")  # type: ignore[attr-defined]
    results.first.wait_for()
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelector('#search-results h2')?.textContent"
        " === 'Search Results'"  # what Sphinx's search says when it has finished
    )
    page.screenshot(  # type: ignore[attr-defined]
        path=str(SCREENSHOTS / f"narrow-search-{query}.png"), full_page=True
    )
    found = page.evaluate(MEASURE, WIDTH)  # type: ignore[attr-defined]
    assert results.count() > 3
    assert found["scrollWidth"] <= WIDTH, f"search scrolls sideways: {found}"
    assert not found["cut"], f"search: a word cut between letters: {found['cut']}"


def test_the_check_sees_a_name_cut_between_letters(narrow_page: object) -> None:
    """Without the site's break opportunities, the theme cuts a long name in
    prose wherever the line ends (``uptake_norma`` / ``ndy``); the check notices."""
    page = narrow_page
    page.goto(page.base_url + "uptake.html")  # type: ignore[attr-defined]
    page.evaluate(  # type: ignore[attr-defined]
        "() => document.querySelectorAll('article wbr').forEach((w) => w.remove())"
    )
    page.evaluate("() => document.body.normalize()")  # type: ignore[attr-defined]
    found = page.evaluate(MEASURE, WIDTH)  # type: ignore[attr-defined]
    assert found["cut"], "without <wbr>, some long name must be cut between letters"
