// The search indexes of the last build, kept for the next: an index depends only on its pages'
// sections, which the page cache's keys already stand for, and on how text is cut into terms
// (the theme's search-tokens.js, shared with the page). One file per source folder.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import type { Page } from '../types.js';
import { cacheFile, writeAside } from './files.js';

const FILE_FORMAT = 1;
/** The page code that cuts text into terms and writes numbers: the build imports both. */
const TOKEN_FILES = ['search-tokens.js', 'search-varint.js'].map((f) => packagePath('themes', 'default', 'client', f));

/**
 * `build(pages)` when something changed since the last build, else its result from then.
 * `keyOf` is the page cache's key: equal keys, equal sections.
 */
export function cachedSearchIndexes(
  dir: string, scope: string, pages: Page[], keyOf: (page: Page) => string,
  build: (pages: Page[]) => Map<string, string>,
): Map<string, string> {
  const h = createHash('sha256').update(`format ${FILE_FORMAT}\0`);
  for (const f of TOKEN_FILES) h.update(readFileSync(f)).update('\0');
  for (const p of pages) h.update(`${p.source.outPath}\0${String(p.source.frontmatter.search)}\0${keyOf(p)}\0`);
  const key = h.digest('base64url');
  const file = cacheFile(dir, 'search', scope, '.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; key?: string; indexes?: Array<[string, string]> };
    if (stored.format === FILE_FORMAT && stored.key === key && Array.isArray(stored.indexes)) return new Map(stored.indexes);
  } catch {
    // missing or corrupt: build afresh
  }
  const indexes = build(pages);
  writeAside(file, JSON.stringify({ format: FILE_FORMAT, key, indexes: [...indexes] }));
  return indexes;
}
