#!/usr/bin/env node
// Part of `npm run compile` / `prepare`: the CLI as one bundle in dist/bundle/ (bin/shale.js runs it).
// Node loads ES modules file by file; the ~340 files a build imports (95 of them zod's) cost
// ~0.2 s of a 0.8 s build of the sample, and one file loads in a fraction of that
// (docs/performance.md). The CLI's bundle is CommonJS (cli.cjs and its chunks), so that
// bin/shale.js can run it with V8's code cache (src/code-cache.ts); the worker threads' entries
// stay ES modules (Node starts a worker from a file). dist/*.js stays as tsc wrote it: the Node
// API and its types.
// Left outside the bundle: what a build loads only on demand and in pieces (Vite, shiki's
// grammars, themes and WASM), so a build still reads only the grammars its pages use.
// `node scripts/bundle-cli.mjs [dist]`: another tsc output folder than ../dist (a test bundles its own).
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rolldown } from 'rolldown';
import { classFieldsAsAssignments } from './class-fields.mjs';

const DIST = process.argv[2] ? resolve(process.argv[2]) : new URL('../dist/', import.meta.url).pathname;
const OUT = join(DIST, 'bundle');
const EXTERNAL = [/^node:/, /^vite(\/|$)/, /^@shikijs\/(langs|themes)(\/|$)/, /^shiki\/(wasm|langs|themes)(\/|$)/];

/**
 * js-yaml 3 (gray-matter's YAML parser) requires esprima, a 218 kB JavaScript parser, when it is
 * loaded, for its `!!js/function` tag; only its full schema has that tag, and gray-matter parses
 * with the safe one. js-yaml wraps the require in try/catch and goes on without it, so the
 * bundle gets a module that throws in its place: ~15 ms less to load and run per build.
 */
const withoutEsprima = {
  name: 'without-esprima',
  resolveId: (id) => (id === 'esprima' ? '\0without-esprima' : null),
  load: (id) => (id === '\0without-esprima' ? "throw new Error('esprima is not bundled: YAML front matter is read with the safe schema');" : null),
};

/** Bundles `input` (name → compiled entry) into OUT as `format`, chunks named by their hash. */
async function bundle(input, format) {
  const ext = format === 'cjs' ? 'cjs' : 'js';
  const b = await rolldown({
    input,
    platform: 'node',
    external: EXTERNAL,
    // gray-matter keeps a direct eval for `---js` front matter, which shale does not enable.
    checks: { eval: false },
    plugins: [withoutEsprima, classFieldsAsAssignments],
  });
  await b.write({
    dir: OUT,
    format,
    entryFileNames: `[name].${ext}`,
    chunkFileNames: `[name]-[hash].${ext}`,
    // `import('vite')` as require('vite') (an ES module, which Node 20.19 and later require):
    // V8's code cache drops a script's import() callback, so an import() in a chunk run from the
    // cache would fail (src/code-cache.ts).
    ...(format === 'cjs' && { dynamicImportInCjs: false }),
  });
  await b.close();
}

rmSync(OUT, { recursive: true, force: true });
await bundle({ cli: join(DIST, 'cli.js') }, 'cjs');
// The worker threads (src/markdown/highlight-pool.ts, src/search/beside.ts) start from files beside the CLI's.
await bundle({
  'highlight-worker': join(DIST, 'markdown', 'highlight-worker.js'),
  'index-worker': join(DIST, 'search', 'index-worker.js'),
}, 'esm');
