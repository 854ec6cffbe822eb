// The build's part records (part-cache.ts) kept between builds, for pages made of several files.
// The page cache (page-cache.ts) keys a whole page: one edited include misses it, and the page
// would be parsed again. With these records, only the edited part is rendered, and a later part
// only when what it read of the page before it changed; the others are replayed. One file per
// page (records as JSON, their HTML beside them), written aside and renamed; a file that cannot be
// read, or was written by other code or for other settings (`stamp`), is ignored.

import { readFileSync } from 'node:fs';
import { createPartCache, type PartCache, type PartCacheState, type PartStats } from './part-cache.js';
import { cacheFile, writeAside } from './files.js';

/** Bump when the file layout below (or part-cache.ts's Recorded) changes. */
const FILE_FORMAT = 1;

export interface PartStore {
  cache: PartCache;
  /** Writes what the cache holds after its last commit (nothing when it turned itself off). */
  save(): void;
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
      if (!state) return;
      // The parts' HTML as one file beside the records (each record keeps its length): the page's
      // whole HTML read as one string, not parsed out of JSON escapes (≈ 1 s on GitHub's reference).
      const html: string[] = [];
      const parts = new Map([...state.parts].map(([key, records]) => [key, records.map((r) => {
        html.push(r.html);
        return { ...r, html: r.html.length };
      })]));
      const text = html.join('');
      // The HTML first: the records that name its length are what make the entry count.
      if (writeAside(`${file}.html`, text)) {
        writeAside(`${file}.json`, JSON.stringify({ format: FILE_FORMAT, stamp, htmlLength: text.length, state: { ...state, parts } }, toJson));
      }
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
    const data = JSON.parse(text, fromJson) as { format?: number; stamp?: string; htmlLength?: number; state?: PartCacheState };
    const state = data.format === FILE_FORMAT && data.stamp === stamp && data.htmlLength === html.length ? data.state : undefined;
    if (!state || typeof state.settings !== 'string' || !(state.parts instanceof Map) || !(state.lexers instanceof Map)) return undefined;
    let at = 0;
    for (const records of state.parts.values()) {
      for (const r of records) {
        const length = r.html as unknown as number;
        r.html = html.slice(at, (at += length));
      }
    }
    return at === html.length ? state : undefined;
  } catch {
    return undefined; // torn or foreign: render afresh
  }
}

// JSON has no Map, Set or undefined array element; the records hold all three (a read that found
// nothing is recorded as undefined). Tagged objects carry them; no record holds such a key.
function toJson(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value] };
  if (value instanceof Set) return { $set: [...value] };
  if (value === undefined && Array.isArray(this)) return { $undefined: 1 };
  return value;
}

function fromJson(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as { $map?: Array<[unknown, unknown]>; $set?: unknown[]; $undefined?: 1 };
  // An array element revived as undefined becomes a hole, which reads as undefined (in a Map entry too).
  if (v.$undefined === 1) return undefined;
  if (Array.isArray(v.$map)) return new Map(v.$map.map(([k, x]) => [k, x]));
  if (Array.isArray(v.$set)) return new Set(v.$set);
  return value;
}
