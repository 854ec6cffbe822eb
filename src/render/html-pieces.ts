// A page's HTML as the pieces it was put together from (HtmlPiece, src/types.ts). After an edit
// in one include of a large page, the parts replayed from the build's cache keep their HTML on
// disk: the chunk split works from their segments, a pack found in the cache needs no HTML, and a
// pack made again reads only its own stretch of the part files (GitHub's reference: some 4 MB of
// its 45 MB).

import { readFileSync } from 'node:fs';
import { readBytes, readInto } from '../cache/files.js';
import { ShaleError } from '../errors.js';
import type { FileBytes, HtmlPiece, Page, Segment } from '../types.js';

/** What the chunk split reads of a page's HTML: a string is one, and so are pieces (`piecewise`). */
export interface TextLike {
  readonly length: number;
  slice(start: number, end?: number): string;
  /**
   * slice(start, end) as strings and stretches of files' UTF-8 bytes that make it one after the
   * other (utf8Bytes reads them): a pack is made of bytes, with no decoding and encoding back.
   */
  utf8?(start: number, end: number): Array<string | FileBytes>;
}

const HINT = 'Delete the .shale-cache folder and build again; it is made afresh.';

export function textPiece(text: string): HtmlPiece {
  return { length: text.length, text: () => text };
}

/**
 * A piece of `length` characters that `read` gives the first time it is asked for. The length
 * was known before the text (a cache's index): text of another length, or none, means the cache
 * file that `read` takes it from was changed or removed behind shale's back once the build had
 * checked it, which a build cannot recover from half-way.
 */
export function lazyPiece(length: number, read: () => string, file: string): HtmlPiece {
  let text: string | undefined;
  return {
    length,
    text() {
      if (text === undefined) {
        let got: string;
        try {
          got = read();
        } catch (cause) {
          throw new ShaleError(`the cache file ${file} could not be read: ${(cause as Error).message}`, { file, hint: HINT, cause });
        }
        if (got.length !== length) throw new ShaleError(`the cache file ${file} does not hold what its index says`, { file, hint: HINT });
        text = got;
      }
      return text;
    },
  };
}

/**
 * The places a file of HTML may be read from the middle (where the page's segments start and end):
 * character offset → byte offset.
 */
export type Bounds = Map<number, number>;

/**
 * The bounds of `length` characters of HTML made of `segments`, one after the other from its
 * start; none unless they make up exactly that much (a byte offset from other HTML would read
 * the wrong stretch).
 */
export function boundsOf(segments: Iterable<Pick<Segment, 'length' | 'bytes'>>, length: number): Bounds {
  const bounds: Bounds = new Map([[0, 0]]);
  let [chars, bytes] = [0, 0];
  for (const seg of segments) bounds.set((chars += seg.length), (bytes += seg.bytes));
  return chars === length ? bounds : new Map();
}

/**
 * A cache file's `length` characters of HTML: read whole for its text, or, for a slice that starts
 * and ends at `bounds` (a chunk: whole segments), only that slice's bytes. A pack made again after
 * an edit then reads 4 MB of the 20 MB file of GitHub's largest include, not all of it.
 */
export function filePiece(file: string, length: number, boundsOrLater: Bounds | (() => Bounds) = new Map()): HtmlPiece {
  let whole: HtmlPiece | undefined;
  // Given later when working them out needs what a build with nothing to write never reads (page-cache.ts).
  let known = typeof boundsOrLater === 'function' ? undefined : boundsOrLater;
  const at = (offset: number) => (known ??= (boundsOrLater as () => Bounds)()).get(offset);
  const text = () => (whole ??= lazyPiece(length, () => readFileSync(file, 'utf8'), file)).text();
  return {
    length,
    text,
    slice(start, end) {
      const [from, to] = [at(start), at(end)];
      if (whole || from === undefined || to === undefined) return text().slice(start, end);
      return lazyPiece(end - start, () => readBytes(file, from, to - from).toString('utf8'), file).text();
    },
    utf8(start, end) {
      const [from, to] = [at(start), at(end)];
      return from === undefined || to === undefined ? undefined : { file, start: from, length: to - from };
    },
  };
}

/**
 * Strings and stretches of files (TextLike.utf8) as one run of UTF-8 bytes. The stretches are read
 * straight into the one buffer: a pack made again after an edit of GitHub's reference reads 4 MB,
 * which a buffer per stretch and a copy into the joined one touched twice over.
 */
export function utf8Bytes(parts: ReadonlyArray<string | FileBytes>): Buffer {
  let total = 0;
  for (const p of parts) total += typeof p === 'string' ? Buffer.byteLength(p) : p.length;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const p of parts) {
    if (typeof p === 'string') {
      at += out.write(p, at);
      continue;
    }
    let got: number;
    try {
      got = readInto(p.file, p.start, p.length, out, at);
    } catch (cause) {
      throw new ShaleError(`the cache file ${p.file} could not be read: ${(cause as Error).message}`, { file: p.file, hint: HINT, cause });
    }
    if (got !== p.length) throw new ShaleError(`the cache file ${p.file} does not hold what its index says`, { file: p.file, hint: HINT });
    at += got;
  }
  return out;
}

/** The pieces as one text, whose slices read only the pieces they cover. */
export function piecewise(pieces: readonly HtmlPiece[]): TextLike {
  const starts = [0];
  for (const p of pieces) starts.push(starts[starts.length - 1] + p.length);
  const length = starts[starts.length - 1];
  /** `each` of every piece that [start, end) covers, given the stretch of it covered. */
  const covered = <T>(start: number, end: number, each: (piece: HtmlPiece, from: number, to: number) => T): T[] => {
    start = Math.max(0, Math.min(start, length));
    end = Math.max(start, Math.min(end, length));
    const out: T[] = [];
    // The first piece that ends after `start`.
    let lo = 0, hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid + 1] > start) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < pieces.length && starts[i] < end; i++) {
      const from = Math.max(start, starts[i]) - starts[i];
      const to = Math.min(end, starts[i + 1]) - starts[i];
      if (to > from) out.push(each(pieces[i], from, to));
    }
    return out;
  };
  const text = (piece: HtmlPiece, from: number, to: number) =>
    (from === 0 && to === piece.length ? piece.text() : piece.slice ? piece.slice(from, to) : piece.text().slice(from, to));
  return {
    length,
    slice: (start, end = length) => {
      const got = covered(start, end, text);
      return got.length === 1 ? got[0] : got.join('');
    },
    utf8: (start, end) => covered(start, end, (piece, from, to) => piece.utf8?.(from, to) ?? text(piece, from, to)),
  };
}

/**
 * `page` with `pieces` (not enumerable: a page compares and serialises by its content) and an
 * `html` that joins them when first read: a build that needs no whole HTML never makes it.
 */
export function withPieces<T extends object>(page: T, pieces: HtmlPiece[]): T & Pick<Page, 'html' | 'pieces'> {
  let html: string | undefined;
  return Object.defineProperties(page, {
    pieces: { value: pieces, enumerable: false, writable: true, configurable: true },
    html: {
      enumerable: true, configurable: true,
      get: () => (html ??= pieces.map((p) => p.text()).join('')),
      set: (value: string) => { html = value; },
    },
  }) as T & Pick<Page, 'html' | 'pieces'>;
}

/** The page's HTML as the split reads it, without joining its pieces. */
export function pageText(page: Pick<Page, 'html' | 'pieces'>): TextLike {
  return page.pieces ? piecewise(page.pieces) : page.html;
}
