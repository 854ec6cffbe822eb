// Content packs kept between builds in `<root>/.shale-cache/packs/`: packing GitHub's reference
// takes ~0.5 s, and an edit in one include changes one of its 11 packs. An entry is named by the
// SHA-1 of PACK_FORMAT, a key that stands for the pack's HTML (the SHA-1s of its segments,
// src/output/chunk-facts.ts, made when each part was rendered, so that 45 MB are not hashed again
// here) and the HTML's length, then by the entry's size in bytes: an entry whose file is not that
// size (torn, cut short) is made again, and one that is needs no inflating to be trusted (checking
// all 11 by inflating them took ≈ 0.1 s of an edit's build). Each build keeps the entries it used
// and removes the rest. The chunk map (chunks.ts) is kept the same way, named by its chunks' ids:
// an edit seldom changes them, and making it again (16,000 ids into an object, then JSON) took
// ≈ 24 ms of an edit of GitHub's reference.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_MAP_VERSION } from '../output/chunks.js';
import { encodePack, PACK_FORMAT } from '../output/pack.js';
import { utf8Bytes } from '../render/html-pieces.js';
import type { FileBytes } from '../types.js';
import { writeAside } from './files.js';

export interface PackCache {
  /**
   * The pack file's bytes for the HTML that `html()`'s strings and stretches of files make one after the
   * other (`bytes` long in UTF-8, named by `key`): from the cache, or read and encoded now (and
   * kept on save).
   */
  pack(key: string, html: () => Array<string | FileBytes>, bytes: number): Buffer;
  /** The chunk map's bytes for `key` (the chunks' ids, chunk by chunk): from the cache, or `make()` now. */
  chunkMap(key: string, make: () => Buffer): Buffer;
  /** Writes the new entries and removes those this build did not use. */
  save(): void;
}

export function openPackCache(cacheDir: string): PackCache {
  const dir = join(cacheDir, 'packs');
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { /* no folder yet */ }
  // Entry (`pack-<name>` or `map-<name>`) → its size, from the files there (`<entry>-<size>.bin`).
  const sizes = new Map(names.flatMap((f) => {
    const m = /^((?:pack|map)-[\w-]{27})-(\d+)\.bin$/.exec(f);
    return m ? [[m[1], Number(m[2])] as const] : [];
  }));
  const used = new Map<string, Buffer | undefined>(); // file name → bytes to write, undefined when on disk
  /** The bytes of the entry `name`: from its file, or made now and kept on save. */
  const entry = (name: string, make: () => Buffer): Buffer => {
    const size = sizes.get(name);
    const kept = size === undefined ? undefined : readEntry(join(dir, `${name}-${size}.bin`), size);
    const made = kept ?? make();
    used.set(`${name}-${made.length}.bin`, kept ? undefined : made);
    return made;
  };
  const sha1 = (head: string, key: string) => createHash('sha1').update(head).update(key).digest('base64url');
  return {
    pack: (key, html, bytes) => entry(`pack-${sha1(`${PACK_FORMAT}\0${bytes}\0`, key)}`, () => encodePack(utf8Bytes(html()))),
    chunkMap: (key, make) => entry(`map-${sha1(`map ${CHUNK_MAP_VERSION}\0`, key)}`, make),
    save() {
      for (const [file, bytes] of used) if (bytes) writeAside(join(dir, file), bytes);
      for (const file of names) if (!used.has(file)) rmSync(join(dir, file), { force: true });
    },
  };
}

/** An entry's bytes, when its file is the size its name says. */
function readEntry(file: string, size: number): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    return bytes.length === size ? bytes : undefined;
  } catch {
    return undefined;
  }
}
