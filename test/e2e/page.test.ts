// The built sample in Chromium: the behaviour issue #2 promises before the full client lands.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempProject } from '../helpers.js';
import { launchBrowser, serveStatic } from './browser.js';

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  const root = tempProject({});
  cpSync(join(import.meta.dirname, '..', '..', 'source'), join(root, 'source'), { recursive: true });
  await build({ root, quiet: true }, { info: () => {}, warn: () => {} });
  // Served from a sub-path, as on GitHub Pages: relative URLs must still find every asset.
  server = await serveStatic(join(root, 'build'), '/project/docs/');
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const visible = (selector: string) => page.locator(selector).first().isVisible();

describe('the sample page in a browser', () => {
  it('loads its script and styles from a sub-path with no failed request', async () => {
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(server.url);
    await page.waitForLoadState('load');
    expect(failed).toEqual([]);
    expect(server.requests.some((p) => /\/assets\/.*\.js$/.test(p))).toBe(true);
    // The stylesheet applied: the nav is a fixed column.
    expect(await page.locator('.toc-wrapper').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  });

  it('shows the first tab\'s code, then another language\'s after a click', async () => {
    await page.goto(server.url);
    expect(await visible('pre.tab-shell')).toBe(true);
    expect(await visible('pre.tab-ruby')).toBe(false);
    await page.locator('.dark-box .lang-selector a[data-language-name="ruby"]').click();
    expect(await visible('pre.tab-ruby')).toBe(true);
    expect(await visible('pre.tab-shell')).toBe(false);
    // Fences in no tab language (json) show under every tab.
    expect(await visible('pre.highlight.json')).toBe(true);
    expect(await page.locator('.dark-box .lang-selector a[aria-selected="true"]').textContent()).toBe('ruby');
  });

  it('puts code and blockquotes in the right column beside the prose', async () => {
    await page.goto(server.url);
    const prose = await page.locator('.content > p').first().boundingBox();
    const code = await page.locator('.content > div.highlight').first().boundingBox();
    expect(prose && code).toBeTruthy();
    expect(code!.x).toBeGreaterThanOrEqual(prose!.x + prose!.width - 1);
  });

  it('scrolls to a section when its TOC entry is clicked', async () => {
    await page.goto(server.url);
    await page.locator('#toc a[href="#pagination"]').click();
    await page.waitForFunction(() => Math.abs(document.getElementById('pagination')!.getBoundingClientRect().top) < 80);
    expect(new URL(page.url()).hash).toBe('#pagination');
  });
});

describe('links whose case differs from the id', () => {
  it('land on the heading anyway', async () => {
    await page.goto(`${server.url}#Pagination`);
    await page.waitForFunction(() => location.hash === '#pagination');
    const top = await page.locator('#pagination').evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(80);
  });
});
