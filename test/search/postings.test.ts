// One term's posting lists (src/search/postings.ts): read back as written, counts over 255 as 255,
// and written as the page's search engine reads them.
import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings } from '../../src/search/postings.js';
import { decodeVarints } from '../../themes/default/client/search-varint.js';

describe('posting lists', () => {
  it('read back as written, per field, with counts over 255 as 255', () => {
    const lists = [[0, 1, 5, 2, 6, 1], [], [3, 300, 4000, 1]];
    expect(decodePostings(encodePostings(lists), 3)).toEqual([[0, 1, 5, 2, 6, 1], [], [3, 255, 4000, 1]]);
  });

  it('are each field\'s count, then gaps with a bit for a count above one', () => {
    // Sections 2 (tf 1) and 3 (tf 4): gaps 2 and 0; the second has its count as 4 - 2.
    expect(decodeVarints(encodePostings([[2, 1, 3, 4]]))).toEqual([2, 4, 1, 2]);
  });
});
