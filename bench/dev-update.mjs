#!/usr/bin/env node
// Save-to-updated-page time of `shale dev` for a one-line edit: the time from writing the file
// to the new text being in the open page's DOM (Chromium, through the dev server's live update),
// median of N edits (default 10), alternating between the page and its include.
//   npm run compile && node bench/dev-update.mjs [--runs N] [--source DIR]
// It prints figures; it asserts nothing. The sample (source/) is the default input. A GitHub-scale
// input needs the generator of a later issue; pass its folder with --source once it exists.
// Each edit's figures: the code blocks highlighted again and the parts rendered again (the rest
// are replayed from the dev site's caches).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../dist/index.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = Number(arg('--runs', 10));
const SOURCE = path.resolve(arg('--source', path.join(ROOT, 'source')));

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
if (!CHROMIUM) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-bench-dev-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
fs.cpSync(SOURCE, path.join(work, 'source'), { recursive: true });

const page = path.join(work, 'source', 'index.html.md');
const includes = fs.existsSync(path.join(work, 'source', 'includes'))
  ? fs.readdirSync(path.join(work, 'source', 'includes')).filter((f) => f.endsWith('.md')).map((f) => path.join(work, 'source', 'includes', f))
  : [];
const targets = [page, ...includes.slice(0, 1)];

const t0 = performance.now();
const server = await createServer({ root: work, port: 0, quiet: true }, { info: () => {}, warn: () => {} });
const startup = performance.now() - t0;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const tab = await browser.newPage();
// A GitHub-sized page takes about a minute to load here; waits are bounded, but generously.
tab.setDefaultTimeout(300_000);
await tab.goto(server.url);
await tab.waitForLoadState('load');
const html = await tab.evaluate(() => document.querySelector('main.content').innerHTML.length);

const times = [];
const paints = [];
const renders = [];
const parts = [];
for (let i = 0; i < RUNS + 1; i++) {
  const file = targets[i % targets.length];
  const marker = `BENCH${i}X${Date.now()}`;
  // One line changed: the last line of the file gets a word added.
  const text = fs.readFileSync(file, 'utf8').replace(/\s*$/, '');
  const lines = text.split('\n');
  lines[lines.length - 1] = lines[lines.length - 1].replace(/ BENCH\d+X\d+$/, '') + ' ' + marker;
  // Resolves in the page when the marker reaches the DOM (a MutationObserver, no polling delay),
  // then two animation frames later: the page has been laid out and painted with it. Only the
  // nodes that changed are searched: `main.textContent` of a GitHub-sized page costs 200 ms.
  const seen = tab.evaluate((m) => new Promise((resolve) => {
    const main = document.querySelector('main.content');
    const has = (n) => n.textContent.includes(m);
    const obs = new MutationObserver((records) => {
      if (!records.some((r) => (r.type === 'characterData' ? has(r.target) : [...r.addedNodes].some(has)))) return;
      obs.disconnect();
      const dom = Date.now();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ dom, painted: Date.now() })));
    });
    obs.observe(main, { childList: true, subtree: true, characterData: true });
  }), marker);
  await new Promise((r) => setTimeout(r, 50));
  const before = server.site.stats.highlighted;
  const partsBefore = server.site.partStats.rendered;
  const start = Date.now();
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const { dom: end, painted } = await seen;
  // The first edit warms up.
  if (i > 0) { times.push(end - start); paints.push(painted - start); renders.push(server.site.stats.highlighted - before); parts.push(server.site.partStats.rendered - partsBefore); }
}
await browser.close();
await server.close();

const medianOf = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
const sorted = [...times].sort((a, b) => a - b);
const median = medianOf(times);
console.log(`shale dev: save-to-updated-page for a one-line edit (${path.relative(process.cwd(), SOURCE) || SOURCE}, ${Math.round(html / 1024)} KB of content)`);
console.log(`  dev server start (render + listen): ${Math.round(startup)} ms`);
console.log(`  edits: ${times.length} (alternating ${targets.map((f) => path.basename(f)).join(' / ')})`);
console.log(`  median ${median} ms   min ${sorted[0]} ms   max ${sorted.at(-1)} ms   (save to the new text in the page's DOM)`);
console.log(`  median ${medianOf(paints)} ms to the next painted frame (the browser lays out the whole page once)`);
console.log(`  code blocks highlighted again per edit: ${renders.join(', ')}`);
console.log(`  parts (page body, includes) rendered again per edit: ${parts.join(', ')}`);
