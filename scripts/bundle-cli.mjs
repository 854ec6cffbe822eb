#!/usr/bin/env node
// Part of `npm run compile` / `prepare`: the CLI as one bundle in dist/bundle/ (bin/shale.js runs it).
// Node loads ES modules file by file; the ~340 files a build imports (95 of them zod's) cost
// ~0.2 s of a 0.8 s build of the sample, and one file loads in a fraction of that
// (docs/performance.md). dist/*.js stays as tsc wrote it: the Node API and its types.
// Left outside the bundle: what a build loads only on demand and in pieces (Vite, shiki's
// grammars, themes and WASM), so a build still reads only the grammars its pages use.
import { rmSync } from 'node:fs';
import { rolldown } from 'rolldown';

const OUT = new URL('../dist/bundle/', import.meta.url).pathname;
const EXTERNAL = [/^node:/, /^vite(\/|$)/, /^@shikijs\/(langs|themes)(\/|$)/, /^shiki\/(wasm|langs|themes)(\/|$)/];

rmSync(OUT, { recursive: true, force: true });
const bundle = await rolldown({
  // The worker threads (src/markdown/highlight-pool.ts, src/search/beside.ts) start from files beside the bundle.
  input: {
    cli: new URL('../dist/cli.js', import.meta.url).pathname,
    'highlight-worker': new URL('../dist/markdown/highlight-worker.js', import.meta.url).pathname,
    'index-worker': new URL('../dist/search/index-worker.js', import.meta.url).pathname,
  },
  platform: 'node',
  external: EXTERNAL,
  // gray-matter keeps a direct eval for `---js` front matter, which shale does not enable.
  checks: { eval: false },
});
await bundle.write({ dir: OUT, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
await bundle.close();
