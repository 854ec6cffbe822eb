// Small screens: off-canvas nav behind a menu button below 930px (keyboard and screen-reader
// usable), one column with the tab bar in the nav below 700px, pinch-zoom allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './site.js';

let site: Site;
beforeAll(async () => { site = await startSite(); });
afterAll(async () => { await site?.close(); });

describe('navigation on small screens', () => {
  it('allows pinch-zoom', async () => {
    const page = await site.open();
    const viewport = await page.getAttribute('meta[name="viewport"]', 'content');
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
    await page.close();
  });

  it('keeps the nav in view at 1440px with no menu button', async () => {
    const page = await site.open();
    expect(await page.locator('#nav-button').isVisible()).toBe(false);
    expect(await page.locator('#toc').isVisible()).toBe(true);
    await page.close();
  });

  it('hides the nav behind a menu button at 900px, usable from the keyboard', async () => {
    const page = await site.open('', { width: 900, height: 800 });
    const button = page.locator('#nav-button');
    const navVisible = () => page.locator('.toc-wrapper').evaluate((el) => getComputedStyle(el).visibility === 'visible' && el.getBoundingClientRect().right > 0);
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-controls')).toBe('toc-wrapper');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(1);
    // Closed: its links are out of the tab order.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.toc-wrapper')!).visibility === 'hidden');
    // From the keyboard: Tab past the skip link to the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-button');
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.waitForFunction(() => document.querySelector('.toc-wrapper')!.getBoundingClientRect().left >= 0);
    expect(await navVisible()).toBe(true);
    // Focus moved into the nav; Escape closes it and returns focus to the button.
    expect(await page.evaluate(() => !!document.activeElement?.closest('.toc-wrapper'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-button');
    // A click beside the open nav closes it too.
    await button.click();
    await page.mouse.click(850, 500);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('is one column at 390px with the tab bar inside the nav', async () => {
    const page = await site.open('', { width: 390, height: 800 });
    const prose = await page.locator('.content > p').first().boundingBox();
    const code = await page.locator('.content > div.highlight:visible').first().boundingBox();
    expect(code!.width).toBeGreaterThan(300);
    expect(Math.abs(code!.x + code!.width - (prose!.x + prose!.width))).toBeLessThan(40);
    expect(await page.locator('.dark-box .lang-selector').isVisible()).toBe(false);
    // Nothing wider than the screen: no sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.click('#nav-button');
    const tab = page.locator('.toc-wrapper .lang-selector a[data-language-name="python"]');
    await tab.click();
    expect(await page.evaluate(() => document.body.dataset.language)).toBe('python');
    expect(await page.locator('.content pre.tab-python').first().isVisible()).toBe(true);
    await page.close();
  });
});
