/* Search results that name the item, not only the page.
 *
 * Every telemetry item is an object of the site's "telemetry" Sphinx domain,
 * which search finds and shows with its parent ("enrollmentId of
 * normandy.enroll#preference_study (extra key, in Enrollment)"). Sphinx also
 * finds the item's section by its title and lists it as "Enrollment >
 * enrollmentId", once per event: 25 results that look alike. So, once the
 * search page has loaded Sphinx's search (searchtools.js):
 *
 * - objects rank above titles and text (Scorer.score, Sphinx's hook for it);
 * - a title result that leads where an object result already does is left out.
 */
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Scorer === "undefined") return;
  const OBJECT_BONUS = 20;
  Scorer.score = (result) =>
    result[6] === "object" ? result[4] + OBJECT_BONUS : result[4];
  const perform = Search._performSearch;
  Search._performSearch = (...args) => {
    const results = perform(...args);
    const items = new Set(
      results.filter((r) => r[6] === "object").map((r) => `${r[0]}${r[2]}`),
    );
    return results.filter((r) => r[6] !== "title" || !items.has(`${r[0]}${r[2]}`));
  };
});
