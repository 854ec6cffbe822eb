// The search indexes of the last build, kept for the next: an index depends only on its pages'
// sections, which the page cache's keys already stand for, and on how text is cut into terms
// (the theme's search-tokens.js, shared with the page). One file per source folder; beside it,
// each section's term counts (src/search/term-counts.ts), so that after an edit only the edited
// sections are cut into terms again, and only theirs are written (StoredCounts). The file also
// keeps each page's index basis: after an edit, a page's index is the last one updated for the
// sections that changed (src/search/index-update.ts) rather than inverted again.

import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import { createTermCounter, FIELD_NAMES, type FieldTerms, type SectionFacts, type TermCounter, type TermMemo } from '../search/term-counts.js';
import type { IndexedPage, IndexesKept, KeptIndex } from '../search/scope.js';
import { cacheFile, writeAside } from './files.js';
import { memoFileText, readMemoFile } from './term-memo-file.js';

/** 2: each page's index basis kept (index-update.ts); 3: the term counts' base read entry by entry (term-memo-file.ts). */
const FILE_FORMAT = 3;
/** The page code that cuts text into terms and writes numbers: the build imports both. */
const TOKEN_FILES = ['search-tokens.js', 'search-varint.js'].map((f) => packagePath('themes', 'default', 'client', f));

export interface SearchCache {
  /** Reads the last build's term counts and indexes now: a worker does while the pages are rendered. */
  readAhead(): void;
  /**
   * `build(pages)` when something changed since the last build, else its result from then.
   * `keyOf` is the page cache's key: equal keys, equal sections. `build` is given the counts and
   * the pages' own indexes of the last build (KeptIndex), and puts this build's in `kept.next`.
   */
  indexes<P extends IndexedPage>(pages: P[], keyOf: (page: P) => string, build: (pages: P[], counter: TermCounter, kept: IndexesKept) => Map<string, string>): Map<string, string>;
  /** Writes what `indexes` made for the next build: a worker does once it has posted them. */
  flush(): void;
}

/** The search cache's file. */
interface StoredIndexes {
  format: number;
  key: string;
  tokens: string;
  indexes: Array<[string, string]>;
  bases: Array<[string, KeptIndex['basis']]>;
}

/** `facts`: createTermCounter's, what is known of the sections read from part files. */
export function openSearchCache(dir: string, scope: string, facts?: SectionFacts): SearchCache {
  const t = createHash('sha256').update(`format ${FILE_FORMAT}\0${FIELD_NAMES.join(' ')}\0`);
  for (const f of TOKEN_FILES) t.update(readFileSync(f)).update('\0');
  const tokens = t.digest('base64url');
  const memoFile = cacheFile(dir, 'search-terms', scope, '.json');
  const addedFile = cacheFile(dir, 'search-terms-added', scope, '.json');
  let memo: StoredCounts | undefined;
  const counts = () => (memo ??= readCounts(memoFile, addedFile, tokens)).counts;
  const file = cacheFile(dir, 'search', scope, '.json');
  let previous: ReturnType<typeof readIndexes> | undefined;
  const last = () => (previous ??= readIndexes(file, tokens));
  const writes: Array<() => void> = [];
  return {
    readAhead() {
      counts();
      // The pages' indexes parsed too: an edit's job then starts from them at once.
      for (const kept of last().kept.values()) kept.index ??= JSON.parse(kept.text) as KeptIndex['index'];
    },
    flush() {
      for (const write of writes.splice(0)) write();
    },
    indexes(pages, keyOf, build) {
      const h = createHash('sha256').update(tokens);
      for (const p of pages) h.update(`${p.source.outPath}\0${String(p.source.frontmatter.search)}\0${keyOf(p)}\0`);
      const key = h.digest('base64url');
      const before = last();
      if (before.key === key) return new Map(before.indexes);
      const counter = createTermCounter(counts(), facts);
      // Another build's indexes: the pages' own are where this one's start from.
      const kept: IndexesKept = { last: before.kept, next: new Map() };
      const indexes = build(pages, counter, kept);
      const stored: StoredIndexes = { format: FILE_FORMAT, key, tokens, indexes: [...indexes], bases: [...kept.next].map(([outPath, k]) => [outPath, k.basis]) };
      writes.push(() => writeAside(file, JSON.stringify(stored)));
      if (counter.changed()) writes.push(() => writeCounts(memoFile, addedFile, tokens, memo!, counter));
      return indexes;
    },
  };
}

/** The size of the last build's term counts in bytes (0 when none): a large one tells a large site before it is loaded. */
export function termCountsBytes(dir: string, scope: string): number {
  try {
    return statSync(cacheFile(dir, 'search-terms', scope, '.json')).size;
  } catch {
    return 0;
  }
}

