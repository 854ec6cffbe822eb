// Splitting a large page into lazily loaded chunks: where it may cut (top-level headings only, never
// inside raw HTML), what each chunk knows about itself, and the files and placeholders the page gets.
import * as cheerio from 'cheerio';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { escapeHtml } from '../../src/markdown/highlight.js';
import { renderInRanges } from '../../src/markdown/render-ranges.js';
import { CHUNK_MAP_VERSION, chunkFiles, splitContent } from '../../src/output/chunks.js';
import { estimateHeight } from '../../src/output/chunk-height.js';
import { tempProject } from '../helpers.js';

function render(markdown: string) {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
  env.chunkCuts = [];
  // Ranges of one token: the marks must come out of every range at the right offsets.
  const html = renderInRanges(createMarkdown(), markdown, env, 1);
  return { html, cuts: env.chunkCuts };
}

const all = () => true;

describe('chunk cuts', () => {
  it('marks top-level headings only, and leaves no mark in the HTML', () => {
    const { html, cuts } = render('Intro\n\n# One\n\n- # In a list\n\n> # In a quote\n\n## Two\n');
    expect(html).not.toContain('\u0000');
    expect(cuts.map((at) => html.slice(at, at + 16))).toEqual(['<h1 id="one">One', '<h2 id="two">Two']);
  });

  it('renders exactly as before when marks are not asked for', () => {
    const md = createMarkdown();
    const env = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
    expect(md.render('# A\n\ntext\n', env)).toBe('<h1 id="a">A</h1>\n<p>text</p>\n');
  });
});

describe('splitting content', () => {
  const markdown = '# One\n\nFirst.\n\n### Deep\n\nx\n\n## Two &amp; more\n\n<a name="old-two"></a>\n\ny\n\n# Three\n\nz\n';

  it('keeps a page at or under the limit whole', () => {
    const { html, cuts } = render(markdown);
    expect(splitContent(html, cuts, html.length, all)).toEqual({ html, chunks: [] });
    expect(splitContent(html, cuts, false, all).chunks).toEqual([]);
  });

  it('with a limit of 1 starts a chunk at every top-level heading after the first section, losing nothing', () => {
    const { html, cuts } = render(markdown);
    const split = splitContent(html, cuts, 1, all);
    // The page always keeps its start: the first section stays in index.html.
    expect(split.html).toBe('<h1 id="one">One</h1>\n<p>First.</p>\n');
    expect(split.html + split.chunks.map((c) => c.html).join('')).toBe(html);
    expect(split.chunks.map((c) => [c.first, c.title])).toEqual([
      ['deep', 'Deep'], ['two-amp-more', 'Two &amp; more'], ['three', 'Three'],
    ]);
    // The theme's outline fix-up announces the h3 after an h1 as level 2, and carries that on.
    expect(split.chunks.map((c) => c.previousLevel)).toEqual([1, 2, 2]);
    expect(split.chunks[1].ids).toEqual(['two-amp-more', 'old-two']);
  });

  it('never cuts while a raw HTML element is open', () => {
    // Redcarpet-style HTML blocks keep `<div>…</div>` whole; an unclosed tag stays open in the DOM.
    const { html, cuts } = render('# A\n\n# B\n\n<div class="box">\n\n# C\n\n# D\n');
    expect(cuts).toHaveLength(4);
    const split = splitContent(html, cuts, 1, all);
    expect(split.chunks.map((c) => c.first)).toEqual(['b']);
    expect(split.chunks[0].html).toContain('<h1 id="d">');
  });

  it('prefers to end a chunk at an h1 or h2, and takes any heading once a chunk is twice the size', () => {
    const long = 'word '.repeat(50);
    const { html, cuts } = render(`# A\n\n${long}\n\n### a1\n\n${long}\n\n## B\n\n${long}\n\n### b1\n\n${long}\n\n### b2\n\n${long}\n\n### b3\n`);
    const size = html.indexOf('<h3 id="a1">') + 10;
    const split = splitContent(html, cuts, size, all);
    // a1 comes before the chunk is long enough; B ends it; b1 does not (an h3 at 1×); b3 does (2×).
    expect(split.chunks.map((c) => c.first)).toEqual(['b', 'b3']);
  });
});

describe('chunk files', () => {
  it('names chunks by content, links each placeholder, and maps every id to its chunk', () => {
    const { html, cuts } = render('Intro.\n\n# One "quoted"\n\nA.\n\n# Two\n\n<p id="two-x">B.</p>\n');
    const split = splitContent(html, cuts, 1, all);
    const files = chunkFiles(split, (file) => `../${file}`, (text) => `h${text.length}xxxxxxxx`);
    expect(files.html.startsWith('<p>Intro.</p>\n<div class="shale-chunk"')).toBe(true);
    const srcs = [...files.html.matchAll(/data-src="([^"]*)"/g)].map((m) => m[1]);
    expect(srcs).toHaveLength(2);
    expect(files.html).toContain('data-first="one-quot-quoted-quot"');
    expect(files.html).toContain('>One &quot;quoted&quot;</a>');
    for (const src of srcs) {
      const text = String(files.files.get(src.replace('../', ''))!);
      expect(text.startsWith('<meta charset="utf-8">\n<h1')).toBe(true);
      expect(files.html).toContain(`<a href="${src}">`);
    }
    const map = JSON.parse(String(files.files.get(files.mapFile!)!));
    expect(map).toEqual({ version: CHUNK_MAP_VERSION, chunks: srcs, ids: { 'one-quot-quoted-quot': 0, two: 1, 'two-x': 1 } });
  });

  it('writes nothing extra for a page that is not split', () => {
    expect(chunkFiles({ html: '<p>x</p>', chunks: [] }, (f) => f, () => 'h')).toEqual({ html: '<p>x</p>', files: new Map() });
  });
});

