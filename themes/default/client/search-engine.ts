// The search engine, loaded only when the reader first reaches for the search box: lunr, the
// prebuilt index, and the query and marking rules. It is its own chunk (search.ts imports it
// dynamically), so a reader who never searches downloads neither lunr nor the index.

import lunr from 'lunr';
import { createStemmer, queryWords, splitWords, type QueryWord } from './search-tokens.js';

/** The index layout this client reads (SEARCH_INDEX_VERSION in src/search/index.ts). */
export const INDEX_VERSION = 2;

export interface SearchDoc {
  id: string;
  title: string;
  parents: string[];
  snippet: string;
  /** Page of the section, in a site-wide index. */
  page?: string;
}

export interface Range {
  start: number;
  end: number;
}

export interface Engine {
  docs: SearchDoc[];
  /** Best matches first, at most `limit`; every word of the query matched. */
  search(query: string, limit?: number): { docs: SearchDoc[]; words: QueryWord[] };
  /** Where the query's words occur in `text`, in order, for marking. */
  ranges(text: string, words: QueryWord[]): Range[];
}

interface CompactIndex {
  fields: Array<{ name: string; boost: number }>;
  terms: string[];
  lengths: number[][];
  postings: number[][][];
}

interface IndexFile {
  version: number;
  index: CompactIndex;
  docs: SearchDoc[];
}

// lunr.Builder's BM25 parameters (its defaults, which the build used).
const K1 = 1.2;
const B = 0.75;

/**
 * The compact index (src/search/index.ts) back into a lunr.Index: postings and field vectors
 * scored with lunr's own formula, so results rank exactly as lunr's builder would rank them.
 */
function loadIndex(c: CompactIndex, docCount: number): lunr.Index {
  const df = new Uint32Array(c.terms.length);
  c.postings.forEach((field) => field.forEach((list) => {
    let n = 0;
    for (const v of list) df[(n += v >> 4)]++;
  }));
  const idf = Array.from(df, (k) => Math.log(1 + Math.abs((docCount - k + 0.5) / (k + 0.5))));
  const inverted: Record<string, Record<string, unknown>> = Object.create(null);
  c.terms.forEach((t, i) => {
    const posting: Record<string, unknown> = { _index: i };
    for (const f of c.fields) posting[f.name] = Object.create(null);
    inverted[t] = posting;
  });
  const vectors: Record<string, lunr.Vector> = Object.create(null);
  c.fields.forEach(({ name, boost }, f) => {
    const lengths = c.lengths[f];
    const avg = lengths.reduce((a, b) => a + b, 0) / docCount || 1;
    c.postings[f].forEach((list, d) => {
      const elements: number[] = [];
      const norm = K1 * (1 - B + B * (lengths[d] / avg));
      let n = 0;
      for (const v of list) {
        n += v >> 4;
        const tf = v & 15;
        (inverted[c.terms[n]][name] as Record<string, object>)[d] = {};
        elements.push(n, Math.round(((idf[n] * (K1 + 1) * tf) / (norm + tf)) * boost * 1000) / 1000);
      }
      vectors[`${name}/${d}`] = new lunr.Vector(elements);
    });
  });
  return new lunr.Index({
    invertedIndex: inverted,
    fieldVectors: vectors,
    tokenSet: (lunr.TokenSet as unknown as { fromArray(terms: string[]): lunr.TokenSet }).fromArray(c.terms),
    fields: c.fields.map((f) => f.name),
    pipeline: new lunr.Pipeline(),
  } as unknown as ConstructorParameters<typeof lunr.Index>[0]);
}

export function createEngine(file: IndexFile): Engine {
  if (file?.version !== INDEX_VERSION || !Array.isArray(file.docs)) {
    throw new Error(`search index version ${String(file?.version)} is not ${INDEX_VERSION}: rebuild the site with this shale`);
  }
  const idx = loadIndex(file.index, file.docs.length);
  const stem = createStemmer(lunr);

  const search: Engine['search'] = (query, limit = 20) => {
    const words = queryWords(lunr, query);
    if (!words.length) return { docs: [], words };
    // Built term by term, never parsed: no character of the query is lunr syntax.
    const results = idx.query((q) => {
      for (const w of words) {
        if (w.exact) q.term(w.exact, { usePipeline: false });
        if (w.prefix) q.term(w.prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 });
      }
    });
    // lunr's own "required" presence demands the term in every field; check each word here instead.
    const docs: SearchDoc[] = [];
    for (const r of results) {
      const terms = Object.keys(r.matchData.metadata);
      const all = words.every((w) => terms.some((t) => t === w.exact || (w.prefix !== undefined && t.startsWith(w.prefix))));
      if (!all) continue;
      docs.push(file.docs[Number(r.ref)]);
      if (docs.length >= limit) break;
    }
    return { docs, words };
  };

  const ranges: Engine['ranges'] = (text, words) => {
    const out: Range[] = [];
    const latin = words.filter((w) => !w.cjk);
    if (latin.length) {
      for (const t of splitWords(text)) {
        if (t.cjk) continue;
        const hit = latin.some((w) => (w.exact !== undefined && stem(t.word) === w.exact) || (w.prefix !== undefined && t.word.startsWith(w.prefix)));
        if (hit) out.push({ start: t.start, end: t.end });
      }
    }
    const lower = text.toLowerCase();
    for (const run of new Set(words.filter((w) => w.cjk).map((w) => w.mark))) {
      for (let i = lower.indexOf(run); i !== -1; i = lower.indexOf(run, i + run.length)) out.push({ start: i, end: i + run.length });
    }
    return out.sort((a, b) => a.start - b.start);
  };

  return { docs: file.docs, search, ranges };
}
