// Search in Chromium: the fixture pages (English, Persian, Chinese, Japanese, Russian, a heading
// that looks like markup) built with shale, served from a sub-path, typed into as a reader would.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempProject } from '../helpers.js';
import { launchBrowser, serveStatic } from './browser.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
let server: Awaited<ReturnType<typeof serveStatic>>;
let siteServer: Awaited<ReturnType<typeof serveStatic>>;
let browser: BrowserContext;
let buildDir: string;

async function site(fixture: string): Promise<string> {
  const root = tempProject({});
  cpSync(join(FIXTURES, fixture), join(root, 'source'), { recursive: true });
  await build({ root, quiet: true }, { info: () => {}, warn: () => {} });
  return join(root, 'build');
}

beforeAll(async () => {
  buildDir = await site('search');
  server = await serveStatic(buildDir, '/docs/');
  siteServer = await serveStatic(await site('search-site'), '/docs/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await siteServer?.close();
});

async function open(url = server.url, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await page.goto(url);
  return { page, errors };
}

const titles = (page: Page) => page.locator('.search-results .search-result-title').allTextContents();

async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('#input-search').fill(query);
  // Answers come from a worker: the list is busy until the answer to this query is drawn.
  await page.waitForFunction(() => {
    const list = document.querySelector('.search-results')!;
    return list.childElementCount > 0 && !list.hasAttribute('aria-busy') && !list.textContent!.startsWith('Loading');
  });
  return titles(page);
}

