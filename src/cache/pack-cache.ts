// Content packs kept between builds in `<root>/.shale-cache/packs/`: packing GitHub's reference
// takes ~0.5 s, and an edit in one include changes one of its 11 packs. An entry is named by the
// SHA-1 of the pack's HTML (its chunks' strings, hashed as UTF-8) and PACK_FORMAT; each build keeps
// the entries it used and removes the rest.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodePack, PACK_FORMAT } from '../output/pack.js';
import { writeAside } from './files.js';

export interface PackCache {
  /**
   * The pack file's bytes for the HTML these strings make one after the other (`bytes` long in
   * UTF-8): from the cache, or encoded now (and kept on save).
   */
  pack(html: string[], bytes: number): Buffer;
  /** Writes the new entries and removes those this build did not use. */
  save(): void;
}

export function openPackCache(cacheDir: string): PackCache {
  const dir = join(cacheDir, 'packs');
  const used = new Map<string, Buffer | undefined>(); // file name → bytes to write, undefined when on disk
  return {
    pack(html, bytes) {
      // The strings are hashed as they are: UTF-8 bytes are made only for a pack that is encoded.
      const h = createHash('sha1').update(`${PACK_FORMAT}\0`);
      for (const s of html) h.update(s);
      const name = `pack-${h.digest('base64url')}.bin`;
      const kept = readEntry(join(dir, name), bytes);
      used.set(name, kept ? undefined : encodePack(Buffer.from(html.join(''))));
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
