// Content packs: the chunks of a large page (src/output/chunks.ts) travel in a few files, each
// holding PACK_BYTES or so of consecutive chunks, stored small. Why not gzip alone: a large
// reference repeats long stretches (one template's code sample per operation and language, the
// same schema tables) farther apart than gzip's 32 KB window. On GitHub's reference, gzip makes
// 44.6 MB of chunk HTML 3.3 MB; copies from anywhere earlier in a 4 MB pack, then gzip, 1.03 MB.
// The page undoes both with the browser's DecompressionStream and a short loop
// (themes/default/client/pack-decode.js), so the built site needs no decompression library.
//
// Format PACK_FORMAT: gzip of [decoded length: u32 little-endian][stream], where the stream is
// bytes as they are, except that 0x01 starts a token:
//   0x01 varint(length) varint(distance)  copy `length` bytes from `distance` back (length ≤ distance)
//   0x01 0x00                             a literal 0x01
// Varints are LEB128 (7 bits a byte, low bits first).

import { gzipSync } from 'node:zlib';

/** Changes whenever the bytes a pack decodes to would differ. */
export const PACK_FORMAT = 1;

/**
 * How much chunk HTML a pack holds. Bigger packs find more to copy (GitHub: 2 MB 1.35 MB packed,
 * 4 MB 1.03, 8 MB 0.95) but make the reader's first chunk of a pack wait for all of it.
 */
export const PACK_BYTES = 4_000_000;

// Found by hashing every aligned BLOCK bytes seen and looking each position's BLOCK bytes up
// (Bentley and McIlroy's long-common-strings scheme). A copy shorter than MIN_COPY is left to
// gzip, which finds it itself when it is near: GitHub 1.08 MB at 64, 1.03 at 96, 1.05 at 128.
const BLOCK = 32;
const MIN_COPY = 96;
const MUL = 0x01000193;
// MUL^(BLOCK-1): the weight of the byte that leaves the window, for the rolling hash's update.
const DROP = Array.from({ length: BLOCK - 1 }).reduce<number>((p) => Math.imul(p, MUL), 1);

/** Slots of the block table: 2^18 for a pack's ~125,000 blocks. */
const TABLE_BITS = 18;

function sameBlock(s: Uint8Array, a: number, b: number): boolean {
  for (let k = 0; k < BLOCK; k++) if (s[a + k] !== s[b + k]) return false;
  return true;
}

function hashAt(s: Uint8Array, at: number): number {
  let h = 0;
  for (let k = 0; k < BLOCK; k++) h = (Math.imul(h, MUL) + s[at + k]) | 0;
  return h;
}

/** The token stream of `input` (without the length header or gzip): see the format above. */
export function encodeCopies(input: Uint8Array): Buffer {
  // Worst case: every byte a literal 0x01, written as two.
  const out = Buffer.allocUnsafe(input.length * 2);
  let o = 0;
  const varint = (v: number): void => {
    while (v >= 0x80) {
      out[o++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[o++] = v;
  };
  const literals = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      out[o++] = input[k];
      if (input[k] === 1) out[o++] = 0;
    }
  };
  // Hash of an aligned block → its latest offset, in a table of slots (a Map cost 2.5× the time);
  // a block that lands on a taken slot replaces it, which only loses a few copies.
  const seen = new Int32Array(1 << TABLE_BITS).fill(-1);
  const slot = (hash: number): number => Math.imul(hash, 0x9e3779b1) >>> (32 - TABLE_BITS);
  const n = input.length;
  let pending = 0; // start of the bytes not written yet
  let indexed = 0; // aligned blocks before this offset are in `seen`
  let i = 0;
  let h = n >= BLOCK ? hashAt(input, 0) : 0;
  while (i + BLOCK <= n) {
    for (; indexed + BLOCK <= i; indexed += BLOCK) seen[slot(hashAt(input, indexed))] = indexed;
    const at = seen[slot(h)];
    if (at >= 0 && sameBlock(input, at, i)) {
      const distance = i - at;
      // Grown both ways, never longer than its distance, so the copy's source is all written.
      let start = i;
      let end = i + BLOCK;
      while (start > pending && start - distance > 0 && end - start < distance && input[start - 1] === input[start - 1 - distance]) start--;
      while (end < n && end - start < distance && input[end] === input[end - distance]) end++;
      if (end - start >= MIN_COPY) {
        literals(pending, start);
        out[o++] = 1;
        varint(end - start);
        varint(distance);
        pending = i = end;
        if (i + BLOCK <= n) h = hashAt(input, i);
        continue;
      }
    }
    if (i + BLOCK < n) h = (Math.imul(h - Math.imul(input[i], DROP), MUL) + input[i + BLOCK]) | 0;
    i++;
  }
  literals(pending, n);
  return out.subarray(0, o);
}

/** A pack file's bytes for `input` (the chunks' HTML, concatenated). */
export function encodePack(input: Uint8Array): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(input.length);
  return gzipSync(Buffer.concat([header, encodeCopies(input)]), { level: 9 });
}

/**
 * Chunks, by their byte sizes, in consecutive groups of PACK_BYTES or so (a chunk is never split;
 * a group ends once it holds `limit` bytes).
 */
export function packGroups(sizes: readonly number[], limit = PACK_BYTES): number[][] {
  const groups: number[][] = [];
  let size = limit;
  sizes.forEach((bytes, i) => {
    if (size >= limit) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(i);
    size += bytes;
  });
  return groups;
}
