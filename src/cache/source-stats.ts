// Source files told unchanged by their stat, as git's index tells a clean working tree: an edit of
// one include of a large reference then reads that one, not all 50 (GitHub's: 21.7 MB read and
// hashed, ≈ 0.1 s and as much garbage). A file is trusted when its size, inode, modification and
// change times are those recorded with its digest, and it had not been modified for RACY_MS when
// it was looked at: a write within the same tick of the clock as that look might not move its
// modification time, so such a file is read again (git's "racily clean" entries). Anything else
// is read. Without .shale-cache (deleted, or the Node API's `cache: false`) every file is read.

import type { Stats } from 'node:fs';
import { readFileSync } from 'node:fs';
import { seenOf } from '../load/read.js';
import type { SourcePart } from '../types.js';
import { cacheFile, writeAside } from './files.js';

/** Bump when an entry's fields, or the digests they hold (markdown-digest.ts), change. */
const FILE_FORMAT = 1;

/** A file modified this close to the moment it was looked at is not trusted by its stat. */
export const RACY_MS = 2000;

/** File → size, inode, mtime, ctime (ms), when it was looked at, its digest. */
type Entry = [number, number, number, number, number, string];

export interface SourceStats {
  /** The file's digest as an earlier build made it, if `stat` tells the file unchanged since. */
  known(file: string, stat: Stats): string | undefined;
  /** Writes what this build saw of its whole-file parts' files, with their digests (`digestOf`), for the next build. */
  save(parts: readonly SourcePart[], digestOf: (part: SourcePart) => string): void;
}

export function openSourceStats(dir: string, scope: string): SourceStats {
  const file = cacheFile(dir, 'sources', scope, '.json');
  let last = new Map<string, Entry>();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; entries?: Array<[string, Entry]> };
    if (stored.format === FILE_FORMAT && Array.isArray(stored.entries)) last = new Map(stored.entries);
  } catch {
    // none yet, or torn: every file is read
  }
  return {
    known(path, stat) {
      const e = last.get(path);
      if (!e || !Array.isArray(e) || e.length !== 6) return undefined;
      const [size, ino, mtime, ctime, at, digest] = e;
      const same = stat.size === size && stat.ino === ino && stat.mtimeMs === mtime && stat.ctimeMs === ctime;
      return same && mtime < at - RACY_MS && typeof digest === 'string' ? digest : undefined;
    },
    save(parts, digestOf) {
      const next = new Map<string, Entry>();
      for (const part of parts) {
        const seen = seenOf(part);
        if (seen) next.set(part.file, [seen.stat.size, seen.stat.ino, seen.stat.mtimeMs, seen.stat.ctimeMs, seen.at, digestOf(part)]);
      }
      writeAside(file, JSON.stringify({ format: FILE_FORMAT, entries: [...next] }));
    },
  };
}
