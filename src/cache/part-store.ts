// The build's part records (part-cache.ts) kept between builds, for pages made of several files.
// The page cache (page-cache.ts) keys a whole page: one edited include misses it, and the page
// would be parsed again. With these records, only the edited part is rendered, and a later part
// only when what it read of the page before it changed; the others are replayed.
//
// Files, per page (`<base>` from the page's name): `<base>.json` lists the page's settings, its
// parts' lexers and, per part, the name of its files: `<base>-<hash>.json` holds the part's records
// (their HTML and their sections' text and code as lengths: strings that JSON would escape and
// scan), `<base>-<hash>.txt` that text and code, and `<base>-<hash>.html` the records' HTML. The
// files are named by their content, so they never change once written: an edit writes only its
// own part's files (not all 45 MB of GitHub's HTML) and the small index, which is renamed into
// place last. The page cache's entry names the parts' HTML files instead of holding a copy. A file
// that cannot be read, or was written by other code or for other settings (`stamp`), makes the
// whole store be ignored.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Section, SourcePart } from '../types.js';
import { createPartCache, type PartCache, type PartCacheState, type PartStats, type Recorded } from './part-cache.js';
import { cacheFile, lengthReader, writeAside } from './files.js';

/** Bump when the file layout below (or part-cache.ts's Recorded) changes. */
const FILE_FORMAT = 6;

export interface PartStore {
  cache: PartCache;
  /**
   * Writes what the cache holds after its last commit (nothing when it turned itself off). Returns
   * the parts' HTML, joined in the order stored, and the files that hold it, in that order.
   */
  save(): { html: string; htmlFiles: string[] } | undefined;
}

interface Index {
  format: number;
  stamp: string;
  settings: string;
  lexers: Array<[string, { markdown: string; found: string[] }]>;
  /** Per part, in page order: its key and the name of its files. */
  parts: Array<[string, string]>;
}

/**
 * `scope` and `outPath` name the page's file; `stamp` is what its records also depend on and the
 * cache does not check itself: shale's code and the libraries' versions, the page's frontmatter
 * (the code theme among it) and the build's options (PageCache.stampOf). `digestOf`: as createPartCache's.
 */
export function openPartStore(dir: string, scope: string, outPath: string, stamp: string, stats?: PartStats, digestOf?: (part: SourcePart) => string): PartStore {
  const base = cacheFile(dir, 'parts', `${scope}\0${outPath}`);
  const restored = read(base, stamp);
  const cache = createPartCache(stats, restored?.state, digestOf);
  const named = (name: string) => `${base}-${name}`;
  return {
    cache,
    save() {
      const state = cache.state();
      if (!state) return undefined;
      const parts: Array<[string, string]> = [];
      const html: string[] = [];
      for (const [key, records] of state.parts) {
        const kept = restored?.files.get(key);
        let name = kept && kept.records.length === records.length && records.every((r, i) => r === kept.records[i]) ? kept.name : undefined;
        if (!name) {
          const partHtml = records.map((r) => r.html).join('');
          const texts: string[] = [];
          const json = JSON.stringify(records.map((r) => toData(r, texts)));
          const text = texts.join('');
          name = createHash('sha1').update(json).update('\0').update(text).update('\0').update(partHtml).digest('base64url').slice(0, 16);
          // The text and HTML first: the records that name their lengths are what make the part count.
          if (!writeAside(`${named(name)}.txt`, text) || !writeAside(`${named(name)}.html`, partHtml) || !writeAside(`${named(name)}.json`, json)) return undefined;
        }
        parts.push([key, name]);
        for (const r of records) html.push(r.html);
      }
      const index: Index = {
        format: FILE_FORMAT, stamp, settings: state.settings, parts,
        lexers: [...state.lexers].map(([key, l]) => [key, { markdown: l.markdown, found: [...l.found] }]),
      };
      if (!writeAside(`${base}.json`, JSON.stringify(index))) return undefined;
      removeUnlisted(base, new Set(parts.flatMap((p) => ['json', 'txt', 'html'].map((ext) => `${p[1]}.${ext}`))));
      // The page's HTML as format 2 kept it, beside the index: 45 MB for GitHub's reference.
      rmSync(`${base}.html`, { force: true });
      return { html: html.join(''), htmlFiles: parts.map((p) => `${named(p[1])}.html`) };
    },
  };
}

