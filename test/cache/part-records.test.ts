// A part's records as kept on disk (src/cache/part-records.ts): read back, a record gives its HTML,
// a slice of it, and that slice's UTF-8 bytes straight from the part's file at segment bounds (a
// pack made again is made of bytes); its sections' snippets and keys, for the search worker, are
// stored apart.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../src/cache/part-cache.js';
import { fromData, toData } from '../../src/cache/part-records.js';
import { boundsOf, filePiece, textPiece, utf8Bytes } from '../../src/render/html-pieces.js';
import { snippet } from '../../src/search/snippet.js';
import { sectionKey } from '../../src/search/term-counts.js';

const segments = ['<h1 id="a">Größe</h1>\n', '<p>日本語 text</p>\n', '<h2 id="b">B</h2>\n'];
const html = segments.join('');
const record = {
  markdown: 'digest', html, htmlLength: html.length,
  ids: { reads: new Map(), writes: [] }, history: { reads: new Map(), writes: [] }, unknown: { reads: new Map(), added: [] },
  refs: { reads: new Map(), writes: new Map() }, parents: '', lead: '-', fileWarnings: '', headings: [],
  sections: [{ id: 'a', title: 'Größe', parents: [], text: `Größe ${'words '.repeat(60)}`, code: '' }],
  leadText: '', leadCode: '', warnings: [], languages: [], anchors: [], links: [], cuts: [],
  segments: segments.map((s) => ({ length: s.length, bytes: Buffer.byteLength(s) })),
} as unknown as Recorded;

describe('part records on disk', () => {
  it('read back give slices of the HTML as text and as the file\'s bytes, and sections without snippets', () => {
    const texts: string[] = [];
    const [stored, shares, facts] = toData(record, texts, '/docs/source/includes/_a.md');
    // Each section's snippet and its key in the term counts: the digest counting it from its text gives.
    expect(facts).toEqual([[snippet(record.sections[0].text), sectionKey(record.sections[0])]]);
    expect(Object.keys(shares.sections[0])).not.toContain('snippet');
    // The shares are a file of their own (the search worker reads only those): not in the record.
    expect(Object.keys(stored)).not.toContain('sections');
    const file = join(mkdtempSync(join(tmpdir(), 'shale-records-')), 'part.html');
    writeFileSync(file, html);
    const piece = filePiece(file, html.length, boundsOf(stored.segments!, html.length));
    const back = fromData(stored, shares, piece, 0, textPiece(texts.join('')), 0);
    const [a, b] = [segments[0].length, segments[0].length + segments[1].length];
    expect(back.sliceHtml!(a, b)).toBe(segments[1]);
    expect(utf8Bytes([back.utf8Html!(a, b)!])).toEqual(Buffer.from(segments[1]));
    expect(utf8Bytes([back.utf8Html!(0, html.length)!])).toEqual(Buffer.from(html));
    expect(back.utf8Html!(1, 3)).toBeUndefined(); // not at segment bounds: the text path
    expect(Object.keys(back.sections[0]).sort()).toEqual(['code', 'id', 'parents', 'text', 'title']);
    expect(back.sections[0].text).toBe(record.sections[0].text);
  });

  it('keep what a part read as stored, absent as null, and refuse a record of another shape', () => {
    const read = { ...record, ids: { reads: new Map([['a', 1], ['b', undefined]]), writes: [] } } as unknown as Recorded;
    const texts: string[] = [];
    const [stored, shares] = toData(read, texts, '/docs/source/includes/_a.md');
    const back = (r: typeof stored) => fromData(JSON.parse(JSON.stringify(r)), shares, textPiece(html), 0, textPiece(texts.join('')), 0);
    // part-cache.ts iterates the reads and takes null for "found nothing".
    expect([...back(stored).ids.reads]).toEqual([['a', 1], ['b', null]]);
    expect(() => back({ ...stored, ids: { reads: { a: 1 }, writes: [] } } as unknown as typeof stored)).toThrow(/another shape/);
  });

  it('name their part\'s file once, and read back give every heading and link its file and HTML as rendered', () => {
    const [own, other] = ['/docs/source/includes/_a.md', '/docs/source/includes/_partial.md'];
    const headings = [
      { id: 'a', level: 1, title: 'Größe', html: 'Größe', file: own, line: 1 },
      { id: 'b', level: 2, title: 'B code', html: 'B <code>code</code>', file: own, line: 5 },
      { id: 'c', level: 2, title: 'C', html: 'C', file: other, line: 2 },
    ];
    const links = [{ target: 'a', file: own, line: 3 }, { target: 'b', file: other }];
    const texts: string[] = [];
    const [stored, shares] = toData({ ...record, headings, links } as unknown as Recorded, texts, own);
    const json = JSON.stringify(stored);
    // The part's file once; another file where it differs; the HTML only where it is not the title.
    expect(json.split(own).length - 1).toBe(1);
    expect(json.split(other).length - 1).toBe(2);
    expect(json).toContain('B <code>code</code>');
    expect(json).not.toContain('"html":"Größe"');
    const back = fromData(JSON.parse(json), shares, textPiece(html), 0, textPiece(texts.join('')), 0);
    expect(back.headings).toEqual(headings);
    expect(back.links).toEqual(links);
    // Keys in the order a fresh render gives them.
    expect(back.headings.map((h) => Object.keys(h))).toEqual(headings.map((h) => Object.keys(h)));
  });
});
