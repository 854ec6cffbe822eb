// The loader bin/shale.js runs the CLI's CommonJS bundle with (src/code-cache.ts): a bundle of its
// own here, an entry and two chunks, one required at once and one on demand, run the way the
// command runs, then run again from the cache the first run wrote. V8 keeps what it compiled in
// memory by source and file name, and then never looks at a cache: each run here loads its own
// copy of the bundle, as a new process would.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { canLoadBundle, loadBundle } from '../src/code-cache.js';

interface Entry {
  greet(name: string): string;
  later(): Promise<string>;
  fail(): void;
}

function bundleDir(words = 'hello'): string {
  const dir = mkdtempSync(join(tmpdir(), 'shale-code-cache-'));
  writeFileSync(join(dir, 'cli.cjs'), [
    'const words = require("./words-a1.cjs");',
    'const { basename } = require("node:path");',
    'exports.greet = (name) => `${words.word} ${name} from ${basename(__filename)}`;',
    'exports.later = async () => (await Promise.resolve().then(() => require("./later-b2.cjs"))).text;',
    'exports.fail = () => {',
    '  throw new Error("failed in the bundle");',
    '};',
  ].join('\n'));
  writeFileSync(join(dir, 'words-a1.cjs'), `exports.word = ${JSON.stringify(words)};\n`);
  writeFileSync(join(dir, 'later-b2.cjs'), 'module.exports = { text: "on demand" };\n');
  return dir;
}

/** The bundle in `dir` at a path of its own. */
function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'shale-code-cache-copy-'));
  for (const f of readdirSync(dir)) if (f.endsWith('.cjs')) cpSync(join(dir, f), join(copy, f));
  return copy;
}

const names = (chunks: Array<{ file: string; cached: boolean }>) => chunks.map((c) => `${c.file.split('/').at(-1)} ${c.cached}`);

describe('loadBundle', () => {
  it('runs the chunks as Node runs CommonJS: their requires, Node modules and __filename', async () => {
    const dir = bundleDir();
    const run = loadBundle<Entry>(join(dir, 'cli.cjs'), join(dir, 'code-cache'));
    expect(run.exports.greet('you')).toBe('hello you from cli.cjs');
    expect(names(run.chunks())).toEqual(['cli.cjs false', 'words-a1.cjs false']);
    expect(await run.exports.later()).toBe('on demand');
    expect(names(run.chunks())).toEqual(['cli.cjs false', 'words-a1.cjs false', 'later-b2.cjs false']);
  });

  it("names the chunk's own file and line in a stack", () => {
    const dir = bundleDir();
    const run = loadBundle<Entry>(join(dir, 'cli.cjs'), join(dir, 'code-cache'));
    expect(() => run.exports.fail()).toThrow('failed in the bundle');
    try {
      run.exports.fail();
    } catch (err) {
      expect((err as Error).stack).toContain(`${join(dir, 'cli.cjs')}:6:`);
    }
  });

  it('writes each loaded chunk’s cache when saved, and the next run takes it', async () => {
    const dir = bundleDir();
    const cache = join(dir, 'code-cache');
    const first = loadBundle<Entry>(join(dir, 'cli.cjs'), cache);
    first.exports.greet('a');
    first.save();
    expect(readdirSync(cache).map((f) => f.split('.')[0]).sort()).toEqual(['cli', 'words-a1']);
    const second = loadBundle<Entry>(join(copyOf(dir), 'cli.cjs'), cache);
    expect(second.exports.greet('b')).toBe('hello b from cli.cjs');
    expect(names(second.chunks())).toEqual(['cli.cjs true', 'words-a1.cjs true']);
    // A chunk first required in this run has no cache until this run saves.
    await second.exports.later();
    expect(names(second.chunks())).toContain('later-b2.cjs false');
    second.save();
    expect(readdirSync(cache)).toHaveLength(3);
    expect(names(loadBundle<Entry>(join(copyOf(dir), 'cli.cjs'), cache).chunks())).toEqual(['cli.cjs true', 'words-a1.cjs true']);
  });

  it('never runs a cache made from other code, even of the same length', () => {
    const dir = bundleDir('hello');
    const cache = join(dir, 'code-cache');
    loadBundle<Entry>(join(dir, 'cli.cjs'), cache).save();
    const changed = copyOf(dir);
    writeFileSync(join(changed, 'words-a1.cjs'), `exports.word = ${JSON.stringify('howdy')};\n`);
    const second = loadBundle<Entry>(join(changed, 'cli.cjs'), cache);
    expect(second.exports.greet('x')).toBe('howdy x from cli.cjs');
    expect(names(second.chunks())).toEqual(['cli.cjs true', 'words-a1.cjs false']);
  });

  it('runs without the cache when it is damaged, and makes it again', () => {
    const dir = bundleDir();
    const cache = join(dir, 'code-cache');
    loadBundle<Entry>(join(dir, 'cli.cjs'), cache).save();
    for (const f of readdirSync(cache)) writeFileSync(join(cache, f), 'not a code cache');
    const damaged = loadBundle<Entry>(join(copyOf(dir), 'cli.cjs'), cache);
    expect(damaged.exports.greet('y')).toBe('hello y from cli.cjs');
    expect(names(damaged.chunks())).toEqual(['cli.cjs false', 'words-a1.cjs false']);
    damaged.save();
    for (const f of readdirSync(cache)) expect(readFileSync(join(cache, f), 'latin1')).not.toBe('not a code cache');
    expect(names(loadBundle<Entry>(join(copyOf(dir), 'cli.cjs'), cache).chunks())).toEqual(['cli.cjs true', 'words-a1.cjs true']);
  });

  it("writes no cache once V8's flags changed (as before a large render: the next start would refuse it)", () => {
    const dir = bundleDir();
    const cache = join(dir, 'code-cache');
    const run = loadBundle<Entry>(join(dir, 'cli.cjs'), cache);
    v8.setFlagsFromString('--heap-growing-percent=50');
    try {
      run.save();
    } finally {
      v8.setFlagsFromString('--heap-growing-percent=0'); // V8's default again
    }
    expect(existsSync(cache)).toBe(false);
    // The flags of the start again: saved.
    run.save();
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('goes on without a cache where it cannot write one', () => {
    const dir = bundleDir();
    // A file where the cache folder would be: root may write anywhere, but not make a folder there.
    writeFileSync(join(dir, 'code-cache'), '');
    const run = loadBundle<Entry>(join(dir, 'cli.cjs'), join(dir, 'code-cache'));
    expect(() => run.save()).not.toThrow();
    expect(run.exports.greet('z')).toBe('hello z from cli.cjs');
    const readOnly = mkdtempSync(join(tmpdir(), 'shale-code-cache-ro-'));
    mkdirSync(join(readOnly, 'cache'));
    chmodSync(join(readOnly, 'cache'), 0o500);
    expect(() => loadBundle<Entry>(join(dir, 'cli.cjs'), join(readOnly, 'cache')).save()).not.toThrow();
  });

  it('is what Node 20.19 and later run (require of an ES module without a flag): the command CI runs', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(canLoadBundle()).toBe(major >= 23 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19));
  });
});
