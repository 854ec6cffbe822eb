// The output folder: shale writes a new site into a fresh folder beside it and swaps it in only
// when the build succeeded, so a failed build leaves the previous site as it was. It cleans or
// replaces only a folder that carries its marker: anything else the user owns is never touched.
//
// Interruptions: Ctrl-C or SIGTERM during a build removes the staging folder; a build killed
// outright (kill -9, power cut) can leave a staging folder, or, between the two renames of the
// swap, the old site moved aside and no output folder at all. The next build (or check) finishes
// that: it puts the old site back when the output folder is missing, and removes the leftovers
// of processes that are gone. Both kinds of folder carry the pid of the build that made them.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ShaleError } from '../errors.js';

/** The file that says "shale made this folder". */
export const MARKER = '.shale-build';

/** Refuses an output folder shale may not replace, or one that would hold or sit inside the sources. */
export function checkOutputFolder(outDir: string, dirs: { root: string; sourceDir: string; themeDir: string }): void {
  recoverInterruptedBuild(outDir);
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
    throw new ShaleError(`the output path ${shown(outDir)} is a file, not a folder`, { file: outDir, hint: 'Choose another --out, or move that file.' });
  }
  if (readdirSync(outDir).length && !existsSync(join(outDir, MARKER))) {
    throw new ShaleError(`refusing to write into ${shown(outDir)}: it is not empty and shale did not make it`, {
      file: outDir,
      hint: `shale only replaces folders it built (they contain ${MARKER}). Choose another --out, or empty or remove that folder yourself.`,
    });
  }
}

/** A new empty folder beside `outDir` to build into; removed again if the process is interrupted. */
export function makeStagingFolder(outDir: string): string {
  mkdirSync(dirname(outDir), { recursive: true });
  const dir = join(dirname(outDir), `.${basename(outDir)}.shale-new-${process.pid}-${Date.now()}`);
  // The handlers first: a signal that came once the folder existed but before them would end the
  // process as if unhandled and leave the folder (seen in about 1 of 15 SIGTERMs sent the moment
  // it appeared). A signal before the folder exists removes nothing, and still ends the process.
  removeOnSignal(dir);
  mkdirSync(dir);
  return dir;
}

/**
 * Lets a signal that came during the build's synchronous work reach its handler. Node runs signal
 * handlers from the event loop's poll phase: a Ctrl-C during the last stretch of writing would
 * otherwise be handled only after the swap, when the handler is gone, and be lost (the build
 * then published and exited 0). Two turns of the loop hold one poll phase between them.
 */
export async function deliverSignals(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Marks the staged site as shale's (with `record`: what the build was made from, see
 * up-to-date.ts) and swaps it in for the old one, which is then removed. Refuses a staging
 * folder a signal has removed (a host program that handles the signal itself keeps running).
 */
export function publishStagingFolder(staging: string, outDir: string, record: object = {}): void {
  if (!existsSync(staging)) throw new ShaleError('the build was interrupted: the old site is left as it was');
  writeFileSync(join(staging, MARKER), JSON.stringify({ generator: 'shale', builtAt: new Date().toISOString(), ...record }) + '\n');
  let old: string | undefined;
  if (existsSync(outDir)) {
    old = join(dirname(outDir), `.${basename(outDir)}.shale-old-${process.pid}-${Date.now()}`);
    renameSync(outDir, old);
  }
  try {
    renameSync(staging, outDir);
  } catch (err) {
    // Put the old site back rather than leave no output folder at all.
    if (old) renameSync(old, outDir);
    throw err;
  } finally {
    signalCleanups.get(staging)?.();
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

export function discardStagingFolder(staging: string): void {
  signalCleanups.get(staging)?.();
  rmSync(staging, { recursive: true, force: true });
}

/** Leftover folder names: `.<out>.shale-new-<pid>-<time>` (staging) and `.<out>.shale-old-<pid>-<time>`. */
function leftovers(outDir: string): Array<{ path: string; kind: 'new' | 'old'; pid: number; time: number }> {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const prefix = `.${basename(outDir)}.shale-`;
  const found = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(new|old)-(\d+)-(\d+)$/.exec(name.slice(prefix.length));
    if (m) found.push({ path: join(parent, name), kind: m[1] as 'new' | 'old', pid: Number(m[2]), time: Number(m[3]) });
  }
  return found;
}

/**
 * Finishes what an interrupted build left: the newest old site goes back when the output folder
 * is missing; staging and old folders of processes that no longer run are removed. A running
 * build's folders (another shale process) are left alone.
 */
export function recoverInterruptedBuild(outDir: string): void {
  const stale = leftovers(outDir).filter((f) => f.pid !== process.pid && !isRunning(f.pid));
  const olds = stale.filter((f) => f.kind === 'old').sort((a, b) => b.time - a.time);
  if (olds.length && !existsSync(outDir)) {
    renameSync(olds[0].path, outDir);
    olds.shift();
  }
  for (const f of stale) if (f.kind === 'new' || olds.includes(f)) rmSync(f.path, { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Staging folder → its signal cleanup. Process-wide because signals are: each entry lives only
 * while its build runs, so two builds in one process each remove their own.
 */
const signalCleanups = new Map<string, () => void>();

function removeOnSignal(staging: string): void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const release = () => {
    for (const s of signals) process.off(s, onSignal);
    signalCleanups.delete(staging);
  };
  function onSignal(signal: NodeJS.Signals) {
    rmSync(staging, { recursive: true, force: true });
    release();
    // With no one else listening, end the process as the signal would have without us.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  for (const s of signals) process.on(s, onSignal);
  signalCleanups.set(staging, release);
}

function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

function shown(p: string): string {
  return relative(process.cwd(), p) || '.';
}
