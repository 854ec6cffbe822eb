// Cutting text into search terms, shared by the build and the page.
import { describe, expect, it } from 'vitest';
import { createStemmer, indexTerms, queryWords, splitWords, termCounts } from '../../themes/default/client/search-tokens.js';

describe('search tokens', () => {
  it('splits on punctuation, so paths, dotted names and `foo:` give their words', () => {
    expect(indexTerms('GET /v1/orders user.name foo: a-b')).toEqual(['get', 'v1', 'orders', 'user', 'name', 'foo', 'a', 'b']);
  });

  it('keeps places in the original text for marking', () => {
    const text = 'Hi Торговые 余额!';
    expect(splitWords(text).map((w) => text.slice(w.start, w.end))).toEqual(['Hi', 'Торговые', '余额']);
  });

  it('unifies Arabic and Persian letter forms and drops optional marks', () => {
    expect(indexTerms('سفارشي كاربر')).toEqual(indexTerms('سفارشی کاربر'));
    expect(indexTerms('سِفارش')).toEqual(['سفارش']);
  });

  it('cuts a query in Chinese into pairs, each required', () => {
    expect(queryWords('账户余额').map((w) => w.exact)).toEqual(['账户', '户余', '余额']);
    expect(queryWords('余').map((w) => w.exact)).toEqual(['余']);
  });

  it('matches the word being typed as a prefix, finished words exactly, and drops stop words', () => {
    expect(queryWords('the cancelled ord')).toEqual([
      { exact: 'cancel', prefix: undefined, mark: 'cancelled', cjk: false },
      { exact: 'ord', prefix: 'ord', mark: 'ord', cjk: false },
    ]);
    expect(queryWords('order ')[0].prefix).toBeUndefined();
  });

  it('turns lunr syntax into nothing', () => {
    expect(queryWords('*^~:+-')).toEqual([]);
  });

  it('stems English words only, and counts the terms a field keeps', () => {
    const stem = createStemmer();
    expect(['connections', 'connected', 'connecting'].map(stem)).toEqual(['connect', 'connect', 'connect']);
    expect(stem('заказы')).toBe('заказы');
    const { counts, length } = termCounts('The orders and the ordered order', 'text', stem);
    expect([...counts]).toEqual([['order', 3]]);
    expect(length).toBe(3);
  });
});
