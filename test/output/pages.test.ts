// Pages made from the bundled template: asset URLs that reach the site root from any depth or
// under an absolute base, one search index file per distinct index, content put in verbatim.
import * as cheerio from 'cheerio';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontmatterSchema } from '../../src/load/frontmatter.js';
import { writeContents, writePages } from '../../src/output/pages.js';
import { indexFilesOf } from '../../src/search/index.js';
import type { Page } from '../../src/types.js';
import { ROOT_SLOT } from '../../src/vite/theme-bundle.js';

const template = `<!doctype html><html><head><!--shale:head-->
<script type="module" crossorigin src="${ROOT_SLOT}assets/app-AAAAAAAA.js"></script>
<link rel="stylesheet" crossorigin href="${ROOT_SLOT}assets/app-BBBBBBBB.css">
</head><body><!--shale:search--><main><!--shale:content--></main></body></html>`;

function page(outPath: string, fm: Record<string, unknown>, html = '<p>Text.</p>'): Page {
  return {
    source: { page: 'p.md', outPath, frontmatter: frontmatterSchema.parse(fm), parts: [], files: [], warnings: [] },
    html, headings: [], sections: [], languages: [], warnings: [], toc: [],
    codeTheme: { name: 'monokai', bg: '#272822', fg: '#F8F8F2', type: 'dark' },
  };
}

function write(pages: Page[], indexes: Record<string, string>, base = './') {
  const out = mkdtempSync(join(tmpdir(), 'shale-pages-'));
  const contents = writeContents(pages, out, { base, lazyContent: false });
  writePages(pages, contents, out, { template, base, logo: false, indexes: indexFilesOf(new Map(Object.entries(indexes)), false), renderInline: (s) => s });
  return { out, load: (p: string) => cheerio.load(readFileSync(join(out, p), 'utf8')) };
}

describe('writing pages from the bundled template', () => {
  it('points each page at the assets from its own folder', () => {
    const { load } = write([page('index.html', { title: 'A' }), page('a/b/index.html', { title: 'B' })], {});
    expect(load('index.html')('script').attr('src')).toBe('./assets/app-AAAAAAAA.js');
    expect(load('a/b/index.html')('script').attr('src')).toBe('../../assets/app-AAAAAAAA.js');
    expect(load('a/b/index.html')('link[rel=stylesheet]').attr('href')).toBe('../../assets/app-BBBBBBBB.css');
  });

  it('writes the tags as Vite spelled them', () => {
    const { out } = write([page('index.html', { title: 'A' })], {});
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<script type="module" crossorigin src="./assets/app-AAAAAAAA.js">');
  });

  it('writes each distinct search index once, named by its content, and links it', () => {
    const site = '{"site":true}';
    const { out, load } = write(
      [page('index.html', { title: 'A', search: 'site' }), page('v2/index.html', { title: 'B', search: 'site' }), page('own/index.html', { title: 'C' })],
      { 'index.html': site, 'v2/index.html': site, 'own/index.html': '{"own":true}' },
    );
    const files = readdirSync(join(out, 'assets'));
    expect(files).toHaveLength(2);
    const a = load('index.html')('body').attr('data-search-index')!;
    expect(a).toMatch(/^assets\/search-index-[\w-]{8}\.json$/);
    expect(load('v2/index.html')('body').attr('data-search-index')).toBe(`../${a}`);
    expect(readFileSync(join(out, a), 'utf8')).toBe(site);
    const own = load('own/index.html')('body').attr('data-search-index')!;
    expect(own).not.toBe(`../${a}`);
    expect(readFileSync(join(out, 'own', own), 'utf8')).toBe('{"own":true}');
  });

  it('leaves a page without search without an index', () => {
    const { out, load } = write([page('index.html', { title: 'A', search: false })], {});
    expect(load('index.html')('body').attr('data-search-index')).toBeUndefined();
    expect(existsSync(join(out, 'assets'))).toBe(false);
  });

  it('uses the absolute base as it is', () => {
    const { load } = write([page('v2/index.html', { title: 'B' })], { 'v2/index.html': '{}' }, '/docs/');
    expect(load('v2/index.html')('body').attr('data-search-index')).toMatch(/^\/docs\/assets\/search-index-/);
    expect(load('v2/index.html')('script').attr('src')).toBe('/docs/assets/app-AAAAAAAA.js');
  });

  it('puts the content in as written, replacement patterns included', () => {
    const { out } = write([page('index.html', { title: 'A' }, '<p>cost: $& and $1 and $$</p>')], {});
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<main><p>cost: $& and $1 and $$</p></main>');
  });
});
