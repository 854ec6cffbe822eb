// Types of search-varint.js (plain JavaScript so that Node and the page both run it as shipped).

export interface VarintReader {
  /** Position of the next character to read. */
  at: number;
  next(): number;
}

export function encodeVarints(numbers: Iterable<number>): string;
export function varintReader(text: string, at?: number): VarintReader;
export function decodeVarints(text: string): number[];
