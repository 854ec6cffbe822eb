// Varint strings: every number comes back, small numbers take one character, and the text is
// safe inside JSON without escaping.
import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints } from '../../themes/default/client/search-varint.js';

describe('search varints', () => {
  it('round-trips numbers of every size', () => {
    const numbers = [0, 1, 31, 32, 33, 1023, 1024, 65535, 2 ** 31, 2 ** 40 + 7];
    expect(decodeVarints(encodeVarints(numbers))).toEqual(numbers);
  });

  it('writes a number under 32 as one character, JSON-safe', () => {
    const text = encodeVarints(Array.from({ length: 32 }, (_, i) => i));
    expect(text.length).toBe(32);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
  });

  it('refuses negative and fractional numbers, and reports bad text', () => {
    expect(() => encodeVarints([-1])).toThrow(/non-negative/);
    expect(() => encodeVarints([1.5])).toThrow(/non-negative/);
    expect(() => decodeVarints('A"')).toThrow(/bad character/);
  });
});
