// TOC scroll-spy on the sample: the active entry follows the reader (IntersectionObserver),
// also at the very end of the page; hash and title follow without adding history entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, tabsFixture, type Page, type Site } from './site.js';

// The sample, and a page whose last two sections are too short to reach the top.
let site: Site;
let short: Site;
beforeAll(async () => { [site, short] = await Promise.all([startSite(), startSite(tabsFixture())]); });
afterAll(async () => { await Promise.all([site?.close(), short?.close()]); });

const active = (page: Page) => page.evaluate(() => {
  const links = [...document.querySelectorAll('#toc a.toc-link.active')];
  return links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]);
});
const waitActive = (page: Page, href: string) =>
  page.waitForFunction((h) => document.querySelector('#toc a.active')?.getAttribute('href') === h, href);

/** Scrolls with the mouse wheel (a reader's scroll) until `id`'s heading is near the top. */
async function wheelTo(page: Page, id: string): Promise<void> {
  await page.mouse.move(700, 400);
  const delta = await page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top - 60, id);
  await page.mouse.wheel(0, delta);
  await page.waitForFunction((i) => Math.abs(document.getElementById(i)!.getBoundingClientRect().top - 60) < 5, id);
}

describe('table of contents', () => {
  it('follows the scroll with IntersectionObserver, no scroll listener', async () => {
    const page = await site.browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { scrollListeners: string[] }).scrollListeners = []);
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: never[]) {
        if (type === 'scroll') seen.push(String(this));
        return add.call(this, type, ...rest);
      } as typeof add;
    });
    await page.goto(site.url);
    // The first entry is marked by the observer's first callback, a frame or so after load.
    await waitActive(page, '#introduction');
    expect(await active(page)).toEqual([['#introduction', 'location']]);
    await wheelTo(page, 'pagination');
    await waitActive(page, '#pagination');
    expect(await active(page)).toEqual([['#pagination', 'location']]);
    expect(await page.evaluate(() => (window as unknown as { scrollListeners: string[] }).scrollListeners)).toEqual([]);
    await page.close();
  });

  it('marks the parent, and expands only the active h1\'s children', async () => {
    const page = await site.open();
    const visible = (href: string) => page.locator(`#toc a[href="${href}"]`).isVisible();
    expect(await visible('#user')).toBe(false);
    await wheelTo(page, 'team');
    await waitActive(page, '#team');
    expect(await page.locator('#toc a.active-parent').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#resources']);
    expect([await visible('#user'), await visible('#team')]).toEqual([true, true]);
    // Another section's sub-entries stay folded.
    expect(await visible('#retrying-safely')).toBe(false);
    await wheelTo(page, 'handling-errors');
    await waitActive(page, '#handling-errors');
    expect([await visible('#user'), await visible('#retrying-safely')]).toEqual([false, true]);
    expect(await page.locator('#toc a.active-parent').count()).toBe(0);
    await page.close();
  });

  it('activates the last section when scrolled to the very bottom', async () => {
    const page = await site.open();
    await page.mouse.move(700, 400);
    await page.keyboard.press('End');
    await page.waitForFunction(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 1);
    const links = await page.$$eval('#toc a.toc-link', (as) => as.map((a) => a.getAttribute('href')));
    await waitActive(page, links[links.length - 1]!);
    await page.close();
  });

  it('activates a short last section at the bottom, and keeps a clicked short section active', async () => {
    const page = await short.open();
    await page.mouse.move(700, 400);
    await page.keyboard.press('End');
    await waitActive(page, '#last');
    // The hash follows once scrolling stops (it is written after a short pause).
    await page.waitForFunction(() => location.hash === '#last');
    await page.click('#toc a[href="#section-1"]');
    await waitActive(page, '#section-1');
    // The browser stops at the bottom with "Penultimate" below the reading line: it stays active.
    await page.click('#toc a[href="#penultimate"]');
    await page.waitForFunction(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 1);
    await page.waitForTimeout(200);
    expect(await active(page)).toEqual([['#penultimate', 'location']]);
    expect(new URL(page.url()).hash).toBe('#penultimate');
    // Until the reader scrolls by hand.
    await page.mouse.wheel(0, -1);
    await page.mouse.wheel(0, 1);
    await waitActive(page, '#last');
    await page.close();
  });

  it('keeps the hash and title in step with replaceState, adding no history entry', async () => {
    const page = await site.open();
    const title = await page.evaluate(() => document.querySelector('h1')!.ownerDocument.title.split(' – ').pop());
    expect(new URL(page.url()).hash).toBe('');
    const length = await page.evaluate(() => history.length);
    for (const id of ['authentication', 'errors', 'metadata', 'pagination']) {
      await wheelTo(page, id);
      await waitActive(page, `#${id}`);
    }
    await page.waitForFunction(() => location.hash === '#pagination');
    expect(title).toBe('API Reference');
    expect(await page.title()).toBe('Pagination – API Reference');
    expect(await page.evaluate(() => history.length)).toBe(length);
    await page.close();
  });

  it('scrolls to a clicked entry and closes the menu on a narrow screen', async () => {
    const page = await site.open('', { width: 800, height: 900 });
    await page.click('#nav-button');
    expect(await page.locator('#nav-button').getAttribute('aria-expanded')).toBe('true');
    await page.locator('#toc a[href="#metadata"]').click();
    await page.waitForFunction(() => Math.abs(document.getElementById('metadata')!.getBoundingClientRect().top) < 60);
    expect(await page.locator('#nav-button').getAttribute('aria-expanded')).toBe('false');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.toc-wrapper')!).visibility === 'hidden');
    await waitActive(page, '#metadata');
    await page.close();
  });
});