describe('search in a browser', () => {
  it('downloads the index only after the box gets focus (the worker script on hover)', async () => {
    const { page } = await open();
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    const index = () => server.requests.filter((p) => /search-index-/.test(p)).length;
    const before = index();
    expect(before).toBe(0);
    expect(server.requests.some((p) => /search-engine|search-worker/.test(p))).toBe(false);
    // The pointer on the box starts the worker early; the index still waits for focus.
    await page.locator('#input-search').hover();
    await expect.poll(() => server.requests.some((p) => /search-worker/.test(p))).toBe(true);
    expect(index()).toBe(0);
    await page.locator('#input-search').focus();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('search-index-')));
    expect(index()).toBe(before + 1);
    await page.close();
  });

  it('`/` focuses the box and starts loading', async () => {
    const { page } = await open();
    // The search module is a chunk of its own: wait until it has set up the box.
    await page.waitForSelector('#input-search[role="combobox"]');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('input-search');
    await page.close();
  });

  it('finds a section from the prefix of a word, with parents and a marked snippet', async () => {
    const { page, errors } = await open();
    expect(await search(page, 'cancell')).toContain('Cancel an order');
    const first = page.locator('.search-results a').filter({ hasText: 'Cancel an order' });
    expect(await first.locator('.search-result-parents').textContent()).toBe('Orders');
    expect(await first.locator('.search-result-snippet mark').first().textContent()).toMatch(/^cancel/i);
    // Answered off the page's thread: the search worker is running.
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/search-worker-[\w-]+\.js$/)]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers what was typed before the search code had arrived', async () => {
    const page = await browser.newPage();
    // The search module (a chunk of its own) held back until the reader has typed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/search-[\w-]{8}\.js$/, async (route) => { await held; await route.continue(); });
    await page.goto(server.url);
    await page.locator('#input-search').fill('cancell');
    expect(await page.locator('#input-search').getAttribute('role')).toBeNull(); // not set up yet
    release();
    await page.waitForFunction(() => document.querySelector('.search-results')!.textContent!.includes('Cancel an order'));
    await page.close();
  });

  it('answers what was typed while the index was still on its way', async () => {
    const { page, errors } = await open();
    // Hold the index back until the reader has typed a whole word.
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route(/search-index-/, async (route) => { await held; await route.continue(); });
    await page.locator('#input-search').click();
    await page.keyboard.type('cancell');
    await expect.poll(() => page.locator('.search-results').textContent()).toMatch(/Loading search/);
    release();
    await expect.poll(() => page.locator('.search-results .search-result-title').allTextContents()).toContain('Cancel an order');
    expect(await page.locator('.search-results').getAttribute('aria-busy')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds Persian, Chinese, Japanese and Russian words', async () => {
    const { page, errors } = await open();
    expect(await search(page, 'شناسه')).toEqual(expect.arrayContaining(['سفارش‌ها', 'لغو سفارش']));
    expect(await search(page, '余额')).toEqual(['账户余额']);
    expect(await search(page, '履歴')).toEqual(['注文履歴']);
    expect(await search(page, 'заявки')).toEqual(['Торговые пары']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes lunr syntax as plain text, without an error', async () => {
    const { page, errors } = await open();
    for (const q of ['foo:', '*^~', 'order:', 'limit~2 +x -y']) {
      await page.locator('#input-search').fill(q);
      await page.waitForFunction(() => document.querySelector('.search-results')!.childElementCount > 0);
    }
    expect(await search(page, 'orders:')).toContain('Orders');
    await page.locator('#input-search').fill('*^~');
    await page.waitForFunction(() => /No results/.test(document.querySelector('.search-results')!.textContent!));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a heading that looks like markup as text and runs nothing', async () => {
    const { page, errors } = await open();
    expect(await search(page, 'unsafe')).toEqual(['<img src=x onerror=window.__xss=1> Unsafe title']);
    expect(await page.locator('.search-results img').count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves with ↑/↓, opens with Enter, marks only inside that section, closes with Esc', async () => {
    const { page } = await open();
    await search(page, 'order');
    const selected = () => page.locator('.search-results a[aria-selected="true"] .search-result-title').textContent();
    const all = await titles(page);
    expect(await selected()).toBe(all[0]);
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(all[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // wraps to the last
    expect(await selected()).toBe(all[all.length - 1]);
    // Choose "Cancel an order" wherever it is in the list.
    for (let i = 0; i < all.length && (await selected()) !== 'Cancel an order'; i++) await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe('Cancel an order');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const r = document.getElementById('cancel-an-order')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    const marks = await page.evaluate(() => [...document.querySelectorAll('.content .search-highlight')].map((m) => {
      // The section a mark is in: the nearest heading before it.
      let el: Element | null = m;
      const headings = [...document.querySelectorAll('.content h1, .content h2')];
      const before = headings.filter((h) => h.compareDocumentPosition(el!) & Node.DOCUMENT_POSITION_FOLLOWING);
      el = before[before.length - 1];
      return [m.textContent, el?.id];
    }));
    expect(marks.length).toBeGreaterThan(1);
    expect(new Set(marks.map((m) => m[1]))).toEqual(new Set(['cancel-an-order']));
    // A new choice removes the old marks first.
    await search(page, 'limit price');
    await page.locator('.search-results a').filter({ hasText: 'Orders' }).first().click();
    const ids = await page.evaluate(() => [...document.querySelectorAll('.content .search-highlight')].map((m) => m.textContent));
    expect(ids.every((t) => /^(limit|price)$/i.test(t!))).toBe(true);
    await page.locator('#input-search').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-results').evaluate((el) => el.childElementCount)).toBe(0);
    await page.close();
  });

  it('closes the list and the off-canvas nav on a small screen after a choice', async () => {
    const { page } = await open(server.url, { width: 600, height: 800 });
    await page.locator('#nav-button').click();
    await search(page, 'rate limit');
    await page.locator('.search-results a').first().click();
    await page.waitForFunction(() => {
      const r = document.getElementById('rate-limits')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(await page.locator('.search-results').evaluate((el) => el.childElementCount)).toBe(0);
    expect(await page.evaluate(() => document.body.classList.contains('nav-open'))).toBe(false);
    await page.close();
  });

  it('with `search: site`, finds sections of other pages and links to them', async () => {
    const { page, errors } = await open(siteServer.url);
    expect(await search(page, 'webhook signature')).toEqual(['Verify a webhook signature']);
    await page.locator('.search-results a').first().click();
    await page.waitForURL(/\/docs\/v2\/index\.html#verify-a-webhook-signature$/);
    expect(await page.locator('#verify-a-webhook-signature').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('search index files', () => {
  it('fetches the snippets after the index and fills in results drawn before they came', async () => {
    // A site-wide index stores snippets (results may be on other pages): the build writes them to a file of their own.
    const before = siteServer.requests.length;
    const { page, errors } = await open(siteServer.url);
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route(/search-snippets-/, async (route) => { await held; await route.continue(); });
    expect(await search(page, 'webhook signature')).toEqual(['Verify a webhook signature']);
    const requests = siteServer.requests.slice(before).filter((p) => /search-(index|snippets)-/.test(p));
    expect(requests.map((p) => p.match(/search-(index|snippets)-/)![1])).toEqual(['index']);
    // Before the snippets: title and parents, no snippet yet.
    const result = page.locator('.search-results a').first();
    expect(await result.locator('.search-result-snippet').count()).toBe(0);
    release();
    await expect.poll(() => result.locator('.search-result-snippet').textContent()).toBe('Compare the signature header with an HMAC of the payload.');
    expect(await result.locator('.search-result-snippet mark').allTextContents()).toEqual(['signature']);
    expect(siteServer.requests.slice(before).filter((p) => /search-snippets-/.test(p))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what to do when the index was written by another shale version', async () => {
    const { page } = await open();
    await page.route(/search-index-/, async (route) => {
      const file = await (await route.fetch()).json();
      await route.fulfill({ json: { ...file, version: 4 } });
    });
    await page.locator('#input-search').fill('order');
    await expect.poll(() => page.locator('.search-results').textContent())
      .toMatch(/^Search is unavailable: search index version 4 is not \d+: rebuild the site with this shale$/);
    await page.close();
  });
});

describe('search: false', () => {
  it('has no box, no index file and no search code', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: T\nsearch: false\n---\n\n# One\n\nText.\n' });
    await build({ root, quiet: true }, { info: () => {}, warn: () => {} });
    // The theme's search chunks exist (one bundle serves every page) but this page names none.
    expect(readdirSync(join(root, 'build', 'assets')).filter((f) => /search-index/.test(f))).toEqual([]);
    expect(readFileSync(join(root, 'build', 'index.html'), 'utf8')).not.toMatch(/search-|data-search-index/);
    const s = await serveStatic(join(root, 'build'), '/');
    const page = await browser.newPage();
    await page.goto(s.url);
    await page.waitForLoadState('load');
    expect(await page.locator('#input-search').count()).toBe(0);
    expect(s.requests.filter((p) => /search/.test(p))).toEqual([]);
    await page.close();
    await s.close();
  });
});
