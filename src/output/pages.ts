// Pages made from the bundled theme without Vite: for each page, the template Vite rewrote once
// (src/vite/theme-bundle.ts) gets the page's way back to the site root in its asset URLs, its
// slots filled (src/vite/html.ts), its search index as a file named by its content hash (as Vite
// names assets), and its content put in as a string, never parsed.

import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openPackCache } from '../cache/pack-cache.js';
import { hash } from '../cache/theme-cache.js';
import { chunkFiles, splitContent } from './chunks.js';
import { splitSearchIndex } from '../search/index.js';
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
  /** outPath → serialised search index, for the pages that have search on. */
  indexes: Map<string, string>;
  /** Inline Markdown → HTML, for `toc_footers`. */
  renderInline: (markdown: string) => string;
  /**
   * Keep an index's snippets in the index file (`--inline`: the page embeds that one file, and
   * the worker reads the snippets from the rest of its bytes).
   */
  wholeIndex?: boolean;
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
  const written = new Map<string, string>(); // index text → its file (a site-wide index is shared)
  for (const page of pages) {
    const { outPath } = page.source;
    const up = toRoot(outPath);
    const text = opts.indexes.get(outPath);
    let searchIndexUrl: string | undefined;
    if (text !== undefined) {
      let file = written.get(text);
      if (!file) {
        // Snippets in a file of their own, read after the first answer.
        const parts = opts.wholeIndex ? { index: text, snippets: undefined } : splitSearchIndex(text);
        // The index names its snippets' file by their hash: its own hash stands for both. Encoded
        // once, for the hash and the file (GitHub's: 1.1 MB, a string made of slices).
        const bytes = Buffer.from(parts.index);
        file = `assets/search-index-${hash(bytes).slice(0, 8)}.json`;
        writeFile(join(outDir, file), bytes);
        if (parts.snippets) writeFile(join(outDir, 'assets', parts.snippets.file), parts.snippets.text);
        written.set(text, file);
      }
      searchIndexUrl = assetUrl(outPath, file, opts.base);
    }
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

function writeFile(file: string, text: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
