// Nothing to do: when every input of a build (each page's render key, the theme, the options that
// shape the output, the static files) is what it was for the build that made the output folder,
// and that folder still holds exactly the files that build wrote (same sizes and times), the
// build stops there instead of writing 45 MB again. The marker file records both.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { filesUnder } from '../cache/files.js';
import { join, relative, sep } from 'node:path';
import { MARKER } from './folder.js';

/** Folder-relative path (with `/`) → `size:mtime`, for every file but the marker. */
export type Listing = Record<string, string>;

export function listFiles(dir: string): Listing {
  const listing: Listing = {};
  walk(dir, (file, st) => {
    const path = relative(dir, file).split(sep).join('/');
    if (path !== MARKER) listing[path] = `${st.size}:${Math.round(st.mtimeMs)}`;
  });
  return listing;
}

/**
 * One digest of everything the output depends on: `parts` (page keys, theme key, options) and
 * every file of the source folder by size and time — an include no page uses, or a changed
 * image, means a build, which is the safe side.
 */
export function inputsDigest(parts: string[], sourceDir: string): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  walk(sourceDir, (file, st) => h.update(`${relative(sourceDir, file)}\0${st.size}\0${st.mtimeMs}\0`));
  return h.digest('base64url');
}

/** Each file of `dir` with its stat, leaving out node_modules and dot folders. */
function walk(dir: string, visit: (file: string, st: Stats) => void): void {
  const skip = (e: Dirent) => e.isDirectory() && (e.name === 'node_modules' || e.name.startsWith('.'));
  for (const file of filesUnder(dir, skip)) visit(file, statSync(file));
}

/** What the marker records besides "shale made this". */
export interface BuildRecord {
  inputs: string;
  files: Listing;
}

/** Did the build recorded in `outDir`'s marker have these inputs, and are its files untouched? */
export function isUpToDate(outDir: string, inputs: string): boolean {
  try {
    const marker = join(outDir, MARKER);
    if (!existsSync(marker)) return false;
    const record = JSON.parse(readFileSync(marker, 'utf8')) as Partial<BuildRecord>;
    if (record.inputs !== inputs || !record.files) return false;
    const now = listFiles(outDir);
    const then = record.files;
    return Object.keys(now).length === Object.keys(then).length && Object.entries(then).every(([f, v]) => now[f] === v);
  } catch {
    return false;
  }
}
