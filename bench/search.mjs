#!/usr/bin/env node
// Search figures against issue #5's targets: index size (gzipped) against the page HTML (gzipped),
// time from the index arriving to the first results on screen, and time per keystroke, in
// Chromium (medians). It prints figures; it asserts nothing.
//   node bench/search.mjs [--sections N] [--runs N] [--source DIR | --input github] [--keep]
// The issue's input is the GitHub REST reference (widdershins output of @octokit/openapi, 21 MB,
// 7,500 headings). Until the generators for it exist (issue #7), the default input is a synthetic
// page of the same shape written here: N sections (default 7,500) of prose, a parameter table
// and JSON/shell examples. `--source DIR` measures any Slate source folder instead.
// Needs `npm run compile` first (it runs dist/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const SECTIONS = Number(arg('--sections', 7500));
const RUNS = Number(arg('--runs', 5));
const { build } = await import(path.join(ROOT, 'dist', 'build.js'));
const { decodeCopies } = await import(path.join(ROOT, 'themes', 'default', 'client', 'pack-decode.js'));

// A seeded generator: the same page on every run and machine.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const NOUNS = 'repository issue pull request commit branch tag release asset workflow run job artifact secret variable deployment environment team member organization project column card label milestone comment review reaction gist key hook delivery package version alert check suite annotation invitation collaborator ruleset codespace runner group'.split(' ');
const VERBS = 'list get create update delete add remove set enable disable approve cancel rerun download upload transfer archive lock unlock merge sync review'.split(' ');
const PROSE = 'the a an this that each every returns lists creates updates deletes requires permission scope token access authenticated user caller endpoint response request parameter field value default page results per sorted ascending descending filter only when if not must may can also public private internal visible owner admin write read apps fine-grained classic installation rate limit header status code body query path'.split(' ');

