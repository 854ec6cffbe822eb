// Which index each page gets. `search` in a page's frontmatter: on by default (the page
// searches its own sections), `site` (one index over every page that has search, with results
// linking across pages), or `false` (no box, no index, no search code on that page).
// The site index is serialised once and shared: every `search: site` page points at one file.

import type { Page, Section } from '../types.js';
import { buildSearchIndex, buildSiteSearchIndex, serializeSearchIndex } from './index.js';
import { createTermCounter, type TermCounter } from './term-counts.js';

/** What a page's index is made from: where the page goes, its `search` setting and its sections. */
export interface IndexedPage {
  source: { outPath: string; frontmatter: { search: Page['source']['frontmatter']['search'] } };
  sections: Section[];
}

/**
 * outPath → serialised index, for the pages that have search on; `inChunks(page)`: will the page
 * load its content in chunks (then its own index stores snippets, see buildSearchIndex)?
 * `counter` may hold the term counts of an earlier build (term-counts.ts).
 */
export function searchIndexes<P extends IndexedPage>(pages: P[], inChunks: (page: P) => boolean = () => false, counter: TermCounter = createTermCounter()): Map<string, string> {
  const out = new Map<string, string>();
  const searched = pages.filter((p) => p.source.frontmatter.search !== false);
  const sitePages = searched.filter((p) => p.source.frontmatter.search === 'site');
  const site = sitePages.length
    ? serializeSearchIndex(buildSiteSearchIndex(searched.map((p) => ({ outPath: p.source.outPath, sections: p.sections })), counter))
    : undefined;
  for (const p of searched) {
    out.set(p.source.outPath, p.source.frontmatter.search === 'site' ? site! : serializeSearchIndex(buildSearchIndex(p.sections, inChunks(p), counter)));
  }
  return out;
}
