// Splitting a large page into lazily loaded chunks: where it may cut (top-level headings only, never
// inside raw HTML), what each chunk knows about itself, and the files and placeholders the page gets.
import * as cheerio from 'cheerio';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { escapeHtml } from '../../src/markdown/highlight.js';
import { renderInRanges } from '../../src/markdown/render-ranges.js';
import { segmentFacts, segmentsOf, visibleLines } from '../../src/output/chunk-facts.js';
import { CHUNK_MAP_VERSION, chunkFiles, decodeAttribute, splitContent, type SplitContent } from '../../src/output/chunks.js';
import { PACK_BYTES } from '../../src/output/pack.js';
import { decodeCopies } from '../../themes/default/client/pack-decode.js';
import { chunkHeight } from '../../src/output/chunk-height.js';
import { chunksOf, tempProject } from '../helpers.js';

function render(markdown: string) {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
  env.chunkCuts = [];
  // Ranges of one token: each range's cuts must be counted from the start of the part.
  const html = renderInRanges(createMarkdown(), markdown, env, 1).join('');
  return { html, cuts: env.chunkCuts };
}

const all = () => true;

/** The height the split gives HTML that is one stretch (its facts, then the formula). */
function estimateHeight(html: string, visible: (tab: string) => boolean): number {
  const facts = segmentFacts(html);
  return chunkHeight(facts.textLength, visibleLines(facts.codeLines, visible));
}

describe('chunk cuts', () => {
  it('cuts at top-level headings only, and leaves nothing of the cuts in the HTML', () => {
    const { html, cuts } = render('Intro\n\n# One\n\n- # In a list\n\n> # In a quote\n\n## Two\n');
    expect(html).not.toContain('\u0000');
    expect(cuts.map((at) => html.slice(at, at + 16))).toEqual(['<h1 id="one">One', '<h2 id="two">Two']);
  });

  it('renders exactly as before when cuts are not asked for', () => {
    const md = createMarkdown();
    const env = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
    expect(md.render('# A\n\ntext\n', env)).toBe('<h1 id="a">A</h1>\n<p>text</p>\n');
  });
});

