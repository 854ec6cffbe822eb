// Content packs kept between builds in `<root>/.shale-cache/packs/`: packing GitHub's reference
// takes ~0.5 s, and an edit in one include changes one of its 11 packs. An entry is named by the
// SHA-1 of PACK_FORMAT, a key that stands for the pack's HTML (the SHA-1s of its segments,
// src/output/chunk-facts.ts, made when each part was rendered, so that 45 MB are not hashed again
// here) and the HTML's length, then by the entry's size in bytes: an entry whose file is not that
// size (torn, cut short) is made again, and one that is needs no inflating to be trusted (checking
// all 11 by inflating them took ≈ 0.1 s of an edit's build). Each build keeps the entries it used
// and removes the rest.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
  /** Writes the new entries and removes those this build did not use. */
  save(): void;
}

export function openPackCache(cacheDir: string): PackCache {
  const dir = join(cacheDir, 'packs');
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { /* no folder yet */ }
  // Entry name → its size, from the files there (`pack-<name>-<size>.bin`).
  const sizes = new Map(names.flatMap((f) => {
    const m = /^pack-([\w-]{27})-(\d+)\.bin$/.exec(f);
    return m ? [[m[1], Number(m[2])] as const] : [];
  }));
  const used = new Map<string, Buffer | undefined>(); // file name → bytes to write, undefined when on disk
  return {
    pack(key, html, bytes) {
      const name = createHash('sha1').update(`${PACK_FORMAT}\0${bytes}\0`).update(key).digest('base64url');
      const size = sizes.get(name);
      const kept = size === undefined ? undefined : readEntry(join(dir, `pack-${name}-${size}.bin`), size);
      const made = kept ?? encodePack(utf8Bytes(html()));
      used.set(`pack-${name}-${made.length}.bin`, kept ? undefined : made);
      return made;
    },
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
