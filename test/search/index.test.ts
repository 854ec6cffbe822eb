// The index builder: one doc per section down to the depth asked for, a version, stored fields
// kept as plain text (the page inserts them as text), and terms for every script in the fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { buildSearchIndex, buildSiteSearchIndex, SEARCH_INDEX_VERSION } from '../../src/search/index.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'search', 'index.html.md'), 'utf8');

function sections(markdown: string, sectionDepth = 3) {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (c) => c, knowsLanguage: () => true, sectionDepth });
  createMarkdown().render(matter(markdown, {}).content, env);
  return env.sections;
}

describe('buildSearchIndex', () => {
  it('has a doc for every heading down to h3, and to h4 when asked', () => {
    const md = '# One\n\na\n\n## Two\n\nb\n\n### Three\n\nc\n\n#### Four\n\nd';
    expect(buildSearchIndex(sections(md)).docs.map((d) => d.title)).toEqual(['One', 'Two', 'Three']);
    expect(buildSearchIndex(sections(md, 4)).docs.map((d) => d.title)).toEqual(['One', 'Two', 'Three', 'Four']);
    const three = buildSearchIndex(sections(md)).docs[2];
    expect(three.parents).toEqual(['One', 'Two']);
    // The h4 is prose of its h3: its words find the h3.
    expect(three.snippet).toContain('Four');
  });

  it('carries a format version and the lunr version', () => {
    const file = JSON.parse(JSON.stringify(buildSearchIndex(sections(FIXTURE))));
    expect(file.version).toBe(SEARCH_INDEX_VERSION);
    expect(file.lunr).toMatch(/^2\./);
  });

  it('stores a title that looks like markup as the text the reader sees, not as HTML', () => {
    const doc = buildSearchIndex(sections(FIXTURE)).docs.find((d) => d.title.includes('Unsafe'))!;
    expect(doc.title).toBe('<img src=x onerror=window.__xss=1> Unsafe title');
  });

  it('indexes Persian, Chinese, Japanese and Cyrillic words whole (not trimmed away)', () => {
    const { terms } = buildSearchIndex(sections(FIXTURE)).index;
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
    expect(file.index.fields.find((f) => f.name === 'title')!.boost).toBeGreaterThan(1);
    expect(file.index.fields.find((f) => f.name === 'code')!.boost).toBeLessThan(1);
    expect(file.index.terms).toEqual(expect.arrayContaining(['push', 'event', 'sha']));
    expect(file.index.terms).not.toContain('1234567');
    expect(file.index.terms).not.toContain('0123456789abcdef0123');
  });

  it('gives each doc its page in a site-wide index', () => {
    const file = buildSiteSearchIndex([
      { outPath: 'index.html', sections: sections('# One\n\nx') },
      { outPath: 'v2/index.html', sections: sections('# One\n\ny') },
    ]);
    expect(file.docs.map((d) => [d.page, d.id])).toEqual([['index.html', 'one'], ['v2/index.html', 'one']]);
  });
});
