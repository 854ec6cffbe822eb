// When the build starts its search worker (src/search/ahead.ts): before the load when the last
// build's term counts tell a large site, after it when the Markdown is long, and never when the
// build's option says so.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFile } from '../../src/cache/files.js';
import { packagePath } from '../../src/package-root.js';
import { AHEAD_MIN_CHARS, AHEAD_MIN_COUNTS, searchAhead } from '../../src/search/ahead.js';
import type { Source } from '../../src/types.js';

const scope = '/docs/source';
const sources = (chars: number) => [{ parts: [{ markdown: 'x'.repeat(chars) }] }] as unknown as Source[];

/** A cache folder whose term counts file is `bytes` long. */
function cacheWith(bytes: number) {
  const dir = join(mkdtempSync(join(tmpdir(), 'shale-ahead-')), '.shale-cache');
  mkdirSync(dir);
  if (bytes) writeFileSync(cacheFile(dir, 'search-terms', scope, '.json'), ' '.repeat(bytes));
  return { dir, scope };
}

describe.skipIf(!existsSync(packagePath('dist', 'search', 'index-worker.js')))('the search worker started ahead', () => {
  it('starts before the load when the last term counts are large', () => {
    const ahead = searchAhead(cacheWith(AHEAD_MIN_COUNTS), ['index.html']);
    expect(ahead.worker).toBeDefined();
    ahead.stop();
  });

  it('otherwise waits for the load, and starts for long Markdown only', () => {
    const small = searchAhead(cacheWith(AHEAD_MIN_COUNTS - 1), ['index.html']);
    expect(small.worker).toBeUndefined();
    small.loaded(sources(AHEAD_MIN_CHARS - 1));
    expect(small.worker).toBeUndefined();
    const large = searchAhead(cacheWith(0), ['index.html']);
    large.loaded(sources(AHEAD_MIN_CHARS));
    expect(large.worker).toBeDefined();
    large.stop();
  });

  it('follows the build\'s workers option: never when false, for any site when true', () => {
    const never = searchAhead(cacheWith(AHEAD_MIN_COUNTS), ['index.html'], false);
    never.loaded(sources(AHEAD_MIN_CHARS));
    expect(never.worker).toBeUndefined();
    const always = searchAhead(undefined, ['index.html'], true);
    expect(always.worker).toBeUndefined();
    always.loaded(sources(10));
    expect(always.worker).toBeDefined();
    always.stop();
  });
});
