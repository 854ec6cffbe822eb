import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parameterize, redcarpetSlug, slateSlug, transliterate, uniqueId } from '../../src/transform/slug.js';

const sha10 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex').slice(0, 10);

describe('slateSlug (Slate UniqueHeadCounter, before de-duplication)', () => {
  it('keeps Redcarpet entities as words', () => {
    expect(slateSlug('Kitten&#39;s Name')).toBe('kitten-39-s-name');
    expect(slateSlug('Errors &amp; Codes')).toBe('errors-amp-codes');
    expect(slateSlug('Say &quot;hi&quot;')).toBe('say-quot-hi-quot');
  });

  it('strips tags before parameterizing', () => {
    expect(slateSlug('The <code>user_id</code> field')).toBe('the-user_id-field');
    expect(slateSlug('<em>Get</em> all')).toBe('get-all');
  });

  it('transliterates Latin letters as Rails does', () => {
    expect(slateSlug('Paginação')).toBe('paginacao');
    expect(slateSlug('Straße Ærø')).toBe('strasse-aero');
    expect(slateSlug('Łódź Œuvre')).toBe('lodz-oeuvre');
    // Decomposed input is composed first, as ActiveSupport does.
    expect(slateSlug('Cafe\u0301')).toBe('cafe');
  });

  it('drops letters Rails has no approximation for', () => {
    // Vietnamese ệ, Greek, Cyrillic: outside Rails' table, so they only separate words.
    expect(slateSlug('Tiếng API')).toBe('ti-ng-api');
    expect(slateSlug('API ключ')).toBe('api');
    expect(slateSlug('1 ÷ 2')).toBe('1-2');
  });

  it('collapses and trims separators, keeps _ and -', () => {
    expect(slateSlug('  --Hello,   World!--  ')).toBe('hello-world');
    expect(slateSlug('snake_case and kebab-case')).toBe('snake_case-and-kebab-case');
    expect(slateSlug('GET /v1/users/{id}')).toBe('get-v1-users-id');
  });

  it('falls back to 10 hex digits of SHA-1 of the inner HTML when nothing is left', () => {
    expect(slateSlug('احراز هویت')).toBe(sha10('احراز هویت'));
    expect(slateSlug('认证')).toBe(sha10('认证'));
    // The hash covers the HTML as written, tags included.
    expect(slateSlug('<bdi>认证</bdi>')).toBe(sha10('<bdi>认证</bdi>'));
    expect(slateSlug('<bdi>认证</bdi>')).not.toBe(slateSlug('认证'));
  });
});

describe('parameterize / transliterate', () => {
  it('marks characters without approximation', () => {
    expect(transliterate('añb中')).toBe('anb?');
    expect(parameterize('中文')).toBe('');
  });
});

describe('redcarpetSlug (Redcarpet with_toc_data)', () => {
  it('skips entities and tags, one dash per run of stripped characters', () => {
    expect(redcarpetSlug('Kitten&#39;s Name')).toBe('kittens-name');
    expect(redcarpetSlug('Errors &amp; Codes')).toBe('errors-codes');
    expect(redcarpetSlug('The <code>id</code> field.')).toBe('the-id-field');
    expect(redcarpetSlug('Café au lait')).toBe('caf-au-lait');
  });

  it('falls back to part- and a 64-bit djb2 hash of the bytes', () => {
    let h = 5381n;
    for (const b of Buffer.from('认证')) h = (h * 33n + BigInt(b)) % 2n ** 64n;
    expect(redcarpetSlug('认证')).toBe(`part-${h.toString(16)}`);
  });
});

describe('uniqueId', () => {
  it('numbers repeats from 2 and never reuses an id', () => {
    const ids = new Map<string, number>();
    expect(['a', 'a', 'a'].map((b) => uniqueId(b, ids))).toEqual(['a', 'a-2', 'a-3']);
    // "a-2" was handed out already, so a heading whose own id is a-2 moves on.
    expect(uniqueId('a-2', ids)).toBe('a-2-2');
  });

  it('skips a numbered id that an earlier heading took literally', () => {
    const ids = new Map<string, number>();
    expect(['b-2', 'b', 'b'].map((x) => uniqueId(x, ids))).toEqual(['b-2', 'b', 'b-3']);
  });
});
