// Content packs kept between builds in `<root>/.shale-cache/packs/`: packing GitHub's reference
// takes ~0.5 s, and an edit in one include changes one of its 11 packs. An entry is named by the
// SHA-1 of PACK_FORMAT and a key that stands for the pack's HTML: the SHA-1s of its segments
// (src/output/chunk-facts.ts), made when each part was rendered, so that 45 MB are not hashed
// again here. Each build keeps the entries it used and removes the rest.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodePack, PACK_FORMAT } from '../output/pack.js';
import { writeAside } from './files.js';

export interface PackCache {
  /**
   * The pack file's bytes for the HTML that `html()`'s strings make one after the other (`bytes`
   * long in UTF-8, named by `key`): from the cache, or read and encoded now (and kept on save).
   */
  pack(key: string, html: () => string[], bytes: number): Buffer;
  /** Writes the new entries and removes those this build did not use. */
  save(): void;
}

export function openPackCache(cacheDir: string): PackCache {
  const dir = join(cacheDir, 'packs');
  const used = new Map<string, Buffer | undefined>(); // file name → bytes to write, undefined when on disk
  return {
    pack(key, html, bytes) {
      const name = `pack-${createHash('sha1').update(`${PACK_FORMAT}\0`).update(key).digest('base64url')}.bin`;
      const kept = readEntry(join(dir, name), bytes);
      used.set(name, kept ? undefined : encodePack(Buffer.from(html().join(''))));
      return kept ?? used.get(name)!;
    },
    save() {
      for (const [name, bytes] of used) if (bytes) writeAside(join(dir, name), bytes);
      let names: string[] = [];
      try { names = readdirSync(dir); } catch { /* no folder: nothing to remove */ }
      for (const name of names) if (!used.has(name)) rmSync(join(dir, name), { force: true });
    },
  };
}

/** An entry's bytes when they are whole (gzip's checksum holds) and decode to `length` bytes. */
function readEntry(file: string, length: number): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    return gunzipSync(bytes).readUInt32LE(0) === length ? bytes : undefined;
  } catch {
    return undefined;
  }
}
