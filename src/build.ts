// `shale build`: load → render → bundle (theme) → pages → output, one stage per step, timed and logged.
// Everything this run knows travels in local values; nothing is kept between runs.

import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { removeStaleTemps } from './cache/files.js';
import { openPageCache } from './cache/page-cache.js';
import type { PartStats } from './cache/part-cache.js';
import type { SectionsLayout } from './cache/part-sections.js';
import { openPartStore } from './cache/part-store.js';
import { openSourceStats } from './cache/source-stats.js';
import { readThemeBundle, themeKey, writeThemeBundle, type ThemeBundle } from './cache/theme-cache.js';
import { resolveConfig, type ResolvedConfig, type ShaleOptions } from './config.js';
import { ShaleError } from './errors.js';
import { beforeRender } from './heap.js';
import { findPages } from './load/pages.js';
import { sizeOfParts } from './load/read.js';
import { loadSource } from './load/source.js';
import { consoleLogger, formatMs, plural, stage, type Logger } from './log.js';
import { createEnv } from './markdown/env.js';
import { escapeHtml } from './markdown/highlight.js';
import { checkOutputFolder, deliverSignals, discardStagingFolder, makeStagingFolder, publishStagingFolder } from './output/folder.js';
import { willSplit } from './output/chunks.js';
import { inputsDigest, isUpToDate, listFiles } from './output/up-to-date.js';
import { copyStaticFiles } from './output/static-files.js';
import { copyThemeFiles, writeContents, writePages } from './output/pages.js';
import { buildRenderContext } from './render/build-context.js';
import { pageText } from './render/html-pieces.js';
import { renderPage, type RenderContext } from './render/page.js';
import { searchAhead } from './search/ahead.js';
import { BESIDE_MIN_SECTIONS, searchIndexesBeside, searchJob } from './search/beside.js';
import type { Diagnostic, Page, Source } from './types.js';
import { bundleTheme } from './vite/theme-bundle.js';

export interface BuildResult {
  outDir: string;
  pages: Page[];
  warnings: Diagnostic[];
}

/** Options of the build() API beyond the configuration (the CLI sets `ownProcess` alone). */
export interface BuildExtras {
  /**
   * Keep highlighted code and the bundled theme between builds in `<root>/.shale-cache/` (default
   * true); false neither reads nor writes it, nor uses the theme bundle shipped in the package.
   */
  cache?: boolean;
  /**
   * Worker threads beside the main thread: highlighting during the parse (src/markdown/highlight-pool.ts)
   * and the search indexes while the pages are written (src/search/beside.ts). By default for a page
   * with 1,000 new blocks or more and a site with 2,000 sections or more; true always, false never.
   */
  workers?: boolean;
  /** The process is shale's own (the command): V8's heap may be tuned for a large render (src/heap.ts). */
  ownProcess?: boolean;
}

