#!/usr/bin/env node
// The installed command: runs the CLI as one bundle (npm run compile / npm install build it:
// scripts/bundle-cli.mjs), which Node loads in a fraction of the time of dist/'s few hundred files.
// (V8's heap growth is set by the command itself, before a large render: src/heap.ts.)

const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
