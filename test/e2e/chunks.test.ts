// A page in chunks (themes/default/client/chunks.ts) in Chromium: `lazyContent: 1` makes every
// top-level heading start a chunk, so the fixture page is mostly placeholders. A chunk loads when
// the reader nears it or asks for something inside it, and once loaded it behaves as the page
// that was never split does (permalinks, copy buttons, semantics, tabs, TOC, search marks).
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempProject } from '../helpers.js';
import { launchBrowser, serveStatic } from './browser.js';

function fixture(): Record<string, string> {
  const section = (n: number) => [
    `# Section ${n}`, '',
    '```shell', `curl https://example.com/items/${n}`, '```', '',
    '```ruby', `puts "item ${n}"`, '```', '',
    ...Array.from({ length: 10 }, (_, i) => `Paragraph ${i} of section ${n}: prose that makes the page long enough to scroll.\n`),
    `<aside class="notice">A note in section ${n}.</aside>`, '',
    '|  |  |', '| - | - |', `| size${n} | ${n} |`, '',
    `## Detail ${n}`, '',
    'See [the late section](#late) and [the late note](#late-note).', '',
    // h2 → h4 across a chunk boundary: the placeholder's data-previous-level carries the outline.
    `#### Deep ${n}`, '',
    '```shell', `curl ${'https://example.com/a/very/long/path/'.repeat(8)}${n}`, '```', '',
  ].join('\n');
  return {
    'source/index.html.md': [
      '---', 'title: Chunks', 'language_tabs:', '  - shell', '  - ruby', 'search: true', 'code_clipboard: true', '---', '',
      ...Array.from({ length: 30 }, (_, i) => section(i + 1)),
      '# Late', '', '<p id="late-note">The late note, with a zanzibarian word in it.</p>', '',
      '# Errors', '', 'All errors.', '',
    ].join('\n'),
  };
}

