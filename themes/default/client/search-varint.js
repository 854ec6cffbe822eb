// Varints in a string: how the search index stores its many small numbers. Each character of the
// base64url alphabet carries 5 bits of a number and a flag saying that more characters follow,
// low bits first, so a number under 32 is one character. It is JSON-safe (no quote, no backslash)
// and gzips better than decimal numbers in an array. Plain JavaScript with a .d.ts beside it,
// like search-tokens.js: the build (Node, from dist/) writes it and the page's worker reads it.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Non-negative integers → one string. */
export function encodeVarints(numbers) {
  const out = [];
  for (let n of numbers) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`varint: ${n} is not a non-negative integer`);
    while (n >= 32) {
      out.push(ALPHABET[(n % 32) | 32]);
      n = Math.floor(n / 32);
    }
    out.push(ALPHABET[n]);
  }
  return out.join('');
}

/** A reader over `text` from `at`: next() returns the following number. */
export function varintReader(text, at = 0) {
  const reader = {
    at,
    next() {
      let n = 0;
      let scale = 1;
      for (;;) {
        const v = VALUE[text.charCodeAt(reader.at++)];
        if (v === undefined || v < 0) throw new Error(`varint: bad character at ${reader.at - 1}`);
        n += (v & 31) * scale;
        if (v < 32) return n;
        scale *= 32;
      }
    },
  };
  return reader;
}

/** Every number in `text`. */
export function decodeVarints(text) {
  const out = [];
  const r = varintReader(text);
  while (r.at < text.length) out.push(r.next());
  return out;
}
