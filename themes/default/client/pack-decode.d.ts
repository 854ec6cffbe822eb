// Types of pack-decode.js (plain JavaScript so that Node and the page both run it as shipped).

/** The bytes a pack's inflated stream (length header, then literals and copies) stands for. */
export function decodeCopies(packed: Uint8Array): Uint8Array;
/** Fetches the pack at `url`, inflates it and decodes it. */
export function fetchPack(url: string): Promise<Uint8Array>;
