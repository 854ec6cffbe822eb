// Search tokens: how text becomes index terms and how a query becomes the terms to look up.
// The build (src/search/index.ts, in Node) and the page (client/search-engine.ts) must split
// text the same way or a word on the page would not find its section, so both import this one
// file. It is plain JavaScript with a .d.ts beside it because it has to run from both trees
// as shipped: Node loads it from dist/ without a TypeScript step, Vite bundles it for the page.
// It imports nothing: lunr is handed in, so the page loads lunr only with the index.

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

/** Lower case, compatibility forms folded, Persian letter variants unified. */
export function normalize(word) {
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
    if (!NO_SPACE.test(run)) {
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
  const terms = [];
  for (const w of splitWords(text)) {
    if (w.cjk) terms.push(...grams(w.word));
    else if (field !== 'code' || usefulInCode(w.word)) terms.push(w.word);
  }
  return terms;
}

/** Stop words and the English stemmer apply to plain ASCII words only: other scripts pass whole. */
export function createStemmer(lunr) {
  const cache = new Map();
  return (word) => {
    if (!ASCII_WORD.test(word)) return word;
    let stem = cache.get(word);
    if (stem === undefined) cache.set(word, (stem = lunr.stemmer(new lunr.Token(word, {})).toString()));
    return stem;
  };
}

export function isStopWord(lunr, word) {
  return !lunr.stopWordFilter(new lunr.Token(word, {}));
}

/**
 * Sets the builder's tokenizer and pipeline. lunr's own would split only on spaces and hyphens,
 * then trim every non-ASCII letter away (so Persian, Cyrillic and CJK words vanished) and stem
 * whatever was left as English.
 */
export function configureBuilder(lunr, builder) {
  const stem = createStemmer(lunr);
  const stemToken = (token) => token.update((s) => stem(s));
  const label = 'shale-stemmer';
  if (!lunr.Pipeline.registeredFunctions[label]) lunr.Pipeline.registerFunction(stemToken, label);
  builder.tokenizer = (value, metadata) => {
    const text = value == null ? '' : String(value);
    return indexTerms(text, metadata?.fields?.[0]).map((t) => new lunr.Token(t, metadata ?? {}));
  };
  builder.pipeline.reset();
  builder.pipeline.add(lunr.stopWordFilter, lunr.Pipeline.registeredFunctions[label]);
  // Queries are built term by term (queryWords) and never parsed: the page needs no pipeline.
  builder.searchPipeline.reset();
}

/**
 * A query as the terms to look up. Every word must match (`exact` term, or for the word being
 * typed, any term starting with `prefix`). A run without spaces must contain each of its pairs.
 * Nothing in a query is syntax: `foo:`, `*^~` and `+-` are separators or nothing at all.
 */
export function queryWords(lunr, query) {
  const stem = createStemmer(lunr);
  const words = splitWords(query);
  const out = [];
  words.forEach((w, i) => {
    const last = i === words.length - 1 && !/[\s\p{P}]$/u.test(query);
    if (w.cjk) {
      for (const p of pairs(w.word)) out.push({ exact: p, prefix: undefined, mark: w.word, cjk: true });
      return;
    }
    const stop = isStopWord(lunr, w.word);
    if (stop && !last) return;
    // One typed letter would expand to a large share of the index for little meaning: wait for two.
    const prefix = last && [...w.word].length > 1 ? w.word : undefined;
    if (stop && !prefix) return;
    out.push({ exact: stop ? undefined : stem(w.word), prefix, mark: w.word, cjk: false });
  });
  return out;
}