/** openSearchCache's indexes, at once. */
export function cachedSearchIndexes<P extends IndexedPage>(
  dir: string, scope: string, pages: P[], keyOf: (page: P) => string,
  build: (pages: P[], counter: TermCounter, kept: IndexesKept) => Map<string, string>,
): Map<string, string> {
  const cache = openSearchCache(dir, scope);
  const indexes = cache.indexes(pages, keyOf, build);
  cache.flush();
  return indexes;
}

/**
 * The term counts kept: a base file (term-memo-file.ts), and the entries added since in a second,
 * small file. An edit adds its few sections' counts to the second file instead of writing all of
 * them again (GitHub's reference: 5.6 MB, written while the build waited to exit). Entries of
 * sections gone stay until the base is written again: when the added or the unused entries come
 * to a quarter of it.
 */
interface StoredCounts {
  /** Base and added entries together; undefined when there is no usable base. */
  counts?: TermMemo;
  /** The base file's id, which the added file names: an added file of an older base is not read. */
  base?: string;
  baseSize: number;
  added: Array<[string, FieldTerms[]]>;
}

/** The share of the base that added, or unused, entries may come to before the base is written again. */
const REWRITE_SHARE = 0.25;

/** The term counts of the last builds, if made by the same tokenizer (`tokens`), else none. */
function readCounts(baseFile: string, addedFile: string, tokens: string): StoredCounts {
  const base = readMemoFile(baseFile, tokens);
  if (!base) return { baseSize: 0, added: [] };
  const added = readAdded(addedFile, tokens, base.id);
  return { counts: withAdded(base.memo, new Map(added)), base: base.id, baseSize: base.memo.size, added };
}

/** `base` with `added`'s entries in front. */
function withAdded(base: TermMemo, added: Map<string, FieldTerms[]>): TermMemo {
  if (!added.size) return base;
  const extra = [...added.keys()].filter((k) => !base.has(k));
  return {
    size: base.size + extra.length,
    has: (key) => added.has(key) || base.has(key),
    get: (key) => added.get(key) ?? base.get(key),
    keys: () => [...base.keys(), ...extra][Symbol.iterator](),
  };
}

/** Keeps the counter's used entries: as added entries when few are new, else as a new base. */
function writeCounts(baseFile: string, addedFile: string, tokens: string, stored: StoredCounts, counter: TermCounter): void {
  const { used } = counter;
  const known = stored.counts ?? new Map<string, FieldTerms[]>();
  const fresh = [...used.keys()].filter((key) => !known.has(key)).map((key): [string, FieldTerms[]] => [key, used.get(key)!]);
  const added = [...stored.added, ...fresh];
  const unused = known.size + fresh.length - used.size;
  if (stored.base && added.length <= stored.baseSize * REWRITE_SHARE && unused <= stored.baseSize * REWRITE_SHARE) {
    if (fresh.length) writeAside(addedFile, JSON.stringify({ tokens, base: stored.base, entries: added }));
    return;
  }
  // The base first: the added file left from the old base names another id and is not read.
  if (writeAside(baseFile, memoFileText(tokens, randomUUID(), counter.usedEntries()))) rmSync(addedFile, { force: true });
}

/**
 * The last build's indexes and its key (none when missing, corrupt or of another format), and its
 * pages' own indexes with their bases when made by the same tokenizer (`tokens`).
 */
function readIndexes(file: string, tokens: string): { key?: string; indexes: Array<[string, string]>; kept: Map<string, KeptIndex> } {
  const kept = new Map<string, KeptIndex>();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredIndexes>;
    if (stored.format !== FILE_FORMAT || !Array.isArray(stored.indexes)) return { indexes: [], kept };
    if (stored.tokens === tokens && Array.isArray(stored.bases)) {
      const texts = new Map(stored.indexes);
      for (const [outPath, basis] of stored.bases) {
        const text = texts.get(outPath);
        if (text !== undefined) kept.set(outPath, { text, basis });
      }
    }
    return { key: stored.key, indexes: stored.indexes, kept };
  } catch {
    return { indexes: [], kept }; // missing or corrupt: build afresh
  }
}

/** The added file's entries, if made by the same tokenizer for the base `base` and whole, else none. */
function readAdded(file: string, tokens: string, base: string): Array<[string, FieldTerms[]]> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { tokens?: string; base?: unknown; entries?: unknown };
    if (stored.tokens !== tokens || stored.base !== base || !Array.isArray(stored.entries)) return [];
    const entries = stored.entries as Array<[string, FieldTerms[]]>;
    const whole = entries.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Array.isArray(e[1]) && e[1].length === FIELD_NAMES.length);
    return whole ? entries : [];
  } catch {
    return []; // missing or corrupt: count afresh
  }
}
