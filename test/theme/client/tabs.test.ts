// The language choice a reader gets on arrival, and the URL a tab click writes.
import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  languageFromSearch,
  parseLanguages,
  urlWithLanguage,
} from '../../../themes/default/client/tabs';

const tabs = ['shell', 'ruby', 'python'];

describe('parseLanguages', () => {
  it('reads the JSON list the build writes on body', () => {
    expect(parseLanguages('["shell","ruby"]')).toEqual(['shell', 'ruby']);
  });

  it('treats a missing or malformed attribute as no tabs', () => {
    expect(parseLanguages(undefined)).toEqual([]);
    expect(parseLanguages('{not json')).toEqual([]);
    expect(parseLanguages('{"a":1}')).toEqual([]);
    expect(parseLanguages('["ruby",3]')).toEqual(['ruby']);
  });
});

describe('languageFromSearch', () => {
  it('accepts ?language=key and Slate\'s bare ?key', () => {
    expect(languageFromSearch('?language=python', tabs)).toBe('python');
    expect(languageFromSearch('?ruby', tabs)).toBe('ruby');
    expect(languageFromSearch('?utm_source=x&ruby', tabs)).toBe('ruby');
  });

  it('ignores keys the page has no tab for', () => {
    expect(languageFromSearch('?language=go', tabs)).toBeUndefined();
    expect(languageFromSearch('?go', tabs)).toBeUndefined();
    // "?ruby=1" is some other parameter, not a language choice.
    expect(languageFromSearch('?ruby=1', tabs)).toBeUndefined();
  });
});

describe('chooseLanguage', () => {
  it('prefers the URL, then the stored choice, then the first tab', () => {
    expect(chooseLanguage('?language=python', 'ruby', tabs)).toBe('python');
    expect(chooseLanguage('', 'ruby', tabs)).toBe('ruby');
    expect(chooseLanguage('', null, tabs)).toBe('shell');
  });

  it('drops a stored language this page does not offer', () => {
    expect(chooseLanguage('', 'javascript', tabs)).toBe('shell');
    expect(chooseLanguage('?language=go', 'javascript', tabs)).toBe('shell');
  });

  it('has nothing to choose on a page without tabs', () => {
    expect(chooseLanguage('?ruby', 'ruby', [])).toBeUndefined();
  });
});

describe('urlWithLanguage', () => {
  it('keeps the path, other parameters and the hash', () => {
    expect(urlWithLanguage('https://x.test/docs/?v=2#errors', 'ruby', tabs)).toBe(
      'https://x.test/docs/?v=2&language=ruby#errors',
    );
  });

  it('replaces an earlier choice in either form', () => {
    expect(urlWithLanguage('https://x.test/?language=shell#a', 'python', tabs)).toBe(
      'https://x.test/?language=python#a',
    );
    expect(urlWithLanguage('https://x.test/?ruby#a', 'python', tabs)).toBe('https://x.test/?language=python#a');
  });
});
