// A page's search sections made from its parts' records (part-store.ts), as a render that replays
// every part makes them (part-cache.ts's apply): each part's sections in turn, its leading prose
// and code joined to the section before it. The page cache reads a page's sections this way rather
// than keep a second copy of their text, and the search worker does, reading the unchanged parts'
// files while the main thread renders, so that the job it is sent holds only the edited parts.

import { readFileSync } from 'node:fs';
import { lazyPiece } from '../render/html-pieces.js';
import type { SectionFacts } from '../search/term-counts.js';
import type { Section } from '../types.js';
import { lengthReader } from './files.js';
import { lazyShares, textLength, type StoredFacts, type StoredShares } from './part-records.js';

/** A record's share of the page's sections: its lead (prose before its first heading) and its sections. */
export interface PartSections {
  leadText: string;
  leadCode: string;
  sections: Section[];
}

/** Per part, in page order: its stored files (`<base>-<name>`, part-store.ts), or its records' share if not stored yet. */
export type SectionsLayout = Array<{ file: string } | { records: PartSections[] }>;

/**
 * The page's sections from its parts' records, in page order. The records' sections are the page's
 * own, except one that a later part's lead is joined to: that one is a copy (the records are left
 * as they were). The search worker keys the sections it read ahead by the objects themselves.
 */
export function composeSections(parts: Iterable<readonly PartSections[]>): Section[] {
  const out: Section[] = [];
  let copy: Section | undefined;
  for (const records of parts) {
    for (const r of records) {
      const at = out.length - 1;
      if (at >= 0 && (r.leadText || r.leadCode)) {
        if (copy !== out[at]) out[at] = copy = { ...out[at] };
        out[at].text += r.leadText;
        out[at].code += r.leadCode;
      }
      for (const s of r.sections) out.push(s);
    }
  }
  return out;
}

/** The file of a stored part (`file`: its path without extension, part-store.ts) that holds its records' shares. */
export const sharesFile = (file: string) => `${file}.sections.json`;
/** …and the one that holds their sections' search snippets, per record. */
export const snippetsFile = (file: string) => `${file}.snippets.json`;

/** The records' shares kept in a part's files (`file`: their path without extension); throws when missing or torn. */
export function readPartSections(file: string): PartSections[] {
  const text = lengthReader(readFileSync(`${file}.txt`, 'utf8'));
  const out = (JSON.parse(readFileSync(sharesFile(file), 'utf8')) as StoredShares[]).map((r) => ({
    leadText: text.cut(r.leadText),
    leadCode: text.cut(r.leadCode),
    sections: r.sections.map((s) => ({ ...s, text: text.cut(s.text), code: text.cut(s.code) })),
  }));
  if (!text.done()) throw new Error(`${file}.txt is not as long as its records say`);
  return out;
}

/**
 * readPartSections for the search worker: the text file is read when a section's text or code (or
 * a lead that is not empty) is first got, and `facts` is given each section's key in the term
 * counts and its snippet, as the build kept them (toData). An unchanged section then needs
 * neither its text nor its digest: GitHub's 22 MB of section text stay on disk, and the rest of
 * the records (their headings, links, segments: 4.5 MB) too. The key is the digest a build that
 * counts the section from its text gives it (sectionKey), so the first edit after a build that
 * had no part files to read (a cold one) finds every unchanged section's counts all the same.
 * Throws when the shares are missing; a text file of another length stops the build when read.
 */
export function readPartSectionsLazily(file: string, facts: SectionFacts): PartSections[] {
  const stored = JSON.parse(readFileSync(sharesFile(file), 'utf8')) as StoredShares[];
  const kept = JSON.parse(readFileSync(snippetsFile(file), 'utf8')) as StoredFacts[][];
  const text = lazyPiece(stored.reduce((n, r) => n + textLength(r), 0), () => readFileSync(`${file}.txt`, 'utf8'), `${file}.txt`);
  let textAt = 0;
  return stored.map((r, i) => {
    let j = 0;
    const shares = lazyShares(r, text, textAt, (section) => {
      const known = kept[i]?.[j++];
      if (known) facts.set(section, { snippet: known[0], key: known[1] });
    });
    textAt += textLength(r);
    return shares;
  });
}

/** The sections of the page whose HTML the part files `htmlFiles` hold; undefined when one is missing or torn. */
export function storedSections(htmlFiles: readonly string[]): Section[] | undefined {
  try {
    return composeSections(htmlFiles.map((f) => readPartSections(f.replace(/\.html$/, ''))));
  } catch {
    return undefined;
  }
}

/**
 * The page's sections from `layout`; `read` gives a stored part's shares (a worker's, filled ahead).
 * Throws when a stored part cannot be read.
 */
export function layoutSections(layout: SectionsLayout, read: (file: string) => PartSections[] = readPartSections): Section[] {
  return composeSections(layout.map((p) => ('file' in p ? read(p.file) : p.records)));
}
