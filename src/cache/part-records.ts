// How a part's records (part-cache.ts's Recorded) are kept on disk by part-store.ts: as JSON,
// with their HTML and their sections' text and code as lengths into the part's .html and .txt
// files (strings that JSON would escape and scan), and read back without reading those files:
// the HTML and text are read when first asked for (lazy-sections.ts, html-pieces.ts). Each
// record's lead and sections (its shares of the page's search sections) are a JSON file of their
// own, and their search snippets another: the search worker reads only those two, and the build
// all but the snippets (0.8 MB of GitHub's 6.3 MB, which it never uses).

import { snippet } from '../search/snippet.js';
import { sectionKey } from '../search/term-counts.js';
import type { Heading, HtmlPiece, Section } from '../types.js';
import { lazyField } from './lazy-sections.js';
import type { Reads, Recorded } from './part-cache.js';
import type { PartSections } from './part-sections.js';

// JSON has no Map, Set or undefined. The records' Maps and Sets are stored as arrays of their
// entries, and a read that found nothing (undefined) as null, which no read ever finds; read back,
// the arrays are used as they are (Reads, part-cache.ts). Written out field by field rather than
// with a replacer and reviver, which JSON calls on every value.
type Entries<R> = R extends Reads<infer K, infer V> ? Array<[K, V | null]> : never;
// Every heading and in-page link names its file, nearly always the part's own, and most headings'
// HTML is their title: stored once as the record's `file`, and as null where they are the same
// (the keys stay, so read back the objects keep the order of a fresh render's). GitHub's split
// reference: 4.50 MB of records JSON an edit parses became 3.85 MB, and 23,000 strings fewer.
type Slim<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };
export type StoredRecord = Omit<Recorded, 'html' | 'htmlLength' | 'ids' | 'history' | 'unknown' | 'refs' | 'sections' | 'leadText' | 'leadCode' | 'headings' | 'links'> & {
  html: number;
  /** The part's file: the one its headings and links name where they say null. */
  file: string;
  headings: Array<Slim<Heading, 'html' | 'file'>>;
  links: Array<Slim<Recorded['links'][number], 'file'>>;
  ids: { reads: Entries<Recorded['ids']['reads']>; writes: Recorded['ids']['writes'] };
  history: { reads: Entries<Recorded['history']['reads']>; writes: Recorded['history']['writes'] };
  unknown: { reads: Entries<Recorded['unknown']['reads']>; added: string[] };
  refs: { reads: Entries<Recorded['refs']['reads']>; writes: Entries<Recorded['refs']['writes']> };
};

/** A record's lead and sections as stored, their text and code as lengths into the part's text file. */
export interface StoredShares {
  leadText: number;
  leadCode: number;
  sections: Array<Omit<Section, 'text' | 'code'> & { text: number; code: number }>;
}

/** A stored section's search snippet and key in the term counts, as the snippets file keeps them. */
export type StoredFacts = [snippet: string, key: string];

function entries<K, V>(m: Reads<K, V>): Array<[K, V | null]> {
  return Array.from(m, ([k, v]) => [k, v ?? null]);
}

/**
 * `r`, a record of a part of `file`, as stored, its shares, and, for the search worker, each
 * section's search snippet (src/search/snippet.ts) and key in the term counts (sectionKey); their
 * text and code go to `texts`, in the order fromData cuts them.
 */
export function toData(r: Recorded, texts: string[], file: string): [StoredRecord, StoredShares, StoredFacts[]] {
  const put = (s: string) => (texts.push(s), s.length);
  const { html: _, htmlLength, sections: __, leadText: ___, leadCode: ____, headings, links, ...rest } = r;
  const shares: StoredShares = {
    leadText: put(r.leadText),
    leadCode: put(r.leadCode),
    sections: r.sections.map((s) => ({ ...s, text: put(s.text), code: put(s.code) })),
  };
  return [{
    ...rest,
    html: htmlLength,
    file,
    headings: headings.map((h) => ({ ...h, html: h.html === h.title ? null : h.html, file: h.file === file ? null : h.file })),
    links: links.map((l) => ({ ...l, file: l.file === file ? null : l.file })),
    ids: { reads: entries(r.ids.reads), writes: r.ids.writes },
    history: { reads: entries(r.history.reads), writes: r.history.writes },
    unknown: { reads: entries(r.unknown.reads), added: r.unknown.added },
    refs: { reads: entries(r.refs.reads), writes: entries(r.refs.writes) },
  }, shares, r.sections.map((s) => [snippet(s.text), sectionKey(s)])];
}

