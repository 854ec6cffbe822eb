// A search result's snippet: the start of its section's text. The index stores them for a page in
// chunks (index.ts), and the part store keeps each section's with its records (part-records.ts),
// so that the search worker needs no section text for an unchanged part.

const SNIPPET_LENGTH = 160;

/**
 * The start of a section's text, its white space made single spaces, cut at a word near
 * SNIPPET_LENGTH. Only a prefix is looked at, long enough to hold that many characters once
 * collapsed: GitHub's sections are 22 MB of text, of which the snippets show 1 MB.
 */
export function snippet(text: string): string {
  for (let n = 4 * SNIPPET_LENGTH; ; n *= 4) {
    const whole = n >= text.length;
    // A prefix collapses to a prefix of what the whole text collapses to.
    const t = (whole ? text : text.slice(0, n)).replace(/\s+/g, ' ').trimStart();
    if (whole || t.trimEnd().length > SNIPPET_LENGTH + 1) {
      const s = t.trimEnd();
      return s.length <= SNIPPET_LENGTH ? s : s.slice(0, s.lastIndexOf(' ', SNIPPET_LENGTH) + 1 || SNIPPET_LENGTH).trimEnd() + '…';
    }
  }
}
