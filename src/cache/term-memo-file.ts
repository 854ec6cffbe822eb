// The term counts' base file (search-cache.ts), read entry by entry. After an edit, a build asks
// the memo for the counts of the few sections whose text changed; every other section is known
// by its key alone (TermCounter.keep). Parsing all entries at once was a 6.3 MB JSON parse on
// GitHub's reference, and its garbage: ≈ 0.2 s of the search worker's time before its job.
//
// Layout: one line of JSON, `{"tokens","id","keys","bytes"}` (each entry's key, and the UTF-8
// length of its JSON), then each entry's JSON (its FieldTerms[]) one after the other. An entry is
// parsed when first asked for; one that does not parse to FIELD_NAMES.length fields is treated as
// missing, and the section is counted afresh.

import { readFileSync } from 'node:fs';
import { FIELD_NAMES, type FieldTerms, type TermMemo } from '../search/term-counts.js';

interface Head {
  tokens: string;
  id: string;
  keys: string[];
  bytes: number[];
}

/** The file's text: `tokens` names the tokenizer, `id` this base (the added file names it). */
export function memoFileText(tokens: string, id: string, entries: Iterable<[string, FieldTerms[]]>): string {
  const keys: string[] = [];
  const bytes: number[] = [];
  const body: string[] = [];
  for (const [key, terms] of entries) {
    const json = JSON.stringify(terms);
    keys.push(key);
    bytes.push(Buffer.byteLength(json));
    body.push(json);
  }
  const head: Head = { tokens, id, keys, bytes };
  return `${JSON.stringify(head)}\n${body.join('')}`;
}

/** The base file's memo and id, if whole and made by the same tokenizer (`tokens`); else undefined. */
export function readMemoFile(file: string, tokens: string): { id: string; memo: TermMemo } | undefined {
  try {
    const buf = readFileSync(file);
    const eol = buf.indexOf(10);
    if (eol < 0) return undefined;
    const head = JSON.parse(buf.toString('utf8', 0, eol)) as Head;
    if (head.tokens !== tokens || typeof head.id !== 'string' || !Array.isArray(head.keys) || !Array.isArray(head.bytes) || head.keys.length !== head.bytes.length) return undefined;
    const starts: number[] = [];
    let at = eol + 1;
    for (const n of head.bytes) {
      starts.push(at);
      at += n;
    }
    // A torn write leaves the file shorter than its entries.
    if (at !== buf.length) return undefined;
    const slot = new Map(head.keys.map((k, i) => [k, i]));
    const parsed = new Map<string, FieldTerms[] | undefined>();
    const entry = (key: string): FieldTerms[] | undefined => {
      const i = slot.get(key);
      if (i === undefined) return undefined;
      if (!parsed.has(key)) parsed.set(key, parseEntry(buf.toString('utf8', starts[i], starts[i] + head.bytes[i])));
      return parsed.get(key);
    };
    const memo: TermMemo = {
      size: slot.size,
      has: (key) => slot.has(key),
      get: entry,
      keys: () => slot.keys(),
    };
    return { id: head.id, memo };
  } catch {
    return undefined; // missing or corrupt: count afresh
  }
}

function parseEntry(json: string): FieldTerms[] | undefined {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) && v.length === FIELD_NAMES.length && v.every(Array.isArray) ? (v as FieldTerms[]) : undefined;
  } catch {
    return undefined;
  }
}
