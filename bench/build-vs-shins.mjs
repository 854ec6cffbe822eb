#!/usr/bin/env node
// Times `shale build` of the sample (source/) against Shins 2.6.0 (dev dependency) building the same source on the
// same machine, and prints median/min/max wall time, peak RSS and output sizes. It prints figures; it asserts nothing.
//   node bench/build-vs-shins.mjs [--runs N]      (default 5; one unmeasured warm-up run of each tool first)
// Every measured run is a fresh `node` process, because that is what a user runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SOURCE = path.join(ROOT, 'source');
const SHINS_PKG = path.join(ROOT, 'node_modules', 'shins');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a positive integer');

// GNU time gives the child's peak RSS for free; without it the RSS column is left empty.
const TIME_BIN = '/usr/bin/time';
const hasGnuTime = fs.existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-f', '%M', 'true']).status === 0;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true })); // also when a run fails

function sh(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

// Shins is meant to be run inside its own folder (`node shins.js` reads ./source/index.html.md and writes ./index.html
// next to pub/ and source/). node_modules must stay untouched, so build a private copy: the package as installed,
// with the sample's page and includes in place of Shins's demo ones. Its layout also needs its own
// includes/_head.md, which is part of the Shins template, not of the document, so that one is kept.
// One copy per Shins mode, so that each mode's output can be measured on its own.
function prepareShins(shinsDir) {
  fs.cpSync(SHINS_PKG, shinsDir, { recursive: true });
  for (const f of ['index.html', 'source/index.html.md', 'source/includes/_errors.md']) {
    fs.rmSync(path.join(shinsDir, f), { force: true });
  }
  fs.cpSync(SOURCE, path.join(shinsDir, 'source'), { recursive: true });
}

// npm hoisted Shins's dependencies (highlight.js, ejs, ...) into the project's node_modules, which a copy outside
// the project no longer sees; NODE_PATH lets require() find them. Shins's own nested node_modules still win.
const shinsEnv = { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') };
const shaleOut = path.join(work, 'shale-out');
// shale's project root is a folder of this bench's own, so that its cache (<root>/.shale-cache:
// highlighted code, rendered pages) is not the repository's, and is removed before every run:
// each run is a cold build (the default theme's bundle comes with the package, as for any user).
const shaleRoot = path.join(work, 'shale-root');
fs.mkdirSync(shaleRoot);

const tools = [
  {
    name: 'shale', cwd: shaleRoot, env: process.env,
    args: [path.join(ROOT, 'bin/shale.js'), 'build', '--source', SOURCE, '--out', shaleOut, '--quiet'],
    // A fresh output folder and no cache each run, so the check below proves this run wrote it.
    clean: () => {
      fs.rmSync(shaleOut, { recursive: true, force: true });
      fs.rmSync(path.join(shaleRoot, '.shale-cache'), { recursive: true, force: true });
    },
    index: () => path.join(shaleOut, 'index.html'),
    files: () => listFiles(shaleOut),
  },
  ...[[], ['--minify']].map((opts) => ({
    name: ['shins', ...opts].join(' '), cwd: path.join(work, ['shins', ...opts].join('')), env: shinsEnv,
    args: ['shins.js', ...opts],
    clean() { ['index.html', 'pub/js/shins.js'].forEach((f) => fs.rmSync(path.join(this.cwd, f), { force: true })); },
    index() { return path.join(this.cwd, 'index.html'); },
    // Shins writes index.html into a folder full of other things; its site is the page plus what it references.
    files() { return referencedFiles(this.cwd); },
  })),
];

function listFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

// index.html plus every local src/href it names, plus fonts/images named by url() in those stylesheets.
function referencedFiles(root) {
  const seen = new Set();
  const add = (file) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    const refs = file.endsWith('.html') ? text.matchAll(/(?:src|href)="([^"#?:]+)"/g)
      : file.endsWith('.css') ? text.matchAll(/url\(['"]?([^'")?#:]+)/g) : [];
    for (const [, ref] of refs) add(path.resolve(path.dirname(file), ref));
  };
  add(path.join(root, 'index.html'));
  return [...seen];
}

// One fresh process; wall time measured here, peak RSS (KiB) from GNU time when present.
function runOnce(tool) {
  tool.clean();
  const rssFile = path.join(work, 'rss.txt');
  const [cmd, args] = hasGnuTime
    ? [TIME_BIN, ['-f', '%M', '-o', rssFile, process.execPath, ...tool.args]]
    : [process.execPath, tool.args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: tool.cwd, env: tool.env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${tool.name} exited ${r.status}:\n${r.stderr}`);
  checkOutput(tool);
  const rssKiB = hasGnuTime ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, rssKiB };
}

// Same document in, same document out: the page must carry a heading of the page and the first heading of the
// include (so includes were resolved), else the timing compares different work.
const includeHeading = fs.readFileSync(path.join(SOURCE, 'includes', '_errors.md'), 'utf8').match(/^#+\s*(.+)$/m)[1];
function checkOutput(tool) {
  const file = tool.index();
  if (!fs.existsSync(file)) throw new Error(`${tool.name} wrote no ${file}`);
  const html = fs.readFileSync(file, 'utf8');
  for (const heading of ['Authentication', includeHeading]) {
    if (!new RegExp(`<h[1-6][^>]*>\\s*${heading}\\s*<`).test(html)) throw new Error(`${tool.name}: no "${heading}" heading`);
  }
}

function describeOutput(tool) {
  const files = tool.files();
  const html = fs.readFileSync(tool.index(), 'utf8');
  let raw = 0, gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(f);
    raw += buf.length;
    gz += zlib.gzipSync(buf).length; // default level 6, roughly what a static server sends
  }
  return {
    files: files.length, raw, gz,
    html: Buffer.byteLength(html), htmlGz: zlib.gzipSync(html).length,
    // Both highlight at build time: shale's shiki output uses one class per colour (t0, t1, …),
    // highlight.js emits hljs-* classes.
    tokens: (html.match(/<span class="(?:t\d+|hljs-)/g) ?? []).length,
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const sec = (ms) => `${(ms / 1000).toFixed(3)} s`;

// --- run ---------------------------------------------------------------------------------------------------------
console.log(`shale vs Shins ${JSON.parse(fs.readFileSync(path.join(SHINS_PKG, 'package.json'), 'utf8')).version}: ` +
  `node ${process.version}, ${os.cpus().length}x ${os.cpus()[0]?.model ?? '?'}, ${RUNS} runs each`);
sh('npm', ['run', '--silent', 'compile'], ROOT); // shale runs from dist/, so compile once, outside the timings
for (const tool of tools.slice(1)) prepareShins(tool.cwd);

for (const tool of tools) runOnce(tool); // warm-up: disk cache and V8 code cache, not measured
const samples = new Map(tools.map((t) => [t, []]));
// Interleave the tools run by run, so drift on the machine (other jobs, CPU clock) hits each the same.
for (let i = 0; i < RUNS; i++) for (const tool of tools) samples.get(tool).push(runOnce(tool));

const rows = tools.map((tool) => {
  const ms = samples.get(tool).map((s) => s.ms);
  const rss = samples.get(tool).map((s) => s.rssKiB);
  return { tool, med: median(ms), min: Math.min(...ms), max: Math.max(...ms), rss: median(rss), out: describeOutput(tool) };
});

const header = ['tool', 'median', 'min', 'max', 'runs', 'peak RSS', 'index.html', 'gz', 'site files', 'site', 'site gz', 'hl spans'];
const table = [header, ...rows.map((r) => [
  r.tool.name, sec(r.med), sec(r.min), sec(r.max), String(RUNS),
  Number.isNaN(r.rss) ? '-' : `${(r.rss / 1024).toFixed(0)} MiB`,
  kb(r.out.html), kb(r.out.htmlGz), String(r.out.files), kb(r.out.raw), kb(r.out.gz), String(r.out.tokens),
])];
const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
console.log();
for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
console.log();
const shale = rows[0];
for (const r of rows.slice(1)) console.log(`ratio shale/${r.tool.name} (median wall time): ${(shale.med / r.med).toFixed(2)}`);
console.log('\ncommands (each a fresh process, timed from spawn to exit):');
for (const t of tools) console.log(`  [${t.name}] cd ${t.cwd} && ${t === tools[0] ? '' : 'NODE_PATH=… '}node ${t.args.join(' ')}`);
console.log(`peak RSS: ${hasGnuTime ? 'median of GNU time %M' : 'not measured (no GNU time)'}; site = shale's whole --out ` +
  `folder, Shins's index.html plus the local files it references (CSS, JS, images, fonts named in CSS)`);

