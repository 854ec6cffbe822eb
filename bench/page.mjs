// Page weight and Lighthouse scores of the built sample (targets, not assertions):
//   JS shipped, gzipped, without the search index: ≤ 15 KB;
//   Lighthouse: 100 accessibility, best practices, SEO; ≥ 95 performance.
// Usage: npm run compile && node bench/page.mjs   (CHROMIUM_PATH picks the browser)
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { build } from '../dist/build.js';
import { serveStatic } from './serve.mjs';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = mkdtempSync(join(tmpdir(), 'shale-bench-page-'));
cpSync(new URL('../source', import.meta.url), join(root, 'source'), { recursive: true });
await build({ root, quiet: true }, { info: () => {}, warn: () => {} });
const out = join(root, 'build');

// Every script in the build, gzipped; the target counts those a reader's browser fetches for the
// sample: loading the page and searching once (the search modules load on first use). Not
// fetched there: chunks-*.js (pages in chunks only) and search-engine-*.js (only where no worker
// can start; the worker bundles its own engine). The index itself is JSON, not counted.
const assets = readdirSync(join(out, 'assets'));
const server = await serveStatic(out);
const fetched = new Set();
{
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  const page = await browser.newPage();
  page.on('request', (r) => { if (r.url().endsWith('.js')) fetched.add(r.url().split('/').pop()); });
  await page.goto(server.url);
  await page.waitForLoadState('load');
  await page.locator('#input-search').fill('errors');
  await page.waitForSelector('.search-results a[role="option"]');
  await browser.close();
}
let total = 0;
let all = 0;
for (const file of assets.filter((f) => f.endsWith('.js'))) {
  const gz = gzipSync(readFileSync(join(out, 'assets', file)), { level: 9 }).length;
  all += gz;
  if (fetched.has(file)) total += gz;
  console.log(`  ${file.padEnd(36)} ${(gz / 1024).toFixed(1).padStart(6)} KB gzipped${fetched.has(file) ? '' : ' (not fetched for the sample)'}`);
}
const css = assets.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gzipSync(readFileSync(join(out, 'assets', f)), { level: 9 }).length, 0);
console.log(`JS fetched for the sample ${(total / 1024).toFixed(1)} KB gzipped (target ≤ 15 KB; every script in the build: ${(all / 1024).toFixed(1)} KB); CSS ${(css / 1024).toFixed(1)} KB gzipped`);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: FLAGS,
});
try {
  for (const formFactor of ['desktop', 'mobile']) {
    // Lighthouse's own presets: desktop (fast network, no CPU slowdown) and its default mobile.
    const config = formFactor === 'desktop' ? desktopConfig : { extends: 'lighthouse:default' };
    const result = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] }, config);
    const scores = Object.values(result.lhr.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`).join(', ');
    console.log(`Lighthouse ${formFactor}: ${scores}`);
    for (const audit of Object.values(result.lhr.audits)) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual') {
        console.log(`  - ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
