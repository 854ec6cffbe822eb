// search: sections → a serialised lunr index, built once at build time (Slate rebuilt it in the
// browser on every load). The file carries a format version so a page never loads an index
// written by another shale version without noticing, and stored fields for the results list.
// Text is cut into terms by the theme's search-tokens.js, the very code the page runs on the
// query, so a Persian, Cyrillic or Chinese word from the page finds its section.

import lunr from 'lunr';
import { configureBuilder } from '../../themes/default/client/search-tokens.js';
import type { Section } from '../types.js';

/** Bump when the layout of the file below, or how text is cut into terms, changes. */
export const SEARCH_INDEX_VERSION = 2;

export interface SearchDoc {
  id: string;
  title: string;
  parents: string[];
  /** The start of the section's prose, for the results list. */
  snippet: string;
  /** Output path of the page holding the section (site-wide indexes only). */
  page?: string;
}

export interface SearchIndexFile {
  version: number;
  lunr: string;
  /** Lunr refs are positions in `docs`: short numbers instead of long ids keep the file small. */
  index: object;
  docs: SearchDoc[];
}

export interface PageSections {
  outPath: string;
  sections: Section[];
}

const SNIPPET_LENGTH = 160;

/** One page's index (the default: each page searches its own sections). */
export function buildSearchIndex(sections: Section[]): SearchIndexFile {
  return build(sections.map((section) => ({ section })));
}

/** One index over every given page, each result knowing its page (`search: site`). */
export function buildSiteSearchIndex(pages: PageSections[]): SearchIndexFile {
  return build(pages.flatMap((p) => p.sections.map((section) => ({ section, page: p.outPath }))));
}

function build(entries: Array<{ section: Section; page?: string }>): SearchIndexFile {
  const index = lunr(function () {
    configureBuilder(lunr, this);
    this.ref('ref');
    // Titles weigh most, prose next, code least: readers search for concepts, then identifiers.
    this.field('title', { boost: 10 });
    this.field('text');
    this.field('code', { boost: 0.3 });
    entries.forEach(({ section: s }, i) => this.add({ ref: String(i), title: s.title, text: s.text, code: s.code }));
  });
  return {
    version: SEARCH_INDEX_VERSION,
    lunr: lunr.version,
    index: index.toJSON(),
    docs: entries.map(({ section: s, page }) => ({
      id: s.id, title: s.title, parents: s.parents, snippet: snippet(s.text), ...(page !== undefined && { page }),
    })),
  };
}

function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= SNIPPET_LENGTH ? t : t.slice(0, t.lastIndexOf(' ', SNIPPET_LENGTH) + 1 || SNIPPET_LENGTH).trimEnd() + '…';
}
