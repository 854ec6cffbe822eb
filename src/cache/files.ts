// What the file caches in `.shale-cache/` share: how an entry is named and how it is written, and
// how a folder's files are listed for a key.

import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';

/** `<dir>/<prefix>-<16 characters of SHA-1 of key><ext>`: one file per key, a safe name for any key. */
export function cacheFile(dir: string, prefix: string, key: string, ext = ''): string {
  return join(dir, `${prefix}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}${ext}`);
}

/** A cache file that holds a stretch of a page's HTML: `length` characters, `bytes` in UTF-8. */
export interface HtmlFile {
  file: string;
  length: number;
  bytes: number;
}

/**
 * Reads back strings kept one after the other in a text file beside a JSON that gives their
 * lengths (inside JSON every quote of HTML is escaped and every character scanned). `cut(n)`
 * takes the next n characters; `done()` tells a file that holds exactly what the lengths name
 * from one cut short or too long.
 */
export function lengthReader(text: string): { cut(length: number): string; done(): boolean } {
  let at = 0;
  return { cut: (length) => text.slice(at, (at += length)), done: () => at === text.length };
}

/**
 * Writes `text` beside `file` and renames it into place, so a build stopped half-way never leaves
 * half a file. A cache that cannot be written only costs time: failures return false, never throw.
 * Strings given as a list are written one after the other: a page's HTML in its pieces is never
 * joined into one string (45 MB, or twice that in UTF-16, for GitHub's reference) to be written.
 */
export function writeAside(file: string, text: string | Uint8Array | readonly string[]): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    if (typeof text === 'string' || text instanceof Uint8Array) writeFileSync(tmp, text);
    else writeEach(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    // The temporary file may not exist, or its folder may not be one (ENOTDIR): nothing to undo then.
    try { rmSync(tmp, { force: true }); } catch { /* nothing was written */ }
    return false;
  }
}

function writeEach(file: string, texts: readonly string[]): void {
  const fd = openSync(file, 'w');
  try {
    // Given a descriptor, writeFileSync writes at the file's position and finishes short writes.
    for (const text of texts) writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** How old a temporary file (writeAside's, or a folder made aside) must be to be taken for one left behind. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Removes what writes aside left in `dir` and its `subfolders` when their process was stopped
 * between writing and renaming (killed, or the machine went down): files and folders named
 * `<name>.<pid>.tmp` (megabytes, for the search cache), which nothing reads. Only those older than
 * STALE_TEMP_MS: a younger one may be another build's write in progress. Never throws.
 */
export function removeStaleTemps(dir: string, subfolders: string[] = [], now = Date.now()): number {
  let removed = 0;
  for (const d of [dir, ...subfolders.map((f) => join(dir, f))]) {
    let names: string[];
    try { names = readdirSync(d); } catch { continue; }
    for (const name of names) {
      if (!/\.\d+\.tmp$/.test(name)) continue;
      try {
        const at = join(d, name);
        if (now - statSync(at).mtimeMs < STALE_TEMP_MS) continue;
        rmSync(at, { recursive: true, force: true });
        removed++;
      } catch {
        // Gone meanwhile, or not ours to remove: only disk space.
      }
    }
  }
  return removed;
}

/**
 * Every file under `dir`, in name order (so a key made from them is the same on every system),
 * leaving out each entry `skip` names (a folder with all it holds).
 */
export function filesUnder(dir: string, skip: (entry: Dirent) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (skip(e)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** `length` bytes of `file` from byte `start` (fewer at its end). */
export function readBytes(file: string, start: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  return bytes.subarray(0, readInto(file, start, length, bytes, 0));
}

/** Reads `length` bytes of `file` from byte `start` into `target` at `at`; returns how many it read (fewer at the file's end). */
export function readInto(file: string, start: number, length: number, target: Uint8Array, at: number): number {
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    // One read nearly always; a read may return fewer bytes than asked before the end.
    for (let n = -1; done < length && n !== 0; done += n) n = readSync(fd, target, at + done, length - done, start + done);
    return done;
  } finally {
    closeSync(fd);
  }
}

/** Does `file` start with `prefix` (ASCII)? Reads only that many bytes. */
export function fileStartsWith(file: string, prefix: string): boolean {
  return readBytes(file, 0, prefix.length).toString('latin1') === prefix;
}
