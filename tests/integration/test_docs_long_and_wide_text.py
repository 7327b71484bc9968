"""The site survives spec text that used to break it with exit code 0 (issue 14,
item 7), built with warnings as errors as ``make docs`` builds it:

- titles in decomposed (NFD) kana, whose voiced sound marks are wide combining
  characters ('Title underline too short');
- allowed values ``unknown`` and ``unknown `` (one duplicate label), and values
  that differ only in case;
- paragraphs of more than 10,000 characters (docutils refused the line, and
  the whole page disappeared from the site), with spaces, without, and made of
  '=' only.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile
from support import SPEC, Patch, cli, patched
from test_docs import DOCS, sphinx_build

KANA = unicodedata.normalize("NFD", "プリファレンス・スタディ ガギグゲゴ")
WORDS = " ".join(f"word{n}" for n in range(2_500))  # about 19,000 characters
UNBROKEN = "x" * 12_000
RULE = "=" * 12_000

PATCHES = (
    Patch(
        "      title: Preference Studies\n",
        f"      title: {KANA}\n",
    ),
    Patch(
        "        enroll:\n          title: Enrollment\n          description: >-\n"
        "            Sent when the client enrolls in a preference study.",
        f"        enroll:\n          title: {KANA} \\u3099\n          description: >-\n"
        f"            {WORDS}",
    ),
    Patch(
        "                  description: >-\n"
        "                    The client already has a preference study, active or ended, with the same\n"
        "                    slug.\n",
        f"                  description: >-\n                    {UNBROKEN}\n\n"
        f"                    {RULE}\n",
    ),
    Patch(
        "              allowed:\n                invalid-branch: >-\n",
        "              allowed:\n"
        "                'unknown': A value.\n"
        "                'unknown ': The same value with a trailing space.\n"
        "                'Unknown': The same value in capitals.\n"
        "                invalid-branch: >-\n",
    ),
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("long-and-wide")
    spec = root / "spec" / "normandy.yaml"
    spec.parent.mkdir()
    text = patched(SPEC.read_text("utf-8"), *PATCHES)
    spec.write_text(
        text.replace("title: " + KANA + " \\u3099", "title: " + KANA + " \u3099"),
        "utf-8",
    )
    generated = cli("generate", "--spec", str(spec), "--out", str(root / "generated"))
    assert generated.returncode == 0, generated.stderr
    shutil.copytree(DOCS, root / "docs", ignore=shutil.ignore_patterns("_build"))
    built = sphinx_build(root / "docs", root / "html")
    assert built.returncode == 0, f"{built.stdout[-3000:]}\n{built.stderr}"
    assert "WARNING" not in built.stderr, built.stderr
    return root / "html"


def test_the_site_builds_and_keeps_every_page(site: Path) -> None:
    for page in ("uptake.html", "enrollment.html", "corrections.html"):
        assert (site / page).is_file(), page


def test_long_paragraphs_are_on_the_page_whole(site: Path) -> None:
    page = (site / "enrollment.html").read_text("utf-8")
    assert "word0 word1" in page and "word2498 word2499" in page
    assert UNBROKEN in page
    assert RULE in page


def test_kana_titles_are_titles(site: Path) -> None:
    page = unicodedata.normalize("NFC", (site / "enrollment.html").read_text("utf-8"))
    assert unicodedata.normalize("NFC", KANA) in page


def test_values_that_docutils_would_merge_keep_labels_of_their_own(site: Path) -> None:
    """Three labels, each leading to its own row, in the site's inventory."""
    with open(site / "objects.inv", "rb") as handle:
        inventory = InventoryFile.load(handle, "", lambda base, uri: uri)
    prefix = "value-preference_study-enroll_failed-reason-"
    labels = {
        name: item.uri
        for name, item in inventory["std:label"].items()
        if name.startswith(prefix) and "unknown" in name.lower()
    }
    assert set(labels) == {
        prefix + "unknown",
        prefix + "unknown~~20.",
        prefix + "~unknown",
    }
    assert len(set(labels.values())) == 3, labels