function sentence(n) {
  const words = Array.from({ length: n }, () => (rand() < 0.25 ? pick(NOUNS) : pick(PROSE)));
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

function syntheticSource(dir, n) {
  const out = ['---', 'title: Synthetic REST reference', 'language_tabs:', '  - shell: cURL', '  - javascript', 'headingLevel: 2', '---', ''];
  for (let i = 0; i < n; i++) {
    const noun = pick(NOUNS), verb = pick(VERBS);
    if (i % 60 === 0) out.push(`# ${noun} ${i / 60}`, '', sentence(20), '');
    out.push(`## ${verb} a ${noun} ${i}`, '', `\`${verb.toUpperCase()} /repos/{owner}/{repo}/${noun}s/${i}\``, '', sentence(25 + Math.floor(rand() * 40)), '');
    out.push('```shell', `curl -L -H "Accept: application/vnd.github+json" https://api.github.com/repos/OWNER/REPO/${noun}s/${i}`, '```', '');
    out.push('```json', JSON.stringify({ id: 1000 + i, node_id: `MDEw${i}Ulc${i}`, name: `${noun}-${i}`, url: `https://api.github.com/${noun}s/${i}`, created_at: '2011-01-26T19:01:12Z', [`${noun}_count`]: i, private: rand() < 0.5 }, null, 2), '```', '');
    out.push(`### Parameters`, '', '|Name|In|Type|Required|Description|', '|---|---|---|---|---|');
    for (let p = 0; p < 3; p++) out.push(`|${pick(NOUNS)}_${pick(PROSE)}|query|string|false|${sentence(8)}|`);
    out.push('');
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html.md'), out.join('\n'));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-search-bench-'));
// --keep leaves the built site for a look (its folder is printed).
if (process.argv.includes('--keep')) console.log(`work folder: ${work}`);
else process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
// --input NAME: one of bench/inputs/generate.mjs's inputs (e.g. github).
const sourceArg = arg('--source') ?? (arg('--input') && await (await import('./inputs/generate.mjs')).inputSource(arg('--input')));
const source = sourceArg ? path.resolve(sourceArg) : path.join(work, 'source');
if (!sourceArg) syntheticSource(source, SECTIONS);
const md = fs.readdirSync(source).filter((f) => f.endsWith('.md')).reduce((n, f) => n + fs.statSync(path.join(source, f)).size, 0);
const t0 = performance.now();
const result = await build({ root: work, source, out: path.join(work, 'build'), quiet: true }, { info() {}, warn() {} });
console.log(`input: ${sourceArg ?? `synthetic page, ${SECTIONS} sections`} (${(md / 2 ** 20).toFixed(1)} MB of Markdown, ${result.pages[0].headings.length} headings); build ${(performance.now() - t0) / 1000 | 0} s`);

const outDir = path.join(work, 'build');
const assets = fs.readdirSync(path.join(outDir, 'assets'));
const indexFile = path.join(outDir, 'assets', assets.find((f) => f.startsWith('search-index-')));
// The page's HTML: index.html and, for a page in chunks (src/output/chunks.ts), every chunk as the
// page decodes it from its pack, each gzipped on its own. What the site ships for them (index.html
// and the packs) is printed too: packs are far smaller than the HTML gzipped (src/output/pack.ts).
const pagePath = path.join(outDir, 'index.html');
const decoded = new Map();
const chunks = [...fs.readFileSync(pagePath, 'utf8').matchAll(/data-pack="([^"]+)" data-range="(\d+)-(\d+)"/g)].map(([, url, start, end]) => {
  if (!decoded.has(url)) decoded.set(url, decodeCopies(zlib.gunzipSync(fs.readFileSync(path.join(outDir, url)))));
  return decoded.get(url).subarray(Number(start), Number(end));
});
const html = chunks.reduce((n, c) => n + zlib.gzipSync(c).length, gz(pagePath));
const raw = chunks.reduce((n, c) => n + c.length, fs.statSync(pagePath).size);
const shipped = [...decoded.keys()].reduce((n, url) => n + gz(path.join(outDir, url)), gz(pagePath));
const index = gz(indexFile);
console.log(`page HTML ${kb(raw)} in ${1 + chunks.length} piece(s) (${kb(html)} gzipped; shipped as index.html and ${decoded.size} pack(s): ${kb(shipped)}); index ${kb(fs.statSync(indexFile).size)} (${kb(index)} gzipped) = ${(100 * index / html).toFixed(1)}% of the page HTML gzipped (target ≤ 25%), ${(100 * index / shipped).toFixed(1)}% of what the page ships`);
// A chunked page's snippets are a file of their own, fetched after the index (src/search/index.ts).
const snippetsName = assets.find((f) => f.startsWith('search-snippets-'));
if (snippetsName) {
  const snippets = gz(path.join(outDir, 'assets', snippetsName));
  console.log(`snippets file ${kb(fs.statSync(path.join(outDir, 'assets', snippetsName)).size)} (${kb(snippets)} gzipped); index and snippets together ${(100 * (index + snippets) / html).toFixed(1)}% of the page`);
}
const js = assets.filter((f) => f.endsWith('.js'));
console.log('scripts (gzipped): ' + js.map((f) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${(gz(path.join(outDir, 'assets', f)) / 1024).toFixed(1)} KB`).join(', '));

const QUERY = 'repository';
const PHRASES = ['list repository secrets', 'create a deployment', 'workflow run artifact', 'token per page'];

// The engine alone, as the worker runs it: the page's own chunk, loaded in Node (it imports only
// the tokens chunk beside it). This is the part of each figure below that search code controls;
// the rest is the page's thread drawing a frame, which grows with the page.
{
  const engineFile = path.join(outDir, 'assets', assets.find((f) => f.startsWith('search-engine-')));
  const { createEngine } = await import(engineFile);
  const bytes = fs.readFileSync(indexFile);
  const ready = [];
  const keysEngine = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const engine = createEngine(JSON.parse(new TextDecoder().decode(bytes)));
    engine.search(QUERY);
    ready.push(performance.now() - t0);
    for (const phrase of PHRASES) {
      for (let i = 1; i <= phrase.length; i++) {
        const t = performance.now();
        engine.search(phrase.slice(0, i));
        keysEngine.push(performance.now() - t);
      }
    }
  }
  console.log(`engine (Node, the page's chunk): index read and first query answered in ${median(ready).toFixed(1)} ms median [${ready.map((x) => x.toFixed(0)).join(', ')}]; per keystroke median ${median(keysEngine).toFixed(2)} ms, max ${Math.max(...keysEngine).toFixed(1)} ms`);
}

const { serve, launch } = await browserHelpers();
const server = await serve(outDir);
const browser = await launch();
const firsts = [];
const keys = [];
for (let run = 0; run < RUNS; run++) {
  const page = await browser.newPage();
  await page.goto(server.url, { timeout: 300_000 });
  await page.evaluate((q) => {
    const list = document.querySelector('ul.search-results');
    window.__firstDrawn = new Promise((resolve) => new MutationObserver(() => {
      if (list.querySelector('a') && !window.__first) resolve(window.__first = performance.now());
    }).observe(list, { childList: true }));
    const input = document.getElementById('input-search');
    input.value = q;
  }, QUERY);
  await page.focus('#input-search');
  // One call that waits in the page, not waitForFunction: that polls each frame with a script
  // playwright first injects (~12 ms on the page's thread, traced), inside the window measured.
  await page.evaluate(() => window.__firstDrawn);
  firsts.push(await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('search-index-'));
    return window.__first - entry.responseEnd;
  }));
  // Typing: each prefix of a few words, as a reader types them. Two times per keystroke, from its
  // input event: until the answer is in the list (the worker answered, the page built the list),
  // and until the frame after that has been drawn (on a large page, a frame costs what it costs).
  keys.push(...await page.evaluate(async (phrases) => {
    const input = document.getElementById('input-search');
    const list = document.querySelector('ul.search-results');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const answered = () => new Promise((r) => {
      if (!list.hasAttribute('aria-busy')) return r(performance.now());
      const watch = new MutationObserver(() => {
        if (list.hasAttribute('aria-busy')) return;
        watch.disconnect();
        r(performance.now());
      });
      watch.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    const times = [];
    for (const phrase of phrases) {
      for (let i = 1; i <= phrase.length; i++) {
        input.value = phrase.slice(0, i);
        const t = performance.now();
        input.dispatchEvent(new Event('input'));
        const inList = await answered();
        await frame();
        times.push({ inList: inList - t, drawn: performance.now() - t });
      }
    }
    return times;
  }, PHRASES));
  await page.close();
}
await browser.close();
await server.close();
console.log(`first query after the index arrived: median ${median(firsts).toFixed(0)} ms over ${RUNS} loads (target ≤ 50 ms) [${firsts.map((x) => x.toFixed(0)).join(', ')}]`);
const spread = (xs) => { const s = [...xs].sort((a, b) => a - b); return `median ${median(s).toFixed(1)} ms, 90th percentile ${s[Math.floor(s.length * 0.9)].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`; };
console.log(`per keystroke, input event → answer in the list: ${spread(keys.map((k) => k.inList))} over ${keys.length} keystrokes (target < 16 ms)`);
console.log(`per keystroke, input event → next frame drawn: ${spread(keys.map((k) => k.drawn))}`);

async function browserHelpers() {
  // The test helpers are TypeScript; vite's transformer compiles them without a build step.
  const { createServer } = await import('vite');
  const vite = await createServer({ configFile: false, root: ROOT, logLevel: 'silent', server: { middlewareMode: true } });
  const mod = await vite.ssrLoadModule(path.join(ROOT, 'test', 'e2e', 'browser.ts'));
  await vite.close().catch(() => {});
  return { serve: (dir) => mod.serveStatic(dir), launch: () => mod.launchBrowser() };
}
