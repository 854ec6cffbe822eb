// The search engine: the prebuilt index (src/search/index.ts) and the query rules. It runs in
// the search worker (search-worker.ts), so reading a large index never blocks the page; the
// page falls back to running it itself where a worker cannot start. Nothing is built at load
// (where each term's list starts is added up from sizes the file stores): a query decodes only
// the lists of its own terms and scores them with lunr's BM25 (same weights, same order).

import { createStemmer, queryWords, type QueryWord } from './search-tokens.js';
import { varintReader } from './search-varint.js';
import type { SearchIndexFile } from './search-format.js';

/** The index layout this client reads (SEARCH_INDEX_VERSION in src/search/index.ts). */
export const INDEX_VERSION = 6;

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
  if (file?.version !== INDEX_VERSION || !file.docs || !Array.isArray(file.terms) || !Array.isArray(file.postings)) {
    throw new Error(`search index version ${String(file?.version)} is not ${INDEX_VERSION}: rebuild the site with this shale`);
  }
  const { terms, fields, postings, lengths, docs } = file;
  const docCount = docs.ids.length;
  if (postings.length !== terms.length || lengths?.length !== fields?.length || lengths.some((l) => l.length !== docCount)) {
    throw new Error('search index: bad posting data (lists and terms, or lengths and sections, do not match)');
  }
  let snippets = file.snippets;
  const stem = createStemmer();
  // Computed on first use: a plain loop over every section is cold code on load.
  let averages: number[] | undefined;
  const average = (f: number): number => {
    averages ??= lengths.map((l) => {
      let sum = 0;
      for (let d = 0; d < docCount; d++) sum += l[d];
      return sum / docCount || 1;
    });
    return averages[f];
  };
  // df: sections with the term, summed over fields as lunr counts it (its idf): the counts that
  // open the term's string. Read when first needed.
  const df = new Int32Array(terms.length).fill(-1);
  const postingCount = (t: number): number => {
    if (df[t] < 0) {
      const r = reader(postings[t], t);
      df[t] = 0;
      for (let f = 0; f < fields.length; f++) df[t] += r.next();
    }
    return df[t];
  };
  const idf = (t: number) => Math.log(1 + Math.abs((docCount - postingCount(t) + 0.5) / (postingCount(t) + 0.5)));

  /** Adds `boost ×` term t's BM25 weight in every field to `scores` (when given), and marks its sections. */
  const score = (t: number, boost: number, scores: Float64Array | undefined, seen: Uint8Array): void => {
    const w = idf(t);
    const r = reader(postings[t], t);
    const counts = fields.map(() => r.next());
    fields.forEach((field, f) => {
      let doc = -1;
      for (let k = 0; k < counts[f]; k++) {
        const v = r.next();
        doc += Math.floor(v / 2) + 1;
        const tf = v & 1 ? r.next() + 2 : 1;
        if (doc >= docCount) throw new Error(`search index: bad posting data for term ${t}`);
        seen[doc] = 1;
        if (!scores) continue;
        const norm = K1 * (1 - B + (B * lengths[f][doc]) / average(f));
        // Rounded as lunr's builder rounds its vector elements, so ties fall the same way.
        scores[doc] += boost * (Math.round(((w * (K1 + 1) * tf) / (norm + tf)) * field.boost * 1000) / 1000);
      }
    });
    if (!r.done()) throw new Error(`search index: bad posting data for term ${t}`);
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
    return { hits: best(matched, words.length, total, limit).map(hit), words };
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

/**
 * The `limit` sections with every word (matched[d] === need), highest score first, ties in page
 * order, as sorting them all would give: one pass, no sort of thousands (cold code on a first
 * query). Sections come in page order, so a later one with an equal score never goes first.
 */
function best(matched: Uint16Array, need: number, total: Float64Array, limit: number): number[] {
  const top: number[] = [];
  for (let d = 0; d < matched.length; d++) {
    if (matched[d] !== need) continue;
    if (top.length === limit && total[d] <= total[top[limit - 1]]) continue;
    let i = top.length;
    while (i > 0 && total[d] > total[top[i - 1]]) i--;
    top.splice(i, 0, d);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Term `t`'s varints, one after another; data that does not decode (a list ending early too) names the term. */
function reader(text: string, t: number): { next(): number; done(): boolean } {
  const r = varintReader(text);
  return {
    next() {
      try {
        return r.next();
      } catch (err) {
        throw new Error(`search index: bad posting data for term ${t} (${err instanceof Error ? err.message : String(err)})`);
      }
    },
    done: () => r.at === text.length,
  };
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
