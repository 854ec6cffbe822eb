// Search tokens: how text becomes index terms and how a query becomes the terms to look up.
// The build (src/search/index.ts, in Node) and the page (client/search-engine.ts) must split
// text the same way or a word on the page would not find its section, so both import this one
// file. It is plain JavaScript with a .d.ts beside it because it has to run from both trees
// as shipped: Node loads it from dist/ without a TypeScript step, Vite bundles it for the page.
// Its one import, the stemmer, is loaded by the page only with the search.

import { stemmer } from 'stemmer';

// Scripts written without spaces between words: indexed as single characters and pairs.
const NO_SPACE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const NO_SPACE_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
// A word: letters, digits, combining marks, underscore. Everything else separates words, so
// `/v1/orders`, `user.name` and `foo:` give their parts; ZWNJ (Persian half-space) separates too.
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;
// Arabic diacritics and the tatweel are optional in writing; Arabic yeh/kaf are typed for
// Persian ی/ک on many keyboards.
const OPTIONAL_MARKS = /[\u064b-\u065f\u0670\u0640]/g;
const ASCII_WORD = /^[a-z][a-z0-9_]*$/;

// Most of an API reference is ASCII: such text takes a shorter path with the same result.
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_WORDS = /[a-z0-9_]+/g;

/** Lower case, compatibility forms folded, Persian letter variants unified. */
export function normalize(word) {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKC').toLowerCase().replace(OPTIONAL_MARKS, '').replace(/\u064a/g, '\u06cc').replace(/\u0643/g, '\u06a9');
}

/**
 * The words of `text` with their place in it: `cjk` runs (scripts without spaces) are whole
 * runs here; indexTerms and queryWords cut them into characters and pairs.
 */
export function splitWords(text) {
  const words = [];
  for (const m of text.matchAll(WORD)) {
    const run = m[0];
    if (!NON_ASCII.test(run) || !NO_SPACE.test(run)) {
      words.push({ word: normalize(run), start: m.index, end: m.index + run.length, cjk: false });
      continue;
    }
    for (const part of run.matchAll(NO_SPACE_RUNS)) {
      const start = m.index + part.index;
      words.push({ word: normalize(part[0]), start, end: start + part[0].length, cjk: NO_SPACE.test(part[0]) });
    }
  }
  return words;
}

/** Each character and each pair of neighbours: a query cut the same way finds any substring. */
function grams(run) {
  const chars = [...run];
  const out = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** Pairs only (a single character stays itself): what a query needs to match, in order. */
function pairs(run) {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Code yields much noise; ids, numbers and hashes are not what readers type. */
function usefulInCode(term) {
  return term.length >= 2 && term.length <= 40 && !/^[\d_]+$/.test(term) && !/^[\da-f]{12,}$/.test(term);
}

/** Index terms of a field's text, before stop words and stemming. */
export function indexTerms(text, field) {
  if (!NON_ASCII.test(text)) {
    // The words of ASCII text are its runs of letters, digits and `_`, in lower case.
    const words = text.toLowerCase().match(ASCII_WORDS) ?? [];
    return field === 'code' ? words.filter(usefulInCode) : words;
  }
  const terms = [];
  for (const w of splitWords(text)) {
    if (w.cjk) terms.push(...grams(w.word));
    else if (field !== 'code' || usefulInCode(w.word)) terms.push(w.word);
  }
  return terms;
}

// Words too common in English prose to tell sections apart. Left out of the index and of a
// finished query word; a stop word still being typed is matched as a prefix (`the` → `theme`).
const STOP_WORDS = new Set(`a about after all also am an and any are as at be because been but by can could did do does
each for from had has have he her his how i if in into is it its just may me more most my no nor not of off on only or
other our out over own same she should so some such than that the their them then there these they this those through
to too under up us very was we were what when where which while who whom why will with would you your`.split(/\s+/));

export function isStopWord(word) {
  return STOP_WORDS.has(word);
}

/**
 * The English (Porter) stemmer, for plain ASCII words only: other scripts pass whole. The
 * `stemmer` package is small (about 1.5 KB in the page) and well tested, where lunr would bring
 * its whole library to the page for this one function.
 */
export function createStemmer() {
  const cache = new Map();
  return (word) => {
    if (!ASCII_WORD.test(word)) return word;
    let stem = cache.get(word);
    if (stem === undefined) cache.set(word, (stem = stemmer(word)));
    return stem;
  };
}

/**
 * The index terms of a field's text, with how often each occurs: words cut by indexTerms, stop
 * words left out, English words stemmed. `length` counts the terms kept, as BM25 wants it.
 */
export function termCounts(text, field, stem) {
  const counts = new Map();
  let length = 0;
  for (const term of indexTerms(text, field)) {
    if (STOP_WORDS.has(term)) continue;
    const t = stem(term);
    counts.set(t, (counts.get(t) ?? 0) + 1);
    length++;
  }
  return { counts, length };
}

/**
 * A query as the terms to look up. Every word must match (`exact` term, or for the word being
 * typed, any term starting with `prefix`). A run without spaces must contain each of its pairs.
 * Nothing in a query is syntax: `foo:`, `*^~` and `+-` are separators or nothing at all.
 */
export function queryWords(query, stem = createStemmer()) {
  const words = splitWords(query);
  const out = [];
  words.forEach((w, i) => {
    const last = i === words.length - 1 && !/[\s\p{P}]$/u.test(query);
    if (w.cjk) {
      for (const p of pairs(w.word)) out.push({ exact: p, prefix: undefined, mark: w.word, cjk: true });
      return;
    }
    const stop = STOP_WORDS.has(w.word);
    if (stop && !last) return;
    // One typed letter would expand to a large share of the index for little meaning: wait for two.
    const prefix = last && [...w.word].length > 1 ? w.word : undefined;
    if (stop && !prefix) return;
    out.push({ exact: stop ? undefined : stem(w.word), prefix, mark: w.word, cjk: false });
  });
  return out;
}
