// search: sections → a serialised lunr index, built once at build time (Slate rebuilt it in the
// browser on every load). The file carries a format version so a page never loads an index
// written by another shale version without noticing, and stored fields for the results list.

import lunr from 'lunr';
import type { Section } from '../types.js';

/** Bump when the layout of the file below changes. */
export const SEARCH_INDEX_VERSION = 1;

export interface SearchDoc {
  id: string;
  title: string;
  parents: string[];
  /** The start of the section's prose, for the results list. */
  snippet: string;
}

export interface SearchIndexFile {
  version: number;
  lunr: string;
  index: object;
  docs: SearchDoc[];
}

const SNIPPET_LENGTH = 160;

export function buildSearchIndex(sections: Section[]): SearchIndexFile {
  const index = lunr(function () {
    this.ref('id');
    // Titles weigh most, prose next, code least: readers search for concepts, then identifiers.
    this.field('title', { boost: 10 });
    this.field('text');
    this.field('code', { boost: 0.3 });
    for (const s of sections) this.add({ id: s.id, title: s.title, text: s.text, code: s.code });
  });
  return {
    version: SEARCH_INDEX_VERSION,
    lunr: lunr.version,
    index: index.toJSON(),
    docs: sections.map((s) => ({ id: s.id, title: s.title, parents: s.parents, snippet: snippet(s.text) })),
  };
}

function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= SNIPPET_LENGTH ? t : t.slice(0, t.lastIndexOf(' ', SNIPPET_LENGTH) + 1 || SNIPPET_LENGTH).trimEnd() + '…';
}
