// Where a query's words occur in a text, for marking them in titles, snippets and the chosen
// section. It runs on the page (the worker answers the query; the page marks what it shows) and
// brings the English stemmer, so it is loaded with the search, never before.

import { createStemmer, splitWords, type QueryWord } from './search-tokens.js';
import type { Range } from './search-marks';

export type { QueryWord, Range };

/** ranges(text, words): the words' places in `text`, in order. */
export function createMatcher(): (text: string, words: QueryWord[]) => Range[] {
  const stem = createStemmer();
  return (text, words) => {
    const out: Range[] = [];
    const latin = words.filter((w) => !w.cjk);
    if (latin.length) {
      for (const t of splitWords(text)) {
        if (t.cjk) continue;
        const hit = latin.some((w) => (w.prefix !== undefined && t.word.startsWith(w.prefix)) || (w.exact !== undefined && stem(t.word) === w.exact));
        if (hit) out.push({ start: t.start, end: t.end });
      }
    }
    const lower = text.toLowerCase();
    for (const run of new Set(words.filter((w) => w.cjk).map((w) => w.mark))) {
      for (let i = lower.indexOf(run); i !== -1; i = lower.indexOf(run, i + run.length)) out.push({ start: i, end: i + run.length });
    }
    return out.sort((a, b) => a.start - b.start);
  };
}
