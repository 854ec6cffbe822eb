// Where shale's own files are (package.json, themes/, dist/): found once by walking up from this
// module. The same code runs from src/ (tests), dist/ (the Node API) and dist/bundle/ (the CLI,
// one bundle: scripts/bundle-cli.mjs), so no module may count `..` from its own place.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'shale') return dir;
    if (dirname(dir) === dir) throw new Error(`shale's package.json not found above ${from}`);
  }
}

/** The package's root folder. */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package, e.g. `packagePath('themes', 'default')`. */
export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);

/**
 * A compiled module that runs as a worker thread: `file` beside the module asking (`from`, its
 * import.meta.url: dist/<folder>/ for the Node API, dist/bundle/ for the CLI), else the one in
 * dist/<folder>/ (tests run the asking module from src/). Undefined when neither exists.
 */
export function workerModule(from: string, folder: string, file: string): URL | undefined {
  return [new URL(file, from), pathToFileURL(packagePath('dist', folder, file))].find((url) => existsSync(url));
}
