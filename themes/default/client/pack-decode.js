// A content pack back to the chunks' HTML bytes. The format and why it exists are in
// src/output/pack.ts: gzip (undone by the browser's DecompressionStream), then a length and a
// stream of bytes where 0x01 starts either a copy from earlier (length, distance) or a literal
// 0x01. Plain JavaScript with a .d.ts beside it, like search-varint.js: the page runs it, and so
// can Node (tests, bench/) without a bundler.

/** The bytes a pack's inflated stream stands for. Throws on a stream that does not add up. */
export function decodeCopies(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const out = new Uint8Array(view.getUint32(0, true));
  let at = 4;
  let o = 0;
  const varint = () => {
    let v = 0;
    for (let shift = 0; at < packed.length; shift += 7) {
      const b = packed[at++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
    throw new Error('corrupt content pack');
  };
  while (at < packed.length) {
    // Literal bytes up to the next token, in one copy.
    const token = packed.indexOf(1, at);
    const end = token < 0 ? packed.length : token;
    if (o + end - at > out.length) throw new Error('corrupt content pack');
    out.set(packed.subarray(at, end), o);
    o += end - at;
    if (token < 0) break;
    at = token + 1;
    const length = varint();
    if (length === 0) {
      out[o++] = 1;
      continue;
    }
    const distance = varint();
    if (distance < length || distance > o || o + length > out.length) throw new Error('corrupt content pack');
    out.copyWithin(o, o - distance, o - distance + length);
    o += length;
  }
  if (o !== out.length) throw new Error('corrupt content pack');
  return out;
}

/** Fetches and decodes the pack at `url`. */
export async function fetchPack(url) {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${response.status} ${url}`);
  const inflated = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return decodeCopies(new Uint8Array(inflated));
}
