// Which index each page gets. `search` in a page's frontmatter: on by default (the page
// searches its own sections), `site` (one index over every page that has search, with results
// linking across pages), or `false` (no box, no index, no search code on that page).
// The site index is serialised once and shared: every `search: site` page points at one file.

import type { Page, Section } from '../types.js';
import { buildSiteSearchIndex, pageIndexWithBasis, serializeSearchIndex, type IndexBasis, type SearchIndexFile } from './index.js';
import { updatePageIndex } from './index-update.js';
import { createTermCounter, type TermCounter } from './term-counts.js';

/** What a page's index is made from: where the page goes, its `search` setting and its sections. */
export interface IndexedPage {
  source: { outPath: string; frontmatter: { search: Page['source']['frontmatter']['search'] } };
  sections: Section[];
}

/** A page's own index as a build wrote it, and what the next build may update it from (index-update.ts). */
export interface KeptIndex {
  text: string;
  basis: IndexBasis;
  /** `text` parsed, when read ahead. */
  index?: SearchIndexFile;
}

/** The pages' own indexes of the last build, by outPath, and this build's. */
export interface IndexesKept {
  last: Map<string, KeptIndex>;
  next: Map<string, KeptIndex>;
}

/**
 * outPath → serialised index, for the pages that have search on; `inChunks(page)`: will the page
 * load its content in chunks (then its own index stores snippets, see buildSearchIndex)?
 * `counter` may hold the term counts of an earlier build (term-counts.ts). `kept.last`: the pages'
 * own indexes of an earlier build with the same counter's code, updated where they can be; each
 * page's own index made now goes to `kept.next`.
 */
export function searchIndexes<P extends IndexedPage>(pages: P[], inChunks: (page: P) => boolean = () => false, counter: TermCounter = createTermCounter(),
  kept?: IndexesKept): Map<string, string> {
  const out = new Map<string, string>();
  const searched = pages.filter((p) => p.source.frontmatter.search !== false);
  const sitePages = searched.filter((p) => p.source.frontmatter.search === 'site');
  const site = sitePages.length
    ? serializeSearchIndex(buildSiteSearchIndex(searched.map((p) => ({ outPath: p.source.outPath, sections: p.sections })), counter))
    : undefined;
  for (const p of searched) {
    const outPath = p.source.outPath;
    if (p.source.frontmatter.search === 'site') {
      out.set(outPath, site!);
      continue;
    }
    const last = kept?.last.get(outPath);
    const made = (last && updatePageIndex({ index: last.index ?? (JSON.parse(last.text) as SearchIndexFile), basis: last.basis }, p.sections, inChunks(p), counter)) ??
      pageIndexWithBasis(p.sections, inChunks(p), counter);
    const text = serializeSearchIndex(made.index);
    out.set(outPath, text);
    kept?.next.set(outPath, { text, basis: made.basis });
  }
  return out;
}
