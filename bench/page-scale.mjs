#!/usr/bin/env node
// The page at scale, in Chromium: shale's page and Shins's page of the same source, side by side in
// one run (issue #7). For each: load event, first tab switch (click → the frame that shows the other
// language's code), a search once the index is there (last key typed → the frame with the results),
// and frame times over a scripted scroll of the whole page. Medians of --runs fresh browser contexts.
// It prints figures; it asserts nothing.
//   npm run compile && node bench/page-scale.mjs [--input github] [--source DIR] [--runs 3]
//       [--shale-out DIR] [--shins-dir DIR] [--no-shins] [--query "list repository secrets"]
// --shale-out / --shins-dir reuse a site built earlier (a Shins folder with index.html built in it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const RUNS = Number(arg('--runs', 3));
const QUERY = arg('--query', 'list repository secrets');
const SCROLL_STEPS = Number(arg('--scroll-steps', 600));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As test/e2e/chromium.ts launches it.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LONG = 15 * 60_000; // Shins's page on GitHub takes minutes on a loaded machine

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-page-scale-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

const source = arg('--source') ? path.resolve(arg('--source'))
  : (await import('./inputs/generate.mjs')).inputSource(arg('--input', 'github'));
const src = await source;

function run(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr?.slice(-2000)}`);
  return (performance.now() - t0) / 1000;
}

// shale, from dist/ (npm run compile first).
let shaleDir = arg('--shale-out');
if (!shaleDir) {
  shaleDir = path.join(work, 'shale');
  const s = run(process.execPath, [path.join(ROOT, 'bin', 'shale.js'), 'build', '--source', src, '--out', shaleDir, '--quiet'], { cwd: ROOT });
  console.error(`shale build: ${s.toFixed(0)} s`);
}

// Shins runs inside a copy of its package with the source put in place (see build-vs-shins.mjs);
// its page needs the folder around it (pub/css, pub/js, images), so that folder is what is served.
let shinsDir = process.argv.includes('--no-shins') ? undefined : arg('--shins-dir');
if (!shinsDir && !process.argv.includes('--no-shins')) {
  shinsDir = path.join(work, 'shins');
  fs.cpSync(path.join(ROOT, 'node_modules', 'shins'), shinsDir, { recursive: true });
  for (const f of ['index.html', 'source/index.html.md', 'source/includes/_errors.md']) fs.rmSync(path.join(shinsDir, f), { force: true });
  fs.cpSync(src, path.join(shinsDir, 'source'), { recursive: true });
  const s = run(process.execPath, ['--max-old-space-size=8192', 'shins.js'], { cwd: shinsDir, env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') } });
  console.error(`Shins build: ${s.toFixed(0)} s`);
}

const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 6 }).length;
const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;

/** One fresh context: everything measured on one load of the page. */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(LONG);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Input timestamps, list mutations and frames, recorded by the page itself before its own scripts run.
  await page.addInitScript(() => {
    const w = window;
    w.__bench = { keys: [], listChanged: 0 };
    for (const type of ['keydown', 'mousedown']) addEventListener(type, (e) => { w.__bench.keys.push(e.timeStamp); }, true);
    document.addEventListener('DOMContentLoaded', () => {
      const list = document.querySelector('.search-results');
      if (list) new MutationObserver(() => { w.__bench.listChanged = performance.now(); }).observe(list, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.goto(url, { waitUntil: 'load', timeout: LONG });
  const load = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
  const step = (what) => { if (process.env.BENCH_DEBUG) console.error(`  ${url}: ${what}`); };
  step(`loaded in ${load.toFixed(0)} ms`);
  const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  // First tab switch, right after load: a real click, timed from its mousedown to the frame after
  // which a block of the other language is rendered (input delay included: a busy page shows here).
  const tab = await page.evaluate(() => {
    const tabs = [...document.querySelectorAll('.dark-box .lang-selector a[data-language-name], .lang-selector a[data-language-name]')];
    const current = document.body.dataset.language ?? tabs.find((a) => a.classList.contains('active'))?.dataset.languageName;
    const other = tabs.find((a) => a.dataset.languageName !== current && a.getClientRects().length);
    if (!other) return undefined;
    const r = other.getBoundingClientRect();
    return { lang: other.dataset.languageName, x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  let tabMs;
  step(`tab ${JSON.stringify(tab)}`);
  if (tab) {
    const before = await page.evaluate(() => window.__bench.keys.length);
    await page.mouse.click(tab.x, tab.y);
    tabMs = await page.evaluate(async ({ lang, before }) => {
      const shown = () => {
        const block = document.querySelector(`.highlight.tab-${lang}, pre.tab-${lang}`);
        return block && block.checkVisibility();
      };
      while (!shown()) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - window.__bench.keys[before];
    }, { lang: tab.lang, before });
  }

  // Search: focus, wait until a first query is answered (the index is there), then type the query;
  // timed from its last keydown to the frame after the last change to the results list.
  let searchMs;
  step('search');
  if (await page.locator('#input-search').count()) {
    await page.locator('#input-search').click();
    await page.keyboard.type('repo');
    await page.waitForFunction(() => {
      const list = document.querySelector('.search-results');
      return list?.querySelector('li') && !/^Loading/.test(list.textContent ?? '') && !list.hasAttribute('aria-busy');
    }, null, { timeout: LONG });
    await page.locator('#input-search').fill('');
    await page.evaluate(afterFrame);
    const before = await page.evaluate(() => window.__bench.keys.length);
    await page.keyboard.type(QUERY, { delay: 30 });
    searchMs = await page.evaluate(async ({ before, n }) => {
      const b = window.__bench;
      // Settled: no change to the list for half a second.
      let last = b.listChanged;
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        if (b.listChanged === last) break;
        last = b.listChanged;
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const lastKey = b.keys[before + n - 1];
      return Math.max(0, b.listChanged - lastKey);
    }, { before, n: QUERY.length });
    await page.keyboard.press('Escape');
    await page.locator('#input-search').fill('');
    await page.evaluate(() => document.activeElement?.blur());
  }

  step('scroll');
  // Scroll the whole page: one step per frame, steps of a viewport or of 1/600 (--scroll-steps) of the page
  // (whichever is larger), frame times from requestAnimationFrame.
  const frames = await page.evaluate(async (steps) => {
    window.scrollTo(0, 0);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    const deltas = [];
    let last = performance.now();
    for (let i = 0; i <= steps + 1; i++) {
      const now = await new Promise((r) => requestAnimationFrame(r));
      if (i > 0) deltas.push(now - last);
      last = now;
      const height = document.documentElement.scrollHeight;
      if (window.scrollY + innerHeight >= height - 2) break;
      window.scrollBy(0, Math.max(innerHeight, height / steps));
    }
    return deltas;
  }, SCROLL_STEPS);
  // Reading: ten places spread over the page, at each 30 frames of 100 px (a wheel's pace), after
  // the place has settled; the fling above is the harsh case, this is the common one.
  const reading = await page.evaluate(async () => {
    const deltas = [];
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let k = 0; k < 10; k++) {
      window.scrollTo(0, (k / 10) * document.documentElement.scrollHeight);
      await frame();
      await new Promise((r) => setTimeout(r, 300));
      let last = await frame();
      for (let i = 0; i < 30; i++) {
        window.scrollBy(0, 100);
        const now = await frame();
        deltas.push(now - last);
        last = now;
      }
    }
    return deltas;
  });
  await context.close();
  return { load, tabMs, searchMs, frames, reading, errors };
}

const median = (xs) => { const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const sites = [{ name: 'shale', dir: shaleDir }, ...(shinsDir ? [{ name: 'Shins', dir: shinsDir }] : [])];
const results = new Map(sites.map((s) => [s.name, []]));
const servers = await Promise.all(sites.map((s) => serveStatic(s.dir)));
// Interleaved run by run, so the machine's drift hits both the same.
for (let i = 0; i < RUNS; i++) {
  for (const [k, s] of sites.entries()) {
    const r = await measure(browser, servers[k].url);
    if (r.errors.length) console.error(`${s.name} run ${i + 1}: page errors: ${r.errors.slice(0, 3).join(' | ')}`);
    console.error(`${s.name} run ${i + 1}: load ${r.load.toFixed(0)} ms, tab ${r.tabMs?.toFixed(0)} ms, search ${r.searchMs?.toFixed(0)} ms, ` +
      `fling p50 ${pct(r.frames, 0.5).toFixed(1)} / p95 ${pct(r.frames, 0.95).toFixed(1)} ms over ${r.frames.length} frames, ` +
      `reading p50 ${pct(r.reading, 0.5).toFixed(1)} / p95 ${pct(r.reading, 0.95).toFixed(1)} ms`);
    results.get(s.name).push(r);
  }
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));

const row = (name) => {
  const rs = results.get(name);
  return {
    load: median(rs.map((r) => r.load)), tab: median(rs.map((r) => r.tabMs)), search: median(rs.map((r) => r.searchMs)),
    p50: median(rs.map((r) => pct(r.frames, 0.5))), p95: median(rs.map((r) => pct(r.frames, 0.95))),
    r50: median(rs.map((r) => pct(r.reading, 0.5))), r95: median(rs.map((r) => pct(r.reading, 0.95))),
  };
};
const ms = (x) => (x === undefined ? '-' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
const cols = [['load event', 'load'], ['first tab switch', 'tab'], ['search (typed)', 'search'],
  ['fling p50', 'p50'], ['fling p95', 'p95'], ['reading p50', 'r50'], ['reading p95', 'r95']];
const rows = sites.map((s) => ({ name: s.name, ...row(s.name) }));
const html = sites.map((s) => `${s.name} index.html ${mb(fs.statSync(path.join(s.dir, 'index.html')).size)} (${mb(gz(path.join(s.dir, 'index.html')))} gzipped)`);
console.log(`\npage in Chromium ${spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim()}, ${os.cpus().length}x ${os.cpus()[0]?.model}, load ${os.loadavg()[0].toFixed(1)}; ` +
  `source ${src}; medians of ${RUNS} runs; query "${QUERY}"`);
console.log(html.join('; '));
const table = [['', ...cols.map((c) => c[0])], ...rows.map((r) => [r.name, ...cols.map(([, k]) => ms(r[k]))])];
if (rows.length === 2) table.push(['shale/Shins', ...cols.map(([, k]) => (rows[0][k] !== undefined && rows[1][k] ? (rows[0][k] / rows[1][k]).toFixed(3) : '-'))]);
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const r of table) console.log(r.map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