export async function build(options: ShaleOptions = {}, log: Logger = consoleLogger(options.quiet), extras: BuildExtras = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const config = resolveConfig(options);
  checkSourceFolder(config);
  checkOutputFolder(config.outDir, config);
  log.info(`shale build  ${shown(config.sourceDir)} → ${shown(config.outDir)}`);

  const useCache = extras.cache !== false;
  const cacheDir = join(config.root, '.shale-cache');
  const pageFiles = findPages(config.sourceDir);
  // A large site's search worker starts as early as the build can tell one (src/search/ahead.ts).
  const searchCache = useCache ? { dir: cacheDir, scope: config.sourceDir } : undefined;
  const ahead = searchAhead(searchCache, pageFiles.map((p) => p.outPath), extras.workers);
  // Includes whose stat tells them unchanged since the last build are not read (src/cache/source-stats.ts).
  const sourceStats = useCache ? openSourceStats(cacheDir, config.sourceDir) : undefined;
  let sources: Source[];
  try {
    sources = await stage(log, 'load', () => pageFiles.map((p) => loadSource(p.file, p.outPath, config, sourceStats?.known)),
      (s) => `${plural(s.length, 'page')}, ${plural(new Set(s.flatMap((x) => x.parts.map((p) => p.file))).size, 'file')}`);
  } catch (err) {
    ahead.stop();
    throw err;
  }
  if (!sources.length) {
    throw new ShaleError(`no pages in ${shown(config.sourceDir)}`, {
      hint: 'A page is a file named *.html.md or index.md (Slate starts with source/index.html.md).',
    });
  }

  const ctx = buildRenderContext(config, { cache: useCache, worker: extras.workers });
  const pageCache = useCache ? openPageCache(cacheDir, config.sourceDir, { idScheme: config.idScheme, safe: config.safe }) : undefined;
  // Every input as it was for the build that made the output folder, which nobody has touched since.
  const inputs = pageCache && inputsDigest([
    ...sources.map((src) => pageCache.keyOf(src)),
    themeKey({ themeDir: config.themeDir, base: config.base, inline: config.inline }),
    JSON.stringify([config.base, config.inline, config.lazyContent]),
  ], config.sourceDir);
  const noteSources = () => pageCache && sourceStats?.save(sources.flatMap((s) => s.parts), pageCache.partDigest);
  if (inputs && isUpToDate(config.outDir, inputs)) {
    const pages = sources.map((src) => pageCache?.peek(src));
    if (pages.every((p): p is Page => p !== undefined)) {
      ahead.stop();
      noteSources();
      return finish(pages, `${shown(config.outDir)} is up to date: nothing changed since its build`);
    }
  }

  ahead.loaded(sources);
  // Pages whose sections the worker can make from their part files, with the edited parts' records.
  const layouts = new Map<Page, SectionsLayout>();

  let pagesReused = 0;
  const parts: PartStats = { rendered: 0, reused: 0 };
  // What the pages rendered now leave in .shale-cache/: written once the search indexes are under way.
  const keep: Array<() => void> = [];
  const pages = await stage(log, 'render', async () => {
    const out: Page[] = [];
    try {
      for (const s of sources) {
        const cached = pageCache?.get(s);
        if (cached) pagesReused++;
        out.push(cached ?? await renderParts(s, parts));
      }
    } catch (err) {
      ahead.stop();
      throw err;
    } finally {
      await ctx.dispose();
    }
    return out;
  }, (p) => `${plural(p.reduce((n, x) => n + x.headings.length, 0), 'heading')}${ctx.highlightNote()}${pagesReused ? `, ${plural(pagesReused, 'page')} unchanged` : ''}${parts.reused ? `, ${parts.rendered} of ${plural(parts.rendered + parts.reused, 'file')} rendered again` : ''}`);

  /**
   * A page of several files through its part records (src/cache/part-store.ts): after an edit in
   * one include, only that include is rendered again, and what depends on it. A one-file page has
   * no part to keep apart from its edit: rendered whole. Either way, what the page leaves in the
   * caches is written in the `cache` stage (`keep`).
   */
  async function renderParts(source: Source, stats: PartStats): Promise<Page> {
    if (!pageCache || source.parts.length < 2) {
      beforeRender(sizeOfParts(source.parts), extras.ownProcess);
      const page = await renderPage(source, ctx);
      keep.push(() => pageCache?.set(page));
      return page;
    }
    const store = openPartStore(cacheDir, config.sourceDir, source.outPath, pageCache.stampOf(source), stats, pageCache.partDigest);
    const hooks = store.cache.begin();
    beforeRender(sizeOfParts(source.parts.filter(hooks.willRender)), extras.ownProcess);
    const page = await renderPage(source, ctx, hooks);
    hooks.commit();
    const layout = ahead.worker && store.layout();
    if (layout) layouts.set(page, layout);
    // The parts' HTML files, when they hold the page's in order: named by the page's entry, not written twice.
    keep.push(() => pageCache.set(page, store.save()));
    return page;
  }

  let staging = '';
  let stopSearch = () => ahead.stop();
  try {
    staging = makeStagingFolder(config.outDir);
    // The search indexes are made in a worker thread, for a large site, while the caches are kept and the content written.
    const inChunks = (p: Page) => willSplit(pageText(p), p.chunkCuts ?? [], config.lazyContent);
    const keyOf = (p: Page) => `${pageCache!.keyOf(p.source)}\0${inChunks(p)}`;
    const search = searchIndexesBeside(searchJob(pages, inChunks, searchCache && { ...searchCache, keyOf }, (p) => layouts.get(p), config.inline),
      extras.workers === undefined ? BESIDE_MIN_SECTIONS : extras.workers ? 1 : Infinity, ahead.worker);
    stopSearch = search.stop;
    if (useCache) {
      await stage(log, 'cache', () => {
        for (const k of keep) k();
        noteSources();
        // Pages read back from the page cache, and parts replayed, used no highlighter: their blocks stay in its cache.
        ctx.saveCaches({ keepUnused: pagesReused > 0 || parts.reused > 0 });
        // What an interrupted build's writes left behind (the packs' folder has its own).
        removeStaleTemps(cacheDir, ['packs']);
        return keep.length;
      }, (n) => `${plural(n, 'page')} rendered now kept in .shale-cache`);
    }
    const theme = await stage(log, 'bundle', () => themeBundle(config, staging, useCache), bundleNote);
    const contents = await stage(log, 'content', () => writeContents(pages, staging, { base: config.base, lazyContent: config.lazyContent, cacheDir: useCache ? cacheDir : undefined }),
      (c) => `${plural([...c.values()].filter((x) => x.chunkMapUrl).length, 'page')} in chunks`);
    const indexes = await stage(log, 'search', () => search.indexes,
      (m) => `${plural(new Set(m.values()).size, 'index', 'indexes')}${search.threaded ? ' (in a worker thread)' : ''}`);
    await stage(log, 'theme', () => writePages(pages, contents, staging, {
      template: theme.template, base: config.base, indexes,
      logo: existsSync(join(config.sourceDir, 'images', 'logo.png')),
      renderInline: (s) => ctx.md.renderInline(s, footerEnv(ctx)),
    }), (n) => `${plural(n, 'page')} with ${relative(config.root, config.themeDir) || config.themeDir}`);
    await stage(log, 'write', () => copyStaticFiles(config.sourceDir, staging), (n) => `${plural(n, 'static file')} copied`);
    if (config.inline) {
      const { inlineSite } = await import('./output/inline.js');
      await stage(log, 'inline', () => inlineSite(staging, pages.map((p) => p.source.outPath)), (n) => `${plural(n, 'file')} put inside the pages`);
    }
    await deliverSignals();
    publishStagingFolder(staging, config.outDir, inputs ? { inputs, files: listFiles(staging) } : {});
  } catch (err) {
    stopSearch();
    if (staging) discardStagingFolder(staging);
    throw err;
  }
  return finish(pages, `built ${plural(pages.length, 'page')}`);

  function finish(pages: Page[], done: string): BuildResult {
    const warnings = pages.flatMap((p) => p.warnings);
    for (const w of warnings) log.warn(w);
    log.info(`${done} in ${formatMs(performance.now() - t0)}${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''}`);
    return { outDir: config.outDir, pages, warnings };
  }
}

