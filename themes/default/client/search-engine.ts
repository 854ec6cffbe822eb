// The search engine: the prebuilt index (src/search/index.ts) and the query rules. It runs in
// the search worker (search-worker.ts), so reading a large index never blocks the page; the
// page falls back to running it itself where a worker cannot start. Nothing is built at load
// (where each term's list starts is added up from sizes the file stores): a query decodes only
// the lists of its own terms and scores them with lunr's BM25 (same weights, same order).

import { createStemmer, queryWords, type QueryWord } from './search-tokens.js';
import type { SearchIndexFile } from './search-format.js';

/** The index layout this client reads (SEARCH_INDEX_VERSION in src/search/index.ts). */
export const INDEX_VERSION = 5;

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
  /** The snippets, read after the rest of the file (readIndex): later hits carry them. */
  addSnippets(snippets: string[]): void;
}

/** The index file as the build writes it. */
export type IndexFile = SearchIndexFile;

/**
 * The index file's bytes → the index without its snippets, at once, and a function getting the
 * snippets after (undefined when the index has none): from the rest of these bytes when the
 * file is whole, else from the file beside it (search-format.d.ts, `snippetsAt`, `snippetsFile`;
 * `url`: the index's own). The first answer thus waits for neither.
 */
export function readIndex(bytes: ArrayBuffer, url: string): { file: IndexFile; snippets?: () => Promise<string[]> } {
  const all = new Uint8Array(bytes);
  const decoder = new TextDecoder();
  const at = /^\{"version":\d+,"snippetsAt":"(\d{10})",/.exec(decoder.decode(all.subarray(0, 48)))?.[1];
  const split = at === undefined ? -1 : Number(at);
  // No split, or one not landing where it should (a file altered since): the file is read whole.
  if (split < 0 || split >= all.length || all[split] !== 0x2c && all[split] !== 0x7d) {
    return { file: JSON.parse(decoder.decode(all)) as IndexFile };
  }
  const file = JSON.parse(decoder.decode(all.subarray(0, split)) + '}') as IndexFile;
  const read = (json: string) => (JSON.parse(json) as { snippets: string[] }).snippets;
  if (all[split] === 0x2c) return { file, snippets: async () => read('{' + decoder.decode(all.subarray(split + 1))) };
  if (!file.snippetsFile) return { file };
  return {
    file,
    snippets: async () => {
      const response = await fetch(new URL(file.snippetsFile!, url));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return read(await response.text());
    },
  };
}

/**
 * Each section's id, in index order (a page's sections end where the next one starts), joined
 * by NUL (no id has one): one string crosses from the worker to the page as one copy, where
 * thousands of strings cost the page's thread a garbage collection. In a site-wide index, also
 * the pages and each section's page as a position in them.
 */
export interface SectionList {
  ids: string;
  pages?: string[];
  page?: number[];
}

export function sectionList(file: IndexFile): SectionList {
  const { ids, pages, page } = file.docs;
  return { ids: ids.join('\0'), ...(pages && page && { pages, page }) };
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
  if (file?.version !== INDEX_VERSION || !file.docs || !Array.isArray(file.terms) || !Array.isArray(file.sizes)) {
    throw new Error(`search index version ${String(file?.version)} is not ${INDEX_VERSION}: rebuild the site with this shale`);
  }
  const { terms, fields, postings, docs } = file;
  let snippets = file.snippets;
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
  // starts[f][t]: where term t's list begins in postings[f], by adding the sizes the file
  // stores (a few numbers per term, not a pass over every posting). Bad data shows as sizes
  // that do not add up to the text.
  const starts = postings.map((text, f) => {
    const at = new Uint32Array(terms.length + 1);
    const sizes = file.sizes[f];
    let t = 0;
    for (let i = 0, n = 0, scale = 1; i < sizes.length; i++) {
      const v = code(sizes, i);
      n += (v & 31) * scale;
      if (v >= 32) scale *= 32;
      else { if (t < terms.length) at[t + 1] = at[t] + n; t++; n = 0; scale = 1; }
    }
    if (t !== terms.length || at[t] !== text.length) throw new Error(`search index: bad posting data in field ${f}`);
    return at;
  });
  // df: sections with the term, summed over fields as lunr counts it (its idf); read when first needed.
  const df = new Int32Array(terms.length).fill(-1);
  const postingCount = (t: number): number => {
    if (df[t] < 0) {
      df[t] = 0;
      postings.forEach((text, f) => {
        let n = 0;
        for (let at = starts[f][t], scale = 1; ; scale *= 32) { const v = code(text, at++); n += (v & 31) * scale; if (v < 32) break; }
        df[t] += n;
      });
    }
    return df[t];
  };
  const idf = (t: number) => Math.log(1 + Math.abs((docCount - postingCount(t) + 0.5) / (postingCount(t) + 0.5)));

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
    ...(snippets && { snippet: snippets[d] }),
  });

  return {
    search,
    addSnippets(list) {
      if (list.length === docCount) snippets = list;
    },
  };
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
