/* Search results that name the item, not only the page, best fit first.
 *
 * Every telemetry item is an object of the site's "telemetry" Sphinx domain,
 * which search finds and shows with its parent ("enrollmentId of
 * normandy.enroll#preference_study (extra key, in Enrollment)"). Sphinx also
 * finds the item's section by its title and lists it as "Enrollment >
 * enrollmentId", once per event: 25 results that look alike. And Sphinx
 * matches any part of a name: "id" inside "validationFailed". So, once the
 * search page has loaded Sphinx's search (searchtools.js), each result is
 * scored by how well the query's words fit it (Scorer.score, Sphinx's hook):
 *
 * - a section whose title has every word of the query as a word of its own
 *   ("enrollment ID": "Enrollment IDs") comes first;
 * - then an item whose own name has every word ("enrollFailed": the events
 *   normandy.enrollFailed#...), then one whose parent has them (the keys of
 *   those events); a name that merely contains the text (unenrollFailed,
 *   validationFailed) gets no lift;
 * - a title result that leads where an item result already does is left out,
 *   unless it fits the query better.
 */
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Scorer === "undefined") return;
  // Sphinx counts results and calls them pages ("found 115 pages" on a site
  // of twelve): say results, through its own table of translations.
  if (typeof Documentation !== "undefined" && Documentation.TRANSLATIONS) {
    Documentation.TRANSLATIONS["Search finished, found one page matching the search query."] = [
      "Search finished: one result.",
      "Search finished: ${resultCount} results.",
    ];
  }
  const TITLE_BONUS = 40;
  const OWN_NAME_BONUS = 30;
  const PARENT_BONUS = 20;
  let queryWords = [];

  // The words of a name: split at anything but letters and digits, and again
  // where camelCase turns ("enrollmentId": enrollmentid, enrollment, id).
  const wordsOf = (text) => {
    const whole = text.toLowerCase().split(/[^\p{L}\p{N}_]+/u);
    const camel = text
      .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u);
    return new Set([...whole, ...camel].filter((w) => w));
  };
  // Every word of the query is a word of ``text`` (a plural counts: "IDs").
  const fits = (text) => {
    const words = wordsOf(text);
    return (
      queryWords.length > 0 &&
      queryWords.every((w) => words.has(w) || words.has(w + "s") || words.has(w + "es"))
    );
  };

  Scorer.score = (result) => {
    const [, title, , , score, , kind] = result;
    if (kind === "object") {
      const own = title.split(" of ")[0];
      if (fits(own)) return score + OWN_NAME_BONUS;
      if (fits(title)) return score + PARENT_BONUS;
      return score;
    }
    if (kind === "title") {
      const section = title.split(" > ").slice(-1)[0];
      return fits(section) ? score + TITLE_BONUS : score;
    }
    return score;
  };

  const perform = Search._performSearch;
  Search._performSearch = (query, ...rest) => {
    queryWords = [...wordsOf(query)];
    const results = perform(query, ...rest);
    // Where item results lead, with their own names. A title there is left
    // out: where it is an item's own heading ("enrollmentId"), the item's
    // result says more; and one that does not fit the query only repeats
    // the place. A title that fits and heads more than its items is kept
    // (the Enrollment IDs section, whose items are its JSON Schema names).
    const items = new Map();
    for (const r of results) {
      if (r[6] !== "object") continue;
      const place = `${r[0]}${r[2]}`;
      if (!items.has(place)) items.set(place, new Set());
      items.get(place).add(r[1].split(" of ")[0].toLowerCase());
    }
    return results.filter((r) => {
      const place = `${r[0]}${r[2]}`;
      if (r[6] !== "title" || !items.has(place)) return true;
      const section = r[1].split(" > ").slice(-1)[0];
      return !items.get(place).has(section.toLowerCase()) && fits(section);
    });
  };
});
