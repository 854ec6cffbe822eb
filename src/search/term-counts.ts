// Each section's terms and counts per field, the search index's input (index.ts inverts them).
// Cutting text into terms and stemming them is most of building an index (≈ 1.2 s of 1.4 s on
// GitHub's reference), and after an edit almost every section is what it was: a memo keyed by
// the section's text hands back the counts of an unchanged section. The build keeps the memo on
// disk (src/cache/search-cache.ts), the dev server in memory.

import { createHash } from 'node:crypto';
import { createStemmer, termCounts } from '../../themes/default/client/search-tokens.js';
import type { Section } from '../types.js';
import { snippet } from './snippet.js';

/** The fields a section is indexed by, in the order the index and the memo keep them. */
export const FIELD_NAMES = ['title', 'text', 'code'] as const;

/** One field of one section: its length in terms, then each term and its count (`[length, t, n, t, n, …]`). */
export type FieldTerms = [number, ...Array<string | number>];

/**
 * Section key → its FieldTerms in FIELD_NAMES order: a Map, or a file of them read entry by entry
 * (src/cache/term-memo-file.ts).
 */
export interface TermMemo {
  readonly size: number;
  has(key: string): boolean;
  get(key: string): FieldTerms[] | undefined;
  keys(): IterableIterator<string>;
}

/**
 * What a build knows of sections read from part files (part-sections.ts's readPartSectionsLazily):
 * its key in the memo (sectionKey, kept when the part was stored) and its snippet. Such a section
 * is counted and shown without its text being read.
 */
export type SectionFacts = WeakMap<Section, { key: string; snippet?: string }>;

export interface TermCounter {
  count(section: Section): FieldTerms[];
  /** The section's key in the memo: equal keys, equal counts. */
  key(section: Section): string;
  /**
   * Marks the section's counts used without reading them, when they are known (else false: count
   * it). An edit's index update (index-update.ts) needs the counts of its changed sections alone.
   */
  keep(section: Section): boolean;
  /** The counts kept under `key`, by this build or the memo it started from. */
  lookup(key: string): FieldTerms[] | undefined;
  /** The section's search snippet (index.ts): the one kept with it, if any. */
  snippet(section: Section): string;
  /** The entries asked for or kept so far: the memo a later build starts from (sections gone are dropped). */
  readonly used: TermMemo;
  /** The same as a Map, every entry read: what the dev server keeps in memory. */
  usedEntries(): Map<string, FieldTerms[]>;
  /** Sections cut into terms here, not found in the memo. */
  counted(): number;
  /** Was a section counted afresh, or an entry of the memo left unused? Then `used` is worth keeping. */
  changed(): boolean;
}

/**
 * A section's key in the memo: a digest of what it is indexed by. The part store keeps it with
 * each stored section (part-records.ts), so the search worker knows it without the text.
 */
export function sectionKey(section: Section): string {
  return createHash('sha1').update(section.title).update('\0').update(section.text).update('\0').update(section.code).digest('base64url');
}

/** `facts`: what is known of sections read from part files. */
export function createTermCounter(memo: TermMemo = new Map(), facts: SectionFacts = new WeakMap()): TermCounter {
  const stem = createStemmer();
  // Keys asked for or kept, and the entries the memo does not hold under their key.
  const usedKeys = new Set<string>();
  const fresh = new Map<string, FieldTerms[]>();
  let counted = 0;
  const lookup = (key: string) => fresh.get(key) ?? memo.get(key);
  const used: TermMemo = {
    get size() { return usedKeys.size; },
    has: (key) => usedKeys.has(key),
    get: (key) => (usedKeys.has(key) ? lookup(key) : undefined),
    keys: () => usedKeys.keys(),
  };
  // Each section's key once: a digest hashes all its text.
  const keys = new WeakMap<Section, string>();
  const keyOf = (section: Section) => {
    let key = keys.get(section);
    if (key === undefined) keys.set(section, (key = facts.get(section)?.key ?? sectionKey(section)));
    return key;
  };
  return {
    used,
    usedEntries() {
      const out = new Map<string, FieldTerms[]>();
      for (const key of usedKeys) {
        const entry = lookup(key);
        if (entry) out.set(key, entry);
      }
      return out;
    },
    lookup,
    key: keyOf,
    keep(section) {
      const key = keyOf(section);
      if (!fresh.has(key) && !memo.has(key)) return false;
      usedKeys.add(key);
      return true;
    },
    snippet: (section) => facts.get(section)?.snippet ?? snippet(section.text),
    count(section) {
      const key = keyOf(section);
      let entry = lookup(key);
      if (!entry) {
        counted++;
        entry = FIELD_NAMES.map((name) => {
          const { counts, length } = termCounts(section[name], name, stem);
          const flat: FieldTerms = [length];
          for (const [t, n] of counts) flat.push(t, n);
          return flat;
        });
        fresh.set(key, entry);
      }
      usedKeys.add(key);
      return entry;
    },
    counted: () => counted,
    changed: () => counted > 0 || fresh.size > 0 || usedKeys.size !== memo.size,
  };
}
