// shale build --inline: one HTML file that works opened from disk, with no other request.
import * as cheerio from 'cheerio';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { MARKER } from '../../src/output/folder.js';
import { SEARCH_INDEX_VERSION } from '../../src/search/index.js';
import { launchBrowser } from '../e2e/browser.js';
import { tempProject } from '../helpers.js';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('shale build --inline', () => {
  let root: string;
  let html: string;

  beforeAll(async () => {
    root = tempProject({});
    cpSync(join(import.meta.dirname, '..', '..', 'source'), join(root, 'source'), { recursive: true });
    mkdirSync(join(root, 'source', 'images'), { recursive: true });
    writeFileSync(join(root, 'source', 'images', 'logo.png'), PNG);
    writeFileSync(join(root, 'source', 'images', 'diagram.png'), PNG);
    writeFileSync(join(root, 'source', 'includes', '_errors.md'),
      readFileSync(join(root, 'source', 'includes', '_errors.md'), 'utf8') + '\n![A diagram](images/diagram.png)\n\nA script end tag in code: `</script>`\n');
    await build({ root, inline: true, quiet: true }, { info: () => {}, warn: () => {} });
    html = readFileSync(join(root, 'build', 'index.html'), 'utf8');
  });

  it('writes one HTML file with the script, styles, search index and images inside', () => {
    // Vite's files were all put inside the page.
    expect(readdirSync(join(root, 'build'))).not.toContain('assets');
    const $ = cheerio.load(html);
    expect($('script[src], link[rel="stylesheet"], link[rel="modulepreload"]').length).toBe(0);
    expect($('script[type="module"]').text().length).toBeGreaterThan(1000);
    expect($('style').text()).toContain('.toc-wrapper');
    expect($('body').attr('data-search-index')).toMatch(/^data:application\/json;base64,/);
    const index = JSON.parse(Buffer.from($('body').attr('data-search-index')!.split(',')[1], 'base64').toString('utf8'));
    // The page's own index, as the built site's separate file would hold it.
    expect(index.version).toBe(SEARCH_INDEX_VERSION);
    expect(JSON.stringify(index)).toContain('Retrying Safely');
    expect($('img.logo').attr('src')).toMatch(/^data:image\/png;base64,/);
    expect($('img[alt="A diagram"]').attr('src')).toMatch(/^data:image\/png;base64,/);
  });

  it('works from a file:// URL: styled, tabs switch, and no request leaves the file', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The file on its own, away from everything else the build wrote.
      const alone = mkdtempSync(join(tmpdir(), 'shale-inline-'));
      copyFileSync(join(root, 'build', 'index.html'), join(alone, 'docs.html'));
      const url = pathToFileURL(join(alone, 'docs.html')).href;
      await page.goto(url);
      expect(await page.locator('.toc-wrapper').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
      await page.locator('.dark-box .lang-selector a[data-language-name="python"]').click();
      expect(await page.locator('pre.tab-python').first().isVisible()).toBe(true);
      expect(await page.locator('pre.tab-shell').first().isVisible()).toBe(false);
      // Search reads the index inside the page.
      await page.locator('#input-search').fill('retry');
      await expect.poll(() => page.locator('.search-results a').allTextContents()).toContainEqual(expect.stringContaining('Retrying Safely'));
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps a site-wide index whole inside each page, and its results open the other page beside it', async () => {
    const site = tempProject({
      'source/index.html.md': '---\ntitle: Guide\nsearch: site\n---\n# Guide\n\nStart here.\n',
      'source/webhooks.html.md': '---\ntitle: Webhooks\nsearch: site\n---\n# Verify a webhook signature\n\nCompare the signature header with an HMAC of the payload.\n',
    });
    await build({ root: site, inline: true, quiet: true }, { info: () => {}, warn: () => {} });
    expect(readdirSync(join(site, 'build')).sort()).toEqual([MARKER, 'index.html', 'webhooks.html']);
    const $ = cheerio.load(readFileSync(join(site, 'build', 'index.html'), 'utf8'));
    const index = Buffer.from($('body').attr('data-search-index')!.split(',')[1], 'base64').toString('utf8');
    // Whole: the snippets are inside, not in a file beside it that --inline would have removed.
    expect(JSON.parse(index).snippets).toContain('Compare the signature header with an HMAC of the payload.');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(site, 'build', 'index.html')).href);
      await page.locator('#input-search').fill('signature');
      const result = page.locator('.search-results a').first();
      await expect.poll(() => result.locator('.search-result-snippet').textContent()).toContain('Compare the signature header');
      await result.click();
      await page.waitForURL(/\/build\/webhooks\.html#verify-a-webhook-signature$/);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