/** The state kept for the page, and which file each part's records came from (to not write it again). */
function read(base: string, stamp: string): { state: PartCacheState; files: Map<string, { name: string; records: Recorded[] }> } | undefined {
  try {
    const index = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Index;
    if (index.format !== FILE_FORMAT || index.stamp !== stamp || typeof index.settings !== 'string') return undefined;
    const files = new Map<string, { name: string; records: Recorded[] }>();
    const parts = new Map<string, Recorded[]>();
    for (const [key, name] of index.parts) {
      const html = lengthReader(readFileSync(`${base}-${name}.html`, 'utf8'));
      const text = lengthReader(readFileSync(`${base}-${name}.txt`, 'utf8'));
      const records = (JSON.parse(readFileSync(`${base}-${name}.json`, 'utf8')) as StoredRecord[]).map((r) => fromData(r, html.cut, text.cut));
      if (!html.done() || !text.done()) return undefined;
      files.set(key, { name, records });
      parts.set(key, records);
    }
    const lexers = new Map(index.lexers.map(([key, l]) => [key, { markdown: l.markdown, found: new Set(l.found) }]));
    return { state: { settings: index.settings, parts, lexers }, files };
  } catch {
    return undefined; // none yet, torn or foreign: render afresh
  }
}

/** Removes the page's record and HTML files that `keep` (names after `<base>-`) does not list. */
function removeUnlisted(base: string, keep: Set<string>): void {
  const prefix = `${basename(base)}-`;
  try {
    for (const f of readdirSync(dirname(base))) {
      if (f.startsWith(prefix) && !keep.has(f.slice(prefix.length)) && !f.endsWith('.tmp')) rmSync(join(dirname(base), f), { force: true });
    }
  } catch {
    // Left behind: only disk space.
  }
}

// JSON has no Map, Set or undefined. The records' Maps and Sets are stored as arrays of their
// entries, and a read that found nothing (undefined) as null, which no read ever finds. Written
// out field by field rather than with a replacer and reviver, which JSON calls on every value.
type Entries<M> = M extends Map<infer K, infer V> ? Array<[K, V | null]> : never;
type StoredRecord = Omit<Recorded, 'html' | 'ids' | 'history' | 'unknown' | 'refs' | 'sections' | 'leadText' | 'leadCode'> & {
  html: number;
  sections: Array<Omit<Section, 'text' | 'code'> & { text: number; code: number }>;
  leadText: number;
  leadCode: number;
  ids: { reads: Entries<Recorded['ids']['reads']>; writes: Recorded['ids']['writes'] };
  history: { reads: Entries<Recorded['history']['reads']>; writes: Recorded['history']['writes'] };
  unknown: { reads: Entries<Recorded['unknown']['reads']>; added: string[] };
  refs: { reads: Entries<Recorded['refs']['reads']>; writes: Entries<Recorded['refs']['writes']> };
};

function entries<K, V>(m: Map<K, V>): Array<[K, V | null]> {
  return [...m].map(([k, v]) => [k, v ?? null]);
}

function map<K, V>(entries: Array<[K, V | null]>): Map<K, V> {
  return new Map(entries.map(([k, v]) => [k, (v ?? undefined) as V]));
}

/** `r` as stored; its sections' text and code (and lead) go to `texts`, in the order fromData cuts them. */
function toData(r: Recorded, texts: string[]): StoredRecord {
  const put = (s: string) => (texts.push(s), s.length);
  return {
    ...r,
    html: r.html.length,
    leadText: put(r.leadText),
    leadCode: put(r.leadCode),
    sections: r.sections.map((s) => ({ ...s, text: put(s.text), code: put(s.code) })),
    ids: { reads: entries(r.ids.reads), writes: r.ids.writes },
    history: { reads: entries(r.history.reads), writes: r.history.writes },
    unknown: { reads: entries(r.unknown.reads), added: r.unknown.added },
    refs: { reads: entries(r.refs.reads), writes: entries(r.refs.writes) },
  };
}

/** toData's inverse (`html` cuts the record's HTML from its part's); throws on data of another shape. */
function fromData(r: StoredRecord, html: (length: number) => string, text: (length: number) => string): Recorded {
  return {
    ...r,
    html: html(r.html),
    leadText: text(r.leadText),
    leadCode: text(r.leadCode),
    sections: r.sections.map((s) => ({ ...s, text: text(s.text), code: text(s.code) })),
    ids: { reads: map(r.ids.reads), writes: r.ids.writes },
    history: { reads: map(r.history.reads), writes: r.history.writes },
    unknown: { reads: map(r.unknown.reads), added: r.unknown.added },
    refs: { reads: map(r.refs.reads), writes: map(r.refs.writes) },
  };
}
