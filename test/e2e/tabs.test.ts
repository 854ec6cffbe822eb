// Language tabs in a real browser: switching, the choice's sources (URL, storage, default),
// history, keeping the reader's place, and the tablist's keyboard and ARIA contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, tabsFixture, type Page, type Site } from './site.js';

let site: Site;
beforeAll(async () => { site = await startSite(tabsFixture()); });
afterAll(async () => { await site?.close(); });

const language = (page: Page) => page.evaluate(() => document.body.dataset.language);
const shown = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => el.getClientRects().length > 0));
const bar = '.dark-box .lang-selector';

describe('language tabs', () => {
  it('switches every code block and language-specific element with one attribute', async () => {
    const page = await site.open();
    expect(await language(page)).toBe('shell');
    expect(await shown(page, 'pre.tab-shell')).toEqual(Array(5).fill(true));
    expect(await shown(page, 'pre.tab-ruby')).toEqual(Array(5).fill(false));
    expect(await shown(page, '#shell-python')).toEqual([true]);
    await page.click(`${bar} a[data-language-name="ruby"]`);
    expect(await shown(page, 'pre.tab-ruby')).toEqual(Array(5).fill(true));
    expect(await shown(page, 'pre.tab-shell, pre.tab-python')).toEqual(Array(10).fill(false));
    expect(await shown(page, '#only-ruby')).toEqual([true]);
    expect(await shown(page, '#shell-python')).toEqual([false]);
    // Nothing was touched block by block: no inline display, no hidden attribute.
    expect(await page.locator('.content .highlight[style], .content pre[style*="display"], .content [hidden]').count()).toBe(0);
    await page.close();
  });

  it('takes ?language=x or a bare ?x only for listed tabs', async () => {
    for (const [query, expected] of [['?language=python', 'python'], ['?ruby', 'ruby'], ['?language=go', 'shell'], ['?go', 'shell'], ['?ruby=1', 'shell']]) {
      const page = await site.open(query);
      await page.evaluate(() => localStorage.clear());
      const again = await site.open(query);
      expect(await language(again), query).toBe(expected);
      expect(await again.locator(`${bar} [aria-selected="true"]`).getAttribute('data-language-name')).toBe(expected);
      await page.close();
      await again.close();
    }
  });

  it('remembers the last choice, and a URL choice wins over it', async () => {
    const page = await site.open();
    await page.click(`${bar} a[data-language-name="python"]`);
    const back = await site.open();
    expect(await language(back)).toBe('python');
    const shared = await site.open('?language=ruby');
    expect(await language(shared)).toBe('ruby');
    await page.evaluate(() => localStorage.clear());
    const fresh = await site.open();
    expect(await language(fresh)).toBe('shell');
    await Promise.all([page, back, shared, fresh].map((p) => p.close()));
  });

  it('applies the stored language before the script bundle runs (no flash of the wrong code)', async () => {
    const page = await site.open();
    await page.evaluate(() => localStorage.setItem('language', 'python'));
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    expect(await language(page)).toBe('python');
    expect(await shown(page, 'pre.tab-python')).toEqual(Array(5).fill(true));
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('pushes one history entry per click, and back/forward re-apply the language', async () => {
    const page = await site.open();
    await page.evaluate(() => localStorage.clear());
    await page.goto(site.url);
    const before = await page.evaluate(() => history.length);
    await page.click(`${bar} a[data-language-name="ruby"]`);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    expect(new URL(page.url()).searchParams.get('language')).toBe('ruby');
    await page.goBack();
    await page.waitForFunction(() => document.body.dataset.language === 'shell');
    expect(await shown(page, 'pre.tab-shell')).toEqual(Array(5).fill(true));
    await page.goForward();
    await page.waitForFunction(() => document.body.dataset.language === 'ruby');
    expect(await page.locator(`${bar} [aria-selected="true"]`).textContent()).toBe('ruby');
    await page.close();
  });

  it('keeps the text the reader is looking at in place when the code above changes height', async () => {
    // One column (code inline) so the switch moves the text; Chromium's own scroll anchoring
    // is turned off because Safari has none: the theme must do it.
    const page = await site.open('', { width: 650, height: 800 });
    await page.evaluate(() => localStorage.clear());
    await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
    const target = page.locator('#section-4 ~ p').nth(3);
    await target.evaluate((el) => { el.scrollIntoView(); window.scrollBy(0, -200); });
    const before = await target.evaluate((el) => el.getBoundingClientRect().top);
    await page.click('#nav-button');
    await page.click('.toc-wrapper .lang-selector a[data-language-name="ruby"]');
    expect(await language(page)).toBe('ruby');
    const after = await target.evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(after - before)).toBeLessThan(2);
    // ...and the switch really moved the text (30-line ruby blocks above it instead of 3-line cURL).
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
    await page.close();
  });

  it('is a tablist: role=tab, aria-selected, roving focus with arrows, Home and End', async () => {
    const page = await site.open();
    await page.evaluate(() => localStorage.clear());
    await page.goto(site.url);
    expect(await page.locator(bar).getAttribute('role')).toBe('tablist');
    expect(await page.locator(`${bar} a`).evaluateAll((as) => as.map((a) => [a.getAttribute('role'), a.getAttribute('aria-selected'), (a as HTMLElement).tabIndex])))
      .toEqual([['tab', 'true', 0], ['tab', 'false', -1], ['tab', 'false', -1]]);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.languageName);
    await page.focus(`${bar} a[aria-selected="true"]`);
    await page.keyboard.press('ArrowRight');
    expect([await focused(), await language(page)]).toEqual(['ruby', 'ruby']);
    await page.keyboard.press('End');
    expect([await focused(), await language(page)]).toEqual(['python', 'python']);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('shell');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('python');
    await page.keyboard.press('Home');
    expect([await focused(), await language(page)]).toEqual(['shell', 'shell']);
    await page.close();
  });
});
