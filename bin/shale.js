#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm run compile / npm install build dist/).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