describe('decodeAttribute', () => {
  it('gives an attribute value as the DOM reads it, and a value without entities as it is', () => {
    expect(decodeAttribute('q&amp;a-&lt;b&gt;-&quot;c&quot;-&#39;d&#x27;')).toBe(`q&a-<b>-"c"-'d'`);
    expect(decodeAttribute('list-orders')).toBe('list-orders');
    expect(decodeAttribute('&unknown;')).toBe('&unknown;');
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

describe('splitting from segments', () => {
  it("splits the same from the segments of a page's parts as from the page's HTML alone", () => {
    const sections = Array.from({ length: 12 }, (_, i) =>
      `# Section ${i}\n\nProse ${'word '.repeat(30 * (i % 4 + 1))}\n\n<div class="note" id="n${i}">\n\n## Inside ${i}\n\n</div>\n\n\`\`\`shell\necho ${i}\n\`\`\`\n\n### Deep ${i}\n\nMore.\n`).join('\n');
    const { html, cuts } = render(sections);
    // Three "parts", their boundaries inside sections, each cut into segments from its own start.
    const bounds = [0, html.indexOf('<p>Prose', html.length / 3), html.indexOf('<p>More.', (2 * html.length) / 3), html.length];
    const segments = bounds.slice(0, -1).flatMap((from, i) =>
      segmentsOf(html.slice(from, bounds[i + 1]), cuts.filter((c) => c >= from && c < bounds[i + 1]).map((c) => c - from)));
    const shape = (s: ReturnType<typeof splitContent>) => ({ html: s.html, chunks: s.chunks.map(({ digests: _, content: __, ...c }) => c) });
    // A limit of 1 cuts wherever it may: a part's start taken for a cut would show at once.
    for (const limit of [1, 400]) {
      const whole = splitContent(html, cuts, limit, all);
      expect(whole.chunks.length).toBeGreaterThan(3);
      expect(shape(splitContent(html, cuts, limit, all, segments))).toEqual(shape(whole));
      // Segments that do not cover the HTML (a stale record) are not trusted: the HTML is cut again.
      expect(shape(splitContent(html, cuts, limit, all, segments.slice(1)))).toEqual(shape(whole));
    }
  });
});

describe('chunk files', () => {
  it('packs the chunks, gives each placeholder its range, and maps every id to its chunk', () => {
    // Ranges count UTF-8 bytes: "Größe" and "日本" take more bytes than characters.
    const { html, cuts } = render('Intro.\n\n# One "quoted"\n\nGröße.\n\n# Two\n\n<p id="two-x">日本.</p>\n');
    const split = splitContent(html, cuts, 1, all);
    const files = chunkFiles(split, (file) => `../${file}`, (bytes) => String(bytes.length).padStart(8, '0'));
    expect(files.html.startsWith('<p>Intro.</p>\n<div class="shale-chunk"')).toBe(true);
    const holders = [...files.html.matchAll(/data-pack="([^"]*)" data-range="(\d+)-(\d+)"/g)];
    expect(holders).toHaveLength(2);
    // Two small chunks share one pack, named by its bytes, one after the other.
    expect(holders[0][1]).toBe(holders[1][1]);
    expect(holders[0][3]).toBe(holders[1][2]);
    const pack = files.files.get(holders[0][1].replace('../', ''))!;
    expect(holders[0][1]).toBe(`../assets/pack-${String(pack.length).padStart(8, '0')}.bin`);
    const decoded = Buffer.from(decodeCopies(gunzipSync(pack)));
    const range = (h: RegExpMatchArray) => decoded.subarray(Number(h[2]), Number(h[3])).toString('utf8');
    expect(range(holders[0])).toBe(split.chunks[0].html);
    expect(range(holders[1])).toBe(split.chunks[1].html);
    expect(range(holders[1])).toContain('日本');
    expect(files.html).toContain('data-first="one-quot-quoted-quot"');
    // The title links to the chunk's first heading (a click loads the chunk and lands there).
    expect(files.html).toContain('<a href="#one-quot-quoted-quot">One &quot;quoted&quot;</a>');
    const map = JSON.parse(String(files.files.get(files.mapFile!)!));
    expect(map).toEqual({ version: CHUNK_MAP_VERSION, ids: { 'one-quot-quoted-quot': 0, two: 1, 'two-x': 1 } });
  });

  it("names the chunk map by the chunks' ids, so a cache in front gives it back while they stay", () => {
    const page = (text: string) => { const { html, cuts } = render(text); return splitContent(html, cuts, 1, all); };
    const kept = new Map<string, Buffer>();
    let made = 0;
    const memo = (key: string, make: () => Buffer) => kept.get(key) ?? (made++, kept.set(key, make()).get(key)!);
    const files = (split: SplitContent) => chunkFiles(split, (f) => f, (bytes) => `${bytes.length}`.padEnd(8, 'x'), undefined, memo);
    const plain = chunkFiles(page('# One\n\nText.\n\n# Two\n\nMore.\n'), (f) => f, (bytes) => `${bytes.length}`.padEnd(8, 'x'));
    expect(files(page('# One\n\nText.\n\n# Two\n\nMore.\n'))).toEqual(plain);
    // Other text under the same headings: the same ids, the map from the cache.
    const edited = files(page('# One\n\nText, edited.\n\n# Two\n\nMore.\n'));
    expect(made).toBe(1);
    expect(edited.files.get(edited.mapFile!)).toEqual(plain.files.get(plain.mapFile!));
    // A heading renamed: another id, the map made again.
    const renamed = files(page('# One\n\nText.\n\n# Three\n\nMore.\n'));
    expect(made).toBe(2);
    expect(JSON.parse(String(renamed.files.get(renamed.mapFile!))).ids).toEqual({ three: 0 });
  });

  it('starts a new pack once one holds PACK_BYTES', () => {
    const sections = Array.from({ length: 4 }, (_, i) => `# S${i}\n\n${'word '.repeat(PACK_BYTES / 8)}\n`).join('\n');
    const { html, cuts } = render(sections);
    const files = chunkFiles(splitContent(html, cuts, 1, all), (file) => file, (bytes) => `${bytes.length}`.padEnd(8, 'x'));
    const packs = [...files.html.matchAll(/data-pack="([^"]*)"/g)].map((m) => m[1]);
    expect(packs).toHaveLength(3);
    // Chunks of ~PACK_BYTES / 2: two to a pack.
    expect(new Set(packs).size).toBe(2);
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

  it('writes the start of each page, a placeholder per later chunk, the packs and the id map', async () => {
    const root = tempProject(files);
    const { pages } = await build({ root, quiet: true, lazyContent: 1 }, quiet, { cache: false });
    expect(pages.every((p) => !p.html.includes('\u0000'))).toBe(true);
    const $ = cheerio.load(readFileSync(join(root, 'build', 'index.html'), 'utf8'));
    expect($('.content h1').map((_, h) => h.attribs.id).get()).toEqual(['one']);
    const holders = $('.content .shale-chunk');
    expect(holders.map((_, d) => d.attribs['data-first']).get()).toEqual(['two', 'three']);
    const map = JSON.parse(readFileSync(join(root, 'build', $('body').attr('data-chunk-map')!), 'utf8'));
    expect(map.ids).toEqual({ two: 0, three: 1 });
    const chunks = chunksOf(join(root, 'build', 'index.html'));
    const chunk = cheerio.load(chunks[0]);
    expect(chunk('h1#two').text()).toBe('Two');
    expect(chunk('a[href="#one"]').length).toBe(1);
    expect(cheerio.load(chunks[1])('h1#three').text()).toBe('Three');

    // A page one folder down reaches the same assets folder.
    const guide = cheerio.load(readFileSync(join(root, 'build', 'guide', 'index.html'), 'utf8'));
    const src = guide('.shale-chunk').attr('data-pack')!;
    expect(src).toMatch(/^\.\.\/assets\/pack-[\w-]{8}\.bin$/);
    expect(existsSync(join(root, 'build', 'guide', src))).toBe(true);
    expect(chunksOf(join(root, 'build', 'guide', 'index.html'))).toEqual(['<h1 id="next">Next</h1>\n<p>B.</p>\n']);
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
    for (const chunk of chunksOf(join(root, 'build', 'index.html'))) {
      expect(chunk).toMatch(/^<h[12] id="[^"]+">[^<]+<\/h[12]>\n<p>Text|^<h2 id="alpha-more">Alpha more<\/h2>\n<p>More a\.<\/p>\n$/);
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
      expect(existsSync(assets) ? readdirSync(assets).filter((f) => /^(chunk|pack)-/.test(f)) : []).toEqual([]);
    }
  });
});
