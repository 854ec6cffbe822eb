#!/usr/bin/env node
// `npm run bench`: one table of build figures, shale and Shins 2.6.0 side by side in the same run, medians of several
// runs, each run a fresh process (what a user runs). It prints figures; it asserts nothing.
//   node bench/run.mjs [--quick] [--runs N] [--only sample,github,stripe,rebuild,edit,synthetic]
// --quick: one run per row and no Stripe (a few minutes); default: 5 runs on the sample, 3 elsewhere.
// Inputs come from bench/inputs/generate.mjs (generated on first use, cached in bench/.inputs/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { inputSource } from './inputs/generate.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const flag = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const ONLY = flag('--only')?.split(',');
const RUNS = Number(flag('--runs') ?? (QUICK ? 1 : 3));
const SAMPLE_RUNS = Number(flag('--runs') ?? (QUICK ? 3 : 5));
const want = (row) => !ONLY || ONLY.includes(row);

const TIME_BIN = '/usr/bin/time';
const hasGnuTime = fs.existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-f', '%M', 'true']).status === 0;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

/** One fresh process: wall ms, peak RSS MiB (GNU time). */
function run(args, cwd, env = process.env) {
  const rssFile = path.join(work, 'rss.txt');
  const [cmd, full] = hasGnuTime ? [TIME_BIN, ['-f', '%M', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) return { ms, rss: NaN, failed: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ') };
  const rss = hasGnuTime ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rss };
}

// shale runs with its project root in a private folder, so its cache (<root>/.shale-cache) is this bench's alone.
const shaleRoot = path.join(work, 'shale-root');
fs.mkdirSync(shaleRoot);
const shaleCache = path.join(shaleRoot, '.shale-cache');
function shale(source, out, { cold }) {
  if (cold) fs.rmSync(shaleCache, { recursive: true, force: true });
  return run([path.join(ROOT, 'bin/shale.js'), 'build', '--source', source, '--out', out, '--quiet'], shaleRoot);
}

// Shins builds ./source/index.html.md inside its own folder: a private copy of the package per input (see
// build-vs-shins.mjs), its hoisted dependencies found through NODE_PATH.
const shinsEnv = { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), NODE_OPTIONS: '--max-old-space-size=8192' };
function shinsFolder(name, source) {
  const dir = path.join(work, `shins-${name}`);
  fs.cpSync(path.join(ROOT, 'node_modules', 'shins'), dir, { recursive: true });
  for (const f of ['index.html', 'source/index.html.md', 'source/includes/_errors.md']) fs.rmSync(path.join(dir, f), { force: true });
  fs.cpSync(source, path.join(dir, 'source'), { recursive: true });
  return dir;
}
function shins(dir) {
  fs.rmSync(path.join(dir, 'index.html'), { force: true });
  return run(['shins.js'], dir, shinsEnv);
}

