// A page's search index made from the last build's, when only some sections changed. Inverting
// every section's term counts again is most of an edit's search job (GitHub's reference: 7,474
// sections, ~0.2 s of a worker's 0.4 s, which the build waits for); a one-line edit changes the
// counts of one section. So the sections are compared with the last build's by their keys in the
// term counts (term-counts.ts: equal keys, equal counts), and, where the keys differ (a section
// of the edited part), by the counts themselves; only the terms of the sections whose counts
// changed have their posting lists read back (postings.ts), changed and written again. The result
// is the index pageIndexWithBasis makes from scratch, or nothing when the change is not one this
// handles: a section added or removed (every later section's number moves), or a code term
// crossing the line where it counts as common.

import { decodePostings, encodePostings, type TermLists } from './postings.js';
import { assemble, CODE, codeCommonAbove, FIELDS, SEARCH_INDEX_VERSION, type IndexBasis, type SearchIndexFile } from './index.js';
import type { FieldTerms, TermCounter } from './term-counts.js';
import type { Section } from '../types.js';

interface Change {
  section: number;
  before: FieldTerms[];
  after: FieldTerms[];
}

/** `last`: the last build's index of the page and its basis. Undefined: build it from scratch. */
export function updatePageIndex(last: { index: SearchIndexFile; basis: IndexBasis }, sections: Section[], snippets: boolean, counter: TermCounter): { index: SearchIndexFile; basis: IndexBasis } | undefined {
  const { index, basis } = last;
  const sameFields = index.fields.length === FIELDS.length && index.fields.every((f, i) => f.name === FIELDS[i].name && f.boost === FIELDS[i].boost);
  if (index.version !== SEARCH_INDEX_VERSION || !sameFields || basis.keys.length !== sections.length) return undefined;
  const changes: Change[] = [];
  for (let i = 0; i < sections.length; i++) {
    // Every section is kept or counted: the term counts kept for the next build are those used
    // now. An unchanged section's counts are not read (a stored memo parses an entry when asked).
    const same = counter.key(sections[i]) === basis.keys[i];
    if (same && counter.keep(sections[i])) continue;
    const after = counter.count(sections[i]);
    if (same) continue;
    const before = counter.lookup(basis.keys[i]);
    if (!before) return undefined;
    if (!sameCounts(before, after)) changes.push({ section: i, before, after });
  }
  const patched = patch(index, new Map(basis.common), changes, sections.length);
  if (!patched) return undefined;
  const { lists, common } = patched;
  const terms = [...lists.keys()].sort();
  const lengths = index.lengths.map((l) => [...l]);
  for (const c of changes) c.after.forEach((field, f) => { lengths[f][c.section] = field[0]; });
  const inverted = { fields: index.fields, terms, lengths, postings: terms.map((t) => lists.get(t)!) };
  return {
    index: assemble(inverted, sections.map((section) => ({ section })), counter, snippets),
    basis: { keys: sections.map((s) => counter.key(s)), common: [...common] },
  };
}

/**
 * Every term's postings after the changes, as term → encoded lists (a term in no section left
 * out), and the common code terms' new counts; undefined when a code term crosses the line.
 */
function patch(index: SearchIndexFile, common: Map<string, number>, changes: Change[], sections: number): { lists: Map<string, string>; common: Map<string, number> } | undefined {
  const lists = new Map(index.terms.map((t, i) => [t, index.postings[i]]));
  const changed = new Set(changes.map((c) => c.section));
  // Per term: the changed sections' new entries, field by field.
  const touched = new Map<string, TermLists>();
  const entry = (t: string) => touched.get(t) ?? touched.set(t, FIELDS.map(() => [])).get(t)!;
  for (const c of changes) {
    for (const field of c.before) for (let i = 1; i < field.length; i += 2) entry(field[i] as string);
    c.after.forEach((field, f) => {
      for (let i = 1; i < field.length; i += 2) entry(field[i] as string)[f].push(c.section, f === CODE ? 1 : (field[i + 1] as number));
    });
  }
  // A common code term has no code list to change, only its count: less the changed sections' before.
  for (const c of changes) {
    for (let i = 1; i < c.before[CODE].length; i += 2) {
      const t = c.before[CODE][i] as string;
      if (common.has(t)) common.set(t, common.get(t)! - 1);
    }
  }
  const limit = codeCommonAbove(sections);
  for (const [t, added] of touched) {
    const stored = lists.get(t);
    const old = stored === undefined ? FIELDS.map(() => []) : decodePostings(stored, FIELDS.length);
    const next = old.map((list, f) => merge(list, changed, added[f]));
    if (common.has(t)) {
      // …plus their after.
      common.set(t, common.get(t)! + next[CODE].length / 2);
      next[CODE] = [];
    } else if (next[CODE].length / 2 > limit) {
      return undefined;
    }
    if (next.every((list) => list.length === 0)) lists.delete(t);
    else lists.set(t, encodePostings(next));
  }
  for (const n of common.values()) if (n <= limit) return undefined;
  return { lists, common };
}

/** `list` without the sections in `drop`, with `add` (ascending, none of them in `list` after the drop) merged in. */
function merge(list: number[], drop: Set<number>, add: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < list.length; i += 2) {
    if (drop.has(list[i])) continue;
    while (j < add.length && add[j] < list[i]) out.push(add[j++], add[j++]);
    out.push(list[i], list[i + 1]);
  }
  while (j < add.length) out.push(add[j++], add[j++]);
  return out;
}

function sameCounts(a: FieldTerms[], b: FieldTerms[]): boolean {
  return a.length === b.length && a.every((field, f) => field.length === b[f].length && field.every((v, i) => v === b[f][i]));
}
