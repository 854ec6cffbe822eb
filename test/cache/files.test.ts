// The cache's file helpers: entries named by key, written whole or not at all.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFile, removeStaleTemps, STALE_TEMP_MS, writeAside } from '../../src/cache/files.js';

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

  it('removes the temporary files and folders an interrupted write left, once they are old, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-files-'));
    mkdirSync(join(dir, 'packs'));
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    const make = (name: string, folder = false) => {
      if (folder) mkdirSync(join(dir, name));
      else writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), old, old);
    };
    make('search-abc.json.4242.tmp');
    make('theme-abc.4242.tmp', true);
    make('packs/pack-abc-10.bin.4242.tmp');
    make('page-abc.json'); // an entry, however old
    make('notes.tmp'); // not a name writeAside makes
    writeFileSync(join(dir, 'search-abc.json.4343.tmp'), 'x'); // another build's write in progress
    expect(removeStaleTemps(dir, ['packs'])).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', 'packs', 'page-abc.json', 'search-abc.json.4343.tmp']);
    expect(readdirSync(join(dir, 'packs'))).toEqual([]);
    expect(removeStaleTemps(join(dir, 'missing'))).toBe(0);
  });
});
