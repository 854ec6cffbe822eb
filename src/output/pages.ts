// Pages made from the bundled theme without Vite: for each page, the template Vite rewrote once
// (src/vite/theme-bundle.ts) gets the page's way back to the site root in its asset URLs, its
// slots filled (src/vite/html.ts), its search index as a file named by its content hash (as Vite
// names assets), and its content put in as a string, never parsed.

import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openPackCache } from '../cache/pack-cache.js';
import { hash } from '../cache/theme-cache.js';
import { chunkFiles, splitContent } from './chunks.js';
import type { IndexFiles } from '../search/index.js';
import { pageText } from '../render/html-pieces.js';
import type { Page } from '../types.js';
import { CONTENT_SLOT, pageShell } from '../vite/html.js';
import { assetUrl, toRoot } from '../vite/plugin.js';
import { ROOT_SLOT } from '../vite/theme-bundle.js';

export interface WritePagesOptions {
  /** The theme's template after Vite, asset URLs under ROOT_SLOT. */
  template: string;
  /** `./` or an absolute prefix such as `/docs/`. */
  base: string;
  /** Does the source have images/logo.png? */
  logo: boolean;
  /** outPath → its search index's files, for the pages that have search on. */
  indexes: Map<string, IndexFiles>;
  /** Inline Markdown → HTML, for `toc_footers`. */
  renderInline: (markdown: string) => string;
}

/** A page's content as its HTML file holds it: the whole content, or its first chunk and placeholders. */
export interface PageContent {
  html: string;
  /** The page's chunk map, when its content loads in chunks. */
  chunkMapUrl?: string;
}

/**
 * Writes each page's chunk packs into `outDir` (a page over `lazyContent` bytes of content HTML,
 * or false; packs kept in `cacheDir` when given) and returns what stays in each page, by outPath.
 * Needs neither the theme nor the search indexes: the build does it while they are made.
 */
export function writeContents(pages: Page[], outDir: string, opts: { base: string; lazyContent: number | false; cacheDir?: string }): Map<string, PageContent> {
  const out = new Map<string, PageContent>();
  const packs = opts.cacheDir === undefined ? undefined : openPackCache(opts.cacheDir);
  for (const page of pages) {
    const { outPath } = page.source;
    const tabs = new Set(page.source.frontmatter.language_tabs.map((t) => t.key));
    const first = page.source.frontmatter.language_tabs[0]?.key;
    const split = splitContent(pageText(page), page.chunkCuts ?? [], opts.lazyContent, (tab) => !tabs.has(tab) || tab === first, page.segments);
    const content = chunkFiles(split, (file) => assetUrl(outPath, file, opts.base), hash, packs?.pack, packs?.chunkMap);
    for (const [file, text] of content.files) writeFile(join(outDir, file), text);
    out.set(outPath, { html: content.html, chunkMapUrl: content.mapFile && assetUrl(outPath, content.mapFile, opts.base) });
  }
  packs?.save();
  return out;
}

/** Writes every page (its shell around `contents`) and search index into `outDir`; returns the page count. */
export function writePages(pages: Page[], contents: Map<string, PageContent>, outDir: string, opts: WritePagesOptions): number {
  const written = new Set<string>(); // index files (a site-wide index is shared)
  for (const page of pages) {
    const { outPath } = page.source;
    const up = toRoot(outPath);
    const index = opts.indexes.get(outPath);
    if (index && !written.has(index.file)) {
      writeFile(join(outDir, index.file), index.bytes);
      // Snippets in a file of their own, read after the first answer.
      if (index.snippets) writeFile(join(outDir, index.snippets.file), index.snippets.bytes);
      written.add(index.file);
    }
    const searchIndexUrl = index && assetUrl(outPath, index.file, opts.base);
    const content = contents.get(outPath)!;
    const template = opts.template.split(ROOT_SLOT).join(opts.base === './' ? up || './' : opts.base);
    const shell = pageShell(page, { template, toRoot: up, logo: opts.logo, renderInline: opts.renderInline, searchIndexUrl, chunkMapUrl: content.chunkMapUrl });
    // A function replacement: content may contain `$&` and similar patterns.
    writeFile(join(outDir, outPath), shell.replace(CONTENT_SLOT, () => content.html));
  }
  return pages.length;
}

/** Copies the theme's bundled files (`assets/…`) from a cache entry into the output. */
export function copyThemeFiles(files: string[], fromDir: string, outDir: string): void {
  for (const f of files) {
    const to = join(outDir, f);
    if (!existsSync(dirname(to))) mkdirSync(dirname(to), { recursive: true });
    cpSync(join(fromDir, f), to);
  }
}

function writeFile(file: string, text: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
