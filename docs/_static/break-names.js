/* Names break after their separators on a narrow screen, in the HTML that
 * Sphinx writes from its own templates and scripts: the general index, the
 * module index and search results. The site's HTML writer
 * (docs/_ext/normandy_docs.py, Translator) does the same on every page it
 * writes: a name may break after . / # _ = , | ) ] }, never at a hyphen, so
 * a browser need not cut it inside a word ("uptake_norma" / "ndy"). Here a
 * name is often split over several elements (search highlights the term
 * inside it: "normandy.un<span>enrollFailed</span>#preference_rollback"), so
 * every separator inside a text, or at its end when the name goes on, is a
 * break opportunity, whatever the length of the piece it is in.
 */
(() => {
  const PIECES = /[^./#_=,|)\]}\s]*[./#_=,|)\]}]+|[^./#_=,|)\]}\s]+|\s+/g;
  const SEPARATOR = /[./#_=,|)\]}]$/;
  const PLACES = "table.indextable, table.domainindex-table, #search-results";

  const breakNames = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    for (const text of texts) {
      const pieces = text.data.match(PIECES) || [];
      const goesOn = SEPARATOR.test(text.data) && text.nextSibling !== null;
      if (pieces.length < 2 && !goesOn) continue;
      const fragment = document.createDocumentFragment();
      pieces.forEach((piece, index) => {
        fragment.append(piece);
        const next = pieces[index + 1];
        // after a separator that a word goes on from, in this text or the next
        if (SEPARATOR.test(piece) && (next ? !/^\s/.test(next) : goesOn)) {
          fragment.append(document.createElement("wbr"));
        }
      });
      text.replaceWith(fragment);
    }
  };

  document.addEventListener("DOMContentLoaded", () => {
    for (const place of document.querySelectorAll(PLACES)) breakNames(place);
    // Search results arrive one by one after the page has loaded.
    const results = document.getElementById("search-results");
    if (!results) return;
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) breakNames(node);
        }
      }
    }).observe(results, { childList: true, subtree: true });
  });
})();
