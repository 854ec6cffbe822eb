// What `shale build` renders its pages with: one markdown-it, and one highlighter per code theme,
// each with the project's highlight cache in front (src/cache/highlight-cache.ts) and, for a
// large page, a worker thread behind (src/markdown/highlight-pool.ts). Made per run.

import { join } from 'node:path';
import type { BundledTheme } from 'shiki';
import { openHighlightCache, type HighlightCache } from '../cache/highlight-cache.js';
import type { ResolvedConfig } from '../config.js';
import { plural } from '../log.js';
import { createMarkdown } from '../markdown/create.js';
import { createCodeHighlighter, type CodeHighlighter } from '../markdown/highlight.js';
import { POOL_MIN_BLOCKS, withHighlightPool } from '../markdown/highlight-pool.js';
import type { RenderContext } from './page.js';

export interface BuildRenderContext extends RenderContext {
  /** Writes each highlight cache; `keepUnused` for a run that replayed pages or parts (their blocks were not asked for). */
  saveCaches(opts: { keepUnused: boolean }): void;
  /** `, 3 blocks highlighted, 2 from cache, 3 in a worker thread` for the render line of the log. */
  highlightNote(): string;
  /** Frees shiki and stops the workers once every page of the run is rendered (a process may build many times). */
  dispose(): Promise<void>;
}

/**
 * `cache`: read and write `<root>/.shale-cache/` highlight caches. `worker`: highlight in a worker
 * thread for any page (true), never (false), or for a page with POOL_MIN_BLOCKS new blocks (unset).
 */
export function buildRenderContext(config: ResolvedConfig, opts: { cache: boolean; worker?: boolean }): BuildRenderContext {
  // One highlighter per code theme for this run: grammars compile once, whatever the page count.
  const highlighters = new Map<string, Promise<CodeHighlighter>>();
  const caches: HighlightCache[] = [];
  const pooled: Array<{ threaded(): number }> = [];
  const minBlocks = opts.worker === undefined ? POOL_MIN_BLOCKS : opts.worker ? 1 : Infinity;
  const make = async (theme: string): Promise<CodeHighlighter> => {
    const inner = withHighlightPool(await createCodeHighlighter(theme as BundledTheme), theme, minBlocks);
    pooled.push(inner);
    if (!opts.cache) return inner;
    const cache = openHighlightCache(join(config.root, '.shale-cache'), config.sourceDir, inner);
    caches.push(cache);
    return cache.highlighter;
  };
  return {
    md: createMarkdown({ safe: config.safe }),
    idScheme: config.idScheme,
    // Note where each top-level heading lands in the HTML, for writePages to cut a large page into chunks.
    chunkCuts: true,
    highlighter(theme) {
      let h = highlighters.get(theme);
      if (!h) highlighters.set(theme, (h = make(theme)));
      return h;
    },
    saveCaches: ({ keepUnused }) => caches.forEach((c) => c.save({ keepUnused })),
    highlightNote() {
      const sum = (f: (c: HighlightCache) => number) => caches.reduce((n, c) => n + f(c), 0);
      const threaded = pooled.reduce((n, p) => n + p.threaded(), 0);
      return (caches.length ? `, ${plural(sum((c) => c.stats.highlighted), 'block')} highlighted, ${sum((c) => c.stats.reused)} from cache` : '') +
        (threaded ? `, ${threaded} in a worker thread` : '');
    },
    async dispose() {
      for (const h of highlighters.values()) (await h.catch(() => undefined))?.dispose();
    },
  };
}
