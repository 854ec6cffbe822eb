// The output folder: shale writes a new site into a fresh folder beside it and swaps it in only
// when the build succeeded, so a failed build leaves the previous site as it was. It cleans or
// replaces only a folder that carries its marker: anything else the user owns is never touched.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ShaleError } from '../errors.js';

/** The file that says "shale made this folder". */
export const MARKER = '.shale-build';

/** Refuses an output folder shale may not replace, or one that would hold or sit inside the sources. */
export function checkOutputFolder(outDir: string, dirs: { root: string; sourceDir: string; themeDir: string }): void {
  const clash =
    isWithin(dirs.root, outDir) ? `the project folder ${shown(dirs.root)}`
    : isWithin(outDir, dirs.sourceDir) || isWithin(dirs.sourceDir, outDir) ? `the source folder ${shown(dirs.sourceDir)}`
    : isWithin(outDir, dirs.themeDir) || isWithin(dirs.themeDir, outDir) ? `the theme folder ${shown(dirs.themeDir)}`
    : undefined;
  if (clash) {
    throw new ShaleError(`the output folder ${shown(outDir)} overlaps ${clash}`, {
      hint: 'Choose an output folder of its own, e.g. --out build.',
    });
  }
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) {
    throw new ShaleError(`the output path ${shown(outDir)} is a file, not a folder`, { hint: 'Choose another --out, or move that file.' });
  }
  if (readdirSync(outDir).length && !existsSync(join(outDir, MARKER))) {
    throw new ShaleError(`refusing to write into ${shown(outDir)}: it is not empty and shale did not make it`, {
      hint: `shale only replaces folders it built (they contain ${MARKER}). Choose another --out, or empty or remove that folder yourself.`,
    });
  }
}

/** A new empty folder beside `outDir` to build into. */
export function makeStagingFolder(outDir: string): string {
  mkdirSync(dirname(outDir), { recursive: true });
  const dir = join(dirname(outDir), `.${basename(outDir)}.shale-new-${process.pid}-${Date.now()}`);
  mkdirSync(dir);
  return dir;
}

/** Marks the staged site as shale's and swaps it in for the old one, which is then removed. */
export function publishStagingFolder(staging: string, outDir: string): void {
  writeFileSync(join(staging, MARKER), JSON.stringify({ generator: 'shale', builtAt: new Date().toISOString() }) + '\n');
  let old: string | undefined;
  if (existsSync(outDir)) {
    old = join(dirname(outDir), `.${basename(outDir)}.shale-old-${process.pid}-${Date.now()}`);
    renameSync(outDir, old);
  }
  renameSync(staging, outDir);
  if (old) rmSync(old, { recursive: true, force: true });
}

export function discardStagingFolder(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

function shown(p: string): string {
  return relative(process.cwd(), p) || '.';
}
