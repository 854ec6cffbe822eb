// The cache's file helpers: entries named by key, written whole or not at all.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFile, writeAside } from '../../src/cache/files.js';

describe('cache files', () => {
  it('names one file per key, the same each time, whatever the key holds', () => {
    const a = cacheFile('/c', 'page', '/src\0index.html', '.json');
    expect(a).toBe(cacheFile('/c', 'page', '/src\0index.html', '.json'));
    expect(a).not.toBe(cacheFile('/c', 'page', '/src\0v2/index.html', '.json'));
    expect(a).toMatch(/^\/c\/page-[\w-]{16}\.json$/);
  });

  it('writes into a new folder, and leaves nothing behind when it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-files-'));
    expect(writeAside(join(dir, 'deep', 'x.json'), '{"a":1}')).toBe(true);
    expect(readFileSync(join(dir, 'deep', 'x.json'), 'utf8')).toBe('{"a":1}');
    // A file where its folder should be: the write fails, quietly, and no temporary file stays.
    writeFileSync(join(dir, 'blocker'), '');
    expect(writeAside(join(dir, 'blocker', 'y.json'), 'x')).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'deep']);
    expect(readdirSync(join(dir, 'deep'))).toEqual(['x.json']);
  });
});
