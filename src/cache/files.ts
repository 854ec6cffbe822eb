// What the file caches in `.shale-cache/` share: how an entry is named and how it is written.

import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `<dir>/<prefix>-<16 characters of SHA-1 of key><ext>`: one file per key, a safe name for any key. */
export function cacheFile(dir: string, prefix: string, key: string, ext = ''): string {
  return join(dir, `${prefix}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}${ext}`);
}

/**
 * Writes `text` beside `file` and renames it into place, so a build stopped half-way never leaves
 * half a file. A cache that cannot be written only costs time: failures return false, never throw.
 */
export function writeAside(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    // The temporary file may not exist, or its folder may not be one (ENOTDIR): nothing to undo then.
    try { rmSync(tmp, { force: true }); } catch { /* nothing was written */ }
    return false;
  }
}
