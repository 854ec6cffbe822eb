// The search indexes of the last build, kept for the next: an index depends only on its pages'
// sections, which the page cache's keys already stand for, and on how text is cut into terms
// (the theme's search-tokens.js, shared with the page). One file per source folder; beside it,
// each section's term counts (src/search/term-counts.ts), so that after an edit only the edited
// sections are cut into terms again.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import { createTermCounter, FIELD_NAMES, type FieldTerms, type TermCounter, type TermMemo } from '../search/term-counts.js';
import type { IndexedPage } from '../search/scope.js';
import { cacheFile, fileStartsWith, writeAside } from './files.js';

const FILE_FORMAT = 1;
/** The page code that cuts text into terms and writes numbers: the build imports both. */
const TOKEN_FILES = ['search-tokens.js', 'search-varint.js'].map((f) => packagePath('themes', 'default', 'client', f));

export interface SearchCache {
  /** Reads the last build's term counts now: a worker does while the pages are rendered. */
  readAhead(): void;
  /**
   * `build(pages)` when something changed since the last build, else its result from then.
   * `keyOf` is the page cache's key: equal keys, equal sections.
   */
  indexes<P extends IndexedPage>(pages: P[], keyOf: (page: P) => string, build: (pages: P[], counter: TermCounter) => Map<string, string>): Map<string, string>;
  /** Writes what `indexes` made for the next build: a worker does once it has posted them. */
  flush(): void;
}

export function openSearchCache(dir: string, scope: string): SearchCache {
  const t = createHash('sha256').update(`format ${FILE_FORMAT}\0${FIELD_NAMES.join(' ')}\0`);
  for (const f of TOKEN_FILES) t.update(readFileSync(f)).update('\0');
  const tokens = t.digest('base64url');
  const memoFile = cacheFile(dir, 'search-terms', scope, '.json');
  let memo: { counts?: TermMemo } | undefined;
  const counts = () => (memo ??= { counts: readMemo(memoFile, tokens) }).counts;
  const writes: Array<() => void> = [];
  return {
    readAhead: () => void counts(),
    flush() {
      for (const write of writes.splice(0)) write();
    },
    indexes(pages, keyOf, build) {
      const h = createHash('sha256').update(tokens);
      for (const p of pages) h.update(`${p.source.outPath}\0${String(p.source.frontmatter.search)}\0${keyOf(p)}\0`);
      const key = h.digest('base64url');
      const file = cacheFile(dir, 'search', scope, '.json');
      try {
        // The key first in the file: after an edit, its first bytes tell it is not this build's.
        if (fileStartsWith(file, `{"format":${FILE_FORMAT},"key":${JSON.stringify(key)},`)) {
          const stored = JSON.parse(readFileSync(file, 'utf8')) as { indexes?: Array<[string, string]> };
          if (Array.isArray(stored.indexes)) return new Map(stored.indexes);
        }
      } catch {
        // missing or corrupt: build afresh
      }
      const counter = createTermCounter(counts());
      const indexes = build(pages, counter);
      writes.push(() => writeAside(file, JSON.stringify({ format: FILE_FORMAT, key, indexes: [...indexes] })));
      if (counter.changed()) writes.push(() => writeAside(memoFile, JSON.stringify({ tokens, entries: [...counter.used] })));
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
  build: (pages: P[], counter: TermCounter) => Map<string, string>,
): Map<string, string> {
  const cache = openSearchCache(dir, scope);
  const indexes = cache.indexes(pages, keyOf, build);
  cache.flush();
  return indexes;
}

/** The term counts of the last build, if made by the same tokenizer (`tokens`), else none. */
function readMemo(file: string, tokens: string): TermMemo | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { tokens?: string; entries?: unknown };
    if (stored.tokens !== tokens || !Array.isArray(stored.entries)) return undefined;
    const entries = stored.entries as Array<[string, FieldTerms[]]>;
    const whole = entries.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Array.isArray(e[1]) && e[1].length === FIELD_NAMES.length);
    return whole ? new Map(entries) : undefined;
  } catch {
    return undefined; // missing or corrupt: count afresh
  }
}
