// The index as files: serializeSearchIndex's one text, the two files the build writes from it
// (splitSearchIndex), and the page's reading of either (readIndex): the index first, the
// snippets after, from the same bytes or from the file beside the index.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, buildSiteSearchIndex, serializeSearchIndex, splitSearchIndex } from '../../src/search/index.js';
import { createEngine, readIndex } from '../../themes/default/client/search-engine.js';
import type { Section } from '../../src/types.js';

const section = (id: string, title: string, text: string): Section => ({ id, title, parents: [], text, code: '' });
const SECTIONS = [
  section('orders', 'Orders', 'Create and cancel orders for the café.'),
  section('cancel', 'Cancel an order', 'Cancels an open order by its id.'),
];
const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;
const URL_OF_INDEX = 'https://example.test/docs/assets/search-index-abc.json';

afterEach(() => { vi.unstubAllGlobals(); });

describe('search index files', () => {
  it('writes an index without snippets as one JSON file', () => {
    const text = serializeSearchIndex(buildSearchIndex(SECTIONS));
    expect(splitSearchIndex(text)).toEqual({ index: text });
    expect(JSON.parse(text).snippetsAt).toBeUndefined();
    const engine = createEngine(readIndex(bytes(text), URL_OF_INDEX).file);
    expect(engine.search('café').hits.map((h) => h.id)).toEqual(['orders']);
  });

  it('writes a rare character outside ASCII as an escape, the same text once read', () => {
    const many = Array.from({ length: 300 }, (_, i) => section(`s${i}`, `Section ${i}`, `plain words ${i}`));
    many.push(section('naive', 'Naïve', 'résumé'));
    const text = serializeSearchIndex(buildSearchIndex(many));
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    const engine = createEngine(readIndex(bytes(text), URL_OF_INDEX).file);
    expect(engine.search('résumé').hits.map((h) => h.title)).toEqual(['Naïve']);
  });

  it('keeps the whole text valid JSON, snippets last', () => {
    const text = serializeSearchIndex(buildSearchIndex(SECTIONS, true));
    const file = JSON.parse(text);
    expect(file.snippets).toEqual(['Create and cancel orders for the café.', 'Cancels an open order by its id.']);
    expect(text.endsWith(`"snippets":${JSON.stringify(file.snippets)}}`)).toBe(true);
  });

  it('reads a whole file in two parts: answers first, snippets after', async () => {
    const text = serializeSearchIndex(buildSiteSearchIndex([{ outPath: 'index.html', sections: SECTIONS }]));
    const { file, snippets } = readIndex(bytes(text), URL_OF_INDEX);
    expect((file as { snippets?: unknown }).snippets).toBeUndefined();
    const engine = createEngine(file);
    expect(engine.search('cancels').hits[0]).toEqual({ id: 'cancel', title: 'Cancel an order', parents: [], page: 'index.html' });
    engine.addSnippets(await snippets!());
    expect(engine.search('cancels').hits[0].snippet).toBe('Cancels an open order by its id.');
  });

  it('splits at the byte the head names, whatever characters outside ASCII come before it', () => {
    const many = Array.from({ length: 300 }, (_, i) => section(`s${i}`, `Section ${i}`, `plain words ${i}`));
    // The head escaped to ASCII (few such characters), and kept as it is (many).
    const escaped = serializeSearchIndex(buildSearchIndex([...many, section('naive', 'Naïve', 'résumé')], true));
    const wide = serializeSearchIndex(buildSearchIndex(SECTIONS, true));
    expect(/[^\x00-\x7f]/.test(escaped.slice(0, escaped.indexOf(',"snippets":')))).toBe(false);
    expect(/[^\x00-\x7f]/.test(wide.slice(0, wide.indexOf(',"snippets":')))).toBe(true);
    for (const text of [escaped, wide]) {
      const { snippetsAt, snippetsFile, snippets, ...rest } = JSON.parse(text);
      const parts = splitSearchIndex(text);
      // The head's offset is the byte where the snippets start.
      expect(Buffer.from(text).subarray(Number(snippetsAt)).toString().startsWith(',"snippets":')).toBe(true);
      expect(JSON.parse(parts.index)).toEqual({ snippetsAt, snippetsFile, ...rest });
      expect(JSON.parse(parts.snippets!.text)).toEqual({ snippets });
    }
  });

  it('splits into the index and a snippets file it names, fetched beside it', async () => {
    const text = serializeSearchIndex(buildSearchIndex(SECTIONS, true));
    const parts = splitSearchIndex(text);
    expect(parts.snippets!.file).toMatch(/^search-snippets-[\w-]{8}\.json$/);
    expect(JSON.parse(parts.snippets!.text)).toEqual({ snippets: JSON.parse(text).snippets });
    const index = JSON.parse(parts.index);
    expect(index.snippets).toBeUndefined();
    expect(index.snippetsFile).toBe(parts.snippets!.file);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => { fetched.push(String(url)); return new Response(parts.snippets!.text); });
    const { file, snippets } = readIndex(bytes(parts.index), URL_OF_INDEX);
    const engine = createEngine(file);
    expect(engine.search('orders').hits.map((h) => h.snippet)).toEqual([undefined, undefined]);
    expect(fetched).toEqual([]);
    engine.addSnippets(await snippets!());
    expect(fetched).toEqual([`https://example.test/docs/assets/${parts.snippets!.file}`]);
    expect(engine.search('orders').hits.find((h) => h.id === 'orders')!.snippet).toBe('Create and cancel orders for the café.');
  });

  it('refuses posting data that does not fit its term or its sections', () => {
    const file = JSON.parse(serializeSearchIndex(buildSearchIndex(SECTIONS)));
    const term = file.terms.indexOf('order');
    // One character short: the term's list ends early, and a query over it says so.
    const cut = structuredClone(file);
    cut.postings[term] = cut.postings[term].slice(0, -1);
    expect(() => createEngine(cut).search('order')).toThrow(/bad posting data for term \d+/);
    // One character more: left over after the lists.
    const long = structuredClone(file);
    long.postings[term] += 'A';
    expect(() => createEngine(long).search('order')).toThrow(/bad posting data for term \d+/);
    // A list per term, and a length per section, or the file is refused on load.
    const fewer = structuredClone(file);
    fewer.postings.pop();
    expect(() => createEngine(fewer)).toThrow(/bad posting data/);
    const short = structuredClone(file);
    short.lengths[1].pop();
    expect(() => createEngine(short)).toThrow(/bad posting data/);
    // Sound data answers.
    expect(createEngine(file).search('order').hits.length).toBeGreaterThan(0);
  });
});
