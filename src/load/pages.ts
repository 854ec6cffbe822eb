// Which files are pages: every `**/*.html.md` and `**/index.md` under the source folder, except
// partials (names starting with `_`) and anything under `includes/` (SLATE-DIALECT §1).

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders that never hold pages: includes, and Slate's Ruby/SCSS theme parts. */
const SKIP_DIRS = new Set(['includes', 'layouts', 'stylesheets', 'javascripts', 'node_modules']);

export interface PageFile {
  file: string;
  /** Output path relative to the output folder, with `/` separators. */
  outPath: string;
}

export function findPages(sourceDir: string): PageFile[] {
  const pages: PageFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (entry.name.endsWith('.html.md') || entry.name === 'index.md') {
        pages.push({ file: full, outPath: outPathOf(relative(sourceDir, full)) });
      }
    }
  };
  walk(sourceDir);
  // index.html first, then the rest by path, so output and logs are stable.
  return pages.sort((a, b) => (a.outPath === 'index.html' ? -1 : b.outPath === 'index.html' ? 1 : a.outPath.localeCompare(b.outPath)));
}

/** `v2/index.html.md` → `v2/index.html`; `guide/index.md` → `guide/index.html`. */
export function outPathOf(rel: string): string {
  const p = rel.split('\\').join('/');
  return p.endsWith('.html.md') ? p.slice(0, -'.md'.length) : p.replace(/\.md$/, '.html');
}
