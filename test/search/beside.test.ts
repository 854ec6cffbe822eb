// The search indexes made in a worker thread while the pages are written (src/search/beside.ts):
// the same indexes as on the main thread, cache included, and a small site stays on the main
// thread. The worker runs the compiled file (dist/search/index-worker.js, `npm run compile`).
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { packagePath } from '../../src/package-root.js';
import { runSearchJob, searchIndexesBeside, searchWorker, type SearchJob } from '../../src/search/beside.js';
import { indexFilesOf } from '../../src/search/index.js';

const section = (id: string, text: string) => ({ id, title: id, parents: [], text, code: `get_${id}()` });
const job = (cache?: SearchJob['cache']): SearchJob => ({
  cache,
  whole: false,
  pages: [
    { outPath: 'index.html', search: true, key: 'a', inChunks: false, sections: [section('orders', 'List every order.'), section('refunds', 'Give the money back.')] },
    { outPath: 'guide/index.html', search: 'site', key: 'b', inChunks: false, sections: [section('intro', 'Start here.')] },
    { outPath: 'big.html', search: true, key: 'c', inChunks: true, sections: [section('errors', 'What can go wrong.')] },
  ].map((p) => ({ ...p, count: p.sections.length })),
});

describe.skipIf(!existsSync(packagePath('dist', 'search', 'index-worker.js')))('search indexes beside the pages', () => {
  it('makes in a worker the indexes the main thread makes, and keeps the cache as it would', async () => {
    const texts = runSearchJob(job());
    const expected = indexFilesOf(texts, false);
    const beside = searchIndexesBeside(job(), 1);
    expect(beside.threaded).toBe(true);
    expect(await beside.indexes).toEqual(expected);
    expect(texts.get('guide/index.html')).toContain('"pages"'); // the site-wide index, with its pages
    expect(texts.get('big.html')).toContain('snippetsAt');
    expect(expected.get('big.html')!.snippets?.file).toMatch(/^assets\/search-snippets-/);

    const dir = mkdtempSync(join(tmpdir(), 'shale-beside-'));
    expect(await searchIndexesBeside(job({ dir, scope: '/src' }), 1).indexes).toEqual(expected);
    // The indexes and the term counts, written once the worker has posted the indexes.
    await vi.waitFor(() => expect(readdirSync(dir).filter((f) => f.startsWith('search-')).length).toBe(2), { timeout: 5000 });
  });

  it('stays on the main thread for a site with fewer sections than the threshold', async () => {
    const beside = searchIndexesBeside(job(), 5);
    expect(beside.threaded).toBe(false);
    expect(await beside.indexes).toEqual(indexFilesOf(runSearchJob(job()), false));
  });

  it('gives the job to a worker started before it, or stops that worker unused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-beside-'));
    const cache = { dir, scope: '/src' };
    const expected = indexFilesOf(runSearchJob(job()), false);
    // The first build leaves the term counts; the next one's worker reads them before its job comes.
    await searchIndexesBeside(job(cache), 1).indexes;
    const ahead = searchWorker({ cache, parts: [] })!;
    const used = { run: vi.fn(ahead.run), stop: vi.fn(ahead.stop) };
    const beside = searchIndexesBeside({ ...job(cache), pages: job(cache).pages.map((p) => ({ ...p, key: `${p.key}2` })) }, 1, used);
    expect(beside.threaded).toBe(true);
    expect(await beside.indexes).toEqual(expected);
    expect(used.run).toHaveBeenCalledTimes(1);
    // Too few sections for a worker: the one started ahead is stopped, and the job done here.
    const small = searchWorker({ cache, parts: [] })!;
    const unused = { run: vi.fn(small.run), stop: vi.fn(small.stop) };
    const inline = searchIndexesBeside(job(), 5, unused);
    expect(inline.threaded).toBe(false);
    expect(unused.stop).toHaveBeenCalled();
    expect(unused.run).not.toHaveBeenCalled();
    expect(await inline.indexes).toEqual(expected);
  });
});
