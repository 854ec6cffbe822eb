import * as cheerio from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME_DIR } from '../../src/config.js';
import { frontmatterSchema } from '../../src/load/frontmatter.js';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { CONTENT_SLOT, firstParagraph, pageCss, pageShell } from '../../src/vite/html.js';
import type { Page } from '../../src/types.js';

const template = readFileSync(join(DEFAULT_THEME_DIR, 'index.html'), 'utf8');
const md = createMarkdown();

function pageWith(fm: Record<string, unknown>): Page {
  const frontmatter = frontmatterSchema.parse(fm);
  return {
    source: { page: 'p.md', outPath: 'index.html', frontmatter, parts: [], files: [], warnings: [] },
    html: '', headings: [], sections: [], languages: [], warnings: [],
    toc: [{ id: 'a', title: 'A', html: 'A', level: 1, children: [] }],
    codeTheme: { name: 'monokai', bg: '#272822', fg: '#F8F8F2', type: 'dark' },
  };
}

const shell = (fm: Record<string, unknown>, logo = false) =>
  cheerio.load(pageShell(pageWith(fm), { template, toRoot: '', logo, renderInline: (s) => md.renderInline(s, createEnv({ tabs: [], idScheme: 'slate', highlight: (c) => c, knowsLanguage: () => true })) }));

describe('page shell', () => {
  it('fills every slot but the content, which waits for Vite', () => {
    const html = pageShell(pageWith({ title: 'T' }), { template, toRoot: '', logo: false, renderInline: (s) => s });
    expect(html).toContain(CONTENT_SLOT);
    expect(html.match(/<!--shale:/g)).toHaveLength(1);
  });

  it('turns a right-to-left lang into dir="rtl"', () => {
    expect(shell({ lang: 'fa' })('html').attr('dir')).toBe('rtl');
    expect(shell({ lang: 'fa-IR' })('html').attr('lang')).toBe('fa-IR');
    expect(shell({ lang: 'de' })('html').attr('dir')).toBe('ltr');
  });

  it('renders toc_footers as inline Markdown, keeping raw HTML', () => {
    const $ = shell({ toc_footers: ["<a href='#'>Sign up</a>", '[Docs](https://example.com) <br>'] });
    expect($('.toc-footer li').length).toBe(2);
    expect($('.toc-footer li a').eq(0).text()).toBe('Sign up');
    expect($('.toc-footer li a').eq(1).attr('href')).toBe('https://example.com');
  });

  it('writes meta tags with escaped values', () => {
    const $ = shell({ meta: [{ name: 'description', content: '"><script>x</script>' }] });
    expect($('meta[name="description"]').attr('content')).toBe('"><script>x</script>');
    expect($('head script:not([src])').length).toBe(0);
  });

  it('adds the logo only when the source has one, linked to the site root', () => {
    expect(shell({ title: 'Kittn' }, true)('a.logo-link img.logo').attr('alt')).toBe('Kittn');
    expect(shell({ title: 'Kittn' }, false)('img.logo').length).toBe(0);
  });

  it('leaves out the search box with search: false, and the tab bar without tabs', () => {
    const $ = shell({ search: false });
    expect($('#input-search').length).toBe(0);
    expect($('.lang-selector').length).toBe(0);
  });
});

describe('tab CSS', () => {
  it('hides the other tabs\' blocks for each active tab and nothing else', () => {
    const css = pageCss(pageWith({ language_tabs: ['shell', { ruby: 'Ruby' }] }));
    expect(css).toContain('body[data-language="shell"] .highlight.tab-ruby,body[data-language="shell"] .lang-specific.ruby:not(.shell)');
    expect(css).toContain('body[data-language="ruby"] .highlight.tab-shell,body[data-language="ruby"] .lang-specific.shell:not(.ruby)');
    // Only other tabs' blocks are hidden: nothing hides the active tab's own.
    expect(css).not.toMatch(/data-language="shell"\] \.highlight\.tab-shell/);
    expect(css).toContain('--code-bg:#272822');
  });

  it('describes the page by its first paragraph unless meta has a description', () => {
    expect(firstParagraph('<h1>A</h1><p class="x">Hello <code>&lt;b&gt;</code> "world"</p><p>no</p>')).toBe('Hello &lt;b&gt; world');
    const long = firstParagraph(`<p>${'word '.repeat(60)}</p>`);
    expect(long.length).toBeLessThanOrEqual(158);
    expect(long.endsWith('word…')).toBe(true);
    expect(firstParagraph('<h1>none</h1>')).toBe('');
    const $ = shell({ meta: [{ name: 'description', content: 'Mine' }] });
    expect($('meta[name="description"]').map((_, m) => $(m).attr('content')).get()).toEqual(['Mine']);
  });

  it('tells the theme which way to shade the code background for contrast', () => {
    expect(pageCss(pageWith({}))).toContain('--code-shade:#000');
    const light = { ...pageWith({}), codeTheme: { name: 'github-light', bg: '#fff', fg: '#24292e', type: 'light' as const } };
    expect(pageCss(light)).toContain('--code-shade:#fff');
  });

  it('cannot be broken out of by a hostile tab key', () => {
    const css = pageCss(pageWith({ language_tabs: ['x"]</style><script>alert(1)</script>', 'y'] }));
    expect(css).not.toContain('</style>');
    expect(css).not.toContain('"]<');
  });
});
