// The in-page link check: every `#target` that matches no id on its page is a warning with
// file:line (the corpus has hundreds: typos, case mismatches, headings renamed). A target that
// differs only in case gets a hint; the page's script still lands such links on the heading.

import type { Diagnostic, Heading } from '../types.js';

export function checkLinks(
  links: Array<{ target: string; file: string; line?: number }>,
  headings: Heading[],
  anchors: Set<string>,
): Diagnostic[] {
  const ids = new Set<string>(anchors);
  for (const h of headings) ids.add(h.id);
  const missed = links.filter((link) => !ids.has(link.target));
  if (!missed.length) return [];
  // Ids by lower case, only when a link missed, and kept only for the missed targets: lower-casing
  // every id of a large page (GitHub's reference: 16,000) was most of the check, and most pages
  // have no missed link.
  const near = new Map<string, string | undefined>(missed.map((link) => [link.target.toLowerCase(), undefined]));
  for (const id of ids) {
    const lower = id.toLowerCase();
    if (near.has(lower) && near.get(lower) === undefined) near.set(lower, id);
  }
  return missed.map((link): Diagnostic => {
    const other = near.get(link.target.toLowerCase());
    return {
      severity: 'warning',
      file: link.file,
      line: link.line,
      message: `link to #${link.target} matches no heading or anchor on this page`,
      hint: other
        ? `Did you mean #${other}? Readers still land there, but ids are case-sensitive.`
        : 'Check the heading it should point to: its id may have changed (see the README on heading ids).',
    };
  });
}
