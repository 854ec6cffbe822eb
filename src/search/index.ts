// search: sections → a prebuilt index, built once at build time (Slate rebuilt it in the
// browser on every load). The file carries a format version so a page never loads an index
// written by another shale version without noticing, and stored fields for the results list.
// Text is cut into terms by the theme's search-tokens.js, the very code the page runs on the
// query, so a Persian, Cyrillic or Chinese word from the page finds its section.

import { hash } from '../cache/theme-cache.js';
import type { Section } from '../types.js';
import { encodePostings } from './postings.js';
import { createTermCounter, FIELD_NAMES, type TermCounter } from './term-counts.js';

export { snippet } from './snippet.js';
import type { SearchIndexFile } from '../../themes/default/client/search-format.js';

/** Bump when the layout of the file below, or how text is cut into terms, changes. */
export const SEARCH_INDEX_VERSION = 6;

// The file's layout is one type shared with the page's search engine (type-only, so the node and
// browser code stay apart): themes/default/client/search-format.d.ts.
export type { SearchIndexFile, StoredDocs } from '../../themes/default/client/search-format.js';

export interface PageSections {
  outPath: string;
  sections: Section[];
}

/**
 * One page's index (the default: each page searches its own sections). Its results show the
 * start of each section as the page has it, so no snippets are stored, unless `snippets`: a page
 * in chunks (src/output/chunks.ts) may not have a result's section yet.
 */
export function buildSearchIndex(sections: Section[], snippets = false, counter: TermCounter = createTermCounter()): SearchIndexFile {
  return pageIndexWithBasis(sections, snippets, counter).index;
}

/**
 * buildSearchIndex, and what the next build may update it from (index-update.ts): each section's
 * key in the term counts, and the code terms left out as common, with their section counts.
 */
export function pageIndexWithBasis(sections: Section[], snippets: boolean, counter: TermCounter): { index: SearchIndexFile; basis: IndexBasis } {
  const { common, ...inverted } = invert(sections, counter);
  return { index: assemble(inverted, sections.map((section) => ({ section })), counter, snippets), basis: { keys: sections.map((s) => counter.key(s)), common } };
}

/** What a page's index was made from, kept for the next build (pageIndexWithBasis). */
export interface IndexBasis {
  keys: string[];
  common: Array<[string, number]>;
}

/** One index over every given page, each result knowing its page (`search: site`). */
export function buildSiteSearchIndex(pages: PageSections[], counter: TermCounter = createTermCounter()): SearchIndexFile {
  const entries = pages.flatMap((p) => p.sections.map((section) => ({ section, page: p.outPath })));
  const { common: _, ...inverted } = invert(entries.map((e) => e.section), counter);
  return assemble(inverted, entries, counter, true);
}

// Titles weigh most, prose next, code least: readers search for concepts, then identifiers.
const BOOSTS = { title: 10, text: 1, code: 0.3 };
export const FIELDS = FIELD_NAMES.map((name) => ({ name, boost: BOOSTS[name] }));
/** The code field's place in FIELDS: its terms count once per section. */
export const CODE = FIELDS.findIndex((f) => f.name === 'code');

/**
 * A code term in more than this many sections is left out of the code field: on an API reference
 * the keys every example repeats (`id`, `url`, `node_id`) are a large part of the postings, rank
 * nothing (their weight is near zero) and are still found in the prose.
 */
export function codeCommonAbove(sections: number): number {
  return Math.max(50, sections * 0.1);
}

/** The index file from its inverted lists and its sections (with their pages, in a site index). */
export function assemble(inverted: Inverted, entries: Array<{ section: Section; page?: string }>, counter: TermCounter, snippets: boolean): SearchIndexFile {
  const sections = entries.map((e) => e.section);
  const pages = entries.some((e) => e.page !== undefined) ? [...new Set(entries.map((e) => e.page!))] : undefined;
  return {
    version: SEARCH_INDEX_VERSION,
    ...inverted,
    docs: {
      ids: sections.map((s) => s.id),
      titles: sections.map((s) => s.title),
      parents: parentLinks(entries),
      ...(pages && { pages, page: entries.map((e) => pages.indexOf(e.page!)) }),
    },
    // Last: serializeSearchIndex writes them at the end of the file.
    ...(snippets && { snippets: sections.map((s) => counter.snippet(s)) }),
  };
}

