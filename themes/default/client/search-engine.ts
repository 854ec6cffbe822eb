// The search engine: the prebuilt index (src/search/index.ts) and the query rules. It runs in
// the search worker (search-worker.ts), so reading a large index never blocks the page; the
// page falls back to running it itself where a worker cannot start. Nothing is built at load
// but one pass over the postings to note where each term's list starts: a query decodes only
// the lists of its own terms and scores them with lunr's BM25 (same weights, same order).

import { createStemmer, queryWords, type QueryWord } from './search-tokens.js';
import type { SearchIndexFile } from './search-format.js';

/** The index layout this client reads (SEARCH_INDEX_VERSION in src/search/index.ts). */
export const INDEX_VERSION = 4;

/** One result, everything the list shows: plain strings, safe to pass between threads. */
export interface SearchHit {
  id: string;
  title: string;
  parents: string[];
  /** Page of the section, in a site-wide index. */
  page?: string;
  /** Start of the section's prose, where the index stores it (search-format.d.ts, `snippets`). */
  snippet?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  words: QueryWord[];
}

export interface Engine {
  /** Best matches first, at most `limit`; every word of the query matched. */
  search(query: string, limit?: number): SearchResult;
}

/** The index file as the build writes it. */
export type IndexFile = SearchIndexFile;

/** Each section's id and page, in index order: where the page's sections start and end. */
export function sectionList(file: IndexFile): Array<{ id: string; page?: string }> {
  const { ids, pages, page } = file.docs;
  return ids.map((id, i) => (pages && page ? { id, page: pages[page[i]] } : { id }));
}

// lunr's BM25 parameters (its builder's defaults).
const K1 = 1.2;
const B = 0.75;
/**
 * A prefix of two or three letters can stand for thousands of terms. Expansions are taken most
 * common first until this many postings are read: a keystroke stays a few milliseconds, and
 * the words a reader is most likely typing are the ones kept.
 */
const PREFIX_POSTINGS = 40_000;
const PREFIX_BOOST = 0.5;

