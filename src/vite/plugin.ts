// Pages inside a project's own `vite build` (`shale/vite`, shale.ts): each page's shell is a
// virtual HTML entry (so Vite bundles and hashes the theme's script and styles and rewrites
// their URLs), then the content and the search index go in at the end. The content skips
// Vite's HTML parsing on purpose: a large reference is tens of MB and Vite needs none of it.
// `shale build` bundles the theme once for all pages instead (theme-bundle.ts, output/pages.ts).

import { join } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SLOT, SEARCH_INDEX_SLOT } from './html.js';

export const THEME_PREFIX = '/@shale-theme/';

export interface CompiledPage {
  /** Output path, e.g. `index.html` or `v2/index.html`. */
  outPath: string;
  /** Template with every slot but the content filled. */
  shell: string;
  content: string;
  /** Serialised search index, when the page has search on. */
  searchIndex?: string;
}

export interface PagesPluginOptions {
  /** Virtual entry id (an absolute .html path inside Vite's root) → page. */
  pages: Map<string, CompiledPage>;
  themeDir: string;
  /** `./` for relative URLs, else an absolute prefix such as `/docs/`. */
  base: string;
}

/** `opts` is read when the hooks run, so a plugin made before the config is resolved can fill it in. */
export function shalePages(opts: PagesPluginOptions): Plugin {
  return {
    name: 'shale:pages',
    enforce: 'pre',
    resolveId(id) {
      if (id.startsWith(THEME_PREFIX)) return join(opts.themeDir, id.slice(THEME_PREFIX.length));
      if (opts.pages.has(id)) return id;
      return null;
    },
    load(id) {
      return opts.pages.get(id)?.shell ?? null;
    },
    // Vite's HTML plugin emits the pages in its own generateBundle: run after it.
    generateBundle: { order: 'post', handler(_options, bundle) {
      for (const page of opts.pages.values()) {
        const asset = bundle[page.outPath];
        if (!asset || asset.type !== 'asset') {
          this.error(`shale: Vite did not produce ${page.outPath}`);
        }
        let html = String(asset.source);
        if (page.searchIndex !== undefined) {
          const ref = this.emitFile({ type: 'asset', name: 'search-index.json', source: page.searchIndex });
          const url = assetUrl(page.outPath, this.getFileName(ref), opts.base);
          html = html.replace(SEARCH_INDEX_SLOT, () => url);
        }
        // A function replacement: content may contain `$&` and similar patterns.
        asset.source = html.replace(CONTENT_SLOT, () => page.content);
      }
    } },
  };
}

/** URL of `target` from the page at `from` (both relative to the output folder). */
export function assetUrl(from: string, target: string, base: string): string {
  if (base !== './') return base + target;
  return toRoot(from) + target;
}

/** `../` once for each folder the page sits in: the way back to the site root. */
export function toRoot(outPath: string): string {
  return '../'.repeat(outPath.split('/').length - 1);
}
