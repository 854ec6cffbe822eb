// Shared set-up of the page-behaviour browser tests: build a site into a temp folder, serve it
// from a sub-path, and open one Chromium for the whole test file.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { build } from '../../src/build.js';
import { tempProject } from '../helpers.js';
import { launchBrowser, serveStatic } from './browser.js';

export interface Site {
  url: string;
  browser: BrowserContext;
  /** A fresh page (own tab) at `width`×`height`; closed by close(). */
  open: (query?: string, viewport?: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
}

/** Builds `files` (or the project's own sample when omitted) and serves the result. */
export async function startSite(files?: Record<string, string>): Promise<Site> {
  const root = tempProject(files ?? {});
  if (!files) cpSync(join(import.meta.dirname, '..', '..', 'source'), join(root, 'source'), { recursive: true });
  await build({ root, quiet: true }, { info: () => {}, warn: () => {} });
  const server = await serveStatic(join(root, 'build'), '/docs/');
  const browser = await launchBrowser();
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  return {
    url: server.url,
    browser,
    async open(query = '', viewport = { width: 1440, height: 900 }) {
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      await page.goto(server.url + query);
      await page.waitForLoadState('load');
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export type { BrowserContextOptions, Page };

/** Markdown of a small page with three tabs, language-specific prose and long code. */
export function tabsFixture(): Record<string, string> {
  const filler = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of filler text that makes the page long enough to scroll.\n`).join('\n');
  const code = (lang: string, lines: number) =>
    '```' + lang + '\n' + Array.from({ length: lines }, (_, i) => `${lang} line ${i}`).join('\n') + '\n```\n';
  const section = (n: number) => `# Section ${n}\n\n${code('shell', 3)}${code('ruby', 30)}${code('python', 12)}\n${filler}\n## Part ${n}.1\n\n${filler}\n`;
  return {
    'source/index.html.md': [
      '---',
      'title: Tabs Fixture',
      'language_tabs:',
      '  - shell: cURL',
      '  - ruby',
      '  - python',
      '---',
      '',
      '<p class="lang-specific ruby" id="only-ruby">Only for Ruby readers.</p>',
      '<p class="lang-specific shell python" id="shell-python">For cURL and Python readers.</p>',
      '',
      ...[1, 2, 3, 4, 5].map(section),
      // Two short sections at the end: neither can be scrolled up to the reading line.
      '# Penultimate',
      '',
      'A short section.',
      '',
      '# Last',
      '',
      'A short last section.',
      '',
    ].join('\n'),
  };
}