describe('chunk height estimate', () => {
  const block = (tab: string, lines: number) =>
    `<div class="highlight tab-${tab}"><pre class="highlight ${tab} tab-${tab}"><code>${'x\n'.repeat(lines)}</code></pre></div>\n`;

  it('grows with prose and with code shown under the first language, not with hidden code', () => {
    const visible = (tab: string) => tab !== 'ruby';
    const base = estimateHeight('<p>text</p>', visible);
    expect(estimateHeight(`<p>${'text '.repeat(200)}</p>`, visible)).toBeGreaterThan(base + 400);
    expect(estimateHeight(`<p>text</p>${block('shell', 40)}`, visible)).toBeGreaterThan(base + 40);
    expect(estimateHeight(`<p>text</p>${block('ruby', 40)}`, visible)).toBe(base);
  });
});

describe('a build with lazyContent', () => {
  const quiet = { info: () => {}, warn: () => {} };
  const files = {
    'source/index.html.md': '---\ntitle: Big\n---\n\n# One\n\nFirst.\n\n# Two\n\nSecond, see [one](#one).\n\n# Three\n\nThird.\n',
    'source/guide/index.html.md': '---\ntitle: Guide\n---\n\n# Start\n\nA.\n\n# Next\n\nB.\n',
  };

  it('writes the start of each page, a placeholder per later chunk, the chunk files and the id map', async () => {
    const root = tempProject(files);
    const { pages } = await build({ root, quiet: true, lazyContent: 1 }, quiet, { cache: false });
    expect(pages.every((p) => !p.html.includes('\u0000'))).toBe(true);
    const $ = cheerio.load(readFileSync(join(root, 'build', 'index.html'), 'utf8'));
    expect($('.content h1').map((_, h) => h.attribs.id).get()).toEqual(['one']);
    const holders = $('.content .shale-chunk');
    expect(holders.map((_, d) => d.attribs['data-first']).get()).toEqual(['two', 'three']);
    const map = JSON.parse(readFileSync(join(root, 'build', $('body').attr('data-chunk-map')!), 'utf8'));
    expect(map.ids).toEqual({ two: 0, three: 1 });
    const chunk = cheerio.load(readFileSync(join(root, 'build', map.chunks[0]), 'utf8'));
    expect(chunk('h1#two').text()).toBe('Two');
    expect(chunk('a[href="#one"]').length).toBe(1);

    // A page one folder down reaches the same assets folder.
    const guide = cheerio.load(readFileSync(join(root, 'build', 'guide', 'index.html'), 'utf8'));
    const src = guide('.shale-chunk').attr('data-src')!;
    expect(src).toMatch(/^\.\.\/assets\/chunk-[\w-]{8}\.html$/);
    expect(existsSync(join(root, 'build', 'guide', src))).toBe(true);
  });

  it('cuts at the right places when the page is made of several files', async () => {
    const root = tempProject({
      'source/index.html.md': '---\ntitle: Parts\nincludes:\n  - a\n  - b\n---\n\n# Body\n\nIntro.\n',
      'source/includes/_a.md': '# Alpha\n\nText a.\n\n## Alpha more\n\nMore a.\n',
      'source/includes/_b.md': '# Beta\n\nText b.\n',
    });
    await build({ root, quiet: true, lazyContent: 1 }, quiet, { cache: false });
    const $ = cheerio.load(readFileSync(join(root, 'build', 'index.html'), 'utf8'));
    expect($('.content .shale-chunk').map((_, d) => d.attribs['data-first']).get()).toEqual(['alpha', 'alpha-more', 'beta']);
    for (const src of $('.content .shale-chunk').map((_, d) => d.attribs['data-src']).get()) {
      expect(readFileSync(join(root, 'build', src), 'utf8')).toMatch(/^<meta charset="utf-8">\n<h[12] id="[^"]+">[^<]+<\/h[12]>\n<p>Text|^<meta charset="utf-8">\n<h2 id="alpha-more">Alpha more<\/h2>\n<p>More a\.<\/p>\n$/);
    }
  });

  it('keeps pages whole by default, with --inline, and with lazyContent: false', async () => {
    for (const options of [{}, { lazyContent: 1, inline: true }, { lazyContent: false }] as const) {
      const root = tempProject(files);
      await build({ root, quiet: true, ...options }, quiet, { cache: false });
      const html = readFileSync(join(root, 'build', 'index.html'), 'utf8');
      expect(html).toContain('<h1 id="three">');
      expect(html).not.toContain('<div class="shale-chunk"');
      expect(html).not.toMatch(/<body[^>]* data-chunk-map=/);
      const assets = join(root, 'build', 'assets');
      expect(existsSync(assets) ? readdirSync(assets).filter((f) => /^chunk-.*\.(html|json)$/.test(f)) : []).toEqual([]);
    }
  });
});
