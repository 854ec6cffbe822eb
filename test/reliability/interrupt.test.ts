// Issue 8 §3: an interrupted build leaves the old site or the new one, never half of one, and the
// real `shale` process exits 1 with no stack on an input error. These tests run shale as a child
// process, compiled from the current sources into a temporary folder laid out like the package
// (dist/ beside links to themes/ and node_modules/), so a stale dist/ cannot fool them, and
// interrupt it once its staging folder exists: SIGINT, SIGTERM and SIGKILL.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MARKER } from '../../src/output/folder.js';
import { tempProject } from '../helpers.js';
import { cli, STACK_LINE, treeHashes } from './helpers.js';

const repo = join(import.meta.dirname, '..', '..');
const pkg = mkdtempSync(join(tmpdir(), 'shale-compiled-'));
const dist = join(pkg, 'dist');
const THEME = join(repo, 'themes', 'default');
// The compiled CLI, as bin/shale.js runs it. `node -e code a b` puts a, b at argv[1…].
const RUN = `const { main } = await import(${JSON.stringify(join(dist, 'cli.js'))}); process.exitCode = await main(process.argv.slice(1));`;

function shale(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--input-type=module', '-e', RUN, ...args, '--theme', THEME], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (c) => { stderr += c; });
  child.stdout!.resume();
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

const leftovers = (root: string) => readdirSync(root).filter((n) => n.startsWith('.build.shale-'));

/** A project whose page takes a few seconds to render, with a finished build of an older page. */
async function projectWithOldBuild(): Promise<{ root: string; old: Record<string, string> }> {
  const root = tempProject({ 'source/index.html.md': '---\ntitle: Old\n---\n# Old Site\n' });
  expect((await cli('build', '--root', root, '--quiet')).code).toBe(0);
  const section = (i: number) => `## Part ${i}\n\n${'Some words to render, with *emphasis* and `code`. '.repeat(40)}\n\n`;
  writeFileSync(join(root, 'source/index.html.md'), `---\ntitle: New\n---\n# New Site\n\n${Array.from({ length: 3000 }, (_, i) => section(i)).join('')}`);
  return { root, old: treeHashes(join(root, 'build')) };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(() => {
  // A package as installed: its package.json is how the code finds themes/ (src/package-root.ts).
  symlinkSync(join(repo, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(repo, 'themes'), join(pkg, 'themes'));
  symlinkSync(join(repo, 'node_modules'), join(pkg, 'node_modules'));
  execFileSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'tsconfig.json'), '--outDir', dist, '--declaration', 'false'], { stdio: 'pipe' });
  return () => rmSync(pkg, { recursive: true, force: true });
}, 120_000);

describe('the shale process', () => {
  it('exits 1 with one message and no stack on an input error', async () => {
    const root = tempProject({ 'source/index.html.md': '---\nlanguage_tabs: 3\n---\n# A\n' });
    const run = await finished(shale(['build', '--root', root]));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/index\.html\.md:2: error: frontmatter key "language_tabs"/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('an interrupted build', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s leaves the old site and removes the staging folder', async (signal) => {
    const { root, old } = await projectWithOldBuild();
    const child = shale(['build', '--root', root, '--quiet']);
    const done = finished(child);
    await waitFor(() => leftovers(root).length > 0, 60_000);
    child.kill(signal);
    const run = await done;
    expect(run.signal).toBe(signal);
    expect(treeHashes(join(root, 'build'))).toEqual(old);
    expect(leftovers(root)).toEqual([]);
  });

  it('kill -9 while writing leaves the old site, and the next build cleans up and succeeds', async () => {
    const { root, old } = await projectWithOldBuild();
    const child = shale(['build', '--root', root, '--quiet']);
    const done = finished(child);
    // Wait until the build has made its staging folder: from then on it writes into it (the pages'
    // content from a worker thread, from the start) until the swap, a window the build's worker
    // threads have made shorter than waiting for its assets folder could rely on.
    await waitFor(() => leftovers(root).length > 0, 60_000);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(treeHashes(join(root, 'build'))).toEqual(old);
    expect(leftovers(root).length).toBe(1);
    const next = await cli('build', '--root', root, '--quiet');
    expect(next.code).toBe(0);
    expect(leftovers(root)).toEqual([]);
    expect(treeHashes(join(root, 'build'))['index.html']).not.toBe(old['index.html']);
  });

  it('a kill between the two renames of the swap: the next run puts the old site back first', async () => {
    // The state a kill leaves there: build/ moved aside, the finished new site still staged.
    const root = tempProject({ 'source/index.html.md': '---\ntitle: A\n---\n# A\n' });
    expect((await cli('build', '--root', root, '--quiet')).code).toBe(0);
    const old = treeHashes(join(root, 'build'));
    const deadPid = 2 ** 31 - 2;
    renameSync(join(root, 'build'), join(root, `.build.shale-old-${deadPid}-1000`));
    mkdirSync(join(root, `.build.shale-new-${deadPid}-999`));
    writeFileSync(join(root, `.build.shale-new-${deadPid}-999`, MARKER), '{}');
    // Even a build that then fails on its input restores the old site before it stops.
    writeFileSync(join(root, 'source/index.html.md'), '---\ntitle: [oops\n---\n');
    expect((await cli('build', '--root', root)).code).toBe(1);
    expect(treeHashes(join(root, 'build'))).toEqual(old);
    expect(leftovers(root)).toEqual([]);
  });

  it('leaves alone the staging folder of a build that is still running', async () => {
    const root = tempProject({ 'source/index.html.md': '# A\n' });
    const sleeper = spawn('sleep', ['30']);
    try {
      const theirs = `.build.shale-new-${sleeper.pid}-1`;
      mkdirSync(join(root, theirs));
      expect((await cli('build', '--root', root, '--quiet')).code).toBe(0);
      expect(leftovers(root)).toEqual([theirs]);
    } finally {
      sleeper.kill();
    }
  });
});
