import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHighlightCache } from '../../src/cache/highlight-cache.js';
import type { CodeHighlighter } from '../../src/markdown/highlight.js';

// A stand-in highlighter that counts its calls and marks its output, so a test can tell
// cached HTML from fresh HTML.
function fakeHighlighter(version = 'v1', mark = 'fresh'): CodeHighlighter & { calls: number } {
  const h = {
    calls: 0,
    version,
    theme: { name: 't', bg: '#000', fg: '#fff', type: 'dark' as const, css: '' },
    knows: () => true,
    load: async () => {},
    highlight(code: string, lexer: string) { h.calls++; return `<${mark} ${lexer}>${code}`; },
    dispose() {},
  };
  return h;
}

const dirs: string[] = [];
function cacheDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'shale-hl-cache-'));
  dirs.push(d);
  return d;
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function buildOnce(dir: string, blocks: Array<[string, string]>, inner = fakeHighlighter()) {
  const cache = openHighlightCache(dir, '/site/source', inner);
  const html = blocks.map(([code, lang]) => cache.highlighter.highlight(code, lang));
  cache.save();
  return { html, stats: cache.stats, inner };
}

describe('persistent highlight cache', () => {
  it('serves a second build from the cache without calling the highlighter', () => {
    const dir = cacheDir();
    const first = buildOnce(dir, [['a = 1', 'ruby'], ['b = 2', 'python']]);
    expect(first.stats).toEqual({ highlighted: 2, reused: 0 });
    const second = buildOnce(dir, [['a = 1', 'ruby'], ['b = 2', 'python']], fakeHighlighter('v1', 'stale'));
    expect(second.inner.calls).toBe(0);
    expect(second.html).toEqual(first.html);
  });

  it('highlights again a block whose code or language changed, and only that one', () => {
    const dir = cacheDir();
    buildOnce(dir, [['a = 1', 'ruby'], ['b = 2', 'python']]);
    const next = buildOnce(dir, [['a = 1', 'ruby'], ['b = 3', 'python'], ['a = 1', 'python']], fakeHighlighter('v1', 'new'));
    expect(next.stats).toEqual({ highlighted: 2, reused: 1 });
    expect(next.html).toEqual(['<fresh ruby>a = 1', '<new python>b = 3', '<new python>a = 1']);
  });

  it('ignores a cache written by another highlighter version', () => {
    const dir = cacheDir();
    buildOnce(dir, [['a = 1', 'ruby']]);
    const other = buildOnce(dir, [['a = 1', 'ruby']], fakeHighlighter('v2', 'v2'));
    expect(other.html).toEqual(['<v2 ruby>a = 1']);
  });

  it('ignores a corrupt cache file and replaces it with a good one', () => {
    const dir = cacheDir();
    buildOnce(dir, [['a = 1', 'ruby']]);
    const file = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    writeFileSync(join(dir, file), '{"format":2,"version":"v1","keys":["trunc');
    const again = buildOnce(dir, [['a = 1', 'ruby']], fakeHighlighter('v1', 'again'));
    expect(again.html).toEqual(['<again ruby>a = 1']);
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8')).keys).toHaveLength(1);
    expect(buildOnce(dir, [['a = 1', 'ruby']]).inner.calls).toBe(0);
  });

  it('ignores a cache whose HTML file was cut short', () => {
    const dir = cacheDir();
    buildOnce(dir, [['a = 1', 'ruby'], ['b = 2', 'ruby']]);
    const file = readdirSync(dir).find((f) => f.endsWith('.html'))!;
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').slice(0, 10));
    const again = buildOnce(dir, [['a = 1', 'ruby'], ['b = 2', 'ruby']], fakeHighlighter('v1', 'again'));
    expect(again.html).toEqual(['<again ruby>a = 1', '<again ruby>b = 2']);
  });

  it('keeps only the blocks the last build used', () => {
    const dir = cacheDir();
    buildOnce(dir, [['old', 'ruby'], ['kept', 'ruby']]);
    buildOnce(dir, [['kept', 'ruby']]);
    const file = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8')).keys).toHaveLength(1);
    expect(readFileSync(join(dir, file.replace(/\.json$/, '.html')), 'utf8')).toBe('<fresh ruby>kept');
  });

  it('reads each block from its place, whatever its characters', () => {
    const dir = cacheDir();
    const blocks: Array<[string, string]> = [['puts "größe"', 'ruby'], ['echo 日本 🙂', 'shell'], ['x = 1', 'python']];
    const first = buildOnce(dir, blocks);
    // Asked in another order, one at a time: each comes back whole, none highlighted again.
    const again = buildOnce(dir, [blocks[2], blocks[0], blocks[1]], fakeHighlighter('v1', 'stale'));
    expect(again.inner.calls).toBe(0);
    expect(again.html).toEqual([first.html[2], first.html[0], first.html[1]]);
  });

  it('keeps the blocks it was not asked for when told to, read from the file', () => {
    const dir = cacheDir();
    buildOnce(dir, [['a = 1', 'ruby'], ['ü = 2', 'ruby']]);
    // A build that replayed the page with 'ü = 2' asks only for a new block.
    const cache = openHighlightCache(dir, '/site/source', fakeHighlighter('v1', 'new'));
    cache.highlighter.highlight('c = 3', 'ruby');
    cache.highlighter.dispose();
    cache.save({ keepUnused: true });
    const next = buildOnce(dir, [['a = 1', 'ruby'], ['ü = 2', 'ruby'], ['c = 3', 'ruby']], fakeHighlighter('v1', 'stale'));
    expect(next.inner.calls).toBe(0);
    expect(next.html).toEqual(['<fresh ruby>a = 1', '<fresh ruby>ü = 2', '<new ruby>c = 3']);
  });

  it('keeps the caches of two source folders apart', () => {
    const dir = cacheDir();
    openHighlightCache(dir, '/a', fakeHighlighter()).save();
    const a = openHighlightCache(dir, '/a', fakeHighlighter());
    a.highlighter.highlight('x', 'ruby'); a.save();
    const b = openHighlightCache(dir, '/b', fakeHighlighter());
    b.highlighter.highlight('y', 'ruby'); b.save();
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });
});