/** toc_footers are not part of the page: their own env keeps them out of its headings and sections. */
function footerEnv(ctx: RenderContext) {
  return createEnv({ tabs: [], idScheme: ctx.idScheme, highlight: escapeHtml, knowsLanguage: () => true });
}

type Theme = ThemeBundle & { origin: 'vite' | 'cache' | 'package' };

/**
 * The theme's scripts and styles in `outDir`, and its template with the tags Vite wrote: from the
 * project's cache or the package when the theme and options are the same as when it was made
 * (Vite is then never imported), else from Vite, and kept for next time.
 */
async function themeBundle(config: ResolvedConfig, outDir: string, useCache: boolean): Promise<Theme> {
  const opts = { themeDir: config.themeDir, base: config.base, inline: config.inline };
  const cacheDir = join(config.root, '.shale-cache');
  const key = useCache ? themeKey(opts) : undefined;
  const cached = key ? readThemeBundle(cacheDir, key, config.themeDir) : undefined;
  if (cached) {
    copyThemeFiles(cached.files, cached.filesDir, outDir);
    return cached;
  }
  const made = await bundleTheme({ ...opts, root: config.sourceDir }, outDir);
  if (key) writeThemeBundle(cacheDir, key, made, outDir, opts);
  return { ...made, origin: 'vite' };
}

function bundleNote(t: Theme): string {
  const what = plural(t.files.length, 'file');
  return t.origin === 'vite' ? `vite: ${what}` : `${what} from ${t.origin === 'cache' ? '.shale-cache' : 'the package'} (theme unchanged)`;
}

function checkSourceFolder(config: ResolvedConfig): void {
  if (!existsSync(config.sourceDir) || !statSync(config.sourceDir).isDirectory()) {
    throw new ShaleError(`source folder ${shown(config.sourceDir)} not found`, {
      hint: 'Run shale in a folder that has source/index.html.md, or pass --source PATH (`shale init` creates one).',
    });
  }
}

function shown(p: string): string {
  return relative(process.cwd(), p) || '.';
}