export function createEngine(file: IndexFile): Engine {
  if (file?.version !== INDEX_VERSION || !file.docs || !Array.isArray(file.terms)) {
    throw new Error(`search index version ${String(file?.version)} is not ${INDEX_VERSION}: rebuild the site with this shale`);
  }
  const { terms, fields, postings, docs } = file;
  const stem = createStemmer();
  const docCount = docs.ids.length;
  // Read in place (one number per section), not through decodeVarints' array: cold code again.
  const lengths = file.lengths.map((text) => {
    const out = new Float64Array(docCount);
    for (let i = 0, d = 0, n = 0, scale = 1; i < text.length; i++) {
      const v = code(text, i);
      n += (v & 31) * scale;
      if (v >= 32) scale *= 32;
      else { out[d++] = n; n = 0; scale = 1; }
    }
    return out;
  });
  const avg = lengths.map((l) => l.reduce((a, b) => a + b, 0) / docCount || 1);
  // starts[f][t]: where term t's list begins in postings[f]; df: sections with the term, summed
  // over fields as lunr counts it (its idf).
  const starts = postings.map(() => new Uint32Array(terms.length));
  const df = new Uint32Array(terms.length);
  // The one pass at load, over every posting (~0.5 MB on GitHub's reference) while the reader
  // waits for the first answer, in code not yet optimised: so it only skips. An entry's low bit
  // (whether a count follows) is in its first character; the rest of a varint is characters
  // until one under 32. Bad data shows as a list longer than what is left of the text.
  postings.forEach((text, f) => {
    const at = starts[f];
    let i = 0;
    for (let t = 0; t < terms.length; t++) {
      at[t] = i;
      let n = 0;
      let scale = 1;
      for (;;) { const v = CODES[text.charCodeAt(i++)]; n += (v & 31) * scale; if (!(v >= 32)) break; scale *= 32; }
      if (i + n > text.length) throw new Error(`search index: bad posting data in field ${f}`);
      df[t] += n;
      for (let k = 0; k < n; k++) {
        let v = CODES[text.charCodeAt(i++)];
        const count = v & 1;
        while (v >= 32) v = CODES[text.charCodeAt(i++)];
        if (count) while (CODES[text.charCodeAt(i++)] >= 32);
      }
    }
  });
  const idf = (t: number) => Math.log(1 + Math.abs((docCount - df[t] + 0.5) / (df[t] + 0.5)));

  /** Adds `boost ×` term t's BM25 weight in every field to `scores` (when given), and marks its sections. */
  const score = (t: number, boost: number, scores: Float64Array | undefined, seen: Uint8Array): void => {
    const w = idf(t);
    fields.forEach((field, f) => {
      const text = postings[f];
      let at = starts[f][t];
      const read = (): number => {
        let n = 0;
        let s = 1;
        for (;;) { const v = code(text, at++); n += (v & 31) * s; if (v < 32) return n; s *= 32; }
      };
      const n = read();
      let doc = -1;
      for (let k = 0; k < n; k++) {
        const v = read();
        doc += Math.floor(v / 2) + 1;
        const tf = v & 1 ? read() + 2 : 1;
        seen[doc] = 1;
        if (!scores) continue;
        const norm = K1 * (1 - B + (B * lengths[f][doc]) / avg[f]);
        // Rounded as lunr's builder rounds its vector elements, so ties fall the same way.
        scores[doc] += boost * (Math.round(((w * (K1 + 1) * tf) / (norm + tf)) * field.boost * 1000) / 1000);
      }
    });
  };

  const postingCount = (t: number): number => df[t];

  const search: Engine['search'] = (query, limit = 20) => {
    const words = queryWords(query, stem);
    if (!words.length) return { hits: [], words };
    const total = new Float64Array(docCount);
    const matched = new Uint16Array(docCount);
    // One boost per term, as lunr adds the boosts of clauses that reach the same term.
    const boosts = new Map<number, number>();
    const perWord: Array<Map<number, number>> = words.map((w) => {
      const own = new Map<number, number>();
      if (w.exact !== undefined) {
        const t = find(terms, w.exact);
        if (t !== -1) own.set(t, 1);
      }
      if (w.prefix !== undefined) {
        for (const t of expand(terms, w.prefix, postingCount)) own.set(t, (own.get(t) ?? 0) + PREFIX_BOOST);
      }
      for (const [t, b] of own) boosts.set(t, (boosts.get(t) ?? 0) + b);
      return own;
    });
    // A section must have every word; its score is the sum over all matched terms.
    const seen = new Uint8Array(docCount);
    const scored = new Set<number>();
    for (const own of perWord) {
      seen.fill(0);
      // A term reached by two words is weighed once (with both boosts) but marks for each.
      for (const t of own.keys()) {
        score(t, boosts.get(t)!, scored.has(t) ? undefined : total, seen);
        scored.add(t);
      }
      for (let d = 0; d < docCount; d++) if (seen[d]) matched[d]++;
    }
    const found: number[] = [];
    for (let d = 0; d < docCount; d++) if (matched[d] === words.length) found.push(d);
    found.sort((a, b) => total[b] - total[a] || a - b);
    return { hits: found.slice(0, limit).map(hit), words };
  };

  const parentsOf = (d: number): string[] => {
    const p = docs.parents[d];
    if (typeof p !== 'number') return p;
    return p < 0 ? [] : [...parentsOf(p), docs.titles[p]];
  };

  const hit = (d: number): SearchHit => ({
    id: docs.ids[d],
    title: docs.titles[d],
    parents: parentsOf(d),
    ...(docs.page && docs.pages && { page: docs.pages[docs.page[d]] }),
    ...(docs.snippets && { snippet: docs.snippets[d] }),
  });

  return { search };
}

const CODES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((c, i) => { CODES[c.charCodeAt(0)] = i; });

function code(text: string, at: number): number {
  const v = CODES[text.charCodeAt(at)];
  if (v === undefined || v < 0) throw new Error(`search index: bad posting data at ${at}`);
  return v;
}

/** Position of `term` in the sorted `terms`, or -1. */
function find(terms: string[], term: string): number {
  const i = lowerBound(terms, term);
  return terms[i] === term ? i : -1;
}

function lowerBound(terms: string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Terms starting with `prefix`, most common first, up to PREFIX_POSTINGS postings in all. */
function expand(terms: string[], prefix: string, postings: (t: number) => number): number[] {
  const out: number[] = [];
  for (let t = lowerBound(terms, prefix); t < terms.length && terms[t].startsWith(prefix); t++) out.push(t);
  if (out.length <= 1) return out;
  out.sort((a, b) => postings(b) - postings(a) || a - b);
  let budget = PREFIX_POSTINGS;
  return out.filter((t, i) => {
    if (i > 0 && postings(t) > budget) return false;
    budget -= postings(t);
    return true;
  });
}
