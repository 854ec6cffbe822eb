// The installed command's loader (bin/shale.js): runs the CLI's CommonJS bundle
// (scripts/bundle-cli.mjs) with V8's code cache. Node 20 compiles every ES module from its source
// on every start, and gives an ES module no code cache (Node 22's module.enableCompileCache is
// not in 20); a vm.Script takes one. The cache is made at the end of a run, so it holds the
// bytecode of every function that run compiled, not only the top level: the next run starts with
// it. Measured: an edit of GitHub's reference ≈ 50 ms sooner, the sample's cold build ≈ 0.1 s
// (docs/performance.md).
//
// Each chunk's cache is a file named by a hash of the chunk's source and the Node version, in
// `cacheDir` (dist/bundle/code-cache/, beside the code it was made from, so that making the
// bundle again clears it). V8 itself refuses a cache from another V8 or other flags; one it
// refuses is made again, unless this run changed V8's flags (flagsProbe). A folder that cannot be
// written (a read-only install) only means no cache: nothing is reported.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { writeAside } from './cache/files.js';

/** One chunk of the bundle as loaded. */
export interface LoadedChunk {
  file: string;
  /** Did V8 take the chunk's cached code? */
  cached: boolean;
}

export interface LoadedBundle<T> {
  /** The entry chunk's exports. */
  exports: T;
  /** The chunks loaded so far (a chunk required later, on demand, joins the list). */
  chunks(): LoadedChunk[];
  /** Writes the cache of every chunk loaded without one; call it at the end of the run. */
  save(): void;
}

// A chunk runs as Node runs a CommonJS file: in a function of these five. Its first line stays
// line 1, so a stack names the chunk's own lines.
const WRAP_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_END = '\n})';

/**
 * Can this Node run the bundle? The chunks `require()` ES modules (shiki's lists of languages
 * and themes, Vite): Node 20.19 and later. Older ones run the compiled files instead
 * (bin/shale.js).
 */
export function canLoadBundle(): boolean {
  return (process.features as { require_module?: boolean }).require_module === true;
}

/** Runs the bundle whose entry is `entry` (a .cjs file), its chunks' code cached in `cacheDir`. */
export function loadBundle<T>(entry: string, cacheDir: string): LoadedBundle<T> {
  const loaded = new Map<string, { module: { exports: unknown }; script: vm.Script; cacheFile: string; cached: boolean }>();
  const dir = dirname(entry);
  const flags = flagsProbe();

  const load = (file: string): unknown => {
    const known = loaded.get(file);
    if (known) return known.module.exports;
    const source = readFileSync(file, 'utf8');
    const key = createHash('sha1').update(source).update(`\0${process.version}\0${process.arch}`).digest('base64url').slice(0, 20);
    const cacheFile = join(cacheDir, `${basename(file)}.${key}.bin`);
    const cachedData = readIfThere(cacheFile);
    // No import() in a chunk (scripts/bundle-cli.mjs makes them require()): V8 does not keep a
    // script's import() callback in its cache, so a chunk run from the cache could not import.
    const script = new vm.Script(WRAP_START + source + WRAP_END, { filename: file, cachedData });
    const module = { exports: {} };
    // Registered before it runs, as Node does, so that a cycle gets the exports made so far.
    loaded.set(file, { module, script, cacheFile, cached: cachedData !== undefined && !script.cachedDataRejected });
    const nodeRequire = createRequire(file);
    // Another chunk is loaded here; anything else (Node's modules, the packages left out of the
    // bundle) by Node, from the chunk's folder.
    const require = Object.assign((id: string) => (id.startsWith('./') && id.endsWith('.cjs') ? load(join(dir, id)) : nodeRequire(id)), nodeRequire);
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
    return module.exports;
  };

  return {
    exports: load(entry) as T,
    chunks: () => [...loaded].map(([file, c]) => ({ file, cached: c.cached })),
    save() {
      // A cache made under other flags than the next start's would be refused there, each time.
      if (!flags.same()) return;
      for (const c of loaded.values()) {
        if (c.cached) continue;
        // Written aside and renamed: another shale running at the same time reads a whole file or
        // none. A folder that cannot be written: no cache, and no use trying the other chunks.
        if (!writeAside(c.cacheFile, c.script.createCachedData())) return;
        c.cached = true;
      }
    },
  };
}

/**
 * Are V8's flags still those they were when the probe was made? V8 stamps a cache with its flags
 * and refuses one made under others, and the command changes one before a large render
 * (src/heap.ts): caches written after that would be refused at every next start, and written
 * again at every end. A tiny script's cache, made now, is refused later if the flags changed.
 * (Each check compiles under a name of its own: V8 does not look at a cache for a script it has
 * compiled already.)
 */
function flagsProbe(): { same(): boolean } {
  const source = '"shale"';
  const made = new vm.Script(source, { filename: 'shale-flags-probe' }).createCachedData();
  let checks = 0;
  return { same: () => !new vm.Script(source, { filename: `shale-flags-check-${++checks}`, cachedData: made }).cachedDataRejected };
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
