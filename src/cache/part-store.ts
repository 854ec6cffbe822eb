// The build's part records (part-cache.ts) kept between builds, for pages made of several files.
// The page cache (page-cache.ts) keys a whole page: one edited include misses it, and the page
// would be parsed again. With these records, only the edited part is rendered, and a later part
// only when what it read of the page before it changed; the others are replayed. One file per
// page (records as JSON, their HTML beside them), written aside and renamed; a file that cannot be
// read, or was written by other code or for other settings (`stamp`), is ignored.

import { readFileSync } from 'node:fs';
import { createPartCache, type PartCache, type PartCacheState, type PartStats, type Recorded } from './part-cache.js';
import { cacheFile, writeAside } from './files.js';

/** Bump when the file layout below (or part-cache.ts's Recorded) changes. */
const FILE_FORMAT = 2;

export interface PartStore {
  cache: PartCache;
  /**
   * Writes what the cache holds after its last commit (nothing when it turned itself off). Returns
   * the parts' HTML, joined in the order stored, and the file that holds it once written.
   */
  save(): { html: string; htmlFile: string } | undefined;
}

/**
 * `scope` and `outPath` name the page's file; `stamp` is what its records also depend on and the
 * cache does not check itself: shale's code and the libraries' versions, the page's frontmatter
 * (the code theme among it) and the build's options (PageCache.stampOf).
 */
export function openPartStore(dir: string, scope: string, outPath: string, stamp: string, stats?: PartStats): PartStore {
  const file = cacheFile(dir, 'parts', `${scope}\0${outPath}`);
  const cache = createPartCache(stats, read(file, stamp));
  return {
    cache,
    save() {
      const state = cache.state();
      if (!state) return undefined;
      // The parts' HTML as one file beside the records (each record keeps its length): the page's
      // whole HTML read as one string, not parsed out of JSON escapes (≈ 1 s on GitHub's reference).
      const html: string[] = [];
      const data = toData(state, (r) => {
        html.push(r.html);
        return r.html.length;
      });
      const text = html.join('');
      // The HTML first: the records that name its length are what make the entry count.
      if (!writeAside(`${file}.html`, text)) return undefined;
      writeAside(`${file}.json`, JSON.stringify({ format: FILE_FORMAT, stamp, htmlLength: text.length, state: data }));
      return { html: text, htmlFile: `${file}.html` };
    },
  };
}

function read(file: string, stamp: string): PartCacheState | undefined {
  let text: string;
  let html: string;
  try {
    text = readFileSync(`${file}.json`, 'utf8');
    html = readFileSync(`${file}.html`, 'utf8');
  } catch {
    return undefined; // none yet
  }
  try {
    const data = JSON.parse(text) as { format?: number; stamp?: string; htmlLength?: number; state?: StoredState };
    if (data.format !== FILE_FORMAT || data.stamp !== stamp || data.htmlLength !== html.length || !data.state) return undefined;
    let at = 0;
    const state = fromData(data.state, (length) => html.slice(at, (at += length)));
    return at === html.length ? state : undefined;
  } catch {
    return undefined; // torn or foreign: render afresh
  }
}

// JSON has no Map, Set or undefined. The records' Maps and Sets are stored as arrays of their
// entries, and a read that found nothing (undefined) as null, which no read ever finds. Written
// out field by field rather than with a replacer and reviver, which JSON calls on every value.
type Entries<M> = M extends Map<infer K, infer V> ? Array<[K, V | null]> : never;
type StoredRecord = Omit<Recorded, 'html' | 'ids' | 'history' | 'unknown' | 'refs'> & {
  html: number;
  ids: { reads: Entries<Recorded['ids']['reads']>; writes: Recorded['ids']['writes'] };
  history: { reads: Entries<Recorded['history']['reads']>; writes: Recorded['history']['writes'] };
  unknown: { reads: Entries<Recorded['unknown']['reads']>; added: string[] };
  refs: { reads: Entries<Recorded['refs']['reads']>; writes: Entries<Recorded['refs']['writes']> };
};
interface StoredState {
  settings: string;
  parts: Array<[string, StoredRecord[]]>;
  lexers: Array<[string, { markdown: string; found: string[] }]>;
}

function entries<K, V>(m: Map<K, V>): Array<[K, V | null]> {
  return [...m].map(([k, v]) => [k, v ?? null]);
}

function map<K, V>(entries: Array<[K, V | null]>): Map<K, V> {
  return new Map(entries.map(([k, v]) => [k, (v ?? undefined) as V]));
}

function toData(state: PartCacheState, html: (r: Recorded) => number): StoredState {
  return {
    settings: state.settings,
    parts: [...state.parts].map(([key, records]) => [key, records.map((r) => ({
      ...r,
      html: html(r),
      ids: { reads: entries(r.ids.reads), writes: r.ids.writes },
      history: { reads: entries(r.history.reads), writes: r.history.writes },
      unknown: { reads: entries(r.unknown.reads), added: r.unknown.added },
      refs: { reads: entries(r.refs.reads), writes: entries(r.refs.writes) },
    }))]),
    lexers: [...state.lexers].map(([key, l]) => [key, { markdown: l.markdown, found: [...l.found] }]),
  };
}

/** toData's inverse; throws on data of another shape. */
function fromData(data: StoredState, html: (length: number) => string): PartCacheState {
  if (typeof data.settings !== 'string') throw new Error('no settings');
  return {
    settings: data.settings,
    parts: new Map(data.parts.map(([key, records]) => [key, records.map((r): Recorded => ({
      ...r,
      html: html(r.html),
      ids: { reads: map(r.ids.reads), writes: r.ids.writes },
      history: { reads: map(r.history.reads), writes: r.history.writes },
      unknown: { reads: map(r.unknown.reads), added: r.unknown.added },
      refs: { reads: map(r.refs.reads), writes: map(r.refs.writes) },
    }))])),
    lexers: new Map(data.lexers.map(([key, l]) => [key, { markdown: l.markdown, found: new Set(l.found) }])),
  };
}
