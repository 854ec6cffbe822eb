// Shared helpers of the reliability tests: run the CLI in-process and capture what it prints,
// and fingerprint a folder tree so a test can say "not one byte changed".
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli.js';

export interface CliRun { code: number; out: string; err: string }

/** `shale …args` in this process: exit code and everything printed. */
export async function cli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); }),
    vi.spyOn(console, 'info').mockImplementation((...a) => { out.push(a.join(' ')); }),
    vi.spyOn(console, 'warn').mockImplementation((...a) => { err.push(a.join(' ')); }),
    vi.spyOn(console, 'error').mockImplementation((...a) => { err.push(a.join(' ')); }),
  ];
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/** path → sha1 of every file and link under `dir` (folders listed too), sorted by path. */
export function treeHashes(dir: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const rel = relative(dir, full);
      if (skip(rel)) continue;
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out[rel] = `link:${readlinkSync(full)}`;
      else if (st.isDirectory()) { out[rel + '/'] = 'dir'; walk(full); }
      else out[rel] = createHash('sha1').update(readFileSync(full)).digest('hex') + `:${st.mode.toString(8)}`;
    }
  };
  walk(dir);
  return out;
}

/** A stack frame line, as Node prints them: the thing users must never see without --debug. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
