// Issue 8 §4: no injection. Random pages whose title, meta, tab label, toc_footers, headings,
// link texts and targets, code spans, table cells and code blocks are hostile (hostile.ts), with
// and without --safe. In-process, each page's full HTML (theme shell + content) must hold no
// script, event handler or javascript: URL that came from the source, must show the hostile text
// as text, and must validate with html-validate. Then a few pages are built and opened in
// Chromium: window.__pwned stays unset, and search results show the text as text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { DEFAULT_THEME_DIR } from '../../src/config.js';
import { parseFrontmatter } from '../../src/load/frontmatter.js';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { createCodeHighlighter, escapeHtml, type CodeHighlighter } from '../../src/markdown/highlight.js';
import { renderPage, type RenderContext } from '../../src/render/page.js';
import { CONTENT_SLOT, pageShell } from '../../src/vite/html.js';
import { launchBrowser, serveStatic } from '../e2e/browser.js';
import { tempProject } from '../helpers.js';
import { hostileDoc, type HostileDoc } from './hostile.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const template = readFileSync(join(DEFAULT_THEME_DIR, 'index.html'), 'utf8');
let highlighter: Promise<CodeHighlighter>;

/**
 * html-validate's recommended rules, less those about the theme's own style choices (inline
 * styles, boolean attribute spelling, whitespace), which say nothing about the content. The
 * rules that catch injection and broken structure stay on: element names, close order,
 * attribute names, duplicate ids, unescaped characters.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off', 'attribute-empty-style': 'off', 'attribute-boolean-style': 'off', 'no-trailing-whitespace': 'off',
    'void-style': 'off', 'no-implicit-close': 'off', 'unique-landmark': 'off', 'long-title': 'off', 'no-redundant-role': 'off',
    'heading-level': 'off', 'prefer-native-element': 'off', 'wcag/h63': 'off', 'text-content': 'off', 'no-raw-characters': ['error', { relaxed: true }],
  },
});

beforeAll(async () => {
  highlighter = createCodeHighlighter('monokai');
  await (await highlighter).load(['shell']);
});

/** The page as the build writes it, minus Vite's script tags: shell with content in its slot. */
async function pageHtml(d: HostileDoc): Promise<{ html: string; titles: string[] }> {
  const md = createMarkdown({ safe: d.safe });
  const ctx: RenderContext = { md, idScheme: 'slate', highlighter: () => highlighter };
  const file = '/virtual/source/index.html.md';
  const { frontmatter, body, bodyLineOffset } = parseFrontmatter(file, d.file);
  const page = await renderPage({ page: file, outPath: 'index.html', frontmatter, parts: [{ file, markdown: body, lineOffset: bodyLineOffset }], files: [file], warnings: [] }, ctx);
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
  const shell = pageShell(page, { template, toRoot: '', logo: false, renderInline: (s) => md.renderInline(s, env) });
  return { html: shell.replace(CONTENT_SLOT, page.html), titles: page.sections.map((s) => s.title) };
}

/** Anything in the page that could run script: handlers, script URLs, srcdoc, injected scripts. */
function executable(html: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $('*').each((_, el) => {
    for (const [name, value] of Object.entries((el as unknown as { attribs: Record<string, string> }).attribs)) {
      if (/^on/i.test(name)) found.push(`${el.tagName}[${name}]`);
      if (name === 'srcdoc') found.push(`${el.tagName}[srcdoc]`);
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(value)) found.push(`${el.tagName}[${name}=${value}]`);
    }
  });
  $('script').each((_, s) => { if (/__pwned/.test($(s).text())) found.push('script'); });
  $('iframe, svg, img, details, textarea, object, embed').each((_, el) => { if (/pwned/.test($.html(el))) found.push(el.tagName); });
  return found;
}

for (const safe of [false, true]) {
  describe(`hostile text in every slot${safe ? ', --safe' : ''} (${RUNS} random pages)`, () => {
    it('runs nothing, shows the text as text, and validates', async () => {
      await fc.assert(fc.asyncProperty(hostileDoc(safe), async (d) => {
        const { html } = await pageHtml(d);
        expect(executable(html)).toEqual([]);
        const $ = cheerio.load(html);
        expect($('title').text()).toBe(d.title);
        expect($('meta[name="description"]').attr('content')).toBe(d.meta);
        for (const a of $('.lang-selector a:first-child').toArray()) expect($(a).text()).toBe(d.label);
        if (!safe) {
          // What the author escaped is exactly what the reader sees, in the page and in the TOC.
          expect($('main h1').map((_, h) => $(h).text()).get()).toEqual(d.headings);
          expect($('#toc a.toc-h1').map((_, a) => $(a).text()).get()).toEqual(d.headings);
          expect($('#toc a.toc-h1').map((_, a) => $(a).attr('data-title')).get()).toEqual(d.headings);
        }
        const report = await validator.validateString(html);
        const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
        expect(errors).toEqual([]);
      }), { numRuns: RUNS });
    }, 240_000);
  });
}

describe('hostile pages in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const docs: HostileDoc[] = [];

  beforeAll(async () => {
    // Two sites (normal and --safe), four random pages each, served side by side.
    const root = tempProject({});
    for (const safe of [false, true]) {
      const sample = fc.sample(hostileDoc(safe), { numRuns: 4 });
      const files = Object.fromEntries(sample.map((d, i) => [`${safe ? 'safe' : 'normal'}/source/${i ? `p${i}.html.md` : 'index.html.md'}`, d.file]));
      const project = tempProject(files);
      docs.push(...sample);
      await build({ root: join(project, safe ? 'safe' : 'normal'), out: join(root, safe ? 'safe' : 'normal'), safe, quiet: true }, { info: () => {}, warn: () => {} });
    }
    server = await serveStatic(root, '/');
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no script from the pages, and search shows headings as text', async () => {
    for (const [i, d] of docs.entries()) {
      const url = `${server.url}${d.safe ? 'safe' : 'normal'}/${i % 4 ? `p${i % 4}.html` : 'index.html'}`;
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (x) => { dialogs.push(x.message()); void x.dismiss(); });
      await page.goto(url);
      await page.waitForLoadState('load');
      await page.locator('#input-search').fill('qw0');
      await page.waitForFunction(() => {
        const list = document.querySelector('.search-results')!;
        return list.childElementCount > 0 && !list.hasAttribute('aria-busy') && !list.textContent!.startsWith('Loading');
      });
      // Let handlers that an injected element would carry (onerror, onload, ontoggle) fire.
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), url).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('.search-results :is(img, svg, script, iframe, details)').count()).toBe(0);
      // Whitespace compared folded on both sides: a heading may hold U+2029 or tabs, shown as they are.
      const results = (await page.locator('.search-results').textContent() ?? '').replace(/\s+/g, ' ');
      if (!d.safe) expect(results).toContain(d.headings[0].replace(/\s+/g, ' ').slice(0, 20).trim());
      await page.close();
    }
  }, 120_000);
});