/** The characters of the part's text file that a record's lead and sections take. */
export function textLength(r: StoredShares): number {
  return r.sections.reduce((n, s) => n + s.text + s.code, r.leadText + r.leadCode);
}

/**
 * The record's lead and sections, their text and code read from the part's `text` from `textAt`
 * when first got (lazy-sections.ts); an empty lead reads nothing. `each` is given every section
 * (the search worker keys it).
 */
export function lazyShares(r: StoredShares, text: HtmlPiece, textAt: number, each?: (section: Section) => void): PartSections {
  const lead = (from: number, n: number) => () => text.text().slice(from, from + n);
  const [leadText, leadCode] = [lead(textAt, r.leadText), lead(textAt + r.leadText, r.leadCode)];
  let at = textAt + r.leadText + r.leadCode;
  const shares: PartSections = {
    leadText: '',
    leadCode: '',
    sections: r.sections.map((stored) => {
      const { text: textLength, code: codeLength, ...s } = stored;
      const section = s as Section;
      lazyField(section, 'text', text, at, textLength);
      lazyField(section, 'code', text, at + textLength, codeLength);
      at += textLength + codeLength;
      each?.(section);
      return section;
    }),
  };
  // A lead is most often empty (an include starts with its heading): then nothing is read for it.
  if (r.leadText) Object.defineProperty(shares, 'leadText', { enumerable: true, get: leadText });
  if (r.leadCode) Object.defineProperty(shares, 'leadCode', { enumerable: true, get: leadCode });
  return shares;
}

/**
 * toData's inverse, reading nothing yet: the record's HTML is `r.html` characters of its part's
 * `html` from `at`, and its lead's and sections' text and code (`stored`) are read from the part's
 * `text` from `textAt` when first asked for (lazyShares). Throws on data of another shape.
 */
export function fromData(r: StoredRecord, stored: StoredShares, html: HtmlPiece, at: number, text: HtmlPiece, textAt: number): Recorded {
  const { html: length, file: _, ...rest } = r;
  // The reads are used as stored: an array is the shape this file wrote.
  for (const reads of [r.ids.reads, r.history.reads, r.unknown.reads, r.refs.reads, r.refs.writes]) {
    if (!Array.isArray(reads)) throw new TypeError('a stored record of another shape');
  }
  storedHeadings(r);
  for (const l of r.links) l.file ??= r.file;
  const shares = lazyShares(stored, text, textAt);
  const record: Omit<Recorded, 'html'> = {
    ...(rest as Omit<typeof rest, 'headings' | 'links'> & Pick<Recorded, 'headings' | 'links'>),
    htmlLength: length,
    leadText: '',
    leadCode: '',
    sections: shares.sections,
  };
  for (const lead of ['leadText', 'leadCode'] as const) {
    if (stored[lead]) Object.defineProperty(record, lead, { enumerable: true, get: () => shares[lead] });
  }
  Object.defineProperty(record, 'sliceHtml', { enumerable: false, value: (start: number, end: number) => html.slice!(at + start, at + end) });
  Object.defineProperty(record, 'utf8Html', { enumerable: false, value: (start: number, end: number) => html.utf8?.(at + start, at + end) });
  let own: string | undefined;
  return Object.defineProperty(record, 'html', { enumerable: true, get: () => (own ??= html.slice!(at, at + length)) }) as Recorded;
}

/** A stored record's headings as rendered: their HTML and file put back in place (in place: read once). */
export function storedHeadings(r: Pick<StoredRecord, 'headings' | 'file'>): Heading[] {
  if (typeof r.file !== 'string') throw new TypeError('a stored record of another shape');
  for (const h of r.headings) {
    h.html ??= h.title;
    h.file ??= r.file;
  }
  return r.headings as Heading[];
}
