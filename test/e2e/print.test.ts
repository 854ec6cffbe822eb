// Print: no nav or tab bars, the active language's code only, nothing past the right edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './site.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

describe('print', () => {
  it('hides the navigation and tab bars and prints the active language\'s code uncut', async () => {
    // A narrow page, as on A4 paper, in dark mode with ruby chosen.
    const page = await site.browser.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.goto(site.url + '?language=ruby');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const selector of ['.toc-wrapper', '#nav-button', '.lang-selector', '.copy-clipboard', '.theme-toggle']) {
      expect(await page.locator(selector).evaluateAll((els) => els.every((el) => el.getClientRects().length === 0)), selector).toBe(true);
    }
    expect(await page.locator('pre.tab-ruby').first().isVisible()).toBe(true);
    expect(await page.locator('pre.tab-shell').first().isVisible()).toBe(false);
    // Nothing overflows the page width, and no code block hides text behind a scrollbar.
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll<HTMLElement>('.content *')].filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > width + 1);
      const cut = [...document.querySelectorAll<HTMLElement>('.content pre')].filter((el) => el.scrollWidth > el.clientWidth + 1);
      return { wide: wide.map((el) => el.tagName + '.' + el.className).slice(0, 5), cut: cut.length };
    });
    expect(overflow).toEqual({ wide: [], cut: 0 });
    // Dark mode does not print light-on-dark: text is black, the page white.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.content p')!).color)).toBe('rgb(0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.content h1')!).color)).toBe('rgb(0, 0, 0)');
    await page.close();
  });
});
