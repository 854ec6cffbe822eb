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

/**
 * lunr's index in a compact form. lunr's own toJSON() writes every posting twice (the inverted
 * index and the scored field vectors, scores as decimals that gzip poorly): on a large reference
 * that was bigger than the page. This keeps what lunr's builder knew, once: the sorted terms,
 * and for each field and section its length and its terms with their counts. The page turns it
 * back into a lunr.Index (search-engine.ts) with lunr's own BM25 formula; nothing is tokenised there.
 */
export interface CompactIndex {
  fields: Array<{ name: string; boost: number }>;
  /** Every index term, sorted (lunr's token set is built from a sorted list). */
  terms: string[];
  /** lengths[field][doc]: terms in that field of that section. */
  lengths: number[][];
  /**
   * postings[field][doc]: ascending term numbers as gaps, each `gap * 16 + min(count, 15)`
   * (counts above 15 change nothing visible: BM25 saturates long before).
   */
  postings: number[][][];
}

export interface SearchIndexFile {
  version: number;
  lunr: string;
  index: CompactIndex;
  /** Lunr refs are positions in `docs`. */
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

const FIELDS = [
  // Titles weigh most, prose next, code least: readers search for concepts, then identifiers.
  { name: 'title', boost: 10 },
  { name: 'text', boost: 1 },
  { name: 'code', boost: 0.3 },
];

function build(entries: Array<{ section: Section; page?: string }>): SearchIndexFile {
  const builder = new lunr.Builder();
  configureBuilder(lunr, builder);
  builder.ref('ref');
  for (const f of FIELDS) builder.field(f.name);
  entries.forEach(({ section: s }, i) => builder.add({ ref: String(i), title: s.title, text: s.text, code: s.code }));
  return {
    version: SEARCH_INDEX_VERSION,
    lunr: lunr.version,
    index: compact(builder as unknown as BuilderState, entries.length),
    docs: entries.map(({ section: s, page }) => ({
      id: s.id, title: s.title, parents: s.parents, snippet: snippet(s.text), ...(page !== undefined && { page }),
    })),
  };
}

/** The parts of lunr.Builder's state that the index is made from (not in lunr's types). */
interface BuilderState {
  invertedIndex: Record<string, unknown>;
  fieldTermFrequencies: Record<string, Record<string, number>>;
  fieldLengths: Record<string, number>;
}

function compact(b: BuilderState, docCount: number): CompactIndex {
  const terms = Object.keys(b.invertedIndex).sort();
  const number = new Map(terms.map((t, i) => [t, i]));
  const lengths: number[][] = [];
  const postings: number[][][] = [];
  for (const { name } of FIELDS) {
    const fieldLengths: number[] = [];
    const fieldPostings: number[][] = [];
    for (let d = 0; d < docCount; d++) {
      const key = `${name}/${d}`;
      fieldLengths.push(b.fieldLengths[key] ?? 0);
      const tf = b.fieldTermFrequencies[key] ?? {};
      const list = Object.keys(tf).map((t) => [number.get(t)!, tf[t]]).sort((x, y) => x[0] - y[0]);
      let prev = 0;
      fieldPostings.push(list.map(([n, count]) => {
        const gap = n - prev;
        prev = n;
        return gap * 16 + Math.min(count, 15);
      }));
    }
    lengths.push(fieldLengths);
    postings.push(fieldPostings);
  }
  return { fields: FIELDS, terms, lengths, postings };
}

function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= SNIPPET_LENGTH ? t : t.slice(0, t.lastIndexOf(' ', SNIPPET_LENGTH) + 1 || SNIPPET_LENGTH).trimEnd() + '…';
}
