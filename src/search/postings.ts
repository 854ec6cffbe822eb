// One term's posting lists as the index stores them (search-format.d.ts, `postings`): per field,
// the sections that have the term and how often. Written by index.ts for every term, and read back
// by index-update.ts for the few terms an edit touches.

import { decodeVarints, encodeVarints } from '../../themes/default/client/search-varint.js';

/** Per field, `[section, tf, section, tf, …]` in ascending section order. */
export type TermLists = number[][];

/** The page's search engine keeps counts to 255: a term so frequent in one section ranks the same. */
const MAX_TF = 255;

export function encodePostings(lists: TermLists): string {
  const out = lists.map((list) => list.length / 2);
  for (const list of lists) {
    let prev = -1;
    for (let i = 0; i < list.length; i += 2) {
      const tf = Math.min(list[i + 1], MAX_TF);
      out.push((list[i] - prev - 1) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) out.push(tf - 2);
      prev = list[i];
    }
  }
  return encodeVarints(out);
}

/** encodePostings' inverse for `fields` fields (counts above 255 come back as 255). */
export function decodePostings(text: string, fields: number): TermLists {
  const numbers = decodeVarints(text);
  let at = fields;
  return numbers.slice(0, fields).map((count) => {
    const list: number[] = [];
    let prev = -1;
    for (let k = 0; k < count; k++) {
      const v = numbers[at++];
      prev += 1 + Math.floor(v / 2);
      list.push(prev, v % 2 ? numbers[at++] + 2 : 1);
    }
    return list;
  });
}
