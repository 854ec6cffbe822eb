#!/usr/bin/env node
// The installed command: runs the CLI as one bundle (npm run compile / npm install build it:
// scripts/bundle-cli.mjs), which Node loads in a fraction of the time of dist/'s few hundred files.
import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow to several times what survived the last full collection before it
// collects again; a 21.7 MB page leaves ~300 MB alive and a lot of short-lived strings, so the
// default let a build peak at 1.4 GB where 1.5× growth peaks under 1 GB for the same wall time
// (docs/performance.md). Set here, not in the Node API: it would change the host's process.
setFlagsFromString('--heap-growing-percent=50');

const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
