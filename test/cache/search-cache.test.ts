// The search index and its term counts kept between builds (src/cache/search-cache.ts): an
// unchanged site reuses the index, an edit counts only the edited sections' terms again, and a
// damaged file of counts is ignored. Each time the index is the one made without any cache.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedSearchIndexes } from '../../src/cache/search-cache.js';
import { searchIndexes } from '../../src/search/scope.js';
import type { TermCounter } from '../../src/search/term-counts.js';
import type { Page, Section } from '../../src/types.js';

const section = (id: string, text: string): Section => ({ id, title: id, parents: [], text, code: '' });
const page = (key: string, sections: Section[]) => ({ source: { outPath: 'index.html', frontmatter: { search: true }, key }, sections }) as unknown as Page;
const SECTIONS = [section('orders', 'List every order.'), section('refunds', 'Give the money back.'), section('errors', 'What can go wrong.')];

/** One build's search stage: the indexes, and how many sections it cut into terms (undefined: index reused). */
function run(dir: string, p: Page) {
  let counter: TermCounter | undefined;
  let fromLast = false;
  const indexes = cachedSearchIndexes(dir, '/src', [p], (x) => (x.source as unknown as { key: string }).key, (ps, c, kept) => {
    counter = c;
    fromLast = kept.last.has('index.html');
    return searchIndexes(ps, undefined, c, kept);
  });
  return { index: indexes.get('index.html'), counted: counter?.counted(), fromLast };
}

describe('the search cache', () => {
  it('reuses the index when nothing changed, and after an edit counts the edited section alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-search-cache-'));
    const first = run(dir, page('a', SECTIONS));
    expect(first.counted).toBe(3);
    expect(run(dir, page('a', SECTIONS))).toEqual({ index: first.index, counted: undefined, fromLast: false });
    const edited = [SECTIONS[0], section('refunds', 'Return the payment.'), SECTIONS[2]];
    const second = run(dir, page('b', edited));
    expect(second.counted).toBe(1);
    // Made from the last build's index (src/search/index-update.ts), and the same as one made afresh.
    expect(second.fromLast).toBe(true);
    expect(second.index).toBe(searchIndexes([page('b', edited)]).get('index.html'));
  });

  it('ignores a damaged file of term counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-search-cache-'));
    run(dir, page('a', SECTIONS));
    const [terms] = readdirSync(dir).filter((f) => f.startsWith('search-terms-'));
    writeFileSync(join(dir, terms), '{"tokens":"x","entries":[["a"');
    const again = run(dir, page('b', SECTIONS));
    expect(again.counted).toBe(3);
    expect(again.index).toBe(searchIndexes([page('b', SECTIONS)]).get('index.html'));
  });

  it('writes an edit\'s new term counts beside the others, and all of them again once a quarter are new or unused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-search-cache-'));
    const many = Array.from({ length: 20 }, (_, i) => section(`s${i}`, `Section number ${i} of the reference.`));
    const files = () => readdirSync(dir).filter((f) => f.startsWith('search-terms-')).sort();
    const base = () => files().find((f) => !f.startsWith('search-terms-added-'));
    const added = () => files().find((f) => f.startsWith('search-terms-added-'));
    expect(run(dir, page('k0', many)).counted).toBe(20);
    const baseText = readFileSync(join(dir, base()!), 'utf8');
    expect(added()).toBeUndefined();

    // Edits 1 to 5 each cut one section into terms; the base stays as it was, the added file grows.
    let sections = many;
    for (let e = 1; e <= 5; e++) {
      sections = sections.map((s, i) => (i === e ? section(s.id, `Edited section ${e}.`) : s));
      const r = run(dir, page(`k${e}`, sections));
      expect(r.counted).toBe(1);
      expect(r.index).toBe(searchIndexes([page('x', sections)]).get('index.html'));
      expect(readFileSync(join(dir, base()!), 'utf8')).toBe(baseText);
      expect((JSON.parse(readFileSync(join(dir, added()!), 'utf8')) as { entries: unknown[] }).entries).toHaveLength(e);
    }
    // Every text seen so far is known: the first sections again cut nothing.
    expect(run(dir, page('k-again', many)).counted).toBe(0);
    const staleAdded = readFileSync(join(dir, added()!), 'utf8');

    // A sixth new entry is over a quarter of the base's 20: the base is written again with this
    // build's entries alone (edits 1 to 5 are not among them), and the added file is removed.
    const sixth = many.map((s, i) => (i === 6 ? section(s.id, 'Edited section 6.') : s));
    expect(run(dir, page('k6', sixth)).counted).toBe(1);
    expect(readFileSync(join(dir, base()!), 'utf8')).not.toBe(baseText);
    expect(added()).toBeUndefined();

    // An added file left from the old base is not read: edit 1's text, which only it holds, is cut again.
    writeFileSync(join(dir, base()!.replace('search-terms-', 'search-terms-added-')), staleAdded);
    const back = sixth.map((s, i) => (i === 1 ? section(s.id, 'Edited section 1.') : s));
    const r = run(dir, page('k-back', back));
    expect(r.counted).toBe(1);
    expect(r.index).toBe(searchIndexes([page('y', back)]).get('index.html'));
  });
});
