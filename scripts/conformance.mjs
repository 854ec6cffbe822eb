#!/usr/bin/env node
// Conformance: does shale read real Slate docs as Slate does, and build them without losing text?
//
//   npm run conformance                 (compiles, then runs this script)
//   node scripts/conformance.mjs [--hunks] [--repo NAME] [--file SUBSTRING] [--no-build] [--min N]
//
// Over ../shared/corpus/slate/<repo> (outside the repository; without it this exits 2):
// 1. structure (scripts/conformance/structure.mjs): each file rendered on its own vs Slate's
//    reference render; per repo files, identical files, hunks, and which hunks a deliberate
//    "better" row of SLATE-DIALECT §2 explains. --hunks prints every hunk; unexplained hunks are
//    always printed.
// 2. builds (scripts/conformance/builds.mjs): every page built with `shale build`; failures with
//    their message, warnings by kind.
// 3. zero text lost (scripts/conformance/text-lost.mjs): every code span and fence of the built
//    pages' sources is in the output. --no-build skips 2 and 3.
// Exit 1 when a file fails to render, when text is lost, or when identical files drop below
// --min N (CI passes the figure reached, so it can only go up). Runs on dist/ (`npm run compile`).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { structureChecker } from './conformance/structure.mjs';
import { buildRepo } from './conformance/builds.mjs';
import { textLostChecker } from './conformance/text-lost.mjs';
import { readdirSync } from 'node:fs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = join(root, '..', 'shared', 'corpus');
const tool = join(root, '..', 'shared', 'tools', 'structure.mjs');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (!existsSync(tool) || !existsSync(join(corpus, 'slate'))) {
  console.error(`conformance: the Slate corpus is not here (looked for ${relative(process.cwd(), corpus)} and ${relative(process.cwd(), tool)}).`);
  console.error('It lives outside the repository (../shared); nothing to compare against.');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'build.js'))) {
  console.error('conformance: dist/ is missing; run `npm run compile` first (or `npm run conformance`).');
  process.exit(2);
}

const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const require = createRequire(join(root, 'package.json'));
const { signature, diff } = await import(pathToFileURL(tool).href);
const { slateStrict, STRICT_ROWS } = await dist('markdown/rules/slate-strict.js');
const lib = {
  cheerio: require('cheerio'), matter: require('gray-matter'), signature, diff, slateStrict, strictRows: STRICT_ROWS,
  ...(await dist('markdown/create.js')), ...(await dist('markdown/env.js')), ...(await dist('build.js')), ...(await dist('load/pages.js')),
};
const checkStructure = structureChecker(lib);
const checkText = textLostChecker(lib);
const building = !flag('--no-build');
const pad = (s, n) => String(s).padEnd(n);
const t0 = performance.now();

const structure = [];
const builds = [];
for (const repo of readdirSync(join(corpus, 'slate')).sort()) {
  if (option('--repo') && repo !== option('--repo')) continue;
  const s = checkStructure(corpus, repo, option('--file'));
  structure.push(s);
  for (const e of s.errors) console.log(`! ${repo}/${e.file}: failed to render: ${e.message}`);
  for (const h of s.hunks.filter((x) => flag('--hunks') || !x.row)) {
    console.log(`${repo}/${h.file} @ block ${h.at}  ${h.row ? `(better row: ${h.row})` : 'UNEXPLAINED'}`);
    for (const x of h.removed) console.log(`  - ${x}`);
    for (const x of h.added) console.log(`  + ${x}`);
  }
  if (!building) continue;
  // Shiki warns on the console when a process creates many highlighters (one per build here).
  const consoleWarn = console.warn;
  let shikiNotes = 0;
  console.warn = (...a) => (String(a[0]).startsWith('[Shiki]') ? shikiNotes++ : consoleWarn(...a));
  const b = await buildRepo(lib, corpus, repo);
  console.warn = consoleWarn;
  b.text = checkText(b, join(b.outDir, '..', 'source'));
  b.shikiNotes = shikiNotes;
  b.cleanup();
  builds.push(b);
}

