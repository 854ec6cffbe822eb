// Accessibility of the sample: axe-core finds nothing in light and dark mode at desktop and
// phone widths; landmarks, skip link, lang, visible focus, no keyboard trap; screenshots of
// every combination go to test-results/ for a human to look at.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Page, type Site } from './site.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const shots = join(import.meta.dirname, '..', '..', 'test-results');

let site: Site;
beforeAll(async () => { site = await startSite(); mkdirSync(shots, { recursive: true }); });
afterAll(async () => { await site?.close(); });

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } })
      .axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
  return result.violations.flatMap((v) => v.nodes.slice(0, 2).map((n) => `${v.id}: ${n.target.join(' ')} ${(n.failureSummary.split('\n')[1] ?? '').slice(0, 160)}`));
}

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1440, 900, 390]) {
      it(`has no axe violations in ${scheme} mode at ${width}px (screenshot saved)`, async () => {
        const page = await site.browser.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(site.url);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        await page.screenshot({ path: join(shots, `sample-${width}-${scheme}.png`) });
        expect(await violations(page)).toEqual([]);
        if (width <= 930) {
          // The open navigation too: it is what a phone reader uses to move around.
          await page.click('#nav-button');
          await page.waitForFunction(() => getComputedStyle(document.querySelector('.toc-wrapper')!).visibility === 'visible');
          await page.waitForTimeout(300);
          await page.screenshot({ path: join(shots, `sample-${width}-${scheme}-nav.png`) });
          expect(await violations(page)).toEqual([]);
        }
        await page.close();
      });
    }
  }

  it('has landmarks, <html lang> and a skip link that lands in the content', async () => {
    const page = await site.open();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('nav').count()).toBe(1);
    expect(await page.locator('main#main-content').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it('shows a focus ring on every focused control, and Tab goes round the page without a trap', async () => {
    const page = await site.open();
    const seen: string[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const step = await page.evaluate((i) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
        return { id: `${el.tagName}.${el.className}${el.getAttribute('href') ?? ''}#${i}`, ring };
      }, i);
      if (!step) break; // focus left the page: it went all the way round
      expect(step.ring, step.id).toBe(true);
      seen.push(step.id);
    }
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.length).toBeLessThan(400);
    await page.close();
  });

  it('remembers the colour scheme toggle over the system preference', async () => {
    const page = await site.browser.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(site.url);
    const toggle = page.locator('#theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bg);
    await page.evaluate(() => localStorage.removeItem('theme'));
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    // Following the system live, while the reader has not chosen.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.close();
  });

  it('lets the keyboard reach exactly the code blocks that scroll, after a resize and a language switch too', async () => {
    const page = await site.browser.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(site.url);
    // Shown blocks: [scrolls sideways, focusable] pairs; they must agree once the observer has reported.
    const shown = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.content pre')]
      .filter((pre) => pre.clientWidth > 0)
      .map((pre) => [pre.scrollWidth > pre.clientWidth, pre.getAttribute('tabindex') === '0']));
    const agree = async () => (await shown()).every(([scrolls, focusable]) => scrolls === focusable);
    await expect.poll(agree).toBe(true);
    expect((await shown()).some(([scrolls]) => scrolls)).toBe(true);
    const other = await page.evaluate(() => {
      const tab = [...document.querySelectorAll<HTMLAnchorElement>('.lang-selector a[data-language-name]')].find((a) => a.getAttribute('aria-selected') !== 'true')!;
      tab.click();
      return tab.dataset.languageName;
    });
    expect(await page.evaluate(() => document.body.dataset.language)).toBe(other);
    await expect.poll(agree).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(agree).toBe(true);
    await page.close();
  });
});
