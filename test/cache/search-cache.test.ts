// The search index and its term counts kept between builds (src/cache/search-cache.ts): an
// unchanged site reuses the index, an edit counts only the edited sections' terms again, and a
// damaged file of counts is ignored. Each time the index is the one made without any cache.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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
  const indexes = cachedSearchIndexes(dir, '/src', [p], (x) => (x.source as unknown as { key: string }).key, (ps, c) => {
    counter = c;
    return searchIndexes(ps, undefined, c);
  });
  return { index: indexes.get('index.html'), counted: counter?.counted() };
}

describe('the search cache', () => {
  it('reuses the index when nothing changed, and after an edit counts the edited section alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-search-cache-'));
    const first = run(dir, page('a', SECTIONS));
    expect(first.counted).toBe(3);
    expect(run(dir, page('a', SECTIONS))).toEqual({ index: first.index, counted: undefined });
    const edited = [SECTIONS[0], section('refunds', 'Return the payment.'), SECTIONS[2]];
    const second = run(dir, page('b', edited));
    expect(second.counted).toBe(1);
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
});
