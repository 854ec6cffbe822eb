// Files the pages refer to (images/, fonts/, downloads) are copied as they are, to the same
// paths as Slate's build puts them, so `![](images/x.png)` and existing links keep working.
// Markdown, ERB and Slate's own Ruby/SCSS theme parts are sources, not site files.

import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIP_DIRS = new Set(['includes', 'layouts', 'node_modules']);
const SKIP_FILE = /\.(md|erb|scss|sass|rb)$/i;

/** Copies the source's static files into `outDir`; returns how many. */
export function copyStaticFiles(sourceDir: string, outDir: string): number {
  let count = 0;
  const walk = (from: string, to: string) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const src = join(from, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(src, join(to, entry.name));
      } else if (entry.isFile() && !SKIP_FILE.test(entry.name)) {
        mkdirSync(to, { recursive: true });
        copyFileSync(src, join(to, entry.name));
        count++;
      }
    }
  };
  walk(sourceDir, outDir);
  return count;
}