// As site.ts's startSite, with the option that splits the page (build() reads no config file).
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: BrowserContext;
beforeAll(async () => {
  const root = tempProject(fixture());
  await build({ root, quiet: true, lazyContent: 1 }, { info: () => {}, warn: () => {} });
  server = await serveStatic(join(root, 'build'), '/docs/');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => { await browser?.close(); await server?.close(); });

/** Opens the page, recording every pack file it asks for. */
async function open(hash = '', setup?: (page: Page) => Promise<void>): Promise<{ page: Page; packs: string[]; errors: string[] }> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const packs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => { if (/\/pack-[^/]*\.bin$/.test(r.url())) packs.push(r.url()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await setup?.(page);
  await page.goto(server.url + hash);
  await page.waitForLoadState('load');
  return { page, packs, errors };
}

const placeholders = (page: Page) => page.locator('.content > .shale-chunk').count();
/** The first heading of each chunk still waiting, in page order. */
const waiting = (page: Page) => page.$$eval('.content > .shale-chunk', (ps) => ps.map((p) => (p as HTMLElement).dataset.first!));
/** Waits until `id` is at the top of the view (or in view, when the page ends too soon to bring it there). */
const inView = (page: Page, id: string) => page.waitForFunction((i) => {
  const el = document.getElementById(i);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
  return r.top >= 0 && (r.top < 120 || (atEnd && r.bottom <= innerHeight));
}, id);
const waitActive = (page: Page, href: string) =>
  page.waitForFunction((h) => document.querySelector('#toc a.active')?.getAttribute('href') === h, href);

describe('a page loaded in chunks', () => {
  it('shows placeholders and loads only those near the view', async () => {
    const { page, packs } = await open();
    const total = await placeholders(page);
    expect(total).toBeGreaterThan(50);
    // The first placeholders (Detail 1, Deep 1, Section 2...) are within a viewport of the top.
    await page.waitForFunction(() => document.getElementById('section-2'));
    await page.waitForTimeout(400);
    const loaded = total - await placeholders(page);
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(10);
    // The whole (small) page is one pack, fetched once for all of them.
    expect(packs).toHaveLength(1);
    // A placeholder shows its first heading, as a link to it.
    const last = page.locator('.content > .shale-chunk').last();
    expect(await last.locator('a').textContent()).toBe('Errors');
    expect(await last.locator('a').getAttribute('href')).toBe('#errors');
    expect(await last.locator('a').isVisible()).toBe(true);
    await page.close();
  });

  it('loads what comes into view, and a fling past placeholders fetches nothing', async () => {
    const { page } = await open();
    await page.waitForFunction(() => document.getElementById('section-2'));
    await page.waitForTimeout(300);
    const order = await waiting(page);
    // A fling: one step per frame through the whole page.
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      while (scrollY + innerHeight < document.documentElement.scrollHeight - 2) { scrollBy(0, innerHeight); await frame(); }
    });
    await page.waitForFunction(() => document.getElementById('errors'));
    await page.waitForTimeout(300);
    // Only the end was loaded (the last placeholders, within a viewport), none of those passed on the way.
    const left = new Set(await waiting(page));
    const loaded = order.flatMap((first, i) => (left.has(first) ? [] : [i]));
    expect(loaded.length).toBeGreaterThan(0);
    expect(Math.min(...loaded)).toBeGreaterThan(order.length - 15);
    await page.close();
  });

  it('lands on an id in a chunk when the page is opened with its hash', async () => {
    const { page } = await open('#late-note');
    await inView(page, 'late-note');
    await page.close();
  });

  it('lands on a TOC entry of an unloaded section, and the TOC marks it', async () => {
    const { page } = await open();
    expect(await page.evaluate(() => document.getElementById('section-25'))).toBeNull();
    await page.click('#toc a[href="#section-25"]');
    await inView(page, 'section-25');
    await waitActive(page, '#section-25');
    await page.waitForTimeout(300);
    // Chunks loaded above it afterwards keep it in place.
    await inView(page, 'section-25');
    await page.close();
  });

  it('follows a content link to a late section, and lands case-insensitively', async () => {
    const { page } = await open();
    await page.waitForFunction(() => document.getElementById('detail-1'));
    await page.click('.content a[href="#late"] >> nth=0');
    await inView(page, 'late');
    // A hash in the wrong case lands on the element and the URL gets its exact id.
    await page.evaluate(() => { location.hash = '#ERRORS'; });
    await inView(page, 'errors');
    await page.waitForFunction(() => location.hash === '#errors');
    await page.close();
  });

  it('gives loaded chunks permalinks, copy buttons and the page\'s semantics', async () => {
    const { page } = await open('#section-12');
    await inView(page, 'section-12');
    await page.waitForFunction(() => document.getElementById('deep-12'));
    const facts = await page.evaluate(() => {
      const h = document.getElementById('section-12')!;
      return {
        permalink: h.querySelector('a.permalink')?.getAttribute('href'),
        copy: document.querySelector('#section-12 ~ .highlight .copy-clipboard') !== null,
        aside: [...document.querySelectorAll('aside')].find((a) => a.textContent!.includes('section 12'))?.getAttribute('role'),
        // h4 after the h2 "Detail 12", which sits in another chunk: announced as level 3.
        deep: document.getElementById('deep-12')!.getAttribute('aria-level'),
        // The table's header row was empty.
        thead: [...document.querySelectorAll('table')].find((t) => t.textContent!.includes('size12'))!.querySelectorAll('thead tr').length,
      };
    });
    expect(facts).toEqual({ permalink: '#section-12', copy: true, aside: 'note', deep: '3', thead: 0 });
    // The long command scrolls sideways, so the keyboard can reach it.
    await page.waitForFunction(() => document.getElementById('deep-12')!.nextElementSibling!.querySelector('pre')!.getAttribute('tabindex') === '0');
    await page.close();
  });

  it('shows the chosen language in chunks loaded after the switch', async () => {
    const { page } = await open();
    await page.click('.dark-box .lang-selector a[data-language-name="ruby"]');
    await page.click('#toc a[href="#section-20"]');
    await inView(page, 'section-20');
    const shown = await page.evaluate(() => {
      const h = document.getElementById('section-20')!;
      const blocks = [h.nextElementSibling, h.nextElementSibling?.nextElementSibling] as HTMLElement[];
      return blocks.map((b) => [b.className.match(/tab-\w+/)?.[0], b.checkVisibility()]);
    });
    expect(shown).toEqual([['tab-shell', false], ['tab-ruby', true]]);
    await page.close();
  });

  it('loads a search result\'s chunk, lands on it and marks the match', async () => {
    const { page } = await open();
    await page.locator('#input-search').fill('zanzibarian');
    await page.waitForSelector('.search-results a[role="option"]');
    expect(await page.evaluate(() => document.getElementById('late'))).toBeNull();
    // The section is not on the page yet: its snippet comes from the index, marked like any other.
    expect(await page.locator('.search-results .search-result-snippet mark').first().textContent()).toBe('zanzibarian');
    await page.keyboard.press('Enter');
    await inView(page, 'late');
    await page.waitForFunction(() => document.querySelector('#late-note .search-highlight')?.textContent?.toLowerCase() === 'zanzibarian');
    await page.close();
  });

  it('marks a placeholder\'s first heading in the TOC while the reader is inside it', async () => {
    // Nothing loads: the reader stays among placeholders.
    const { page } = await open('', (p) => p.route('**/pack-*.bin', (r) => r.abort()));
    await page.evaluate(() => {
      const p = [...document.querySelectorAll<HTMLElement>('.shale-chunk')].find((e) => e.dataset.first === 'section-15')!;
      scrollTo(0, p.getBoundingClientRect().top + scrollY - 50);
    });
    await page.mouse.wheel(0, 1);
    await waitActive(page, '#section-15');
    await page.close();
  });

  it('keeps a chunk that fails to load as its placeholder, quietly, and loads it on the next approach', async () => {
    let fail = true;
    const { page, errors } = await open('', (p) => p.route('**/pack-*.bin', (r) => (fail ? r.abort() : r.continue())));
    const first = page.locator('.content > .shale-chunk').first();
    await page.waitForEvent('requestfailed');
    await page.waitForTimeout(300);
    expect(await first.locator('a').getAttribute('href')).toBe('#detail-1');
    expect(await first.locator('a').isVisible()).toBe(true);
    expect(await first.getAttribute('aria-busy')).toBeNull();
    expect(errors).toEqual([]);
    fail = false;
    // Away and back: the next approach loads it.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForTimeout(200);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForFunction(() => document.getElementById('detail-1'));
    await page.close();
  });
});