/**
 * The index as its file's text: JSON, snippets last, and where there are snippets, `snippetsAt`
 * first: the byte offset where they start, so the page's worker can read the rest alone,
 * answer, and read the snippets after (on GitHub's reference they are 836 KB of 1.87 MB).
 * Fixed width (a string of 10 digits), so writing it does not move what it points at. The build
 * writes the two parts as two files (splitSearchIndex); served whole (`shale dev`, the Vite
 * plugin, --inline) the text is one valid file as well.
 */
export function serializeSearchIndex(file: SearchIndexFile): string {
  const { version, snippets, ...rest } = file;
  if (!snippets) return ascii(JSON.stringify({ version, ...rest }));
  const tail = JSON.stringify({ snippets });
  const snippetsFile = `search-snippets-${hash(tail).slice(0, 8)}.json`;
  const zero = ascii(JSON.stringify({ version, snippetsAt: '0'.repeat(10), snippetsFile, ...rest }).slice(0, -1));
  // Written into the fixed-width field, the offset moves nothing: the head is made once.
  const at = String(Buffer.byteLength(zero, 'utf8')).padStart(10, '0');
  return `${zero.replace(`"snippetsAt":"${'0'.repeat(10)}"`, `"snippetsAt":"${at}"`)},${tail.slice(1)}`;
}

/**
 * serializeSearchIndex's text as the files the build writes: the index without its snippets,
 * and the snippets as `snippets.file`, beside it (the index names it; the page's worker fetches
 * it after the first answer). A text without snippets is one file.
 */
