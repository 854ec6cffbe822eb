// Each section's terms, kept between indexes: an unchanged section's counts come from the memo,
// an edited one is cut into terms again, and the index is the one built without any memo.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/index.js';
import { createTermCounter, type TermMemo } from '../../src/search/term-counts.js';
import type { Section } from '../../src/types.js';

const section = (id: string, text: string, code = ''): Section => ({ id, title: id, parents: [], text, code });
const SECTIONS = [
  section('orders', 'List every order of the account.', 'curl /orders'),
  section('refunds', 'Give the money back to the customer.'),
  section('errors', 'What can go wrong, and the codes returned.'),
];

describe('the term counter', () => {
  it('counts each section once, and a later index from its memo only the edited one', () => {
    const first = createTermCounter();
    const fresh = buildSearchIndex(SECTIONS, false, first);
    expect(first.counted()).toBe(3);
    expect(fresh.terms).toContain('monei'); // "money", stemmed
    const edited = [SECTIONS[0], section('refunds', 'Return the payment to the customer.'), SECTIONS[2]];
    const second = createTermCounter(first.used);
    const index = buildSearchIndex(edited, false, second);
    expect(second.counted()).toBe(1);
    expect(second.changed()).toBe(true);
    // Same as an index made without a memo, and the old text's terms are gone.
    expect(index).toEqual(buildSearchIndex(edited));
    expect(index.terms).toContain('payment');
    expect(index.terms).not.toContain('monei');
    expect(index).not.toEqual(fresh);
    // The memo it leaves holds just the three sections asked for: the old refunds text is dropped.
    expect(second.used.size).toBe(3);
  });

  it('takes an unchanged section from the memo instead of cutting its text again', () => {
    const first = createTermCounter();
    buildSearchIndex(SECTIONS, false, first);
    // The memo's entry for "orders" is given another term: an index from the memo shows it.
    const memo = first.usedEntries();
    const [key, fields] = [...memo].find(([, f]) => f[1].includes('order'))!;
    memo.set(key, [fields[0], [1, 'planted', 1], fields[2]]);
    const counter = createTermCounter(memo);
    const index = buildSearchIndex(SECTIONS, false, counter);
    expect(counter.counted()).toBe(0);
    expect(counter.changed()).toBe(false);
    expect(index.terms).toContain('planted');
  });

  it('keeps a known section by its key without reading its counts, and says so for an unknown one', () => {
    const first = createTermCounter();
    buildSearchIndex(SECTIONS, false, first);
    const entries = first.usedEntries();
    const reads: string[] = [];
    const memo: TermMemo = { size: entries.size, has: (k) => entries.has(k), get: (k) => (reads.push(k), entries.get(k)), keys: () => entries.keys() };
    const counter = createTermCounter(memo);
    expect(counter.keep(SECTIONS[0])).toBe(true);
    expect(counter.keep(section('new', 'Not seen before.'))).toBe(false);
    expect(reads).toEqual([]);
    // Kept entries are in the memo it leaves, read only when that memo is.
    expect([...counter.used.keys()]).toEqual([counter.key(SECTIONS[0])]);
    expect(counter.usedEntries().get(counter.key(SECTIONS[0]))).toEqual(entries.get(counter.key(SECTIONS[0])));
    expect(reads).toHaveLength(1);
    expect(counter.changed()).toBe(true); // two of the memo's entries unused
  });
});
