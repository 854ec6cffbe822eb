// A page's HTML as pieces read when needed (src/render/html-pieces.ts): slices read only the
// pieces they cover, the whole HTML is joined on first read, and a cache file that no longer
// holds what its index said stops the build with a message that names it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShaleError } from '../../src/errors.js';
import { boundsOf, filePiece, lazyPiece, pageText, piecewise, textPiece, utf8Bytes, withPieces } from '../../src/render/html-pieces.js';

/** Pieces of `texts` that count their reads. */
function counted(texts: string[]) {
  const reads = texts.map(() => 0);
  const pieces = texts.map((t, i) => lazyPiece(t.length, () => (reads[i]++, t), `part-${i}.html`));
  return { pieces, reads };
}

describe('html pieces', () => {
  it('slice as the joined string does, at every start and end, empty pieces included', () => {
    const texts = ['<h1 id="a">A</h1>', '', '<p>Größe 日本</p>', 'x', '<h2 id="b">B</h2>\n'];
    const whole = texts.join('');
    const text = piecewise(texts.map(textPiece));
    expect(text.length).toBe(whole.length);
    for (let start = 0; start <= whole.length; start++) {
      for (let end = start; end <= whole.length + 1; end++) expect(text.slice(start, end)).toBe(whole.slice(start, end));
    }
    expect(text.slice(5)).toBe(whole.slice(5));
  });

  it('read only the pieces a slice covers, each once', () => {
    const { pieces, reads } = counted(['aaaa', 'bbbb', 'cccc']);
    const text = piecewise(pieces);
    expect(text.slice(5, 7)).toBe('bb');
    expect(reads).toEqual([0, 1, 0]);
    expect(text.slice(2, 9)).toBe('aabbbbc');
    expect(reads).toEqual([1, 1, 1]);
  });

  it('make a page whose html is joined on first read, and whose pieces stay out of its fields', () => {
    const { pieces, reads } = counted(['<p>one</p>', '<p>two</p>']);
    const page = withPieces({ title: 'T' }, pieces);
    expect(Object.keys(page)).toEqual(['title', 'html']);
    expect(pageText(page).length).toBe(20);
    expect(reads).toEqual([0, 0]);
    expect(page.html).toBe('<p>one</p><p>two</p>');
    expect(page.html).toBe('<p>one</p><p>two</p>');
    expect(reads).toEqual([1, 1]);
  });

  it('read a file from the middle at segment bounds, and whole elsewhere', () => {
    const parts = ['<h1 id="a">Größe</h1>', '<p>日本語</p>', '<h2 id="b">B</h2>'];
    const file = join(mkdtempSync(join(tmpdir(), 'shale-pieces-')), 'part.html');
    writeFileSync(file, parts.join(''));
    const segments = parts.map((p) => ({ length: p.length, bytes: Buffer.byteLength(p) }));
    const length = parts.join('').length;
    const piece = filePiece(file, length, boundsOf(segments, length));
    // The first segment's bytes garbled on disk: a read of the second alone does not see them.
    const bytes = readFileSync(file);
    bytes.fill(0x78, 0, segments[0].bytes);
    writeFileSync(file, bytes);
    const second = parts[0].length;
    expect(piece.slice!(second, second + parts[1].length)).toBe(parts[1]);
    expect(piece.slice!(second, length)).toBe(parts[1] + parts[2]);
    // Not at a bound: the whole file is read, and its garbled start (one x a byte) no longer has the length it had.
    expect(() => piece.slice!(1, 3)).toThrow(/part\.html does not hold what its index says/);
    // Segments that do not make up the file give no bounds.
    expect(boundsOf(segments.slice(1), length).size).toBe(0);
  });

  it('give a slice\'s UTF-8 bytes as the file holds them at segment bounds, and text elsewhere', () => {
    const parts = ['<h1 id="a">Größe</h1>', '<p>日本語</p>', '<h2 id="b">B</h2>'];
    const dir = mkdtempSync(join(tmpdir(), 'shale-pieces-'));
    const file = join(dir, 'part.html');
    writeFileSync(file, parts.join(''));
    const segments = parts.map((p) => ({ length: p.length, bytes: Buffer.byteLength(p) }));
    const length = parts.join('').length;
    const edited = '<p>edited €</p>';
    const text = piecewise([textPiece(edited), filePiece(file, length, boundsOf(segments, length))]);
    const whole = edited + parts.join('');
    const bytesOf = (start: number, end: number) => utf8Bytes(text.utf8!(start, end));
    // At every pair of segment bounds (and across the edited piece), the bytes of the joined string.
    const bounds = [0, edited.length, edited.length + parts[0].length, edited.length + parts[0].length + parts[1].length, whole.length];
    for (const start of bounds) for (const end of bounds.filter((e) => e >= start)) expect(bytesOf(start, end)).toEqual(Buffer.from(whole.slice(start, end)));
    // The file's stretch comes as where its bytes are, read into the one buffer, not decoded.
    expect(text.utf8!(edited.length, edited.length + parts[0].length)).toEqual([{ file, start: 0, length: Buffer.byteLength(parts[0]) }]);
    // Off a bound, the text of the slice.
    expect(text.utf8!(edited.length + 1, edited.length + 3)).toEqual([parts[0].slice(1, 3)]);
    // A file cut short after the build checked it stops the build with its name.
    writeFileSync(file, parts.join('').slice(0, 5));
    expect(() => bytesOf(edited.length, whole.length)).toThrow(/part\.html does not hold what its index says/);
    // And one removed, with its name too.
    rmSync(file);
    expect(() => bytesOf(edited.length, whole.length)).toThrow(/the cache file .*part\.html could not be read/);
  });

  it('stop with the cache file named when it holds another length, or cannot be read', () => {
    const short = lazyPiece(10, () => 'torn', '/p/.shale-cache/parts-x.html');
    expect(() => short.text()).toThrow(ShaleError);
    expect(() => short.text()).toThrow(/parts-x\.html does not hold what its index says/);
    const gone = lazyPiece(10, () => { throw new Error('ENOENT: no such file'); }, '/p/.shale-cache/parts-y.html');
    let error: unknown;
    try { gone.text(); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(ShaleError);
    expect((error as ShaleError).message).toMatch(/parts-y\.html could not be read: ENOENT/);
    expect((error as ShaleError).hint).toMatch(/Delete the \.shale-cache folder/);
  });
});