console.log(`\nStructure (each file rendered on its own vs Slate's reference render)`);
console.log(`${pad('repo', 40)}${pad('files', 7)}${pad('same', 7)}${pad('hunks', 7)}explained by a better row`);
const total = { files: 0, identical: 0, hunks: 0, errors: 0, byRow: {} };
for (const s of structure) {
  const explained = s.hunks.filter((h) => h.row).length;
  console.log(`${pad(s.repo, 40)}${pad(s.files, 7)}${pad(s.identical, 7)}${pad(s.hunks.length, 7)}${explained}${s.errors.length ? `  (${s.errors.length} failed to render)` : ''}`);
  total.files += s.files; total.identical += s.identical; total.hunks += s.hunks.length; total.errors += s.errors.length;
  for (const [row, n] of Object.entries(s.byRow)) {
    total.byRow[row] ??= { files: 0, hunks: 0 };
    total.byRow[row].files += n.files;
    total.byRow[row].hunks += n.hunks;
  }
}
const unexplained = structure.flatMap((s) => s.hunks.filter((h) => !h.row));
const pct = total.files ? ((100 * total.identical) / total.files).toFixed(1) : '0';
console.log(`identical structure: ${total.identical}/${total.files} files (${pct}%), ${total.hunks} differing hunks`);
for (const [row, n] of Object.entries(total.byRow)) console.log(`  better row "${row}": ${n.hunks} hunks in ${n.files} files`);
console.log(`  unexplained: ${unexplained.length} hunks in ${new Set(unexplained.map((h) => h.file)).size} files`);

let lost = 0;
if (building) {
  console.log(`\nBuilds (shale build of every page) and zero text lost (code spans and fences found in the output)`);
  console.log(`${pad('repo', 40)}${pad('pages', 7)}${pad('failed', 8)}${pad('warn', 6)}${pad('spans', 7)}${pad('fences', 8)}${pad('lost', 6)}time`);
  const kinds = {};
  for (const b of builds) {
    console.log(`${pad(b.repo, 40)}${pad(b.pages.length, 7)}${pad(b.failures.length, 8)}${pad(b.warnings.length, 6)}${pad(b.text.spans, 7)}${pad(b.text.fences, 8)}${pad(b.text.lost.length, 6)}${(b.ms / 1000).toFixed(1)} s`);
    for (const f of b.failures) console.log(`    failed${f.page ? ` ${f.page}${f.line ? `:${f.line}` : ''}` : ''}: ${f.message}`);
    const byKind = {};
    for (const w of b.warnings) byKind[w.kind] = (byKind[w.kind] ?? 0) + 1;
    for (const [k, n] of Object.entries(byKind).sort((x, y) => y[1] - x[1])) {
      console.log(`    ${pad(n, 5)} ${k}`);
      kinds[k] = (kinds[k] ?? 0) + n;
    }
    for (const l of b.text.lost.slice(0, 20)) console.log(`    LOST ${l.kind} in ${l.file || l.page}: ${JSON.stringify(l.text.slice(0, 80))}`);
    lost += b.text.lost.length;
  }
  const sum = (f) => builds.reduce((n, b) => n + f(b), 0);
  console.log(`pages built: ${sum((b) => b.pages.length)}, failures: ${sum((b) => b.failures.length)}, warnings: ${sum((b) => b.warnings.length)}`);
  for (const [k, n] of Object.entries(kinds).sort((x, y) => y[1] - x[1])) console.log(`  ${pad(n, 5)} ${k}`);
  console.log(`text lost: ${lost} of ${sum((b) => b.text.spans)} code spans and ${sum((b) => b.text.fences)} fences`);
  const notes = sum((b) => b.shikiNotes);
  if (notes) console.log(`(Shiki printed ${notes} "many instances" notes while building; silenced here)`);
}
console.log(`conformance took ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const min = option('--min');
let failed = false;
if (total.errors) failed = true;
if (lost) {
  console.error(`conformance: ${lost} code spans or fences are missing from the built pages`);
  failed = true;
}
if (min !== undefined && total.identical < Number(min)) {
  console.error(`conformance: ${total.identical} identical files is below the required ${min}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