export function splitSearchIndex(text: string): { index: string; snippets?: { file: string; text: string } } {
  const head = /^\{"version":\d+,"snippetsAt":"(\d{10})","snippetsFile":"([\w.-]+)"/.exec(text.slice(0, 120));
  if (!head) return { index: text };
  const at = Number(head[1]);
  // The snippets key's place in characters: no string in the JSON holds `,"snippets":` unescaped,
  // so it is the last one. Checked against the byte offset the head names; cutting by characters
  // spares encoding the whole text (GitHub's: 2 MB) to cut it by bytes.
  const chars = text.lastIndexOf(',"snippets":');
  if (chars >= 0 && Buffer.byteLength(text.slice(0, chars), 'utf8') === at) {
    return { index: `${text.slice(0, chars)}}`, snippets: { file: head[2], text: `{${text.slice(chars + 1)}` } };
  }
  const bytes = Buffer.from(text, 'utf8');
  return { index: `${bytes.subarray(0, at).toString('utf8')}}`, snippets: { file: head[2], text: `{${bytes.subarray(at + 1).toString('utf8')}` } };
}

/** A page's index as the files the build writes, encoded: `file` named by the index's bytes, as Vite names assets. */
export interface IndexFiles {
  /** `assets/search-index-<hash>.json`, site-relative. */
  file: string;
  bytes: Uint8Array;
  /** The snippets' file (splitSearchIndex), site-relative, when they are apart. */
  snippets?: { file: string; bytes: Uint8Array };
}

/**
 * Each page's index text (outPath → text) as its files; `whole` keeps the snippets inside (the
 * page then embeds that one file: --inline). Pages that share an index (a site-wide one) share
 * its files. Made where the index is (a worker thread, for a large site): encoding GitHub's 2 MB
 * and hashing it were ≈ 20 ms of the main thread's edit.
 */
export function indexFilesOf(indexes: Map<string, string>, whole: boolean): Map<string, IndexFiles> {
  const encoder = new TextEncoder();
  const made = new Map<string, IndexFiles>();
  const filesOf = (text: string): IndexFiles => {
    const parts = whole ? { index: text, snippets: undefined } : splitSearchIndex(text);
    const bytes = encoder.encode(parts.index);
    return {
      file: `assets/search-index-${hash(bytes).slice(0, 8)}.json`,
      bytes,
      snippets: parts.snippets && { file: `assets/${parts.snippets.file}`, bytes: encoder.encode(parts.snippets.text) },
    };
  };
  return new Map([...indexes].map(([outPath, text]) => {
    let files = made.get(text);
    if (!files) made.set(text, (files = filesOf(text)));
    return [outPath, files];
  }));
}

/**
 * JSON with its few characters outside ASCII as `\u` escapes, when they are few (an English
 * reference: GitHub's has one in 1.1 MB): the page then decodes and parses a one-byte string,
 * about twice as fast; one such character makes the whole text two bytes a character. Where
 * there are many (Chinese docs), escapes would make the file larger: kept as they are.
 */
function ascii(json: string): string {
  const others = json.match(/[^\x00-\x7f]/g)?.length ?? 0;
  if (others === 0 || others > json.length / 1000) return json;
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Each section's parent as the nearest earlier section whose own chain is its parents. */
function parentLinks(entries: Array<{ section: Section; page?: string }>): Array<number | string[]> {
  // Chains of titles as a tree walked one title at a time: joining each section's chain into a
  // key hashed every title again (GitHub's reference: ≈ 40 ms of an edit's search job).
  interface Chain { at?: number; next: Map<string, Chain> }
  const child = (c: Chain, title: string): Chain => {
    let next = c.next.get(title);
    if (!next) c.next.set(title, (next = { next: new Map() }));
    return next;
  };
  const roots: Chain = { next: new Map() };
  return entries.map(({ section: s, page }, i) => {
    let parents = child(roots, page ?? '');
    for (const title of s.parents) parents = child(parents, title);
    child(parents, s.title).at = i;
    if (!s.parents.length) return -1;
    return parents.at !== undefined && parents.at < i ? parents.at : s.parents;
  });
}

export type Inverted = Pick<SearchIndexFile, 'fields' | 'terms' | 'lengths' | 'postings'>;

/**
 * Terms, field lengths and posting lists, and the code terms left out as common with their
 * section counts. Scoring in the page is BM25 as lunr computes it, so the counts are the ones
 * lunr's builder would keep: terms after stop words and stemming.
 */
function invert(sections: Section[], counter: TermCounter): Inverted & { common: Array<[string, number]> } {
  // Per field, term → [doc, tf, doc, tf, …] in ascending doc order.
  const lists = FIELDS.map(() => new Map<string, number[]>());
  const lengths = FIELDS.map(() => new Array<number>(sections.length));
  sections.forEach((section, d) => {
    counter.count(section).forEach((terms, f) => {
      lengths[f][d] = terms[0];
      const list = lists[f];
      for (let i = 1; i < terms.length; i += 2) {
        const t = terms[i] as string;
        const posting = list.get(t);
        // Code terms count once per section: an identifier repeated in one example says little more.
        const tf = f === CODE ? 1 : (terms[i + 1] as number);
        if (posting) posting.push(d, tf);
        else list.set(t, [d, tf]);
      }
    });
  });
  const code = lists[CODE];
  const common: Array<[string, number]> = [];
  for (const [t, list] of code) {
    if (list.length / 2 > codeCommonAbove(sections.length)) {
      common.push([t, list.length / 2]);
      code.delete(t);
    }
  }
  const terms = [...new Set(lists.flatMap((m) => [...m.keys()]))].sort();
  // One string per term, its lists in every field: a query reads the strings of its own terms
  // and the page does no pass over the rest (search-format.d.ts, `postings`).
  const postings = terms.map((t) => encodePostings(lists.map((m) => m.get(t) ?? [])));
  return { fields: FIELDS, terms, lengths, postings, common };
}
