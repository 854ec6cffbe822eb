// Content packs (src/output/pack.ts) and the page's decoder (themes/default/client/pack-decode.js):
// every input comes back byte for byte, and repeats too far apart for gzip are stored once.
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeCopies, encodePack, packGroups } from '../../src/output/pack.js';
import { decodeCopies } from '../../themes/default/client/pack-decode.js';

const roundTrip = (input: Uint8Array) => Buffer.from(decodeCopies(gunzipSync(encodePack(input))));

describe('content packs', () => {
  it('give back any bytes exactly: empty, short, random, with 0x01 bytes and with repeats', () => {
    const random = randomBytes(50_000);
    const html = Buffer.from('<tr>\n<td>id</td>\n<td>integer</td>\n<td>\u0001 ünïcödé ✓</td>\n</tr>\n'.repeat(3_000));
    const ones = Buffer.alloc(5_000, 1);
    for (const input of [Buffer.alloc(0), Buffer.from('<p>x</p>'), random, html, ones, Buffer.concat([random, html, random, ones, html])]) {
      expect(roundTrip(input).equals(input)).toBe(true);
    }
  });

  it('store a stretch repeated beyond gzip\'s 32 KB window once', () => {
    const block = randomBytes(40_000).toString('base64'); // ~53 KB of text gzip cannot shrink much
    const between = randomBytes(60_000).toString('base64');
    const input = Buffer.from(block + between + block);
    const packed = encodePack(input);
    expect(roundTrip(input).equals(input)).toBe(true);
    // gzip alone stores the block twice; the pack stores it once, and a copy.
    expect(gzipSync(input, { level: 9 }).length - packed.length).toBeGreaterThan(gzipSync(block, { level: 9 }).length * 0.95);
    expect(packed.length).toBeLessThan(gzipSync(block + between, { level: 9 }).length + 100);
  });

  it('copy only from bytes already written (length ≤ distance), so a decoder can copy in one go', () => {
    // A run of one repeated 100-byte unit: each copy could overlap its source; none may.
    const input = Buffer.from('0123456789'.repeat(10).repeat(400));
    expect(roundTrip(input).equals(input)).toBe(true);
    expect(encodeCopies(input).length).toBeLessThan(input.length / 10);
  });

  it('refuse a stream that does not add up', () => {
    const stream = gunzipSync(encodePack(Buffer.from('abc'.repeat(1000))));
    // Claim one byte more than the stream makes.
    const longer = Buffer.from(stream);
    longer.writeUInt32LE(longer.readUInt32LE(0) + 1);
    expect(() => decodeCopies(longer)).toThrow(/corrupt/);
    // A copy from before the start.
    const early = Buffer.concat([Buffer.from([10, 0, 0, 0, 1, 10, 20])]);
    expect(() => decodeCopies(early)).toThrow(/corrupt/);
  });

  it('group consecutive chunks until a group holds the limit, never splitting one', () => {
    expect(packGroups([], 10)).toEqual([]);
    expect(packGroups([4, 4, 4, 20, 1, 9, 1], 10)).toEqual([[0, 1, 2], [3], [4, 5], [6]]);
  });
});
