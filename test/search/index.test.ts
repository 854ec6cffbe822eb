// The index builder: one doc per section down to the depth asked for, a version, stored fields
// kept as plain text (the page inserts them as text), and terms for every script in the fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { buildSearchIndex, buildSiteSearchIndex, SEARCH_INDEX_VERSION, snippet } from '../../src/search/index.js';
import { createEngine } from '../../themes/default/client/search-engine.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'search', 'index.html.md'), 'utf8');

function sections(markdown: string, sectionDepth = 3) {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (c) => c, knowsLanguage: () => true, sectionDepth });
  createMarkdown().render(matter(markdown, {}).content, env);
  return env.sections;
}

describe('buildSearchIndex', () => {
  it('has a doc for every heading down to h3, and to h4 when asked', () => {
    const md = '# One\n\na\n\n## Two\n\nb\n\n### Three\n\nc\n\n#### Four\n\nd';
    expect(buildSearchIndex(sections(md)).docs.titles).toEqual(['One', 'Two', 'Three']);
    expect(buildSearchIndex(sections(md, 4)).docs.titles).toEqual(['One', 'Two', 'Three', 'Four']);
    // Parents are stored as the parent section's position: Three's parent is Two, Two's is One.
    expect(buildSearchIndex(sections(md)).docs.parents).toEqual([-1, 0, 1]);
    // The h4 is prose of its h3: its words find the h3.
    const engine = createEngine(buildSearchIndex(sections(md)) as never);
    expect(engine.search('four').hits.map((h) => [h.title, h.parents])).toEqual([['Three', ['One', 'Two']]]);
  });

  it('links each section to the nearest earlier section whose chain is its parents, else keeps the titles', () => {
    const at = (title: string, parents: string[]) => ({ id: title, title, parents, text: '', code: '' });
    const docs = buildSearchIndex([
      at('Orders', []), at('List', ['Orders']), at('Params', ['Orders', 'List']),
      at('Orders', []), at('List', ['Orders']), at('Lost', ['Nowhere']), at('Params', ['Orders', 'List']),
      // Same titles, other chain: Refunds › List is not Orders › List.
      at('Refunds', []), at('Params', ['Refunds', 'List']),
    ]).docs;
    expect(docs.parents).toEqual([-1, 0, 1, -1, 3, ['Nowhere'], 4, -1, ['Refunds', 'List']]);
    // In a site index, a chain is looked for on the section's own page only.
    const site = buildSiteSearchIndex([
      { outPath: 'a.html', sections: [at('Orders', []), at('List', ['Orders'])] },
      { outPath: 'b.html', sections: [at('List', ['Orders'])] },
    ]).docs;
    expect(site.parents).toEqual([-1, 0, ['Orders']]);
  });

  it('carries a format version, and a one-page index stores no snippets (the page has the text)', () => {
    const file = JSON.parse(JSON.stringify(buildSearchIndex(sections(FIXTURE))));
    expect(file.version).toBe(SEARCH_INDEX_VERSION);
    expect(file.snippets).toBeUndefined();
  });

  it('stores snippets in a one-page index when asked (a page in chunks may not have the section yet)', () => {
    const file = buildSearchIndex(sections(FIXTURE), true);
    expect(file.snippets).toHaveLength(file.docs.ids.length);
    expect(file.snippets!.every((s) => s.length <= 161)).toBe(true);
  });

  it('stores a title that looks like markup as the text the reader sees, not as HTML', () => {
    const title = buildSearchIndex(sections(FIXTURE)).docs.titles.find((t) => t.includes('Unsafe'))!;
    expect(title).toBe('<img src=x onerror=window.__xss=1> Unsafe title');
  });

  it('indexes Persian, Chinese, Japanese and Cyrillic words whole (not trimmed away)', () => {
    const { terms } = buildSearchIndex(sections(FIXTURE));
    // Persian words (the half-space splits سفارش‌ها), Arabic-keyboard ي folded into ی.
    expect(terms).toEqual(expect.arrayContaining(['سفارش', 'لغو', 'شناسه', 'торговых', 'пар', 'заявки']));
    // Han and Kana: characters and pairs, so any word inside a run is found.
    expect(terms).toEqual(expect.arrayContaining(['余额', '账户', '余', '注文', '履歴', '取得']));
    // English is stemmed, stop words are out.
    expect(terms).toContain('cancel');
    expect(terms).not.toContain('the');
  });

  it('weighs titles over prose and leaves numbers and hashes in code out', () => {
    const file = buildSearchIndex([
      { id: 'a', title: 'Webhooks', parents: [], text: 'signature', code: 'id: 1234567 sha: 0123456789abcdef0123 event: push' },
    ]);
    expect(file.fields.find((f) => f.name === 'title')!.boost).toBeGreaterThan(1);
    expect(file.fields.find((f) => f.name === 'code')!.boost).toBeLessThan(1);
    expect(file.terms).toEqual(expect.arrayContaining(['push', 'event', 'sha']));
    expect(file.terms).not.toContain('1234567');
    expect(file.terms).not.toContain('0123456789abcdef0123');
  });

  it('leaves out of the code field a key that nearly every example repeats, and keeps it in prose', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, title: `S${i}`, parents: [], text: i === 0 ? 'node_id explained' : 'text', code: `{"node_id": 1, "rare${i}": 2}` }));
    const engine = createEngine(JSON.parse(JSON.stringify(buildSearchIndex(many))));
    expect(engine.search('rare7 ').hits.map((h) => h.id)).toEqual(['s7']);
    expect(engine.search('node_id ').hits.map((h) => h.id)).toEqual(['s0']);
  });

  it('gives each doc its page in a site-wide index', () => {
    const file = buildSiteSearchIndex([
      { outPath: 'index.html', sections: sections('# One\n\nx') },
      { outPath: 'v2/index.html', sections: sections('# One\n\ny') },
    ]);
    const { docs } = file;
    expect(docs.ids.map((id, i) => [docs.pages![docs.page![i]], id])).toEqual([['index.html', 'one'], ['v2/index.html', 'one']]);
    // Results may come from another page: their snippets travel in the index.
    expect(file.snippets).toEqual(['x', 'y']);
    // Each page's "One" is a top-level section of its own page, not the parent of the other.
    expect(docs.parents).toEqual([-1, -1]);
  });
});

// Snippets are made from a prefix of a section's text: they must be what the whole text gives.
/** The snippet from the whole text: every run of white space one space, cut at a word before 160 characters. */
function fromWhole(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 160 ? t : t.slice(0, t.lastIndexOf(' ', 160) + 1 || 160).trimEnd() + '…';
}

describe('snippets', () => {
  it('are what the whole text gives, for runs of white space across every prefix the search reads', () => {
    // A seeded generator: the same cases on every run.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['word', 'x', 'Größe', '日本語', ' ', '  ', '\n\n', '\t', ' '.repeat(700), 'a'.repeat(170), '\u00a0'];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const n = Math.floor(random() * 400);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(random() * pieces.length)];
      expect(snippet(text)).toBe(fromWhole(text));
    }
  });

  it('cut a long text at a word and mark the cut, and keep a short one whole', () => {
    const long = `${'lorem ipsum '.repeat(200)}`;
    expect(snippet(long)).toBe(fromWhole(long));
    expect(snippet(long).endsWith('…')).toBe(true);
    expect(snippet(long).length).toBeLessThanOrEqual(161);
    expect(snippet('  Short   text.\n')).toBe('Short text.');
  });
});
