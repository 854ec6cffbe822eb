// Copy buttons and heading permalinks on the sample, and their absence when turned off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './site.js';

let site: Site;
let off: Site;
const fence = 'curl "https://example.com/v1/items" \\\n  -H "Authorization: Bearer $TOKEN"   \n\n# trailing  spaces, a blank line and <angle> & "quotes"';
beforeAll(async () => {
  [site, off] = await Promise.all([
    startSite(),
    startSite({ 'source/index.html.md': '---\ntitle: Off\ncode_clipboard: false\nlanguage_tabs:\n  - shell\n---\n\n# A\n\n```shell\necho hi\n```\n' }),
  ]);
});
afterAll(async () => { await Promise.all([site?.close(), off?.close()]); });

describe('copy buttons', () => {
  it('puts a labelled copy button on every code block (code_clipboard defaults to true)', async () => {
    const page = await site.open();
    const blocks = await page.locator('.content div.highlight').count();
    expect(blocks).toBeGreaterThan(10);
    expect(await page.locator('.content div.highlight > button.copy-clipboard[aria-label="Copy code"]').count()).toBe(blocks);
    await page.close();
  });

  it('copies the block\'s exact text and says "Copied", from the keyboard too', async () => {
    const files = { 'source/index.html.md': '---\ntitle: Copy\nlanguage_tabs:\n  - shell\n---\n\n# A\n\n```shell\n' + fence + '\n```\n' };
    const one = await startSite(files);
    const page = await one.open();
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    const button = page.locator('.copy-clipboard').first();
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.copy-clipboard')!.hasAttribute('data-copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fence);
    expect(await button.getAttribute('aria-label')).toBe('Copied');
    expect(await page.locator('[role="status"]').textContent()).toBe('Copied');
    expect(await button.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Copied"');
    await page.waitForFunction(() => !document.querySelector('.copy-clipboard')!.hasAttribute('data-copied'), undefined, { timeout: 5000 });
    await page.close();
    await one.close();
  });

  it('adds none with code_clipboard: false', async () => {
    const page = await off.open();
    expect(await page.locator('.content div.highlight').count()).toBe(1);
    expect(await page.locator('.copy-clipboard').count()).toBe(0);
    await page.close();
  });
});

describe('heading permalinks', () => {
  it('shows a link to the heading\'s own id on hover and on focus', async () => {
    const page = await site.open();
    const link = page.locator('#authentication > a.permalink');
    expect(await link.getAttribute('href')).toBe('#authentication');
    expect(await link.getAttribute('aria-label')).toBe('Permalink: Authentication');
    const opacity = () => link.evaluate((el) => getComputedStyle(el).opacity);
    expect(await opacity()).toBe('0');
    await page.hover('#authentication');
    expect(await opacity()).toBe('1');
    await page.mouse.move(5, 890);
    expect(await opacity()).toBe('0');
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await opacity()).toBe('1');
    expect(await page.locator('.content :is(h1,h2,h3)[id]:not(:has(> a.permalink))').count()).toBe(0);
    await page.close();
  });
});
