// The table of contents, built at build time from the page's headings (SLATE-DIALECT §5) and
// written with Slate's class names (DESIGN §4) so Slate themes and scripts keep working.

import type { Heading, TocEntry } from '../types.js';

/**
 * Nests h1…h{maxLevel} under the nearest earlier heading of a shallower level: an h3 with no h2
 * before it in its h1 hangs under the h1. Headings before the first h1 stay at the top level
 * (Slate drops them from its TOC; shale keeps them reachable).
 */
export function buildToc(headings: Heading[], maxLevel = 2): TocEntry[] {
  const top: TocEntry[] = [];
  const open: TocEntry[] = [];
  for (const h of headings) {
    if (h.level > maxLevel) continue;
    const entry: TocEntry = { id: h.id, title: h.title, html: h.html, level: h.level, children: [] };
    while (open.length && open[open.length - 1].level >= h.level) open.pop();
    (open.length ? open[open.length - 1].children : top).push(entry);
    open.push(entry);
  }
  return top;
}

/**
 * Slate's TOC markup. Classes follow the depth in the tree, as Slate's layout does (its children
 * list is always `toc-list-h2`, whatever the heading levels): an h3 hanging under an h1 is a
 * `toc-h2`. All text is the plain title, escaped: heading HTML is never copied into the TOC, so a
 * link or script inside a heading cannot nest or run twice.
 */
export function renderToc(toc: TocEntry[]): string {
  return renderList(toc, 1, ' id="toc"');
}

function renderList(entries: TocEntry[], depth: number, extra = ''): string {
  const items = entries.map((e) => {
    const title = escapeHtml(e.title);
    const link = `<a href="#${escapeHtml(e.id)}" class="toc-h${depth} toc-link" data-title="${title}">${title}</a>`;
    const sub = e.children.length ? renderList(e.children, depth + 1) : '';
    return `<li>${link}${sub}</li>`;
  });
  return `<ul${extra} class="toc-list-h${depth}">${items.join('')}</ul>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
