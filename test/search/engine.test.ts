// The engine (the page's search worker runs it) over an index from the builder: it must rank
// exactly as the lunr index it stands for, and every query (syntax characters included) must be answered.
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/index.js';
import { createEngine } from '../../themes/default/client/search-engine.js';
import { createMatcher } from '../../themes/default/client/search-match.js';
import { createStemmer, indexTerms, isStopWord } from '../../themes/default/client/search-tokens.js';
import type { Section } from '../../src/types.js';

const section = (id: string, title: string, text: string, code = '', parents: string[] = []): Section => ({ id, title, parents, text, code });

const SECTIONS = [
  section('orders', 'Orders', 'Create and cancel orders. An order has a price and an amount.', 'curl https://api.example.com/orders'),
  section('create-order', 'Create an order', 'Places a limit order. Returns the order id.', 'POST /orders {"price": 10}', ['Orders']),
  section('cancel-order', 'Cancel an order', 'Cancels an open order by its id.', '', ['Orders']),
  section('balances', 'Balances', 'Wallet balances per currency; creating a wallet is free.', 'GET /wallets'),
];

describe('search engine', () => {
  it('scores as lunr\'s own index would (same refs, same order, same scores)', () => {
    const engine = createEngine(JSON.parse(JSON.stringify(buildSearchIndex(SECTIONS))));
    const reference = lunr(function () {
      // lunr with shale's way of cutting text into terms: the scores must then be the same.
      const stem = createStemmer();
      this.tokenizer = Object.assign((value: unknown, metadata: { fields?: string[] }) =>
        indexTerms(String(value ?? ''), metadata?.fields?.[0]).map((t) => new lunr.Token(t, metadata ?? {})), lunr.tokenizer);
      const pipe = (t: lunr.Token) => (isStopWord(t.toString()) ? undefined : t.update((s) => stem(s)));
      lunr.Pipeline.registerFunction(pipe as lunr.PipelineFunction, 'shale-test-terms');
      this.pipeline.reset();
      this.pipeline.add(pipe as lunr.PipelineFunction);
      this.searchPipeline.reset();
      this.ref('ref');
      this.field('title', { boost: 10 });
      this.field('text');
      this.field('code', { boost: 0.3 });
      SECTIONS.forEach((s, i) => this.add({ ref: String(i), title: s.title, text: s.text, code: s.code }));
    });
    const expected = reference.query((q) => q.term('order', { usePipeline: false })).map((r) => SECTIONS[Number(r.ref)].id);
    expect(engine.search('order ').hits.map((d) => d.id)).toEqual(expected);
    expect(expected.slice(0, 3).sort()).toEqual(['cancel-order', 'create-order', 'orders']);
  });

  it('matches the last word as a prefix and stems English words', () => {
    const engine = createEngine(buildSearchIndex(SECTIONS) as never);
    expect(engine.search('bal').hits.map((d) => d.id)).toEqual(['balances']);
    // "creating" and "create" share a stem; "cre" is a prefix of both.
    expect(engine.search('creating').hits.map((d) => d.id)).toContain('create-order');
    expect(engine.search('cre').hits.map((d) => d.id)).toEqual(expect.arrayContaining(['create-order', 'balances']));
  });

  it('requires every word: a second word narrows the results', () => {
    const engine = createEngine(buildSearchIndex(SECTIONS) as never);
    expect(engine.search('order').hits.length).toBe(3);
    expect(engine.search('cancel order').hits.map((d) => d.id)).toEqual(['cancel-order', 'orders']);
    expect(engine.search('order wallet').hits).toEqual([]);
  });

  it('answers queries full of lunr syntax without throwing', () => {
    const engine = createEngine(buildSearchIndex(SECTIONS) as never);
    for (const q of ['foo:', '*^~', 'title:orders', '+order -cancel', 'order~2', 'ord*', '^', ':', '"', '\\', '(', 'price^10']) {
      expect(() => engine.search(q)).not.toThrow();
    }
    expect(engine.search('orders:').hits.length).toBe(3);
    expect(engine.search('*^~').hits).toEqual([]);
  });

  it('refuses an index of another version with a message saying what to do', () => {
    const file = { ...buildSearchIndex(SECTIONS), version: 1 };
    expect(() => createEngine(file as never)).toThrow(/rebuild the site/);
  });

  it('finds where the query\'s words are in a text, for marking', () => {
    const engine = createEngine(buildSearchIndex(SECTIONS) as never);
    const { words } = engine.search('cancel ord');
    const text = 'Cancelling orders: cancel any order.';
    expect(createMatcher()(text, words).map((r) => text.slice(r.start, r.end))).toEqual(['Cancelling', 'orders', 'cancel', 'order']);
  });

  it('gives each result its parent headings, from the sections above it', () => {
    const engine = createEngine(buildSearchIndex([
      section('a', 'Orders', 'x'),
      section('b', 'Create', 'alpha', '', ['Orders']),
      section('c', 'Options', 'alpha beta', '', ['Orders', 'Create']),
      section('d', 'Orphan', 'beta', '', ['Missing heading']),
    ]) as never);
    expect(engine.search('alpha ').hits.map((h) => [h.title, h.parents])).toEqual(expect.arrayContaining([['Create', ['Orders']], ['Options', ['Orders', 'Create']]]));
    expect(engine.search('beta ').hits.find((h) => h.id === 'd')!.parents).toEqual(['Missing heading']);
  });

  it('answers a two-letter prefix over thousands of terms, the most common expansion first', () => {
    // 3,000 sections, each with its own rare word starting "re", and one word they all share.
    const many = Array.from({ length: 3000 }, (_, i) => section(`s${i}`, `S ${i}`, `re${i.toString(36)}x common`));
    many.push(section('all', 'Report', 'report report report'));
    const engine = createEngine(JSON.parse(JSON.stringify(buildSearchIndex(many))));
    const hits = engine.search('re', 5).hits;
    expect(hits.length).toBe(5);
    expect(hits[0].id).toBe('all');
  });

  it('keeps the best `limit` results in the order of the whole ranked list, ties in page order', () => {
    // Sections weighed 1 to 4 by how often they say "token", so many share a score.
    const many = Array.from({ length: 300 }, (_, i) => section(`s${i}`, `S ${i}`, `${'token '.repeat(1 + ((i * 7) % 4))}word${i % 3}`));
    const engine = createEngine(JSON.parse(JSON.stringify(buildSearchIndex(many))));
    for (const query of ['token', 'token word1', 'tok']) {
      const all = engine.search(query, 10_000).hits.map((h) => h.id);
      expect(all.length).toBeGreaterThan(50);
      for (const limit of [1, 7, 20]) expect(engine.search(query, limit).hits.map((h) => h.id)).toEqual(all.slice(0, limit));
    }
    // Equal scores keep page order: s0, s4, s8 … weigh the same (one "token", same length).
    const ties = engine.search('token', 10_000).hits.map((h) => h.id).filter((id) => ['s0', 's4', 's8', 's12'].includes(id));
    expect(ties).toEqual(['s0', 's4', 's8', 's12']);
  });
});