function sizeOf(files) {
  let raw = 0, gz = 0;
  for (const f of files) { const b = fs.readFileSync(f); raw += b.length; gz += zlib.gzipSync(b).length; }
  return { raw, gz };
}
const shaleFiles = (out) => fs.readdirSync(out, { recursive: true }).map((f) => path.join(out, f)).filter((f) => fs.statSync(f).isFile() && !f.endsWith('.shale-build'));
// Shins's site: index.html plus the local CSS/JS/images it references (as build-vs-shins.mjs counts it).
function shinsFiles(dir) {
  const seen = new Set();
  const add = (file) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    if (!/\.(html|css)$/.test(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    const refs = file.endsWith('.html') ? text.matchAll(/(?:src|href)="([^"#?:]+)"/g) : text.matchAll(/url\(['"]?([^'")?#:]+)/g);
    for (const [, ref] of refs) add(path.resolve(path.dirname(file), ref));
  };
  add(path.join(dir, 'index.html'));
  return [...seen];
}

const median = (xs) => { const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b), m = s.length >> 1; return !s.length ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const rows = [];
function row(what, tool, samples, size) {
  const failed = samples.find((s) => s.failed)?.failed;
  rows.push({ what, tool, runs: samples.length, ms: median(samples.map((s) => s.ms)), rss: median(samples.map((s) => s.rss)), size, failed });
  const r = rows.at(-1);
  console.error(`  ${what} / ${tool}: ${fmtS(r.ms)}${failed ? ` FAILED: ${failed}` : ''}`);
  return r;
}
const repeat = (n, f) => Array.from({ length: n }, f);

async function coldPair(name, runs, { withShins = true } = {}) {
  const source = name === 'sample' ? path.join(ROOT, 'source') : await inputSource(name);
  const out = path.join(work, `out-${name}`);
  const shinsDir = withShins ? shinsFolder(name, source) : undefined;
  const s = [], h = [];
  // Interleaved, so drift on a shared machine hits both alike.
  for (let i = 0; i < runs; i++) {
    s.push(shale(source, out, { cold: true }));
    if (shinsDir) h.push(shins(shinsDir));
  }
  const a = row(`${name} cold`, 'shale', s, s.some((x) => x.failed) ? undefined : sizeOf(shaleFiles(out)));
  const b = shinsDir ? row(`${name} cold`, 'Shins', h, h.some((x) => x.failed) ? undefined : sizeOf(shinsFiles(shinsDir))) : undefined;
  if (shinsDir) fs.rmSync(shinsDir, { recursive: true, force: true });
  return { source, out, a, b };
}

// --- run ------------------------------------------------------------------------------------------------------------
const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`shale bench: node ${process.version}, ${os.cpus().length}× ${os.cpus()[0]?.model ?? '?'}, ` +
  `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${load} at start${QUICK ? ', --quick' : ''}`);
spawnSync('npm', ['run', '--silent', 'compile'], { cwd: ROOT, stdio: 'inherit' });
const ratios = [];

if (want('sample')) {
  const { a, b } = await coldPair('sample', SAMPLE_RUNS);
  ratios.push(['sample cold, shale/Shins wall', a.ms / b.ms]);
}
if (want('github') || want('rebuild')) {
  const { source, out, a, b } = await coldPair('github', want('github') ? RUNS : 1, { withShins: want('github') });
  if (b) ratios.push(['GitHub cold, shale/Shins wall', a.ms / b.ms], ['GitHub output, shale/Shins raw', a.size?.raw / b.size?.raw], ['GitHub output, shale/Shins gzip', a.size?.gz / b.size?.gz]);
  if (want('rebuild')) {
    const r = row('github rebuild, nothing changed', 'shale', repeat(RUNS, () => shale(source, out, { cold: false })));
    ratios.push(['GitHub rebuild/cold', r.ms / a.ms]);
    // The same with the output folder gone: the page comes from the page cache and is written again.
    const w = row('github rebuild, output deleted', 'shale', repeat(RUNS, () => { fs.rmSync(out, { recursive: true, force: true }); return shale(source, out, { cold: false }); }));
    ratios.push(['GitHub rebuild (output deleted)/cold', w.ms / a.ms]);
  }
}
if (want('edit')) {
  // One include per top-level heading; each run changes one prose line of a different include.
  const source = await inputSource('github-split');
  const copy = path.join(work, 'github-split');
  fs.cpSync(source, copy, { recursive: true });
  const out = path.join(work, 'out-split');
  shale(copy, out, { cold: true }); // fills the cache
  const includes = fs.readdirSync(path.join(copy, 'includes')).sort();
  const samples = repeat(RUNS, (_, i) => {
    const file = path.join(copy, 'includes', includes[(i * 7 + 3) % includes.length]);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.search(/^[A-Z][^\n|<>`]{20,}$/m); // a prose line
    fs.writeFileSync(file, at < 0 ? text + `\nEdited ${i}.\n` : text.slice(0, at) + `Edited ${i}: ` + text.slice(at));
    return shale(copy, out, { cold: false });
  });
  row('github-split, one-line edit in one include', 'shale', samples);
}
if (want('stripe') && !QUICK) await coldPair('stripe', 1, { withShins: false });
if (want('synthetic')) {
  const per = [];
  for (const n of [1000, 5000, 20000]) per.push([n, (await coldPair(`synthetic-${n}`, RUNS, { withShins: false })).a.ms]);
  ratios.push(...per.slice(1).map(([n, ms]) => [`synthetic ms/section at ${n} ÷ at 1000`, (ms / n) / (per[0][1] / per[0][0])]));
}

// --- table ----------------------------------------------------------------------------------------------------------
function fmtS(ms) { return Number.isNaN(ms) ? '-' : `${(ms / 1000).toFixed(2)} s`; }
const mb = (n) => (n === undefined ? '-' : `${(n / 1e6).toFixed(1)} MB`);
const header = ['build', 'tool', 'runs', 'wall (median)', 'peak RSS', 'output', 'gzipped'];
const table = [header, ...rows.map((r) => [r.what, r.tool, String(r.runs), r.failed ? 'FAILED' : fmtS(r.ms),
  Number.isNaN(r.rss) ? '-' : `${r.rss.toFixed(0)} MiB`, mb(r.size?.raw), mb(r.size?.gz)])];
const widths = header.map((_, c) => Math.max(...table.map((t) => t[c].length)));
console.log();
const line = (cells) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(line(header));
console.log(`| ${widths.map((w, i) => (i < 2 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`);
for (const t of table.slice(1)) console.log(line(t));
console.log();
for (const [k, v] of ratios) console.log(`${k}: ${Number.isFinite(v) ? v.toFixed(2) : '-'}`);
for (const r of rows.filter((x) => x.failed)) console.log(`${r.what} / ${r.tool} failed: ${r.failed}`);
console.log(`\nload ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at end; peak RSS: ${hasGnuTime ? 'GNU time %M' : 'not measured'}; ` +
  'output: shale\'s whole --out folder; Shins\'s index.html plus the local files it references');
