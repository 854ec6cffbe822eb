// Types of search-tokens.js (plain JavaScript so that Node and the page both run it as shipped).
// lunr is passed in rather than imported, so it is typed loosely here: callers pass the module.

/* eslint-disable @typescript-eslint/no-explicit-any */
type Lunr = any;

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
export function createStemmer(lunr: Lunr): (word: string) => string;
export function isStopWord(lunr: Lunr, word: string): boolean;
export function configureBuilder(lunr: Lunr, builder: Lunr): void;
export function queryWords(lunr: Lunr, query: string): QueryWord[];
