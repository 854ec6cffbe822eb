#!/usr/bin/env node
// Conformance: does shale read the Slate dialect as Slate does?
//
//   npm run conformance                 (compiles, then runs this script)
//   node scripts/conformance.mjs [--hunks] [--repo NAME] [--file SUBSTRING] [--min N]
//
// Renders every file of ../shared/corpus/slate/<repo>/** on its own (frontmatter stripped) with
// shale's Markdown engine, reduces it and Slate's reference render (../shared/corpus/redcarpet/)
// to block markers with ../shared/tools/structure.mjs, and prints per repo: files, identical
// files, differing hunks, and how many of those hunks a deliberate "better" row of SLATE-DIALECT
// §2 explains (they vanish when the file is rendered again with Slate's behaviour for those rows,
// src/markdown/rules/slate-strict.ts). --hunks prints each hunk. --min N exits 1 when fewer than N files are
// identical (CI uses it so the figure can only go up). The corpus lives outside the repository:
// without it this script says so and exits 2. It runs on compiled code (dist/), so run
// `npm run compile` first (`npm run conformance` does).

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const shared = join(root, '..', 'shared');
const corpus = join(shared, 'corpus');
const tool = join(shared, 'tools', 'structure.mjs');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (!existsSync(tool) || !existsSync(join(corpus, 'slate'))) {
  console.error(`conformance: the Slate corpus is not here (looked for ${relative(process.cwd(), corpus)} and ${relative(process.cwd(), tool)}).`);
  console.error('It lives outside the repository (../shared); nothing to compare against.');
  process.exit(2);
}
const dist = join(root, 'dist', 'markdown');
if (!existsSync(join(dist, 'create.js'))) {
  console.error('conformance: dist/markdown/create.js is missing; run `npm run compile` first (or `npm run conformance`).');
  process.exit(2);
}

const require = createRequire(join(root, 'package.json'));
const cheerio = require('cheerio');
const matter = require('gray-matter');
const { signature, diff } = await import(pathToFileURL(tool).href);
const { createMarkdown } = await import(pathToFileURL(join(dist, 'create.js')).href);
const { createEnv } = await import(pathToFileURL(join(dist, 'env.js')).href);
const { slateStrict } = await import(pathToFileURL(join(dist, 'rules', 'slate-strict.js')).href);

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const md = createMarkdown();
// The same engine with Slate's behaviour for the "better" rows: a hunk that this one does not
// have is explained by a deliberate difference (SLATE-DIALECT §2), not a bug.
const strict = createMarkdown().use(slateStrict);
const render = (engine, content, file) => {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (code) => escapeHtml(code), knowsLanguage: () => true });
  env.file = file;
  return engine.render(content, env);
};
const key = (h) => JSON.stringify([h.removed, h.added]);
const onlyRepo = option('--repo');
const onlyFile = option('--file');
const showHunks = flag('--hunks');
const totals = { files: 0, identical: 0, hunks: 0, better: 0, errors: 0 };
const rows = [];

for (const repo of readdirSync(join(corpus, 'slate')).sort()) {
  if (onlyRepo && repo !== onlyRepo) continue;
  const row = { repo, files: 0, identical: 0, hunks: 0, better: 0, errors: 0 };
  for (const file of walk(join(corpus, 'slate', repo))) {
    const rel = relative(join(corpus, 'slate', repo), file);
    const ref = join(corpus, 'redcarpet', repo, rel + '.html');
    if (!existsSync(ref) || (onlyFile && !rel.includes(onlyFile))) continue;
    row.files++;
    let ours, content;
    try {
      content = matter(readFileSync(file, 'utf8'), {}).content;
      ours = render(md, content, file);
    } catch (err) {
      row.errors++;
      console.log(`! ${repo}/${rel}: ${err instanceof Error ? err.message : err}`);
      continue;
    }
    const reference = signature(readFileSync(ref, 'utf8'), cheerio);
    const hunks = diff(reference, signature(ours, cheerio));
    if (!hunks.length) row.identical++;
    row.hunks += hunks.length;
    // Hunks that Slate's own behaviour for the "better" rows would not have.
    let unexplained = new Set();
    if (hunks.length) unexplained = new Set(diff(reference, signature(render(strict, content, file), cheerio)).map(key));
    const better = hunks.filter((h) => !unexplained.has(key(h)));
    row.better += better.length;
    if (showHunks)
      for (const h of hunks) {
        console.log(`${repo}/${rel} @ block ${h.at}${better.includes(h) ? '  (a "better" row of SLATE-DIALECT §2)' : ''}`);
        for (const x of h.removed) console.log(`  - ${x}`);
        for (const x of h.added) console.log(`  + ${x}`);
      }
  }
  rows.push(row);
  for (const k of Object.keys(totals)) totals[k] += row[k];
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('repo', 40)}${pad('files', 7)}${pad('same', 7)}${pad('hunks', 7)}better`);
for (const r of rows) console.log(`${pad(r.repo, 40)}${pad(r.files, 7)}${pad(r.identical, 7)}${pad(r.hunks, 7)}${r.better}${r.errors ? `  (${r.errors} failed to render)` : ''}`);
const pct = totals.files ? ((100 * totals.identical) / totals.files).toFixed(1) : '0';
console.log(`${pad('total', 40)}${pad(totals.files, 7)}${pad(totals.identical, 7)}${pad(totals.hunks, 7)}${totals.better}`);
console.log(`identical structure: ${totals.identical}/${totals.files} files (${pct}%), ${totals.hunks} differing hunks`);
console.log(`of those hunks, ${totals.better} come from a deliberate "better" row (gone with Slate's behaviour), ${totals.hunks - totals.better} unexplained`);

const min = option('--min');
if (totals.errors) process.exit(1);
if (min !== undefined && totals.identical < Number(min)) {
  console.error(`conformance: ${totals.identical} identical files is below the required ${min}`);
  process.exit(1);
}
