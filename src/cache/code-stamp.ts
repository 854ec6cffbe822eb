// What the page cache's keys hold of the code that renders: the versions of the libraries whose
// output lands in a page, shale's own version, and its compiled code as it is on disk. A renderer
// changed without a version bump (a developer's checkout, a patched install) must not be served
// pages its predecessor made, so each file of shale's code counts by its name, size and time of
// last change. Hashing their contents instead read 3.2 MB on every build (7–30 ms here); any
// write to a file changes its time, and a new version installed with fixed file times (npm's)
// changes the version.

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../package-root.js';
import { filesUnder } from './files.js';

/**
 * The stamp of the code that `moduleUrl` belongs to: `root`'s files, by default the folder above
 * the module's and all below it.
 */
export function codeStamp(moduleUrl: string, root = dirname(dirname(fileURLToPath(moduleUrl)))): string {
  const require = createRequire(moduleUrl);
  const version = (file: string) => (require(file) as { version: string }).version;
  const h = createHash('sha256');
  // markdown-it makes the HTML, shiki the code's.
  for (const name of ['markdown-it', 'shiki']) h.update(`${name} ${version(`${name}/package.json`)}\0`);
  h.update(`shale ${version(packagePath('package.json'))}\0`);
  const skip = (e: { name: string; isDirectory(): boolean }) => e.name === 'theme-cache' || e.name === 'node_modules' ||
    (!e.isDirectory() && (!/\.(c?js|ts)$/.test(e.name) || e.name.endsWith('.d.ts')));
  for (const file of filesUnder(root, skip)) {
    const stat = statSync(file);
    h.update(`${basename(file)}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return h.digest('base64url');
}
