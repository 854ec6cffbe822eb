// Types of search-tokens.js (plain JavaScript so that Node and the page both run it as shipped).

export interface Word {
  /** Normalised: lower case, NFKC, Persian letter variants unified. */
  word: string;
  /** Place of the word in the original text. */
  start: number;
  end: number;
  /** A run of a script written without spaces (Han, Kana, Thai, …). */
  cjk: boolean;
}

export interface QueryWord {
  /** Index term that satisfies the word (already stemmed); undefined for a stop word being typed. */
  exact: string | undefined;
  /** For the last word while it is typed: any index term starting with this satisfies it. */
  prefix: string | undefined;
  /** The normalised word as typed, to mark in snippets and on the page. */
  mark: string;
  cjk: boolean;
}

export function normalize(word: string): string;
export function splitWords(text: string): Word[];
export function indexTerms(text: string, field?: string): string[];
export type Stemmer = (word: string) => string;
export function createStemmer(): Stemmer;
export function isStopWord(word: string): boolean;
export function termCounts(text: string, field: string | undefined, stem: Stemmer): { counts: Map<string, number>; length: number };
/** `stem`: a stemmer made once (it caches), when many queries are cut. */
export function queryWords(query: string, stem?: Stemmer): QueryWord[];
