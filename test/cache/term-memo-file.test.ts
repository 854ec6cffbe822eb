// The term counts' base file (src/cache/term-memo-file.ts): entries come back as written, each
// read on its own, and a file that is torn, foreign or damaged is not trusted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoFileText, readMemoFile } from '../../src/cache/term-memo-file.js';
import type { FieldTerms } from '../../src/search/term-counts.js';

const ENTRIES: Array<[string, FieldTerms[]]> = [
  ['k1', [[1, 'order', 1], [3, 'list', 2, 'ünïcode', 1], [0]]],
  ['k2', [[1, 'refund', 1], [2, 'money', 2], [1, 'curl', 1]]],
  ['k3', [[0], [0], [0]]],
];

function written(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'shale-memo-')), 'memo.json');
  writeFileSync(file, text);
  return file;
}

describe('the term counts file', () => {
  it('gives back each entry as written, non-ASCII terms too, and nothing for a key it lacks', () => {
    const read = readMemoFile(written(memoFileText('tok', 'id-1', ENTRIES)), 'tok')!;
    expect(read.id).toBe('id-1');
    expect(read.memo.size).toBe(3);
    expect([...read.memo.keys()]).toEqual(['k1', 'k2', 'k3']);
    for (const [key, terms] of ENTRIES) expect(read.memo.get(key)).toEqual(terms);
    expect(read.memo.has('k4')).toBe(false);
    expect(read.memo.get('k4')).toBeUndefined();
  });

  it('reads an entry on its own: a damaged one does not spoil the others', () => {
    const file = written(memoFileText('tok', 'id-1', ENTRIES));
    // k2's JSON overwritten with as many bytes of junk: the file's length still adds up.
    const text = readFileSync(file, 'utf8');
    const k2 = JSON.stringify(ENTRIES[1][1]);
    writeFileSync(file, text.replace(k2, 'x'.repeat(Buffer.byteLength(k2))));
    const { memo } = readMemoFile(file, 'tok')!;
    expect(memo.get('k1')).toEqual(ENTRIES[0][1]);
    expect(memo.get('k2')).toBeUndefined();
    expect(memo.get('k3')).toEqual(ENTRIES[2][1]);
  });

  it('is not read when torn, made by another tokenizer, or in the older one-JSON layout', () => {
    const text = memoFileText('tok', 'id-1', ENTRIES);
    expect(readMemoFile(written(text.slice(0, -3)), 'tok')).toBeUndefined();
    expect(readMemoFile(written(text), 'other')).toBeUndefined();
    expect(readMemoFile(written(JSON.stringify({ tokens: 'tok', id: 'id-1', entries: ENTRIES })), 'tok')).toBeUndefined();
    expect(readMemoFile(join(tmpdir(), 'shale-no-such-memo.json'), 'tok')).toBeUndefined();
  });
});
