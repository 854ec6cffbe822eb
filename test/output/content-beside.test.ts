// The pages' content cut and written in a worker thread (src/output/content-beside.ts): the same
// chunk files and the same page content as on the main thread, a page not in chunks kept whole,
// and a small site left on the main thread. The worker runs the compiled file
// (dist/output/content-worker.js, `npm run compile`).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentJob, writeContentsBeside, type ContentJob } from '../../src/output/content-beside.js';
import { willSplit } from '../../src/output/chunks.js';
import type { ContentPage } from '../../src/output/pages.js';
import { packagePath } from '../../src/package-root.js';

/** A page of `n` top-level sections, each a possible cut. */
function page(outPath: string, n: number): ContentPage {
  let html = '';
  const chunkCuts: number[] = [];
  for (let i = 0; i < n; i++) {
    chunkCuts.push(html.length);
    html += `<h1 id="s${i}">Section ${i}</h1>\n<p>${'Text. '.repeat(40)}</p>\n<div class="highlight tab-shell"><pre class="highlight shell tab-shell"><code>echo ${i}\n</code></pre></div>\n`;
  }
  return { outPath, tabs: ['shell'], html, chunkCuts: chunkCuts.slice(1) };
}

const job = (outDir: string): ContentJob => ({ outDir, base: './', lazyContent: 1000, pages: [page('index.html', 30), page('small.html', 1)] });
const inChunks = (p: ContentPage) => willSplit(p.html, p.chunkCuts, 1000);
const files = (dir: string) => readdirSync(join(dir, 'assets')).sort().map((f) => [f, readFileSync(join(dir, 'assets', f), 'utf8')]);

describe.skipIf(!existsSync(packagePath('dist', 'output', 'content-worker.js')))('content written beside', () => {
  it('writes in a worker the chunks the main thread writes, and keeps a page without chunks whole', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'shale-content-')), mkdtempSync(join(tmpdir(), 'shale-content-'))];
    const expected = runContentJob(job(a));
    const beside = writeContentsBeside(job(b), inChunks, 1);
    expect(beside.threaded).toBe(true);
    expect(await beside.contents).toEqual(expected);
    expect(files(b)).toEqual(files(a));
    expect(files(a).length).toBeGreaterThan(2); // chunks and their map
    expect(expected.get('small.html')).toEqual({ html: job(a).pages[1].html, chunkMapUrl: undefined });
  });

  it('stays on the main thread below the threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-content-'));
    const beside = writeContentsBeside(job(dir), inChunks, 10_000_000);
    expect(beside.threaded).toBe(false);
    expect((await beside.contents).get('index.html')?.chunkMapUrl).toMatch(/^assets\/chunk-map-/);
  });
});
