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
]

MEASURE = """(width) => {
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
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    past: past.slice(0, 10),
    broken: broken.slice(0, 10),
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
