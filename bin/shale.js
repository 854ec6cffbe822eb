#!/usr/bin/env node
// The installed command: runs the CLI as one bundle (npm run compile / npm install build it:
// scripts/bundle-cli.mjs), which Node loads in a fraction of the time of dist/'s few hundred files,
// with V8's code cache kept beside it (src/code-cache.ts). A Node too old for the bundle runs
// the compiled files. (V8's heap growth is set by the command itself, before a large render:
// src/heap.ts.)

import { fileURLToPath } from 'node:url';
import { canLoadBundle, loadBundle } from '../dist/code-cache.js';

const argv = process.argv.slice(2);
if (canLoadBundle()) {
  const bundle = (file) => fileURLToPath(new URL(`../dist/bundle/${file}`, import.meta.url));
  const cli = loadBundle(bundle('cli.cjs'), bundle('code-cache'));
  process.exitCode = await cli.exports.main(argv);
  cli.save();
} else {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(argv);
}
// Once the command is done and nothing is left to run (a worker's caches written, a server
// closed), the process leaves without tearing V8's heap down: ≈ 10–20 ms of an edit of GitHub's
// reference. The exit code is the command's.
process.once('beforeExit', () => process.exit());
