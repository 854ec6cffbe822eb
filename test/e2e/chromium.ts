// Finds Debian's Chromium for the browser tests, installing it when that is possible (root with
// apt-get, as on CI), and otherwise failing with the exact command to run. Browser tests are
// never skipped silently: a missing browser is an error, not a pass.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
  }
  return CANDIDATES.find((p) => existsSync(p));
}

/** The Chromium to drive; installs Debian's package when missing and allowed. */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error('Chromium not found for the browser tests. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nor set CHROMIUM_PATH to a Chromium or Chrome binary.');
  }
  log('shale tests: Chromium not found; installing Debian\'s chromium package (apt-get install -y chromium)…');
  execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium but no binary was found at ' + CANDIDATES.join(', '));
  log(`shale tests: installed ${installed}`);
  return installed;
}
