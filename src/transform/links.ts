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
  const byLowerCase = new Map<string, string>();
  for (const id of ids) if (!byLowerCase.has(id.toLowerCase())) byLowerCase.set(id.toLowerCase(), id);

  const warnings: Diagnostic[] = [];
  for (const link of links) {
    if (ids.has(link.target)) continue;
    const near = byLowerCase.get(link.target.toLowerCase());
    warnings.push({
      severity: 'warning',
      file: link.file,
      line: link.line,
      message: `link to #${link.target} matches no heading or anchor on this page`,
      hint: near
        ? `Did you mean #${near}? Readers still land there, but ids are case-sensitive.`
        : 'Check the heading it should point to: its id may have changed (see the README on heading ids).',
    });
  }
  return warnings;
}
